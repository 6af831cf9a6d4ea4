"""Sitemaps and feeds read into requests: each entry followed, or refused with a reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.httpobj import urlparse_cached

from newscrawler.sites import discovery, site_for_url
from newscrawler.sites.listings import FeedReader, ListingReader, SitemapReader
from newscrawler.spiders.base import fetched_at
from newscrawler.spiders.bounds import report_listing, skip
from newscrawler.spiders.extracting import ExtractingSpider
from newscrawler.spiders.feeder import RequestFeeder
from newscrawler.utils.requests import ARTICLE_META

# Levels of sitemap index above a listing request (0: a start sitemap or feed).
DEPTH_META = "newscrawler_sitemap_depth"


class ListingSpider(ExtractingSpider):
    """The listing half of `ArticleSpider`: sitemap indexes, sitemaps and feeds it follows."""

    # Set by ArticleSpider.__init__ (the -a arguments) and from_crawler (the feeder).
    max_age: timedelta | None
    allow_offsite: bool
    feeder: RequestFeeder | None
    listings_read: int
    discovered: int
    listings_requested: int

    def listing_request(self, url: str, callback: Any, depth: int = 0) -> Request:
        """A sitemap or feed request: up to NEWSCRAWLER_SITEMAP_MAX_BYTES, its index depth kept."""
        meta = {ARTICLE_META: False, DEPTH_META: depth}
        meta["download_maxsize"] = self.bounds.sitemap_max_bytes  # 50 MB sitemaps are legal
        return Request(url, callback=callback, meta=meta)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = self._sitemap_body(response)
        if body is None:
            return
        reader = SitemapReader(body)
        if reader.kind == "sitemapindex":
            yield from self._fed(self._follow(response, reader, self.parse_sitemap, article=False))
        else:
            yield from self._fed(self._follow(response, reader, self.parse, article=True))

    def _fed(self, steps: Iterator[Request | None]) -> Iterator[Request]:
        """A listing's requests, handed to the feeder in a running crawl (spiders/feeder.py)."""
        if self.feeder is not None and RequestFeeder.running(self.crawler):
            self.feeder.add(steps)
            return iter(())
        return (request for request in steps if request is not None)

    def _sitemap_body(self, response: Response) -> bytes | None:
        if response.body[:2] != b"\x1f\x8b":
            return response.body
        try:  # a .xml.gz served without Content-Encoding
            return gunzip(response.body, max_size=self.bounds.sitemap_max_bytes)
        except ValueError:  # scrapy's max-size error subclasses ValueError
            reason, why = "sitemap_too_large", "inflates past NEWSCRAWLER_SITEMAP_MAX_BYTES"
        except OSError as exc:
            reason, why = "sitemap_bad_gzip", str(exc)
        skip(self.crawler.stats, self.logger, reason, "sitemap %s %s", response.url, why)
        return None

    def parse_feed(self, response: Response) -> Iterator[Request]:
        if isinstance(response, TextResponse):
            data = response.text.encode("utf-8")
        else:  # feeds served as application/octet-stream: decode leniently, never raise
            data = response.body.decode("utf-8", errors="replace").encode("utf-8")
        reader = FeedReader(data, encoding="utf-8")
        yield from self._fed(self._follow(response, reader, self.parse, article=True))

    def _follow(
        self, response: Response, reader: ListingReader, callback: Any, *, article: bool
    ) -> Iterator[Request | None]:
        """A request per entry, None for one refused (counted; one WARNING per reason)."""
        self.listings_read += 1
        refused: Counter[str] = Counter()
        first: dict[str, str] = {}
        for url, date in reader:
            request, reason = self._entry_request(response, url, callback, article)
            if request is not None:
                reason = self._refusal(response, request, date, article)
            if request is not None and reason is None:
                self.discovered += article
                self.listings_requested += not article
                yield request
            else:
                if reason:
                    refused[reason] += 1
                    first.setdefault(reason, url)
                yield None  # a step: the feeder reads a listing in bounded steps, not requests
        if refused or reader.no_link or reader.stopped:
            report_listing(self.crawler.stats, self.logger, response.url, reader, refused, first)

    def _entry_request(
        self, response: Response, url: str, callback: Any, article: bool
    ) -> tuple[Request | None, str | None]:
        """The entry's request, or why it cannot be fetched (a sitemap may list anything)."""
        try:
            target = response.urljoin(url)
            if (problem := discovery.entry_problem(target)) is not None:
                return None, problem
            if article:
                return Request(target, callback=callback, meta={ARTICLE_META: True}), None
            depth = int(response.meta.get(DEPTH_META, 0)) + 1
            return self.listing_request(target, callback, depth), None
        except ValueError:  # "http://[oops/x" and whatever else Request refuses
            return None, "entry_bad_url"

    def _refusal(
        self, response: Response, request: Request, date: str | None, article: bool
    ) -> str | None:
        """Why a fetchable entry is not followed ("" when filtered quietly), or None."""
        if not self.wanted(request.url, article=article):
            return ""
        # The host is judged on the request's own URL, as the downloader will fetch it:
        # `http://127.0.0.1:1\x\@localhost/` goes to 127.0.0.1, whatever urlsplit reads.
        if not self._same_site(response, request):
            # A sitemap or feed may list any URL: a crawl started from a site's sitemap stays
            # on that site unless asked otherwise.
            self.crawler.stats.inc_value("newscrawler/spider/offsite_entry")
            return ""
        if not discovery.is_recent(date, now=fetched_at(response), max_age=self.max_age):
            self.crawler.stats.inc_value("newscrawler/spider/too_old")
            return ""
        return None if article else self._listing_budget(response)

    def _listing_budget(self, response: Response) -> str | None:
        """None when one more child sitemap may be fetched; else the bound it would pass."""
        if int(response.meta.get(DEPTH_META, 0)) >= self.bounds.sitemap_max_depth:
            return "sitemap_too_deep"
        if self.listings_requested >= self.bounds.sitemap_max_files:
            return "sitemap_limit"
        return None

    def wanted(self, url: str, *, article: bool) -> bool:
        """Whether the spider wants this entry at all (site spiders: article URLs only)."""
        return True

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
