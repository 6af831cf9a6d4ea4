"""Appending to a feed file: JSON Lines after a cut last line, never a second JSON/XML document."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from typing import IO, TYPE_CHECKING, Any

from newscrawler.feeds.jsonlines import JSONL_FORMATS
from newscrawler.feeds.locking import FeedOpenError

if TYPE_CHECKING:
    from pathlib import Path

    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

UNTERMINATED_KEY = "newscrawler/feeds/unterminated_line"
UNTERMINATED = (
    "Feed %s ends in a line without a newline (a cut write or another tool's file): "
    "a newline is added so new records start on their own line; that last line is kept as is"
)


def appends_lines(feed_options: dict[str, Any]) -> bool:
    """Whether a feed with these options appends JSON Lines bytes straight to its file."""
    encoding = feed_options.get("encoding") or "utf-8"
    try:
        # UTF-16/32 lines do not end in the byte b"\n": leave those files alone.
        one_byte = "\n".encode(encoding) == b"\n"
    except LookupError:
        return False
    # gzip (postprocessing) appends a new compressed member: a raw newline would corrupt it.
    return (
        feed_options.get("format") in JSONL_FORMATS
        and not feed_options.get("overwrite")
        and not feed_options.get("postprocessing")
        and one_byte
    )


def end_last_line(file: IO[bytes], path: Path, stats: StatsCollector | None) -> None:
    """Write a newline to `file`, just opened to append, when its last line has none.

    A file cut by a full disk or a killed writer, or written by another tool, may end mid-line:
    the first new record would be glued onto that line and neither would parse, though the
    record counted as exported and was remembered. The partial line is the user's: kept.
    """
    if not _ends_mid_line(file, path):
        return
    logger.warning(UNTERMINATED, path)
    try:
        # Straight to the descriptor: a newline left in the buffer could be written after records.
        file.flush()
        os.write(file.fileno(), b"\n")
    except OSError as error:  # a full disk already: without the newline, records would glue
        with contextlib.suppress(OSError):
            file.close()
        raise FeedOpenError(f"{path}: {error.strerror or error}") from error
    if stats is not None:
        stats.inc_value(UNTERMINATED_KEY)


def _ends_mid_line(file: IO[bytes], path: Path) -> bool:
    try:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size == 0:
            return False  # a FIFO or /dev/null has no last line to read back
        # The feed's own descriptor is write-only ("ab"); we hold its lock, so nobody else writes.
        with path.open("rb") as reader:
            reader.seek(info.st_size - 1)
            return reader.read(1) != b"\n"
    except OSError as error:  # unreadable (a write-only file): appended to as before
        logger.debug("Feed %s: last line not checked: %s", path, error)
        return False


# Formats whose file is one document: a second run's `-o` appends a second array or root
# element, and the file no longer parses (`json.load`: "Extra data").
ONE_DOCUMENT_FORMATS = ("json", "xml")


def one_document(feed_options: dict[str, Any]) -> str:
    """The format when this feed appends (`-o`) to a one-document file (JSON, XML), else ""."""
    fmt = str(feed_options.get("format") or "")
    if fmt in ONE_DOCUMENT_FORMATS and not feed_options.get("overwrite"):
        return fmt
    return ""


def refuse_second_document(path: Path, fmt: str) -> None:
    """FeedOpenError when `-o` would append a second document to a non-empty file."""
    with contextlib.suppress(OSError):
        info = os.stat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size:
            raise FeedOpenError(
                f"{path} already holds a {fmt.upper()} document and -o would append a second "
                f"one, which no reader parses; use -O to replace it, or a .jsonl feed to add to it"
            )
