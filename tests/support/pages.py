"""Shortcuts only tests use: container blocks, one record to SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from parsel import Selector

from newscrawler.extract import dom
from newscrawler.extract.container import containers
from newscrawler.stores import sqlstore


def container_blocks(selector: Selector) -> list[str]:
    """Paragraph blocks of the best container(s) of a page, as the generic body reads them."""
    found = containers(selector)
    return [line for c in found for p in c.iter("p") for line in dom.block_texts(p)]


def upsert_article(
    conn: sqlite3.Connection, record: Mapping[str, Any], *, seen_at: str, fresh: bool = False
) -> bool:
    """`prepare` then `write` one record, as the SQLite feed does per item; True when new."""
    return sqlstore.write(conn, sqlstore.prepare(record, seen_at=seen_at), fresh=fresh)


def article_row(record: Mapping[str, Any], *, seen_at: str) -> dict[str, Any]:
    """The `articles` row of a record seen at `seen_at`, by column name."""
    values = sqlstore.prepare(record, seen_at=seen_at).values
    return dict(zip(sqlstore.ARTICLE_COLUMNS, values, strict=True))
