"""ArticlePage: raw article fields from (html, url); site subclasses declare selectors as data."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urlsplit

from parsel import Selector

from newscrawler.extract import blocks as body_blocks
from newscrawler.extract import dom
from newscrawler.extract.authors import AGENCY, clean_authors
from newscrawler.extract.bylines import byline_texts
from newscrawler.extract.container import containers
from newscrawler.extract.embedded import embedded_blocks
from newscrawler.extract.evidence import article_body_blocks, fuller_body
from newscrawler.extract.fallback import trafilatura_blocks
from newscrawler.extract.grow import grown
from newscrawler.extract.headline import choose, clean_title, is_site, site_keys, strip_site
from newscrawler.extract.image import lead_image
from newscrawler.extract.jsonld import jsonld_fields
from newscrawler.extract.junk import is_junk_line
from newscrawler.extract.labels import dateline_element, section_label
from newscrawler.extract.language import declared, detected
from newscrawler.extract.meta import meta_fields, microdata_date, time_tag
from newscrawler.extract.related import RELATED_CSS, related_links
from newscrawler.extract.standfirst import standfirst
from newscrawler.extract.verdict import (
    MIN_BODY_CHARS,
    Evidence,
    reason_not_article,
    teaser_headings,
)

# Bylines tried after a site's own selectors when JSON-LD and meta name no person.
BYLINE_CSS = (
    "[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel=author]",
    "[class*=author-name]", "[class*=authorname]", ".person-link", "div.author",
    "[class*=byline]", 'a[href*="/author/"]', 'a[href*="/authors/"]', 'a[href*="/autor/"]',
    'a[href*="/autoren/"]',
)  # fmt: skip
# An ISO timestamp with a time and no offset ("2024-05-03T15:47:42"), and a trailing offset.
NAIVE_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?")
OFFSET = re.compile(r"(?:[+-]\d\d:?\d\d|Z)$")


def _publisher_line(raw: str, keys: set[str]) -> bool:
    """An author value that is the publisher, or starts with it ("hessenschau.de, Frankfurt")."""
    return is_site(raw.split(",")[0].strip(), keys)


def _wider(shown: list[str], declared: list[str]) -> bool:
    """Whether the byline names every declared person and more."""
    have = {name.casefold() for name in shown}
    return len(have) > len(declared) and all(name.casefold() in have for name in declared)


def _chars(blocks: list[str]) -> int:
    return sum(len(block) for block in blocks)


class ArticlePage:
    """The generic page; a site subclass overrides the selector tuples (tried in order)."""

    source: ClassVar[str | None] = None  # site key; None: the URL's domain
    headline_css: ClassVar[tuple[str, ...]] = ()
    paragraphs_css: ClassVar[tuple[str, ...]] = ()
    byline_css: ClassVar[tuple[str, ...]] = ()
    date_css: ClassVar[tuple[str, ...]] = ()
    dateline_css: ClassVar[tuple[str, ...]] = ()
    section_css: ClassVar[tuple[str, ...]] = ()
    related_css: ClassVar[tuple[str, ...]] = RELATED_CSS
    # Site junk inside the story container (promos, crossheads), removed before paragraphs_css.
    drop_xpath: ClassVar[tuple[str, ...]] = ()
    # A site's article URL pattern (re.search on the URL): a match declares the page an article.
    article_url: ClassVar[str] = ""

    def __init__(self, html: str, url: str) -> None:
        self.html = html
        self.url = url
        self.selector = Selector(text=html or "<html></html>")
        self.used_fallback = False  # site selectors found no body: generic extraction was used
        self.link_density = 0.0
        self.teaser_headings = 0
        self.skip_reason: str | None = None  # why fields() found no article

    @cached_property
    def jsonld(self) -> dict[str, Any]:
        return jsonld_fields(self.selector)

    @cached_property
    def meta(self) -> dict[str, Any]:
        return meta_fields(self.selector)

    def first(self, selectors: tuple[str, ...]) -> str | None:
        """Text of the first element matched by the first selector that matches (or its ::attr)."""
        for css in selectors:
            for found in self.selector.css(css):
                # Text nodes joined with a space: "July 25<br>17:42 2025" is not "July 2517:42".
                raws = [found.get() or ""] if "::" in css else found.xpath(".//text()").getall()
                value = " ".join(" ".join(raws).split())
                if value:
                    return value
        return None

    def body(self) -> list[str]:
        """Site paragraphs from the cleaned page, else the generic body (marking the fallback)."""
        clean = dom.cleaned(self.selector)
        dom.drop_matches(clean, self.drop_xpath)
        # The cleaned page first (in-body widgets gone); the raw one when cleaning removed the
        # site's own container (TOI 2019 renders its story in a "highlights" list).
        for css in self.paragraphs_css:
            if blocks := dom.blocks_of(clean, css) or dom.blocks_of(self.selector, css):
                return blocks
        self.used_fallback = bool(self.paragraphs_css)
        return self.generic_body(clean)

    def generic_body(self, clean: Selector) -> list[str]:
        """The densest <p> container; trafilatura, then JSON-LD articleBody, when it is thin."""
        found = containers(clean)
        found = [grown(found[0])] if len(found) == 1 else found
        blocks = body_blocks.body_blocks(found)
        if found:
            self.link_density = dom.link_density(found[0])
            self.teaser_headings = teaser_headings(found[0])
        if _chars(blocks) < MIN_BODY_CHARS:
            found_by_trafilatura = trafilatura_blocks(self.html, self.url)
            blocks = [b for b in found_by_trafilatura if not is_junk_line(b)] or blocks
        article_body = self.jsonld.get("article_body")
        if _chars(blocks) < MIN_BODY_CHARS and article_body:
            blocks = article_body_blocks(article_body)
        blocks = fuller_body(blocks, article_body) or blocks
        if _chars(blocks) < MIN_BODY_CHARS:  # a script-rendered page: the story is data
            blocks = embedded_blocks(self.selector) or blocks
        summaries = [self.meta.get("summary"), self.jsonld.get("summary")]
        lead = standfirst(self.selector.root, summaries, blocks, self.html) if blocks else None
        return [lead, *blocks] if lead else blocks

    def is_article(self, body: list[str]) -> bool:
        """Whether the page is an article (extract/verdict.py); the reason is kept when not."""
        declared = bool(self.jsonld.get("types")) or bool(
            self.article_url and re.search(self.article_url, self.url)
        )
        evidence = Evidence(
            body=body, declared=declared, og_type=(self.meta.get("og_type") or "").lower(),
            path=urlsplit(self.url).path, link_density=self.link_density,
            teaser_headings=self.teaser_headings,
        )  # fmt: skip
        self.skip_reason = reason_not_article(evidence)
        return self.skip_reason is None

    def headline(self) -> str | None:
        """Declared titles judged by the visible <h1>: see `headline.choose`.

        Declared, best first: JSON-LD, the site's selector, og:title, twitter:title, each with
        site affixes (" - Golem.de", "| rbb24") stripped. An og/twitter title sharing no words
        with the first <h1> or <h2> is the site's name (Yahoo 2016), not the headline; a page
        without <h1> has only chrome in <h2> (RBB24's "Wetter" box).
        """
        names = [self.meta.get("site_name") or "", *self.jsonld.get("publisher", [])]
        keys = site_keys(names, self.url)
        h1 = self.first(("h1",))
        shown = [v for v in (h1, self.first(("h2",))) if v] if h1 else []  # an <h2> alone: chrome
        social = [
            title
            for raw in (self.meta.get("headline"), self.meta.get("twitter_title"))
            if (title := strip_site(clean_title(raw), keys))
            and not (shown and not any(dom.overlaps(title, v) for v in shown))
        ]
        raws = (self.jsonld.get("headline"), self.first(self.headline_css))
        stated = [strip_site(clean_title(raw), keys) for raw in raws if clean_title(raw)]
        stated += social
        declared = [d for d in dict.fromkeys(stated) if not is_site(d, keys)]
        visible = strip_site(clean_title(self.first(self.headline_css) or h1), keys)
        title = strip_site(clean_title(self.first(("title",))), keys)
        return choose(declared, visible, title, [*stated, visible, title])

    def all_texts(self, selectors: tuple[str, ...]) -> list[str]:
        """Texts of every element matched by the first selector that matches (several authors)."""
        return dom.first_match_texts(self.selector, selectors)

    @cached_property
    def credits(self) -> tuple[list[str], list[str]]:
        """Persons (from the first source naming one) and agencies (from all sources).

        Sources: JSON-LD, meta, then the byline region (`bylines.byline_texts`). The byline
        region wins over JSON-LD/meta when it names the same persons and more (Dagbladet's
        JSON-LD lists one of two bylines). The publisher named as author ("CBS Detroit",
        "VnExpress", "Lrt.lt") is no person. Agencies named as authors move to `agency`.
        """
        keys = site_keys(
            [self.meta.get("site_name") or "", *self.jsonld.get("publisher", [])], self.url
        )
        meta = [a for a in self.meta.get("authors", []) if "://" not in a]  # drop profile URLs
        persons: list[str] = []
        agencies: list[str] = []
        for raws in (self.jsonld.get("authors", []), meta):
            found, named = clean_authors(r for r in raws if not _publisher_line(r, keys))
            found = [name for name in found if not is_site(name, keys)]
            persons, agencies = persons or found, agencies + named
        bylines = byline_texts(self.selector, self.byline_css + BYLINE_CSS)
        shown, named = clean_authors(r for r in bylines if not _publisher_line(r, keys))
        shown = [name for name in shown if not is_site(name, keys)]
        if not persons or _wider(shown, persons):
            persons, agencies = shown, agencies + named
        return persons, list(dict.fromkeys(agencies))

    def authors(self) -> list[str]:
        return self.credits[0]

    def published(self) -> tuple[str | None, str | None]:
        """The best raw publication date and where it came from.

        Order: JSON-LD datePublished, meta (article:published_time ... itemprop=datePublished
        on a <meta>), the site's date selector, microdata on any element, the first <time>.
        A naive timestamp gets the offset the page states on another machine date.
        """
        value, source = self._published()
        if value and NAIVE_STAMP.fullmatch(value) and (offset := self._page_offset()):
            value += offset
        return value, source

    def _published(self) -> tuple[str | None, str | None]:
        if value := self.jsonld.get("published_at_raw"):
            return value, "jsonld"
        if value := self.meta.get("published_at_raw"):
            return value, "meta"
        if value := self.first(self.date_css) or microdata_date(self.selector):
            return value, "time-tag"
        if value := time_tag(self.selector):
            return value, "time-tag"
        return None, None

    def _page_offset(self) -> str | None:
        """The UTC offset of the page's other machine dates ("+02:00"), when one states it."""
        stamps = (self.jsonld.get("modified_at"), self.meta.get("published_at_raw"),
                  self.meta.get("modified_at"), time_tag(self.selector))  # fmt: skip
        for stamp in stamps:
            if stamp and (found := OFFSET.search(stamp)) and "T" in stamp:
                return found.group(0) if found.group(0) != "Z" else "+00:00"
        return None

    def dateline(self) -> dict[str, str | None] | None:
        """The site's dateline element, else a generic one beside the body.

        Site elements: NDTV b.place_cont, India Post p.caps strong. Generic: see
        `labels.dateline_element` (a city_state div, a map-marker icon's line).
        """
        place = self.first(self.dateline_css)
        place = place.strip(" :-—–") if place else None
        if place:
            return {"place": place, "date": None, "agency": None}
        return dateline_element(self.selector)

    def section(self) -> str | None:
        """JSON-LD articleSection, meta article:section, the site's selector, a label by the h1."""
        ld, meta = self.jsonld, self.meta
        return (
            ld.get("section")
            or meta.get("section")
            or self.first(self.section_css)
            or section_label(self.selector)
        )

    def agency(self) -> str | None:
        """An agency named as author (JSON-LD, meta, byline) or publisher, as written."""
        publishers = (
            m.group(0) for n in self.jsonld.get("publisher", []) if (m := AGENCY.search(n))
        )
        return next(iter(self.credits[1]), None) or next(publishers, None)

    def source_key(self) -> str:
        host = (urlsplit(self.url).hostname or "").removeprefix("www.")
        return self.source or host

    def fields(self) -> dict[str, Any] | None:
        """Raw item fields, or None when the page is not an article (see `is_article`)."""
        body = self.body()
        if not self.is_article(body):
            return None
        published, published_source = self.published()
        ld, meta = self.jsonld, self.meta
        return {
            "url": self.url,
            "canonical_url": meta.get("canonical_url"),
            "source": self.source_key(),
            "headline": self.headline(),
            "section": self.section(),
            "summary": meta.get("summary") or ld.get("summary"),
            "authors": self.authors(),
            "tags": ld.get("tags") or meta.get("tags") or [],
            "language": declared(self.selector, ld, meta) or detected(body),
            "agency": self.agency(),
            "published_at_raw": published,
            "published_at_source": published_source,
            "modified_at": ld.get("modified_at") or meta.get("modified_at"),
            "body": body,
            "related": related_links(self.selector, self.url, self.related_css),
            "dateline": self.dateline(),
            "image": lead_image(self.selector, ld.get("image"), meta.get("image"), self.url),
        }
