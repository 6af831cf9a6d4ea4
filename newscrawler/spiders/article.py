"""The `article` spider: article pages from URLs, a URL file, XML sitemaps or RSS/Atom feeds."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.httpobj import urlparse_cached

from newscrawler.items import ArticleItem
from newscrawler.sites import discovery, site_for_url
from newscrawler.spiders import arguments
from newscrawler.spiders.base import AliasedSpider, fetched_at
from newscrawler.utils.config import parse_bool
from newscrawler.utils.progress import Throttle, discovery_line, progress_interval
from newscrawler.utils.requests import ARTICLE_META, LISTED_META


class ArticleSpider(AliasedSpider):
    """Generic news spider; each page goes to its site's page class (generic fallback).

    -a urls=U1,U2   -a url_file=PATH   -a sitemap=URL[,URL]   -a feed=URL[,URL]
    -a since=2d (skip sitemap/feed entries older than this, measured from the listing's fetch time)
    -a allow_offsite=1 (follow sitemap/feed entries on other sites; else counted and skipped)
    Setting NEWSCRAWLER_SITE_ALIASES routes other hosts (mirrors, proxies, local copies) to a site.
    Once a sitemap, feed or listing was read, every NEWSCRAWLER_PROGRESS_INTERVAL seconds it logs
    article URLs discovered against pages fetched.
    """

    name = "article"

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
        self.article_urls = discovery.split_urls(urls)
        if url_file:
            self.article_urls += discovery.url_lines(arguments.read_lines(url_file))
        self.sitemaps = discovery.split_urls(sitemap)
        self.feeds = discovery.split_urls(feed)
        self.max_age: timedelta | None = arguments.age(since)
        self.allow_offsite = parse_bool(allow_offsite, "-a allow_offsite")
        self.progress = Throttle(0)
        self.listings_read = self.discovered = self.fetched = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.progress = Throttle(progress_interval(crawler.settings))
        return spider

    async def start(self) -> AsyncIterator[Request]:
        self.progress.restart()
        # The meta flag tells the incremental/report middlewares article pages from listings;
        # URLs the user listed are fetched even if a past run exported them (incremental
        # skipping is for what sitemaps, feeds and listings discover).
        for url in self.article_urls:
            yield Request(url, callback=self.parse, meta={ARTICLE_META: True, LISTED_META: True})
        for url in self.sitemaps:
            yield Request(url, callback=self.parse_sitemap, meta={ARTICLE_META: False})
        for url in self.feeds:
            yield Request(url, callback=self.parse_feed, meta={ARTICLE_META: False})

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

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = response.body
        if body[:2] == b"\x1f\x8b":  # a .xml.gz served without Content-Encoding
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        kind, entries = discovery.sitemap_entries(body)
        if kind == "sitemapindex":
            yield from self._follow(response, entries, self.parse_sitemap, article=False)
        else:
            yield from self._follow(response, entries, self.parse, article=True)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        if isinstance(response, TextResponse):
            text = response.text
        else:  # feeds served as application/octet-stream: decode leniently, never raise
            text = response.body.decode("utf-8", errors="replace")
        entries = discovery.feed_entries(text)
        yield from self._follow(response, entries, self.parse, article=True)

    def _follow(
        self,
        response: Response,
        entries: list[tuple[str, str | None]],
        callback: Any,
        *,
        article: bool,
    ) -> Iterator[Request]:
        now = fetched_at(response)
        self.listings_read += 1
        for url, date in entries:
            # The host is judged on the request's own URL, as the downloader will fetch it:
            # `http://127.0.0.1:1\x\@localhost/` goes to 127.0.0.1, whatever urlsplit reads.
            request = response.follow(url, callback=callback, meta={ARTICLE_META: article})
            if not self._same_site(response, request):
                # A sitemap or feed may list any URL, file:// and other hosts included: a crawl
                # started from a site's sitemap stays on that site unless asked otherwise.
                self.crawler.stats.inc_value("newscrawler/spider/offsite_entry")
            elif discovery.is_recent(date, now=now, max_age=self.max_age):
                self.discovered += article
                yield request
            else:
                self.crawler.stats.inc_value("newscrawler/spider/too_old")

    def _same_site(self, listing: Response, request: Request) -> bool:
        """True for requests to the listing's host (any subdomain) or to its registered site."""
        if self.allow_offsite:
            return True
        home = (urlparse_cached(listing).hostname or "").removeprefix("www.")
        # hostname, not netloc: ports do not change the site
        host = urlparse_cached(request).hostname or ""
        site = site_for_url(listing.url, aliases=self.site_aliases)
        domains = [d for d in (home, *site.domains) if d]
        return any(host == d or host.endswith(f".{d}") for d in domains)
