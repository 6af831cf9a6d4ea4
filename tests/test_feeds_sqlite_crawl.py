"""Crawl tests: real `scrapy runspider` runs from the repo root writing JSONL and SQLite feeds."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newscrawler.stores import sqlschema, sqlstore
from tests.support.feeds_spider import insert_as_v2, make_record

REPO = Path(__file__).resolve().parents[1]
SPIDER = "tests/support/feeds_spider.py"
T1, T2, T3 = (f"2026-11-25T{h}:00:00+00:00" for h in ("10", "11", "12"))
pytestmark = pytest.mark.slow


def scrapy_args(*args: str, count: int = 20, seed: int = 1, crawled_at: str = T1) -> list[str]:
    # Only the feeds under test: no default JSON Lines feed, and the run report and "seen" database
    # of newscrawler stay off, so nothing is written under the repository's data/.
    return [
        *(sys.executable, "-m", "scrapy", "runspider", SPIDER, "-s", "FEEDS={}"),
        *("-s", "ITEM_PIPELINES={}", "-s", "LOG_LEVEL=INFO"),
        *("-s", "NEWSCRAWLER_REPORT_ENABLED=False", "-s", "NEWSCRAWLER_INCREMENTAL_ENABLED=False"),
        *("-a", f"count={count}", "-a", f"seed={seed}", "-a", f"crawled_at={crawled_at}"),
        *args,
    ]


def crawl(*args: str, **spider_args: Any) -> subprocess.CompletedProcess[str]:
    cmd = scrapy_args(*args, **spider_args)
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def stat(stderr: str, key: str) -> int | None:
    found = re.search(rf"'{re.escape(key)}': (\d+)", stderr)
    return int(found.group(1)) if found else None


def rows(db: Path, query: str = "SELECT count(*) FROM articles") -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(query).fetchall()


def test_same_items_in_jsonl_and_sqlite(tmp_path: Path) -> None:
    jsonl, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    every_7 = (
        "-s",
        "NEWSCRAWLER_SQLITE_COMMIT_EVERY=7",
        "-s",
        "NEWSCRAWLER_SQLITE_COMMIT_SECONDS=0",
    )
    done = crawl("-O", str(jsonl), "-O", str(db), *every_7)
    assert done.returncode == 0
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert [r["url"] for r in records] == [
        make_record(i, seed=1, crawled_at=T1)["url"] for i in range(20)
    ]
    with sqlite3.connect(db) as conn:
        assert [sqlstore.load_article(conn, r["url"]) for r in records] == records
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert stat(done.stderr, "newscrawler/sqlite/inserted") == 20
    assert stat(done.stderr, "newscrawler/sqlite/commits") == 3  # after 7, 14, and at close


def test_append_upserts_and_overwrite_starts_afresh(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "news.sqlite"  # parent created on demand, like the file storage
    assert crawl("-O", str(db), crawled_at=T1).returncode == 0
    again = crawl("-o", str(db), seed=2, crawled_at=T2)
    query = "SELECT count(*), min(first_seen_at), max(last_seen_at) FROM articles"
    assert rows(db, query) == [(20, T1, T2)]
    assert stat(again.stderr, "newscrawler/sqlite/updated") == 20
    assert stat(again.stderr, "newscrawler/sqlite/inserted") is None
    with sqlite3.connect(db) as conn:
        url = make_record(5, seed=2, crawled_at=T2)["url"]
        assert sqlstore.load_article(conn, url) == make_record(5, seed=2, crawled_at=T2)
        related = conn.execute("SELECT count(*) FROM related_links").fetchone()[0]
        assert related == sum(i % 3 for i in range(20))  # replaced, not appended
        assert sqlstore.search(conn, "item7") == [make_record(7, seed=2, crawled_at=T2)["url"]]
    assert crawl("-O", str(db), count=5, crawled_at=T3).returncode == 0
    assert rows(db, query) == [(5, T3, T3)]


def test_feeds_setting_with_file_uri_and_db_suffix(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    # No format: it comes from the suffix ("db"); the commit interval set for this feed only.
    kwargs = {"commit_every": 2, "commit_seconds": 0}
    options = {"overwrite": False, "item_export_kwargs": kwargs}
    feeds = json.dumps({db.as_uri(): options})
    first = crawl("-s", f"FEEDS={feeds}", count=4)
    second = crawl("-s", f"FEEDS={feeds}", count=6)
    assert (first.returncode, second.returncode) == (0, 0)
    assert rows(db) == [(6,)]
    assert stat(first.stderr, "newscrawler/sqlite/commits") == 2
    assert stat(second.stderr, "newscrawler/sqlite/updated") == 4
    assert stat(second.stderr, "newscrawler/sqlite/inserted") == 2


def test_sqlite_to_stdout_is_refused_cleanly(tmp_path: Path) -> None:
    done = crawl("-o", "-:sqlite", count=3)
    assert "cannot be written: the sqlite/db feed format needs a local path" in done.stderr
    assert stat(done.stderr, "newscrawler/feeds/open_failed") == 1
    assert stat(done.stderr, "item_scraped_count") is None  # stopped before the first item
    assert done.stdout == ""


def test_sqlite_with_postprocessing_is_refused_at_startup(tmp_path: Path) -> None:
    gzip = ["scrapy.extensions.postprocessing.GzipPlugin"]
    feeds = {str(tmp_path / "x.sqlite"): {"format": "sqlite", "postprocessing": gzip}}
    done = crawl("-s", f"FEEDS={json.dumps(feeds)}", count=3)
    assert "is not supported: postprocessing" in done.stderr
    assert not (tmp_path / "x.sqlite").exists()


def wait_for_rows(db: Path, at_least: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            count = int(rows(db)[0][0])
        except sqlite3.OperationalError:  # not created or schema not there yet
            count = 0
        if count >= at_least:
            return count
        time.sleep(0.05)
    raise AssertionError(f"fewer than {at_least} rows after {timeout}s")


def test_sigkill_mid_crawl_leaves_committed_items_intact(tmp_path: Path) -> None:
    db = tmp_path / "killed.sqlite"
    args = scrapy_args("-O", str(db), "-s", "NEWSCRAWLER_SQLITE_COMMIT_EVERY=5", count=5000)
    proc = subprocess.Popen([*args, "-a", "delay=0.005"], cwd=REPO, stderr=subprocess.DEVNULL)
    try:
        seen = wait_for_rows(db, at_least=30)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        urls = [url for (url,) in conn.execute("SELECT url FROM articles ORDER BY id")]
        assert seen <= len(urls) < 5000
        for index, url in enumerate(urls):
            assert sqlstore.load_article(conn, url) == make_record(index, seed=1, crawled_at=T1)


def test_append_to_a_v1_database_migrates_it(tmp_path: Path) -> None:
    db = tmp_path / "v1.sqlite"
    old = make_record(100, seed=1, crawled_at=T1)
    conn = sqlschema.connect(db)
    sqlschema.migrate(conn, target=1)
    insert_as_v2(conn, old, seen_at=T1)
    conn.commit()
    conn.close()
    assert crawl("-o", str(db), count=3, crawled_at=T2).returncode == 0
    with sqlite3.connect(db) as conn:
        assert sqlschema.schema_version(conn) == sqlschema.LATEST_VERSION
        assert sqlstore.load_article(conn, old["url"]) == old
        assert sqlstore.search(conn, "item100") == [old["url"]]
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (4,)


def test_a_file_that_is_not_a_database_stops_the_crawl_at_open(tmp_path: Path) -> None:
    target = tmp_path / "notes.sqlite"
    target.write_text("not a database", encoding="utf-8")
    result = crawl("-o", str(target), count=3)
    assert "Traceback" not in result.stderr
    assert result.stderr.count(" ERROR: ") == 2  # the feed's, then the run verdict's
    assert "Run verdict FEED_FAILED (exit 5)" in result.stderr
    assert "cannot be written" in result.stderr
    assert "file is not a database" in result.stderr
    assert stat(result.stderr, "newscrawler/feeds/open_failed") == 1
    assert stat(result.stderr, "item_scraped_count") is None
    assert target.read_text(encoding="utf-8") == "not a database"  # nothing overwritten
