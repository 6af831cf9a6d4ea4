"""Persistent store of article URLs already exported, in plain SQLite (no Scrapy import)."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections import deque
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from w3lib.url import canonicalize_url

from newscrawler.stores import statefile

SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    url_fp TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_exported_at TEXT
)
"""
# Several scrapyd jobs (max_proc = 2) may share one store: wait for the other writer, do not fail.
# First-fetch times are informational (a kill may lose the last second of them), so they are
# buffered here and written in batches; the buffer holds no lock another job could wait on.
FETCHED_COMMIT_EVERY = 100
FETCHED_COMMIT_SECONDS = 1.0


@lru_cache(maxsize=4096)  # a URL is looked up, marked fetched and marked exported: hash it once
def url_fingerprint(url: str) -> str:
    """A stable key for a URL: SHA-1 of its canonical form (sorted query, no fragment)."""
    return hashlib.sha1(canonicalize_url(url).encode("utf-8")).hexdigest()


class SeenStore:
    """The `seen` table: when an article URL was first fetched and when its item was last exported.

    Times are ISO 8601 strings passed in by the caller; this module never reads the clock.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        statefile.check(path)  # one clear UnusableStateFile, not a sqlite3 error mid-crawl
        self.db = sqlite3.connect(str(path), timeout=statefile.BUSY_TIMEOUT_S)
        # WAL lets a reader (the next job's start) run while another job writes.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(SCHEMA)
        self.db.commit()
        self._fetched: list[tuple[str, str, str]] = []  # (url_fp, url, first_seen_at) unwritten
        self._fetched_since = time.monotonic()

    def is_exported(self, url: str) -> bool:
        """Whether an item for this URL has been exported by some earlier or current run."""
        row = self.db.execute(
            "SELECT 1 FROM seen WHERE url_fp = ? AND last_exported_at IS NOT NULL",
            (url_fingerprint(url),),
        ).fetchone()
        return row is not None

    def mark_fetched(self, url: str, *, now: str) -> None:
        """Remember the first fetch of a URL; not exported yet (its item may still be dropped)."""
        self._fetched.append((url_fingerprint(url), url, now))
        if (
            len(self._fetched) >= FETCHED_COMMIT_EVERY
            or time.monotonic() - self._fetched_since >= FETCHED_COMMIT_SECONDS
        ):
            self._write_fetched()
            self.db.commit()

    def mark_exported(self, urls: Iterable[str], *, now: str) -> int:
        """Mark URLs exported at `now`; returns how many distinct URLs were written."""
        rows = {url_fingerprint(url): url for url in urls if url}
        self._write_fetched()  # first: a URL's first fetch time is its fetch's, not its export's
        self.db.executemany(
            "INSERT INTO seen (url_fp, url, first_seen_at, last_exported_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url_fp) DO UPDATE SET last_exported_at = excluded.last_exported_at",
            [(fp, url, now, now) for fp, url in rows.items()],
        )
        # Committed at once: a killed job loses nothing it already recorded as exported.
        self.db.commit()
        return len(rows)

    def exported_count(self) -> int:
        """How many URLs are marked exported."""
        row = self.db.execute("SELECT COUNT(*) FROM seen WHERE last_exported_at IS NOT NULL")
        return int(row.fetchone()[0])

    def _write_fetched(self) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO seen (url_fp, url, first_seen_at) VALUES (?, ?, ?)",
            self._fetched,
        )
        self._fetched.clear()
        self._fetched_since = time.monotonic()

    def close(self) -> None:
        self._write_fetched()
        self.db.commit()
        self.db.close()


class ExportGate:
    """Holds the URLs of exported items until every feed holding them has written them.

    "Exported" means written to every configured feed: a feed that writes in batches (SQLite,
    JSON Lines) says when a batch is on disk, and marking an item exported before would lose it
    for good if the crawl died first. Items are numbered as they pass; a feed's commit covers
    every item it was given before, that is every item numbered so far. An item a feed reported
    lost (by URL) is never released: the next run fetches it again.
    """

    def __init__(self) -> None:
        self.feeds: dict[str, int] = {}  # feed -> number of the last item its last commit covers
        self.passed = 0
        self.waiting: deque[tuple[int, list[str]]] = deque()
        self.lost: set[str] = set()
        self.tracking = False  # a feed was opened: items wait for commits from now on
        # An item is being handed to the feeds: a batch feed opened now gets it, and nothing is
        # released until every feed was given it (a new batch file may not be open yet).
        self.delivering = False
        self.deferred: set[str] = set()  # feeds whose items count only once stored

    def feed_deferred(self, feed: str) -> None:
        """This feed's file holds nothing until stored (an upload, gzip): commits do not count."""
        self.deferred.add(feed)

    def feed_stored(self, feed: str) -> list[list[str]]:
        self.deferred.discard(feed)
        return self.feed_closed(feed)

    def feed_opened(self, feed: str) -> None:
        self.tracking = True
        # earlier items never reach this feed
        self.feeds.setdefault(feed, self.passed - 1 if self.delivering else self.passed)

    def item_lost(self, url: str) -> None:
        """A feed could not write the item of this URL."""
        self.lost.add(url)

    def item_exported(self, urls: list[str]) -> list[list[str]]:
        """The items (their URLs) to mark exported now: this one, unless a feed holds it."""
        if not self.tracking:
            return [] if self._was_lost(urls) else [urls]
        self.passed += 1
        self.waiting.append((self.passed, urls))
        return []

    def item_delivered(self) -> list[list[str]]:
        """Every feed was given the last item: what their commits meanwhile covered, in order."""
        self.delivering = False
        return self._release()

    def feed_committed(self, feed: str) -> list[list[str]]:
        """The items (their URLs) now written by every feed and lost by none, in export order."""
        if feed not in self.deferred:
            self.feeds[feed] = self.passed
        return self._release()

    def feed_closed(self, feed: str) -> list[list[str]]:
        """A feed holds all it ever will (a finished batch file): it holds nothing back now."""
        if feed not in self.deferred:
            self.feeds.pop(feed, None)
        return self._release()

    def _release(self) -> list[list[str]]:
        if self.delivering:
            return []
        # Every feed closed (batch files between items, a gzip file stored): all passed is held.
        covered, ready = min(self.feeds.values(), default=self.passed), []
        while self.waiting and self.waiting[0][0] <= covered:
            urls = self.waiting.popleft()[1]
            if not self._was_lost(urls):
                ready.append(urls)
        return ready

    def _was_lost(self, urls: list[str]) -> bool:
        return bool(self.lost) and any(url in self.lost for url in urls)
