"""Sitemaps and RSS/Atom feeds read as a stream: one entry at a time, memory flat, losses named."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from typing import Any

from lxml import etree

Entry = tuple[str, str | None]  # (URL as written, date as written)
# libxml2 errors after which the rest of the document is not read: the entries it still held
# are lost, so the reader says so (huge_tree stays off: depth 256, text nodes 10 MB).
_STOPS = {
    "ERR_RESOURCE_LIMIT": "listing_over_limit",  # deeper than 256 levels, a text node over 10 MB
    "ERR_TAG_NOT_FINISHED": "listing_cut_short",  # the document ends inside an element
    "ERR_DOCUMENT_END": "listing_cut_short",  # a second root after the first: never read
    "ERR_EXTRA_CONTENT": "listing_cut_short",
}


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class ListingReader:
    """Entries of one XML listing, parsed incrementally; after iterating, what was lost.

    Untrusted XML: no entities resolved, no network, no huge trees; recovering from the sloppy
    markup common on news sites. Each entry element is freed once read.
    """

    entry_tags: frozenset[str] = frozenset()

    def __init__(self, data: bytes, encoding: str | None = None) -> None:
        self.kind = ""  # the root element's local name (urlset, sitemapindex, rss, feed, ...)
        self.no_link = 0  # entries without a URL (an empty <loc>, an unresolved entity)
        self.stopped: str | None = None  # a _STOPS reason when the parse ended early
        self.detail = ""  # libxml2's message for `stopped`
        self._events = etree.iterparse(
            BytesIO(data), events=("start", "end"), encoding=encoding, recover=True,
            resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True,
        )  # fmt: skip
        self._first = self._next()
        if self._first is not None:
            self.kind = _local(self._first[1].tag)

    def _next(self) -> tuple[str, Any] | None:
        try:
            return next(self._events)  # type: ignore[no-any-return]
        except (StopIteration, etree.XMLSyntaxError):  # empty or not XML at all: no entries
            return None

    def __iter__(self) -> Iterator[Entry]:
        inside, event = 0, self._first
        while event is not None:
            kind, element = event
            if _local(element.tag) in self.entry_tags:
                inside += 1 if kind == "start" else -1
                if kind == "end" and inside == 0:
                    yield from self._entry(element)
                    _free(element)
            event = self._next()
        self._check_stop()

    def _entry(self, element: Any) -> Iterator[Entry]:
        url, date = self.fields(element)
        if url and url.strip():
            yield url.strip(), date
        else:
            self.no_link += 1

    def fields(self, element: Any) -> tuple[str | None, str | None]:
        raise NotImplementedError

    def _check_stop(self) -> None:
        for error in self._events.error_log:
            if error.level_name == "FATAL" and error.type_name in _STOPS:
                self.stopped = _STOPS[error.type_name]
                self.detail = f"line {error.line}: {error.message.strip()}"
                return


def _free(element: Any) -> None:
    """Drop a read entry and the ones before it, so a 200k-URL sitemap never holds its tree."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


class SitemapReader(ListingReader):
    """<url>/<sitemap> entries: loc with news:publication_date (Google News), else lastmod.

    Scrapy's `Sitemap` reads only direct children, so it loses the nested news date.
    """

    entry_tags = frozenset(("url", "sitemap"))

    def fields(self, element: Any) -> tuple[str | None, str | None]:
        values = {_local(child.tag): (child.text or "").strip() for child in element.iter()}
        return values.get("loc"), values.get("publication_date") or values.get("lastmod")


class FeedReader(ListingReader):
    """RSS <item> (link, else guid; pubDate or dc:date) and Atom <entry> (alternate link)."""

    entry_tags = frozenset(("item", "entry"))

    def fields(self, element: Any) -> tuple[str | None, str | None]:
        found: dict[str, str] = {}
        for child in element:
            name = _local(child.tag)
            if name == "link" and child.get("href") is not None:  # Atom
                if child.get("rel") in (None, "alternate"):
                    found.setdefault("href", child.get("href"))
            elif name in ("link", "guid", "pubDate", "date", "published", "updated"):
                found.setdefault(name, (child.text or "").strip())
        url = found.get("link") or found.get("guid") or found.get("href")
        date = found.get("pubDate") or found.get("date")
        return url, date or found.get("published") or found.get("updated")
