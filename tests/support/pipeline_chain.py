"""Build the project's real pipeline chain on a test crawler and run items through it."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler

import newscrawler.settings as project


def project_settings(**overrides: Any) -> dict[str, Any]:
    """The settings of newscrawler/settings.py as a dict, with test overrides on top."""
    names = (name for name in dir(project) if name.isupper())
    # Each chain gets a fresh in-memory story index: no state shared between tests.
    isolated = {"NEWSCRAWLER_STORIES_PATH": ":memory:"}
    return {**{name: getattr(project, name) for name in names}, **isolated, **overrides}


def pipeline_chain(crawler: Crawler) -> list[Any]:
    """Every pipeline of ITEM_PIPELINES, built from the crawler, in priority order."""
    paths = crawler.settings.getdict("ITEM_PIPELINES")
    ordered = sorted(paths.items(), key=lambda entry: entry[1])
    return [build_from_crawler(load_object(path), crawler) for path, _ in ordered]


def project_crawler(**overrides: Any) -> Crawler:
    crawler = get_crawler(settings_dict=project_settings(**overrides))
    return crawler


def clean(item: Any, crawler: Crawler | None = None) -> Any:
    """Run one item through the whole chain; DropItem subclasses propagate to the caller."""
    for pipeline in pipeline_chain(crawler or project_crawler()):
        item = pipeline.process_item(item)
    return item
