"""Bare Scrapy spider for benchmarks/crawl_throughput.py: fetches a sitemap's pages, nothing more.

scrapy runspider benchmarks/bare_spider.py -a sitemap=http://127.0.0.1:PORT/sitemap.xml
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap


class BareSpider(Spider):
    """Follows a sitemap index and its urlsets; article responses are dropped unread."""

    name = "bare"

    async def start(self) -> AsyncIterator[Request]:
        yield Request(str(getattr(self, "sitemap", "")), callback=self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        sitemap = Sitemap(response.body)
        callback = self.parse_sitemap if sitemap.type == "sitemapindex" else self.parse
        for entry in sitemap:
            yield Request(entry["loc"], callback=callback)

    def parse(self, response: Response, **kwargs: Any) -> None:
        return None
