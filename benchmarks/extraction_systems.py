"""The systems benchmarks/extraction.py compares: each gives (body text, record) for a page.

newscrawler: the exported record, i.e. the page class's fields through the project's real
pipeline chain (ITEM_PIPELINES, as the spiders run it); the body text is the dateline cut from
the body (its tokens) and the clean body; a dropped item is an empty record. trafilatura: the
default `extract()` for the body (timed), metadata from `bare_extraction(with_metadata=True)`
(not timed: default `extract()` does not read it). readability-lxml: `Document.summary()` blocks
and `short_title()`; it reads no authors, dates or language.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import trafilatura
from lxml import html as lxml_html
from readability import Document
from readability.readability import Unparseable
from scrapy.exceptions import DropItem

from newscrawler.extract.page import ArticlePage
from newscrawler.sites import site_for_url
from newscrawler.spiders.base import to_item
from tests.support.pipeline_chain import pipeline_chain, project_crawler

Result = tuple[str, dict[str, Any] | None]
System = Callable[[dict[str, Any]], Result]
_BLOCKS = "//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre|//td"


def newscrawler(chain: list[Any], *, generic: bool = False) -> System:
    """The exported record of the site's page class (or the generic one) on each case."""

    def run(case: dict[str, Any]) -> Result:
        html, url = case["html"], case["url"]
        page = ArticlePage(html, url) if generic else site_for_url(url).read(html, url)
        fields = page.fields()
        if fields is None:
            return "", None
        crawled = (case.get("crawled") or "2025-07-26 12:00:00").replace(" ", "T")[:19]
        item: Any = to_item({**fields, "crawled_at": crawled + "+00:00"})
        try:
            for pipeline in chain:
                item = pipeline.process_item(item)
        except DropItem:
            return "", None
        # Only a dateline cut from the body gives its tokens back.
        dateline = (item.dateline or {}) if (item.cleaning or {}).get("dateline") else {}
        lead = " ".join(v for v in (dateline.get(k) for k in ("place", "date", "agency")) if v)
        record = {k: getattr(item, k) for k in ("headline", "authors", "language")}
        record["date"] = item.published_at
        return "\n".join([lead, *item.body] if lead else item.body), record

    return run


def trafilatura_extract(case: dict[str, Any]) -> Result:
    return trafilatura.extract(case["html"], url=case["url"]) or "", None


def trafilatura_meta(case: dict[str, Any]) -> dict[str, Any] | None:
    doc = trafilatura.bare_extraction(case["html"], url=case["url"], with_metadata=True)
    if doc is None:
        return None
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"headline": doc.title, "authors": authors, "date": doc.date, "language": doc.language}


def readability_lxml(case: dict[str, Any]) -> Result:
    doc = Document(case["html"], url=case["url"])
    try:
        summary = doc.summary(html_partial=True)
    except Unparseable:  # a stray control character in a link: it gives up on the page
        return "", None
    tree = lxml_html.fromstring(summary or "<div></div>")
    blocks = (" ".join(e.text_content().split()) for e in tree.xpath(_BLOCKS))
    text = "\n".join(b for b in blocks if b)
    return text, {"headline": doc.short_title(), "authors": [], "date": None, "language": None}


@contextlib.contextmanager
def project_chain() -> Iterator[list[Any]]:
    """The pipeline chain with an in-memory story index; closed at the end."""
    chain = pipeline_chain(project_crawler())
    try:
        yield chain
    finally:
        for pipeline in chain:
            getattr(pipeline, "close_spider", lambda: None)()


def run(cases: list[dict[str, Any]], system: System) -> tuple[list[Result], float]:
    """Every case through one system, and its CPU ms per page (process time)."""
    logging.disable(logging.CRITICAL)  # trafilatura and readability log errors per page
    system(cases[0])  # warm-up: imports and lazy initialisation
    started = time.process_time()
    results = [system(case) for case in cases]
    ms = 1000 * (time.process_time() - started) / len(cases)
    logging.disable(logging.NOTSET)
    return results, ms


def default_dirs(repo: Path) -> dict[str, Path]:
    shared = repo.parent / "shared"
    return {"extraction-dev": shared / "extraction-dev", "pages": shared / "pages"}
