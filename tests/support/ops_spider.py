"""A spider for ops tests that needs only Scrapy; also a settings module (SCRAPY_SETTINGS_MODULE).

Its site is tests/support/ops_site.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy

# Settings used when this module is SCRAPY_SETTINGS_MODULE: only the ops components, no project.
BOT_NAME = "opstest"
COMMANDS_MODULE = "newscrawler.commands"
DOWNLOADER_MIDDLEWARES = {"newscrawler.middlewares.incremental.IncrementalMiddleware": 50}
EXTENSIONS = {"newscrawler.extensions.report.RunReport": 500}
ROBOTSTXT_OBEY = True
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"


class RaisingPipeline:
    """A pipeline with a bug, enabled with `-s ITEM_PIPELINES=` (it raises on every item)."""

    def process_item(self, item: Any) -> Any:
        raise TypeError(f"test pipeline bug on {item['url']}")


class OpsSpider(scrapy.Spider):
    """Listing at `/`, articles at `/article/<n>`; `-a mode=` makes a run fail one check.

    empty: no items (a collapse); raise: the callback raises (an unhandled exception); lose: each
    item is counted `newscrawler/lost/test`, as a feed that failed to write it does.
    """

    name = "ops"
    base = ""  # the site's URL: `-a base=http://127.0.0.1:PORT`
    # Its items are stubs: inside the project (the egg) the cleaning pipelines would drop them.
    custom_settings = {"ITEM_PIPELINES": {}}

    async def start(self) -> AsyncIterator[Any]:
        yield scrapy.Request(f"{self.base}/", meta={"newscrawler_article": False})

    def parse(self, response: Any) -> Iterator[Any]:
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse_article, meta={"newscrawler_article": True})

    def parse_article(self, response: Any) -> Iterator[dict[str, str]]:
        mode = getattr(self, "mode", "ok")
        if mode == "raise":
            raise ValueError(f"test failure on {response.url}")
        if mode == "lose":
            self.crawler.stats.inc_value("newscrawler/lost/test")
        if mode != "empty":
            yield {"url": response.url, "headline": response.css("h1::text").get("")}
