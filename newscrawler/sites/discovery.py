"""Discovery inputs as pure functions: URL lists, XML sitemaps, RSS/Atom feeds, age filters."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from newscrawler.sites.listings import Entry, FeedReader, SitemapReader

_AGE = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.I)
NEXT_LABELS = frozenset(("next", "next »", "next page", "older", "older posts", "»", "›", "more"))
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DAY_ONLY = re.compile(r"\d{4}-\d\d-\d\d")


def parse_age(text: str) -> timedelta:
    """`30m`, `12h`, `2d`, `1w` as a timedelta; ValueError otherwise."""
    match = _AGE.match(text)
    if not match:
        raise ValueError(f"age must look like 30m, 12h, 2d or 1w, not {text!r}")
    return timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def parse_date(raw: str | None) -> datetime | None:
    """An ISO 8601 (sitemaps, Atom) or RFC 2822 (RSS) date, made aware (UTC when naive)."""
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def is_recent(raw: str | None, *, now: datetime, max_age: timedelta | None) -> bool:
    """Whether an entry passes the age filter; undated entries pass (the page decides later).

    A day alone ("2025-07-26", allowed in sitemaps) may be any time of that day, in any zone:
    it counts as its day's end, or every story of the day failed `-a since=6h` at noon.
    """
    moment = parse_date(raw)
    if moment is not None and raw is not None and _DAY_ONLY.fullmatch(raw.strip()):
        moment += timedelta(days=1, hours=12)  # its end in the last zone to end it (UTC-12)
    return max_age is None or moment is None or now - moment <= max_age


def url_lines(text: str) -> list[str]:
    """URLs of a URL file: one per line; blank lines and # comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def split_urls(value: str) -> list[str]:
    return [url.strip() for url in value.split(",") if url.strip()]


def sitemap_entries(body: bytes) -> tuple[str, list[Entry]]:
    """The sitemap kind (`urlset`, `sitemapindex` or "") and its (loc, date) entries."""
    reader = SitemapReader(body)
    return reader.kind, list(reader)


def feed_entries(text: str) -> list[Entry]:
    """(link, date) of each RSS <item> or Atom <entry>."""
    return list(FeedReader(text.encode("utf-8"), encoding="utf-8"))


def entry_problem(url: str) -> str | None:
    """Why an absolute listing entry cannot be fetched, or None: a sitemap may list anything."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return "entry_bad_url"  # "http://[oops/x", "http://a:99999/"
    if parts.scheme not in ("http", "https"):
        return "entry_bad_scheme"  # mailto:, javascript:, file:, data:
    return None if parts.hostname else "entry_bad_url"


def listing_links(
    html: str, base_url: str, is_article: Callable[[str], bool]
) -> tuple[list[str], int]:
    """Absolute article links of a listing page (first occurrence, page order), and a count.

    The count is of hrefs that are no URL at all (`http://[oops/x`): a page may hold any.
    """
    links: list[str] = []
    bad = 0
    for href in Selector(text=html).css("a::attr(href)").getall():
        link = _joined(base_url, href)
        if link is None:
            bad += 1
        elif is_article(link):
            links.append(link.split("#", 1)[0])
    return list(dict.fromkeys(links)), bad


def _joined(base_url: str, href: str) -> str | None:
    try:
        return urljoin(base_url, href.strip())
    except ValueError:  # an unparsable host ("[oops") or port
        return None


def next_page(html: str, base_url: str) -> str | None:
    """The listing's next page: <link/a rel=next>, else an <a> whose text is Next/Older/»."""
    selector = Selector(text=html)
    href = selector.css('link[rel="next"]::attr(href), a[rel~="next"]::attr(href)').get()
    if not href:
        for link in selector.css("a[href]"):
            label = " ".join(link.css("::text").getall()).strip().lower()
            if label in NEXT_LABELS:
                href = link.attrib["href"]
                break
    return _joined(base_url, href) if href else None
