"""Article or not (issue 14): short untyped articles are kept, listings and videos are skipped."""

from __future__ import annotations

import json
import logging

import pytest
from scrapy.http import HtmlResponse, Request

from newscrawler.extract.page import ArticlePage
from newscrawler.spiders.base import item_from_response
from tests.test_extract_generic_body import dev_case

LONG = "Officials said on Tuesday that the embankment would be widened before the monsoon."


def _portal(paragraphs: int) -> str:
    body = "".join(f"<p>{LONG} Work starts in {n + 2} weeks.</p>" for n in range(paragraphs))
    return (
        f"<html><body><h1>Embankment to be widened</h1><div class='txt'>{body}</div></body></html>"
    )


def test_untyped_portal_page_with_five_prose_paragraphs_is_an_article() -> None:
    # No og:type, no JSON-LD, under 1,000 characters: the portal layout issue 14 saw skipped.
    page = ArticlePage(_portal(5), "https://portal.example/2025/07/26/embankment")
    assert page.fields() is not None
    assert page.skip_reason is None


def test_teaser_list_is_not_an_article_however_long() -> None:
    cards = "".join(
        f"<div class='card'><a href='/s{n}'><h3>Headline number {n} of the day</h3></a>"
        f"<p>{LONG} {LONG}</p></div>"
        for n in range(12)
    )
    page = ArticlePage(f"<html><body><main>{cards}</main></body></html>", "https://x.example/news/")
    assert page.fields() is None
    assert "teaser list" in (page.skip_reason or "")


@pytest.mark.parametrize(
    ("head", "url", "reason"),
    [
        ('<meta property="og:type" content="video.other">', "https://x.example/a", "og:type"),
        ("", "https://x.example/tag/floods/", "listing URL path"),
    ],
)
def test_video_and_tag_pages_say_why(head: str, url: str, reason: str) -> None:
    html = _portal(8).replace("<html>", f"<html><head>{head}</head>")
    page = ArticlePage(html, url)
    assert page.fields() is None
    assert reason in (page.skip_reason or "")


def test_the_reason_is_logged_at_info(caplog: pytest.LogCaptureFixture) -> None:
    url = "https://x.example/tag/floods/"
    response = HtmlResponse(url, body=_portal(8).encode(), encoding="utf-8", request=Request(url))
    with caplog.at_level(logging.INFO, logger="newscrawler.spiders.base"):
        assert item_from_response(response) is None
    assert any("Not an article" in r.message and "listing URL path" in r.message
               for r in caplog.records if r.levelno == logging.INFO)  # fmt: skip


def test_nikkan_gendai_story_is_an_article() -> None:
    case = dev_case("jp/NikkanGeadai_2025_01_31")
    assert ArticlePage(case["html"], case["url"]).fields() is not None


def test_next_js_page_with_its_story_only_in_next_data_is_an_article() -> None:
    blocks = [{"type": "paragraph", "text": f"{LONG} Section {n} of the plan."} for n in range(4)]
    blocks.insert(
        2,
        {
            "type": "html",
            "html": "<p>Residents of the low-lying wards welcomed the <b>decision</b>.</p>",
        },
    )
    data = {"props": {"pageProps": {"story": {"title": "Embankment", "body": blocks}}}}
    script = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    html = f"<html><body><h1>Embankment</h1><div id='__next'></div>{script}</body></html>"
    fields = ArticlePage(html, "https://next.example/story/embankment").fields()
    assert fields is not None
    assert fields["body"][0] == f"{LONG} Section 0 of the plan."
    assert "Residents of the low-lying wards welcomed the decision." in fields["body"]


def test_broken_embedded_json_is_no_body() -> None:
    script = '<script id="__NEXT_DATA__" type="application/json">{"props": </script>'
    page = ArticlePage(f"<html><body><h1>X</h1>{script}</body></html>", "https://n.example/a")
    assert page.fields() is None


def test_a_short_story_at_an_article_url_is_an_article() -> None:
    # A blog post or brief of two paragraphs with no article markup: its URL's slug (or id, or
    # dated path) says article; the same page at a section URL is still skipped.
    paragraphs = "".join(
        f"<p>The ministry for club culture informs: the collecting society raised its fees {n}"
        " again this week, and the clubs of the city say they will close their doors.</p>"
        for n in range(2)
    )
    html = f"<html><body><h1>Club culture informs</h1><div>{paragraphs}</div></body></html>"
    slug = "https://portal.example/luebeck/2012/05/31/das-ministerium-fur-club-kultur-informiert/"
    assert ArticlePage(html, slug).fields() is not None
    section = ArticlePage(html, "https://portal.example/luebeck/")
    assert section.fields() is None
    assert "prose paragraphs" in (section.skip_reason or "")
