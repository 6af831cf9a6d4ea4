"""The seed page rendered as its portal does, on an unknown host: `scrapy crawl article` gives the
seed's clean record (dateline and section read from their own elements by the generic path)."""

from __future__ import annotations

from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import pytest

from tests.support.crawl import read_jsonl, run_scrapy
from tests.support.mockserver.seedpage import PATH, seed_lines, sidebar_pairs


@pytest.mark.slow
def test_seed_page_crawls_to_the_clean_record(mock_site: Any, tmp_path: Any) -> None:
    lines = seed_lines()
    if lines is None:
        pytest.skip("../shared/seed is absent")
    out = tmp_path / "seed.jsonl"
    url = f"{mock_site.url}{PATH}"
    result = run_scrapy("crawl", "article", "-a", f"urls={url}", "-O", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    [record] = read_jsonl(out)
    assert record["source"] != "indialife"  # the generic page class: no site knows this host
    assert record["section"] == "Business"
    assert record["headline"] == lines[1]
    assert record["dateline"] == {"place": "San Francisco", "date": "March 7", "agency": None}
    assert record["body"] == lines[3:14]  # the copy from paragraph 2 is gone
    served = parsedate_to_datetime(mock_site.date)
    expected = [
        (title, age, (served - timedelta(hours=int(age.split()[0]))).isoformat())
        for age, title in sidebar_pairs(lines)
    ]
    assert len(expected) == 13
    got = [(r["title"], r["age"], r["published_at"]) for r in record["related"]]
    assert got == expected
    assert record["published_at"] is None  # "March 7" without a year, fetched years later
    assert record["agency"] is None
    assert record["cleaning"]["duplicate_paragraphs"] == 10
