"""The LSH band index of the story store: candidate stories for a copy, and their verification."""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from itertools import chain, repeat

from newscrawler.text.minhash import jaccard_estimate

# A copy this close needs no better candidate (distinct stories stay far below it).
SURE_MATCH = 0.5
# Verification reads at most this many candidate stories, this many latest copies each: the
# cost per item stays bounded however many similar stories or copies the store holds.
MAX_CANDIDATES = 8
MAX_COPIES_CHECKED = 8
# Stories kept per band key. Text shared by many stories (a stock sentence) makes a few keys
# common to hundreds of stories, a read that grew with the corpus; such a key keeps its newest
# stories only (copies arrive soon after the original) and the other bands find the rest.
BUCKET_STORIES = 8


def buckets(db: sqlite3.Connection, keys: list[int]) -> dict[int, list[int]]:
    """The stories held under each of these band keys (at most BUCKET_STORIES each)."""
    found: dict[int, list[int]] = {}
    if keys:
        rows = db.execute(
            f"SELECT key, story FROM bands WHERE key IN ({','.join('?' * len(keys))})", keys
        )
        for key, number in rows:
            found.setdefault(key, []).append(number)
    return found


def index(
    db: sqlite3.Connection, keys: list[int], number: int, buckets: dict[int, list[int]]
) -> None:
    """Add the keys the story lacks (a close copy adds few); a full key drops its oldest."""
    new = [key for key in keys if number not in buckets.get(key, ())]
    full = [key for key in new if len(buckets.get(key, ())) >= BUCKET_STORIES]
    evicted = [(key, min(buckets[key])) for key in full]
    db.executemany("DELETE FROM bands WHERE key = ? AND story = ?", evicted)
    db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", zip(new, repeat(number)))


def best_story(
    db: sqlite3.Connection, signature: array[int], buckets: dict[int, list[int]], threshold: float
) -> int | None:
    """The candidate story whose closest copy is at least `threshold` similar, if any."""
    shared = Counter(chain.from_iterable(buckets.values()))
    # Stories sharing the most bands first (newest on a tie); the rest rarely pass.
    ranked = sorted(shared, key=lambda number: (shared[number], number), reverse=True)
    best, best_score = None, threshold
    # Signatures are read per candidate, best first, and not at all once one is sure.
    for number in ranked[:MAX_CANDIDATES]:
        score = max(map(jaccard_estimate, repeat(signature), _signatures(db, number)))
        if score >= best_score:
            best, best_score = number, score
        if best_score >= SURE_MATCH:
            break
    return best


def _signatures(db: sqlite3.Connection, number: int) -> list[bytes]:
    """The story's latest copies' signatures (a bounded number), as stored."""
    rows = db.execute(
        "SELECT signature FROM signatures WHERE story = ? ORDER BY copy DESC LIMIT ?",
        (number, MAX_COPIES_CHECKED),
    )
    return [blob for (blob,) in rows]
