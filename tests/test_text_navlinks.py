"""Navigation, category and service links never become `related`: string and stored-page cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newscrawler.pipelines.related import RelatedLinksPipeline
from newscrawler.sites import site_for_url
from newscrawler.text.navlinks import clean_title, is_article_url, is_navigation


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Watch more videos", "https://www.reuters.com/video/"),  # Reuters call to action
        ("Aerospace & Defense category", "https://www.reuters.com/business/aerospace-defense/"),
        ("Europe category", "https://www.reuters.com/world/europe/"),
        ("Israel Gaza War", "https://timesofindia.indiatimes.com/world/israel-hamas-war-live"),
        ("Self Made Women Billionaires", "https://toi.example/world/top-10-self-made-women"),
        ("What does your star sign say?", "https://www.deccanherald.com/horoscope"),  # service
        ("Traffic Challan Status", "https://www.ndtv.com/traffic-challan"),  # NDTV service
        ("Coronavirus Helplines and numbers", "https://www.ndtv.com/coronavirus/helpline-numbers"),
        ("Subscribe to our daily newsletter now", "https://news.example/newsletters/"),
    ],
)
def test_navigation_links(title: str, url: str) -> None:
    assert is_navigation(clean_title(title), url)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Lloyd's of London 2023 underwriting profit doubles", "https://www.reuters.com/world/uk/lloyds-london-2023-underwriting-profit-doubles-2024-03-07/"),
        ("Yudichak leaves Democratic Party", "http://www.citizensvoice.com/news/yudichak-leaves-democratic-party-1.2561563"),
        ("Explore The 3 Top Spots in Detroit's Rivertown", "https://detroit.cbslocal.com/2019/10/18/explore-rivertown/"),
        ("Facebook to become 'privacy-focused' like WhatsApp", None),  # a seed sidebar line
        ("南海トラフ、一時調査", "https://www.chunichi.co.jp/article/1053203"),  # unspaced script
        ("Story from the portal", "https://indialife.us/article.php?id=112952"),
        ("A WordPress post by its id", "https://blog.example/?p=42"),
    ],
)  # fmt: skip
def test_article_links(title: str, url: str | None) -> None:
    assert not is_navigation(title, url)


def test_screen_reader_suffix_cut() -> None:
    assert clean_title("Halliburton beats estimates , article with image") == (
        "Halliburton beats estimates"
    )
    assert clean_title("Fed holds rates, opens new tab") == "Fed holds rates"


@pytest.mark.parametrize(
    "url",
    ["https://x.example/", "https://x.example/world/europe/", "https://x.example/tags/ai/"],
)
def test_fronts_are_no_article_urls(url: str) -> None:
    assert not is_article_url(url)


REUTERS_KEPT = "Britain launches appeal in Northern Ireland amnesty law case"
NDTV_KEPT = "No Public Gatherings In UP Till June 30, Orders Yogi Adityanath"
DH_KEPT = "Karnataka Bypolls: Turncoats get richer in a year"


def related_of(shared_pages: Path, site: str) -> list[dict[str, Any]]:
    """The `related` of every stored page of `site` after the related-links pipeline."""
    folder = shared_pages / site
    out: list[dict[str, Any]] = []
    for name, truth in json.loads((folder / "expected.json").read_text()).items():
        if not (folder / name).is_file():
            continue
        url = truth.get("url") or f"https://{site}.invalid/{name}"
        html = (folder / name).read_text(encoding="utf-8", errors="replace")
        fields = site_for_url(url).page(html, url).fields()
        if fields:
            out += RelatedLinksPipeline().process_item({**fields, "crawled_at": None})["related"]
    return out


@pytest.mark.parametrize(
    ("site", "gone", "kept"),
    [
        ("reuters", ["Watch more videos", "Europe category"], REUTERS_KEPT),
        ("timesofindia", ["Israel Gaza War", "IPL Points Table"], None),  # trending topics only
        ("ndtv", ["Traffic Challan Status", "Coronavirus Helplines"], NDTV_KEPT),
        ("deccanherald", ["What does your star sign say?"], DH_KEPT),
    ],
)
def test_stored_pages_keep_articles_only(
    shared_pages: Path, site: str, gone: list[str], kept: str | None
) -> None:
    titles = [link["title"] for link in related_of(shared_pages, site)]
    assert not set(gone) & set(titles)
    assert not any(title.endswith(", article with image") for title in titles)
    if kept:
        assert kept in titles
