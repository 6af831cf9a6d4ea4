"""Shared plumbing for the cleaning pipelines: stats keys and the item's `cleaning` counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from itemadapter import ItemAdapter

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class CleaningPipeline:
    """Base for one-responsibility pipelines; counts events as `newscrawler/<component>/<event>`."""

    component: ClassVar[str] = "pipeline"

    def __init__(self, stats: StatsCollector | None = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(stats=crawler.stats)

    def inc(self, event: str, count: int = 1) -> None:
        """Count an event in Scrapy stats; zero counts are not recorded."""
        if self.stats is not None and count:
            self.stats.inc_value(f"newscrawler/{self.component}/{event}", count)


def add_cleaning(adapter: ItemAdapter, key: str, count: int) -> None:
    """Add `count` to the item's `cleaning[key]`, creating the dict if the item has none."""
    cleaning = dict(adapter.get("cleaning") or {})
    cleaning[key] = cleaning.get(key, 0) + count
    adapter["cleaning"] = cleaning
