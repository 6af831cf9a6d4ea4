"""Per-site spiders: default discovery from the Site record, listing links and pagination."""

from __future__ import annotations

import json

import pytest
from scrapy.http import HtmlResponse, Request, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.sites import SITES, discovery
from newscrawler.spiders.sites import SITE_SPIDERS
from newscrawler.spiders.warc import WarcSpider
from newscrawler.utils.requests import ARTICLE_META
from tests.support.crawl import run_scrapy

IndiaLifeSpider, ReutersSpider = SITE_SPIDERS["indialife"], SITE_SPIDERS["reuters"]

LISTING = """<html><head><link rel="next" href="/?page=2"></head><body>
<a href="/article/112952">One</a><a href="article.php?id=7#top">Two</a>
<a href="/article/112952">One again</a><a href="/category.php?id=3">Business</a></body></html>"""


@pytest.mark.slow
def test_scrapy_list_names_a_spider_per_registered_site() -> None:
    result = run_scrapy("list")
    assert result.returncode == 0, result.stderr
    assert set(SITES) <= set(result.stdout.split())


def test_defaults_come_from_the_site() -> None:
    spider = ReutersSpider()
    assert spider.sitemaps == list(SITES["reuters"].sitemaps)
    assert spider.listings == list(SITES["reuters"].listings)


def test_explicit_input_replaces_discovery() -> None:
    spider = IndiaLifeSpider(urls="https://www.indialife.us/article/1")
    assert spider.listings == []
    assert spider.sitemaps == []


def test_listing_links_and_next_page() -> None:
    is_article = SITES["indialife"].is_article_url
    base = "https://www.indialife.us/"
    assert discovery.listing_links(LISTING, base, is_article) == (
        [
            "https://www.indialife.us/article/112952",
            "https://www.indialife.us/article.php?id=7",
        ],
        0,
    )
    assert discovery.next_page(LISTING, base) == "https://www.indialife.us/?page=2"
    assert discovery.next_page('<a href="/p/3">Older posts</a>', base) == base + "p/3"
    assert discovery.next_page("<p>end</p>", base) is None


def test_parse_listing_follows_articles_and_stops_at_max_pages() -> None:
    spider = IndiaLifeSpider(max_pages="2")
    url = "https://www.indialife.us/"
    first = HtmlResponse(url, body=LISTING.encode(), request=Request(url, meta={"page": 1}))
    requests = list(spider.parse_listing(first))
    assert [r.meta[ARTICLE_META] for r in requests] == [True, True, False]
    last = HtmlResponse(url, body=LISTING.encode(), request=Request(url, meta={"page": 2}))
    assert all(r.meta[ARTICLE_META] for r in spider.parse_listing(last))


def test_site_sitemap_entries_are_filtered_by_article_pattern() -> None:
    spider = IndiaLifeSpider()
    body = b"""<urlset><url><loc>https://www.indialife.us/article/5</loc></url>
    <url><loc>https://www.indialife.us/video/5</loc></url></urlset>"""
    url = "https://www.indialife.us/sitemap.xml"
    response = XmlResponse(url, body=body, request=Request(url))
    assert [r.url for r in spider.parse_sitemap(response)] == ["https://www.indialife.us/article/5"]


def test_listing_argument_replaces_discovery() -> None:
    spider = IndiaLifeSpider(listing="http://127.0.0.1:8000/news/, http://127.0.0.1:8000/more/")
    assert spider.listings == ["http://127.0.0.1:8000/news/", "http://127.0.0.1:8000/more/"]
    assert (spider.sitemaps, spider.feeds) == ([], [])


def test_aliases_come_from_the_settings_and_route_listing_links() -> None:
    aliases = {"127.0.0.1:8000": "indialife"}
    crawler = get_crawler(IndiaLifeSpider, {"NEWSCRAWLER_SITE_ALIASES": json.dumps(aliases)})
    spider = IndiaLifeSpider.from_crawler(crawler)
    assert spider.site_aliases == aliases
    url = "http://127.0.0.1:8000/"
    response = HtmlResponse(url, body=LISTING.encode(), request=Request(url, meta={"page": 1}))
    assert [r.url for r in spider.parse_listing(response) if r.meta[ARTICLE_META]] == [
        "http://127.0.0.1:8000/article/112952",
        "http://127.0.0.1:8000/article.php?id=7",
    ]
    assert not [r for r in IndiaLifeSpider().parse_listing(response) if r.meta[ARTICLE_META]]


def test_unknown_alias_site_stops_the_crawl() -> None:
    crawler = get_crawler(IndiaLifeSpider, {"NEWSCRAWLER_SITE_ALIASES": {"h": "nope"}})
    with pytest.raises(ValueError, match="unknown site keys"):
        IndiaLifeSpider.from_crawler(crawler)


def test_warc_replay_reads_the_aliases_too() -> None:
    settings = {"NEWSCRAWLER_SITE_ALIASES": {"127.0.0.1:8000": "ndtv"}}
    spider = WarcSpider.from_crawler(get_crawler(WarcSpider, settings))
    assert spider.site_aliases == {"127.0.0.1:8000": "ndtv"}


def test_bad_listing_links_are_skipped_and_counted_not_fatal() -> None:
    # A listing page may link anything, like a sitemap: one href that is no URL, or a port out
    # of range, must not lose the page's other links (it raised ValueError before).
    crawler = get_crawler(IndiaLifeSpider)
    spider = IndiaLifeSpider.from_crawler(crawler)
    url = "https://www.indialife.us/"
    html = (
        '<a href="http://[oops/article/1">x</a><a href="https://www.indialife.us:99999/article/2">'
        'y</a><a href="/article/112952">z</a><a href="http://[bad">Next</a>'
    )
    response = HtmlResponse(url, body=html.encode(), request=Request(url, meta={"page": 1}))
    requests = list(spider.parse_listing(response))
    assert [r.url for r in requests] == ["https://www.indialife.us/article/112952"]
    stats = crawler.stats.get_stats()
    assert stats["newscrawler/skipped/entry_bad_url"] == 2
