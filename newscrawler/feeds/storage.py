"""File feed storage that hands the SQLite exporter a database where other formats get a file."""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self, cast

from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FileFeedStorage

from newscrawler.feeds import jsonlines, lineend
from newscrawler.feeds.deferred import opened, stored
from newscrawler.feeds.locking import FeedOpenError, hold, lock, open_locked
from newscrawler.stores import sqlschema, sqlstore
from newscrawler.utils.config import get_float, get_int

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from scrapy.signalmanager import SignalManager
    from scrapy.statscollectors import StatsCollector
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

SQLITE_FORMATS = frozenset({"sqlite", "db"})
_SIDE_FILES = ("-wal", "-shm", "-journal")
__all__ = ["FeedOpenError", "SQLiteAwareFileFeedStorage", "SQLiteTarget"]

COMMIT_EVERY_SETTING = "NEWSCRAWLER_SQLITE_COMMIT_EVERY"
COMMIT_SECONDS_SETTING = "NEWSCRAWLER_SQLITE_COMMIT_SECONDS"
# One commit per item held the feed near 1,000 items/s: a commit (WAL pages, an FTS5 segment)
# costs as much as ~100 upserts. The seen-store waits for each commit (sqlite_feed_committed), so
# a killed crawl fetches again at most the batch it had not committed.
DEFAULT_COMMIT_EVERY = 500
DEFAULT_COMMIT_SECONDS = 1.0


def commit_interval(settings: BaseSettings) -> tuple[int, float]:
    """The SQLite feed's commit batch (items, seconds; 0 turns either off), checked."""
    every = get_int(settings, COMMIT_EVERY_SETTING, DEFAULT_COMMIT_EVERY)
    return every, get_float(settings, COMMIT_SECONDS_SETTING, DEFAULT_COMMIT_SECONDS)


class SQLiteTarget:
    """What the SQLite exporter gets instead of a file: a path and its open connection.

    It holds an exclusive lock (flock, beside SQLite's own fcntl locks) on the database file
    until closed, so a second crawl writing the same file fails at open instead of fighting
    for SQLite's write lock item by item. `overwrite` empties the database in place, through
    SQLite, rather than unlinking files another process may have open.
    """

    def __init__(self, path: Path, *, overwrite: bool, held: int | None = None) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = held if held is not None else os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            raise FeedOpenError(f"{path}: {error.strerror or error}") from error
        self._lock_fd = fd
        try:
            if held is None:
                lock(self._lock_fd, path, "SQLite file")
            if overwrite:
                _empty(path, self._lock_fd)
            self.connection: sqlite3.Connection = sqlschema.connect(path)
        except FeedOpenError:
            os.close(self._lock_fd)
            raise
        except (OSError, sqlite3.Error) as error:
            os.close(self._lock_fd)
            raise FeedOpenError(f"{path}: {error}") from error

    def write(self, data: bytes) -> int:
        # Only reached when a byte exporter is pointed at a SQLite target by mistake.
        raise TypeError(f"{self.path} is a SQLite database; only the sqlite exporter writes it")

    def close(self) -> None:
        try:
            if self.connection.in_transaction:
                sqlstore.index_deferred(self.connection)  # what its writer left to index
                self.connection.execute("COMMIT")
        except sqlite3.Error as error:  # a full disk: the exporter already counted its losses
            logger.error("SQLite feed %s: last commit failed: %s", self.path, error)
        finally:
            self.connection.close()
            os.close(self._lock_fd)


def _empty(path: Path, fd: int) -> None:
    """`-O`: start afresh, like FileFeedStorage's "wb", without unlinking anything."""
    if os.fstat(fd).st_size == 0:
        return
    conn, empty = sqlite3.connect(path), sqlite3.connect(":memory:")
    try:
        # Replaces every page in one SQLite transaction: readers see the old or the new file.
        empty.backup(conn)
    except sqlite3.DatabaseError:  # not a database at all: nobody reads it through SQLite
        os.ftruncate(fd, 0)
        for name in _SIDE_FILES:
            path.with_name(path.name + name).unlink(missing_ok=True)
    finally:
        empty.close()
        conn.close()


