"""Checks a SQLite state file (seen store, story index) before a store opens it (no Scrapy)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

MEMORY = ":memory:"
# How long a SQLite writer waits for another process's write lock (two scrapyd jobs sharing a
# store, a Datasette write on the feed database) before it gives up: one value for every file.
BUSY_TIMEOUT_S = 30.0
# A store's WAL mode creates `-wal` and `-shm` files beside the database: its folder must be
# writable, not only the file.
WRITABLE = os.R_OK | os.W_OK | os.X_OK
NOT_SQLITE = ("SQLITE_NOTADB", "SQLITE_CORRUPT")
BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")


class UnusableStateFile(ValueError):
    """A state file no store can use: `problem` says what is wrong, `fix` (maybe "") what to do."""

    def __init__(self, path: str | Path, problem: str, fix: str = "") -> None:
        self.path, self.problem, self.fix = str(path), problem, fix
        super().__init__(f"{self.path!r} {problem}" + (f"; {fix}" if fix else ""))


def check(path: str | Path) -> None:
    """Create the file's folder if missing; refuse a file that cannot be read and written as SQLite.

    Only reads the file: one that is not SQLite is refused, never replaced or moved.
    """
    if str(path) == MEMORY:
        return
    path = Path(path)
    _check_folder(path)
    if path.is_dir():
        raise UnusableStateFile(path, "is a directory, not a SQLite file", "move it aside")
    if path.exists():
        _check_file(path)


def _check_folder(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UnusableStateFile(path, f"cannot be created (folder '{folder}': {reason})") from None
    if not os.access(folder, WRITABLE):
        problem = f"cannot be written: this user cannot write its folder '{folder}'"
        raise UnusableStateFile(path, problem, "make the folder writable")


def _check_file(path: Path) -> None:
    if not os.access(path, os.R_OK | os.W_OK):
        problem = "cannot be written: this user cannot read and write it"
        raise UnusableStateFile(path, problem, "make it writable")
    try:
        # Reading the schema reads the header: a file that is not SQLite fails here. No wait
        # for a lock: a busy file is SQLite.
        with closing(sqlite3.connect(path, timeout=0)) as db:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name in BUSY:
            return  # another crawl is writing it: the store waits for its turn
        what = "is not" if name in NOT_SQLITE else "cannot be opened as"
        raise UnusableStateFile(
            path, f"{what} a SQLite database ({exc})", "move it aside"
        ) from None
