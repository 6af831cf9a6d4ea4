"""Exporters that never raise out of export_item: one bad item is skipped, counted, reported."""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, cast

from itemadapter import ItemAdapter
from scrapy import exporters
from scrapy.extensions.postprocessing import PostProcessingManager

from newscrawler import signals

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.signalmanager import SignalManager

logger = logging.getLogger(__name__)

_DISK_FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})


def feed_name(file: object) -> str:
    """The name a feed is known by in signals and logs: its path, else its object id."""
    if isinstance(file, PostProcessingManager):  # what the exporter writes to; the storage's file
        file = file.file
    name = getattr(file, "name", None) or getattr(file, "path", None)
    return str(name) if name else f"feed-{id(file)}"


def loss_reason(error: BaseException) -> str:
    """The `newscrawler/lost/<reason>` an error writing one item counts under."""
    if isinstance(error, OSError) and error.errno in _DISK_FULL:
        return "disk_full"
    if isinstance(error, sqlite3.OperationalError) and "full" in str(error):  # SQLITE_FULL
        return "disk_full"
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):  # SQLITE_BUSY
        return "database_locked"  # another process held a write lock past the busy timeout
    if isinstance(error, UnicodeError):
        return "unencodable_text"
    if isinstance(error, OSError):
        return "write_error"
    return "bad_value"


def item_url(item: Any) -> str | None:
    try:
        url = ItemAdapter(item).get("url")
    except TypeError:  # not an item type itemadapter knows
        return None
    return url if isinstance(url, str) else None


class LossReporter:
    """Sends `feed_item_lost` for items a feed could not write; logs once per feed and reason."""

    def __init__(self, feed: str, signal_manager: SignalManager | None) -> None:
        self.feed = feed
        self.signals = signal_manager
        self._logged: set[str] = set()

    def lost(self, url: str | None, error: BaseException, reason: str | None = None) -> None:
        reason = reason or loss_reason(error)
        if reason not in self._logged:  # a full disk fails every later item: one line, not 900
            self._logged.add(reason)
            logger.error("Feed %s could not write an item (%s): %s", self.feed, reason, error)
        if self.signals is not None:
            self.signals.send_catch_log(
                signals.feed_item_lost, feed=self.feed, url=url, reason=reason
            )


class GuardedExporter(exporters.BaseItemExporter):
    """Mixin for Scrapy's exporters: an item they cannot write is reported, never raised.

    Scrapy's feed loop stops at an exporter that raises, so the feeds after it lost the item too.
    These feeds write at close only: they count as holding their items once they finished.
    """

    reporter: LossReporter
    feed_file: IO[bytes]  # the storage's file (csv and xml wrap it in a text stream)

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], *args: Any, **kwargs: Any) -> Any:
        build = cast("Callable[..., GuardedExporter]", cls)  # the concrete exporter's __init__
        exporter = build(file, *args, **kwargs)
        exporter.reporter = LossReporter(feed_name(file), crawler.signals)
        exporter.feed_file = file
        return exporter

    def start_exporting(self) -> None:
        super().start_exporting()
        self._send(signals.feed_opened)

    def export_item(self, item: Any) -> None:
        try:
            # The concrete exporter after this mixin in the MRO writes it.
            super().export_item(item)  # type: ignore[safe-super]
        except Exception as error:  # noqa: BLE001 - whatever one item raises, the rest go on
            self.reporter.lost(item_url(item), error)

    def finish_exporting(self) -> None:
        try:
            super().finish_exporting()
            self.feed_file.flush()
        except OSError as error:  # its items stay unrecorded: the next run fetches them again
            logger.error("Feed %s could not be completed: %s", self.reporter.feed, error)
            return
        self._send(signals.feed_committed)
        self._send(signals.feed_closed)

    def _send(self, signal: object) -> None:
        if self.reporter.signals is not None:
            self.reporter.signals.send_catch_log(signal, feed=self.reporter.feed)


class JsonExporter(GuardedExporter, exporters.JsonItemExporter):
    """Scrapy's `json` exporter, guarded."""


class CsvExporter(GuardedExporter, exporters.CsvItemExporter):
    """Scrapy's `csv` exporter, guarded."""


class XmlExporter(GuardedExporter, exporters.XmlItemExporter):
    """Scrapy's `xml` exporter, guarded."""


class MarshalExporter(GuardedExporter, exporters.MarshalItemExporter):
    """Scrapy's `marshal` exporter, guarded."""


class PickleExporter(GuardedExporter, exporters.PickleItemExporter):
    """Scrapy's `pickle` exporter, guarded."""
