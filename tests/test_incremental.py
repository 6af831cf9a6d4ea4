"""Seen store, incremental middleware (no crawler) and two real runs against a tiny local site."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.middlewares.incremental import IncrementalMiddleware
from newscrawler.middlewares.overwrite import overwritten_feeds
from newscrawler.stores import seen as seenstore
from newscrawler.stores.seen import ExportGate, SeenStore, url_fingerprint
from newscrawler.utils.config import parse_bool
from newscrawler.utils.requests import article_pattern, is_article_request
from tests.support.ops_site import tiny_site

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-01-02T03:04:05+00:00"


def test_fingerprint_ignores_fragment_and_query_order() -> None:
    assert url_fingerprint("https://x.test/a?b=2&a=1#top") == url_fingerprint(
        "https://x.test/a?a=1&b=2"
    )


def test_store_exported_only_after_export(tmp_path: Path) -> None:
    store = SeenStore(tmp_path / "sub" / "seen.sqlite")
    store.mark_fetched("https://x.test/1", now=NOW)
    assert not store.is_exported("https://x.test/1")  # a dropped page is retried next run
    assert store.mark_exported(["https://x.test/1", "https://x.test/1#x", ""], now=NOW) == 1
    assert store.is_exported("https://x.test/1")
    assert store.exported_count() == 1
    store.close()
    with sqlite3.connect(tmp_path / "sub" / "seen.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        row = db.execute("SELECT url, first_seen_at, last_exported_at FROM seen").fetchone()
    assert row == ("https://x.test/1", NOW, NOW)


def fetched_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:  # another connection: sees committed rows only
        count = int(db.execute("SELECT COUNT(*) FROM seen").fetchone()[0])
    db.close()
    return count


def test_fetch_marks_are_committed_in_batches_and_at_close(tmp_path: Path) -> None:
    path = tmp_path / "seen.sqlite"
    store = SeenStore(path)
    batch = seenstore.FETCHED_COMMIT_EVERY
    for n in range(batch + 1):  # in well under FETCHED_COMMIT_SECONDS
        store.mark_fetched(f"https://x.test/{n}", now=NOW)
    assert fetched_rows(path) == batch  # one batch on disk, the last mark still pending
    with sqlite3.connect(path, timeout=0) as other:  # the pending mark holds no write lock
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO seen (url_fp, url, first_seen_at) VALUES ('fp', 'u', 'now')")
    other.close()
    store.close()
    assert fetched_rows(path) == batch + 2  # the other job's row and our last mark


@pytest.mark.parametrize(
    ("url", "meta", "expected"),
    [
        ("https://x.test/article/1", {"newscrawler_article": True}, True),
        ("https://x.test/article/1", {"newscrawler_article": False}, False),
        ("https://x.test/article/2", {}, True),
        ("https://x.test/news/?page=2", {}, False),
        ("https://x.test/robots.txt", {"newscrawler_article": True}, False),
    ],
    ids=["meta-true", "meta-false-beats-regex", "regex", "listing", "robots-never"],
)
def test_is_article_request(url: str, meta: dict[str, Any], expected: bool) -> None:
    assert is_article_request(Request(url, meta=meta), re.compile(r"/article/\d+")) is expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://apnews.com/article/some-story-0123456789abcdef", True),
        ("https://apnews.com/hub/business", False),
        ("https://unknown.test/article/1", False),
    ],
    ids=["registered-site-article", "registered-site-hub", "generic-site-matches-nothing"],
)
def test_is_article_request_falls_back_to_site_registry(url: str, expected: bool) -> None:
    assert is_article_request(Request(url), None) is expected


def test_article_pattern_from_spider_or_site() -> None:
    class Site:
        article_url_pattern = r"/story/"

    class Spider:
        site = Site()

    pattern = article_pattern(Spider())
    assert pattern is not None
    assert pattern.pattern == "/story/"
    assert article_pattern(object()) is None
    assert parse_bool("1", "-a refresh")
    assert parse_bool("yes", "-a refresh")
    assert not parse_bool(None, "-a refresh")
    assert not parse_bool("0", "-a refresh")


def middleware(
    tmp_path: Path, *, refresh: bool = False
) -> tuple[IncrementalMiddleware, dict[str, Any]]:
    """The middleware on a real crawler's stats; the second value is that stats dict."""
    stats = get_crawler().stats
    assert stats is not None
    mw = IncrementalMiddleware(str(tmp_path / "seen.sqlite"), stats)
    mw.open(re.compile(r"/article/"), refresh=refresh)
    return mw, stats.get_stats()


