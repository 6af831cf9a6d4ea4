"""Extraction and storage shortcuts for tests: one response to a raw item, one record to SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from parsel import Selector
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector

from newscrawler.extract import dom
from newscrawler.extract.container import containers
from newscrawler.items import ArticleItem
from newscrawler.spiders.base import EXTRACTION_ERRORS, extraction_failed, item_of, page_job
from newscrawler.spiders.workers import extract
from newscrawler.stores import sqlstore
from newscrawler.text.dateline import Dateline, split_dateline


def item_from_response(
    response: Response,
    stats: StatsCollector | None = None,
    aliases: Mapping[str, str] | None = None,
) -> ArticleItem | None:
    """The raw article item of an HTML response, extracted inline as a spider would, or None.

    None for non-HTML, not an article, or broken; counts `newscrawler/spider/<event>` in
    `stats` for non_html, not_article, fallback_extraction and extraction_error.
    """
    job = page_job(response, stats, aliases)
    if job is None:
        return None
    try:
        outcome = extract(job.html, job.url, job.site_key)
    except EXTRACTION_ERRORS as exc:
        extraction_failed(response, exc, stats)
        return None
    return item_of(response, outcome, stats)


def container_blocks(selector: Selector) -> list[str]:
    """Paragraph blocks of the best container(s) of a page, as the generic body reads them."""
    found = containers(selector)
    return [line for c in found for p in c.iter("p") for line in dom.block_texts(p)]


def parse_dateline(text: str, *, allow_colon: bool = False) -> Dateline | None:
    """The dateline opening `text`, as {place, date, agency}, or None."""
    return split_dateline([text], allow_colon=allow_colon).dateline


def upsert_article(
    conn: sqlite3.Connection, record: Mapping[str, Any], *, seen_at: str, fresh: bool = False
) -> bool:
    """`prepare` then `write` one record, as the SQLite feed does per item; True when new."""
    return sqlstore.write(conn, sqlstore.prepare(record, seen_at=seen_at), fresh=fresh)


def article_row(record: Mapping[str, Any], *, seen_at: str) -> dict[str, Any]:
    """The `articles` row of a record seen at `seen_at`, by column name."""
    values = sqlstore.prepare(record, seen_at=seen_at).values
    return dict(zip(sqlstore.ARTICLE_COLUMNS, values, strict=True))
