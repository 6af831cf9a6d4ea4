"""Publication dates: source order, microdata, live blogs, CDATA JSON-LD, naive times, no gluing."""

from __future__ import annotations

from typing import ClassVar

import pytest

from newscrawler.extract.page import ArticlePage
from tests.support.devset import dev_page

BODY = f"<h1>Headline</h1><p>{'The story goes on at length here. ' * 20}</p>"


def page(head: str = "", body: str = "", cls: type[ArticlePage] = ArticlePage) -> ArticlePage:
    return cls(f"<html><head>{head}</head><body>{body}{BODY}</body></html>", "https://ex.com/a")


def ld(node: str) -> str:
    return f'<script type="application/ld+json">{node}</script>'


def test_full_jsonld_timestamp_beats_a_date_only_time_tag() -> None:
    got = page(
        ld('{"@type": "NewsArticle", "datePublished": "2024-08-22T12:00:00+02:00"}'),
        '<time datetime="2024-08-22">22.08.2024</time>',
    )
    assert got.published() == ("2024-08-22T12:00:00+02:00", "jsonld")


def test_jsonld_in_cdata_is_read() -> None:
    # Krautreporter layout: "//<![CDATA[ ... //]]>" around the block.
    node = (
        '//<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2024-08-22T12:00:00+02:00"}\n//]]>'
    )
    assert page(ld(node)).published()[0] == "2024-08-22T12:00:00+02:00"


def test_microdata_meta_and_element() -> None:
    # SRF: <meta itemprop=datePublished>; the Mirror: <div itemprop=datePublished content=...>.
    meta = '<meta itemprop="datePublished" content="2025-01-05T15:23:59+01:00">'
    assert page(meta).published() == ("2025-01-05T15:23:59+01:00", "meta")
    div = '<div itemprop="datePublished" content="2024-08-04T13:23:00Z">By X</div>'
    assert page(body=div + '<time datetime="2024-08-05">x</time>').published()[0] == (
        "2024-08-04T13:23:00Z"
    )


def test_live_blog_posting_dates_the_page() -> None:
    node = (
        '{"@type": "LiveBlogPosting", "headline": "LIVE", "datePublished": "2024-08-04T13:23:00Z"}'
    )
    head = ld(node) + '<meta property="article:published_time" content="2024-08-05T19:49:50Z">'
    got = page(head)
    assert got.published() == ("2024-08-04T13:23:00Z", "jsonld")
    assert got.jsonld.get("headline") is None  # the running live title is no headline source


def test_naive_jsonld_time_takes_the_pages_stated_offset() -> None:
    node = (
        '{"@type": "NewsArticle", "datePublished": "2024-05-03T15:47:42",'
        ' "dateModified": "2024-05-03T16:00:00+02:00"}'
    )
    assert page(ld(node)).published()[0] == "2024-05-03T15:47:42+02:00"


def test_naive_time_without_a_stated_offset_stays_naive() -> None:
    # The dates pipeline then reads it in the site's zone (NEWSCRAWLER_SITE_TIMEZONES).
    node = '{"@type": "NewsArticle", "datePublished": "2024-05-03T15:47:42"}'
    assert page(ld(node)).published()[0] == "2024-05-03T15:47:42"


class Dated(ArticlePage):
    date_css: ClassVar[tuple[str, ...]] = (".date",)


def test_visible_date_never_glued_from_neighbouring_elements() -> None:
    got = page(
        body='<div class="date"><span>July 25</span><span>17:42 2025</span></div>', cls=Dated
    )
    assert got.published()[0] == "July 25 17:42 2025"


@pytest.mark.parametrize(
    ("case_id", "expected"),
    [
        ("de/Krautreporter_2024_08_22", "2024-08-22T12:00:00+02:00"),  # CDATA JSON-LD over <time>
        ("ch/SRF_2025_01_05", "2025-01-05T15:23:59+01:00"),  # <meta itemprop=datePublished>
        ("uk/TheMirror_2024_08_05", "2024-08-04T13:23:00Z"),  # LiveBlogPosting
    ],
)
def test_dates_of_real_layouts(case_id: str, expected: str) -> None:
    html, case = dev_page(case_id)
    assert ArticlePage(html, case["url"]).published()[0] == expected
