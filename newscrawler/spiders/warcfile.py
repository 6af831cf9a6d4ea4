"""Reading WARC files record by record, and telling a whole archive from a cut one (no Scrapy)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# What a broken archive raises while being iterated (truncated headers in a plain .warc raise
# AttributeError inside warcio, a cut .warc.gz EOFError or zlib.error).
ARCHIVE_ERRORS = (ArchiveLoadFailed, AttributeError, ValueError, EOFError, OSError, zlib.error)
# What one malformed record raises in warcio or in building its response (bad status, date,
# URI, a payload that is not HTTP); the archive itself is still readable after it.
RECORD_ERRORS = (
    ValueError, TypeError, KeyError, AttributeError, IndexError, UnicodeError, zlib.error,
)  # fmt: skip
# warcio's exception texts quote the bytes it choked on: a garbage file would flood the log line.
DETAIL_CHARS = 200
DRAIN_BYTES = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"


def warc_files(path: Path) -> list[Path]:
    """The WARC files at `path`: the file itself, or every WARC below a directory, sorted."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(WARC_SUFFIXES))


def short(error: BaseException) -> str:
    """`Type: message` on one line, the message cut to DETAIL_CHARS."""
    text = " ".join(str(error).split())  # warcio's messages span lines
    if len(text) > DETAIL_CHARS:
        text = text[:DETAIL_CHARS] + "..."
    return f"{type(error).__name__}: {text}"


class RecordTooLarge(ValueError):
    """The record's payload is over the page-size cap."""


def record_length(record: Any) -> int:
    """The record's declared Content-Length (0 when absent); ValueError when not a number."""
    return int(record.rec_headers.get_header("Content-Length") or 0)


class ArchiveCut(Exception):
    """The archive ends inside a record or a gzip member: that record and all after it are lost."""

    def __init__(self, offset: int, uri: str | None, detail: str) -> None:
        super().__init__(detail)
        self.offset, self.uri, self.detail = offset, uri, detail


class HeadersCut(ArchiveLoadFailed):  # type: ignore[misc]  # warcio is untyped
    """A plain archive ends inside a record's headers: unreadable there, like warcio's errors."""


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, remembering whether the last gzip member reached its end."""

    member_cut = False

    def close(self) -> None:
        # warcio ends quietly when the file stops inside a gzip member (or its deflate data is
        # corrupt: it prints the zlib error and reads on as if at the end): only the
        # decompressor knows. An empty file never fed it, and is no cut archive.
        decompressor = self.reader.decompressor if self.reader else None
        if decompressor is not None and not decompressor.eof and self.fh.tell() > 0:
            self.member_cut = True
        super().close()


class WarcReader:
    """The records of one open WARC file, compressed or not, each checked to be whole.

    A cut inside a record's payload, and any cut or corruption of a gzip file, raise
    ArchiveCut. A plain file cut inside record headers raises ARCHIVE_ERRORS (HeadersCut, or
    warcio's own), as it always did (docs/reliability.md).
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.gzipped = stream.read(2) == GZIP_MAGIC
        stream.seek(0)
        self.offset = 0  # where the current record starts (in the compressed file)

    def records(self) -> Iterator[Any]:
        """The records; read each, then call `ensure_complete` before trusting it."""
        records = _Records(self.stream)
        try:
            for record in records:
                self.offset = records.offset
                yield record
        except ARCHIVE_ERRORS as error:
            # In a gzip file this is a cut or corrupt member (warcio falls back to reading
            # the bytes as plain text and fails on them), never a whole archive.
            if self.gzipped:
                raise ArchiveCut(records.offset, None, short(error)) from error
            raise
        if records.member_cut:
            raise ArchiveCut(records.offset, None, "the file ends inside a gzip member")
        # warcio also ends quietly on a plain file cut early in a record's headers.
        if (left := self.stream.seek(0, 2) - records.offset) > 0 and not self.gzipped:
            raise HeadersCut(f"{left} bytes at offset {records.offset} are no whole record")

    def ensure_complete(self, record: Any) -> None:
        """Raise unless the current record holds all the bytes its Content-Length declares.

        Reads what is left of the record (what warcio would skip before the next one), so call
        it once its payload has been read as far as wanted.
        """
        raw, uri = record.raw_stream, record.rec_headers.get_header("WARC-Target-URI")
        offset = self.offset
        # warcio bounds a record by its Content-Length with a LimitReader: a record without
        # one is the start of headers cut before that line.
        if not isinstance(raw, LimitReader):
            detail = f"the record at offset {offset} has no Content-Length (cut headers)"
            raise ArchiveCut(offset, uri, detail) if self.gzipped else HeadersCut(detail)
        while raw.read(DRAIN_BYTES):
            pass
        if raw.limit > 0:  # counted down by what was read: the file ended first
            declared = record_length(record)
            raise ArchiveCut(offset, uri, f"{declared - raw.limit} of {declared} bytes declared")
