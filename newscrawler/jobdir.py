"""A JOBDIR's running mark: one crawl at a time, and a killed crawl's state never resumed.

A killed crawl leaves its JOBDIR inconsistent: Scrapy's duplicate filter appended each
request's fingerprint as it was queued (flushed every 8 KiB), while the queue's index
(`active.json`) is written only at a clean stop. Resumed, every request of the lost queue is
"seen" and never fetched, the start sitemap included: measured, 600 articles, killed after 10,
the resumed run fetched nothing and said OK. A crawl that finished leaves fingerprints that
filter the next run's sitemaps just the same (0 pages, OK).

So a crawl holds a locked mark file in JOBDIR while it runs. The kernel drops the lock of a
killed crawl but the file stays: the next crawl finds it, discards the queue and fingerprints
and starts afresh (the seen-store, on by default, skips what was exported). A crawl still
running holds the lock: a second one on its JOBDIR would tear its queue, and is refused.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

from newscrawler.exceptions import ConfigError

RUNNING_MARK = "newscrawler.running"
JOB_STATE = ("requests.seen", "requests.queue")  # Scrapy's duplicate filter and disk queue


def take(jobdir: str) -> tuple[int, bool]:
    """The locked descriptor of `jobdir`'s mark, and whether a crawl that never stopped left it.

    ConfigError when another crawl holds the mark (`check_free` said so before the crawl
    started, with one line; this is the race after it).
    """
    path = Path(jobdir, RUNNING_MARK)
    Path(jobdir).mkdir(parents=True, exist_ok=True)
    left = path.exists()
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        _lock(fd, jobdir)
    except ConfigError:
        os.close(fd)
        raise
    return fd, left


def check_free(jobdir: str) -> None:
    """ConfigError if a running crawl holds `jobdir`'s mark (checked before a crawl starts)."""
    try:
        fd = os.open(Path(jobdir, RUNNING_MARK), os.O_RDWR)
    except FileNotFoundError:
        return  # a running crawl always has its mark: nobody runs there
    try:
        _lock(fd, jobdir)
    finally:
        os.close(fd)  # closing drops the lock taken to test it


def _lock(fd: int, jobdir: str) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        raise ConfigError(
            f"JOBDIR {jobdir} is in use by another crawl; give each crawl its own JOBDIR"
        ) from error


def release(jobdir: str, fd: int) -> None:
    """Remove the mark (this crawl stopped cleanly), then let go of its lock."""
    Path(jobdir, RUNNING_MARK).unlink(missing_ok=True)
    os.close(fd)


def discard_state(jobdir: str) -> None:
    """Remove Scrapy's queue and fingerprints from `jobdir`."""
    for name in JOB_STATE:
        path = Path(jobdir, name)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
