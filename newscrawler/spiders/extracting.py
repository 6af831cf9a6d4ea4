"""ExtractingSpider: the base of the spiders that turn responses into raw article items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawler.items import ArticleItem
from newscrawler.spiders.arguments import check_unknown
from newscrawler.spiders.base import (
    EXTRACTION_ERRORS,
    extraction_failed,
    item_of,
    page_job,
    site_aliases,
)
from newscrawler.spiders.bounds import Bounds
from newscrawler.spiders.workers import DEFAULT_WORKERS, MAX_WORKERS, ExtractorPool
from newscrawler.utils.config import get_int, parse_bool


class ExtractingSpider(Spider):
    """The base of the spiders that extract: a response becomes its site's raw article item.

    Pages route through NEWSCRAWLER_SITE_ALIASES (read at start-up) to their Site's page class.

    NEWSCRAWLER_EXTRACT_WORKERS processes extract pages beside the reactor (0: inline).
    """

    site_aliases: Mapping[str, str] = {}  # replaced per instance by from_crawler
    bounds: Bounds = Bounds()  # replaced per instance by from_crawler
    extractor: ExtractorPool = ExtractorPool(0)  # replaced per instance by from_crawler
    # `-a` names besides the __init__ parameters: spider attributes other libraries read.
    # HttpAuthMiddleware reads http_user/http_pass/http_auth_domain from the spider.
    extra_arguments: ClassVar[tuple[str, ...]] = ("http_user", "http_pass", "http_auth_domain")

    def __init__(self, *args: Any, refresh: str = "", **kwargs: Any) -> None:
        # A misspelled argument (`-a pth=`) would otherwise just become an unused attribute.
        check_unknown(type(self), self.name, kwargs, self.extra_arguments)
        super().__init__(*args, **kwargs)
        self.refresh = parse_bool(refresh, "-a refresh")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.site_aliases = site_aliases(crawler.settings)
        settings = crawler.settings
        workers = get_int(
            settings, "NEWSCRAWLER_EXTRACT_WORKERS", DEFAULT_WORKERS, high=MAX_WORKERS
        )
        spider.extractor = ExtractorPool(workers)
        spider.bounds = Bounds.from_settings(settings)
        crawler.signals.connect(spider.start_extractor, signal=signals.spider_opened)
        crawler.signals.connect(spider.close_extractor, signal=signals.spider_closed)
        return spider

    async def article_item(self, response: Response) -> ArticleItem | None:
        """The raw article item of a response (see item_from_response), extracted by the pool."""
        stats = self.crawler.stats
        job = page_job(response, stats, self.site_aliases, self.bounds)
        if job is None:
            return None
        try:
            outcome = await self.extractor.run(job.html, job.url, job.site_key)
        except EXTRACTION_ERRORS as exc:
            extraction_failed(response, exc, stats)
            return None
        return item_of(response, outcome, stats, self.bounds.max_tags)

    def start_extractor(self) -> None:
        self.extractor.start()

    def close_extractor(self) -> None:
        if self.extractor.restarts and self.crawler.stats is not None:
            self.crawler.stats.set_value(
                "newscrawler/spider/worker_restarts", self.extractor.restarts
            )
        self.extractor.close()
