"""Pipeline 300: move a trailing "N hours ago" headline block to `related`, resolve all times.

Given links (the spider's) that lead to section, tag or service pages, or are topic labels, are
dropped (`newscrawler/related/navigation_dropped`): see text/navlinks.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.text.ages import parse_absolute_time
from newscrawler.text.navlinks import clean_title, is_navigation
from newscrawler.text.related import dedupe_related, resolve_link, split_related


class RelatedLinksPipeline(CleaningPipeline):
    """Ages resolve against the item's `crawled_at`, never the clock; without it they stay null."""

    component = "related"

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        now = _crawled_at(adapter.get("crawled_at"))
        links = [resolve_link(link, now) for link in adapter.get("related") or []]
        given = [link for link in links if link is not None]
        given, navigation = _articles_only(given)
        split = split_related(adapter.get("body") or [], now)
        # split_related's entries are already fresh and de-duplicated: merge only with given ones.
        related = dedupe_related(given + split.related) if given else split.related
        adapter["body"] = split.body
        adapter["related"] = related
        self.inc("links_given", len(given))
        self.inc("links_invalid", len(links) - len(given) - navigation)
        self.inc("navigation_dropped", navigation)
        self.inc("unresolved", sum(entry["published_at"] is None for entry in related))
        self.cleaned(adapter, "related_links", len(split.related))
        return item


def _articles_only(links: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Links to articles (screen-reader suffixes cut from titles), and how many were not."""
    kept = []
    for link in links:
        title = clean_title(link["title"])
        if not is_navigation(title, link.get("url")):
            kept.append({**link, "title": title})
    return kept, len(links) - len(kept)


def _crawled_at(value: object) -> datetime | None:
    return parse_absolute_time(value) if isinstance(value, str) else None
