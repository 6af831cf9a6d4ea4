"""Item exporter that upserts article records into the SQLite database its storage opened."""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import BaseItemExporter

from newscrawler import signals
from newscrawler.feeds.guard import LossReporter
from newscrawler.feeds.records import item_record
from newscrawler.feeds.storage import (
    DEFAULT_COMMIT_EVERY,
    DEFAULT_COMMIT_SECONDS,
    FeedOpenError,
    SQLiteTarget,
    commit_interval,
)
from newscrawler.stores import sqlbatch, sqlschema
from newscrawler.utils.timers import CommitTimer

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.signalmanager import SignalManager
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

STATS_PREFIX = "newscrawler/sqlite/"
UNSUPPORTED = (
    "the sqlite/db feed format needs a local path or file:// URI; stdout, s3, gs and ftp "
    "feeds cannot hold a database"
)


class SQLiteItemExporter(BaseItemExporter):
    """Upserts each item by url, committing every `commit_every` items or `commit_seconds`.

    Both come from NEWSCRAWLER_SQLITE_COMMIT_EVERY / _COMMIT_SECONDS (0: count only), or per
    feed from `item_export_kwargs`; the feed also commits when it closes. After each commit it
    sends `sqlite_feed_committed`. Counts go to the `newscrawler/sqlite/*` stats at each commit.
    """

    def __init__(
        self,
        file: SQLiteTarget,
        *,
        commit_every: int = DEFAULT_COMMIT_EVERY,
        commit_seconds: float = DEFAULT_COMMIT_SECONDS,
        stats: StatsCollector | None = None,
        signals: SignalManager | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not isinstance(file, SQLiteTarget):
            raise TypeError(UNSUPPORTED)
        self.conn, self.feed = file.connection, str(file.path)
        # item_export_kwargs may hold strings
        self.commit_every, self.commit_seconds = max(1, int(commit_every)), float(commit_seconds)
        self.stats, self.signals = stats, signals
        self._batch: sqlbatch.Batch = []  # (record, seen_at) to write
        self._batch_started = 0.0
        self._timer = CommitTimer(self.commit_seconds, self._commit_due)
        self._counts: dict[str, int] = {}  # flushed to stats at each commit: inc_value is slow
        self.reporter = LossReporter(self.feed, signals)
        # The database held no articles when the feed opened: new urls need no lookup.
        self._fresh = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], **kwargs: Any) -> BaseItemExporter:
        if not isinstance(file, SQLiteTarget):
            # Storages other than ours hand over a byte stream; the feed is refused at open,
            # before the first request (feeds/extension.py).
            raise FeedOpenError(UNSUPPORTED)
        every, seconds = commit_interval(crawler.settings)
        kwargs.setdefault("commit_every", every)
        kwargs.setdefault("commit_seconds", seconds)
        return cls(file, stats=crawler.stats, signals=crawler.signals, **kwargs)

    def start_exporting(self) -> None:
        try:
            sqlschema.migrate(self.conn)
        except (sqlite3.DatabaseError, ValueError) as error:
            # Not a database, or one newer than this code: the crawl stops before fetching.
            raise FeedOpenError(f"{self.feed}: {error}") from error
        self._begin()
        # Inside the transaction, so the emptiness seen here is the one our writes build on.
        self._fresh = self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None
        # From here on the seen-store waits for our commits (before the first item is given).
        self._send(signals.sqlite_feed_opened)

    def export_item(self, item: Any) -> None:
        record = item_record(self, item)
        # A clean item always has crawled_at; the clock is only a fallback for hand-made items.
        seen_at = record.get("crawled_at") or datetime.now(UTC).isoformat(timespec="seconds")
        self._batch.append((record, seen_at))
        if self._batch_full():
            self._commit(reopen=True)
        else:
            # A stalled crawl (slow sites, a long AutoThrottle delay) still commits on time, so
            # readers and the seen-store are never more than commit_seconds behind.
            self._timer.start()

    def _commit_due(self) -> None:
        if self._batch:
            self._commit(reopen=True)

    def _batch_full(self) -> bool:
        if len(self._batch) >= self.commit_every:
            return True
        elapsed = time.monotonic() - self._batch_started
        return self.commit_seconds > 0 and elapsed >= self.commit_seconds

    def finish_exporting(self) -> None:
        self._timer.stop()
        if self.conn.in_transaction:
            self._commit(reopen=False)  # what it could not store is reported lost
        self._flush_counts()
        self._send(signals.feed_closed)

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self._batch_started = time.monotonic()

    def _commit(self, *, reopen: bool) -> None:
        """Write the batch in one burst, index it, commit, and say so."""
        # Written here rather than item by item: between items a crawl's other work evicts
        # SQLite's pages and our code from the CPU caches, which made each item ~1.5x slower.
        self._timer.stop()
        batch, self._batch = self._batch, []
        try:
            events = sqlbatch.write_batch(self.conn, batch, fresh=self._fresh, refused=self._lost)
        except sqlite3.Error as error:  # a full disk, an I/O error: this batch is not stored
            self._rollback()
            for record, _ in batch:
                self._lost(record, error)
        else:
            for event in events:
                self._count(event)
            if batch:  # a close with nothing new written is not counted
                self._count("commits")
        self._flush_counts()
        self._send(signals.feed_committed)
        if reopen:
            self._begin()

    def _lost(self, record: dict[str, Any], error: Exception) -> None:
        self._count("skipped")
        url = record.get("url")
        self.reporter.lost(url if isinstance(url, str) else None, error)

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error as error:  # SQLite rolls back itself when a full disk forced it
            logger.debug("Rollback of %s: %s", self.feed, error)

    def _send(self, signal: object) -> None:
        if self.signals is not None:
            self.signals.send_catch_log(signal, feed=self.feed)

    def _count(self, event: str) -> None:
        self._counts[event] = self._counts.get(event, 0) + 1

    def _flush_counts(self) -> None:
        if self.stats is not None:
            for event, count in self._counts.items():
                self.stats.inc_value(STATS_PREFIX + event, count)
        self._counts.clear()
