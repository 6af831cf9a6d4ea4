"""Shared spider plumbing: the fetch time of a response and turning extraction output into items."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.http import Response

from newscrawler.items import ArticleItem

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
