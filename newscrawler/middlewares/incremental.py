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
from newscrawler.middlewares.overwrite import overwritten_feeds
from newscrawler.stores.seen import ExportGate
from newscrawler.stores.seen_redis import SeenStoreLike, open_seen_store
from newscrawler.utils.config import get_bool, get_str, parse_bool, without_password
from newscrawler.utils.requests import LISTED_META, article_pattern, is_article_request
from newscrawler.utils.state import SEEN_FILE, usable_state_path

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

STATS_PREFIX = "newscrawler/incremental"
# newscrawler.signals handled by the method of the same name.
FEED_SIGNALS = (
    "item_reaching_feeds",
    "item_reached_feeds",
    "feed_opened",
    "feed_deferred",
    "feed_committed",
    "feed_closed",
    "feed_stored",
)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class IncrementalMiddleware:
    """Raises IgnoreRequest for article requests already exported; records exports on item_scraped.

    An item's URLs are recorded once every feed has written it (see ExportGate), and never when
    a feed lost it, so a killed crawl fetches again whatever its feeds had not written. URLs the
    user listed (LISTED_META) are always fetched. When `-O` (overwrite) empties a feed that
    holds earlier runs' items, that run skips nothing (as with refresh): run twice, the same
    command gives the same complete outputs.
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
        self.overwrite: list[str] = []  # feeds `-O` empties of earlier items: skipping is off
        self.via_feeds = False  # items arrive by item_reaching_feeds (feeds configured)
        self.has_feeds = False  # FEEDS names an output (none: nothing is ever remembered)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        settings = crawler.settings
        if not get_bool(settings, "NEWSCRAWLER_INCREMENTAL_ENABLED", True):
            raise NotConfigured("NEWSCRAWLER_INCREMENTAL_ENABLED is off")
        # Distributed workers share one store in Redis; else the SQLite file.
        path = get_str(settings, "NEWSCRAWLER_REDIS_URL", "") or usable_state_path(
            settings, "NEWSCRAWLER_SEEN_PATH", SEEN_FILE
        )
        # Either the setting or `-a refresh=1` turns refresh on (see spider_opened).
        mw = cls(path, crawler.stats, refresh=get_bool(settings, "NEWSCRAWLER_REFRESH", False))
        mw.overwrite = overwritten_feeds(settings.getdict("FEEDS"), crawler.spidercls.name or "")
        mw.has_feeds = bool(settings.getdict("FEEDS"))
        mw.crawler = crawler
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(mw.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(mw.feeds_closed, signal=signals.feed_exporter_closed)
        # Feeds open at spider_opened (feeds/extension.py), and the extension announces each item
        # (item_reaching_feeds) before any feed gets it, so a commit covers what it wrote.
        for name in FEED_SIGNALS:
            crawler.signals.connect(getattr(mw, name), signal=getattr(newscrawler_signals, name))
        crawler.signals.connect(mw.item_lost, signal=newscrawler_signals.feed_item_lost)
        return mw

    def spider_opened(self) -> None:
        spider = self.crawler.spider if self.crawler else None
        refresh = parse_bool(getattr(spider, "refresh", None), "-a refresh")
        self.open(article_pattern(spider), refresh=refresh)

    def open(self, pattern: re.Pattern[str] | None, *, refresh: bool = False) -> None:
        """Open the store; separate from the signal so tests can drive it without a crawler."""
        self.pattern = pattern
        self.refresh = self.refresh or refresh
        self.store = open_seen_store(self.path)
        self.stats.set_value(f"{STATS_PREFIX}/known_at_start", self.store.exported_count())
        if self.overwrite and not self.refresh:
            # The seen-store says what earlier runs wrote, into files `-O` has just emptied.
            logger.info("Overwritten feed %s: every article is fetched again", self.overwrite[0])
            self.stats.set_value(f"{STATS_PREFIX}/refresh_overwrite", 1)
            self.refresh = True
        if self.refresh:
            self.stats.set_value(f"{STATS_PREFIX}/refresh", 1)
        logger.info("Seen store %s, refresh=%s", without_password(self.path), self.refresh)

    def spider_closed(self) -> None:
        if not self.gate.tracking:  # else the feeds' last commits are still to come
            self.feeds_closed()

    def feeds_closed(self) -> None:
        """Every feed is closed: what no SQLite feed committed stays unrecorded (fetched again)."""
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_request(self, request: Request) -> None:
        if self.refresh or self.store is None or request.meta.get(LISTED_META):
            return
        if not is_article_request(request, self.pattern):
            return
        if self.store.is_exported(request.url):
            self.stats.inc_value(f"{STATS_PREFIX}/skipped")
            raise IgnoreRequest(f"already exported: {request.url}")

    def process_response(self, request: Request, response: Response) -> Response:
        if self.store is not None and is_article_request(request, self.pattern):
            self.store.mark_fetched(request.url, now=now_iso())
        return response

    def item_reaching_feeds(self, item: Any, response: Response | None = None) -> None:
        """Sent before the feeds get the item: it is numbered before any feed commits it."""
        self.via_feeds = True
        self.gate.delivering = True  # until item_reached_feeds
        self.item_passed(item, response)

    def item_reached_feeds(self) -> None:
        self.record(self.gate.item_delivered())

    def item_scraped(self, item: Any, response: Response | None = None) -> None:
        if self.via_feeds:
            return  # our feed extension announces the item and its commits
        if self.has_feeds:  # Scrapy's own exporter (another project's settings): no commits
            self.item_passed(item, response)
        else:  # a dry run (NEWSCRAWLER_DEFAULT_FEEDS={}): no file holds the item, so a later
            # run with a feed must fetch it again
            self.stats.inc_value(f"{STATS_PREFIX}/not_remembered_no_feed")

    def item_passed(self, item: Any, response: Response | None) -> None:
        """An item passed every pipeline: its URLs are exported once every feed wrote it."""
        urls = [ItemAdapter(item).get("url")]
        if response is not None:
            urls += [response.url, *response.meta.get("redirect_urls", [])[:1]]
        self.record(self.gate.item_exported([u for u in urls if isinstance(u, str)]))

    def feed_opened(self, feed: str) -> None:
        self.gate.feed_opened(feed)

    def item_lost(self, url: str | None) -> None:
        """A feed could not write this item: it is never recorded, so the next run fetches it."""
        if url:
            self.gate.item_lost(url)

    def feed_committed(self, feed: str) -> None:
        self.record(self.gate.feed_committed(feed))

    def feed_closed(self, feed: str) -> None:
        self.record(self.gate.feed_closed(feed))

    def feed_deferred(self, feed: str) -> None:
        self.gate.feed_deferred(feed)

    def feed_stored(self, feed: str) -> None:
        self.record(self.gate.feed_stored(feed))

    def record(self, items: list[list[str]]) -> None:
        """Mark the URLs of these items exported, in one seen-store commit."""
        if self.store is None or not items:
            return
        self.store.mark_exported([url for urls in items for url in urls], now=now_iso())
        self.stats.inc_value(f"{STATS_PREFIX}/recorded", len(items))
