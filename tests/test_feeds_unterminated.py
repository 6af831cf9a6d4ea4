"""`-o out.jsonl` onto a file whose last line has no newline: new records start a new line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newscrawler.feeds.lineend import UNTERMINATED_KEY, appends_lines, end_last_line
from newscrawler.feeds.locking import open_locked
from tests.support.crawl import crawl_stats
from tests.support.mockserver.fixtures import MockSite
from tests.test_feeds_faults import scrapy, seen_urls

# A record cut by a full disk or a killed writer: not JSON, and no newline after it.
PARTIAL = '{"url": "https://old.example/1", "headline": "an earl'


@pytest.mark.slow
def test_an_append_crawl_onto_a_cut_last_line_keeps_every_new_record_whole(
    tmp_path: Path, start_mock_site: Callable[..., MockSite]
) -> None:
    site = start_mock_site(articles=8)
    out = tmp_path / "out.jsonl"
    out.write_text(PARTIAL, encoding="utf-8")
    done = scrapy(tmp_path, "-a", f"sitemap={site.url}/sitemap.xml", "-o", str(out))
    assert done.returncode == 0, done.stderr[-4000:]
    first, *lines = out.read_text(encoding="utf-8").splitlines()
    assert first == PARTIAL  # the user's partial line is left as it was
    records = [json.loads(line) for line in lines]  # every new line parses on its own
    assert sorted(record["url"] for record in records) == sorted(site.article_urls)
    assert seen_urls(tmp_path) == set(site.article_urls)
    assert crawl_stats(done.stderr)[UNTERMINATED_KEY] == 1
    warnings = [line for line in done.stderr.splitlines() if "without a newline" in line]
    assert len(warnings) == 1
    assert "WARNING" in warnings[0]
    assert str(out) in warnings[0]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["out.json", "out.xml"])
def test_appending_a_second_json_or_xml_document_is_refused_before_fetching(
    name: str, tmp_path: Path, start_mock_site: Callable[..., MockSite]
) -> None:
    # A second `-o out.json` run appended a second array ("Extra data" for every reader) and
    # remembered its items: now FEED_FAILED before the first request, the file as it was
    site = start_mock_site(articles=2)
    out = tmp_path / name
    first = scrapy(tmp_path, "-a", f"sitemap={site.url}/sitemap.xml", "-o", str(out))
    assert first.returncode == 0, first.stderr[-4000:]
    kept = out.read_bytes()
    again = scrapy(
        tmp_path, "-a", "refresh=1", "-a", f"sitemap={site.url}/sitemap.xml", "-o", str(out)
    )
    assert again.returncode == 5, again.stderr[-4000:]
    assert "-o would append a second one" in again.stderr
    assert out.read_bytes() == kept


@pytest.mark.parametrize(
    ("before", "after", "counted"),
    [
        (b'{"a": 1}', b'{"a": 1}\n', 1),
        (b'{"a": 1}\n', b'{"a": 1}\n', 0),  # already whole: no blank line added
        (b"", b"", 0),
    ],
    ids=["cut", "whole", "empty"],
)
def test_only_a_file_ending_mid_line_gets_a_newline(
    tmp_path: Path, before: bytes, after: bytes, counted: int
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(before)
    stats = MemoryStatsCollector(get_crawler())
    with open_locked(path, overwrite=False) as file:
        end_last_line(file, path, stats)
    assert path.read_bytes() == after
    assert stats.get_value(UNTERMINATED_KEY, 0) == counted


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"format": "jsonlines"}, True),
        ({"format": "jl", "encoding": "utf-8"}, True),
        ({"format": "jsonlines", "overwrite": True}, False),  # emptied anyway
        ({"format": "jsonlines", "postprocessing": ["gzip"]}, False),  # a raw byte breaks gzip
        ({"format": "jsonlines", "encoding": "utf-16"}, False),
        ({"format": "csv"}, False),
    ],
)
def test_only_plain_json_lines_appends_are_checked(
    options: dict[str, object], expected: bool
) -> None:
    assert appends_lines(options) is expected
