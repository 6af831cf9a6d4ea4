"""The project's real pipeline chain on a test crawler, built by newscrawler.api as Scrapy does."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from newscrawler.api import build_pipelines
from newscrawler.api import project_settings as api_project_settings


def project_settings(**overrides: Any) -> dict[str, Any]:
    """The settings of newscrawler/settings.py as a dict, with test overrides on top."""
    # Each chain gets a fresh in-memory story index: no state shared between tests.
    return api_project_settings({"NEWSCRAWLER_STORIES_PATH": ":memory:", **overrides})


def pipeline_chain(crawler: Crawler) -> list[Any]:
    """Every pipeline of ITEM_PIPELINES, built from the crawler, in priority order."""
    return build_pipelines(crawler)


def project_crawler(**overrides: Any) -> Crawler:
    return get_crawler(settings_dict=project_settings(**overrides))


def clean(item: Any, crawler: Crawler | None = None) -> Any:
    """Run one item through the whole chain; DropItem subclasses propagate to the caller."""
    for pipeline in pipeline_chain(crawler or project_crawler()):
        item = pipeline.process_item(item)
    return item
