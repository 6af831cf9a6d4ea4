"""Each verdict monitor tripped by a real crawl: verdict, exit status, no traceback of our own."""

from __future__ import annotations

import gzip
import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from tests.support.crawl import REPO, crawl_stats
from tests.support.mockserver.faults_crawl import crawl, reports
from tests.support.mockserver.fixtures import MockSite
from tests.support.ops_site import tiny_site
from tests.test_incremental import last_report, run_ops_spider

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def article_crawl(workdir: Path, sitemap: str, *feed: str, **settings: str) -> dict[str, Any]:
    """`scrapy crawl article` of a sitemap with `feed` options (default: -O articles.jsonl)."""
    feed = feed or ("-O", str(workdir / "articles.jsonl"))
    cmd = ("crawl", "article", "-a", f"sitemap={sitemap}", *feed)
    result = crawl(*cmd, workdir=workdir, **cast(dict[str, Any], settings))
    done = reports(workdir)
    return {
        "rc": result.returncode,
        "log": result.stderr,
        "stats": crawl_stats(result.stderr),
        "report": done[-1] if done else {},
    }


def assert_verdict(run: dict[str, Any], verdict: str, code: int) -> None:
    assert run["report"]["verdict"] == verdict, run["log"][-3000:]
    assert run["report"]["exit_code"] == code
    assert run["rc"] == code, run["log"][-3000:]


def test_one_404_and_one_pdf_among_good_pages_is_ok(
    start_mock_site: Callable[..., MockSite], tmp_path: Path
) -> None:
    site = start_mock_site(articles=5, faults={"/article/2": "404", "/article/3": "pdf"})
    append = ("-o", str(tmp_path / "articles.jsonl"))  # -O would fetch every article again
    first = article_crawl(tmp_path, f"{site.url}/sitemap.xml", *append)
    assert_verdict(first, "OK", 0)
    assert first["report"]["http_errors"] == {"404": 1}
    assert first["report"]["article_pages_fetched"] == 3
    # Before: the next run re-fetched only the 404 and the PDF, exported nothing: COLLAPSE, exit 3.
    second = article_crawl(tmp_path, f"{site.url}/sitemap.xml", *append)
    assert_verdict(second, "OK", 0)
    assert second["report"]["incremental"]["skipped"] == 3
    assert "Traceback" not in first["log"] + second["log"]


@pytest.mark.parametrize("down", ["refused", "all-503"])
def test_outage_every_request_refused_or_failing(
    down: str, start_mock_site: Callable[..., MockSite], tmp_path: Path
) -> None:
    if down == "refused":  # nothing listens there: no network, or the site is down
        base = f"http://127.0.0.1:{free_port()}"
    else:
        site = start_mock_site(articles=3, faults={"rate": {"503bare": 1.0}, "rate_scope": ["/"]})
        base = site.url
    run = article_crawl(tmp_path, f"{base}/sitemap.xml")
    assert_verdict(run, "OUTAGE", 4)
    assert list(run["report"]["failed_checks"]) == ["OUTAGE"]
    assert run["report"]["failed_checks"]["OUTAGE"].endswith(" requests sent, none answered")
    # Scrapy's "Gave up retrying" lines are ERRORs without a traceback: not ERRORS.
    assert run["stats"]["log_count/ERROR"] >= 1
    assert "Traceback" not in run["log"]


def test_collapse_article_pages_without_items(tmp_path: Path) -> None:
    with tiny_site(4) as base:
        run = run_ops_spider(tmp_path, base, "-a", "mode=empty")
    assert run.returncode == 3, run.stderr[-3000:]
    report = last_report(tmp_path)
    assert (report["verdict"], report["exit_code"]) == ("COLLAPSE", 3)
    assert report["failed_checks"]["COLLAPSE"] == "0 articles exported from 4 article pages fetched"


@pytest.mark.parametrize(
    ("args", "found"),
    [
        (("-a", "mode=raise"), "3 tracebacks logged, 3 spider callback exceptions"),
        (
            ("-s", 'ITEM_PIPELINES={"tests.support.ops_spider.RaisingPipeline": 1}'),
            "3 tracebacks logged",
        ),
    ],
    ids=["spider", "pipeline"],
)
def test_unhandled_exception_is_errors(args: tuple[str, ...], found: str, tmp_path: Path) -> None:
    with tiny_site(3) as base:
        run = run_ops_spider(tmp_path, base, *args)
    assert run.returncode == 7, run.stderr[-3000:]
    report = last_report(tmp_path)
    assert report["verdict"] == "ERRORS"
    assert report["failed_checks"]["ERRORS"] == found
    # Before: a run whose every page raised in the spider said COLLAPSE; in a pipeline, OK.
    assert report["newscrawler"]["errors/tracebacks"] == 3


