"""Downloader middleware that skips article pages whose items an earlier run already exported."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from newscrawler import signals as newscrawler_signals
from newscrawler.stores.seen import ExportGate
from newscrawler.stores.seen_redis import SeenStoreLike, open_seen_store
from newscrawler.utils.requests import article_pattern, is_article_request, truthy
from newscrawler.utils.state import SEEN_FILE, state_path

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

STATS_PREFIX = "newscrawler/incremental"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class IncrementalMiddleware:
    """Raises IgnoreRequest for article requests already exported; records exports on item_scraped.

    With a SQLite feed, an item's URLs are recorded once that feed has committed it (see
    ExportGate), so a killed crawl fetches again whatever its last batch held.
    Settings: NEWSCRAWLER_INCREMENTAL_ENABLED, NEWSCRAWLER_SEEN_PATH, NEWSCRAWLER_REFRESH (or the
    spider argument `-a refresh=1`), which fetches everything again and still records exports.
    """

    def __init__(self, path: str, stats: StatsCollector, *, refresh: bool = False) -> None:
        self.path = path
        self.stats = stats
        self.refresh = refresh
        self.pattern: re.Pattern[str] | None = None
        self.store: SeenStoreLike | None = None
        self.crawler: Crawler | None = None
        self.gate = ExportGate()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        settings = crawler.settings
        if not settings.getbool("NEWSCRAWLER_INCREMENTAL_ENABLED", True):
            raise NotConfigured("NEWSCRAWLER_INCREMENTAL_ENABLED is off")
        # Distributed workers share one store in Redis; else the SQLite file.
        path = settings.get("NEWSCRAWLER_REDIS_URL") or state_path(
            settings, "NEWSCRAWLER_SEEN_PATH", SEEN_FILE
        )
        mw = cls(path, crawler.stats, refresh=settings.getbool("NEWSCRAWLER_REFRESH"))
        mw.crawler = crawler
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(mw.item_scraped, signal=signals.item_scraped)
        # Extensions connect before the engine builds this middleware, so FeedExporter gets each
        # item first: a SQLite feed opens (and holds) an item before the gate sees that item.
        crawler.signals.connect(mw.feed_opened, signal=newscrawler_signals.sqlite_feed_opened)
        crawler.signals.connect(mw.feed_committed, signal=newscrawler_signals.sqlite_feed_committed)
        crawler.signals.connect(mw.feeds_closed, signal=signals.feed_exporter_closed)
        return mw

    def spider_opened(self) -> None:
        spider = self.crawler.spider if self.crawler else None
        self.open(article_pattern(spider), refresh=truthy(getattr(spider, "refresh", None)))

    def open(self, pattern: re.Pattern[str] | None, *, refresh: bool = False) -> None:
        """Open the store; separate from the signal so tests can drive it without a crawler."""
        self.pattern = pattern
        self.refresh = self.refresh or refresh
        self.store = open_seen_store(self.path)
        self.stats.set_value(f"{STATS_PREFIX}/known_at_start", self.store.exported_count())
        if self.refresh:
            self.stats.set_value(f"{STATS_PREFIX}/refresh", 1)
        # A redis:// URL may carry a password: never log it.
        shown = re.sub(r"//[^@/]*@", "//***@", self.path)
        logger.info("Seen store %s, refresh=%s", shown, self.refresh)

    def spider_closed(self) -> None:
        if not self.gate.feeds:  # else the SQLite feeds' last commits are still to come
            self.feeds_closed()

    def feeds_closed(self) -> None:
        """Every feed is closed: what no SQLite feed committed stays unrecorded (fetched again)."""
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_request(self, request: Request) -> None:
        if self.refresh or self.store is None or not is_article_request(request, self.pattern):
            return
        if self.store.is_exported(request.url):
            self.stats.inc_value(f"{STATS_PREFIX}/skipped")
            raise IgnoreRequest(f"already exported: {request.url}")

    def process_response(self, request: Request, response: Response) -> Response:
        if self.store is not None and is_article_request(request, self.pattern):
            self.store.mark_fetched(request.url, now=now_iso())
        return response

    def item_scraped(self, item: Any, response: Response | None = None) -> None:
        """An item passed every pipeline and reached the feeds: its URLs count as exported."""
        urls = [ItemAdapter(item).get("url")]
        if response is not None:
            urls += [response.url, *response.meta.get("redirect_urls", [])[:1]]
        self.record(self.gate.item_exported([u for u in urls if isinstance(u, str)]))

    def feed_opened(self, feed: str) -> None:
        self.gate.feed_opened(feed)

    def feed_committed(self, feed: str) -> None:
        self.record(self.gate.feed_committed(feed))

    def record(self, items: list[list[str]]) -> None:
        """Mark the URLs of these items exported, in one seen-store commit."""
        if self.store is None or not items:
            return
        self.store.mark_exported([url for urls in items for url in urls], now=now_iso())
        self.stats.inc_value(f"{STATS_PREFIX}/recorded", len(items))
