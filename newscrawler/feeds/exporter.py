"""Item exporter that upserts article records into the SQLite database its storage opened."""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import BaseItemExporter

from newscrawler import signals
from newscrawler.feeds.records import item_record
from newscrawler.feeds.storage import SQLiteTarget
from newscrawler.stores import sqlschema, sqlstore
from newscrawler.utils.timers import CommitTimer

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.signalmanager import SignalManager
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

COMMIT_EVERY_SETTING = "NEWSCRAWLER_SQLITE_COMMIT_EVERY"
COMMIT_SECONDS_SETTING = "NEWSCRAWLER_SQLITE_COMMIT_SECONDS"
# One commit per item held the feed near 1,000 items/s: a commit (WAL pages, an FTS5 segment)
# costs as much as ~100 upserts. The seen-store waits for each commit (sqlite_feed_committed), so
# a killed crawl fetches again at most the batch it had not committed.
DEFAULT_COMMIT_EVERY = 500
DEFAULT_COMMIT_SECONDS = 1.0
STATS_PREFIX = "newscrawler/sqlite/"
UNSUPPORTED = (
    "The sqlite/db feed format needs a local path or file:// URI; stdout, s3, gs and ftp "
    "feeds cannot hold a database. Items are not exported to this feed."
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
        self._batch: list[tuple[dict[str, Any], str]] = []  # (record, seen_at) to write
        self._batch_started = 0.0
        self._timer = CommitTimer(self.commit_seconds, self._commit_due)
        self._counts: dict[str, int] = {}  # flushed to stats at each commit: inc_value is slow
        self._broken = False  # set when the target is not a database this code can use
        if file.error:
            logger.error("SQLite feed refused, items not stored in it: %s", file.error)
            self._broken = True
        # The database held no articles when the feed opened: new urls need no lookup.
        self._fresh = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], **kwargs: Any) -> BaseItemExporter:
        if not isinstance(file, SQLiteTarget):
            # Storages other than ours hand over a byte stream, and only once the first item
            # arrives; raising here would log a traceback per item, so refuse once, cleanly.
            return RefusedFeed()
        settings = crawler.settings
        kwargs.setdefault(
            "commit_every", settings.getint(COMMIT_EVERY_SETTING, DEFAULT_COMMIT_EVERY)
        )
        seconds = settings.getfloat(COMMIT_SECONDS_SETTING, DEFAULT_COMMIT_SECONDS)
        kwargs.setdefault("commit_seconds", seconds)
        return cls(file, stats=crawler.stats, signals=crawler.signals, **kwargs)

    def start_exporting(self) -> None:
        if self._broken:
            return
        try:
            sqlschema.migrate(self.conn)
        except (sqlite3.DatabaseError, ValueError) as error:
            # Not a database, or one newer than this code: say so once, not a traceback per item.
            logger.error("SQLite feed refused, items not stored in it: %s", error)
            self._broken = True
            return
        self._begin()
        # Inside the transaction, so the emptiness seen here is the one our writes build on.
        self._fresh = self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None
        # From here on the seen-store waits for our commits (before the first item is given).
        self._send(signals.sqlite_feed_opened)

    def export_item(self, item: Any) -> None:
        if self._broken:
            self._count("skipped")
            return
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
        if not self._broken and self.conn.in_transaction:
            self._commit(reopen=False)
        self._flush_counts()

    def _begin(self) -> None:
        self.conn.execute("BEGIN")
        self._batch_started = time.monotonic()

    def _commit(self, *, reopen: bool) -> None:
        """Write the batch in one burst, index it, commit, and say so."""
        # Written here rather than item by item: between items a crawl's other work evicts
        # SQLite's pages and our code from the CPU caches, which made each item ~1.5x slower.
        self._timer.stop()
        sqlstore.defer_fts(self.conn)
        for record, seen_at in self._batch:
            self._write(record, seen_at)
        sqlstore.index_deferred(self.conn)
        self.conn.execute("COMMIT")
        if self._batch:  # a close with nothing new written is not counted
            self._count("commits")
        self._batch.clear()
        self._flush_counts()
        self._send(signals.sqlite_feed_committed)
        if reopen:
            self._begin()

    def _write(self, record: dict[str, Any], seen_at: str) -> None:
        try:
            rows = sqlstore.prepare(record, seen_at=seen_at)
        except ValueError as error:
            logger.error("Not stored in SQLite: %s (%r)", error, record.get("url"))
            self._count("skipped")
            return
        inserted = sqlstore.write(self.conn, rows, fresh=self._fresh)
        self._count("inserted" if inserted else "updated")

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


class RefusedFeed(BaseItemExporter):
    """Stands in for a sqlite feed on a storage that cannot hold one: one ERROR, items ignored."""

    def __init__(self) -> None:
        super().__init__()
        logger.error(UNSUPPORTED)

    def export_item(self, item: Any) -> None:
        pass
