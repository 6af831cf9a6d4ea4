"""Block quirks: class-named breaks, site drops, clipped screen-reader text, meta value=."""

from __future__ import annotations

from parsel import Selector

from newscrawler.extract import chrome, dom
from newscrawler.extract.meta import meta_fields
from newscrawler.extract.page import ArticlePage

LONG = "Officials said on Tuesday that the embankment would be widened before the monsoon."


def test_span_with_br_class_ends_a_line() -> None:
    html = '<div>First line.<span class="id-r-component br"></span>Second line.</div>'
    element = Selector(text=html).css("div")[0].root
    assert dom.block_texts(element) == ["First line.", "Second line."]


def test_clipped_screen_reader_text_is_hidden() -> None:
    hidden = '<span style="clip:rect(0 0 0 0);position:absolute">, opens new tab</span>'
    page = Selector(text=f"<div><p>The report{hidden} by TNO.</p></div>")
    assert dom.blocks_of(chrome.cleaned(page), "p") == ["The report by TNO."]


def test_drop_matches_keeps_tail_text() -> None:
    page = Selector(text='<div><p>Lead<span class="promo">Ad</span> tail.</p></div>')
    chrome.drop_matches(page, ("//span[@class='promo']",))
    assert dom.blocks_of(page, "p") == ["Lead tail."]


class CrossheadPage(ArticlePage):
    paragraphs_css = ("div.story",)
    drop_xpath = ("//div[@class='story']/h2",)


def test_site_drops_apply_before_site_selectors() -> None:
    story = f"<div class='story'>{LONG}<h2>Crosshead</h2>{LONG} Again.</div>"
    page = CrossheadPage(f"<html><body>{story}</body></html>", "https://x.example/a")
    assert page.body() == [LONG, f"{LONG} Again."]
    assert page.used_fallback is False


def test_meta_value_attribute_counts_like_content() -> None:
    html = (
        '<head><meta value="2016-12-14T06:02:15Z" name="og:article:published_time">'
        '<meta name="author" value="Howard Schneider, Lindsay Dunsmuir">'
        '<meta value="Business News" name="og:article:section"></head>'
    )
    fields = meta_fields(Selector(text=html))
    assert fields["published_at_raw"] == "2016-12-14T06:02:15Z"
    assert fields["authors"] == ["Howard Schneider, Lindsay Dunsmuir"]
    assert fields["section"] == "Business News"


def test_page_authors_split_and_agency_moves() -> None:
    ld = '{"@type": "NewsArticle", "author": ["By MEG KINNARD and ERRIN HAINES, Associated Press"]}'
    html = f'<html><head><script type="application/ld+json">{ld}</script></head></html>'
    page = ArticlePage(html, "https://x.example/a")
    assert page.authors() == ["MEG KINNARD", "ERRIN HAINES"]
    assert page.agency() == "Associated Press"


def test_byline_selectors_when_metadata_names_only_an_agency() -> None:
    ld = '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "AFP"}}'
    byline = (
        '<span class="person-link">Bill  MCCARTHY</span><span class="person-link">Ann Lee</span>'
    )
    html = f'<html><head><script type="application/ld+json">{ld}</script></head>{byline}</html>'
    page = ArticlePage(html, "https://x.example/a")
    assert page.authors() == ["Bill MCCARTHY", "Ann Lee"]
    assert page.agency() == "AFP"
