"""NEWSCRAWLER_REPORT_ENABLED=False drops the JSON report only: verdicts and exit statuses stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.mockserver.faults_crawl import crawl
from tests.support.mockserver.fixtures import MockSite

pytestmark = pytest.mark.slow


def crawl_report_off(tmp_path: Path, sitemap: str, *feeds: str) -> Any:
    """`scrapy crawl article` of `sitemap`, the run report off; asserts no report was written."""
    cmd = ("crawl", "article", "-a", f"sitemap={sitemap}", *feeds)
    result = crawl(*cmd, workdir=tmp_path, NEWSCRAWLER_REPORT_ENABLED="False")
    assert not (tmp_path / "reports").exists(), result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return result


def test_report_off_every_article_404_is_still_collapse(
    start_mock_site: Callable[..., MockSite], tmp_path: Path
) -> None:
    site = start_mock_site(articles=3, faults={"rate": {"404": 1.0}, "rate_scope": ["/article"]})
    out = ("-O", str(tmp_path / "articles.jsonl"))
    result = crawl_report_off(tmp_path, f"{site.url}/sitemap.xml", *out)
    # Before: exit 0 and no verdict line, the verdict being switched off with the report.
    assert result.returncode == 3, result.stderr[-3000:]
    assert "Run verdict COLLAPSE (exit 3): COLLAPSE: 0 article pages from 3" in result.stderr


def test_report_off_unopenable_feed_is_still_feed_failed(
    mock_site: MockSite, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")  # a file where the feed's folder should be: the feed cannot open
    feeds = ("-O", str(tmp_path / "a.jsonl"), "-O", str(blocker / "x.sqlite"))
    result = crawl_report_off(tmp_path, f"{mock_site.url}/sitemap.xml", *feeds)
    assert result.returncode == 5, result.stderr[-3000:]
    assert "Run verdict FEED_FAILED (exit 5): FEED_FAILED:" in result.stderr


def test_report_off_healthy_run_is_ok(mock_site: MockSite, tmp_path: Path) -> None:
    out = ("-O", str(tmp_path / "articles.jsonl"))
    result = crawl_report_off(tmp_path, f"{mock_site.url}/sitemap.xml", *out)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Run verdict" not in result.stderr
    assert "Run report: OK article:" in result.stderr
