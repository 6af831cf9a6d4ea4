"""Read article metadata from <meta>, <link rel=canonical>, html@lang and <time> tags."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from parsel import Selector

from newscrawler.extract.dom import visible_texts

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
    "datepublished",  # microdata on a <meta itemprop>
    # analytics and archive vocabularies that templates without article:published_time keep:
    # Parse.ly, Cxense (Japanese and European portals), Advance Local, Dublin Core terms
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "og:published_time",
    "publication_date",
    "dcterms.created",
    "dcterms.date",
    "dc.date",
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


# Elements whose class or id names a date: "entry-date", "post-date", "datum", "fecha",
# "published", "posted-on", or the post's metadata line ("post-meta", "article-metadata").
_DATE_HOLDER = re.compile(r"date|datum|fecha|time|publish|posted|meta", re.I)
# Chrome whose dates are not the article's: comments, teasers, sidebars, footers.
_OTHER_DATES = re.compile(r"comment|related|teaser|sidebar|widget|footer", re.I)
_OTHER_TAGS = frozenset(("footer", "aside", "nav"))
# A date in a short text: "16.12.2012", "2012-12-16", "08/08/2017" (read month first),
# "16. Dezember 2012", "December 16, 2012",
# "16 de diciembre de 2012", with a time after it when there is one.
VISIBLE_DATE = re.compile(
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?\s+(?:de\s+)?(?:19|20)\d\d"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d\d)"
    r"(?:,?\s*(?:um|at|à|a las|-|,)?\s*\d{1,2}:\d\d)?"
)
MAX_DATE_TEXT = 100
_HOLDERS = etree.XPath("//*[@class or @id]")


def _in_chrome(element: etree._Element) -> bool:
    for ancestor_ in element.iterancestors():
        names = f"{ancestor_.get('class') or ''} {ancestor_.get('id') or ''}"
        if ancestor_.tag in _OTHER_TAGS or _OTHER_DATES.search(names):
            return True
    return False


def visible_dates(selector: Selector) -> list[str]:
    """Dates shown in date-named elements outside comments and sidebars, in page order.

    Blogs and small portals declare no date in markup and show "Posted on December 16, 2012"
    or "16.12.2012" in an element whose class says so.
    """
    found = []
    for element in _HOLDERS(selector.root):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _DATE_HOLDER.search(names):
            continue
        text = " ".join(" ".join(visible_texts(element)).split())
        if len(text) <= MAX_DATE_TEXT and (shown := VISIBLE_DATE.search(text)):
            if not _in_chrome(element):
                found.append(shown.group(0))
    return found
