"""Bad spider arguments and settings: one `newscrawler: error:` line, exit 2, nothing fetched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from scrapy.settings import Settings

from newscrawler.exceptions import ConfigError
from newscrawler.utils import config
from tests.support.crawl import run_scrapy

# A closed loopback port: a crawl that got as far as fetching would log connection errors.
NOWHERE = "urls=http://127.0.0.1:9/article/1"
ARGUMENTS = [
    (("warc", "-a", "pth=data/samples"), "unknown argument -a pth=", "accepted: path, refresh"),
    (("article", "-a", "url=http://127.0.0.1:9/"), "unknown argument -a url=", "urls"),
    (("article", "-a", NOWHERE, "-a", "since=abc"), "-a since='abc'", "e.g. 2d"),
    (("article", "-a", NOWHERE, "-a", "since=0d"), "-a since='0d'", "over 0"),
    (("article", "-a", "url_file=missing.txt"), "url_file='missing.txt'", "one URL per line"),
    # A URL without a scheme stopped the start mid-list: every URL after it was never fetched
    (("article", "-a", "urls=http://127.0.0.1:9/1,127.0.0.1:9/2"), "-a urls: entry 2", "https://"),
    (("article", "-a", "sitemap=data/news-sitemap.xml"), "'data/news-sitemap.xml'", "http.server"),
    (("article", "-a", NOWHERE, "-a", "allow_offsite=maybe"), "-a allow_offsite", "yes/no"),
    (("apnews", "-a", "max_pages=many"), "-a max_pages='many'", "1 or more"),
    # No input at all: a run that would reach nobody is refused instead of reporting OK.
    (("article",), "article: nothing to crawl", "-a sitemap="),
]
SETTINGS = [
    ("NEWSCRAWLER_SQLITE_COMMIT_EVERY=abc", "not an integer"),
    ("NEWSCRAWLER_JSONL_COMMIT_SECONDS=soon", "not a number"),
    ("NEWSCRAWLER_SITE_ALIASES={oops", "not valid JSON"),
    ('NEWSCRAWLER_SITE_ALIASES={"127.0.0.1:9": "nosuchsite"}', "unknown site keys"),
    ("NEWSCRAWLER_DEFAULT_TIMEZONE=Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
    ('NEWSCRAWLER_SITE_TIMEZONES={"ndtv": "Asia/Kolkatta"}', "unknown time zone"),
    ("NEWSCRAWLER_STORIES_THRESHOLD=5", "out of range; accepted: 0.2 to 1.0"),
    ("NEWSCRAWLER_MIN_WORDS=twenty", "not an integer"),
    ("NEWSCRAWLER_BACKOFF_MAX=-1", "out of range"),
    ("NEWSCRAWLER_COLLAPSE_EXIT_CODE=0", "out of range"),  # a collapsed run would exit 0
    # Scrapy's own: read deep in its components, they were a traceback and exit 1
    ("DOWNLOAD_DELAY=1s", "is not a number"),
    ("CONCURRENT_REQUESTS=abc", "is not a whole number"),
    ("ROBOTSTXT_OBEY=maybe", "is not True/False"),
    ("AUTOTHROTTLE_MAX_DELAY=x", "is not a number"),
    ('NEWSCRAWLER_FIELD_COVERAGE={"headlin": 1.0}', "unknown field 'headlin'"),
    ("NEWSCRAWLER_EXTRACT_WORKERS=1.5", "not an integer"),
    ("NEWSCRAWLER_INCREMENTAL_ENABLED=maybe", "not a boolean"),
    ("NEWSCRAWLER_REDIS_URL=localhost:6379", "not a Redis URL"),
]


def assert_refused(result: object, *needles: str) -> str:
    stderr: str = result.stderr  # type: ignore[attr-defined]
    errors = [line for line in stderr.splitlines() if line.startswith("newscrawler: error:")]
    assert result.returncode == 2, stderr[-3000:]  # type: ignore[attr-defined]
    assert len(errors) == 1, stderr[-3000:]
    for needle in needles:
        assert needle in errors[0]
    assert stderr.count("Traceback") == 0, stderr[-3000:]
    assert "Spider opened" not in stderr  # nothing fetched, no feed opened
    return errors[0]


@pytest.mark.slow
@pytest.mark.parametrize(("args", "what", "accepted"), ARGUMENTS, ids=lambda v: str(v)[:24])
def test_bad_spider_argument_stops_before_fetching(
    args: tuple[str, ...], what: str, accepted: str
) -> None:
    assert_refused(run_scrapy("crawl", *args), what, accepted)


@pytest.mark.slow
def test_missing_warc_path_leaves_outputs_alone(tmp_path: Path) -> None:
    good, db = tmp_path / "good.jsonl", tmp_path / "good.sqlite"
    good.write_text('{"url": "kept"}\n')
    db.write_bytes(b"not touched")
    result = run_scrapy(
        "crawl", "warc", "-a", f"path={tmp_path / 'missing'}", "-O", str(good), "-O", str(db)
    )
    assert_refused(result, "does not exist", "accepted: a WARC file or a directory")
    assert good.read_text() == '{"url": "kept"}\n'
    assert db.read_bytes() == b"not touched"


@pytest.mark.slow
@pytest.mark.parametrize(("setting", "accepted"), SETTINGS, ids=lambda v: v[:40])
def test_bad_setting_stops_before_fetching(setting: str, accepted: str, tmp_path: Path) -> None:
    db, lines = tmp_path / "out.sqlite", tmp_path / "out.jsonl"
    db.write_bytes(b"not touched")
    lines.write_bytes(b'{"url": "kept"}\n')
    outputs = ("-O", str(db), "-O", str(lines))
    result = run_scrapy("crawl", "article", "-a", NOWHERE, "-s", setting, *outputs)
    assert_refused(result, setting.split("=", 1)[0], accepted)
    assert db.read_bytes() == b"not touched"
    assert lines.read_bytes() == b'{"url": "kept"}\n'


@pytest.mark.slow
def test_feed_options_given_as_a_string_are_refused(tmp_path: Path) -> None:
    # {"out.jsonl": "jsonlines"} for {"out.jsonl": {"format": "jsonlines"}}: was a traceback
    feeds = '{"%s": "jsonlines"}' % (tmp_path / "out.jsonl")
    result = run_scrapy("crawl", "article", "-a", NOWHERE, "-s", f"FEEDS={feeds}")
    assert_refused(result, "not an object of options", '{"format": "jsonlines"}')


@pytest.mark.slow
@pytest.mark.parametrize("fields", [["headlines", "url"], "url"])
def test_feed_fields_that_name_no_record_field_are_refused(
    fields: list[str] | str, tmp_path: Path
) -> None:
    # A typo in `fields` wrote `{}` for every record, all remembered as exported
    feeds = json.dumps({str(tmp_path / "out.jsonl"): {"format": "jsonlines", "fields": fields}})
    result = run_scrapy("crawl", "article", "-a", NOWHERE, "-s", f"FEEDS={feeds}")
    assert_refused(result, "fields:", "is not a list of record fields")


@pytest.mark.slow
def test_runspider_reports_config_errors_too(tmp_path: Path) -> None:
    spider = tmp_path / "bad.py"
    spider.write_text(
        "from newscrawler.exceptions import ConfigError\nimport scrapy\n\n"
        "class Bad(scrapy.Spider):\n    name = 'bad'\n\n"
        "    def __init__(self, *a, **kw):\n        raise ConfigError('bad: -a x is wrong')\n"
    )
    assert_refused(run_scrapy("runspider", str(spider)), "bad: -a x is wrong")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("yes", True), ("On", True), ("0", False), ("", False), (None, False)],
)
def test_one_boolean_parser(value: object, expected: bool) -> None:
    assert config.parse_bool(value, "-a refresh") is expected


@pytest.mark.parametrize(
    ("getter", "value", "message"),
    [
        (lambda s: config.get_int(s, "X", 1), "1.5", "X='1.5' is not an integer; accepted: 0 or"),
        (lambda s: config.get_float(s, "X", 1.0, high=1.0), "2", "X='2' is out of range"),
        (lambda s: config.get_list(s, "X", ()), "[1,", "X is not valid JSON"),
        (lambda s: config.get_dict(s, "X", {}), "[1]", "X='[1]' has the wrong JSON type"),
        (lambda s: config.get_bool(s, "X", False), "maybe", "X='maybe' is not a boolean"),
    ],
    ids=["int", "float-range", "list-json", "dict-kind", "bool"],
)
def test_typed_getters_name_the_setting(getter: object, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match="^" + re.escape(message)):
        getter(Settings({"X": value}))  # type: ignore[operator]


def test_getters_fall_back_to_the_module_default() -> None:
    settings = Settings({"L": "a, b", "D": '{"h": "ndtv"}'})
    assert config.get_int(settings, "ABSENT", 7) == 7
    assert config.get_list(settings, "L", ()) == ["a", "b"]
    assert config.get_dict(settings, "D", {}) == {"h": "ndtv"}
    assert config.check_zone("Z", "Asia/Kolkata") == "Asia/Kolkata"
