"""Pipeline 800: drop what is no article; fill the derived fields so records fit the schema."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from newscrawler.exceptions import EmptyBody, MissingHeadline, MissingUrl, NotAnArticle
from newscrawler.items import ArticleItem
from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.text.agencies import NAMES
from newscrawler.utils.config import get_int

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

# Fewer words than this once cleaned: a section front, a video page or a stub, not an article.
MIN_WORDS = 20

# The record's keys are ArticleItem's (the schema lists the same); lists and dicts default empty.
RECORD_FIELDS = tuple(field.name for field in fields(ArticleItem))
_LIST_FIELDS = ("authors", "body", "related", "tags")
_NULLABLE_TEXT = ("source", "section", "summary", "headline", "canonical_url", "language")
_URL = re.compile(r"^(?:https?|file)://\S")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # not Hangul: spaced
_TYPOGRAPHY = str.maketrans("‘’‚‛“”„‟–—―‒−", "''''\"\"\"\"-----")


def _single_spaced(text: str) -> bool:
    """True when `text` is already one-space separated: then counting spaces is enough."""
    # isprintable() is False for tabs, newlines and every space but U+0020: all C-speed checks.
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def word_count(body: list[str]) -> int:
    """Words as whitespace-separated tokens over all paragraphs; each CJK character is a word."""
    total = 0
    for paragraph in body:
        if not paragraph:
            continue
        if not paragraph.isascii() and _CJK.search(paragraph):
            # Chinese and Japanese are written without spaces (Xinhua): count the characters.
            total += len(_CJK.findall(paragraph)) + len(_CJK.sub(" ", paragraph).split())
            continue
        single = _single_spaced(paragraph)
        total += paragraph.count(" ") + 1 if single else len(paragraph.split())
    return total


def content_hash(body: list[str]) -> str:
    """sha256 hex of the normalised paragraphs joined by blank lines.

    Normalised: NFKC, casefolded, curly quotes and dash kinds made plain, whitespace runs one
    space; so a syndicated copy that differs only in typography hashes the same, while a
    changed word or paragraph break does not.
    """
    keys = []
    for paragraph in body:
        text = paragraph
        if not text.isascii():
            text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
        text = text.casefold()
        keys.append(text if _single_spaced(text) else " ".join(text.split()))
    return hashlib.sha256("\n\n".join(keys).encode("utf-8")).hexdigest()


class ValidatePipeline(CleaningPipeline):
    """Raise MissingUrl, MissingHeadline, EmptyBody or NotAnArticle; else complete the record.

    Settings: NEWSCRAWLER_MIN_WORDS (default 20). Dict items lose keys the schema does not
    define (counted as `newscrawler/validate/unknown_keys_removed`); ArticleItem has none.
    """

    component = "validate"

    def __init__(self, stats: StatsCollector | None = None, min_words: int = MIN_WORDS) -> None:
        super().__init__(stats)
        self.min_words = min_words

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        min_words = get_int(crawler.settings, "NEWSCRAWLER_MIN_WORDS", MIN_WORDS)
        return cls(stats=crawler.stats, min_words=min_words)

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        self._complete(adapter, item)
        body = adapter["body"]
        adapter["word_count"] = self._check(adapter, body)
        adapter["content_hash"] = content_hash(body)
        return item

    def _check(self, adapter: ItemAdapter, body: list[str]) -> int:
        """Raise the drop reason, if any; return the word count."""
        if not _URL.match(adapter.get("url") or ""):
            raise MissingUrl("no http(s) URL")
        if not adapter.get("headline"):
            raise MissingHeadline(f"no headline: {adapter['url']}")
        if not body:
            raise EmptyBody(f"no body paragraph left: {adapter['url']}")
        words = word_count(body)
        if words < self.min_words:
            raise NotAnArticle(f"{words} words < {self.min_words}: {adapter['url']}")
        return words

    def _complete(self, adapter: ItemAdapter, item: Any) -> None:
        """Every schema key present, lists clean, blank text None, unknown dict keys gone."""
        if not isinstance(item, ArticleItem):  # the dataclass always carries every field
            self._fill_missing(adapter, item)
        # Read everything, write only what changes: item access costs more than the checks.
        for name in _LIST_FIELDS:
            values = adapter[name]
            if not isinstance(values, list) or any(_blank(value) for value in values):
                adapter[name] = [value for value in values or [] if not _blank(value)]
        for name in _NULLABLE_TEXT:
            if _blank(adapter[name]):
                adapter[name] = None
        if not isinstance(adapter["cleaning"], dict):
            adapter["cleaning"] = dict(adapter["cleaning"] or {})
        if not adapter["dateline"] and adapter["dateline"] is not None:
            adapter["dateline"] = None
        if adapter["agency"] not in NAMES:
            adapter["agency"] = None

    def _fill_missing(self, adapter: ItemAdapter, item: Any) -> None:
        if isinstance(item, dict):
            unknown = [key for key in item if key not in RECORD_FIELDS]
            for key in unknown:
                del item[key]
            self.inc("unknown_keys_removed", len(unknown))
        present = set(adapter.keys())
        for name in RECORD_FIELDS:
            if name not in present:
                adapter[name] = None


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()
