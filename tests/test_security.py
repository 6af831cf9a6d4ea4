"""Security: hostile page text stored verbatim and inert; no off-site or local-file fetches."""

from __future__ import annotations

import asyncio
import configparser
import io
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.exporters import JsonLinesItemExporter
from scrapy.http import HtmlResponse, Response, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.items import ArticleItem
from newscrawler.middlewares.guards import GuardMiddleware
from newscrawler.spiders.article import ArticleSpider
from newscrawler.stores import sqlschema, sqlstore
from tests.support.pages import upsert_article
from tests.support.pipeline_chain import clean, project_crawler, project_settings

REPO = Path(__file__).resolve().parents[1]
SQL = "'); DROP TABLE articles;-- \" OR 1=1 ; DELETE FROM related_links; :url ? %s"
HTML = "<script>alert(1)</script><img src=x onerror=alert(2)>"
CONTROL = "bell\x07 nul\x00 esc\x1b line\u2028sep para\u2029sep"
BASE = "http://127.0.0.1:1"


def hostile_item() -> ArticleItem:
    words = " ".join(["The council approved the budget after a long debate"] * 4)
    return ArticleItem(
        url=f"{BASE}/article/1?q={SQL}",
        crawled_at="2025-07-26T12:00:00+00:00",
        headline=f"Budget {SQL}",
        body=[f"NEW DELHI, July 26 (IANS) {words} {SQL}", f"{words} {HTML}", f"{words} {CONTROL}"],
    )


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Any]:
    return dict(ItemAdapter(clean(hostile_item())).asdict())


def test_sql_text_survives_cleaning_and_harmful_characters_do_not(cleaned: dict[str, Any]) -> None:
    text = " ".join([cleaned["headline"], *cleaned["body"]])
    assert SQL in cleaned["headline"]  # SQL is just text: kept as written
    assert SQL in text
    assert "<script" not in text  # tags in page text are removed
    assert "onerror" not in text
    assert not any(ch in text for ch in "\x00\x07\x1b")  # control characters are removed


def test_sqlite_stores_hostile_text_verbatim(cleaned: dict[str, Any], tmp_path: Path) -> None:
    conn = sqlschema.connect(tmp_path / "news.sqlite")
    try:
        sqlschema.migrate(conn)
        upsert_article(conn, cleaned, seen_at="2025-07-26T12:00:00+00:00")
        conn.commit()
        loaded = sqlstore.load_article(conn, cleaned["url"])
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert loaded is not None
    for key in ("url", "headline", "body"):
        assert loaded[key] == cleaned[key]
    assert {"articles", "related_links", "articles_fts"} <= tables


def test_json_lines_hold_one_inert_record(cleaned: dict[str, Any]) -> None:
    out = io.BytesIO()
    exporter = JsonLinesItemExporter(out, encoding="utf-8", ensure_ascii=False)
    exporter.start_exporting()
    exporter.export_item(cleaned)
    exporter.finish_exporting()
    data = out.getvalue()
    assert data.count(b"\n") == 1  # one record, one line
    assert data.endswith(b"\n")
    assert json.loads(data) == json.loads(json.dumps(cleaned))


def guard(**settings: Any) -> tuple[GuardMiddleware, Any]:
    crawler = get_crawler(Spider, settings_dict=settings)
    crawler.spider = Spider("s", allowed_domains=["partner.example"])
    mw = GuardMiddleware.from_crawler(crawler)
    return mw, crawler.stats


def redirect(url: str, location: str) -> tuple[Request, Response]:
    request = Request(url)
    return request, Response(url, status=302, headers={"Location": location}, request=request)


