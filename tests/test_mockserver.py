"""The mock news site: feeds, pagination, article markup, fixed Date header, faults, determinism."""

# The fixtures are imported here so the module runs on its own; parameters named after them
# shadow the import, which is how pytest fixtures work:
# ruff: noqa: F811

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from html import escape
from xml.etree import ElementTree as ET

import pytest

from tests.support.mockserver.fixtures import MockSite, mock_site, start_mock_site  # noqa: F401

pytestmark = pytest.mark.slow
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
# loopback only: never let an http_proxy variable route these requests elsewhere
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str, method: str = "GET") -> tuple[int, Message, bytes]:
    assert url.startswith("http://127.0.0.1:")
    request = urllib.request.Request(url, method=method)
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def get_text(url: str) -> str:
    status, _, body = fetch(url)
    assert status == 200, url
    return body.decode("utf-8")


def test_robots_disallows_private_and_lists_sitemap(mock_site: MockSite) -> None:
    text = get_text(f"{mock_site.url}/robots.txt")
    assert f"Sitemap: {mock_site.url}/sitemap.xml" in text
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(text.splitlines())
    assert parser.can_fetch("newscrawler", f"{mock_site.url}/article/1")
    assert not parser.can_fetch("newscrawler", f"{mock_site.url}/private/editor/")


