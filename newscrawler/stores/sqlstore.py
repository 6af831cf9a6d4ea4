"""Article records in and out of SQLite: parameterised upsert, read-back and full-text search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from newscrawler.stores.sqlschema import JSON_COLUMNS, SCALAR_COLUMNS

PARAGRAPH_SEPARATOR = "\n\n"
RELATED_COLUMNS = ("title", "url", "age", "published_at")
_KNOWN = {*SCALAR_COLUMNS, *JSON_COLUMNS, "body", "related"}
_STORED = (*SCALAR_COLUMNS, "body", *JSON_COLUMNS, "extra")
ARTICLE_COLUMNS = (*_STORED, "first_seen_at", "last_seen_at")


def _upsert_sql(unchanged: tuple[str, ...] = ()) -> str:
    """The upsert by url, values in `ARTICLE_COLUMNS` order; `unchanged` columns keep theirs."""
    # Identifiers come from the constants above, never from items; every value is a parameter.
    # first_seen_at is never updated: a re-crawl must keep it.
    sets = [c for c in ARTICLE_COLUMNS if c not in ("first_seen_at", *unchanged)]
    return (
        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)})"
        f" VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)})"
        f" ON CONFLICT (url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in sets)}"
    )


_UPSERT = _upsert_sql()
_INSERT = _UPSERT.split(" ON CONFLICT")[0]  # raises IntegrityError on a stored url
# For a re-crawl whose headline and body are unchanged: with neither in the SET list the FTS
# update trigger (AFTER UPDATE OF headline, body) does not re-index the same text.
_UPSERT_SAME_TEXT = _upsert_sql(unchanged=("headline", "body"))
_STORED_TEXT = "SELECT headline, body FROM articles WHERE url = ?"
_INSERT_RELATED = (
    "INSERT INTO related_links (article_url, position, title, url, age, published_at)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_URL, _HEADLINE, _BODY = (ARTICLE_COLUMNS.index(c) for c in ("url", "headline", "body"))
_DEFER_FTS = (
    "UPDATE articles_fts_defer SET above_id = (SELECT coalesce(max(id), 0) FROM articles)"
    " WHERE above_id IS NULL"
)
_INDEX_DEFERRED = (
    "INSERT INTO articles_fts (rowid, headline, body) SELECT id, headline, body FROM articles"
    " WHERE id > (SELECT above_id FROM articles_fts_defer)"
)

# One encoder for every value: json.dumps with options builds a new JSONEncoder per call, five
# times per row. Same options, same output.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_CONTAINERS = (list, dict, tuple)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return "[]" if value == [] else _ENCODE(value)  # no authors, no tags: common, and cheap


def _scalar(value: Any) -> Any:
    # A list or dict where a scalar belongs is kept readable rather than rejected by sqlite3.
    return _ENCODE(value) if isinstance(value, _CONTAINERS) else value


def _body(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    try:
        return PARAGRAPH_SEPARATOR.join(value)  # paragraphs are strings, nearly always
    except TypeError:
        return PARAGRAPH_SEPARATOR.join(str(paragraph) for paragraph in value)


def _row_values(record: Mapping[str, Any], seen_at: str) -> list[Any]:
    """The `articles` values of a record, in `ARTICLE_COLUMNS` order (the exporter's hot path)."""
    get = record.get
    # _scalar inlined: 18 calls per row are measurable here.
    values = [_ENCODE(v) if isinstance(v, _CONTAINERS) else v for v in map(get, SCALAR_COLUMNS)]
    values.append(_body(get("body")))
    values += [_json(value) for value in map(get, JSON_COLUMNS)]
    unknown = record.keys() - _KNOWN
    extra = {key: record[key] for key in unknown} if unknown else None
    values += [_json(extra), seen_at, seen_at]
    return values


def _related_rows(url: str, related: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (url, position, *[_scalar(v) if isinstance(v, _CONTAINERS) else v for v in values])
        for position, values in enumerate(map(link.get, RELATED_COLUMNS) for link in related)
    ]


class Prepared(NamedTuple):
    """A record turned into its `articles` values and `related_links` rows, ready to write."""

    url: str
    values: list[Any]
    related: list[tuple[Any, ...]]


def prepare(record: Mapping[str, Any], *, seen_at: str) -> Prepared:
    """The rows for a record seen at `seen_at`; ValueError when it has no usable url."""
    values = _row_values(record, seen_at)
    url = values[_URL]
    if not isinstance(url, str) or not url:
        raise ValueError("an article record needs a non-empty string url")
    return Prepared(url, values, _related_rows(url, record.get("related") or ()))


def write(conn: sqlite3.Connection, rows: Prepared, *, fresh: bool = False) -> bool:
    """Insert or update prepared rows, replacing the related links; True when the url was new.

    Runs inside the caller's transaction: committing is the caller's choice. `fresh=True` is the
    caller's word that the database held no articles when its writes began: a plain insert is
    tried first, and the lookup and the related-links delete only follow a repeated url.
    """
    if fresh and _insert(conn, rows):
        return True
    values = rows.values
    old = conn.execute(_STORED_TEXT, (rows.url,)).fetchone()
    same_text = old is not None and old == (values[_HEADLINE], values[_BODY])
    conn.execute(_UPSERT_SAME_TEXT if same_text else _UPSERT, values)
    if old is not None:
        conn.execute("DELETE FROM related_links WHERE article_url = ?", (rows.url,))
    if rows.related:
        conn.executemany(_INSERT_RELATED, rows.related)
    return old is None


def _insert(conn: sqlite3.Connection, rows: Prepared) -> bool:
    """Insert the rows of a url believed new; False, writing nothing, when it is stored."""
    try:
        conn.execute(_INSERT, rows.values)
    except sqlite3.IntegrityError:  # a url written earlier in this run
        return False
    if rows.related:
        conn.executemany(_INSERT_RELATED, rows.related)
    return True


def defer_fts(conn: sqlite3.Connection) -> None:
    """Inside a transaction: leave the rows it inserts to `index_deferred` (schema v4)."""
    conn.execute(_DEFER_FTS)


def index_deferred(conn: sqlite3.Connection) -> None:
    """Index the rows left by `defer_fts` in one FTS5 statement; call it right before COMMIT."""
    conn.execute(_INDEX_DEFERRED)
    conn.execute("UPDATE articles_fts_defer SET above_id = NULL")


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