def test_lost_items(tmp_path: Path) -> None:
    with tiny_site(3) as base:
        run = run_ops_spider(tmp_path, base, "-a", "mode=lose", "-O", "out.jsonl")
    assert run.returncode == 6, run.stderr[-3000:]
    report = last_report(tmp_path)
    assert (report["verdict"], report["lost"]) == ("LOST", {"test": 3})
    assert "Traceback" not in run.stderr


# Runs that reach no article: listings that answer 200 and name none the spider may fetch,
# or article URLs that all answer 404. (faults, argument, why it failed)
LISTED = "1 sitemap/feed/listing requests led to 0 article requests"
UNREACHED = {
    "empty sitemap": ({"/sitemap.xml": "urlset"}, "sitemap=/sitemap.xml", LISTED),
    "empty feed": ({"/rss.xml": "rss"}, "feed=/rss.xml", LISTED),
    "offsite and bad entries only": (
        {"/sitemap.xml": "urlset:http://elsewhere.example/article/1 mailto:desk@example.com"},
        "sitemap=/sitemap.xml",
        LISTED,
    ),
    "listing page without article links": (
        {"/news/": "listing:/about/"},
        "listing=/news/",
        LISTED,
    ),
    "every article 404": (
        {"rate": {"404": 1.0}, "rate_scope": ["/article"]},
        "sitemap=/sitemap.xml",
        "0 article pages from 3 article requests",
    ),
}


@pytest.mark.parametrize("case", list(UNREACHED))
def test_a_run_that_reaches_no_article_is_collapse(
    case: str, start_mock_site: Callable[..., MockSite], tmp_path: Path
) -> None:
    faults, argument, why = UNREACHED[case]
    site = start_mock_site(articles=3, faults=faults)
    name, _, path = argument.partition("=")
    spider = "indialife" if name == "listing" else "article"  # a site spider: its own listings
    aliases = json.dumps({site.url.removeprefix("http://"): "indialife"})
    out = str(tmp_path / "articles.jsonl")
    cmd = ("crawl", spider, "-a", f"{name}={site.url}{path}", "-O", out)
    result = crawl(*cmd, workdir=tmp_path, NEWSCRAWLER_SITE_ALIASES=aliases)
    run = {"rc": result.returncode, "log": result.stderr, "report": reports(tmp_path)[-1]}
    # Before: OK, exit 0, with 0 articles exported.
    assert_verdict(run, "COLLAPSE", 3)
    assert run["report"]["failed_checks"] == {"COLLAPSE": why}
    assert run["report"]["articles_exported"] == 0
    assert "Traceback" not in run["log"]


