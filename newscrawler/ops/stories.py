"""Persistent story index: LSH bands, stories and their copies in plain SQLite (no Scrapy)."""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from dataclasses import dataclass
from pathlib import Path

from newscrawler.text.syndication import (
    DEFAULT_PARAMS,
    Copy,
    MinHashParams,
    band_keys,
    earliest,
    is_agency_site,
    jaccard_estimate,
    replaces_original,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS params (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    story_id TEXT PRIMARY KEY,
    first_url TEXT NOT NULL,
    agency TEXT,
    first_published_at TEXT,
    copies INTEGER NOT NULL,
    original_url TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS copies (
    url TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (story_id),
    source TEXT,
    published_at TEXT,
    signature BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS copies_by_story ON copies (story_id);
CREATE TABLE IF NOT EXISTS bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (key, band, story_id)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS story_copies AS
    SELECT story_id, url, source, published_at FROM copies ORDER BY story_id, rowid;
"""
# Estimated Jaccard of 6-word shingle sets at or above which two bodies are one story. Measured on
# tests/syndication_fixtures.py (200 seeds): a copy's closest sibling is >= 0.52 in 99.9% of cases
# (worst 0.34); distinct stories on one topic are <= 0.21 in 99.99% of pairs (worst 0.25).
DEFAULT_THRESHOLD = 0.28
# A copy this close needs no better candidate (distinct stories stay far below it).
SURE_MATCH = 0.5
# Verification reads at most this many candidate stories, this many latest copies each: the
# cost per item stays bounded however many similar stories or copies the store holds.
MAX_CANDIDATES = 8
MAX_COPIES_CHECKED = 8
# Copies per transaction. A transaction holds the write lock until it commits, and a job may wait
# minutes between items: with 1, a second job sharing the file never waits long. Each copy
# rewrites ~85 random index pages, so a bulk replay with the file to itself may batch (100 saves
# ~1 ms per copy, measured with benchmarks/syndication.py).
DEFAULT_COMMIT_EVERY = 1
# SQLite's page cache (2 MB by default) bounds this process's memory; the index stays on disk.
CACHE_KIB = 32 * 1024
# WAL pages copied back per checkpoint (default 1,000): index pages rewritten by many commits are
# copied once; about 1.2 ms less per copy at 100k copies, for a WAL of up to ~40 MB.
WAL_CHECKPOINT_PAGES = 10_000
BUSY_TIMEOUT_S = 30.0  # two scrapyd jobs may share the store: wait for the other writer


@dataclass(frozen=True)
class Assignment:
    """What was known when the copy arrived; later copies may change the story's original."""

    story_id: str
    copies: int
    is_original: bool
    status: str  # "new", "matched" or "revisited" (the URL was assigned before)


class StoryStore:
    """Assigns copies to stories; the band index lives in SQLite, so memory stays flat.

    Lookup and insert share one BEGIN IMMEDIATE transaction (committed every `commit_every`
    copies and on close): two jobs sharing the file cannot both open a story for one text.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        params: MinHashParams = DEFAULT_PARAMS,
        threshold: float = DEFAULT_THRESHOLD,
        commit_every: int = DEFAULT_COMMIT_EVERY,
    ) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.params, self.threshold = params, threshold
        self.commit_every, self._pending = max(1, commit_every), 0
        # Autocommit mode: transactions are the explicit BEGIN/COMMIT in assign().
        self.db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        self.db.executescript(SCHEMA)
        self._check_params()

    def _check_params(self) -> None:
        """Signatures made with other parameters never match: refuse to mix them in one file."""
        wanted = self.params.describe()
        self.db.execute("INSERT OR IGNORE INTO params VALUES ('minhash', ?)", (wanted,))
        stored = self.db.execute("SELECT value FROM params WHERE name = 'minhash'").fetchone()[0]
        if stored != wanted:
            self.db.close()
            raise ValueError(f"story store built with {stored!r}, not {wanted!r}")

    def assign(
        self,
        url: str,
        signature: array[int],
        *,
        source: str | None = None,
        agency: str | None = None,
        published_at: str | None = None,
    ) -> Assignment:
        """The story of this copy: its old one if the URL is known, a match, or a new story."""
        new = Copy(url, source, published_at)
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
        # A savepoint per copy: a failure undoes this copy only, not the batch before it.
        self.db.execute("SAVEPOINT assign")
        try:
            known = self.db.execute("SELECT story_id FROM copies WHERE url = ?", (url,)).fetchone()
            if known:
                result = self._revisit(known[0], new, agency)
            else:
                result = self._add(new, signature, agency)
        except BaseException:
            self.db.execute("ROLLBACK TO assign")
            raise
        finally:
            self.db.execute("RELEASE assign")
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()
        return result

    def commit(self) -> None:
        """End the write transaction; the pipeline also calls this when the spider closes."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self._pending = 0

    def _revisit(self, story_id: str, new: Copy, agency: str | None) -> Assignment:
        story = self._story(story_id)
        agency = story.agency or agency
        is_original = story.original_url == new.url or is_agency_site(new.source, agency)
        return Assignment(story_id, story.copies, is_original, "revisited")

    def _add(self, new: Copy, signature: array[int], agency: str | None) -> Assignment:
        keys = band_keys(signature, self.params)
        story_id = self._best_story(signature, keys)
        if story_id is None:
            story_id = hashlib.sha1(new.url.encode()).hexdigest()[:16]
            self.db.execute(
                "INSERT INTO stories VALUES (?, ?, ?, ?, 1, ?)",
                (story_id, new.url, agency, new.published_at, new.url),
            )
            result = Assignment(story_id, 1, True, "new")
        else:
            result = self._join(self._story(story_id), new, agency)
        self.db.execute(
            "INSERT INTO copies VALUES (?, ?, ?, ?, ?)",
            (new.url, story_id, new.source, new.published_at, signature.tobytes()),
        )
        # A copy adds only band keys its story lacks: near-identical copies add few rows.
        self.db.executemany(
            "INSERT OR IGNORE INTO bands VALUES (?, ?, ?)",
            [(band, key, story_id) for band, key in enumerate(keys)],
        )
        return result

    def _join(self, story: _Story, new: Copy, agency: str | None) -> Assignment:
        agency = story.agency or agency
        row = self.db.execute(
            "SELECT source, published_at FROM copies WHERE url = ?", (story.original_url,)
        ).fetchone()
        wins = replaces_original(new, Copy(story.original_url, *row), agency)
        self.db.execute(
            "UPDATE stories SET copies = ?, agency = ?, original_url = ?, first_published_at = ?"
            " WHERE story_id = ?",
            (
                story.copies + 1,
                agency,
                new.url if wins else story.original_url,
                earliest(story.first_published_at, new.published_at),
                story.story_id,
            ),
        )
        is_original = wins or is_agency_site(new.source, agency)
        return Assignment(story.story_id, story.copies + 1, is_original, "matched")

    def _story(self, story_id: str) -> _Story:
        row = self.db.execute(
            "SELECT story_id, copies, agency, original_url, first_published_at FROM stories"
            " WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        return _Story(*row)

    def _best_story(self, signature: array[int], keys: list[int]) -> str | None:
        """The candidate story whose closest copy is at least `threshold` similar, if any."""
        if not keys:
            return None
        # Stories sharing the most bands first; the rest are unlikely to pass the threshold.
        rows = self.db.execute(
            f"SELECT story_id FROM bands WHERE key IN ({','.join('?' * len(keys))})"
            " GROUP BY story_id ORDER BY COUNT(*) DESC LIMIT ?",
            (*keys, MAX_CANDIDATES),
        ).fetchall()
        best, best_score = None, self.threshold
        for (story_id,) in rows:
            score = max(jaccard_estimate(signature, blob) for blob in self._signatures(story_id))
            if score >= best_score:
                best, best_score = story_id, score
            if best_score >= SURE_MATCH:
                break
        return best

    def _signatures(self, story_id: str) -> list[bytes]:
        """The story's latest copies' signatures (a bounded number), as stored."""
        rows = self.db.execute(
            "SELECT signature FROM copies WHERE story_id = ? ORDER BY rowid DESC LIMIT ?",
            (story_id, MAX_COPIES_CHECKED),
        )
        return [blob for (blob,) in rows]

    def counts(self) -> tuple[int, int]:
        """How many stories and copies the store holds."""
        stories = self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        copies = self.db.execute("SELECT COUNT(*) FROM copies").fetchone()[0]
        return int(stories), int(copies)

    def close(self) -> None:
        self.commit()
        self.db.close()


@dataclass(frozen=True)
class _Story:
    story_id: str
    copies: int
    agency: str | None
    original_url: str
    first_published_at: str | None
