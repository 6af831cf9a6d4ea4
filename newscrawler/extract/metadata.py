"""Metadata of a page: headline, authors, agency, dates, dateline, section, language, image."""

from __future__ import annotations

import itertools
import re
from functools import cached_property

from newscrawler.extract import language as lang
from newscrawler.extract.authors import AGENCY, clean_authors
from newscrawler.extract.basepage import BasePage
from newscrawler.extract.bylines import byline_texts
from newscrawler.extract.headline import (
    choose,
    clean_title,
    coverage,
    is_publisher,
    is_site,
    overlaps,
    site_keys,
    strip_site,
)
from newscrawler.extract.image import lead_image
from newscrawler.extract.labels import dateline_element, section_label
from newscrawler.extract.meta import header_date, microdata_date, time_tag, visible_dates
from newscrawler.extract.storybyline import edge_name, editor_credit
from newscrawler.text.dates import parse_date

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
    """An author value that is the publisher, or starts with it ("example.de, Frankfurt")."""
    return is_site(raw.split(",")[0].strip(), keys)


def _wider(shown: list[str], declared: list[str]) -> bool:
    """Whether the byline names every declared person and more."""
    have = {name.casefold() for name in shown}
    return len(have) > len(declared) and all(name.casefold() in have for name in declared)


class MetadataPage(BasePage):
    """The metadata methods of `ArticlePage`; site classes override single ones (dates, agency)."""

    def headline(self) -> str | None:
        """Declared titles judged by the visible <h1>: see `headline.choose`.

        Declared, best first: JSON-LD, the site's selector, og:title, twitter:title, each with
        site affixes (" - Site.de", "| site24") stripped. An og/twitter title sharing no words
        with the first <h1> or <h2> is the site's name, not the headline; a page
        without <h1> has only chrome in <h2> (a weather box).
        """
        names = [self.meta.get("site_name") or "", *self.jsonld.get("publisher", [])]
        keys = site_keys(names, self.url)
        h1 = self._visible_h1()
        shown = [v for v in (h1, self.first(("h2",))) if v] if h1 else []  # an <h2> alone: chrome
        social = [
            title
            for raw in (self.meta.get("headline"), self.meta.get("twitter_title"))
            if (title := strip_site(clean_title(raw), keys))
            and not (shown and not any(overlaps(title, v) for v in shown))
        ]
        raws = (self.jsonld.get("headline"), self.first(self.headline_css))
        stated = [strip_site(clean_title(raw), keys) for raw in raws if clean_title(raw)]
        stated += social
        declared = [d for d in dict.fromkeys(stated) if not is_site(d, keys)]
        visible = strip_site(clean_title(self.first(self.headline_css) or h1), keys)
        title = strip_site(clean_title(self.first(("title",))), keys)
        return choose(declared, visible, title, [*stated, visible, title])

    def _visible_h1(self) -> str | None:
        """The <h1> stating most of a declared title's words; the first on a tie.

        Older templates put the logo in an <h1> above the story's own ("CNN", "ประชาไท",
        "国際ニュース：AFPBB News"): the headline is the <h1> that og:title or <title> names.
        """
        texts = (" ".join(" ".join(h1.itertext()).split()) for h1 in self.selector.root.iter("h1"))
        h1s = [text for text in texts if text]
        titles = [self.jsonld.get("headline"), self.meta.get("headline"),
                  self.meta.get("twitter_title"), self.first(("title",))]  # fmt: skip
        declared = [clean_title(t) for t in titles if t]
        return max(
            h1s, key=lambda h1: max((coverage(h1, t) for t in declared), default=0.0),
            default=None,
        )  # fmt: skip

    @cached_property
    def credits(self) -> tuple[list[str], list[str]]:
        """Persons (from the first source naming one) and agencies (from all sources).

        Sources: JSON-LD, meta, then the byline region (`bylines.byline_texts`). The byline
        region wins over JSON-LD/meta when it names the same persons and more (JSON-LD may
        list one of two bylines). The publisher named as author (a station name,
        the site's own name or domain) is no person. Agencies named as authors move to `agency`.
        """
        keys = site_keys(
            [self.meta.get("site_name") or "", *self.jsonld.get("publisher", [])], self.url
        )
        meta = [a for a in self.meta.get("authors", []) if "://" not in a]  # drop profile URLs
        persons: list[str] = []
        agencies: list[str] = []
        for raws in (self.jsonld.get("authors", []), meta):
            found, named = clean_authors(r for r in raws if not _publisher_line(r, keys))
            found = [name for name in found if not is_publisher(name, keys)]
            persons, agencies = persons or found, agencies + named
        bylines = byline_texts(self.selector, self.byline_css + BYLINE_CSS, self.html)
        shown, named = clean_authors(r for r in bylines if not _publisher_line(r, keys))
        shown = [name for name in shown if not is_publisher(name, keys)]
        if not persons or _wider(shown, persons):
            persons, agencies = shown, agencies + named
        if not persons:  # no byline element: one written into the story (extract/storybyline)
            written = edge_name(self.selector.root) or editor_credit(self.selector.root)
            persons = clean_authors([written])[0] if written else []
        return persons, list(dict.fromkeys(agencies))

    def authors(self) -> list[str]:
        return self.credits[0]

    def published(self) -> tuple[str | None, str | None]:
        """The best raw publication date and where it came from.

        Order: JSON-LD datePublished, meta (article:published_time ... itemprop=datePublished
        on a <meta>, then analytics names), the site's date selector, microdata on any element,
        the first <time>, a year-first date beside the <h1>.
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
        if value := time_tag(self.selector) or header_date(self.selector):
            return value, "time-tag"
        if value := self._shown_date():
            return value, "time-tag"
        return None, None

    def _shown_date(self) -> str | None:
        """The first date a date-named element shows that reads as one (page language, en)."""
        code = self.language(  # the body is not read yet: the page's first paragraphs
            [" ".join(p.itertext()) for p in itertools.islice(self.selector.root.iter("p"), 20)]
        )
        own = (code or "").split("-")[0].lower()
        languages = tuple(dict.fromkeys(language for language in (own, "en") if language))
        return next(
            (d for d in visible_dates(self.selector) if parse_date(d, languages=languages)), None
        )

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

    def language(self, body: list[str]) -> str | None:
        """The declared language (markup), else one detected from the body."""
        return lang.declared(self.selector, self.jsonld, self.meta) or lang.detected(body)

    def image(self) -> dict[str, str | None] | None:
        """The lead image (url, caption, credit): `image.lead_image`."""
        return lead_image(self.selector, self.jsonld.get("image"), self.meta.get("image"), self.url)
