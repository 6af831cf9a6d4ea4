"""The article record: one dataclass for spiders and pipelines (pipelines also accept dicts)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# Values of `published_at_source`, best first: the dates pipeline keeps the best one it can parse.
DATE_SOURCES = ("jsonld", "meta", "time-tag", "dateline", "url")


@dataclass
class ArticleItem:
    """An article as a spider yields it (raw) and as the pipelines leave it (clean).

    Raw items carry the same names: `body` holds the text blocks of the article region in page
    order and `related` whatever sidebar links the spider saw as `{title, url, age, time}`.
    """

    url: str
    crawled_at: str | None = None
    canonical_url: str | None = None
    source: str | None = None
    agency: str | None = None
    section: str | None = None
    headline: str | None = None
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: dict[str, str | None] | None = None
    published_at: str | None = None
    modified_at: str | None = None
    published_at_raw: str | None = None
    published_at_source: str | None = None
    body: list[str] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    # The lead image: {url, caption, credit} (caption and credit may be None); None when none.
    image: dict[str, str | None] | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    word_count: int | None = None
    content_hash: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict)
    story_id: str | None = None
    syndicated_copies: int | None = None
    is_original: bool | None = None


# The record's field names, in record order: what FEEDS `fields` and NEWSCRAWLER_FIELD_COVERAGE
# may name.
FIELD_NAMES = tuple(item.name for item in fields(ArticleItem))
