"""Downloader middleware that retries, then gives up on, a gzip body whose stream is cut short."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest

from newscrawler.middlewares.backoff import give_up

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

CHUNK = 65536  # inflated bytes per step: the check holds one chunk, never the whole page
GZIP_MAGIC = b"\x1f\x8b"
# The give-up reason of a transfer cut short (backoff.REASONS), so both count as one.
REASON = "truncated"


def _member_end(body: bytes, max_size: int, inflated: int) -> tuple[bytes | None, int]:
    """Inflate one gzip member: (the bytes after it, or None if it never ends; bytes inflated)."""
    stream, data = zlib.decompressobj(16 + zlib.MAX_WBITS), body
    while not stream.eof:
        out = stream.decompress(data, CHUNK)
        inflated, data = inflated + len(out), stream.unconsumed_tail
        if max_size and inflated > max_size:
            raise OverflowError  # HttpCompressionMiddleware refuses it: DOWNLOAD_MAXSIZE
        if not (out or data or stream.eof):  # input spent before the member's end
            return None, inflated
    return stream.unused_data, inflated


def gzip_truncated(body: bytes, max_size: int = 0) -> bool:
    """Whether `body` is gzip that stops inside a member (a multi-member body: inside any).

    Not truncated: an empty body, trailing bytes that are not another member (what gunzip
    ignores too), a corrupt stream (GuardMiddleware's `bad_encoding`), and a body inflating past
    `max_size` (HttpCompressionMiddleware refuses it), which is left unchecked beyond the limit.
    """
    rest: bytes | None = body
    inflated = 0
    try:
        while rest and rest.startswith(GZIP_MAGIC):
            rest, inflated = _member_end(rest, max_size, inflated)
            if rest is None:
                return True
    except (zlib.error, OverflowError):
        return False
    return False


def outer_gzip(response: Response) -> bool:
    """Whether the last coding applied (the first HttpCompressionMiddleware undoes) is gzip."""
    codings = b",".join(response.headers.getlist(b"Content-Encoding")).lower().split(b",")
    return codings[-1].strip() in (b"gzip", b"x-gzip")


class TruncatedGzipMiddleware:
    """Treats a gzip body cut short like a truncated transfer (priority 595).

    Between RedirectMiddleware (600) and HttpCompressionMiddleware (590): Scrapy's gunzip keeps
    whatever decodes, so the cut page would be exported incomplete and remembered as exported.
    The request is retried (RETRY_TIMES, `retry/reason_count/truncated_gzip`), then counted
    `newscrawler/giveup/truncated` (one WARNING), as a cut transfer is, and dropped: nothing of
    it is exported or remembered, so the next run fetches it (a give-up, like a server that
    keeps failing, is in the run report and does not fail the verdict: docs/operations.md).
    """

    def __init__(self, stats: StatsCollector, crawler: Crawler) -> None:
        self.stats, self.crawler = stats, crawler
        self.max_size = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        self.retry = crawler.settings.getbool("RETRY_ENABLED")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TruncatedGzipMiddleware:
        return cls(crawler.stats, crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.method == "HEAD" or not response.body or not outer_gzip(response):
            return response
        if not gzip_truncated(response.body, request.meta.get("download_maxsize", self.max_size)):
            return response
        retry = self.retry_request(request)
        if retry is not None:
            return retry
        detail = f"gzip stream ends early ({len(response.body)} bytes received)"
        give_up(self.stats, request, REASON, detail)
        raise IgnoreRequest(f"gave up: {REASON}")

    def retry_request(self, request: Request) -> Request | None:
        """The retry RetryMiddleware would make of a cut transfer, or None once they are spent."""
        spider = self.crawler.spider
        if not self.retry or request.meta.get("dont_retry") or spider is None:
            return None
        retry: Request | None = get_retry_request(request, spider=spider, reason="truncated_gzip")
        return retry
