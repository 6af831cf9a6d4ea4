"""End-to-end crawls of the `article` spider against our own loopback server."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler

from newscrawler.extract.page import ArticlePage
from newscrawler.spiders.article import ArticleSpider
from newscrawler.spiders.base import item_from_response
from tests.support.crawl import read_jsonl, run_scrapy
from tests.support.mockserver.static import XML, Page, serve

pytestmark = pytest.mark.slow

PARAGRAPH = "The council voted on Tuesday to widen the river embankment before the monsoon season. "


def article_html(n: int) -> str:
    paragraphs = "".join(f"<p>{PARAGRAPH} Paragraph {i} of story {n}.</p>" for i in range(8))
    return f"""<html lang="en"><head><title>Story {n}</title>
<meta property="og:type" content="article"><meta property="og:title" content="Story {n} headline">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Story {n} headline",
"datePublished": "2026-11-2{n}T08:00:00Z", "author": {{"@type": "Person", "name": "A. Writer"}}}}
</script></head><body><nav><p>{PARAGRAPH} navigation chrome</p></nav>
<article><h1>Story {n} headline</h1>{paragraphs}</article>
<aside class="related"><ul><li><a href="/other.html">A related headline long enough</a>
<span>9 hours ago</span></li></ul></aside></body></html>"""


TAG_PAGE = """<html><head><meta property="og:type" content="website"></head><body>
<ul><li><a href="/a1.html">Story one</a></li></ul></body></html>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/a1.html</loc><news:news><news:publication_date>{fresh}</news:publication_date>
</news:news></url>
<url><loc>{base}/a2.html</loc><lastmod>{fresh}</lastmod></url>
<url><loc>{base}/old.html</loc><lastmod>2001-01-01T00:00:00Z</lastmod></url>
<url><loc>{base}/tag/rivers/</loc></url>
</urlset>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>{base}/a1.html</link></item>
<item><title>Two</title><link>{base}/a2.html</link></item>
<item><title>Data</title><link>{base}/data.json</link></item>
</channel></rss>"""


@pytest.fixture
def site() -> Iterator[str]:
    pages: dict[str, Page] = {
        "/a1.html": Page(article_html(1).encode()),
        "/a2.html": Page(article_html(2).encode()),
        "/old.html": Page(article_html(3).encode()),
        "/tag/rivers/": Page(TAG_PAGE.encode()),
        "/data.json": Page(b'{"not": "html"}', "application/json"),
    }
    with serve(pages) as base:
        fresh = "2099-01-01T00:00:00Z"  # in the future: always within `since`
        pages["/sitemap.xml"] = Page(SITEMAP.format(base=base, fresh=fresh).encode(), XML)
        pages["/feed.xml"] = Page(FEED.format(base=base).encode(), XML)
        yield base


def crawl(tmp_path: Path, *args: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    out = tmp_path / "out.jsonl"
    result = run_scrapy(
        "crawl", "article", *args, "-O", str(out),
        "-s", "ITEM_PIPELINES={}", "-s", "ROBOTSTXT_OBEY=False", "-s", "AUTOTHROTTLE_ENABLED=False",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return read_jsonl(out), our_stats(result.stderr)


def our_stats(stderr: str) -> dict[str, int]:
    """The newscrawler/* counters of the final stats dump."""
    return {key: int(value) for key, value in re.findall(r"'(newscrawler/[^']+)': (\d+)", stderr)}


def test_sitemap_crawl_filters_age_and_non_articles(site: str, tmp_path: Path) -> None:
    items, stats = crawl(tmp_path, "-a", f"sitemap={site}/sitemap.xml", "-a", "since=2d")
    assert sorted(item["headline"] for item in items) == ["Story 1 headline", "Story 2 headline"]
    assert stats["newscrawler/spider/too_old"] == 1
    assert stats["newscrawler/spider/not_article"] == 1
    first = items[0]
    assert first["published_at_source"] == "jsonld"
    assert first["authors"] == ["A. Writer"]
    assert first["crawled_at"].endswith("+00:00")
    assert len(first["body"]) == 8
    assert first["related"][0]["age"] == "9 hours ago"


def test_feed_crawl_skips_non_html(site: str, tmp_path: Path) -> None:
    items, stats = crawl(tmp_path, "-a", f"feed={site}/feed.xml")
    assert len(items) == 2
    assert stats["newscrawler/spider/non_html"] == 1


def test_urls_and_url_file(site: str, tmp_path: Path) -> None:
    url_file = tmp_path / "urls.txt"
    # saved with a byte-order mark, as Notepad and spreadsheets do: the first URL still counts
    url_file.write_text(f"{site}/old.html\n# a comment\n\n{site}/a2.html\n", encoding="utf-8-sig")
    items, _ = crawl(tmp_path, "-a", f"urls={site}/a1.html", "-a", f"url_file={url_file}")
    urls = sorted(item["url"] for item in items)
    assert urls == [f"{site}/a1.html", f"{site}/a2.html", f"{site}/old.html"]


def test_item_from_response_counts_each_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    stats = get_crawler().stats
    assert stats is not None
    url = "https://example.com/news/a"

    def html(body: str) -> HtmlResponse:
        return HtmlResponse(url, body=body.encode(), request=Request(url))

    item = item_from_response(html(article_html(1)), stats)
    assert item is not None
    assert item.headline == "Story 1 headline"
    assert item_from_response(html(TAG_PAGE), stats) is None
    plain = TextResponse(url, body=b"{}", headers={"Content-Type": "application/json"})
    assert item_from_response(plain, stats) is None

    def broken(self: ArticlePage) -> None:
        raise ValueError("malformed")

    monkeypatch.setattr(ArticlePage, "fields", broken)
    assert item_from_response(html(article_html(2)), stats) is None
    counted = {k: v for k, v in stats.get_stats().items() if k.startswith("newscrawler/")}
    assert counted == {
        "newscrawler/spider/not_article": 1,
        "newscrawler/spider/non_html": 1,
        "newscrawler/spider/extraction_error": 1,
    }


def test_gzipped_sitemap_without_content_encoding() -> None:
    url = "https://a.example/sitemap.xml.gz"
    spider = ArticleSpider.from_crawler(get_crawler(ArticleSpider), sitemap=url)
    body = gzip.compress(b"<urlset><url><loc>https://a.example/x</loc></url></urlset>")
    requests = list(spider.parse_sitemap(Response(url, body=body, request=Request(url))))
    assert [r.url for r in requests] == ["https://a.example/x"]


@pytest.mark.parametrize(
    ("allow", "expected"),
    [
        pytest.param("", ["https://www.a.example/x", "https://cdn.a.example/y"], id="same-site"),
        pytest.param(
            "1",
            ["https://www.a.example/x", "https://cdn.a.example/y", "https://evil.example/z"],
            id="allow-offsite",
        ),
    ],
)
def test_sitemap_entries_stay_on_the_sitemaps_site(allow: str, expected: list[str]) -> None:
    url = "https://a.example/sitemap.xml"
    crawler = get_crawler(ArticleSpider)
    spider = ArticleSpider.from_crawler(crawler, sitemap=url, allow_offsite=allow)
    locs = ["https://www.a.example/x", "https://cdn.a.example/y", "https://evil.example/z"]
    body = "<urlset>" + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs) + "</urlset>"
    response = Response(url, body=body.encode(), request=Request(url))
    requests = list(spider.parse_sitemap(response))
    assert [r.url for r in requests] == expected
    skipped = crawler.stats.get_value("newscrawler/spider/offsite_entry", 0)
    assert skipped == len(locs) - len(expected)