def test_middleware_skips_only_exported_articles(tmp_path: Path) -> None:
    mw, stats = middleware(tmp_path)
    article = Request("https://x.test/article/1")
    assert mw.process_request(article) is None  # not yet exported: fetched
    response = HtmlResponse(article.url, body=b"<html></html>", request=article)
    assert mw.process_response(article, response) is response
    mw.item_passed({"url": "https://x.test/article/1"}, response)
    with pytest.raises(IgnoreRequest):
        mw.process_request(Request("https://x.test/article/1"))
    assert mw.process_request(Request("https://x.test/news/")) is None  # listings always fetched
    assert stats["newscrawler/incremental/skipped"] == 1
    assert stats["newscrawler/incremental/recorded"] == 1


def test_with_no_feed_nothing_is_remembered(tmp_path: Path) -> None:
    # A dry run (NEWSCRAWLER_DEFAULT_FEEDS={} and no -o): no file holds the item, so the next
    # run, with a feed, must fetch it again
    mw, stats = middleware(tmp_path)
    article = Request("https://x.test/article/1")
    response = HtmlResponse(article.url, body=b"<html></html>", request=article)
    mw.item_scraped({"url": article.url}, response)
    assert mw.process_request(Request(article.url)) is None
    assert stats["newscrawler/incremental/not_remembered_no_feed"] == 1
    mw.spider_closed()


def test_refresh_fetches_again_and_still_records(tmp_path: Path) -> None:
    first, _ = middleware(tmp_path)
    first.item_passed({"url": "https://x.test/article/1"}, None)
    first.spider_closed()
    mw, stats = middleware(tmp_path, refresh=True)
    assert mw.process_request(Request("https://x.test/article/1")) is None
    assert stats["newscrawler/incremental/refresh"] == 1
    assert stats["newscrawler/incremental/known_at_start"] == 1
    mw.spider_closed()


