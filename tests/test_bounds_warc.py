"""WARC replay survives bad and huge records: each is skipped and counted, the rest replayed."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from warcio.warcwriter import WARCWriter

from tests.support.crawl import crawl_stats, read_jsonl, run_scrapy
from tests.support.warcs import Repeated, not_http, response, sample_articles

pytestmark = pytest.mark.slow
HUGE = 64 * 1024 * 1024  # over the 4 MiB page cap, so refused from its headers


def build(folder: Path) -> list[str]:
    """Three archives with every kind of bad record between good ones; the good records' URLs."""
    pages = sample_articles()
    with (folder / "a.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        response(writer, *pages[0])
        response(writer, pages[1][0], pages[1][1], status="abc OK")
        response(writer, pages[2][0], pages[2][1], date="yesterday at noon")
        response(writer, "http://[oops/x", pages[3][1])
        out.write(gzip.compress(not_http("https://indialife.us/article/9")))
        response(writer, "https://indialife.us/huge", Repeated(HUGE), length=HUGE)
        response(writer, *pages[4])
    with (folder / "b.warc").open("wb") as out:
        response(WARCWriter(out, gzip=False), *pages[5])
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target")  # cut in its headers
    with (folder / "c.warc.gz").open("wb") as out:
        response(WARCWriter(out, gzip=True), *pages[6])
    return [pages[i][0] for i in (0, 4, 5, 6)]


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("warcs")
    good = build(folder)
    out = folder / "out.jsonl"
    result = run_scrapy("crawl", "warc", "-a", f"path={folder}", "-O", str(out))
    records = read_jsonl(out) if out.exists() else []
    return {"good": good, "result": result, "stats": crawl_stats(result.stderr), "records": records}


def test_every_good_record_is_replayed_in_every_file(replay: dict[str, Any]) -> None:
    # The truncated plain .warc lost what followed its break: LOST (exit 6), never OK
    assert replay["result"].returncode == 6, replay["result"].stderr[-3000:]
    assert "Run verdict LOST" in replay["result"].stderr
    assert replay["stats"]["newscrawler/lost/warc_unreadable"] == 1
    assert sorted(r["url"] for r in replay["records"]) == sorted(replay["good"])
    assert replay["stats"]["finish_reason"] == "finished"


def test_bad_records_are_skipped_and_counted_without_a_traceback(replay: dict[str, Any]) -> None:
    stats, log = replay["stats"], replay["result"].stderr
    assert log.count("Traceback") == 0, log[-3000:]
    assert stats["newscrawler/skipped/warc_bad_record"] == 4  # status, date, URI, not HTTP
    assert stats["newscrawler/skipped/warc_record_too_large"] == 1
    assert stats["newscrawler/skipped/warc_unreadable"] == 1  # the truncated plain .warc
    warnings = [line for line in log.splitlines() if "WARNING: Skipped (warc_" in line]
    assert len(warnings) == 6, warnings
