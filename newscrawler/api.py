"""One page to one record without a crawl: the spider's extraction, then the project's pipelines."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from importlib import import_module
from typing import Any, NamedTuple

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.http import HtmlResponse, Request
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler

from newscrawler.spiders.base import FETCHED_AT_META, item_from_response, site_aliases

# A single page has no run to share state with: the story index (and with it story_id,
# syndicated_copies, is_original) stays off, as in `scrapy crawl -s NEWSCRAWLER_STORIES_ENABLED=0`.
STATELESS = {"NEWSCRAWLER_STORIES_ENABLED": False}


class Outcome(NamedTuple):
    """The record a crawl would export, or None and why not (a DropItem or spider reason)."""

    record: dict[str, Any] | None
    reason: str | None


# Which reactor runs (or none: nothing is downloaded) is the caller's process's business.
_REACTOR_SETTINGS = ("TWISTED_REACTOR", "TWISTED_REACTOR_ENABLED", "ASYNCIO_EVENT_LOOP")


def project_settings(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """newscrawler/settings.py as a dict, `overrides` on top (like `-s KEY=VALUE`)."""
    module = import_module("newscrawler.settings")
    names = (name for name in dir(module) if name.isupper())
    return {**{name: getattr(module, name) for name in names}, **dict(overrides or {})}


def build_pipelines(crawler: Crawler) -> list[Any]:
    """ITEM_PIPELINES built from the crawler in priority order, as Scrapy's ItemPipelineManager.

    A pipeline that raises NotConfigured is left out, as in a crawl.
    """
    paths = crawler.settings.getwithbase("ITEM_PIPELINES")
    ordered = sorted(((p, o) for p, o in paths.items() if o is not None), key=lambda e: e[1])
    chain = []
    for path, _order in ordered:
        try:
            chain.append(build_from_crawler(load_object(path), crawler))
        except NotConfigured:
            continue
    return chain


def parse_moment(value: datetime | str | None) -> datetime | None:
    """An aware datetime from a datetime or ISO 8601 text (naive means UTC); None stays None."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class PageCleaner:
    """Cleans pages as `scrapy crawl article` does; build once, call `outcome` per page.

    `settings` are Scrapy settings over the project's (any NEWSCRAWLER_* cleaning setting,
    NEWSCRAWLER_SITE_ALIASES). The story index is always off: see STATELESS.
    """

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        merged = project_settings({**dict(settings or {}), **STATELESS})
        for name in _REACTOR_SETTINGS:
            merged.pop(name, None)
        self.crawler = get_crawler(settings_dict=merged)
        self.aliases = site_aliases(self.crawler.settings)
        self.pipelines = build_pipelines(self.crawler)

    def outcome(
        self, html: str | bytes, url: str, fetched_at: datetime | str | None = None
    ) -> Outcome:
        """The page's record, or None with the reason a crawl would skip or drop it."""
        moment = parse_moment(fetched_at) or datetime.now(UTC)
        request = Request(url, meta={FETCHED_AT_META: moment})
        body = html.encode("utf-8") if isinstance(html, str) else html
        # A str is the page's text; bytes are decoded as a crawl decodes a response body.
        encoding = "utf-8" if isinstance(html, str) else None
        response = HtmlResponse(url=url, body=body, encoding=encoding, request=request)
        stats = self.crawler.stats
        before = dict(stats.get_stats()) if stats is not None else {}
        item = item_from_response(response, stats, self.aliases)
        if item is None:
            return Outcome(None, _spider_reason(before, stats.get_stats() if stats else {}))
        try:
            for pipeline in self.pipelines:
                item = pipeline.process_item(item)
        except DropItem as exc:
            return Outcome(None, f"{type(exc).__name__}: {exc}")
        return Outcome(ItemAdapter(item).asdict(), None)


def _spider_reason(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """The newscrawler/spider/<event> counted for this page (non_html, not_article, ...)."""
    for key, value in after.items():
        if key.startswith("newscrawler/spider/") and value != before.get(key):
            return key.removeprefix("newscrawler/spider/")
    return "not_article"


@cache
def _default_cleaner() -> PageCleaner:
    return PageCleaner()


def clean_page(
    html: str | bytes, url: str, fetched_at: datetime | str | None = None
) -> dict[str, Any] | None:
    """The record `scrapy crawl article` exports for this page, or None when it exports none.

    `fetched_at` (datetime or ISO 8601; default now) is the fetch time that relative ages
    ("9 hours ago") resolve against, the crawl's Date header. No network, no stores.
    """
    return _default_cleaner().outcome(html, url, fetched_at).record
