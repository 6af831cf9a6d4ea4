"""Which publication date an item gets: the page's own, else a fresh dateline, else the URL."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from urllib.parse import urlsplit

from newscrawler.text.dates import DAY_RE, MONTH_RE, MONTHS, YEAR_RE, iso, parse_date
from newscrawler.text.zones import zone_named

# A day filed in the path: "/2024/09/03/", or "-2024-03-07/" and "/2025-06-23-slug/" (Reuters,
# South African portals); not a bare "20240307", which article ids imitate.
_URL_DAYS = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<d>\d\d)(?:/|$)"),
    re.compile(r"[/-](?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?=[/-]|$)"),
)
_URL_STAMP = re.compile(r"(?P<stamp>(?:19|20)\d{12})/?(?:[?#]|$)")
_STAMPED_HOSTS = {"ianslive.in": "Asia/Kolkata", "aninews.in": "Asia/Kolkata"}
# Where a raw page date may come from (the spider's reading); dateline and url are ours.
_PAGE_SOURCES = ("jsonld", "meta", "time-tag")
_FALLBACK_SOURCES = ("dateline", "url")


def dateline_day(text: str | None, *, crawled_at: datetime, tz: tzinfo = UTC) -> date | None:
    """The day a dateline names ("March 7"); with no year, the latest one not after the crawl."""
    lowered = (text or "").casefold()
    month, day = (
        MONTH_RE.search(lowered),
        DAY_RE.search(MONTH_RE.sub(" ", YEAR_RE.sub(" ", lowered))),
    )
    if not month or not day:
        return None
    year = YEAR_RE.search(lowered)
    crawled = crawled_at.astimezone(tz).date()
    first = int(year["year"]) if year else crawled.year
    for candidate in range(first, first - 8, -1):  # Feb 29 may be years back
        try:
            found = date(candidate, MONTHS[month["month"]], int(day["day"]))
        except ValueError:
            continue
        if year or found <= crawled:
            return found
    return None


def url_date(url: str | None, *, tz: tzinfo = UTC) -> tuple[str, str] | None:
    """(ISO moment, matched text) from a wire's YYYYMMDDHHMMSS stamp or a day in the path."""
    return _url_stamp(url or "") or _url_day(url or "", tz)


def _url_stamp(url: str) -> tuple[str, str] | None:
    if not any(host in url for host in _STAMPED_HOSTS):
        return None  # urlsplit costs more than this check, and most URLs are not wire URLs
    host = urlsplit(url).hostname or ""
    zone = next((z for h, z in _STAMPED_HOSTS.items() if host == h or host.endswith("." + h)), None)
    found = _URL_STAMP.search(url) if zone else None
    if not found or not zone:
        return None
    try:
        moment = datetime.strptime(found["stamp"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return iso(moment.replace(tzinfo=zone_named(zone))), found["stamp"]


def _url_day(url: str, tz: tzinfo) -> tuple[str, str] | None:
    path = urlsplit(url).path
    found = next((f for pattern in _URL_DAYS if (f := pattern.search(path))), None)
    if not found:
        return None
    try:
        moment = datetime(int(found["y"]), int(found["m"]), int(found["d"]), tzinfo=tz)
    except ValueError:
        return None
    return iso(moment), f"{found['y']}/{found['m']}/{found['d']}"


@dataclass(frozen=True)
class Published:
    """The outcome for one item: moment, its source and raw text, and what happened."""

    at: str | None
    source: str | None
    raw: str | None
    event: str  # "parsed", "unparsed" (raw but unreadable) or "missing" (nothing to read)
    dateline_rejected: bool = False


def resolve_published(
    raw: str | None,
    source: str | None,
    *,
    dateline: str | None = None,
    url: str | None = None,
    crawled_at: datetime | None = None,
    tz: tzinfo = UTC,
    languages: Sequence[str] = ("en",),
    max_age_days: int = 7,
) -> Published:
    """Raw page date first, then the dateline (fresh crawls only), then the URL."""
    # A raw value this function wrote on an earlier pass is re-derived, not re-read as a page date.
    page_raw = None if source in _FALLBACK_SOURCES else raw
    parsed = parse_date(page_raw, tz=tz, now=crawled_at, languages=languages)
    if parsed:
        return Published(parsed, source if source in _PAGE_SOURCES else None, raw, "parsed")
    day = dateline_day(dateline, crawled_at=crawled_at, tz=tz) if crawled_at else None
    stale = day is not None and not _trusted(day, dateline, crawled_at, tz, max_age_days)
    if day is not None and not stale:
        return Published(iso(datetime.combine(day, time(), tz)), "dateline", dateline, "parsed")
    from_url = url_date(url, tz=tz)
    if from_url:
        return Published(from_url[0], "url", from_url[1], "parsed", stale)
    return Published(None, None, page_raw, "unparsed" if page_raw else "missing", stale)


def _trusted(
    day: date, dateline: str | None, crawled_at: datetime | None, tz: tzinfo, max_age_days: int
) -> bool:
    """A written year is trusted; a guessed one only when the day lies just before the crawl."""
    if YEAR_RE.search(dateline or "") or crawled_at is None:
        return True
    age = (crawled_at.astimezone(tz).date() - day).days
    return 0 <= age <= max_age_days