def test_sitemap_index_leads_to_every_article(mock_site: MockSite) -> None:
    index = ET.fromstring(get_text(f"{mock_site.url}/sitemap.xml"))
    children = [loc.text or "" for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert children == [f"{mock_site.url}/sitemap-articles.xml"]
    urlset = ET.fromstring(get_text(children[0]))
    locs = [loc.text for loc in urlset.findall("sm:url/sm:loc", NS)]
    assert len(locs) == mock_site.articles
    assert locs == mock_site.article_urls
    assert len(urlset.findall("sm:url/sm:lastmod", NS)) == mock_site.articles


def test_news_sitemap_and_rss_parse(mock_site: MockSite) -> None:
    fetched = parsedate_to_datetime(mock_site.date)
    news = ET.fromstring(get_text(f"{mock_site.url}/news-sitemap.xml"))
    entries = news.findall("sm:url", NS)
    assert 0 < len(entries) < mock_site.articles
    for entry in entries:
        assert entry.findtext("sm:loc", namespaces=NS) in mock_site.article_urls
        assert entry.findtext("news:news/news:title", namespaces=NS)
        published = entry.findtext("news:news/news:publication_date", namespaces=NS) or ""
        age = fetched - datetime.fromisoformat(published)
        assert 0 < age.total_seconds() <= 2 * 86400
    rss = ET.fromstring(get_text(f"{mock_site.url}/rss.xml"))
    items = rss.findall("channel/item")
    assert len(items) == 20
    for item in items:
        assert item.findtext("link") in mock_site.article_urls
        assert parsedate_to_datetime(item.findtext("pubDate") or "") < fetched


def test_pagination_reaches_every_article(mock_site: MockSite) -> None:
    url: str | None = f"{mock_site.url}/news/"
    ids: set[int] = set()
    old_style, pages = 0, 0
    while url:
        html = get_text(url)
        pages += 1
        new = {int(m) for m in re.findall(r'href="/article/(\d+)"', html)}
        old = {int(m) for m in re.findall(r'href="/article\.php\?id=(\d+)"', html)}
        ids |= new | old
        old_style += len(old)
        nxt = re.search(r'<link rel="next" href="([^"]+)"', html)
        url = nxt[1] if nxt else None
        if pages == 1:
            assert 'href="/video/9001"' in html
            assert 'href="/section/business/"' in html
    assert ids == set(range(1, mock_site.articles + 1))
    assert pages == 2
    assert old_style > 0


def jsonld_blocks(html: str) -> list[dict[str, object]]:
    pattern = r'<script type="application/ld\+json">(.*?)</script>'
    return [json.loads(block) for block in re.findall(pattern, html, re.S)]


def test_article_pages_have_parseable_jsonld(mock_site: MockSite) -> None:
    with_ld, in_body = 0, 0
    for art_id in range(1, 11):
        html = get_text(f"{mock_site.url}/article/{art_id}")
        h1 = re.search(r'<h1 class="entry-title">(.*?)</h1>', html)
        assert h1
        for block in jsonld_blocks(html):
            assert block["@type"] == "NewsArticle"
            assert block["headline"]
            assert block["datePublished"]
            assert block["publisher"]
            with_ld += 1
            in_body += html.index("application/ld+json") > html.index("<body>")
    assert 0 < in_body < with_ld < 10  # most pages, not all; some in <body>


def test_old_and_new_article_urls_serve_the_same_page(mock_site: MockSite) -> None:
    assert fetch(f"{mock_site.url}/article.php?id=6")[2] == fetch(f"{mock_site.url}/article/6")[2]
    assert fetch(f"{mock_site.url}/article/{mock_site.articles + 1}")[0] == 404


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml", "/news/", "/article/1", "/nope"])
def test_date_header_is_frozen(mock_site: MockSite, path: str) -> None:
    _, headers, _ = fetch(mock_site.url + path)
    assert headers["Date"] == mock_site.date
    assert "charset=utf-8" in headers["Content-Type"]


def test_article_has_last_modified(mock_site: MockSite) -> None:
    _, headers, _ = fetch(f"{mock_site.url}/article/1")
    assert parsedate_to_datetime(headers["Last-Modified"]) <= parsedate_to_datetime(mock_site.date)


def test_fault_spec_yields_statuses(start_mock_site: Callable[..., MockSite]) -> None:
    spec = {
        "/article/3": "500",
        "/article/4": "503:7",
        "/article/2": "404",
        "/article/1": "empty",
        "/article/5": "slow:0.3",
        "/news/": {"mode": "503", "times": 1},
    }
    site = start_mock_site(articles=6, faults=spec)
    assert fetch(f"{site.url}/article/3")[0] == 500
    status, headers, _ = fetch(f"{site.url}/article/4")
    assert (status, headers["Retry-After"]) == (503, "7")
    assert fetch(f"{site.url}/article/2")[0] == 404
    assert fetch(f"{site.url}/article/1")[::2] == (200, b"")
    start = time.monotonic()
    assert fetch(f"{site.url}/article/5")[0] == 200
    assert time.monotonic() - start >= 0.3
    assert [fetch(f"{site.url}/news/")[0] for _ in range(2)] == [503, 200]
    assert fetch(f"{site.url}/article/6")[0] == 200


PATHS = ["/robots.txt", "/sitemap.xml", "/sitemap-articles.xml", "/news-sitemap.xml", "/rss.xml",
         "/news/", "/news/?page=2", "/article/1", "/article/5", "/article/12", "/section/business/",
         "/tag/technology/", "/video/9001"]  # fmt: skip


def snapshot(site: MockSite) -> list[tuple[int, bytes]]:
    out = []
    for path in PATHS:
        status, _, body = fetch(site.url + path)
        out.append((status, body.replace(site.url.encode(), b"BASE")))
    return out


def test_server_is_deterministic(start_mock_site: Callable[..., MockSite]) -> None:
    first, second = start_mock_site(), start_mock_site()
    assert first.url != second.url
    assert snapshot(first) == snapshot(second)
    assert snapshot(start_mock_site(seed=2)) != snapshot(first)


def test_rate_faults_are_reproducible(start_mock_site: Callable[..., MockSite]) -> None:
    spec = {"rate": {"503": 0.3, "500": 0.2}}
    runs = []
    for _ in range(2):
        site = start_mock_site(articles=20, faults=spec)
        runs.append([fetch(url)[0] for url in site.article_urls])
    assert runs[0] == runs[1]
    assert {200, 500, 503} <= set(runs[0])


def test_pages_agree_with_expected_records(mock_site: MockSite) -> None:
    for art_id in range(1, 13):
        expected = mock_site.expected(art_id)
        html = get_text(expected["url"])
        assert f">{escape(expected['headline'])}</h1>" in html
        for paragraph in expected["body"]:
            assert escape(paragraph) in html
        assert len(expected["related"]) == 13
        for link in expected["related"]:
            assert f">{link['age']}</" in html
            assert escape(link["title"]) in html
