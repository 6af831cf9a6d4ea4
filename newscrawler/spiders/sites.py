"""One spider per registered site, generated from the registry: discovery from the Site record."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

from scrapy import Request
from scrapy.http import Response

from newscrawler.sites import SITES, Site, discovery, site_url
from newscrawler.spiders import arguments
from newscrawler.spiders.article import ArticleSpider
from newscrawler.spiders.bounds import skip
from newscrawler.utils.requests import ARTICLE_META

DEFAULT_MAX_PAGES = 5  # listing pages followed per listing when -a max_pages is not given


class SiteSpider(ArticleSpider):
    """The article spider with a site's discovery as default input (-a arguments still win).

    Sitemap, feed and listing entries are kept only when they match the site's article URL
    pattern (on a NEWSCRAWLER_SITE_ALIASES host, as if on the site's own domain).
    Extra arguments: -a listing=URL[,URL] (listing pages to follow instead of the site's
    discovery, like -a sitemap/feed), -a max_pages=N (listing pagination depth).
    """

    name = ""  # abstract: only the per-site subclasses below are crawlable
    site: ClassVar[Site]

    def __init__(self, *args: Any, max_pages: str = "", listing: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.listings = arguments.checked_urls("listing", discovery.split_urls(listing))
        if not (self.article_urls or self.sitemaps or self.feeds or self.listings):
            self.sitemaps = list(self.site.sitemaps)
            self.feeds = list(self.site.feeds)
            self.listings = list(self.site.listings)
        self.max_pages = arguments.count("max_pages", max_pages, DEFAULT_MAX_PAGES)

    def has_input(self) -> bool:
        return super().has_input() or bool(self.listings)

    async def start(self) -> AsyncIterator[Request]:
        async for request in super().start():
            yield request
        for url in self.listings:
            yield Request(url, callback=self.parse_listing, meta={ARTICLE_META: False, "page": 1})

    def parse_listing(self, response: Response) -> Iterator[Request]:
        links, bad = discovery.listing_links(response.text, response.url, self.is_article_url)
        refused: Counter[str] = Counter({"entry_bad_url": bad} if bad else {})
        requests = []
        for url in links:  # the sitemap entries' checks: a listing may link anything too
            request, reason = self._entry_request(response, url, self.parse, article=True)
            if request is None:
                refused[reason or "entry_bad_url"] += 1
            else:
                requests.append(request)
        for reason, count in refused.items():
            skip(self.crawler.stats, self.logger, reason, "listing %s: %d links", response.url,
                 count, count=count)  # fmt: skip
        following = discovery.next_page(response.text, response.url)
        page = int(response.meta.get("page", 1))
        if following and page < self.max_pages:
            meta = {ARTICLE_META: False, "page": page + 1}
            requests.append(Request(following, callback=self.parse_listing, meta=meta))
        for request in requests:  # hosts judged as fetched, like sitemap and feed entries
            if self._same_site(response, request):
                yield request
            else:
                self.crawler.stats.inc_value("newscrawler/spider/offsite_entry")

    def wanted(self, url: str, *, article: bool) -> bool:
        # A site's sitemaps and feeds also list videos, galleries and section fronts.
        return not article or self.is_article_url(url)

    def is_article_url(self, url: str) -> bool:
        return self.site.is_article_url(site_url(url, self.site_aliases))


def _spider(site: Site) -> type[SiteSpider]:
    return type(f"{site.key.title()}Spider", (SiteSpider,), {"name": site.key, "site": site})


# One crawlable spider per registered site, generated: a new Site in the registry is a new
# `scrapy crawl <key>`. Module attributes, because Scrapy's spider loader finds them there.
SITE_SPIDERS = {key: _spider(site) for key, site in SITES.items()}
globals().update({spider.__name__: spider for spider in SITE_SPIDERS.values()})
