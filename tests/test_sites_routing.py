"""Site registry routing, article URL patterns and the pure discovery helpers."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from newscrawler.extract.page import ArticlePage
from newscrawler.sites import GENERIC, SITES, check_aliases, discovery, site_for_url, site_url


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://apnews.com/article/mexico-economy-3cc842471fb9df42315d658d88c8403a", "apnews"),
        ("https://www.reuters.com/world/x-2024-03-07/", "reuters"),
        ("https://timesofindia.indiatimes.com/india/x/articleshow/71496416.cms", "timesofindia"),
        ("https://www.ndtv.com/india-news/x-2207284", "ndtv"),
        ("https://www.deccanherald.com/international/x-777453.html", "deccanherald"),
        (
            "https://www.indiapost.com/with-shattered-dreams-deportees-return-home-from-us/",
            "indiapost",
        ),
        ("http://indialife.us/article.php?id=112952", "indialife"),
        ("https://www.indialife.us/article/112952", "indialife"),
        ("https://www.aa.com.tr/tr/ekonomi/turkiyede-elektrikli-arac/3529015", "anadolu"),
        ("http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm", "xinhua"),
        ("https://www.news.cn/politics/20240101/0123456789abcdef0123456789abcdef/c.html", "xinhua"),
        ("https://economictimes.indiatimes.com/jobs/x.cms", "generic"),
        ("https://notreuters.com/a", "generic"),
        ("not a url", "generic"),
    ],
    ids=lambda value: value if "://" not in str(value) else None,
)
def test_site_for_url(url: str, key: str) -> None:
    assert site_for_url(url).key == key


@pytest.mark.parametrize(
    ("key", "url", "is_article"),
    [
        ("indialife", "https://www.indialife.us/article.php?id=112952", True),
        ("indialife", "https://www.indialife.us/article/112952", True),
        ("indialife", "https://www.indialife.us/category.php?id=3", False),
        ("reuters", "https://www.reuters.com/article/us-usa-fed-idUSKBN1430G4", True),
        ("reuters", "https://www.reuters.com/world/", False),
        ("timesofindia", "https://timesofindia.indiatimes.com/india", False),
        ("anadolu", "https://www.aa.com.tr/tr/ekonomi/turkiyede-elektrikli-arac/3529015", True),
        ("anadolu", "https://www.aa.com.tr/tr/gundem", False),
        ("anadolu", "https://www.aa.com.tr/tr/rss/default?cat=guncel", False),
        ("xinhua", "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm", True),
        ("xinhua", "https://www.news.cn/20240101/0123456789abcdef0123456789abcdef/c.html", True),
        ("xinhua", "https://www.news.cn/politics/", False),
    ],
)
def test_article_url_patterns(key: str, url: str, is_article: bool) -> None:
    assert SITES[key].is_article_url(url) is is_article


def test_registry_is_data() -> None:
    for key, site in SITES.items():
        assert site.key == key
        assert issubclass(site.page, ArticlePage)
        page = site.read("<html></html>", f"https://{site.domains[0]}/x")
        assert (page.source, page.article_url) == (key, site.article_url)
        with pytest.raises(dataclasses.FrozenInstanceError):
            site.key = "x"  # type: ignore[misc]
    assert GENERIC.page is ArticlePage
    assert GENERIC.read("<html></html>", "https://www.example.com/a").source_key() == "example.com"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30m", timedelta(minutes=30)), ("12h", timedelta(hours=12)), ("2d", timedelta(days=2))],
)
def test_parse_age(text: str, expected: timedelta) -> None:
    assert discovery.parse_age(text) == expected


def test_parse_age_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="age must look like"):
        discovery.parse_age("two days")


NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "recent"),
    [
        ("2026-11-24T12:00:00Z", True),
        ("Mon, 20 Nov 2026 10:00:00 +0000", False),
        ("2026-11-25", True),
        (None, True),
        ("garbage", True),
    ],
    ids=["iso", "rfc2822-old", "date-only", "undated", "unparsable"],
)
def test_is_recent(raw: str | None, recent: bool) -> None:
    assert discovery.is_recent(raw, now=NOW, max_age=timedelta(days=2)) is recent


@pytest.mark.parametrize(("raw", "recent"), [("2026-11-25", True), ("2026-11-24", True),
                                             ("2026-11-23", False)])  # fmt: skip
def test_a_day_alone_counts_as_that_days_end(raw: str, recent: bool) -> None:
    # Google News sitemaps may give `<lastmod>2026-11-25</lastmod>`: at noon with `since=6h`
    # every story of the day was too old, read as midnight UTC
    assert discovery.is_recent(raw, now=NOW, max_age=timedelta(hours=6)) is recent


def test_sitemap_entries_news_index_and_broken() -> None:
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc> https://a/1 </loc>
    <lastmod>2020-01-01</lastmod><news:news><news:publication_date>2026-11-24</news:publication_date>
    </news:news></url><url><loc>https://a/2</loc></url></urlset>"""
    assert discovery.sitemap_entries(news) == (
        "urlset",
        [("https://a/1", "2026-11-24"), ("https://a/2", None)],
    )
    index = b"<sitemapindex><sitemap><loc>https://a/s1.xml</loc></sitemap></sitemapindex>"
    assert discovery.sitemap_entries(index) == ("sitemapindex", [("https://a/s1.xml", None)])
    assert discovery.sitemap_entries(b"") == ("", [])
    assert (
        discovery.sitemap_entries(
            b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><urlset>&e;</urlset>"
        )[1]
        == []
    )


