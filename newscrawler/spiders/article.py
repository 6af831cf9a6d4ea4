"""The `article` spider: article pages from URLs, a URL file, XML sitemaps or RSS/Atom feeds."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawler.exceptions import ConfigError
from newscrawler.items import ArticleItem
from newscrawler.sites import discovery
from newscrawler.spiders import arguments
from newscrawler.spiders.feeder import HIGH_WATER, RequestFeeder
from newscrawler.spiders.listing import ListingSpider
from newscrawler.utils.config import parse_bool
from newscrawler.utils.progress import Throttle, discovery_line, progress_interval
from newscrawler.utils.requests import ARTICLE_META, LISTED_META


class ArticleSpider(ListingSpider):
    """Generic news spider; each page goes to its site's page class (generic fallback).

    -a urls=U1,U2   -a url_file=PATH   -a sitemap=URL[,URL]   -a feed=URL[,URL]
    -a since=2d (skip sitemap/feed entries older than this, measured from the listing's fetch time)
    -a allow_offsite=1 (follow sitemap/feed entries on other sites; else counted and skipped)
    Setting NEWSCRAWLER_SITE_ALIASES routes other hosts (mirrors, proxies, local copies) to a site.
    Once a sitemap, feed or listing was read, every NEWSCRAWLER_PROGRESS_INTERVAL seconds it logs
    article URLs discovered against pages fetched.
    """

    name = "article"
    # Subclasses that find their input elsewhere (a Redis queue) switch the start-up check off.
    needs_input = True

    def __init__(
        self,
        urls: str = "",
        url_file: str = "",
        sitemap: str = "",
        feed: str = "",
        since: str = "",
        allow_offsite: str = "",
        *args: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        checked, split = arguments.checked_urls, discovery.split_urls
        self.article_urls = checked("urls", split(urls))
        if url_file:
            lines = discovery.url_lines(arguments.read_lines(url_file))
            self.article_urls += checked(f"url_file={url_file}", lines)
        self.sitemaps = checked("sitemap", split(sitemap))
        self.feeds = checked("feed", split(feed))
        self.max_age: timedelta | None = arguments.age(since)
        self.allow_offsite = parse_bool(allow_offsite, "-a allow_offsite")
        self.progress = Throttle(0)
        self.listings_read = self.discovered = self.fetched = 0
        self.listings_requested = 0  # sitemaps and feeds, against NEWSCRAWLER_SITEMAP_MAX_FILES
        self.feeder: RequestFeeder | None = None  # set by from_crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.needs_input and not spider.has_input():
            # A run with nothing to fetch reaches nobody: refused before it can say OK.
            raise ConfigError(
                f"{spider.name}: nothing to crawl; give -a urls=, -a url_file=, -a sitemap= "
                "or -a feed="
            )
        spider.progress = Throttle(progress_interval(crawler.settings))
        spider.feeder = RequestFeeder(crawler, HIGH_WATER)
        return spider

    def has_input(self) -> bool:
        return bool(self.article_urls or self.sitemaps or self.feeds)

    async def start(self) -> AsyncIterator[Request]:
        self.progress.restart()
        # The meta flag tells the incremental/report middlewares article pages from listings;
        # URLs the user listed are fetched even if a past run exported them (incremental
        # skipping is for what sitemaps, feeds and listings discover).
        for url in self.article_urls:
            yield Request(url, callback=self.parse, meta={ARTICLE_META: True, LISTED_META: True})
        self.listings_requested += len(self.sitemaps) + len(self.feeds)
        for url in self.sitemaps:
            yield self.listing_request(url, self.parse_sitemap)
        for url in self.feeds:
            yield self.listing_request(url, self.parse_feed)

    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[ArticleItem]:
        self.fetched += 1
        if self.listings_read and self.progress.due():
            self.logger.info("Discovery: %s", self._discovery_line())
        if (item := await self.article_item(response)) is not None:
            yield item

    def closed(self, reason: str) -> None:
        if self.listings_read:
            self.logger.info("Discovery done: %s", self._discovery_line())

    def _discovery_line(self) -> str:
        elapsed = self.progress.elapsed()
        return discovery_line(self.discovered, self.fetched, self.listings_read, elapsed)
