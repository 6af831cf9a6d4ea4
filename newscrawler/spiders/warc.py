"""WARC replay: re-extract stored pages (the bundled sample, CC-NEWS) without refetching them."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Self

from scrapy.crawler import Crawler
from scrapy.http import Headers, Request, Response, TextResponse
from scrapy.responsetypes import responsetypes

from newscrawler.exceptions import ConfigError
from newscrawler.items import ArticleItem
from newscrawler.spiders.base import FETCHED_AT_META
from newscrawler.spiders.bounds import skip
from newscrawler.spiders.extracting import ExtractingSpider
from newscrawler.spiders.warcfile import (
    ARCHIVE_ERRORS,
    RECORD_ERRORS,
    WARC_SUFFIXES,
    ArchiveCut,
    RecordTooLarge,
    WarcReader,
    record_length,
    short,
    warc_files,
)
from newscrawler.utils.progress import Throttle, progress_interval, replay_line

# Pages handed to each extraction worker before the oldest is awaited: enough to keep workers
# busy while the archive is read, few enough to keep memory flat on a multi-GB CC-NEWS file.
EXTRACT_AHEAD = 4
# A cut archive lost the cut record and every one after it: counted where the run report's
# LOST check looks, so such a run is never judged OK.
CUT_LOST_KEY = "newscrawler/lost/warc_truncated"
UNREADABLE_LOST_KEY = "newscrawler/lost/warc_unreadable"
# Room for a record's HTTP status line and headers beside the page-size cap.
HEADER_ALLOWANCE = 64 * 1024


def record_response(record: Any, max_bytes: int | None = None) -> Response | None:
    """A Scrapy response for a WARC `response` record, with WARC-Date as the fetch time.

    With `max_bytes`, a record declared or found larger is refused (RecordTooLarge) before its
    payload is read in full: at most max_bytes + 1 bytes are ever held.
    """
    if record.rec_type != "response" or record.http_headers is None:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = record.rec_headers.get_header("WARC-Date")
    if not url or not date:
        return None
    if max_bytes is not None and record_length(record) > max_bytes + HEADER_ALLOWANCE:
        raise RecordTooLarge(f"{record_length(record)} bytes declared")
    body = record.content_stream().read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(body) > max_bytes:
        raise RecordTooLarge(f"payload over {max_bytes} bytes")  # chunked or gzip payloads
    headers = Headers(record.http_headers.headers)
    status = int(record.http_headers.get_statuscode() or 200)
    fetched = datetime.fromisoformat(date.replace("Z", "+00:00"))
    request = Request(url, meta={FETCHED_AT_META: fetched})
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    response: Response = cls(url=url, status=status, headers=headers, body=body, request=request)
    return response


class WarcSpider(ExtractingSpider):
    """Replays `-a path=FILE_or_DIR`: every HTML response record becomes a raw article item.

    Site aliases apply too: a WARC of a mirror or a local copy routes as the live crawl would.
    Every NEWSCRAWLER_PROGRESS_INTERVAL seconds it logs records read, bytes of the total, rates
    and an estimate of the time left (a CC-NEWS file is ~1 GB).
    """

    name = "warc"
    # No network: nothing to be polite to, and robots.txt does not apply to stored records.
    custom_settings = {"ROBOTSTXT_OBEY": False, "AUTOTHROTTLE_ENABLED": False}

    def __init__(self, path: str = "data/samples", *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.path = Path(path)
        # Checked here, before the feeds open: a typo must not truncate the user's -O files.
        self.files = warc_files(self.path) if self.path.exists() else []
        if not self.files:
            reason = "contains no WARC files" if self.path.exists() else "does not exist"
            raise ConfigError(
                f"warc: -a path={path!r} {reason}; accepted: a WARC file or a directory"
                f" holding {', '.join(WARC_SUFFIXES)} files"
            )
        self.progress = Throttle(0)
        self.records_read = 0
        self.bytes_done = 0  # of the archives already read to their end
        self.bytes_total = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.progress = Throttle(progress_interval(crawler.settings))
        return spider

    async def start(self) -> AsyncIterator[Any]:
        self.progress.restart()
        self.bytes_total = sum(warc.stat().st_size for warc in self.files)
        for warc in self.files:
            self._count("files")
            async for item in self._items(self._responses(warc)):
                yield item
            self.bytes_done += warc.stat().st_size
        self.logger.info("WARC replay done: %s", self._progress_line(0))

    async def _items(self, responses: Iterator[Response]) -> AsyncIterator[ArticleItem]:
        """Items in record order; with extraction workers, a few pages per worker run ahead."""
        ahead = EXTRACT_AHEAD * max(1, self.extractor.workers)
        window: deque[asyncio.Future[ArticleItem | None]] = deque()
        for response in responses:
            window.append(asyncio.ensure_future(self.article_item(response)))
            if len(window) > ahead and (item := await window.popleft()) is not None:
                yield item
        while window:
            if (item := await window.popleft()) is not None:
                yield item

    def _responses(self, warc: Path) -> Iterator[Response]:
        """The archive's HTML responses (status 200); a corrupt file ends where it breaks."""
        number = 0
        with warc.open("rb") as stream:
            try:
                reader = WarcReader(stream)
                for number, record in enumerate(reader.records(), 1):
                    self._tick(stream)
                    if (response := self._html_response(warc, number, reader, record)) is not None:
                        yield response
            except ArchiveCut as cut:
                self._cut(warc, number, cut)
            except ARCHIVE_ERRORS as exc:
                # A truncated or corrupt archive: keep what was read, say where it broke.
                skip(self.crawler.stats, self.logger, "warc_unreadable",
                     "WARC %s is unreadable after %d records: %s",
                     warc, number, short(exc))  # fmt: skip
                # what the file held after the break never reached a feed: the run lost it
                self.crawler.stats.inc_value(UNREADABLE_LOST_KEY)
                self._count("unreadable_file")

    def _cut(self, warc: Path, number: int, cut: ArchiveCut) -> None:
        """Bytes after a cut cannot be trusted: the file ends there, the cut record not sent."""
        where = f"in record {number} ({cut.uri})" if cut.uri else f"after record {number}"
        skip(self.crawler.stats, self.logger, "warc_truncated",
             "WARC %s breaks off %s at offset %d: %s; the rest of the file is lost",
             warc, where, cut.offset, cut.detail)  # fmt: skip
        self.crawler.stats.inc_value(CUT_LOST_KEY)
        self._count("unreadable_file")

    def _tick(self, stream: IO[bytes]) -> None:
        self.records_read += 1
        if self.progress.due():
            self.logger.info("WARC replay: %s", self._progress_line(stream.tell()))

    def _progress_line(self, position: int) -> str:
        """Bytes are the compressed file's: what is left to read, and what the total says."""
        done = min(self.bytes_done + position, self.bytes_total)
        return replay_line(self.records_read, done, self.bytes_total, self.progress.elapsed())

    def _html_response(
        self, warc: Path, number: int, reader: WarcReader, record: Any
    ) -> Response | None:
        """The record's response, or None (skipped and counted when malformed or too large).

        A record cut short raises (ArchiveCut or HeadersCut) before anything is counted.
        """
        error: Exception
        try:
            response = record_response(record, self.bounds.max_page_bytes)
        except RecordTooLarge as exc:
            reason, error = "warc_record_too_large", exc
        except RECORD_ERRORS as exc:
            reason, error = "warc_bad_record", exc
        else:
            reader.ensure_complete(record)
            return self._counted(response)
        reader.ensure_complete(record)  # a cut record is reported as a cut, not as malformed
        uri = record.rec_headers.get_header("WARC-Target-URI")
        skip(self.crawler.stats, self.logger, reason, "WARC %s record %d (%s): %s",
             warc, number, uri, short(error))  # fmt: skip
        return None

    def _counted(self, response: Response | None) -> Response | None:
        if response is None:
            return None
        self._count("records")
        if not isinstance(response, TextResponse) or response.status != 200:
            self._count("skipped_non_html")
            return None
        return response

    def _count(self, event: str) -> None:
        self.crawler.stats.inc_value(f"newscrawler/warc/{event}")