def run_ops_spider(cwd: Path, base: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """`scrapy runspider tests/support/ops_spider.py`, which is also the settings module."""
    env = {
        **os.environ,
        "SCRAPY_SETTINGS_MODULE": "tests.support.ops_spider",
        "PYTHONPATH": str(REPO),
    }
    spider = str(REPO / "tests" / "support" / "ops_spider.py")
    args = ["runspider", spider, "-a", f"base={base}", *extra]
    command = [sys.executable, "-m", "scrapy", *args, "-s", "NEWSCRAWLER_SEEN_PATH=seen.sqlite"]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def last_report(cwd: Path) -> dict[str, Any]:
    newest = max((cwd / "data" / "reports").glob("ops-*.json"), key=lambda p: p.stat().st_mtime)
    report: dict[str, Any] = json.loads(newest.read_text())
    return report


@pytest.mark.slow
def test_second_run_fetches_no_article_page(tmp_path: Path) -> None:
    with tiny_site(6) as base:
        first = run_ops_spider(tmp_path, base, "-O", "first.jsonl")
        assert first.returncode == 0, first.stderr[-3000:]
        assert len((tmp_path / "first.jsonl").read_text().splitlines()) == 6
        second = run_ops_spider(tmp_path, base, "-O", "second.jsonl")
        assert second.returncode == 0, second.stderr[-3000:]
        report = last_report(tmp_path)
        assert report["incremental"]["skipped"] == 6
        assert report["article_pages_fetched"] == 0
        assert report["verdict"] == "OK"
        assert (tmp_path / "second.jsonl").read_text() == ""
        third = run_ops_spider(tmp_path, base, "-a", "refresh=1", "-O", "third.jsonl")
        assert third.returncode == 0, third.stderr[-3000:]
        assert len((tmp_path / "third.jsonl").read_text().splitlines()) == 6


def test_gate_passes_items_through_without_a_sqlite_feed() -> None:
    gate = ExportGate()
    assert gate.item_exported(["u1"]) == [["u1"]]


def test_gate_holds_items_until_every_sqlite_feed_committed_them() -> None:
    gate = ExportGate()
    gate.feed_opened("a.sqlite")  # sent while the feed gets item 1, before the seen-store sees it
    assert gate.item_exported(["u1"]) == []
    gate.feed_opened("b.sqlite")  # opened after u1: u1 never reaches it
    assert gate.item_exported(["u2"]) == []
    # Feeds get an item before the seen-store does: this commit may include item 3, yet only
    # the items passed so far are released; item 3 waits for the next commit (never too early).
    assert gate.feed_committed("a.sqlite") == [["u1"]]  # u2 also waits for b
    assert gate.item_exported(["u3"]) == []
    assert gate.feed_committed("b.sqlite") == [["u2"]]
    assert gate.feed_committed("a.sqlite") == [["u3"]]
    assert gate.feed_committed("a.sqlite") == []


def deliver(gate: ExportGate, url: str, *opened: str) -> list[list[str]]:
    """Hand one item to the feeds as the feed extension does; `opened`: batch files it opens."""
    gate.delivering = True
    assert gate.item_exported([url]) == []
    for feed in opened:
        gate.feed_opened(feed)
    return gate.item_delivered()


def test_gate_releases_batch_file_items_once_the_next_batch_holds_them() -> None:
    # `-o o-%(batch_id)d.jsonl` with batch_item_count 2, beside a SQLite feed. Before: the
    # first batch file, closed, held every later item back (5 of 40 remembered).
    gate = ExportGate()
    gate.feed_opened("all.sqlite")
    gate.feed_opened("o-1.jsonl")
    assert deliver(gate, "u1") == deliver(gate, "u2") == []
    assert gate.feed_committed("o-1.jsonl") == []  # the batch is full: written, then closed
    assert gate.feed_closed("o-1.jsonl") == []  # SQLite has not committed u1, u2 yet
    gate.delivering = True
    assert gate.item_exported(["u3"]) == []
    # SQLite commits while it writes u3, before the second batch file is open: nothing of it
    # may count as exported yet, or a failed write there would lose u3.
    assert gate.feed_committed("all.sqlite") == []
    gate.feed_opened("o-2.jsonl")  # opened to write u3
    assert gate.item_delivered() == [["u1"], ["u2"]]
    assert gate.feed_committed("o-2.jsonl") == [["u3"]]


def test_gate_counts_an_upload_or_gzip_feed_only_once_stored() -> None:
    gate = ExportGate()
    gate.feed_opened("all.sqlite")
    gate.feed_deferred("out.jsonl.gz")  # its file holds nothing until stored
    gate.feed_opened("out.jsonl.gz")
    assert deliver(gate, "u1") == deliver(gate, "u2") == []
    assert gate.feed_committed("all.sqlite") == []
    assert gate.feed_committed("out.jsonl.gz") == []  # in the gzip stream, not in the file
    assert gate.feed_closed("out.jsonl.gz") == []  # closed is not stored (an upload may fail)
    assert gate.feed_stored("out.jsonl.gz") == [["u1"], ["u2"]]


def test_gate_releases_what_every_closed_feed_held() -> None:
    gate = ExportGate()
    gate.feed_deferred("out.jsonl.gz")
    gate.feed_opened("out.jsonl.gz")
    assert deliver(gate, "u1") == []
    assert gate.feed_stored("out.jsonl.gz") == [["u1"]]  # the only feed, stored


def test_middleware_records_sqlite_exports_at_commit_and_closes_after_the_feeds(
    tmp_path: Path,
) -> None:
    mw, stats = middleware(tmp_path)
    mw.feed_opened("news.sqlite")
    mw.item_passed({"url": "https://x.test/article/1"}, None)
    assert mw.process_request(Request("https://x.test/article/1")) is None  # not committed yet
    mw.spider_closed()  # the feeds close after the spider: the store must stay open for them
    mw.feed_committed("news.sqlite")
    with pytest.raises(IgnoreRequest):
        mw.process_request(Request("https://x.test/article/1"))
    assert stats["newscrawler/incremental/recorded"] == 1
    mw.feeds_closed()
    assert mw.store is None


def test_an_overwritten_feed_named_after_the_spider_counts_as_emptied(tmp_path: Path) -> None:
    # `-O data/%(name)s.jsonl` run twice: the same file each run, emptied by the second, so
    # that run must fetch everything again (it skipped all and wrote 0 records)
    (tmp_path / "article.jsonl").write_text('{"url": "u"}\n', encoding="utf-8")
    named, timed = str(tmp_path / "%(name)s.jsonl"), str(tmp_path / "%(time)s.jsonl")
    fresh = str(tmp_path / "new.jsonl")
    feeds = {uri: {"overwrite": True} for uri in (named, timed, fresh)}
    assert overwritten_feeds(feeds, "article") == [str(tmp_path / "article.jsonl")]
    assert overwritten_feeds({named: {"overwrite": True}}, "other") == []  # no such file yet
