"""Persistent story index: LSH bands, stories and their copies in plain SQLite (no Scrapy)."""

from __future__ import annotations

import hashlib
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newscrawler.stores import storybands as bands
from newscrawler.stores.storyschema import StoreMismatch, open_index
from newscrawler.text.syndication import (
    DEFAULT_PARAMS,
    Copy,
    MinHashParams,
    band_keys,
    earliest,
    is_agency_site,
    replaces_original,
)

__all__ = ["Assignment", "StoreMismatch", "StoryStore"]

# Estimated Jaccard of 6-word shingle sets at or above which two bodies are one story. Measured
# on tests/support/syndication_fixtures.py (200 seeds): a copy's closest sibling is >= 0.52 in
# 99.9% of cases (worst 0.34); distinct stories on one topic are <= 0.21 in 99.99% of pairs
# (worst 0.25).
DEFAULT_THRESHOLD = 0.28
# A batch is committed after this many copies or this many seconds, whichever comes first, and on
# close. One commit per copy cost more than the lookup itself; a SIGKILL loses at most the open
# batch (those copies' later siblings then start a new story). The batch holds the write lock:
# a second job sharing the file waits at most this long (statefile.BUSY_TIMEOUT_S allows 30 s).
DEFAULT_COMMIT_EVERY = 100
DEFAULT_COMMIT_SECONDS = 1.0


@dataclass(frozen=True)
class Assignment:
    """What was known when the copy arrived; later copies may change the story's original."""

    story_id: str
    copies: int
    is_original: bool
    status: str  # "new", "matched" or "revisited" (the URL was assigned before)


@dataclass(frozen=True)
class _Story:
    id: int
    story_id: str
    copies: int
    agency: str | None
    original: Copy
    first_published_at: str | None


class StoryStore:
    """Assigns copies to stories; the band index lives in SQLite, so memory stays flat.

    Lookup and insert share one BEGIN IMMEDIATE transaction (committed every `commit_every`
    copies or `commit_seconds`, and on close): two jobs sharing the file cannot both open a
    story for one text. `clock` (seconds, monotonic) is injectable for tests.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        params: MinHashParams = DEFAULT_PARAMS,
        threshold: float = DEFAULT_THRESHOLD,
        commit_every: int = DEFAULT_COMMIT_EVERY,
        commit_seconds: float = DEFAULT_COMMIT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.params, self.threshold = params, threshold
        self.commit_every, self.commit_seconds = max(1, commit_every), commit_seconds
        self._clock, self._began, self.pending = clock, 0.0, 0
        self.db = open_index(path, params)

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
        self._begin()
        # A savepoint per copy: a failure undoes this copy only, not the batch before it.
        self.db.execute("SAVEPOINT assign")
        try:
            result = self._assign(Copy(url, source, published_at), signature, agency)
        except BaseException:
            self.db.execute("ROLLBACK TO assign")
            raise
        finally:
            self.db.execute("RELEASE assign")
        self.pending += 1
        if self.pending >= self.commit_every or self.age() >= self.commit_seconds:
            self.commit()
        return result

    def age(self) -> float:
        """Seconds since the open batch began (0 when none is open)."""
        return self._clock() - self._began if self.db.in_transaction else 0.0

    def commit(self) -> None:
        """End the write transaction; the pipeline also calls this when the spider closes."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.pending = 0

    def _begin(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self._began = self._clock()

    def _assign(self, new: Copy, signature: array[int], agency: str | None) -> Assignment:
        known = self.db.execute("SELECT story FROM copies WHERE url = ?", (new.url,)).fetchone()
        if known:
            return self._revisit(self._story(known[0]), new, agency)
        keys = band_keys(signature, self.params)
        buckets = bands.buckets(self.db, keys)
        number = bands.best_story(self.db, signature, buckets, self.threshold)
        if number is None:
            number, result = self._open_story(new, agency)
        else:
            result = self._join(self._story(number), new, agency)
        copy = self.db.execute(
            "INSERT INTO copies (url, story, source, published_at) VALUES (?, ?, ?, ?)",
            (new.url, number, new.source, new.published_at),
        ).lastrowid
        self.db.execute(
            "INSERT INTO signatures VALUES (?, ?, ?)", (number, copy, signature.tobytes())
        )
        bands.index(self.db, keys, number, buckets)
        return result

    def _revisit(self, story: _Story, new: Copy, agency: str | None) -> Assignment:
        agency = story.agency or agency
        is_original = story.original.url == new.url or is_agency_site(new.source, agency)
        return Assignment(story.story_id, story.copies, is_original, "revisited")

    def _open_story(self, new: Copy, agency: str | None) -> tuple[int, Assignment]:
        story_id = hashlib.sha1(new.url.encode()).hexdigest()[:16]
        number = self.db.execute(
            "INSERT INTO stories (story_id, first_url, agency, first_published_at, copies,"
            " original_url, original_source, original_published_at)"
            " VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
            (story_id, new.url, agency, new.published_at, new.url, new.source, new.published_at),
        ).lastrowid
        assert number is not None  # an INSERT always sets it
        return number, Assignment(story_id, 1, True, "new")

    def _join(self, story: _Story, new: Copy, agency: str | None) -> Assignment:
        agency = story.agency or agency
        original = new if replaces_original(new, story.original, agency) else story.original
        self.db.execute(
            "UPDATE stories SET copies = ?, agency = ?, first_published_at = ?, original_url = ?,"
            " original_source = ?, original_published_at = ? WHERE id = ?",
            (
                story.copies + 1,
                agency,
                earliest(story.first_published_at, new.published_at),
                *(original.url, original.source, original.published_at),
                story.id,
            ),
        )
        is_original = original is new or is_agency_site(new.source, agency)
        return Assignment(story.story_id, story.copies + 1, is_original, "matched")

    def _story(self, number: int) -> _Story:
        row = self.db.execute(
            "SELECT story_id, copies, agency, original_url, original_source,"
            " original_published_at, first_published_at FROM stories WHERE id = ?",
            (number,),
        ).fetchone()
        return _Story(number, row[0], row[1], row[2], Copy(*row[3:6]), row[6])

    def counts(self) -> tuple[int, int]:
        """How many stories and copies the store holds."""
        stories = self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        copies = self.db.execute("SELECT COUNT(*) FROM copies").fetchone()[0]
        return int(stories), int(copies)

    def close(self) -> None:
        self.commit()
        self.db.close()
