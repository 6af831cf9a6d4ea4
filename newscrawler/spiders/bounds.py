"""Input bounds: how much a page, a WARC record or a sitemap tree may cost, and counted skips."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Self

from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawler.sites.listings import ListingReader
from newscrawler.utils.config import get_int

SKIPPED = "newscrawler/skipped/{}"
# Each default written once, here (settings.py only points at this table).
DEFAULTS = {
    # The largest real wire or portal page seen is 1.6 MB (a Yahoo story with its scripts); a
    # page 2.5 times that is a dump or an attack, and parsing costs up to ~70x a page's size.
    "NEWSCRAWLER_MAX_PAGE_BYTES": 4 * 1024 * 1024,
    # '<' characters (tags) per page, counted before parsing: the most in a real page is 5,852;
    # extraction grows faster than the tag count (25,000 one-word paragraphs take ~3 s).
    "NEWSCRAWLER_MAX_PAGE_MARKUP": 50_000,
    # Uncompressed sitemap size: the sitemaps.org limit is 50 MB (52,428,800 bytes).
    "NEWSCRAWLER_SITEMAP_MAX_BYTES": 50 * 1024 * 1024,
    # Index -> index -> urlset is the deepest real layout; more levels are a loop or a trap.
    "NEWSCRAWLER_SITEMAP_MAX_DEPTH": 3,
    # Sitemap and feed documents fetched per crawl (a year of daily news sitemaps is ~400).
    "NEWSCRAWLER_SITEMAP_MAX_FILES": 1000,
    # Tags kept per article: real pages list 3-30; a keyword dump is not metadata.
    "NEWSCRAWLER_MAX_TAGS": 50,
}


@dataclass(frozen=True)
class Bounds:
    """The checked bound settings (each a positive int)."""

    max_page_bytes: int = DEFAULTS["NEWSCRAWLER_MAX_PAGE_BYTES"]
    max_page_markup: int = DEFAULTS["NEWSCRAWLER_MAX_PAGE_MARKUP"]
    sitemap_max_bytes: int = DEFAULTS["NEWSCRAWLER_SITEMAP_MAX_BYTES"]
    sitemap_max_depth: int = DEFAULTS["NEWSCRAWLER_SITEMAP_MAX_DEPTH"]
    sitemap_max_files: int = DEFAULTS["NEWSCRAWLER_SITEMAP_MAX_FILES"]
    max_tags: int = DEFAULTS["NEWSCRAWLER_MAX_TAGS"]

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        values = [get_int(settings, name, default, low=1) for name, default in DEFAULTS.items()]
        return cls(*values)


DEFAULT_BOUNDS = Bounds()
logger = logging.getLogger(__name__)


def refused_page(url: str, body: bytes, bounds: Bounds, stats: StatsCollector | None) -> bool:
    """Whether a page is over the size or markup bound (skipped and counted), before parsing."""
    if len(body) > bounds.max_page_bytes:
        skip(stats, logger, "page_too_large", "%s is %d bytes, over NEWSCRAWLER_MAX_PAGE_BYTES "
             "(%d)", url, len(body), bounds.max_page_bytes)  # fmt: skip
        return True
    if (tags := body.count(b"<")) > bounds.max_page_markup:
        skip(stats, logger, "page_too_much_markup", "%s has %d tags, over "
             "NEWSCRAWLER_MAX_PAGE_MARKUP (%d)", url, tags, bounds.max_page_markup)  # fmt: skip
        return True
    return False


def skip(
    stats: StatsCollector | None,
    logger: logging.Logger | logging.LoggerAdapter[logging.Logger],
    reason: str,
    message: str,
    *args: object,
    count: int = 1,
) -> None:
    """Count `count` refused inputs under newscrawler/skipped/<reason> and log one WARNING."""
    if stats is not None:
        stats.inc_value(SKIPPED.format(reason), count)
    logger.warning("Skipped (%s): " + message, reason, *args)


def report_listing(
    stats: StatsCollector | None,
    logger: logging.Logger | logging.LoggerAdapter[logging.Logger],
    url: str,
    reader: ListingReader,
    refused: Mapping[str, int],
    first: Mapping[str, str],
) -> None:
    """Count a listing's refused entries and what its parse lost: one WARNING per reason."""
    for reason, count in refused.items():
        skip(stats, logger, reason, "%d entries of %s, the first %s", count, url, first[reason],
             count=count)  # fmt: skip
    if reader.no_link:
        skip(stats, logger, "entry_no_link", "%d entries of %s have no URL", reader.no_link, url,
             count=reader.no_link)  # fmt: skip
    if reader.stopped:
        skip(stats, logger, reader.stopped, "%s unread after %s", url, reader.detail)
