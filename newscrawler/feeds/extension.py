"""Scrapy's FeedExporter, opening every feed before the first request and counting lost items."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlparse

from itemadapter import ItemAdapter
from scrapy.exceptions import CloseSpider, NotConfigured
from scrapy.extensions.feedexport import FeedExporter
from scrapy.utils.misc import build_from_crawler, load_object

from newscrawler import signals as newscrawler_signals
from newscrawler.exceptions import ConfigError
from newscrawler.items import FIELD_NAMES

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

OPEN_FAILED_KEY = "newscrawler/feeds/open_failed"
LOST_PREFIX = "newscrawler/lost/"
CLOSE_REASON = "feed_open_failed"
NO_FEED_TAKES = "no_feed_takes_it"  # every feed's item_classes leaves the item out
FAILED = "Feed %s cannot be written: %s. Crawl stopped before the first request"


def storage_problem(crawler: Crawler) -> tuple[str, str] | None:
    """(uri, why) for the first FEEDS entry no storage can take (`s3://` without boto3)."""
    storages = crawler.settings.getwithbase("FEED_STORAGES")
    for uri, options in crawler.settings.getdict("FEEDS").items():
        if not isinstance(options, dict):  # {"out.jsonl": "jsonlines"}: an easy slip in JSON
            raise ConfigError(
                f"FEEDS[{str(uri)!r}] is {options!r}, not an object of options; accepted: "
                '{"out.jsonl": {"format": "jsonlines"}}'
            )
        check_fields(str(uri), options.get("fields"))
        scheme = urlparse(str(uri)).scheme
        path = storages.get(scheme) or (storages.get("file") if len(scheme) == 1 else None)
        if not path:
            return str(uri), f"no feed storage for the {scheme!r} scheme"
        try:
            build_from_crawler(load_object(path), crawler, str(uri), feed_options=dict(options))
        except ConfigError:
            raise  # a bad setting, not this feed: `newscrawler: error:` and exit 2
        except (NotConfigured, ImportError, ValueError) as error:
            return str(uri), str(error) or type(error).__name__
    return None


def check_fields(uri: str, fields: object) -> None:
    """ConfigError for a feed's `fields` naming no record field: every record would be `{}`."""
    if fields is None:
        return
    names = list(fields) if isinstance(fields, (list, tuple, dict)) else None
    if names is None or (unknown := [n for n in names if n not in FIELD_NAMES]):
        shown = repr(fields) if names is None else repr(unknown[0])
        raise ConfigError(
            f"FEEDS[{uri!r}] fields: {shown} is not a list of record fields; accepted: "
            f"a list of {', '.join(FIELD_NAMES[:4])}, ... (docs/user-guide.md)"
        )


class CheckedFeedExporter(FeedExporter):
    """Opens every feed at spider_opened; one that cannot be written stops the crawl.

    Then one ERROR line, `newscrawler/feeds/open_failed` = 1 and close reason
    `feed_open_failed`, before any request. Items a feed reports lost (`feed_item_lost`)
    count once each in `newscrawler/lost/<reason>`.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        exporter = super().from_crawler(crawler)
        crawler.signals.connect(exporter.item_lost, signal=newscrawler_signals.feed_item_lost)
        return exporter

    def __init__(self, crawler: Crawler) -> None:
        self.lost_urls: set[str | None] = set()
        self.problem = storage_problem(crawler) if crawler.settings.getdict("FEEDS") else None
        if self.problem is None:
            try:
                super().__init__(crawler)
                return
            except NotConfigured:
                if not crawler.settings.getdict("FEEDS"):
                    raise  # no feed asked for: the extension is simply off
                # An unknown format or a bad batch URI, in Scrapy's own ERROR line above.
                self.problem = ("FEEDS", "see the error above")
        # Scrapy's own check would log it and switch every feed off, not stop the crawl.
        self.crawler, self.settings, self.slots = crawler, crawler.settings, []
        self.feeds, self.filters = {}, {}

    def open_spider(self, spider: Spider) -> None:
        if self.problem is not None:
            self._fail(*self.problem)
        try:  # Scrapy fills the URI's %(...)s here: an unknown one ("%(site)s") raises
            super().open_spider(spider)
        except (KeyError, TypeError, ValueError) as error:
            self.slots = []  # none opened yet: no empty file is stored over an `-O` feed
            self._fail(
                "FEEDS",
                f"a feed URI parameter cannot be filled ({type(error).__name__}: "
                f"{error}); accepted: %(name)s, %(time)s, %(batch_id)d, ...",
            )
        for slot in self.slots:  # every path checked before any is truncated
            check = getattr(slot.storage, "check_writable", None)
            if check is not None:
                self._try(slot, check)
        for slot in list(self.slots):
            self._try(slot, slot.start_exporting)
            slot.store_empty = True  # opened now, so closed and stored even if it stays empty

    def _try(self, failing: Any, step: Any) -> None:
        try:
            step()
        except Exception as error:  # noqa: BLE001 - any failure to open is reported the same way
            self.slots = [slot for slot in self.slots if slot is not failing]
            for slot in self.slots:  # feeds not opened yet stay untouched: no empty file stored
                slot.store_empty = slot.store_empty and slot.exporter is not None
            self._fail(failing.uri, str(error) or type(error).__name__)

    def _fail(self, uri: str, why: str) -> None:
        logger.error(FAILED, uri, why)
        self.crawler.stats.set_value(OPEN_FAILED_KEY, 1)
        raise CloseSpider(CLOSE_REASON)

    async def close_spider(self, spider: Spider) -> None:
        if self.problem is None:
            await super().close_spider(spider)
        lost = {
            key.removeprefix(LOST_PREFIX): count
            for key, count in self.crawler.stats.get_stats().items()
            if key.startswith(LOST_PREFIX)
        }
        if lost:
            shown = ", ".join(f"{count} {reason}" for reason, count in sorted(lost.items()))
            # every newscrawler/lost/* key: items a feed could not hold, and what never became
            # one (a cut WARC record), by reason
            logger.error("Items lost (in no feed or not in every feed): %s", shown)

    def item_scraped(self, item: Any, spider: Spider, response: Any = None) -> None:
        if self.slots and not any(slot.filter.accepts(item) for slot in self.slots):
            # Every feed's item_classes filter turns it away: no file will hold it, so it is
            # lost (counted, never remembered), not exported.
            url = ItemAdapter(item).get("url")
            lost = newscrawler_signals.feed_item_lost
            self.crawler.signals.send_catch_log(lost, feed="", url=url, reason=NO_FEED_TAKES)
        # The seen-store numbers the item first: a feed committing while it writes this item
        # then covers it, instead of holding it until its next commit.
        signal = newscrawler_signals.item_reaching_feeds
        self.crawler.signals.send_catch_log(signal, item=item, response=response)
        try:
            super().item_scraped(item, spider)
        finally:
            # Commits made while the feeds got it are released now, when a new batch file
            # (`%(batch_id)d`) that gets it is open too.
            self.crawler.signals.send_catch_log(newscrawler_signals.item_reached_feeds)

    def item_lost(self, feed: str, url: str | None, reason: str) -> None:
        """Count an item once, however many feeds lost it."""
        if url is None or url not in self.lost_urls:
            self.lost_urls.add(url)
            self.crawler.stats.inc_value(LOST_PREFIX + reason)