@pytest.mark.parametrize(
    ("source", "location", "reason"),
    [
        (f"{BASE}/article/1", "file:///etc/passwd", "redirect_scheme"),
        (f"{BASE}/article/1", "http://localhost:1/article/1", "redirect_offsite"),
        ("https://www.news.example/a", "https://evil.example/a", "redirect_offsite"),
        (f"{BASE}/article/1", "/article/1", "redirect_loop"),
    ],
    ids=["file-scheme", "other-loopback-host", "other-domain", "loop"],
)
def test_redirects_refused_and_counted(source: str, location: str, reason: str) -> None:
    mw, stats = guard()
    with pytest.raises(IgnoreRequest):
        mw.process_response(*redirect(source, location))
    assert stats.get_value(f"newscrawler/giveup/{reason}") == 1


@pytest.mark.parametrize(
    ("source", "location"),
    [
        ("https://news.example/a", "https://www.news.example/a"),
        ("https://feeds.news.example/a", "https://news.example/b"),
        ("https://news.example/a", "https://partner.example/a"),  # in allowed_domains
    ],
    ids=["to-www", "subdomain", "allowed-domain"],
)
def test_same_site_redirects_pass(source: str, location: str) -> None:
    mw, stats = guard()
    request, response = redirect(source, location)
    assert mw.process_response(request, response) is response
    assert not stats.get_stats()


def test_offsite_redirects_can_be_allowed() -> None:
    mw, _ = guard(NEWSCRAWLER_OFFSITE_REDIRECTS=True)
    request, response = redirect("https://news.example/a", "https://evil.example/a")
    assert mw.process_response(request, response) is response


def test_article_pages_are_not_link_sources() -> None:
    crawler = get_crawler(ArticleSpider)
    spider = ArticleSpider.from_crawler(crawler, urls="https://example.com/a")
    links = '<a href="file:///etc/passwd">x</a><a href="http://evil.example/">y</a>'
    url = f"{BASE}/article/1"
    html = f"<html><body><article><h1>Head</h1><p>{'word ' * 300}</p>{links}</article></body>"
    response = HtmlResponse(url, body=html.encode(), encoding="utf-8", request=Request(url))
    outputs = asyncio.run(_collect(spider.parse(response)))
    assert outputs  # the article itself
    assert not [out for out in outputs if isinstance(out, Request)]


async def _collect(outputs: AsyncIterator[Any]) -> list[Any]:
    return [out async for out in outputs]


def test_crawled_content_cannot_reach_local_files() -> None:
    crawler = get_crawler(ArticleSpider, settings_dict=project_settings())
    spider = ArticleSpider.from_crawler(crawler, urls="https://example.com/a")
    body = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>file:///etc/passwd</loc></url><url><loc>{BASE}/article/1</loc></url></urlset>"
    )
    url = f"{BASE}/sitemap.xml"
    response = XmlResponse(url, body=body.encode(), request=Request(url))
    schemes = {request.url.split(":", 1)[0] for request in spider.parse_sitemap(response)}
    handlers = crawler.settings.getwithbase("DOWNLOAD_HANDLERS")
    # Either the spider never asks for a file:// URL, or Scrapy has no handler to fetch it.
    assert schemes == {"http"} or handlers.get("file") is None


def test_project_crawler_has_no_open_control_ports() -> None:
    settings = project_crawler().settings
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")


def test_scrapyd_listens_on_loopback_with_auth() -> None:
    conf = configparser.ConfigParser()
    conf.read(REPO / "deploy" / "scrapyd.conf", encoding="utf-8")
    assert conf["scrapyd"]["bind_address"] == "127.0.0.1"
    # The credentials come from the env file that scrapyd.service loads (they override the conf).
    service = (REPO / "deploy" / "scrapyd.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/newscrawler/scrapyd.env" in service
    env = dict(
        line.split("=", 1)
        for line in (REPO / "deploy" / "scrapyd.env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert env["SCRAPYD_USERNAME"]
    assert env["SCRAPYD_PASSWORD"]
    assert env["SCRAPYD_URL"].startswith("http://127.0.0.1:")
    assert not conf["scrapyd"].get("password")  # no real password committed in the conf
