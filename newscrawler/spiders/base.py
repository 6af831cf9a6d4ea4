"""Shared spider plumbing: the fetch time of a response and turning extraction output into items."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.etree import LxmlError
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawler.exceptions import ConfigError
from newscrawler.items import ArticleItem
from newscrawler.sites import check_aliases, site_for_url, site_url
from newscrawler.spiders.bounds import DEFAULT_BOUNDS, Bounds, refused_page, skip
from newscrawler.spiders.charset import page_text
from newscrawler.spiders.workers import Outcome, WorkerLost, extract
from newscrawler.utils.config import get_dict
from newscrawler.utils.requests import is_html

# Set by the WARC replay spider: the record's WARC-Date, which beats any header.
FETCHED_AT_META = "newscrawler_fetched_at"


def fetched_at(response: Response) -> datetime:
    """When the page was fetched: WARC-Date in replay, else the server's Date header, else now.

    Relative ages ("9 hours ago") resolve against this, never against the article's own date.
    """
    given = response.meta.get(FETCHED_AT_META)
    if isinstance(given, datetime):
        return given.astimezone(UTC)
    header = response.headers.get(b"Date")
    if header:
        try:
            return parsedate_to_datetime(header.decode("latin-1")).astimezone(UTC)
        except (TypeError, ValueError):
            pass  # a malformed Date header is common enough; the local clock is the fallback
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with an explicit offset, seconds precision."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def to_item(fields: dict[str, Any]) -> ArticleItem:
    """Build an ArticleItem from extraction output, ignoring keys the record does not define."""
    known = ArticleItem.__dataclass_fields__
    return ArticleItem(**{key: value for key, value in fields.items() if key in known})


logger = logging.getLogger(__name__)
# What a malformed page can raise inside parsel/lxml/our extraction, or a worker lost twice;
# anything else is a bug.
EXTRACTION_ERRORS = (
    ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, LxmlError,
    WorkerLost,
)  # fmt: skip


def site_aliases(settings: BaseSettings) -> dict[str, str]:
    """The checked NEWSCRAWLER_SITE_ALIASES (host[:port] -> site key; a JSON object on -s)."""
    aliases = get_dict(settings, "NEWSCRAWLER_SITE_ALIASES", {})
    try:
        return check_aliases(aliases)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None


@dataclass(frozen=True)
class PageJob:
    """What extraction needs of a response: its text, the URL its site knows it by, the site.

    A page on a NEWSCRAWLER_SITE_ALIASES host is read at the site's own URL, so the site's URL
    rules and relative links hold; the record keeps the URL actually fetched.
    """

    html: str
    url: str
    site_key: str


def page_job(
    response: Response,
    stats: StatsCollector | None = None,
    aliases: Mapping[str, str] | None = None,
    bounds: Bounds = DEFAULT_BOUNDS,
) -> PageJob | None:
    """The extraction job of an HTML response; None (counted as non_html) for anything else.

    A page over the size or markup bound is skipped before it is decoded or parsed (counted as
    newscrawler/skipped/page_too_large or page_too_much_markup).
    """
    if not is_html(response):
        _count(stats, "non_html")
        return None
    if refused_page(response.url, response.body, bounds, stats):
        return None
    site = site_for_url(response.url, aliases=aliases)
    return PageJob(page_text(response), site_url(response.url, aliases), site.key)


def item_of(
    response: Response,
    outcome: Outcome,
    stats: StatsCollector | None = None,
    max_tags: int = Bounds.max_tags,
) -> ArticleItem | None:
    """The raw article item of an extraction outcome; None (counted, logged) when not one.

    Tags past `max_tags` are dropped and counted (newscrawler/skipped/tags_over_cap).
    """
    fields, used_fallback, reason = outcome
    if fields is None:
        logger.info("Not an article: %s: %s", response.url, reason or "no fields")
        _count(stats, "not_article")
        return None
    if used_fallback:
        _count(stats, "fallback_extraction")
    tags = fields.get("tags") or []
    if len(tags) > max_tags:
        skip(stats, logger, "tags_over_cap", "%d of %d tags of %s, over NEWSCRAWLER_MAX_TAGS",
             len(tags) - max_tags, len(tags), response.url, count=len(tags) - max_tags)  # fmt: skip
        fields = {**fields, "tags": tags[:max_tags]}
    return to_item({**fields, "url": response.url, "crawled_at": iso_utc(fetched_at(response))})


def extraction_failed(response: Response, exc: Exception, stats: StatsCollector | None) -> None:
    logger.warning("Extraction failed on %s: %s: %s", response.url, type(exc).__name__, exc)
    _count(stats, "extraction_error")


def item_from_response(
    response: Response,
    stats: StatsCollector | None = None,
    aliases: Mapping[str, str] | None = None,
) -> ArticleItem | None:
    """The raw article item of an HTML response, extracted inline, or None.

    None for non-HTML, not an article, or broken; counts `newscrawler/spider/<event>` in
    `stats` for non_html, not_article, fallback_extraction and extraction_error.
    """
    job = page_job(response, stats, aliases)
    if job is None:
        return None
    try:
        outcome = extract(job.html, job.url, job.site_key)
    except EXTRACTION_ERRORS as exc:
        extraction_failed(response, exc, stats)
        return None
    return item_of(response, outcome, stats)


def _count(stats: StatsCollector | None, event: str) -> None:
    if stats is not None:
        stats.inc_value(f"newscrawler/spider/{event}")
