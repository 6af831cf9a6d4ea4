"""Shared spider plumbing: the fetch time of a response and turning extraction output into items."""

from __future__ import annotations

import codecs
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Self, TypeGuard

from lxml.etree import LxmlError
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from newscrawler.extract.page import ArticlePage
from newscrawler.items import ArticleItem
from newscrawler.sites import check_aliases, site_for_url, site_url

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
# What a malformed page can raise inside parsel/lxml/our extraction; anything else is a bug.
EXTRACTION_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


def site_aliases(settings: BaseSettings) -> dict[str, str]:
    """The checked NEWSCRAWLER_SITE_ALIASES (host[:port] -> site key; a JSON object on -s)."""
    return check_aliases(settings.getdict("NEWSCRAWLER_SITE_ALIASES"))


def item_from_response(
    response: Response,
    stats: StatsCollector | None = None,
    aliases: Mapping[str, str] | None = None,
) -> ArticleItem | None:
    """The raw article item of an HTML response, or None (non-HTML, not an article, or broken).

    Routes the URL to its site's page class; counts `newscrawler/spider/<event>` in `stats` for
    non_html, not_article, fallback_extraction and extraction_error.
    """
    if not _is_html(response):
        _count(stats, "non_html")
        return None
    try:
        page = _site_page(response, aliases)
        fields = page.fields()
    except (*EXTRACTION_ERRORS, LxmlError) as exc:
        logger.warning("Extraction failed on %s: %s: %s", response.url, type(exc).__name__, exc)
        _count(stats, "extraction_error")
        return None
    if fields is None:
        _count(stats, "not_article")
        return None
    if page.used_fallback:
        _count(stats, "fallback_extraction")
    return to_item({**fields, "url": response.url, "crawled_at": iso_utc(fetched_at(response))})


def _site_page(response: TextResponse, aliases: Mapping[str, str] | None) -> ArticlePage:
    """The page of the URL's site, read at the site's own URL when the host is an alias.

    The site's URL rules and relative links then hold; the record keeps the URL actually fetched.
    """
    site = site_for_url(response.url, aliases=aliases)
    return site.page(page_text(response), site_url(response.url, aliases))


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("newscrawler-cp1252", _cp1252_bytes)


def page_text(response: TextResponse) -> str:
    """The page's text; in a page declared UTF-8, stray Windows-1252 bytes keep their meaning.

    Misconfigured CMSes send cp1252 under a utf-8 label; w3lib would turn each such byte into
    U+FFFD, losing dashes and quotes (and with them datelines) for good.
    """
    if response.encoding.replace("-", "").replace("_", "").lower() != "utf8":
        return response.text
    return response.body.decode("utf-8-sig", errors="newscrawler-cp1252")


def _count(stats: StatsCollector | None, event: str) -> None:
    if stats is not None:
        stats.inc_value(f"newscrawler/spider/{event}")


def _is_html(response: Response) -> TypeGuard[TextResponse]:
    """A text response whose Content-Type, when given, names HTML (feeds and PDFs are not)."""
    if not isinstance(response, TextResponse):
        return False
    content_type = (response.headers.get(b"Content-Type") or b"").lower()
    return not content_type or b"html" in content_type


class AliasedSpider(Spider):
    """A spider that routes pages through NEWSCRAWLER_SITE_ALIASES (read once, at start-up)."""

    site_aliases: Mapping[str, str] = {}  # replaced per instance by from_crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.site_aliases = site_aliases(crawler.settings)
        return spider
