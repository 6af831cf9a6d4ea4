"""The `redis_article` spider: the article spider fed from a Redis list shared by N workers."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider

from newscrawler.spiders.article import ArticleSpider
from newscrawler.utils.requests import ARTICLE_META
from newscrawler.utils.seeds import decode_seed


class _WithoutScrapyRedis(Spider):
    """Stands in for RedisMixin when the optional scrapy-redis is not installed."""

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the redis_article spider needs: pip install scrapy-redis==0.9.1")


_REDIS_ERRORS: tuple[type[Exception], ...] = ()  # what a Redis that went away raises
try:
    from redis.exceptions import RedisError
    from scrapy_redis.spiders import RedisMixin

    _REDIS_ERRORS = (RedisError,)
except ImportError:  # Scrapy imports every spider module: the others must load without the extra
    RedisMixin = _WithoutScrapyRedis

REDIS_FAILURES = 3  # idle polls in a row (5 s apart) before a worker gives Redis up


class RedisArticleSpider(RedisMixin, ArticleSpider):  # type: ignore[misc]
    """Reads seeds from `redis_article:start_urls` (push them with newscrawler.cli.push_seeds).

    Run with `-s NEWSCRAWLER_REDIS_URL=redis://…` so requests found by any worker go to the shared
    queue; `-s MAX_IDLE_TIME_BEFORE_CLOSE=N` ends a worker after N idle seconds (0: wait forever).
    """

    name = "redis_article"
    needs_input = False  # seeds come from Redis
    # scrapy-redis reads these spider attributes (RedisMixin.setup_redis).
    extra_arguments = (
        *ArticleSpider.extra_arguments,
        "redis_key",
        "redis_batch_size",
        "redis_encoding",
    )

    async def start(self) -> AsyncIterator[Request]:
        # Not in from_crawler, as RedisSpider does: Scrapy 2.19 builds the spider before add-ons
        # run, so REDIS_URL (set by newscrawler.addons.RedisAddon) is only final here.
        self.setup_redis(self.crawler)
        # scrapy-redis 0.9.1 defines only start_requests(), which Scrapy 2.19 ignores (#305).
        # Its idle clock is a class attribute set at import: restart it when this worker starts.
        self.spider_idle_start_time = int(time.time())
        for request in self.next_requests():
            yield request

    def spider_idle(self) -> None:
        """scrapy-redis's idle poll; a Redis gone for REDIS_FAILURES polls in a row ends the run.

        Its poll raised a ConnectionError traceback every 5 s, forever: the worker held its
        scrapyd slot with no verdict. Closed as `redis_unreachable`, the run is INCOMPLETE.
        """
        try:
            super().spider_idle()
        except DontCloseSpider:
            self.redis_failures = 0
            raise
        except _REDIS_ERRORS as exc:
            self.redis_failures = getattr(self, "redis_failures", 0) + 1
            self.logger.warning("Redis does not answer (%s), poll %d", exc, self.redis_failures)
            if self.redis_failures >= REDIS_FAILURES:
                raise CloseSpider("redis_unreachable") from None
            raise DontCloseSpider from None

    def make_request_from_data(self, data: bytes) -> Request | None:
        """A request for one seed; only listings bypass the shared duplicate filter."""
        seed = decode_seed(data)
        if seed is None:  # counted: the run report lists it under skipped
            self.logger.warning("Ignored a seed that is not a URL or a JSON seed: %r", data[:200])
            self.crawler.stats.inc_value("newscrawler/skipped/bad_seed")
            return None
        url, kind = seed
        if kind == "article":
            return Request(url, callback=self.parse, meta={ARTICLE_META: True})
        # Sitemaps and feeds change between runs: fetch them even if a past run did.
        callback = self.parse_sitemap if kind == "sitemap" else self.parse_feed
        return self.listing_request(url, callback).replace(dont_filter=True)
