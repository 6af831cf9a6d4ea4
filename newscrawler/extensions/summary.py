"""Pure run-report building from a crawl's stats dict, and the extraction-collapse rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Drops that mean "the page had no article in it": mostly these = the selectors stopped matching.
EMPTY_DROP_REASONS = ("EmptyBody", "NotAnArticle")
# Below this many items a run is too small for a share of empty bodies to mean anything.
DEFAULT_MIN_ITEMS = 3
# HTML 2xx responses to article requests (a 404 or a PDF is no article page to extract).
ARTICLE_PAGES_KEY = "newscrawler/report/article_pages"
# Requests sent to the downloader for article pages and for the rest (sitemaps, feeds, listings).
ARTICLE_REQUESTS_KEY = "newscrawler/report/article_requests"
LISTING_REQUESTS_KEY = "newscrawler/report/listing_requests"
# Exported items that have each checked field (extensions/report.py counts, checks.py judges).
COVERAGE_PREFIX = "newscrawler/coverage/"
# A WARC replay downloads nothing: its records are its pages, its HTML ones its article pages.
WARC_RECORDS_KEY = "newscrawler/warc/records"
WARC_FILES_KEY = "newscrawler/warc/files"
WARC_NON_HTML_KEY = "newscrawler/warc/skipped_non_html"
# Headline figures: the pipelines' `newscrawler/<component>/<event>` counters they are read from.
FIGURES = {
    "duplicate_paragraphs_removed": "cleaning/duplicate_paragraphs",
    "related_links_split": "cleaning/related_links",
    "fallback_extractions": "spider/fallback_extraction",
}
# Parse rates: (component, events that found a value, events that did not). "parsed" also
# matches "parsed/<source>".
RATES = {
    "dateline_parse_rate": ("dateline", ("given", "parsed"), ("missing",)),
    "date_parse_rate": ("dates", ("parsed",), ("unparsed", "missing")),
}
INCREMENTAL_SKIPPED_KEY = "newscrawler/incremental/skipped"


def with_prefix(stats: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """The stats whose key starts with `prefix`, keyed by the rest of the key."""
    return {key[len(prefix) :]: value for key, value in stats.items() if key.startswith(prefix)}


def count_prefix(stats: Mapping[str, Any], prefix: str) -> int:
    """Sum of the integer stats whose key starts with `prefix`."""
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int))


def pages_fetched(stats: Mapping[str, Any]) -> int:
    """Responses received, plus the records of a WARC replay."""
    return int(stats.get("response_received_count", 0)) + int(stats.get(WARC_RECORDS_KEY, 0))


def article_pages(stats: Mapping[str, Any]) -> int:
    """HTML article pages fetched, plus the HTML response records of a WARC replay."""
    warc = int(stats.get(WARC_RECORDS_KEY, 0)) - int(stats.get(WARC_NON_HTML_KEY, 0))
    return int(stats.get(ARTICLE_PAGES_KEY, 0)) + max(0, warc)


def field_coverage(stats: Mapping[str, Any]) -> dict[str, float]:
    """Share of exported items that have each checked field."""
    items = int(stats.get("item_scraped_count", 0))
    counts = with_prefix(stats, COVERAGE_PREFIX)
    return {name: round(int(n) / items, 3) for name, n in sorted(counts.items())} if items else {}


def count_events(stats: Mapping[str, Any], component: str, names: tuple[str, ...]) -> int:
    """Sum of `newscrawler/<component>/<name>` and `.../<name>/<detail>` for the given names."""
    counts = with_prefix(stats, f"newscrawler/{component}/")
    return sum(
        int(value)
        for event, value in counts.items()
        if isinstance(value, int) and event.split("/", 1)[0] in names
    )


def parse_rate(
    stats: Mapping[str, Any], component: str, hits: tuple[str, ...], misses: tuple[str, ...]
) -> float | None:
    """Share of items where a component found its value; None when it counted nothing."""
    found = count_events(stats, component, hits)
    total = found + count_events(stats, component, misses)
    return round(found / total, 3) if total else None


def http_errors(stats: Mapping[str, Any]) -> dict[str, int]:
    statuses = with_prefix(stats, "downloader/response_status_count/")
    return {code: count for code, count in statuses.items() if code.isdigit() and int(code) >= 400}


def collapse_reasons(stats: Mapping[str, Any], *, min_items: int = DEFAULT_MIN_ITEMS) -> list[str]:
    """Why this run's extraction collapsed; empty when it did not."""
    reasons = []
    exported = int(stats.get("item_scraped_count", 0))
    pages = article_pages(stats)
    # A rerun that skipped what earlier runs exported fetches only the few new pages: one of
    # them being no article (a redirect to a section front) is no collapse of the site.
    known = int(stats.get(INCREMENTAL_SKIPPED_KEY, 0))
    if exported == 0 and pages > 0 and (not known or pages >= min_items):
        reasons.append(f"0 articles exported from {pages} article pages fetched")
    drops = with_prefix(stats, "item_dropped_reasons_count/")
    empty = sum(int(drops.get(reason, 0)) for reason in EMPTY_DROP_REASONS)
    items = exported + int(stats.get("item_dropped_count", 0))
    if items >= min_items and empty * 2 > items:
        reasons.append(f"{empty} of {items} items dropped as {'/'.join(EMPTY_DROP_REASONS)}")
    return reasons


def build_report(
    stats: Mapping[str, Any], *, spider: str, finish_reason: str | None
) -> dict[str, Any]:
    """The run report: headline figures, skips, and the raw `newscrawler/*` counters.

    The verdict and failed checks are added by the caller (extensions/report.py).
    """
    report: dict[str, Any] = {
        "spider": spider,
        "finish_reason": finish_reason,
        "requests_sent": int(stats.get("downloader/request_count", 0)),
        "pages_fetched": pages_fetched(stats),
        "article_pages_fetched": article_pages(stats),
        "articles_exported": int(stats.get("item_scraped_count", 0)),
        "items_dropped": int(stats.get("item_dropped_count", 0)),
        "drops_by_reason": with_prefix(stats, "item_dropped_reasons_count/"),
        "http_errors": http_errors(stats),
        "network_errors": with_prefix(stats, "downloader/exception_type_count/"),
        "gave_up": with_prefix(stats, "newscrawler/giveup/"),
        "skipped": with_prefix(stats, "newscrawler/skipped/"),
        "lost": with_prefix(stats, "newscrawler/lost/"),
        "incremental": with_prefix(stats, "newscrawler/incremental/"),
        "field_coverage": field_coverage(stats),
    }
    for name, key in FIGURES.items():
        report[name] = int(stats.get(f"newscrawler/{key}", 0))
    for name, (component, hits, misses) in RATES.items():
        report[name] = parse_rate(stats, component, hits, misses)
    report["newscrawler"] = with_prefix(stats, "newscrawler/")
    return report


def summary_line(report: Mapping[str, Any]) -> str:
    """One log line with the figures an operator reads first."""
    return (
        f"{report['verdict']} {report['spider']}: {report['pages_fetched']} pages, "
        f"{report['article_pages_fetched']} article pages, {report['articles_exported']} exported, "
        f"{report['items_dropped']} dropped {report['drops_by_reason']}, "
        f"already exported {report['incremental'].get('skipped', 0)}, "
        f"skipped {report['skipped']}, lost {report['lost']}, "
        f"HTTP errors {report['http_errors']}, finish_reason={report['finish_reason']}"
    )
