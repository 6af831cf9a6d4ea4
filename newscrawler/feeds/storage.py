"""File feed storage that hands the SQLite exporter a database where other formats get a file."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FileFeedStorage

from newscrawler.stores import sqlschema, sqlstore

if TYPE_CHECKING:
    from scrapy import Spider
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

SQLITE_FORMATS = frozenset({"sqlite", "db"})
_SIDE_FILES = ("-wal", "-shm", "-journal")


class SQLiteTarget:
    """What the SQLite exporter gets instead of a file: a path and its open connection."""

    def __init__(self, path: Path, *, overwrite: bool) -> None:
        self.path = path
        if overwrite:
            # `-O` means start afresh, like FileFeedStorage's "wb": the database and its WAL go.
            for name in ("", *_SIDE_FILES):
                path.with_name(path.name + name).unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.error: str | None = None
        try:
            self.connection: sqlite3.Connection = sqlschema.connect(path)
        except sqlite3.DatabaseError as error:
            # Not a database (a text file at that path): the exporter refuses the feed once and
            # leaves the file alone; an in-memory stand-in keeps the close path uniform.
            self.error = f"{path}: {error}"
            self.connection = sqlite3.connect(":memory:")

    def write(self, data: bytes) -> int:
        # Only reached when a byte exporter is pointed at a SQLite target by mistake.
        raise TypeError(f"{self.path} is a SQLite database; only the sqlite exporter writes it")

    def close(self) -> None:
        if self.connection.in_transaction:
            sqlstore.index_deferred(self.connection)  # what its writer left to index at commit
            self.connection.execute("COMMIT")
        self.connection.close()


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
        reason = unsupported_reason(options) if self.sqlite else None
        if reason:
            logger.error("SQLite feed %s is not supported: %s", uri, reason)
            raise NotConfigured(f"SQLite feed {uri}: {reason}")

    def open(self, spider: Spider) -> IO[bytes]:
        if not self.sqlite:
            return super().open(spider)
        # FeedSlot types the handle as a file; the sqlite exporter is the only one that gets it.
        return cast("IO[bytes]", SQLiteTarget(Path(self.path), overwrite=self.overwrite))

    def store(self, file: IO[bytes]) -> Deferred[None] | None:
        if isinstance(file, SQLiteTarget):
            file.close()
            return None
        return super().store(file)
