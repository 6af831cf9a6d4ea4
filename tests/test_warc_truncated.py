"""A WARC cut inside a record (or a gzip member) is reported as cut, never replayed as whole."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from newscrawler.spiders.warcfile import ARCHIVE_ERRORS, DETAIL_CHARS, ArchiveCut, WarcReader, short
from tests.support.crawl import read_jsonl, run_scrapy
from tests.support.warcs import response, sample_articles

PAGES = sample_articles()[:3]
URLS = [url for url, _ in PAGES]
GZIP_HEADER = gzip.compress(b"")[:10]


def build(compress: bool) -> tuple[bytes, list[int]]:
    """Three response records; the archive and each record's start offset."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    starts = []
    for url, html in PAGES:
        starts.append(out.tell())
        response(writer, url, html)
    return out.getvalue(), starts


def replay(data: bytes) -> tuple[list[str], Exception | None]:
    """URLs of the records read whole, and what ended the file early, if anything."""
    whole: list[str] = []
    reader = WarcReader(io.BytesIO(data))
    try:
        for record in reader.records():
            record.content_stream().read()
            reader.ensure_complete(record)
            whole.append(record.rec_headers.get_header("WARC-Target-URI"))
    except (ArchiveCut, *ARCHIVE_ERRORS) as error:
        return whole, error
    return whole, None


def cut_of(data: bytes) -> tuple[list[str], ArchiveCut]:
    whole, error = replay(data)
    assert isinstance(error, ArchiveCut), error
    return whole, error


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_whole_archive_reads_every_record(compress: bool) -> None:
    data, _ = build(compress)
    assert replay(data) == (URLS, None)


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_cut_inside_a_record_payload_ends_the_file_at_that_record(compress: bool) -> None:
    data, starts = build(compress)
    whole, cut = cut_of(data[: (starts[1] + starts[2]) // 2])  # halfway through the 2nd page
    assert whole == URLS[:1]
    assert (cut.uri, cut.offset) == (URLS[1], starts[1])
    got, declared = (int(n) for n in cut.detail.removesuffix(" bytes declared").split(" of "))
    assert 0 < got < declared


def test_a_gzip_member_cut_after_its_record_is_still_a_cut() -> None:
    data, _ = build(compress=True)
    whole, cut = cut_of(data[:-4])  # the last member's gzip trailer (its length) is missing
    assert whole == URLS  # every record is whole: they stay exported
    assert cut.uri is None
    assert "gzip member" in cut.detail


def test_corrupt_deflate_data_inside_a_record_is_a_cut() -> None:
    data, starts = build(compress=True)
    middle = (starts[1] + starts[2]) // 2
    whole, cut = cut_of(data[:middle] + b"\xff" * 64 + data[middle + 64 :])  # zlib refuses
    assert whole == URLS[:1]
    assert cut.offset == starts[1]


def test_a_gzip_header_then_garbage_is_a_cut_with_a_short_one_line_detail() -> None:
    whole, cut = cut_of(GZIP_HEADER + bytes(range(256)) * 8)
    assert whole == []
    assert cut.offset == 0
    assert len(cut.detail) < DETAIL_CHARS + 40
    assert "\n" not in cut.detail


def test_a_gzip_header_alone_is_a_cut_and_an_empty_file_is_not() -> None:
    assert cut_of(GZIP_HEADER)[0] == []
    assert replay(b"") == ([], None)


@pytest.mark.parametrize("into", [10, 100, 200])
def test_a_gzip_file_cut_inside_record_headers_is_a_cut(into: int) -> None:
    data, starts = build(compress=True)
    whole, cut = cut_of(data[: starts[2] + into])
    assert whole == URLS[:2]
    assert cut.offset == starts[2]


@pytest.mark.parametrize("into", [10, 100, 200])
def test_a_plain_file_cut_inside_record_headers_stays_unreadable(into: int) -> None:
    # As docs/reliability.md has it: counted `warc_unreadable`, the records before it kept.
    data, starts = build(compress=False)
    whole, error = replay(data[: starts[2] + into])
    assert whole == URLS[:2]
    assert isinstance(error, ARCHIVE_ERRORS), error


def test_short_cuts_long_messages_only() -> None:
    assert short(zlib.error("bad data")) == "error: bad data"
    assert short(ValueError("  two\n    lines\n")) == "ValueError: two lines"
    assert len(short(ValueError("x" * 5000))) == len("ValueError: ") + DETAIL_CHARS + 3


@pytest.mark.slow
def test_a_cut_warc_gz_is_lost_and_only_whole_records_are_exported(tmp_path: Path) -> None:
    data, starts = build(compress=True)
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(data[: (starts[2] + len(data)) // 2])  # inside the 3rd record's page
    out = tmp_path / "out.jsonl"
    result = run_scrapy("crawl", "warc", "-a", f"path={warc}", "-O", str(out))
    log = result.stderr
    assert sorted(r["url"] for r in read_jsonl(out)) == sorted(URLS[:2])
    assert result.returncode == 6, log[-3000:]  # LOST
    assert "Run verdict LOST" in log
    assert "Run report: OK" not in log
    warnings = [line for line in log.splitlines() if "WARNING: Skipped (warc_truncated)" in line]
    assert len(warnings) == 1, warnings
    assert str(warc) in warnings[0]
    assert URLS[2] in warnings[0]
    assert "Traceback" not in log