def unsupported_reason(feed_options: dict[str, Any]) -> str | None:
    """Why these options cannot make a SQLite feed on a local file, or None when they can."""
    if feed_options.get("postprocessing"):
        return "postprocessing plugins work on bytes; a SQLite feed has none"
    if feed_options.get("batch_item_count"):
        return (
            "batch_item_count would start a new database per batch; set it to 0 for this feed "
            "and use NEWSCRAWLER_SQLITE_COMMIT_EVERY for the commit interval"
        )
    return None


class SQLiteAwareFileFeedStorage(FileFeedStorage):
    """Stock file storage, except that the `sqlite`/`db` formats get a `SQLiteTarget`.

    `overwrite` (`-O`) deletes the database first; otherwise (`-o`) records are upserted into it.
    """

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        options = feed_options or {}
        self.sqlite = options.get("format") in SQLITE_FORMATS
        self.overwrite = bool(options.get("overwrite", False))
        self._held: int | None = None  # the file's descriptor, locked by check_writable
        # gzip and other postprocessing keep data in memory until the file is stored
        self.deferred = bool(options.get("postprocessing"))
        self.signal_manager: SignalManager | None = None
        self.stats: StatsCollector | None = None
        self.ends_lines = lineend.appends_lines(options)  # `-o` JSON Lines: end a cut last line
        self.one_document = lineend.one_document(options)  # `-o` JSON/XML: no second document
        reason = unsupported_reason(options) if self.sqlite else None
        if reason:  # reported in one ERROR line by feeds/extension.py, which stops the crawl
            raise NotConfigured(f"SQLite feed {uri} is not supported: {reason}")

    def check_writable(self) -> None:
        """Raise FeedOpenError unless the path can be written by this crawl; truncates nothing.

        Run for every feed before any is opened, so `-O good.jsonl -O /proc/x.sqlite` (or a
        file another crawl writes) stops with good.jsonl as it was. The lock taken on an
        existing file is kept for open().
        """
        path = Path(self.path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=path.parent):
                pass
            if self._held is None:
                self._held = hold(path, "SQLite file" if self.sqlite else "feed file")
            if self.one_document:
                lineend.refuse_second_document(path, self.one_document)
        except OSError as error:
            raise FeedOpenError(f"{path}: {error.strerror or error}") from error

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        # Built when the crawl starts, before any feed is opened: a bad commit setting stops
        # the crawl here instead of in the exporter, after `-O` has emptied the outputs.
        feed_format = (feed_options or {}).get("format")
        if feed_format in SQLITE_FORMATS:
            commit_interval(crawler.settings)
        elif feed_format in jsonlines.JSONL_FORMATS:
            jsonlines.commit_interval(crawler.settings)
        storage = cls(uri, feed_options=feed_options)
        storage.signal_manager = crawler.signals
        storage.stats = crawler.stats
        return storage

    def open(self, spider: Spider) -> IO[bytes]:
        path, held, self._held = Path(self.path), self._held, None
        if not self.sqlite:
            # Two crawls appending to one file lose records (`-O` empties it under the other).
            path.parent.mkdir(parents=True, exist_ok=True)
            file = open_locked(path, overwrite=self.overwrite, held=held)
            if self.ends_lines:
                lineend.end_last_line(file, path, self.stats)
            return opened(self, file)
        # FeedSlot types the handle as a file; the sqlite exporter is the only one that gets it.
        return cast("IO[bytes]", SQLiteTarget(path, overwrite=self.overwrite, held=held))

    def store(self, file: IO[bytes]) -> Deferred[None] | None:
        if isinstance(file, SQLiteTarget):
            file.close()
            return None
        # store() closes it: a gzip stream writes its last block only now
        return stored(self, file, super().store(file))
