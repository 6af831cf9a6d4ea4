"""The bundled sample WARC matches the sample pages and manifest byte for byte."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
REBUILD = "rebuild with: python scripts/build_sample_warc.py"


def manifest() -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = json.loads((SAMPLES / "manifest.json").read_text("utf-8"))[
        "pages"
    ]
    return pages


def responses() -> list[tuple[dict[str, str], dict[str, str], bytes]]:
    """(WARC headers, HTTP headers, payload) of every response record, in file order."""
    out = []
    with (SAMPLES / "sample.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            warc = dict(record.rec_headers.headers)
            http = dict(record.http_headers.headers)
            out.append((warc, http, record.content_stream().read()))
    return out


def test_manifest_lists_6_to_8_pages_that_exist() -> None:
    pages = manifest()
    assert 6 <= len(pages) <= 8
    assert len({p["url"] for p in pages}) == len(pages)
    for page in pages:
        assert (SAMPLES / page["file"]).is_file(), page["file"]
        assert page["url"].startswith("https://")
        assert page["fetched_at"].endswith("Z")
    assert {p["kind"] for p in pages} == {"article", "section"}


def test_one_response_per_manifest_entry() -> None:
    pages, records = manifest(), responses()
    assert [warc["WARC-Target-URI"] for warc, _, _ in records] == [p["url"] for p in pages], REBUILD


@pytest.mark.parametrize("index", range(len(manifest())), ids=[p["file"] for p in manifest()])
def test_response_matches_page_file(index: int) -> None:
    page = manifest()[index]
    warc, http, payload = responses()[index]
    assert warc["WARC-Date"] == page["fetched_at"], REBUILD
    assert payload == (SAMPLES / page["file"]).read_bytes(), REBUILD
    assert http["Content-Type"] == "text/html; charset=utf-8"
    fetched = parsedate_to_datetime(http["Date"])
    assert fetched.isoformat().replace("+00:00", "Z") == page["fetched_at"]
