"""Feeds and the seen-store under faults: real `scrapy crawl` runs against the mock site."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import pytest

from tests.support.crawl import crawl_stats, read_jsonl, setting_args, state_settings
from tests.support.mockserver.fixtures import MockSite
from tests.test_verdicts_crawl import free_port

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO")


def scrapy(
    ops: Path, *args: str, spider: str = "article", limit_fsize: int = 0
) -> subprocess.CompletedProcess[str]:
    """`scrapy crawl SPIDER ARGS` with its seen-store, reports and story index under `ops`."""
    return run(command(ops, *args, spider=spider), limit_fsize=limit_fsize)


def command(ops: Path, *args: str, spider: str = "article") -> list[str]:
    kept = setting_args(state_settings(ops))
    return [sys.executable, "-m", "scrapy", "crawl", spider, *FAST, *kept, *args]


def run(
    cmd: list[str], *, limit_fsize: int = 0, tracebacks: int = 0
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_fsize, limit_fsize))

    done = subprocess.run(
        cmd,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        preexec_fn=limit if limit_fsize else None,  # noqa: PLW1509 - no threads in this parent path
    )
    assert done.stderr.count("Traceback") == tracebacks, done.stderr[-4000:]
    return done


def seen_urls(ops: Path) -> set[str]:
    with sqlite3.connect(ops / "seen.sqlite") as conn:
        query = "SELECT url FROM seen WHERE last_exported_at IS NOT NULL"
        return {url for (url,) in conn.execute(query)}


def sqlite_urls(db: Path) -> list[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [url for (url,) in conn.execute("SELECT url FROM articles ORDER BY url")]


def jsonl_urls(path: Path) -> list[str]:
    return sorted(record["url"] for record in read_jsonl(path))


# --- 1. lone surrogates ---------------------------------------------------------------------


def test_lone_surrogates_reach_every_feed_cleaned(
    tmp_path: Path, start_mock_site: Callable[..., MockSite]
) -> None:
    site = start_mock_site(articles=8, faults={"/article/3": "surrogate"})
    jsonl, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    sitemap = f"{site.url}/sitemap.xml"
    done = scrapy(tmp_path, "-a", f"sitemap={sitemap}", "-O", str(db), "-O", str(jsonl))
    stats = crawl_stats(done.stderr)
    assert sqlite_urls(db) == jsonl_urls(jsonl) == sorted(site.article_urls)
    third = next(r for r in read_jsonl(jsonl) if r["url"].endswith("/article/3"))
    assert third["authors"] == ["Fan"]
    assert third["headline"] == site.expected(3)["headline"]
    assert not [key for key in stats if key.startswith("newscrawler/lost/")]
    assert seen_urls(tmp_path) >= set(site.article_urls)


def test_an_item_one_feed_cannot_hold_still_reaches_the_others(tmp_path: Path) -> None:
    # Record 3's word count fits JSON, not SQLite. SQLite is the first feed: Scrapy's loop would
    # stop there and the JSON Lines feed after it lose the item.
    db, jsonl = tmp_path / "out.sqlite", tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "scrapy", "runspider", "tests/support/feeds_spider.py"]
    cmd += ["-a", "count=12", "-a", "huge=3", "-s", "ITEM_PIPELINES={}", *FAST]
    cmd += ["-s", f"NEWSCRAWLER_SEEN_PATH={tmp_path}/seen.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_REPORT_DIR={tmp_path}/reports"]
    cmd += ["-s", "NEWSCRAWLER_SQLITE_COMMIT_EVERY=5", "-O", str(db), "-O", str(jsonl)]
    done = run(cmd)
    stats = crawl_stats(done.stderr)
    urls = [f"https://wire.example/story/{i}" for i in range(12)]
    assert jsonl_urls(jsonl) == sorted(urls)
    assert sqlite_urls(db) == sorted(set(urls) - {urls[3]})
    assert stats["newscrawler/lost/bad_value"] == 1
    assert stats["newscrawler/sqlite/skipped"] == 1
    assert stats["newscrawler/sqlite/commits"] == 3  # 5, 5, 1 at close: no retry of the batch
    # Not in every feed, so not exported: the next run fetches it again.
    assert urls[3] not in seen_urls(tmp_path)
    assert done.stderr.count("could not write an item") == 1


# --- 2. the README's command twice ------------------------------------------------------------


def test_readme_live_crawl_twice_gives_the_same_complete_outputs(
    tmp_path: Path, mock_site: MockSite
) -> None:
    latest, news = tmp_path / "latest.jsonl", tmp_path / "news.sqlite"
    args = ("-a", f"sitemap={mock_site.url}/sitemap.xml", "-O", str(latest), "-O", str(news))
    first = scrapy(tmp_path, *args)
    again = scrapy(tmp_path, *args)
    expected = sorted(mock_site.article_urls)
    assert jsonl_urls(latest) == sqlite_urls(news) == expected
    assert crawl_stats(first.stderr)["item_scraped_count"] == len(expected)
    stats = crawl_stats(again.stderr)
    assert stats["item_scraped_count"] == len(expected)
    assert stats["newscrawler/incremental/refresh_overwrite"] == 1
    assert "newscrawler/incremental/skipped" not in stats


def test_append_crawls_still_skip_what_earlier_runs_exported(
    tmp_path: Path, mock_site: MockSite
) -> None:
    news = tmp_path / "news.sqlite"
    args = ("-a", f"sitemap={mock_site.url}/sitemap.xml", "-o", str(news))
    scrapy(tmp_path, *args)
    stats = crawl_stats(scrapy(tmp_path, *args).stderr)
    assert stats["newscrawler/incremental/skipped"] == mock_site.articles
    assert sqlite_urls(news) == sorted(mock_site.article_urls)


# --- 3. a feed that cannot be written ---------------------------------------------------------


@pytest.mark.parametrize(
    "bad_feed", ["/proc/newscrawler-x.sqlite", "/proc/newscrawler/x.jsonl", "s3://bucket/x.jsonl"]
)
def test_a_feed_that_cannot_be_written_stops_the_crawl_before_fetching(
    tmp_path: Path, mock_site: MockSite, bad_feed: str
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text('{"url": "kept"}\n', encoding="utf-8")
    sitemap = f"{mock_site.url}/sitemap.xml"
    done = scrapy(tmp_path, "-a", f"sitemap={sitemap}", "-O", str(good), "-O", bad_feed)
    stats = crawl_stats(done.stderr)
    assert stats["newscrawler/feeds/open_failed"] == 1
    assert stats["finish_reason"] == "feed_open_failed"
    assert "downloader/request_count" not in stats  # nothing fetched
    # Two ERROR lines: the feed's, then the run verdict's.
    errors = [line for line in done.stderr.splitlines() if " ERROR: " in line]
    assert len(errors) == 2, errors
    assert bad_feed in errors[0]
    assert "Run verdict FEED_FAILED (exit 5): FEED_FAILED: a feed could not be opened" in errors[1]
    assert done.returncode == 5
    assert good.read_text(encoding="utf-8") == '{"url": "kept"}\n'  # -O truncated nothing
    if (tmp_path / "seen.sqlite").exists():
        assert not seen_urls(tmp_path)  # nothing marked exported


# --- 4. listed URLs ----------------------------------------------------------------------------


def test_listed_urls_are_fetched_even_when_an_earlier_run_exported_them(
    tmp_path: Path, mock_site: MockSite
) -> None:
    listed = mock_site.article_urls[:3]
    url_file = tmp_path / "urls.txt"
    url_file.write_text("\n".join(listed[1:]) + "\n", encoding="utf-8")
    out = tmp_path / "out.sqlite"
    args = ("-a", f"urls={listed[0]}", "-a", f"url_file={url_file}", "-o", str(out))
    scrapy(tmp_path, *args)
    stats = crawl_stats(scrapy(tmp_path, *args).stderr)
    assert stats["item_scraped_count"] == 3
    assert "newscrawler/incremental/skipped" not in stats
    assert set(listed) <= seen_urls(tmp_path)


# --- 5. two crawls, one SQLite file -----------------------------------------------------------


@pytest.fixture
def slow_site(start_mock_site: Callable[..., MockSite]) -> MockSite:
    return start_mock_site(articles=12, faults={"rate": {"slow:1.5": 1.0}, "rate_scope": ["/art"]})


def wait_for(path: Path, text: str, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while text not in path.read_text(encoding="utf-8", errors="replace"):
        assert proc.poll() is None, path.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, f"no {text!r} in the first crawl's log"
        time.sleep(0.2)


@pytest.mark.parametrize("suffix", ["sqlite", "jsonl"])
def test_a_second_crawl_writing_the_same_feed_file_fails_fast(
    tmp_path: Path, slow_site: MockSite, suffix: str
) -> None:
    # Before (jsonl): the second crawl's -O emptied the file under the first, 20 of its 40
    # records gone while both said OK; two -o crawls wrote without any guard.
    shared = tmp_path / f"shared.{suffix}"
    sitemap = ("-a", f"sitemap={slow_site.url}/sitemap.xml")
    good = tmp_path / "good.jsonl"
    good.write_text('{"url": "kept"}\n', encoding="utf-8")
    first_ops, log = tmp_path / "first", tmp_path / "first.log"
    with log.open("w", encoding="utf-8") as err:
        first = subprocess.Popen(
            # One page at a time, 1.5 s each: the first crawl writes for ~18 s.
            command(first_ops, *sitemap, "-s", "CONCURRENT_REQUESTS=1", "-o", str(shared)),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )
        try:
            wait_for(log, "Spider opened", first)
            time.sleep(1.0)  # its feeds open in the spider_opened handlers right after
            seconds = [
                scrapy(tmp_path / mode, *sitemap, mode, str(good), mode, str(shared))
                for mode in ("-O", "-o")
            ]
            assert first.poll() is None, "the first crawl ended before the second started"
        finally:
            first.wait(timeout=180)
    assert first.returncode == 0
    assert log.read_text(encoding="utf-8").count("Traceback") == 0
    for second in seconds:
        stats = crawl_stats(second.stderr)
        assert stats["newscrawler/feeds/open_failed"] == 1
        assert "downloader/request_count" not in stats
        assert "being written by another crawl" in second.stderr
        assert "Run verdict FEED_FAILED (exit 5)" in second.stderr
        assert second.returncode == 5
    urls = sqlite_urls(shared) if suffix == "sqlite" else jsonl_urls(shared)
    assert urls == sorted(slow_site.article_urls)  # -O emptied nothing, nothing twice
    assert good.read_text(encoding="utf-8") == '{"url": "kept"}\n'  # checked before any opened
    assert seen_urls(first_ops) >= set(slow_site.article_urls)


# --- batch files ------------------------------------------------------------------------------


def test_items_in_batch_files_are_remembered_and_skipped_next_run(
    tmp_path: Path, start_mock_site: Callable[..., MockSite]
) -> None:
    # Before: the first batch file, once closed, held every later item back: 5 of 12 items
    # remembered, and every run fetched and exported the other 7 again.
    site = start_mock_site(articles=12)
    batches = str(tmp_path / "out-%(batch_id)d.jsonl")
    feeds = {
        str(tmp_path / "all.sqlite"): {"format": "sqlite"},
        batches: {"format": "jsonlines", "batch_item_count": 5},
    }
    args = ("-a", f"sitemap={site.url}/sitemap.xml", "-s", f"FEEDS={json.dumps(feeds)}")
    first = scrapy(tmp_path, *args)
    in_files = [url for path in sorted(tmp_path.glob("out-*.jsonl")) for url in jsonl_urls(path)]
    assert sorted(in_files) == sqlite_urls(tmp_path / "all.sqlite") == sorted(site.article_urls)
    assert len(list(tmp_path.glob("out-*.jsonl"))) == 3  # 5, 5, 2
    assert seen_urls(tmp_path) >= set(site.article_urls)
    assert first.returncode == 0
    again = scrapy(tmp_path, *args)
    assert crawl_stats(again.stderr)["newscrawler/incremental/skipped"] == site.articles
    assert again.returncode == 0


# --- feeds complete only once stored: uploads, gzip ----------------------------------------------

GZIP = ["scrapy.extensions.postprocessing.GzipPlugin"]


def gzip_records(path: Path) -> list[str]:
    """The whole records a gzip feed holds, read as far as it goes (a killed crawl cuts it)."""
    data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(path.read_bytes())
    return [line for line in data.decode("utf-8").split("\n")[:-1]]


def committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


EVERY_ITEM = ("-s", "NEWSCRAWLER_SQLITE_COMMIT_EVERY=1", "-s", "NEWSCRAWLER_JSONL_COMMIT_EVERY=1")


def kill_after_commits(cmd: list[str], db: Path, stdout: Any) -> None:
    """Run the crawl and SIGKILL it once its SQLite feed committed 3 items (the others too)."""
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=stdout, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while committed(db) < 3:
            assert proc.poll() is None
            assert time.monotonic() < deadline
            time.sleep(0.2)
    finally:
        proc.kill()
        proc.wait()


def test_items_of_a_failed_upload_are_not_remembered(tmp_path: Path, mock_site: MockSite) -> None:
    # Before: all 30 remembered as exported, though the FTP feed never got them: every later
    # run skipped them and the feed stayed without them.
    local, ftp = tmp_path / "local.jsonl", f"ftp://user:pass@127.0.0.1:{free_port()}/x.jsonl"
    args = ("-a", f"sitemap={mock_site.url}/sitemap.xml", "-o", str(local), "-o", ftp)
    done = run(command(tmp_path, *args), tracebacks=1)  # Scrapy's own, for the failed upload
    assert done.returncode == 5
    assert jsonl_urls(local) == sorted(mock_site.article_urls)
    assert not seen_urls(tmp_path) & set(mock_site.article_urls)


def gzip_feed(tmp_path: Path, to_stdout: bool) -> tuple[str, Path]:
    """The FEEDS key of a gzip JSON Lines feed to a file or to stdout, and where it ends up."""
    out = tmp_path / ("piped.jsonl.gz" if to_stdout else "out.jsonl.gz")
    return ("stdout:" if to_stdout else str(out)), out


def crawl_stdout(out: Path, to_stdout: bool) -> AbstractContextManager[Any]:
    """Where the crawl's stdout goes: the feed's file when the feed is stdout, else nowhere."""
    return out.open("wb") if to_stdout else nullcontext(subprocess.DEVNULL)


@pytest.mark.parametrize("to_stdout", [False, True], ids=["file", "stdout"])
def test_a_gzip_feed_counts_its_items_once_stored(
    tmp_path: Path, mock_site: MockSite, to_stdout: bool
) -> None:
    key, out = gzip_feed(tmp_path, to_stdout)
    feeds = {key: {"format": "jsonlines", "postprocessing": GZIP}}
    cmd = command(tmp_path, "-a", f"sitemap={mock_site.url}/sitemap.xml", "-s",
                  f"FEEDS={json.dumps(feeds)}")  # fmt: skip
    with crawl_stdout(out, to_stdout) as target:
        done = subprocess.run(
            cmd, cwd=REPO, stdout=target, stderr=subprocess.PIPE, text=True, timeout=240
        )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert len(gzip_records(out)) == mock_site.articles
    assert seen_urls(tmp_path) >= set(mock_site.article_urls)


@pytest.mark.parametrize("to_stdout", [False, True], ids=["file", "stdout"])
def test_a_killed_gzip_feed_leaves_nothing_remembered(
    tmp_path: Path, slow_site: MockSite, to_stdout: bool
) -> None:
    # Before: SIGKILL left a 0-byte .gz while its items were remembered at each commit (18 of
    # 18 in a trial), so the next run skipped what the file never held. `-o -` through gzip
    # did the same, though the pipe got only the gzip header until the stream was closed.
    key, out = gzip_feed(tmp_path, to_stdout)
    db = tmp_path / "out.sqlite"
    feeds = {
        str(db): {"format": "sqlite"},
        key: {"format": "jsonlines", "postprocessing": GZIP},
    }
    sitemap = ("-a", f"sitemap={slow_site.url}/sitemap.xml")
    cmd = command(tmp_path, *sitemap, *EVERY_ITEM, "-s", f"FEEDS={json.dumps(feeds)}")
    with crawl_stdout(out, to_stdout) as target:
        kill_after_commits(cmd, db, stdout=target)
    held = {json.loads(line)["url"] for line in gzip_records(out)} if out.stat().st_size else set()
    assert seen_urls(tmp_path) <= held & set(sqlite_urls(db))


# --- 8. a full disk ---------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A 320 KiB tmpfs when root may mount one, else a 320 KiB per-file limit (RLIMIT_FSIZE)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() == 0:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs", str(mount)],
            capture_output=True,
            check=False,
        )
        if done.returncode == 0:
            try:
                yield mount, 0
            finally:
                # Lazy: pytest's tmp_path cleanup must never meet a busy mount point.
                subprocess.run(["umount", "-l", str(mount)], check=False)
            return
    yield mount, 320 * 1024


def test_a_full_disk_loses_items_countably_and_tears_nothing(
    tmp_path: Path, start_mock_site: Callable[..., MockSite], small_disk: tuple[Path, int]
) -> None:
    site = start_mock_site(articles=90)
    disk, limit = small_disk
    jsonl, db = disk / "out.jsonl", disk / "out.sqlite"
    every_10 = (
        "-s",
        "NEWSCRAWLER_SQLITE_COMMIT_EVERY=10",
        "-s",
        "NEWSCRAWLER_JSONL_COMMIT_EVERY=10",
    )
    ops = ("-s", f"NEWSCRAWLER_REPORT_DIR={disk}/reports")
    args = (
        "-a",
        f"sitemap={site.url}/sitemap.xml",
        *every_10,
        *ops,
        "-O",
        str(jsonl),
        "-O",
        str(db),
    )
    done = scrapy(tmp_path, *args, limit_fsize=limit)
    stats = crawl_stats(done.stderr)
    text = jsonl.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n")  # no torn last record
    in_jsonl, in_db = set(jsonl_urls(jsonl)), set(sqlite_urls(db))  # the database is intact
    scraped = stats["item_scraped_count"]
    assert scraped == site.articles
    in_both = in_jsonl & in_db
    assert len(in_both) < scraped, "the disk never filled: make it smaller"
    assert stats["newscrawler/lost/disk_full"] == scraped - len(in_both)
    assert seen_urls(tmp_path) & set(site.article_urls) == in_both  # only what every feed holds
    assert done.stderr.count(" ERROR: ") <= 5  # one line per feed and the summary, no flood
    reports = list((disk / "reports").glob("*.json"))
    if "Cannot write run report" in done.stderr:  # its failure stated, no empty file left
        assert reports == []
    else:
        assert json.loads(reports[0].read_text(encoding="utf-8"))["spider"] == "article"
    # Items lost: LOST (6), unless a feed also failed to store (FEED_FAILED, 5, more severe).
    assert done.returncode == (5 if "feedexport/failed_count" in str(stats) else 6)
    assert "Traceback" not in done.stderr
