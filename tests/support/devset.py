"""Pages of ../shared/extraction-dev read in place (tests skip when the folder is absent)."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

DEV = Path(__file__).resolve().parents[3] / "shared" / "extraction-dev"


@cache
def dev_cases() -> dict[str, dict[str, Any]]:
    """Every case of cases.jsonl by id; empty when the folder is absent."""
    path = DEV / "cases.jsonl"
    if not path.is_file():
        return {}
    cases = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {case["id"]: case for case in cases}


def dev_page(case_id: str) -> tuple[str, dict[str, Any]]:
    """The page's HTML and its case; skips the test when the page is absent."""
    case = dev_cases().get(case_id)
    if case is None or not (DEV / case["page"]).is_file():
        pytest.skip(f"../shared/extraction-dev page {case_id} is absent")
    html = gzip.decompress((DEV / case["page"]).read_bytes()).decode("utf-8", "replace")
    return html, case


def all_dev_pages() -> list[tuple[str, dict[str, Any]]]:
    """Every page of the dev set with its case; skips the test when the folder is absent."""
    if not dev_cases():
        pytest.skip("../shared/extraction-dev is absent")
    return [dev_page(case_id) for case_id in dev_cases()]
