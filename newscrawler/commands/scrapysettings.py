"""Scrapy's own settings a user may mistype, checked before the crawl: one line, not a traceback."""

from __future__ import annotations

from scrapy.settings import BaseSettings

from newscrawler.exceptions import ConfigError

# The numbers and switches of Scrapy that `-s` and scrapyd's schedule.json commonly set. Scrapy
# reads them deep in its components: `-s DOWNLOAD_DELAY=1s` was a ValueError traceback, exit 1.
FLOATS = (
    "DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY",
    "AUTOTHROTTLE_TARGET_CONCURRENCY", "CLOSESPIDER_TIMEOUT",
)  # fmt: skip
INTS = (
    "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_REQUESTS_PER_IP",
    "CONCURRENT_ITEMS", "RETRY_TIMES", "DOWNLOAD_MAXSIZE", "DOWNLOAD_WARNSIZE", "DEPTH_LIMIT",
    "CLOSESPIDER_ITEMCOUNT", "CLOSESPIDER_PAGECOUNT", "CLOSESPIDER_ERRORCOUNT",
    "REDIRECT_MAX_TIMES", "FEED_EXPORT_BATCH_ITEM_COUNT",
)  # fmt: skip
BOOLS = (
    "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED", "RETRY_ENABLED", "REDIRECT_ENABLED",
    "COOKIES_ENABLED", "FEED_STORE_EMPTY", "LOG_ENABLED", "HTTPCACHE_ENABLED",
    "METAREFRESH_ENABLED", "RANDOMIZE_DOWNLOAD_DELAY",
)  # fmt: skip
_KINDS = (
    (FLOATS, "getfloat", "a number"),
    (INTS, "getint", "a whole number"),
    (BOOLS, "getbool", "True/False, 1/0"),
)


def check_scrapy_settings(settings: BaseSettings) -> None:
    """ConfigError naming the first of these settings whose value Scrapy cannot read."""
    for names, getter, accepted in _KINDS:
        for name in names:
            try:
                getattr(settings, getter)(name)
            except (TypeError, ValueError):
                value = settings.get(name)
                raise ConfigError(f"{name}={value!r} is not {accepted}") from None
