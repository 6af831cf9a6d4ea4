"""Pure run checks on a crawl's stats: each says why the run failed it, or None if it passed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newscrawler.extensions.summary import (
    ARTICLE_REQUESTS_KEY,
    COVERAGE_PREFIX,
    DEFAULT_MIN_ITEMS,
    LISTING_REQUESTS_KEY,
    WARC_FILES_KEY,
    WARC_RECORDS_KEY,
    article_pages,
    collapse_reasons,
    with_prefix,
)

TRACEBACKS_KEY = "newscrawler/errors/tracebacks"
# Share of exported items that must have each field; a run with fewer items is not judged.
# headline and body: the pipelines drop items without them, so anything less is a bug. The
# others: wire copy nearly always carries a date; agency only where a dateline or credit names one.
DEFAULT_FIELD_COVERAGE = {"headline": 1.0, "body": 1.0, "published_at": 0.5, "agency": 0.0}
DEFAULT_COVERAGE_MIN_ITEMS = 10
# Finish reasons of a run that did what was asked: done, or stopped at a limit the user set.
DEFAULT_FINISH_REASONS = (
    "finished",
    "closespider_itemcount",
    "closespider_pagecount",
    "closespider_timeout",
)

# Articles found and left out on purpose: already exported, older than `since`, robots.txt.
ROBOTS_KEY = "robotstxt/forbidden"
LEFT_OUT_KEYS = ("newscrawler/incremental/skipped", "newscrawler/spider/too_old", ROBOTS_KEY)


def errors(stats: Mapping[str, Any]) -> str | None:
    """Unhandled exceptions: tracebacks logged, CRITICAL lines, exceptions raised in callbacks."""
    counts = {
        "tracebacks logged": int(stats.get(TRACEBACKS_KEY, 0)),
        "CRITICAL lines": int(stats.get("log_count/CRITICAL", 0)),
        "spider callback exceptions": callback_exceptions(stats),
    }
    found = [f"{count} {what}" for what, count in counts.items() if count]
    return ", ".join(found) if found else None


def callback_exceptions(stats: Mapping[str, Any]) -> int:
    """Scrapy's `spider_exceptions/count`, else the sum of its per-class counters."""
    by_class = with_prefix(stats, "spider_exceptions/")
    total = by_class.pop("count", None)
    return int(total) if total is not None else sum(int(n) for n in by_class.values())


def feeds(stats: Mapping[str, Any]) -> str | None:
    """A feed that could not be opened, or whose file could not be stored."""
    failed = with_prefix(stats, "feedexport/failed_count/")
    reasons = [f"{count} {storage} feed(s) not stored" for storage, count in failed.items()]
    if stats.get("newscrawler/feeds/open_failed"):
        reasons.insert(0, "a feed could not be opened")
    return "; ".join(reasons) if reasons else None


def lost(stats: Mapping[str, Any]) -> str | None:
    """Valid items that did not reach every configured feed (`newscrawler/lost/<reason>`)."""
    counts = {reason: n for reason, n in with_prefix(stats, "newscrawler/lost/").items() if n}
    if not counts:
        return None
    return f"{sum(counts.values())} items lost: " + ", ".join(f"{r}={n}" for r, n in counts.items())


def answered(stats: Mapping[str, Any]) -> int:
    """Responses below 500 received, robots.txt not counted (it may answer for a dead site)."""
    codes = with_prefix(stats, "downloader/response_status_count/")
    robots = with_prefix(stats, "robotstxt/response_status_count/")
    return sum(int(n) - int(robots.get(code, 0)) for code, n in codes.items() if int(code) < 500)


def outage(stats: Mapping[str, Any]) -> str | None:
    """Requests were sent and none was answered (refused, timed out, or a 5xx every time)."""
    sent = int(stats.get("downloader/request_count", 0))
    # robots.txt alone is no crawl: a site whose robots.txt forbids every page is not down.
    if sent - int(stats.get("robotstxt/request_count", 0)) <= 0 or answered(stats) > 0:
        return None
    return f"{sent} requests sent, none answered"


def collapse(
    stats: Mapping[str, Any], finish_reason: str | None, min_items: int = DEFAULT_MIN_ITEMS
) -> str | None:
    """Article pages fetched but no items, most items dropped as empty, or no article reached."""
    if finish_reason == "shutdown":  # cancelled early: too few pages to judge extraction
        return None
    reasons = collapse_reasons(stats, min_items=min_items)
    if finish_reason == "finished" and (why := unreached(stats)):
        reasons.append(why)
    return "; ".join(reasons) if reasons else None


def unreached(stats: Mapping[str, Any]) -> str | None:
    """No article exported, fetched or replayed, and none left out on purpose: it reached nobody.

    An empty sitemap, a feed of offsite links, a listing whose links no longer match the site's
    article pattern, article URLs that all answer 404, an archive without responses. An outage
    (nothing answered) is OUTAGE alone.
    """
    if int(stats.get("item_scraped_count", 0)) or article_pages(stats):
        return None
    left_out = [key for key in LEFT_OUT_KEYS if stats.get(key)]
    if left_out == [ROBOTS_KEY]:  # the site forbids all this crawl asked for: it reached nobody
        return f"robots.txt forbade all {int(stats[ROBOTS_KEY])} requests and nothing was fetched"
    if left_out:
        return None
    articles = int(stats.get(ARTICLE_REQUESTS_KEY, 0))
    listings = int(stats.get(LISTING_REQUESTS_KEY, 0))
    if articles and answered(stats):
        return f"0 article pages from {articles} article requests"
    if listings and answered(stats):
        return f"{listings} sitemap/feed/listing requests led to 0 article requests"
    files = int(stats.get(WARC_FILES_KEY, 0))
    if files and not stats.get(WARC_RECORDS_KEY):
        return f"0 response records in {files} WARC files"
    return None


def finish_reason(
    reason: str | None, allowed: tuple[str, ...] = DEFAULT_FINISH_REASONS
) -> str | None:
    """The crawl stopped for a reason other than finishing or a limit the user set."""
    return None if reason in allowed else f"finish_reason={reason}"


def coverage(
    stats: Mapping[str, Any],
    required: Mapping[str, float],
    min_items: int = DEFAULT_COVERAGE_MIN_ITEMS,
) -> str | None:
    """Exported items lacking a field more often than its required share allows."""
    items = int(stats.get("item_scraped_count", 0))
    if items < max(1, min_items):
        return None
    low = [
        f"{name} {share:.0%} < {need:.0%}"
        for name, need in required.items()
        if (share := int(stats.get(COVERAGE_PREFIX + name, 0)) / items) < need
    ]
    return f"field coverage of {items} items: " + ", ".join(low) if low else None
