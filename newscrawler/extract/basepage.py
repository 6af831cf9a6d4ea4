"""BasePage: a parsed page, its JSON-LD and meta fields, and selector helpers for site classes."""

from __future__ import annotations

from functools import cached_property
from typing import Any, ClassVar

from newscrawler.extract import dom
from newscrawler.extract.jsonld import jsonld_fields
from newscrawler.extract.meta import meta_fields
from newscrawler.extract.related import RELATED_CSS


class BasePage:
    """The page's parse and declared fields; a site subclass overrides the selector tuples."""

    # The site's key and article URL pattern (re.search on the URL: a match declares the page an
    # article), given by its Site record (Site.read); the defaults are the generic page's.
    source: str | None = None  # None: the URL's domain
    article_url: str = ""
    headline_css: ClassVar[tuple[str, ...]] = ()
    paragraphs_css: ClassVar[tuple[str, ...]] = ()
    byline_css: ClassVar[tuple[str, ...]] = ()
    date_css: ClassVar[tuple[str, ...]] = ()
    dateline_css: ClassVar[tuple[str, ...]] = ()
    section_css: ClassVar[tuple[str, ...]] = ()
    related_css: ClassVar[tuple[str, ...]] = RELATED_CSS
    # Site junk inside the story container (promos, crossheads), removed before paragraphs_css.
    drop_xpath: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self, html: str, url: str, *, source: str | None = None, article_url: str = ""
    ) -> None:
        self.source = source or self.source
        self.article_url = article_url or self.article_url
        self.html = html
        self.url = url
        self.selector = dom.parse(html)
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

    def all_texts(self, selectors: tuple[str, ...]) -> list[str]:
        """Texts of every element matched by the first selector that matches (several authors)."""
        return dom.first_match_texts(self.selector, selectors)
