"""Discovery inputs as pure functions: URL lists, XML sitemaps, RSS/Atom feeds, age filters."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector

_AGE = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.I)
NEXT_LABELS = frozenset(("next", "next »", "next page", "older", "older posts", "»", "›", "more"))
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# Untrusted XML: no entities, no network, tolerate the broken sitemaps common on news sites.
_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


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
    """Whether an entry passes the age filter; undated entries pass (the page decides later)."""
    moment = parse_date(raw)
    return max_age is None or moment is None or now - moment <= max_age


def url_lines(text: str) -> list[str]:
    """URLs of a URL file: one per line; blank lines and # comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def split_urls(value: str) -> list[str]:
    return [url.strip() for url in value.split(",") if url.strip()]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """The sitemap kind (`urlset`, `sitemapindex` or "") and its (loc, date) entries.

    The date is news:publication_date when given (Google News sitemaps), else lastmod. Scrapy's
    `Sitemap` reads only direct children, so it loses the nested news date: hence this parser.
    """
    root = etree.fromstring(body, parser=_PARSER) if body.strip() else None
    if root is None:
        return "", []
    entries = []
    for node in root:
        values = {_local(child.tag): (child.text or "").strip() for child in node.iter()}
        if values.get("loc"):
            entries.append((values["loc"], values.get("publication_date") or values.get("lastmod")))
    return _local(root.tag), entries


def feed_entries(text: str) -> list[tuple[str, str | None]]:
    """(link, date) of each RSS <item> or Atom <entry>."""
    selector = Selector(text=text, type="xml")
    selector.remove_namespaces()
    entries = []
    for item in selector.xpath("//item"):
        link = item.xpath("link/text()").get() or item.xpath("guid/text()").get()
        date = item.xpath("pubDate/text()").get() or item.xpath("date/text()").get()
        entries.append((link, date))
    for entry in selector.xpath("//entry"):
        link = entry.xpath("link[not(@rel) or @rel='alternate']/@href").get()
        entries.append((link, entry.xpath("published/text() | updated/text()").get()))
    return [(link.strip(), date) for link, date in entries if link and link.strip()]


def listing_links(html: str, base_url: str, is_article: Callable[[str], bool]) -> list[str]:
    """Absolute article links of a listing page, first occurrence each, in page order."""
    selector = Selector(text=html)
    links = (urljoin(base_url, href.strip()) for href in selector.css("a::attr(href)").getall())
    return list(dict.fromkeys(link.split("#", 1)[0] for link in links if is_article(link)))


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
    return urljoin(base_url, href.strip()) if href else None
