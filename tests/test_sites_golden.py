"""Golden records: each site spider's stored pages through spider and pipelines, field by field."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse, Request

from newscrawler.spiders.base import FETCHED_AT_META, item_from_response
from tests.support.pipeline_chain import clean

GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "pages"
# The exported fields a site's selectors and the cleaning decide (url and hashes are derived).
FIELDS = (
    "headline", "authors", "agency", "dateline", "published_at", "section", "body", "related",
    "word_count", "language", "image",
)  # fmt: skip


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*/*.json"))


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def record_for(page: Path, url: str, fetched_at: str) -> dict[str, Any]:
    """The exported record of a stored page: the spider's raw item, then every pipeline."""
    moment = datetime.fromisoformat(fetched_at)
    request = Request(url, meta={FETCHED_AT_META: moment})
    body = page.read_bytes()
    response = HtmlResponse(url=url, body=body, encoding="utf-8", request=request)
    item = item_from_response(response)
    assert item is not None, f"{page.name}: not extracted as an article"
    return dict(ItemAdapter(clean(item)))


@cache
def exported(path: Path) -> dict[str, Any]:
    """The current record for one golden case (computed once per case)."""
    given = json.loads(path.read_text(encoding="utf-8"))["input"]
    return record_for(SHARED_PAGES / given["page"], given["url"], given["fetched_at"])


def load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


CASES = [pytest.param(path, field, id=f"{case_id(path)}-{field}") for path in golden_files()
         for field in FIELDS]  # fmt: skip


def test_every_site_spider_page_has_a_golden_case() -> None:
    assert {path.parent.name for path in golden_files()} >= {
        "apnews", "reuters", "timesofindia", "ndtv", "deccanherald", "indiapost", "anadolu",
        "xinhua",
    }  # fmt: skip


@pytest.mark.parametrize("path", golden_files(), ids=case_id)
def test_golden_file_shape(path: Path) -> None:
    """Exactly the compared fields, keys sorted (stable diffs), plus the frozen input."""
    golden = load(path)
    assert set(golden) == {"input", "expected"}
    assert list(golden["expected"]) == sorted(FIELDS)
    assert set(golden["input"]) == {"page", "url", "fetched_at"}


@pytest.mark.parametrize(("path", "field"), CASES)
def test_golden_field(shared_pages: Path, path: Path, field: str) -> None:
    assert exported(path)[field] == load(path)["expected"][field]
