"""Metadata of a page: headline, dates, dateline, section, language, image (authors: credits)."""

from __future__ import annotations

import itertools
import re

from newscrawler.extract import language as lang
from newscrawler.extract.credits import CreditsPage
from newscrawler.extract.headerdate import header_date
from newscrawler.extract.headline import (
    choose,
    clean_title,
    coverage,
    is_site,
    overlaps,
    site_keys,
    strip_site,
)
from newscrawler.extract.image import lead_image
from newscrawler.extract.labels import dateline_element, section_label
from newscrawler.extract.meta import microdata_date, time_tag, visible_dates
from newscrawler.text.dates import parse_date

# An ISO timestamp with a time and no offset ("2024-05-03T15:47:42"), and a trailing offset.
NAIVE_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?")
OFFSET = re.compile(r"(?:[+-]\d\d:?\d\d|Z)$")


class MetadataPage(CreditsPage):
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

        Older templates put the logo or the section in an <h1> above the story's own ("Site",
        "国際ニュース：Site News"): the headline is the <h1> that og:title or <title> names.
        """
        texts = (" ".join(" ".join(h1.itertext()).split()) for h1 in self.selector.root.iter("h1"))
        h1s = [text for text in texts if text]
        declared = self._declared_titles()
        return max(
            h1s, key=lambda h1: max((coverage(h1, t) for t in declared), default=0.0),
            default=None,
        )  # fmt: skip

    def _declared_titles(self) -> list[str]:
        """The titles the markup declares: JSON-LD, og:title, twitter:title, <title>."""
        titles = [self.jsonld.get("headline"), self.meta.get("headline"),
                  self.meta.get("twitter_title"), self.first(("title",))]  # fmt: skip
        return [clean_title(t) for t in titles if t]

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
        if value := time_tag(self.selector):
            return value, "time-tag"
        own = self._own_language()
        titles = self._declared_titles()
        if value := header_date(self.selector, own, titles) or self._shown_date(own):
            return value, "time-tag"
        return None, None

    def _own_language(self) -> str:
        """The page language's primary subtag, before the body is read: its first paragraphs."""
        paragraphs = itertools.islice(self.selector.root.iter("p"), 20)
        return lang.primary(self.language([" ".join(p.itertext()) for p in paragraphs]))

    def _shown_date(self, own: str) -> str | None:
        """The first date a date-named element shows that reads as one (page language, en)."""
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

    def language(self, body: list[str]) -> str | None:
        """The declared language (markup), else one detected from the body."""
        return lang.declared(self.selector, self.jsonld, self.meta) or lang.detected(body)

    def image(self) -> dict[str, str | None] | None:
        """The lead image (url, caption, credit): `image.lead_image`."""
        return lead_image(self.selector, self.jsonld.get("image"), self.meta.get("image"), self.url)
