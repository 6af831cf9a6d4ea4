"""Article records in and out of SQLite: parameterised upsert, read-back and full-text search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from newscrawler.feeds.sqlschema import JSON_COLUMNS, SCALAR_COLUMNS

PARAGRAPH_SEPARATOR = "\n\n"
RELATED_COLUMNS = ("title", "url", "age", "published_at")
_KNOWN = {*SCALAR_COLUMNS, *JSON_COLUMNS, "body", "related"}
_STORED = (*SCALAR_COLUMNS, "body", *JSON_COLUMNS, "extra")
_ARTICLE_COLUMNS = (*_STORED, "first_seen_at", "last_seen_at")


def _upsert_sql(unchanged: tuple[str, ...] = ()) -> str:
    """The upsert by url; columns in `unchanged` are left out of its update."""
    # Identifiers come from the constants above, never from items; every value is a parameter.
    # first_seen_at is never updated: a re-crawl must keep it.
    sets = [c for c in _ARTICLE_COLUMNS if c not in ("first_seen_at", *unchanged)]
    return (
        f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)})"
        f" VALUES ({', '.join(f':{c}' for c in _ARTICLE_COLUMNS)})"
        f" ON CONFLICT (url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in sets)}"
    )


_UPSERT = _upsert_sql()
# For a re-crawl whose headline and body are unchanged: with neither in the SET list the FTS
# update trigger (AFTER UPDATE OF headline, body) does not re-index the same text.
_UPSERT_SAME_TEXT = _upsert_sql(unchanged=("headline", "body"))
_STORED_TEXT = "SELECT headline, body FROM articles WHERE url = ?"
_INSERT_RELATED = (
    "INSERT INTO related_links (article_url, position, title, url, age, published_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


# One encoder for every value: json.dumps with options builds a new JSONEncoder per call, five
# times per row. Same options, same output.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _json(value: Any) -> str | None:
    return None if value is None else _ENCODE(value)


def _scalar(value: Any) -> Any:
    # A list or dict where a scalar belongs is kept readable rather than rejected by sqlite3.
    return _json(value) if isinstance(value, list | dict | tuple) else value


def _body(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return PARAGRAPH_SEPARATOR.join(str(paragraph) for paragraph in value)


def article_row(record: Mapping[str, Any], *, seen_at: str) -> dict[str, Any]:
    """The `articles` row for a record seen at `seen_at` (the item's crawled_at)."""
    row = {column: _scalar(record.get(column)) for column in SCALAR_COLUMNS}
    row.update({column: _json(record.get(column)) for column in JSON_COLUMNS})
    extra = {key: value for key, value in record.items() if key not in _KNOWN}
    row.update(body=_body(record.get("body")), extra=_json(extra or None))
    row.update(first_seen_at=seen_at, last_seen_at=seen_at)
    return row


def _related_rows(url: str, related: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (url, position, *(_scalar(link.get(key)) for key in RELATED_COLUMNS))
        for position, link in enumerate(related)
    ]


def upsert_article(
    conn: sqlite3.Connection, record: Mapping[str, Any], *, seen_at: str, new: bool = False
) -> bool:
    """Insert or update one record and replace its related links; True when the url was new.

    Runs inside the caller's transaction: committing is the caller's choice. `new=True` is the
    caller's promise that the url is not stored (a database it created empty this run and has
    not written the url to): the lookup and the related-links delete are then skipped.
    """
    row = article_row(record, seen_at=seen_at)
    url = row["url"]
    if not isinstance(url, str) or not url:
        raise ValueError("an article record needs a non-empty string url")
    old = None if new else conn.execute(_STORED_TEXT, (url,)).fetchone()
    same_text = old is not None and old == (row["headline"], row["body"])
    conn.execute(_UPSERT_SAME_TEXT if same_text else _UPSERT, row)
    if old is not None:
        conn.execute("DELETE FROM related_links WHERE article_url = ?", (url,))
    conn.executemany(_INSERT_RELATED, _related_rows(url, record.get("related") or ()))
    return old is None


def load_article(conn: sqlite3.Connection, url: str) -> dict[str, Any] | None:
    """The record stored for `url`, decoded back to the exported shape, or None."""
    found = conn.execute(f"SELECT {', '.join(_STORED)} FROM articles WHERE url = ?", (url,))
    values = found.fetchone()
    if values is None:
        return None
    record = dict(zip(_STORED, values, strict=True))
    for column in JSON_COLUMNS:
        record[column] = None if record[column] is None else json.loads(record[column])
    record.update(json.loads(record.pop("extra") or "{}"))
    if record["is_original"] is not None:  # SQLite has no boolean: stored as 0/1
        record["is_original"] = bool(record["is_original"])
    body = record["body"]
    record["body"] = body.split(PARAGRAPH_SEPARATOR) if body else []
    links = conn.execute(
        "SELECT title, url, age, published_at FROM related_links"
        " WHERE article_url = ? ORDER BY position",
        (url,),
    )
    record["related"] = [dict(zip(RELATED_COLUMNS, link, strict=True)) for link in links]
    return record


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[str]:
    """Urls of the articles whose headline or body match an FTS5 query, best first."""
    rows = conn.execute(
        "SELECT a.url FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    )
    return [url for (url,) in rows]
