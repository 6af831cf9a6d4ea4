"""SQLite schema for article records: connection settings and ordered forward migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from newscrawler.stores import statefile

# Columns holding one value each, in record order; `body`, the JSON columns and `related` differ.
SCALAR_COLUMNS = (
    "url",
    "crawled_at",
    "canonical_url",
    "source",
    "agency",
    "section",
    "headline",
    "summary",
    "published_at",
    "modified_at",
    "published_at_raw",
    "published_at_source",
    "language",
    "word_count",
    "content_hash",
    "story_id",
    "syndicated_copies",
    "is_original",
)
JSON_COLUMNS = ("authors", "dateline", "tags", "cleaning", "image")

# v1: articles + related links. `url` is the key (UNIQUE, the upsert target); `id` is an explicit
# INTEGER PRIMARY KEY because FTS5 external content points at rowids and VACUUM may renumber
# implicit ones. `extra` keeps, as JSON, fields this schema has no column for.
_V1 = (
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE, crawled_at TEXT, canonical_url TEXT, source TEXT, agency TEXT,
        section TEXT, headline TEXT, summary TEXT, published_at TEXT, modified_at TEXT,
        published_at_raw TEXT, published_at_source TEXT, language TEXT, word_count INTEGER,
        content_hash TEXT, body TEXT, authors TEXT, dateline TEXT, tags TEXT, cleaning TEXT,
        extra TEXT, first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL)""",
    """CREATE TABLE related_links (
        article_url TEXT NOT NULL, position INTEGER NOT NULL, title TEXT, url TEXT, age TEXT,
        published_at TEXT, PRIMARY KEY (article_url, position))""",
    "CREATE INDEX articles_published_at ON articles (published_at)",
)
# v2: full-text search over headline and body, kept in sync by triggers, filled from existing rows.
_V2 = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, body, content='articles', content_rowid='id')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, headline, body) VALUES (new.id, new.headline, new.body);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
        INSERT INTO articles_fts (rowid, headline, body) VALUES (new.id, new.headline, new.body);
    END""",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
)
# v3: the syndication fields get columns (and an index to list a story's copies); rows written
# by v2 kept them in `extra`, from where they are moved.
_V3 = (
    "ALTER TABLE articles ADD COLUMN story_id TEXT",
    "ALTER TABLE articles ADD COLUMN syndicated_copies INTEGER",
    "ALTER TABLE articles ADD COLUMN is_original INTEGER",
    """UPDATE articles SET story_id = json_extract(extra, '$.story_id'),
        syndicated_copies = json_extract(extra, '$.syndicated_copies'),
        is_original = json_extract(extra, '$.is_original'),
        extra = nullif(json_remove(extra, '$.story_id', '$.syndicated_copies', '$.is_original'),
                       '{}')
        WHERE extra IS NOT NULL""",
    "CREATE INDEX articles_story ON articles (story_id)",
)
# v4: FTS5 indexing per transaction. Each FTS5 insert made by a trigger flushes FTS5's pending
# terms into a new segment (a statement savepoint does), ~4x the cost of indexing a batch in one
# statement. A writer may set `above_id` to the largest id inside its transaction: the triggers
# then leave rows above it to the writer, which indexes them just before COMMIT and resets it to
# NULL. No other connection ever sees a non-NULL value, so their writes are indexed as before.
_V4 = (
    "CREATE TABLE articles_fts_defer (above_id INTEGER)",
    "INSERT INTO articles_fts_defer (above_id) VALUES (NULL)",
    "DROP TRIGGER articles_fts_insert",
    "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_update",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
    WHEN new.id <= coalesce((SELECT above_id FROM articles_fts_defer), new.id) BEGIN
        INSERT INTO articles_fts (rowid, headline, body) VALUES (new.id, new.headline, new.body);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
    WHEN old.id <= coalesce((SELECT above_id FROM articles_fts_defer), old.id) BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, body ON articles
    WHEN old.id <= coalesce((SELECT above_id FROM articles_fts_defer), old.id) BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, body)
        VALUES ('delete', old.id, old.headline, old.body);
        INSERT INTO articles_fts (rowid, headline, body) VALUES (new.id, new.headline, new.body);
    END""",
)
# v5: the lead image ({url, caption, credit}, JSON) gets a column; rows written by v4 with an
# `image` kept it in `extra`, from where it is moved.
_V5 = (
    "ALTER TABLE articles ADD COLUMN image TEXT",
    """UPDATE articles SET image = json_extract(extra, '$.image'),
        extra = nullif(json_remove(extra, '$.image'), '{}')
        WHERE extra IS NOT NULL AND json_extract(extra, '$.image') IS NOT NULL""",
)
# Append only: migration N brings a database from version N-1 to N. Never edit a released one.
MIGRATIONS: tuple[Sequence[str], ...] = (_V1, _V2, _V3, _V4, _V5)
LATEST_VERSION = len(MIGRATIONS)
CHECKPOINT_PAGES = 10_000  # SQLite's default is 1,000


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a database in autocommit mode with WAL and synchronous=NORMAL.

    Transactions are explicit (`BEGIN`/`COMMIT`), so the caller decides the commit interval. WAL
    keeps every committed transaction across a killed process; NORMAL risks only the last ones on
    power loss, never corruption.
    """
    # Another process may hold the write lock for a while: wait as the state stores do before
    # an item counts as lost
    conn = sqlite3.connect(path, isolation_level=None, timeout=statefile.BUSY_TIMEOUT_S)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    # A checkpoint copies WAL pages into the database and fsyncs; every ~40 MB of WAL instead of
    # 4 MB, hot index and FTS5 pages are copied once rather than many times (+16-40% items/s).
    conn.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The version a database is at; 0 when it has no schema yet (read-only safe)."""
    query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    if conn.execute(query).fetchone() is None:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply missing migrations up to `target`, one transaction each; return the version."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise ValueError(f"database schema v{current} is newer than this code (v{LATEST_VERSION})")
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return max(current, target)
