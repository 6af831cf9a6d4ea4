"""Downloader middlewares: backoff before retries, and every page given up on counted by reason."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.misc import load_object

from newscrawler.utils.config import get_bool, get_float

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

DEFAULT_BASE = 1.0  # seconds before the first retry, doubled for each further one
DEFAULT_MAX = 60.0  # cap for the doubling and for a server's Retry-After
GIVEUP = "newscrawler/giveup"
# Exception class names as give-up reasons; others are reported by their own class name.
REASONS = {
    "DownloadTimeoutError": "timeout",
    "DownloadFailedError": "connection_failed",
    "DownloadConnectionRefusedError": "connection_refused",
    "ResponseDataLossError": "truncated",
    "DownloadCancelledError": "too_large",  # DOWNLOAD_MAXSIZE cancels the transfer
    "CannotResolveHostError": "dns",
}


def backoff_delay(
    retries: int, retry_after: str | None, *, base: float, cap: float, now: datetime | None = None
) -> float:
    """Seconds to wait before retry number `retries + 1`: Retry-After if given, else doubling."""
    if retry_after:
        value = retry_after.strip()
        if value.isdigit():
            return min(float(value), cap)
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None and now is not None and when.tzinfo is not None:
            return max(0.0, min((when - now).total_seconds(), cap))
    return min(base * 2.0**retries, cap)


def _server_now(response: Response) -> datetime | None:
    header = response.headers.get(b"Date")
    try:  # Retry-After dates are read against the server's own clock, never ours
        return parsedate_to_datetime(header.decode("latin-1")) if header else None
    except (TypeError, ValueError):
        return None


class BackoffMiddleware:
    """Waits before a response or error that RetryMiddleware is about to retry (priority 560).

    The wait is an `asyncio.sleep` in the middleware chain: other downloads go on meanwhile.
    Settings: NEWSCRAWLER_BACKOFF_ENABLED, NEWSCRAWLER_BACKOFF_BASE, NEWSCRAWLER_BACKOFF_MAX,
    and Scrapy's RETRY_TIMES, RETRY_HTTP_CODES, RETRY_EXCEPTIONS.
    """

    def __init__(
        self, stats: StatsCollector, *, base: float, cap: float, retries: int, codes: set[int]
    ) -> None:
        self.stats, self.base, self.cap, self.retries, self.codes = stats, base, cap, retries, codes
        self.exceptions: tuple[type[Exception], ...] = ()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        settings = crawler.settings
        if not get_bool(settings, "NEWSCRAWLER_BACKOFF_ENABLED", True):
            raise NotConfigured("NEWSCRAWLER_BACKOFF_ENABLED is off")
        mw = cls(
            crawler.stats,
            base=get_float(settings, "NEWSCRAWLER_BACKOFF_BASE", DEFAULT_BASE),
            cap=get_float(settings, "NEWSCRAWLER_BACKOFF_MAX", DEFAULT_MAX),
            retries=settings.getint("RETRY_TIMES"),
            codes={int(code) for code in settings.getlist("RETRY_HTTP_CODES")},
        )
        names = settings.getlist("RETRY_EXCEPTIONS")
        mw.exceptions = tuple(load_object(n) if isinstance(n, str) else n for n in names)
        return mw

    def will_retry(self, request: Request) -> bool:
        limit = request.meta.get("max_retry_times", self.retries)
        return not request.meta.get("dont_retry") and request.meta.get("retry_times", 0) < limit

    async def wait(self, request: Request, retry_after: str | None, now: datetime | None) -> None:
        delay = backoff_delay(
            request.meta.get("retry_times", 0), retry_after, base=self.base, cap=self.cap, now=now
        )
        self.stats.inc_value("newscrawler/backoff/waits")
        if retry_after:
            self.stats.inc_value("newscrawler/backoff/retry_after")
        logger.debug("Backing off %.1fs before retrying %s", delay, request)
        await asyncio.sleep(delay)

    async def process_response(self, request: Request, response: Response) -> Response:
        if response.status in self.codes and self.will_retry(request):
            header = response.headers.get(b"Retry-After")
            retry_after = header.decode("latin-1") if header else None
            await self.wait(request, retry_after, _server_now(response))
        return response

    async def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, self.exceptions) and self.will_retry(request):
            await self.wait(request, None, None)


def give_up(stats: StatsCollector, request: Request, reason: str, detail: object) -> None:
    """Count `newscrawler/giveup/<reason>` and log one line (no traceback)."""
    stats.inc_value(f"{GIVEUP}/{reason}")
    logger.warning("Gave up on %s (%s): %s", request.url, reason, detail)


class GiveUpMiddleware:
    """Counts what RetryMiddleware gave up on (priority 540), without a traceback in the log.

    Download errors become IgnoreRequest after counting; error statuses and unfollowed redirects
    are counted as `http_<status>` and left to HttpErrorMiddleware.
    """

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GiveUpMiddleware:
        mw = cls(crawler.stats)
        mw.crawler = crawler
        return mw

    def process_response(self, request: Request, response: Response) -> Response:
        status, meta = response.status, request.meta
        spider = self.crawler.spider if self.crawler else None
        handled = meta.get("handle_httpstatus_all") or status in meta.get(
            "handle_httpstatus_list", getattr(spider, "handle_httpstatus_list", ())
        )  # the spider asked for this status itself: not given up
        robots = urlsplit(request.url).path == "/robots.txt"  # a missing robots.txt is normal
        if status >= 300 and not robots and not handled:
            give_up(self.stats, request, f"http_{status}", f"HTTP {status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest):
            return  # robots.txt, incremental and offsite filters count their own
        name = type(exception).__name__
        give_up(self.stats, request, REASONS.get(name, name), exception)
        raise IgnoreRequest(f"gave up: {name}") from exception
