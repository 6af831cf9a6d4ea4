"""A batch of article records written in one SQLite transaction; an item it refuses goes alone."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from newscrawler.stores import sqlstore

# (record, seen_at) pairs, in the order the feed got them.
Batch = list[tuple[dict[str, Any], str]]
# What one item's values can raise in sqlite3 (a lone surrogate, an int over 64 bits, a type it
# cannot bind, no url): that item is left out. Anything else (a full disk) fails the batch.
ITEM_ERRORS = (ValueError, TypeError, OverflowError, sqlite3.InterfaceError)


def write_batch(
    conn: sqlite3.Connection,
    batch: Batch,
    *,
    fresh: bool,
    refused: Callable[[dict[str, Any], Exception], None],
) -> list[str]:
    """Write and commit the batch (a transaction is open); "inserted"/"updated" per record.

    A record SQLite refuses is handed to `refused` and left out; the others are written again
    without it, so one item never leaves half a record and never costs the others theirs.
    """
    while True:
        sqlstore.defer_fts(conn)
        events, bad = _write_all(conn, batch, fresh=fresh)
        if not bad:
            break
        conn.execute("ROLLBACK")  # its first rows may be written already
        for index, error in bad:
            refused(batch[index][0], error)
        left_out = {index for index, _ in bad}
        batch = [entry for index, entry in enumerate(batch) if index not in left_out]
        conn.execute("BEGIN")
    sqlstore.index_deferred(conn)
    conn.execute("COMMIT")
    return events


def _write_all(
    conn: sqlite3.Connection, batch: Batch, *, fresh: bool
) -> tuple[list[str], list[tuple[int, Exception]]]:
    events: list[str] = []
    bad: list[tuple[int, Exception]] = []
    for index, (record, seen_at) in enumerate(batch):
        try:
            rows = sqlstore.prepare(record, seen_at=seen_at)
            inserted = sqlstore.write(conn, rows, fresh=fresh)
        except ITEM_ERRORS as error:
            bad.append((index, error))
        else:
            events.append("inserted" if inserted else "updated")
    return events, bad
