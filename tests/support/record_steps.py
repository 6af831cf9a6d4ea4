"""The dateline, dates and validation steps on a test crawler, and the article they start from."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.items import ArticleItem
from newscrawler.pipelines.dateline import DatelinePipeline
from newscrawler.pipelines.dates import DatesPipeline
from newscrawler.pipelines.validate import ValidatePipeline

SETTINGS = {
    "NEWSCRAWLER_SITE_TIMEZONES": {"indialife": "Asia/Kolkata", "hearst": "America/New_York"},
    "NEWSCRAWLER_DEFAULT_TIMEZONE": "UTC",
}
LEAD = "Facebook CEO Mark Zuckerberg on Thursday said he is working to make his platform private."
MORE = "Admitting that people want private, encrypted services, he said Facebook will change soon."
CRAWLED_AT = "2025-07-26T12:00:00+00:00"


def record_crawler() -> Crawler:
    return get_crawler(settings_dict=SETTINGS)


def run(crawler: Crawler, item: Any) -> Any:
    """The item after the dateline, dates and validation pipelines."""
    for cls in (DatelinePipeline, DatesPipeline, ValidatePipeline):
        item = build_from_crawler(cls, crawler).process_item(item)
    return item


def stats(crawler: Crawler) -> dict[str, Any]:
    """The crawler's newscrawler/* stats."""
    assert crawler.stats is not None
    return {k: v for k, v in crawler.stats.get_stats().items() if k.startswith("newscrawler/")}


def article(**fields: Any) -> ArticleItem:
    """The seed article's shape (an indialife page), with fields replaced."""
    base: dict[str, Any] = {
        "url": "https://indialife.us/article.php?id=112952",
        "source": "indialife",
        "crawled_at": CRAWLED_AT,
        "headline": "Facebook to become 'privacy-focused' like WhatsApp: Zuckerberg",
        "body": ["San Francisco, March 7", LEAD, MORE],
    }
    return ArticleItem(**{**base, **fields})
