"""Sidebar and related links as structured entries: title, url, relative age and time attribute."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

# Containers of related/sidebar links (wire-markup §7), tried when a site declares none.
RELATED_CSS = (
    "aside", "[class*=related]", "[class*=trending]", "[class*=more-news]", "[class*=bucket]",
    "[class*=breaking]", "[class*=popular]", "[class*=latest]",
)  # fmt: skip
AGE = re.compile(r"\b\d+\s*(?:m|min|mins|minutes?|h|hrs?|hours?|d|days?)\s+ago\b", re.I)
# Attributes that carry a machine-readable time: ISO (`datetime`) or epoch (Deccan Herald
# seconds in data-utcdatetime, AP milliseconds in data-timestamp).
TIME_XPATH = ".//@datetime | .//@data-utcdatetime | .//@data-timestamp"
MIN_TITLE = 15
MAX_LINKS = 60


def _item_of(link: Selector) -> Selector:
    """The largest ancestor (up to 3 levels) holding no other link: the card with its time."""
    card = link
    for _ in range(3):
        parent = card.xpath("..")
        if not parent or len(parent[0].css("a[href]")) > 1:
            break
        card = parent[0]
    return card


def _title(link: Selector) -> str:
    """The link's title attribute, its title/heading element, else all its text.

    cbslocal cards hold the title, a description and the age all inside the <a>.
    """
    inner = link.css("[class*=title], h2, h3, h4, strong")
    text = link.attrib.get("title") or " ".join((inner or link).css("::text").getall())
    return " ".join(text.split())


def _entry(link: Selector, base_url: str) -> dict[str, Any] | None:
    title = _title(link)
    href = (link.attrib.get("href") or "").strip()
    if len(title) < MIN_TITLE or not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    card = _item_of(link)
    age = AGE.search(" ".join(card.css("::text").getall()))
    time = card.xpath(TIME_XPATH).get()
    return {
        "title": title,
        "url": urljoin(base_url, href),
        "age": age.group(0) if age else None,
        "time": time.strip() if time else None,
    }


def related_links(
    selector: Selector, base_url: str, containers: tuple[str, ...] = RELATED_CSS
) -> list[dict[str, Any]]:
    """Links inside related containers, first occurrence of each URL, in page order."""
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for css in containers:
        for link in selector.css(css).css("a[href]"):
            entry = _entry(link, base_url)
            if entry and entry["url"] not in seen and entry["url"] != base_url:
                seen.add(entry["url"])
                out.append(entry)
    return out[:MAX_LINKS]
