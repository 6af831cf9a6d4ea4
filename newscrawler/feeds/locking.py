"""One writer at a time per feed file: an exclusive flock, held from open until the feed closes."""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path
from typing import IO

LOCKED = (
    "{path} is being written by another crawl: one writer at a time per {kind}. "
    "Run this crawl when that one has finished, or give it another feed path"
)


class FeedOpenError(Exception):
    """A feed that cannot be opened or written: the crawl stops before its first request."""


def lock(fd: int, path: Path, kind: str = "feed file") -> None:
    """Take the exclusive flock of `fd`; FeedOpenError when another crawl holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        raise FeedOpenError(LOCKED.format(path=path, kind=kind)) from error


def hold(path: Path, kind: str = "feed file") -> int | None:
    """A locked descriptor on `path` if it is a regular file already; creates nothing."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    except FileNotFoundError:
        return None  # nobody writes a file that is not there; open() creates and locks it
    return _locked(fd, path, kind)


def open_locked(path: Path, *, overwrite: bool, held: int | None = None) -> IO[bytes]:
    """`path` opened as FileFeedStorage does ("wb" or "ab"), once this process holds its lock.

    `wb` empties the file only with the lock held, so a second crawl's `-O` never truncates a
    file another crawl is writing (before: the first crawl's records vanished, though it
    counted them exported). `held` is a descriptor `hold` already locked.
    """

    def opener(name: str, flags: int) -> int:
        fd = held if held is not None else _locked(os.open(name, flags & ~os.O_TRUNC, 0o666), path)
        if flags & os.O_TRUNC and _regular(fd):
            os.ftruncate(fd, 0)
        return fd

    return open(path, "wb" if overwrite else "ab", opener=opener)  # noqa: SIM115 - the feed's file


def _locked(fd: int, path: Path, kind: str = "feed file") -> int:
    try:
        if _regular(fd):  # /dev/null or a FIFO may have many writers: no lock for them
            lock(fd, path, kind)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _regular(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)
