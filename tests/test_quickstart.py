"""The README's main job: replay the bundled sample WARC to JSON Lines, valid against the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newscrawler.schema import article_schema
from tests.support.crawl import REPO, crawl_stats, read_jsonl, run_scrapy

# Every test here runs `scrapy crawl` or `scrapy list` in a subprocess (some through fixtures).
pytestmark = pytest.mark.slow

SAMPLE = REPO / "data" / "samples" / "sample.warc.gz"
MANIFEST = REPO / "data" / "samples" / "manifest.json"


@pytest.fixture(scope="module")
def sample_crawl(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    out = tmp_path_factory.mktemp("quickstart") / "articles.jsonl"
    result = run_scrapy("crawl", "warc", "-a", f"path={SAMPLE}", "-O", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return read_jsonl(out), crawl_stats(result.stderr)


def test_every_sample_article_is_exported_and_valid(
    sample_crawl: tuple[list[dict[str, Any]], dict[str, Any]],
) -> None:
    records, _ = sample_crawl
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    articles = [page for page in manifest["pages"] if page.get("article", True)]
    assert sorted(r["url"] for r in records) == sorted(p["url"] for p in articles)
    validator = jsonschema.Draft202012Validator(article_schema())
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record["url"], errors)


def test_sample_cleaning_ran(sample_crawl: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    records, stats = sample_crawl
    assert stats.get("newscrawler/cleaning/duplicate_paragraphs", 0) > 0
    assert stats.get("newscrawler/cleaning/related_links", 0) > 0
    assert any(r["dateline"] for r in records)
    assert any(r["related"] for r in records)


def test_replay_with_extraction_workers_keeps_records_and_order(
    sample_crawl: tuple[list[dict[str, Any]], dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "articles.jsonl"
    args = ["-a", f"path={SAMPLE}", "-O", str(out), "-s", "NEWSCRAWLER_EXTRACT_WORKERS=1"]
    result = run_scrapy("crawl", "warc", *args)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert read_jsonl(out) == sample_crawl[0]  # same records, in record order


def test_scrapy_list_names_the_spiders() -> None:
    result = run_scrapy("list")
    assert result.returncode == 0, result.stderr
    names = set(result.stdout.split())
    assert {"article", "warc"} <= names


def test_bare_crawl_leaves_jsonl_under_data(tmp_path: Path) -> None:
    # Run from a copy of scrapy.cfg in an empty folder so the default FEEDS write there, not here.
    import os
    import shutil
    import subprocess
    import sys

    shutil.copy(REPO / "scrapy.cfg", tmp_path / "scrapy.cfg")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "scrapy", "crawl", "warc", "-a", f"path={SAMPLE}"]
    result = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    feeds = list((tmp_path / "data" / "warc").glob("warc-*.jsonl"))
    assert len(feeds) == 1
    assert read_jsonl(feeds[0])