def test_feed_entries_rss_and_atom() -> None:
    rss = (
        "<rss><channel><item><link>https://a/1</link>"
        "<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://a/2"/>
    <updated>2026-11-24T10:00:00Z</updated></entry></feed>"""
    assert discovery.feed_entries(rss) == [("https://a/1", "Tue, 24 Nov 2026 10:00:00 GMT")]
    assert discovery.feed_entries(atom) == [("https://a/2", "2026-11-24T10:00:00Z")]


def test_url_lines() -> None:
    assert discovery.url_lines("# c\n\nhttps://a/1  # note\n https://a/2\n") == [
        "https://a/1",
        "https://a/2",
    ]


ALIASES = {"127.0.0.1:8080": "reuters", "mirror.local": "indialife"}


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("http://127.0.0.1:8080/world/x-2024-03-07/", "reuters"),
        ("http://127.0.0.1:9090/world/x-2024-03-07/", "generic"),  # another port: no alias
        ("http://mirror.local:8000/article/1", "indialife"),  # a bare host: any port
        ("http://127.0.0.1:bad/a", "generic"),
        ("https://apnews.com/article/x", "apnews"),  # real domains still route
    ],
)
def test_site_for_url_with_aliases(url: str, key: str) -> None:
    assert site_for_url(url, aliases=ALIASES).key == key


def test_site_url_moves_an_aliased_url_to_the_site_home() -> None:
    assert site_url("http://127.0.0.1:8080/world/x?a=1", ALIASES) == (
        "https://www.reuters.com/world/x?a=1"
    )
    assert site_url("http://other:8080/world/x", ALIASES) == "http://other:8080/world/x"
    assert SITES["indialife"].is_article_url(site_url("http://mirror.local/article/7", ALIASES))
    assert not SITES["indialife"].is_article_url("http://mirror.local/article/7")


def test_site_home_is_the_host_of_its_own_discovery() -> None:
    assert SITES["reuters"].home() == "https://www.reuters.com"
    assert SITES["apnews"].home() == "https://apnews.com"
    assert GENERIC.home() == ""


def test_check_aliases_normalises_and_rejects_unknown_sites() -> None:
    assert check_aliases({" Mirror.Local:80 ": "ndtv"}) == {"mirror.local:80": "ndtv"}
    with pytest.raises(ValueError, match="unknown site keys"):
        check_aliases({"127.0.0.1": "nosuchsite"})
