"""Read article metadata from <meta>, <link rel=canonical>, html@lang and <time> tags."""

from __future__ import annotations

from typing import Any

from parsel import Selector

# Publication-date meta names seen on news sites, best first.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "publish-date",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "sailthru.date",
    "datepublished",  # microdata on a <meta itemprop> (SRF)
)
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "last-modified")


def meta_values(selector: Selector) -> dict[str, list[str]]:
    """All <meta> values keyed by lowercased property, name, itemprop or http-equiv, in order.

    Reuters 2016 writes `value=` where everyone else writes `content=`.
    """
    values: dict[str, list[str]] = {}
    for tag in selector.xpath("//meta[@content or @value]"):
        content = (tag.attrib.get("content") or tag.attrib.get("value") or "").strip()
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (tag.attrib.get(attr) or "").strip().lower()
            if key and content:
                values.setdefault(key, []).append(content)
    return values


def _first(values: dict[str, list[str]], *keys: str) -> str | None:
    return next((values[key][0] for key in keys if key in values), None)


def _canonical(selector: Selector, values: dict[str, list[str]]) -> str | None:
    href = selector.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href').get()
    return (href or "").strip() or _first(values, "og:url")


def _language(selector: Selector) -> str | None:
    return (selector.xpath("/html/@lang").get() or "").strip() or None


def meta_fields(selector: Selector) -> dict[str, Any]:
    """Raw fields from meta tags; `authors` and `tags` keep every value given."""
    values = meta_values(selector)
    tags = values.get("article:tag", []) or [
        k.strip() for k in (_first(values, "keywords", "news_keywords") or "").split(",")
    ]
    return {
        "headline": _first(values, "og:title"),
        "twitter_title": _first(values, "twitter:title"),
        "summary": _first(values, "og:description", "description", "twitter:description"),
        "authors": values.get("author", []) or values.get("article:author", []),
        "published_at_raw": _first(values, *PUBLISHED_KEYS),
        "modified_at": _first(values, *MODIFIED_KEYS),
        "section": _first(values, "article:section", "og:article:section"),
        "tags": [tag for tag in tags if tag],
        "canonical_url": _canonical(selector, values),
        "language": _language(selector) or _first(values, "og:locale"),
        "og_locale": _first(values, "og:locale"),
        "image": _first(values, "og:image", "og:image:url", "og:image:secure_url", "twitter:image"),
        "content_language": _first(values, "content-language", "language", "dc.language"),
        "og_type": _first(values, "og:type"),
        "site_name": _first(values, "og:site_name"),
    }


def time_tag(selector: Selector) -> str | None:
    """The first <time datetime> (the article's own date on most templates)."""
    value = selector.xpath("//time/@datetime").get()
    return value.strip() if value and value.strip() else None


def microdata_date(selector: Selector) -> str | None:
    """The first itemprop=datePublished outside <meta>: @content or @datetime."""
    found = selector.xpath(
        '//*[@itemprop="datePublished"][not(self::meta)]/@content'
        ' | //*[@itemprop="datePublished"][not(self::meta)]/@datetime'
    ).get()
    return found.strip() if found and found.strip() else None
