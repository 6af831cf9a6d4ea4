"""Run report: the pure summary, the checks and verdicts, the extension, and the exit status."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.test import get_crawler
from spidermon.core.actions import Action

from newscrawler.commands.exitcode import stats_exit_code
from newscrawler.extensions import checks
from newscrawler.extensions.report import EXIT_CODE_KEY, RunReport, report_filename
from newscrawler.extensions.summary import build_report, collapse_reasons
from newscrawler.extensions.verdicts import VERDICTS, worst
from tests.support.ops_site import tiny_site
from tests.test_incremental import last_report, run_ops_spider

HEALTHY = {
    "response_received_count": 12,
    "newscrawler/report/article_pages": 10,
    "item_scraped_count": 9,
    "item_dropped_count": 1,
    "item_dropped_reasons_count/DuplicateArticle": 1,
    "downloader/response_status_count/200": 11,
    "downloader/response_status_count/404": 1,
    "newscrawler/cleaning/duplicate_paragraphs": 4,
    "newscrawler/paragraphs/removed": 4,
    "newscrawler/cleaning/related_links": 7,
    "newscrawler/dateline/given": 3,
    "newscrawler/dateline/parsed": 5,
    "newscrawler/dateline/missing": 2,
    "newscrawler/dates/parsed/jsonld": 6,
    "newscrawler/dates/parsed/dateline": 2,
    "newscrawler/dates/unparsed": 1,
    "newscrawler/dates/modified_unparsed": 5,
    "newscrawler/spider/fallback_extraction": 2,
    "newscrawler/incremental/skipped": 30,
}


@pytest.mark.parametrize(
    ("stats", "collapsed"),
    [
        (HEALTHY, False),
        ({"newscrawler/report/article_pages": 5, "item_scraped_count": 0}, True),
        ({"newscrawler/report/article_pages": 0, "item_scraped_count": 0}, False),
        (
            {
                "item_scraped_count": 4,
                "item_dropped_count": 6,
                "item_dropped_reasons_count/EmptyBody": 4,
                "item_dropped_reasons_count/NotAnArticle": 2,
            },
            True,
        ),
        ({"item_dropped_count": 1, "item_dropped_reasons_count/NotAnArticle": 1}, False),
        # a rerun: 4 exported earlier and skipped, 1 new page that is a section front
        ({"newscrawler/report/article_pages": 1, "newscrawler/incremental/skipped": 4}, False),
        # ... but 3 new pages with nothing exported is the extraction failing again
        ({"newscrawler/report/article_pages": 3, "newscrawler/incremental/skipped": 4}, True),
    ],
    ids=[
        "healthy",
        "nothing-exported",
        "nothing-new-incremental",
        "mostly-empty",
        "one-video-page",
        "rerun-one-new-page-no-article",
        "rerun-three-new-pages-none-exported",
    ],
)
def test_collapse_verdict(stats: dict[str, Any], collapsed: bool) -> None:
    assert bool(collapse_reasons(stats)) is collapsed


def test_cancelled_job_is_incomplete_not_a_collapse() -> None:
    # The old verdict said OK for a cancelled run; it did not finish, so it is INCOMPLETE now.
    stats = {"newscrawler/report/article_pages": 2, "item_scraped_count": 0}
    assert checks.collapse(stats, "finished") is not None
    assert checks.collapse(stats, "shutdown") is None
    assert checks.finish_reason("shutdown") == "finish_reason=shutdown"
    assert checks.finish_reason("closespider_itemcount") is None


REFUSED = {
    "downloader/request_count": 8,
    "robotstxt/request_count": 1,
    "downloader/exception_type_count/DownloadConnectionRefusedError": 8,
    "log_count/ERROR": 2,  # Scrapy's one-line "Gave up retrying": not an unhandled exception
}


@pytest.mark.parametrize(
    ("stats", "verdict"),
    [
        (HEALTHY, "OK"),
        (REFUSED, "OUTAGE"),
        ({"downloader/request_count": 3, "downloader/response_status_count/503": 3}, "OUTAGE"),
        (
            {
                "downloader/request_count": 2,
                "robotstxt/request_count": 1,
                "downloader/response_status_count/404": 1,
                "robotstxt/response_status_count/404": 1,
            },
            "OUTAGE",
        ),
        (
            {
                "downloader/request_count": 1,
                "robotstxt/request_count": 1,
                "downloader/response_status_count/200": 1,
                "robotstxt/response_status_count/200": 1,
                "robotstxt/forbidden": 5,
            },
            "COLLAPSE",  # robots.txt forbade every request: the run reached nobody
        ),
        ({**HEALTHY, "newscrawler/errors/tracebacks": 1}, "ERRORS"),
        ({**HEALTHY, "spider_exceptions/ValueError": 2}, "ERRORS"),
        ({**HEALTHY, "log_count/CRITICAL": 1}, "ERRORS"),
        ({**HEALTHY, "newscrawler/lost/unencodable": 1}, "LOST"),
        ({**HEALTHY, "newscrawler/lost/unencodable": 0}, "OK"),
        ({**HEALTHY, "feedexport/failed_count/FTPFeedStorage": 1}, "FEED_FAILED"),
        ({**HEALTHY, "newscrawler/feeds/open_failed": 1}, "FEED_FAILED"),
        ({**HEALTHY, "newscrawler/skipped/warc_record": 4}, "OK"),
        ({**HEALTHY, "newscrawler/report/article_pages": 3, "item_scraped_count": 0}, "COLLAPSE"),
        ({**HEALTHY, "newscrawler/feeds/open_failed": 1, "newscrawler/lost/x": 3}, "FEED_FAILED"),
    ],
    ids=[
        "healthy",
        "refused",
        "all-503",
        "only-robots-answered",
        "robots-forbids-all",
        "traceback",
        "callback-raised",
        "critical",
        "lost",
        "lost-zero",
        "feed-not-stored",
        "feed-not-opened",
        "skips-alone",
        "collapse",
        "feed-beats-lost",
    ],
)
def test_verdict_of_checks(stats: dict[str, Any], verdict: str) -> None:
    failed = [
        name
        for name, reason in (
            ("ERRORS", checks.errors(stats)),
            ("FEED_FAILED", checks.feeds(stats)),
            ("LOST", checks.lost(stats)),
            ("OUTAGE", checks.outage(stats)),
            ("COLLAPSE", checks.collapse(stats, "finished")),
        )
        if reason
    ]
    assert worst(failed).name == verdict


LISTED = {"newscrawler/report/listing_requests": 2, "downloader/response_status_count/200": 2}


@pytest.mark.parametrize(
    ("stats", "reason", "collapsed"),
    [
        (LISTED, "finished", True),  # sitemaps answered, no article named in them
        ({**LISTED, "newscrawler/report/article_requests": 1}, "finished", False),
        ({**LISTED, "newscrawler/spider/too_old": 4}, "finished", False),  # the user's `since`
        ({**LISTED, "newscrawler/incremental/skipped": 4}, "finished", False),  # nothing new
        ({**LISTED, "robotstxt/forbidden": 4}, "finished", False),  # robots' own reason: below
        # An outage (the sitemap never answered) is OUTAGE alone.
        (
            {"newscrawler/report/listing_requests": 2, "downloader/response_status_count/503": 8},
            "finished",
            False,
        ),  # fmt: skip
        ({**LISTED, "newscrawler/warc/records": 3}, "finished", False),
        (LISTED, "shutdown", False),  # cancelled before the sitemap was read
        (LISTED, "closespider_timeout", False),
        ({}, "finished", False),  # a Redis worker that found no seed: it reached no listing
    ],
)
def test_listings_without_any_article_are_a_collapse(
    stats: dict[str, Any], reason: str, collapsed: bool
) -> None:
    found = checks.collapse(stats, reason)
    assert (found == "2 sitemap/feed/listing requests led to 0 article requests") is collapsed


def test_robots_txt_forbidding_everything_is_a_collapse_that_says_so() -> None:
    # Disallow: / for every URL the run asked for: nothing fetched, so never OK
    found = checks.collapse({**LISTED, "robotstxt/forbidden": 4}, "finished")
    assert found == "robots.txt forbade all 4 requests and nothing was fetched"
    beside = {**LISTED, "robotstxt/forbidden": 4, "newscrawler/incremental/skipped": 2}
    assert checks.collapse(beside, "finished") is None  # the rest was exported before


@pytest.mark.parametrize(
    ("stats", "why"),
    [
        ({**LISTED, "newscrawler/report/article_requests": 3}, "0 article pages from 3 article"),
        ({"newscrawler/warc/files": 2}, "0 response records in 2 WARC files"),
        ({"newscrawler/warc/files": 2, "newscrawler/warc/records": 1}, None),  # replayed one
        ({**LISTED, "newscrawler/report/article_requests": 3, "item_scraped_count": 1}, None),
    ],
)
def test_article_requests_that_reach_no_page_are_a_collapse(
    stats: dict[str, Any], why: str | None
) -> None:
    found = checks.unreached(stats)
    assert found == why if why is None else (found or "").startswith(why)


def test_exit_codes_are_distinct_and_collapse_keeps_3() -> None:
    codes = [v.exit_code for v in VERDICTS]
    assert len(set(codes)) == len(codes)
    assert not {0, 1, 2} & set(codes)
    assert {v.name: v.exit_code for v in VERDICTS}["COLLAPSE"] == 3


def test_field_coverage() -> None:
    stats = {"item_scraped_count": 10, "newscrawler/coverage/headline": 10}
    stats["newscrawler/coverage/published_at"] = 4
    need = {"headline": 1.0, "published_at": 0.5}
    assert checks.coverage(stats, need) == "field coverage of 10 items: published_at 40% < 50%"
    assert checks.coverage({**stats, "newscrawler/coverage/published_at": 5}, need) is None
    assert checks.coverage({**stats, "item_scraped_count": 9}, need, min_items=10) is None
    report = build_report(stats, spider="x", finish_reason="finished")
    assert report["field_coverage"] == {"headline": 1.0, "published_at": 0.4}


def test_warc_records_are_pages() -> None:
    stats = {"newscrawler/warc/records": 8, "newscrawler/warc/skipped_non_html": 1}
    report = build_report({**stats, "item_scraped_count": 7}, spider="warc", finish_reason="x")
    assert (report["pages_fetched"], report["article_pages_fetched"]) == (8, 7)
    assert collapse_reasons({**stats, "item_scraped_count": 0})  # a WARC replay can collapse


def test_report_figures() -> None:
    report = build_report(HEALTHY, spider="apnews", finish_reason="finished")
    assert report["pages_fetched"] == 12
    assert report["articles_exported"] == 9
    assert report["drops_by_reason"] == {"DuplicateArticle": 1}
    assert report["http_errors"] == {"404": 1}
    assert report["duplicate_paragraphs_removed"] == 4
    assert report["related_links_split"] == 7
    assert report["fallback_extractions"] == 2
    assert report["dateline_parse_rate"] == 0.8
    assert report["date_parse_rate"] == 0.889
    assert report["incremental"] == {"skipped": 30}
    json.dumps(report)


def test_extension_writes_report_and_sets_exit_code(tmp_path: Path) -> None:
    settings = {"NEWSCRAWLER_REPORT_DIR": str(tmp_path), "NEWSCRAWLER_COLLAPSE_EXIT_CODE": 7}
    crawler = get_crawler(settings_dict=settings)
    ext = RunReport.from_crawler(crawler)
    crawler.stats.open_spider()
    crawler.stats.set_value("start_time", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    crawler.stats.set_value("newscrawler/report/article_pages", 3)
    report = ext.close("apnews", "finished")
    assert report["verdict"] == "COLLAPSE"
    assert report["exit_code"] == 7
    written = json.loads((tmp_path / "apnews-2026-01-02T03-04-05+00-00.json").read_text())
    assert written["verdict"] == "COLLAPSE"
    assert crawler.stats.get_value(EXIT_CODE_KEY) == 7
    assert stats_exit_code([crawler]) == 7


def test_tracebacks_count_from_the_crawlers_start_not_the_spiders_opening() -> None:
    # A component opening before the report's own spider_opened (a feed) logged a traceback
    # that no check counted: the run said OK
    crawler = get_crawler()
    ext = RunReport.from_crawler(crawler)
    crawler.stats.open_spider()
    try:
        try:
            raise KeyError("site")
        except KeyError:
            logging.getLogger("scrapy.extensions.feedexport").exception("Error opening a feed")
    finally:
        logging.getLogger().removeHandler(ext.counter)
    assert crawler.stats.get_value("newscrawler/errors/tracebacks") == 1


def test_report_filename_matches_feed_time_format() -> None:
    start = datetime(2026, 1, 2, 3, 4, 5, 123, tzinfo=UTC)
    assert report_filename("x", start) == "x-2026-01-02T03-04-05+00-00.json"


@pytest.mark.slow
def test_collapsed_run_exits_non_zero(tmp_path: Path) -> None:
    with tiny_site(3) as base:
        empty = run_ops_spider(tmp_path, base, "-a", "mode=empty")
        assert empty.returncode == 3, empty.stderr[-3000:]
        assert "Run verdict COLLAPSE (exit 3)" in empty.stderr
        assert last_report(tmp_path)["verdict"] == "COLLAPSE"
        (tmp_path / "ok").mkdir()
        healthy = run_ops_spider(tmp_path / "ok", base)
        assert healthy.returncode == 0, healthy.stderr[-3000:]


def test_traceback_counter_tells_tracebacks_from_one_line_errors() -> None:
    import logging

    from scrapy.statscollectors import MemoryStatsCollector

    from newscrawler.extensions.errors import TracebackCounter

    crawler = get_crawler()
    stats = MemoryStatsCollector(crawler)
    log = logging.getLogger("tests.report.counter")
    counter = TracebackCounter(stats)
    log.addHandler(counter)
    try:
        log.error("Gave up retrying <GET http://x/>: Connection refused")  # deliberate, one line
        log.warning("skipped", exc_info=(ValueError, ValueError("w"), None))  # below ERROR
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("Spider error processing <GET http://x/>")
        log.critical("Unhandled error in Deferred:\nTraceback (most recent call last):\n ...")
    finally:
        log.removeHandler(counter)
    engine = logging.getLogger("scrapy.core.engine")  # its own failures, logged at INFO
    engine.addHandler(counter)
    level = engine.level
    engine.setLevel(logging.INFO)  # as a crawl's logging lets INFO through to handlers
    try:
        failure = (ValueError, ValueError("unpack requires a buffer of 4 bytes"), None)
        engine.info("Error while handling downloader output", exc_info=failure)
        engine.info("Spider opened")
    finally:
        engine.removeHandler(counter)
        engine.setLevel(level)
    assert stats.get_value("newscrawler/errors/tracebacks") == 3


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("NEWSCRAWLER_FIELD_COVERAGE", '{"published_at": 2}', "shares must be from 0 to 1"),
        ("NEWSCRAWLER_FIELD_COVERAGE", '{"published_at": "x"}', "shares must be numbers"),
        ("NEWSCRAWLER_FIELD_COVERAGE", "[1, 2", "NEWSCRAWLER_FIELD_COVERAGE"),
        ("NEWSCRAWLER_MONITOR_ACTIONS", "spidermon.nope.Action", "cannot load"),
        ("NEWSCRAWLER_MONITOR_ACTIONS", "json.dumps", "is not a spidermon action"),
        (
            "NEWSCRAWLER_MONITOR_ACTIONS",
            "spidermon.contrib.actions.slack.notifiers.SendSlackMessageSpiderFinished",
            "SPIDERMON_SLACK_SENDER_TOKEN",
        ),
    ],
    ids=["share-over-1", "share-not-number", "not-json", "no-module", "not-action", "no-token"],
)
def test_bad_monitor_settings_are_config_errors(setting: str, value: str, message: str) -> None:
    from newscrawler.exceptions import ConfigError

    crawler = get_crawler(settings_dict={setting: value})
    with pytest.raises(ConfigError, match=message):
        RunReport.from_crawler(crawler)


def test_coverage_setting_from_command_line(tmp_path: Path) -> None:
    need = '{"published_at": 0.8, "agency": 0.25}'
    settings = {"NEWSCRAWLER_FIELD_COVERAGE": need, "NEWSCRAWLER_REPORT_DIR": str(tmp_path)}
    ext = RunReport.from_crawler(get_crawler(settings_dict=settings))
    assert dict(ext.options.checks.field_coverage) == {"published_at": 0.8, "agency": 0.25}


class Unreachable(Action):  # type: ignore[misc]
    """A notification whose service cannot be reached."""

    def run_action(self) -> None:
        raise ConnectionError("no route to the chat service")


def test_failed_notification_is_one_error_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = {
        "NEWSCRAWLER_REPORT_DIR": str(tmp_path),
        "NEWSCRAWLER_MONITOR_ACTIONS": "tests.test_report.Unreachable",
    }
    crawler = get_crawler(settings_dict=settings)
    ext = RunReport.from_crawler(crawler)
    crawler.stats.open_spider()
    crawler.stats.set_value("newscrawler/report/article_pages", 3)
    report = ext.close("apnews", "finished")
    assert report["verdict"] == "COLLAPSE"
    lines = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert (
        "Monitor action failed: Unreachable: ConnectionError: no route to the chat service" in lines
    )
