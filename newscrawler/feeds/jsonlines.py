"""JSON Lines written in whole records: a batch is appended in one piece or not at all."""

from __future__ import annotations

import io
import logging
import os
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import JsonLinesItemExporter

from newscrawler import signals
from newscrawler.feeds.guard import LossReporter, feed_name, item_url
from newscrawler.feeds.records import item_record
from newscrawler.utils.config import get_float, get_int
from newscrawler.utils.timers import CommitTimer

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

COMMIT_EVERY_SETTING = "NEWSCRAWLER_JSONL_COMMIT_EVERY"
COMMIT_SECONDS_SETTING = "NEWSCRAWLER_JSONL_COMMIT_SECONDS"
DEFAULT_COMMIT_EVERY = 500
DEFAULT_COMMIT_SECONDS = 1.0
JSONL_FORMATS = ("jsonlines", "jsonl", "jl")


def commit_interval(settings: BaseSettings) -> tuple[int, float]:
    """The JSON Lines append batch (items, seconds; 0 seconds: count only), checked."""
    every = get_int(settings, COMMIT_EVERY_SETTING, DEFAULT_COMMIT_EVERY, low=1)
    return every, get_float(settings, COMMIT_SECONDS_SETTING, DEFAULT_COMMIT_SECONDS)


class JsonLinesFeedExporter(JsonLinesItemExporter):
    """Scrapy's `jsonlines` output, buffered and appended per batch, then `feed_committed`.

    A failed append (a full disk) is cut back to the last whole record and its items are
    reported lost, so the file never ends in a torn record its items are counted in. An item
    that cannot be encoded is reported lost alone. Settings: NEWSCRAWLER_JSONL_COMMIT_EVERY
    (items) and NEWSCRAWLER_JSONL_COMMIT_SECONDS (0: count only).
    """

    def __init__(self, file: Any, *, commit_every: int = DEFAULT_COMMIT_EVERY, **kwargs: Any):
        seconds = float(kwargs.pop("commit_seconds", DEFAULT_COMMIT_SECONDS))
        self.reporter: LossReporter = kwargs.pop("reporter", None) or LossReporter("", None)
        super().__init__(file, **kwargs)
        self.commit_every = max(1, int(commit_every))
        self._lines: list[bytes] = []
        self._urls: list[str | None] = []
        self._timer = CommitTimer(seconds, self.commit)

    @classmethod
    def from_crawler(cls, crawler: Crawler, file: IO[bytes], **kwargs: Any) -> Any:
        every, seconds = commit_interval(crawler.settings)
        kwargs.setdefault("commit_every", every)
        kwargs.setdefault("commit_seconds", seconds)
        kwargs["reporter"] = LossReporter(feed_name(file), crawler.signals)
        return cls(file, **kwargs)

    def start_exporting(self) -> None:
        self._send(signals.feed_opened)

    def export_item(self, item: Any) -> None:
        try:
            data = self.encoder.encode(item_record(self, item)) + "\n"
            line = data.encode(self.encoding or "utf-8")
        except Exception as error:  # noqa: BLE001 - a value JSON or the encoding cannot hold
            self.reporter.lost(item_url(item), error)
            return
        self._lines.append(line)
        self._urls.append(item_url(item))
        if len(self._lines) >= self.commit_every:
            self.commit()
        else:
            self._timer.start()

    def finish_exporting(self) -> None:
        self.commit()  # what it could not append is reported lost
        self._send(signals.feed_closed)

    def commit(self) -> None:
        """Append the buffered records in one piece, or none of them, and say so."""
        self._timer.stop()
        if self._lines:
            data, urls = b"".join(self._lines), self._urls
            self._lines, self._urls = [], []
            try:
                _append(self.file, data)
            except OSError as error:
                for url in urls:
                    self.reporter.lost(url, error)
        self._send(signals.feed_committed)

    def _send(self, signal: object) -> None:
        if self.reporter.signals is not None:
            self.reporter.signals.send_catch_log(signal, feed=self.reporter.feed)


def _append(file: Any, data: bytes) -> None:
    """Write `data` at the end of `file`; on failure cut the file back to where it ended."""
    file.flush()  # nothing stays buffered above the descriptor, so nothing torn is written later
    try:
        fd = file.fileno()
        start = os.lseek(fd, 0, os.SEEK_END)
    except (AttributeError, OSError, io.UnsupportedOperation):
        file.write(data)  # a stream without a seekable descriptor (postprocessing, stdout)
        file.flush()
        return
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        os.ftruncate(fd, start)
        raise
