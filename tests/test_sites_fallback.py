"""Site spiders fall back to generic extraction when selectors break, and count it in stats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from newscrawler.sites import SITES, site_for_url
from newscrawler.spiders.base import item_from_response

# One article URL per site with body selectors (indialife has none: generic is its normal path).
ARTICLE_URLS = {
    "apnews": "https://apnews.com/article/storm-coast-3cc842471fb9df42315d658d88c8403a",
    "reuters": "https://www.reuters.com/world/europe/storm-hits-coast-2024-03-07/",
    "timesofindia": "https://timesofindia.indiatimes.com/india/storm-coast/articleshow/112898501.cms",
    "ndtv": "https://www.ndtv.com/india-news/storm-hits-the-coast-2207327",
    "deccanherald": "https://www.deccanherald.com/international/storm-hits-the-coast-777897.html",
    "indiapost": "https://www.indiapost.com/storm-hits-the-coast-of-the-state/",
    "anadolu": "https://www.aa.com.tr/en/world/storm-hits-the-coast/3529016",
    "xinhua": "http://www.xinhuanet.com/english/2020-02/19/c_138799999.htm",
}
SENTENCE = "The storm reached the coast on Tuesday night and cut power to thousands of homes there."


def redesigned_page(headline: str) -> str:
    """An article whose container class matches no site selector (a new template)."""
    ld = {"@type": "NewsArticle", "headline": headline, "datePublished": "2024-03-07T08:00:00Z"}
    paragraphs = "".join(f"<p>{SENTENCE} Paragraph {n} adds detail.</p>" for n in range(8))
    return (
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f'<body><h1>{headline}</h1><div class="story-v9__text-x81Qa">{paragraphs}</div>'
        "</body></html>"
    )


def extract(url: str, html: str) -> tuple[Any, dict[str, int]]:
    stats = get_crawler().stats
    assert stats is not None
    request = Request(url)
    response = HtmlResponse(url=url, body=html.encode(), encoding="utf-8", request=request)
    return item_from_response(response, stats), stats.get_stats()


def test_every_site_with_selectors_is_covered() -> None:
    with_selectors = {key for key, site in SITES.items() if site.page.paragraphs_css}
    assert with_selectors == set(ARTICLE_URLS)


@pytest.mark.parametrize("key", sorted(ARTICLE_URLS))
def test_changed_class_names_fall_back_and_count(key: str) -> None:
    url = ARTICLE_URLS[key]
    assert site_for_url(url).key == key
    item, stats = extract(url, redesigned_page("Storm hits the coast"))
    assert item is not None
    assert item.headline == "Storm hits the coast"
    assert len(item.body) == 8
    assert item.body[0].startswith(SENTENCE)
    assert stats == {"newscrawler/spider/fallback_extraction": 1}


def test_real_page_with_renamed_classes(shared_pages: Path) -> None:
    """AP 2024 after a redesign renaming RichTextStoryBody: same story, counted fallback."""
    html = (shared_pages / "apnews" / "APNews_2024_09_03.html").read_text(encoding="utf-8")
    url = json.loads((shared_pages / "apnews" / "expected.json").read_text())[
        "APNews_2024_09_03.html"
    ]["url"]
    original, before = extract(url, html)
    renamed, after = extract(url, html.replace("RichTextStoryBody", "StoryText-v2"))
    assert before == {}
    assert after == {"newscrawler/spider/fallback_extraction": 1}
    assert original.body[0] == renamed.body[0]
    assert len(renamed.body) >= 0.9 * len(original.body)
