"""End to end: `scrapy crawl` against the local mock news site, records checked by the schema."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from newscrawler.schema import article_schema
from tests.support.crawl import crawl_stats, read_jsonl, run_scrapy

# Every test here runs `scrapy crawl` or `scrapy list` in a subprocess (some through fixtures).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sitemap_crawl(mock_site: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("e2e") / "articles.jsonl"
    result = run_scrapy(
        "crawl",
        "article",
        "-a",
        f"sitemap={mock_site.url}/sitemap.xml",
        "-O",
        str(out),
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {"records": read_jsonl(out), "stats": crawl_stats(result.stderr), "log": result.stderr}


def test_every_sitemap_article_exported_once(sitemap_crawl: dict[str, Any], mock_site: Any) -> None:
    urls = [r["url"] for r in sitemap_crawl["records"]]
    assert len(urls) == len(set(urls))
    assert sorted(urls) == sorted(mock_site.article_urls)


def test_records_match_the_schema(sitemap_crawl: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(article_schema())
    for record in sitemap_crawl["records"]:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["url"], errors)


def test_crawl_is_clean_and_counted(sitemap_crawl: dict[str, Any]) -> None:
    stats = sitemap_crawl["stats"]
    assert "Traceback" not in sitemap_crawl["log"]
    assert stats["item_scraped_count"] == len(sitemap_crawl["records"])
    assert stats.get("robotstxt/request_count", 0) >= 1


def test_related_times_resolve_against_the_server_date(
    sitemap_crawl: dict[str, Any], mock_site: Any
) -> None:
    # The mock site freezes its Date header, so "N hours ago" must resolve to Date minus N hours.
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    served = parsedate_to_datetime(mock_site.date)
    for record in sitemap_crawl["records"]:
        assert datetime.fromisoformat(record["crawled_at"]) == served
        for link in record["related"]:
            if link["published_at"]:
                assert datetime.fromisoformat(link["published_at"]) <= served


def test_extraction_workers_export_the_same_records(
    sitemap_crawl: dict[str, Any], mock_site: Any, tmp_path: Any
) -> None:
    """NEWSCRAWLER_EXTRACT_WORKERS=2: pages parsed in worker processes, records unchanged."""
    out = tmp_path / "articles.jsonl"
    args = ["-a", f"sitemap={mock_site.url}/sitemap.xml", "-O", str(out)]
    settings = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSCRAWLER_EXTRACT_WORKERS=2"]
    result = run_scrapy("crawl", "article", *args, *settings)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    by_url = {r["url"]: r for r in sitemap_crawl["records"]}
    records = read_jsonl(out)
    assert len(records) == len(by_url)
    for record in records:
        assert record == by_url[record["url"]]
