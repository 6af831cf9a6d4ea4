"""Item exporter that upserts article records into the SQLite database its storage opened."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import BaseItemExporter

from newscrawler.feeds import sqlschema, sqlstore
from newscrawler.feeds.storage import SQLiteTarget
from newscrawler.items import ArticleItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(ArticleItem))
# No ArticleItem field declares a serializer, so Scrapy's serialisation is the identity for them.
_ARTICLE_SERIALIZED = not any("serializer" in f.metadata for f in dataclasses.fields(ArticleItem))

COMMIT_EVERY_SETTING = "NEWSCRAWLER_SQLITE_COMMIT_EVERY"
DEFAULT_COMMIT_EVERY = 1  # the seen-store marks each item exported at once
STATS_PREFIX = "newscrawler/sqlite/"
UNSUPPORTED = (
    "The sqlite/db feed format needs a local path or file:// URI; stdout, s3, gs and ftp "
    "feeds cannot hold a database. Items are not exported to this feed."
)


class SQLiteItemExporter(BaseItemExporter):
    """Upserts each item by url, committing every `commit_every` items and when the feed closes.

    `commit_every` comes from NEWSCRAWLER_SQLITE_COMMIT_EVERY, or per feed from
    `item_export_kwargs`. Counts go to the `newscrawler/sqlite/*` stats.
    """

    def __init__(
        self,
        file: SQLiteTarget,
        *,
        commit_every: int = DEFAULT_COMMIT_EVERY,
        stats: StatsCollector | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not isinstance(file, SQLiteTarget):
            raise TypeError(UNSUPPORTED)
        self.conn = file.connection
        self.commit_every = max(1, int(commit_every))  # item_export_kwargs may hold a string
        self.stats = stats
        self._pending = 0
        self._broken = False  # set when the target is not a database this code can use
        if file.error:
            logger.error("SQLite feed refused, items not stored in it: %s", file.error)
            self._broken = True
        # Urls written this run to a database that was empty when the feed opened: None when
        # it was not, so every url must then be looked up.
        self._fresh_urls: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], **kwargs: Any) -> BaseItemExporter:
        if not isinstance(file, SQLiteTarget):
            # Storages other than ours hand over a byte stream, and only once the first item
            # arrives; raising here would log a traceback per item, so refuse once, cleanly.
            return RefusedFeed()
        kwargs.setdefault(
            "commit_every", crawler.settings.getint(COMMIT_EVERY_SETTING, DEFAULT_COMMIT_EVERY)
        )
        return cls(file, stats=crawler.stats, **kwargs)

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
        self.conn.execute("BEGIN")
        # Inside the transaction, so the emptiness seen here is the one our writes build on.
        if self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None:
            self._fresh_urls = set()

    def export_item(self, item: Any) -> None:
        if self._broken:
            self._count("skipped")
            return
        record = self._record(item)
        # A clean item always has crawled_at; the clock is only a fallback for hand-made items.
        seen_at = record.get("crawled_at") or datetime.now(UTC).isoformat(timespec="seconds")
        url, fresh = record.get("url"), self._fresh_urls
        new = fresh is not None and isinstance(url, str) and url not in fresh
        try:
            inserted = sqlstore.upsert_article(self.conn, record, seen_at=seen_at, new=new)
        except ValueError as error:
            logger.error("Not stored in SQLite: %s (%r)", error, record.get("url"))
            self._count("skipped")
            return
        if new and fresh is not None and isinstance(url, str):
            fresh.add(url)
        self._count("inserted" if inserted else "updated")
        self._pending += 1
        if self._pending >= self.commit_every:
            self._commit()
            self.conn.execute("BEGIN")

    def _record(self, item: Any) -> dict[str, Any]:
        """The item's fields as get_serialized_fields gives them (FEED_EXPORT_FIELDS honoured)."""
        plain = self.fields_to_export is None and _ARTICLE_SERIALIZED
        if plain and type(item) is ArticleItem and not self._custom_serializer():
            # Same names, order and values as Scrapy's generic walk, which was ~45% of the
            # exporter's time: a dataclass has every field, and none has a serializer.
            return {name: getattr(item, name) for name in _ARTICLE_FIELDS}
        return dict(self.get_serialized_fields(item))

    def _custom_serializer(self) -> bool:
        return type(self).serialize_field is not BaseItemExporter.serialize_field

    def finish_exporting(self) -> None:
        if self._broken:
            return
        if self._pending:
            self._commit()
        elif self.conn.in_transaction:
            self.conn.execute("COMMIT")  # nothing written since the last counted commit

    def _commit(self) -> None:
        self.conn.execute("COMMIT")
        self._pending = 0
        self._count("commits")

    def _count(self, event: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(STATS_PREFIX + event)


class RefusedFeed(BaseItemExporter):
    """Stands in for a sqlite feed on a storage that cannot hold one: one ERROR, items ignored."""

    def __init__(self) -> None:
        super().__init__()
        logger.error(UNSUPPORTED)

    def export_item(self, item: Any) -> None:
        pass
