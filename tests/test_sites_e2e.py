"""End to end: each site spider as `scrapy crawl`, on loopback via NEWSCRAWLER_SITE_ALIASES.

(a) A site's stored pages (its golden cases) are served at their real URL paths with a sitemap;
the records must equal the golden ones. (b) The indialife spider follows the mock site's
paginated listing. On 127.0.0.1 a URL routes to its site only through the alias.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from newscrawler.schema import article_schema
from tests.support.crawl import read_jsonl, run_scrapy
from tests.support.mockserver.content import make_article
from tests.support.mockserver.static import XML, Page, serve
from tests.test_sites_golden import FIELDS, golden_files, load

pytestmark = pytest.mark.slow
SITE_KEYS = (
    "apnews", "reuters", "timesofindia", "ndtv", "deccanherald", "indiapost", "anadolu", "xinhua",
)  # fmt: skip


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sitemap(base: str, paths: list[str]) -> bytes:
    rows = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
    xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'
    return xml.encode("utf-8")


@contextmanager
def serve_cases(pages_dir: Path, cases: list[dict[str, Any]]) -> Iterator[str]:
    """The cases' pages (Date: their golden fetch time) plus /sitemap.xml; yields the base URL."""
    pages = {
        path_of(case["url"]): Page(
            (pages_dir / case["page"]).read_bytes(), date=datetime.fromisoformat(case["fetched_at"])
        )
        for case in cases
    }
    with serve(pages) as base:
        pages["/sitemap.xml"] = Page(sitemap(base, list(pages)), XML)
        yield base


def crawl(site: str, out: Path, base: str, *args: str) -> list[dict[str, Any]]:
    """`scrapy crawl SITE ARGS` with the server's host:port aliased to SITE; its records."""
    aliases = json.dumps({urlsplit(base).netloc: site})
    result = run_scrapy(
        "crawl", site, *args, "-O", str(out), "-s", f"NEWSCRAWLER_SITE_ALIASES={aliases}",
        "-s", "ROBOTSTXT_OBEY=False", "-s", "AUTOTHROTTLE_ENABLED=False",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return read_jsonl(out)


def test_every_site_with_golden_cases_is_crawled() -> None:
    assert set(SITE_KEYS) == {path.parent.name for path in golden_files()}


@pytest.mark.parametrize("site", SITE_KEYS)
def test_site_spider_crawls_its_stored_pages(site: str, shared_pages: Path, tmp_path: Path) -> None:
    cases = (load(path) for path in golden_files() if path.parent.name == site)
    golden = {path_of(case["input"]["url"]): case for case in cases}
    with serve_cases(shared_pages, [g["input"] for g in golden.values()]) as base:
        records = crawl(site, tmp_path / "out.jsonl", base, "-a", f"sitemap={base}/sitemap.xml")
    assert sorted(path_of(r["url"]) for r in records) == sorted(golden)
    for record in records:
        expected = golden[path_of(record["url"])]["expected"]
        differing = [f for f in FIELDS if record[f] != expected[f]]
        assert not differing, (record["url"], differing)


def listing_url(base: str, art_id: int, date: str) -> str:
    """The URL the mock site's listing links an article by (old ids keep /article.php?id=)."""
    article = make_article(1, art_id, 30, parsedate_to_datetime(date))
    return f"{base}/article.php?id={art_id}" if article.old_url else f"{base}{article.path}"


def test_indialife_spider_follows_the_mock_listing(mock_site: Any, tmp_path: Path) -> None:
    assert (mock_site.articles, mock_site.seed) == (30, 1)  # what listing_url models
    out = tmp_path / "out.jsonl"
    records = crawl("indialife", out, mock_site.url, "-a", f"listing={mock_site.url}/news/")
    ids = [int(url.rstrip("/").rsplit("/", 1)[-1]) for url in mock_site.article_urls]
    expected = [listing_url(mock_site.url, art_id, mock_site.date) for art_id in ids]
    assert sorted(r["url"] for r in records) == sorted(expected)
    validator = jsonschema.Draft202012Validator(article_schema())
    for record in records:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert not errors, (record["url"], errors)
