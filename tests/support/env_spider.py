"""A spider for the scrapyd tests that reports what its crawl process received, fetching nothing."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import scrapy


class EnvSpider(scrapy.Spider):
    """Yields one item: the names of its environment variables and the secrets it was handed."""

    name = "env_report"
    custom_settings = {"ITEM_PIPELINES": {}, "ROBOTSTXT_OBEY": False}

    async def start(self) -> AsyncIterator[Any]:
        yield {
            "url": "about:env",
            "environment": sorted(os.environ),
            "setting": self.settings.get("AWS_SECRET_ACCESS_KEY"),
            "argument": getattr(self, "http_pass", None),
        }
