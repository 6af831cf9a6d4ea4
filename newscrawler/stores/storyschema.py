"""The story index's SQLite layout and pragmas; one file never mixes two layouts or parameters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newscrawler.stores import statefile
from newscrawler.text.minhash import MinHashParams

# Bump when a table changes: a file of another layout is refused, never silently mixed.
LAYOUT = "stories-v2"
# Integer story numbers (stories.id) key the big tables: an 8-byte band key plus a 1-3 byte
# story makes a ~20-byte index row, so the band index of 100k copies fits the page cache.
# Signatures are clustered by story (WITHOUT ROWID): a story's copies share a page or two, and
# live stories are the newest ids, so their pages stay cached.
SCHEMA = (
    "CREATE TABLE params (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        story_id TEXT NOT NULL UNIQUE,
        first_url TEXT NOT NULL,
        agency TEXT,
        first_published_at TEXT,
        copies INTEGER NOT NULL,
        original_url TEXT NOT NULL,
        original_source TEXT,
        original_published_at TEXT
    )""",
    """CREATE TABLE copies (
        url TEXT PRIMARY KEY,
        story INTEGER NOT NULL REFERENCES stories (id),
        source TEXT,
        published_at TEXT
    )""",
    "CREATE INDEX copies_by_story ON copies (story)",
    """CREATE TABLE signatures (
        story INTEGER NOT NULL,
        copy INTEGER NOT NULL,
        signature BLOB NOT NULL,
        PRIMARY KEY (story, copy)
    ) WITHOUT ROWID""",
    # The band number is folded into the key (text/minhash.py band_keys): one column suffices.
    "CREATE TABLE bands (key INTEGER NOT NULL, story INTEGER NOT NULL,"
    " PRIMARY KEY (key, story)) WITHOUT ROWID",
    """CREATE VIEW story_copies AS
        SELECT stories.story_id, url, source, published_at
        FROM copies JOIN stories ON stories.id = copies.story
        ORDER BY copies.story, copies.rowid""",
)
# SQLite's page cache bounds this process's memory; the index stays on disk. 64 MB holds the
# whole band index up to ~150k copies (benchmarks/syndication.py); past that, lookups slow down.
CACHE_KIB = 64 * 1024
# WAL pages copied back per checkpoint (default 1,000): index pages rewritten by many commits are
# copied once, for a WAL of up to ~40 MB.
WAL_CHECKPOINT_PAGES = 10_000


class StoreMismatch(ValueError):
    """The file holds a story index of another layout or other MinHash parameters."""


def open_index(path: str | Path, params: MinHashParams) -> sqlite3.Connection:
    """A connection to the index at `path`, created if new, refused if built otherwise."""
    statefile.check(path)  # one clear UnusableStateFile, not a sqlite3 error mid-crawl
    # Autocommit mode: the store's transactions are explicit BEGIN/COMMIT.
    db = sqlite3.connect(str(path), timeout=statefile.BUSY_TIMEOUT_S, isolation_level=None)
    # WAL + NORMAL: a killed process keeps every committed batch; only a power loss may drop the
    # last ones. Readers (reports, the view) never block the writer.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    try:
        _create_or_check(db, path, params)
    except BaseException:
        db.close()
        raise
    return db


def move_aside(path: str | Path) -> Path:
    """Rename an index this code cannot use, WAL files too, to a free `<name>.old[N]`."""
    path = Path(path)
    n = 0
    while (target := path.with_name(f"{path.name}.old{n or ''}")).exists():
        n += 1
    for suffix in ("", "-wal", "-shm"):
        if (source := Path(f"{path}{suffix}")).exists():
            source.rename(f"{target}{suffix}")
    return target


def _create_or_check(db: sqlite3.Connection, path: str | Path, params: MinHashParams) -> None:
    wanted = {"layout": LAYOUT, "minhash": params.describe()}
    # IMMEDIATE: two jobs opening a new file at once create the tables once.
    db.execute("BEGIN IMMEDIATE")
    try:
        stored = _stored(db)
        if stored is None:
            for statement in SCHEMA:
                db.execute(statement)
            db.executemany("INSERT INTO params VALUES (?, ?)", wanted.items())
        elif stored != wanted:
            raise StoreMismatch(_mismatch(path, stored, wanted))
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _stored(db: sqlite3.Connection) -> dict[str, str] | None:
    """The file's layout and parameters; None for a new file, {} for a pre-v2 one."""
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    if not tables:
        return None
    if "params" not in tables:
        return {}
    stored = dict(db.execute("SELECT name, value FROM params"))
    # stories-v1 files wrote no layout row; name them so the message says what they are.
    return {"layout": "stories-v1", **stored} if stored else {}


def _mismatch(path: str | Path, stored: dict[str, str], wanted: dict[str, str]) -> str:
    built = ", ".join(f"{name} {value!r}" for name, value in sorted(stored.items())) or "unknown"
    needed = ", ".join(f"{name} {value!r}" for name, value in sorted(wanted.items()))
    return (
        f"story store built with {built}, not {needed}: {path} cannot be mixed or converted"
        " (signatures depend on the parameters). Move it aside to start a new index, or set"
        " NEWSCRAWLER_STORIES_PATH to a new file."
    )