def test_a_warc_without_responses_is_collapse(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc.gz"
    with gzip.open(empty, "wb"):
        pass
    out = str(tmp_path / "o.jsonl")
    result = crawl("crawl", "warc", "-a", f"path={empty}", "-O", out, workdir=tmp_path)
    run = {"rc": result.returncode, "log": result.stderr, "report": reports(tmp_path)[-1]}
    assert_verdict(run, "COLLAPSE", 3)  # before: OK, exit 0
    assert run["report"]["failed_checks"] == {"COLLAPSE": "0 response records in 1 WARC files"}
    assert "Traceback" not in run["log"]


def test_listings_whose_entries_are_all_older_than_since_are_ok(
    mock_site: MockSite, tmp_path: Path
) -> None:
    # Entries left out by the user's own filter: nothing new is no failure of the site.
    since = ("-O", str(tmp_path / "a.jsonl"), "-a", "since=1m")
    run = article_crawl(tmp_path, f"{mock_site.url}/news-sitemap.xml", *since)
    assert_verdict(run, "OK", 0)
    assert run["stats"]["newscrawler/spider/too_old"] >= 1
    assert "newscrawler/report/article_requests" not in run["stats"]


def test_feed_that_cannot_be_stored(mock_site: MockSite, tmp_path: Path) -> None:
    feed = f"ftp://user:pass@127.0.0.1:{free_port()}/articles.jsonl"
    local = str(tmp_path / "articles.jsonl")
    run = article_crawl(tmp_path, f"{mock_site.url}/sitemap.xml", "-o", local, "-o", feed)
    assert_verdict(run, "FEED_FAILED", 5)
    assert "1 FTPFeedStorage feed(s) not stored" in run["report"]["failed_checks"]["FEED_FAILED"]
    # Scrapy logs the storage error with its traceback, so ERRORS fails too; FEED_FAILED wins.
    assert set(run["report"]["failed_checks"]) == {"FEED_FAILED", "ERRORS"}


def test_stalled_crawl_is_incomplete(
    start_mock_site: Callable[..., MockSite], tmp_path: Path
) -> None:
    site = start_mock_site(articles=4, faults={"rate": {"slow": 1.0}, "rate_scope": ["/article"]})
    settings = {"DOWNLOAD_TIMEOUT": "10", "CLOSESPIDER_TIMEOUT_NO_ITEM": "1"}
    run = article_crawl(tmp_path, f"{site.url}/sitemap.xml", **settings)
    assert_verdict(run, "INCOMPLETE", 8)
    assert run["report"]["failed_checks"] == {
        "INCOMPLETE": "finish_reason=closespider_timeout_no_item"
    }
    assert "Traceback" not in run["log"]


def test_pages_without_dates_are_low_coverage(
    start_mock_site: Callable[..., MockSite], tmp_path: Path
) -> None:
    need = json.dumps({"headline": 1.0, "body": 1.0, "published_at": 0.8})
    clean = start_mock_site(articles=12)
    run = article_crawl(
        tmp_path / "ok", f"{clean.url}/sitemap.xml", NEWSCRAWLER_FIELD_COVERAGE=need
    )
    assert_verdict(run, "OK", 0)
    # A template that lost its JSON-LD, published-time meta and <time>: only datelines date it.
    site = start_mock_site(articles=12, faults={"rate": {"nodate": 1.0}})
    run = article_crawl(
        tmp_path / "bad", f"{site.url}/sitemap.xml", NEWSCRAWLER_FIELD_COVERAGE=need
    )
    assert_verdict(run, "LOW_COVERAGE", 9)
    assert list(run["report"]["failed_checks"]) == ["LOW_COVERAGE"]
    reason = run["report"]["failed_checks"]["LOW_COVERAGE"]
    assert reason.startswith("field coverage of 12 items: published_at "), reason
    assert reason.endswith("% < 80%"), reason  # published_at alone: headline and body are whole
    assert run["report"]["field_coverage"]["published_at"] < 0.8
    assert "Traceback" not in run["log"]


class Inbox:
    """An aiosmtpd handler keeping every message it is sent."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    inbox, port = Inbox(), free_port()
    controller = controller_mod.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def mail_settings(port: int, subject: str) -> list[str]:
    """`-s` options for spidermon's SMTP action, sending to the test's server."""
    mail = {
        "NEWSCRAWLER_MONITOR_ACTIONS": "spidermon.contrib.actions.email.smtp.SendSmtpEmail",
        "SPIDERMON_EMAIL_SENDER": "newscrawler@example.org",
        "SPIDERMON_EMAIL_TO": "desk@example.org",
        "SPIDERMON_EMAIL_SUBJECT": subject,
        "SPIDERMON_SMTP_HOST": "127.0.0.1",
        "SPIDERMON_SMTP_PORT": str(port),
        "SPIDERMON_SMTP_USER": "newscrawler",
        "SPIDERMON_SMTP_PASSWORD": "not-a-secret",
    }
    return [part for key, value in mail.items() for part in ("-s", f"{key}={value}")]


def test_failed_verdict_sends_an_email(smtp_server: tuple[int, Inbox], tmp_path: Path) -> None:
    port, inbox = smtp_server
    settings = mail_settings(port, "newscrawler {{ data.spider.name }}: run failed")
    with tiny_site(2) as base:
        run = run_ops_spider(tmp_path, base, "-a", "mode=empty", *settings)
    assert run.returncode == 3, run.stderr[-3000:]
    assert "Mail sent OK" in run.stderr
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert envelope.rcpt_tos == ["desk@example.org"]
    text = envelope.content.decode("utf-8", errors="replace")
    assert "Subject: newscrawler ops: run failed" in text
    # spidermon's report names the failed monitor, its verdict and why.
    assert "ItemCountMonitor (COLLAPSE): 0 articles exported from 2 article pages fetched" in text


def test_healthy_run_sends_nothing(smtp_server: tuple[int, Inbox], tmp_path: Path) -> None:
    port, inbox = smtp_server
    with tiny_site(2) as base:
        run = run_ops_spider(tmp_path, base, *mail_settings(port, "run failed"))
    assert run.returncode == 0, run.stderr[-3000:]
    assert inbox.messages == []


def test_warc_report_counts_records_as_pages(tmp_path: Path) -> None:
    sample = REPO / "data" / "samples" / "sample.warc.gz"
    out = str(tmp_path / "o.jsonl")
    result = crawl("crawl", "warc", "-a", f"path={sample}", "-O", out, workdir=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    report = reports(tmp_path)[-1]
    # Before: "0 pages, 0 article pages, 7 exported".
    assert (report["pages_fetched"], report["article_pages_fetched"]) == (8, 8)
    assert report["articles_exported"] == 7
    assert report["verdict"] == "OK"
