"""ArticlePage: raw article fields from (html, url); site subclasses declare selectors as data."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector

from newscrawler.extract import blocks as body_blocks
from newscrawler.extract import chrome, dom
from newscrawler.extract.container import containers
from newscrawler.extract.embedded import embedded_blocks
from newscrawler.extract.evidence import article_body_blocks, fuller_body
from newscrawler.extract.fallback import trafilatura_blocks
from newscrawler.extract.grow import grown
from newscrawler.extract.junk import is_junk_line, without_name_lines, without_stamp_lines
from newscrawler.extract.lines import paragraph_divs, text_lines
from newscrawler.extract.metadata import MetadataPage
from newscrawler.extract.related import related_links
from newscrawler.extract.standfirst import standfirst
from newscrawler.extract.verdict import (
    MIN_BODY_CHARS,
    Evidence,
    reason_not_article,
    teaser_headings,
)
from newscrawler.text.navlinks import is_article_url


def _chars(blocks: list[str]) -> int:
    return sum(len(block) for block in blocks)


class ArticlePage(MetadataPage):
    """The generic page: body, article decision, fields; metadata in `extract/metadata.py`.

    A site subclass overrides the selector tuples of `extract/basepage.py` (tried in order)
    and, where its markup needs it, single metadata methods (`published`, `agency`, ...).
    """

    def body(self) -> list[str]:
        """Site paragraphs from the cleaned page, else the generic body (marking the fallback)."""
        clean = chrome.cleaned(self.selector)
        chrome.drop_matches(clean, self.drop_xpath)
        # The cleaned page first (in-body widgets gone); the raw one when cleaning removed the
        # site's own container (TOI 2019 renders its story in a "highlights" list).
        for css in self.paragraphs_css:
            if blocks := dom.blocks_of(clean, css) or dom.blocks_of(self.selector, css):
                return blocks
        self.used_fallback = bool(self.paragraphs_css)
        return self.generic_body(clean)

    def generic_body(self, clean: Selector) -> list[str]:
        """The densest <p> container; trafilatura, then JSON-LD articleBody, when it is thin."""
        paragraph_divs(clean.root)
        found = containers(clean)
        found = [grown(found[0])] if len(found) == 1 else found
        blocks = body_blocks.body_blocks(found)
        lines = text_lines(clean.root)
        if lines and lines.prose_chars > 2 * _chars(blocks):  # the story is text lines, not <p>
            found = [lines.element]
            blocks = body_blocks.text_blocks(lines.element)
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
        blocks = without_name_lines(blocks, self.authors())
        blocks = without_stamp_lines(blocks, self.published()[0])
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
            teaser_headings=self.teaser_headings, article_shaped=is_article_url(self.url),
        )  # fmt: skip
        self.skip_reason = reason_not_article(evidence)
        return self.skip_reason is None

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
            "language": self.language(body),
            "agency": self.agency(),
            "published_at_raw": published,
            "published_at_source": published_source,
            "modified_at": ld.get("modified_at") or meta.get("modified_at"),
            "body": body,
            "related": related_links(self.selector, self.url, self.related_css),
            "dateline": self.dateline(),
            "image": self.image(),
        }
