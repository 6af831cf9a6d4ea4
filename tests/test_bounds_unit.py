"""Input bounds as plain functions: settings checked, listings streamed, losses named."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from newscrawler.exceptions import ConfigError
from newscrawler.sites import discovery
from newscrawler.sites.listings import FeedReader, SitemapReader
from newscrawler.spiders.bounds import DEFAULTS, Bounds


def test_bounds_default_and_override() -> None:
    assert Bounds.from_settings(Settings()) == Bounds()
    assert Bounds().max_page_bytes == DEFAULTS["NEWSCRAWLER_MAX_PAGE_BYTES"]
    bounds = Bounds.from_settings(Settings({"NEWSCRAWLER_SITEMAP_MAX_DEPTH": "5"}))
    assert bounds.sitemap_max_depth == 5


@pytest.mark.parametrize("value", ["abc", "0", "-3", "1.5"])
def test_a_bad_bound_names_the_setting(value: object) -> None:
    with pytest.raises(ConfigError, match="NEWSCRAWLER_MAX_TAGS"):
        Bounds.from_settings(Settings({"NEWSCRAWLER_MAX_TAGS": value}))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://a.example/x", None),
        ("http://[oops/x", "entry_bad_url"),
        ("http://a.example:99999/x", "entry_bad_url"),
        ("http://a.example:port/x", "entry_bad_url"),
        ("http:///x", "entry_bad_url"),
        ("mailto:desk@a.example", "entry_bad_scheme"),
        ("javascript:alert(1)", "entry_bad_scheme"),
        ("file:///etc/passwd", "entry_bad_scheme"),
    ],
)
def test_entry_problem(url: str, reason: str | None) -> None:
    assert discovery.entry_problem(url) == reason


def test_a_sitemap_is_read_entry_by_entry() -> None:
    body = b"<urlset>" + b"".join(b"<url><loc>https://a/%d</loc></url>" % i for i in range(5))
    reader = SitemapReader(body + b"</urlset>")
    entries = iter(reader)
    assert next(entries) == ("https://a/0", None)
    assert next(entries) == ("https://a/1", None)
    assert reader.kind == "urlset"
    assert reader.stopped is None
    assert len(list(entries)) == 3


def test_a_feed_nested_too_deep_says_where_it_stopped() -> None:
    items = [b"<item><link>https://a/%d</link></item>" % i for i in range(4)]
    deep = b"<x>" * 300 + b"</x>" * 300
    reader = FeedReader(b"<rss><channel>" + b"".join(items[:2]) + deep + b"".join(items[2:]))
    assert [url for url, _ in reader] == ["https://a/0", "https://a/1"]
    assert reader.stopped == "listing_over_limit"
    assert "Excessive depth" in reader.detail


def test_entities_are_never_expanded_and_the_empty_entry_is_counted() -> None:
    doctype = b'<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    body = (
        doctype + b"<rss><item><link>&b;</link></item><item><link>https://a/1</link></item></rss>"
    )
    reader = FeedReader(body)
    assert list(reader) == [("https://a/1", None)]
    assert reader.no_link == 1


def test_a_cut_feed_keeps_what_came_before() -> None:
    reader = FeedReader(b"<rss><item><link>https://a/1</link></item><item><li")
    assert [url for url, _ in reader] == ["https://a/1"]
    assert reader.stopped == "listing_cut_short"
