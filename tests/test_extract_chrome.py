"""Chrome removal: junk-classed elements go unless they hold the story, alone or as twins."""

from __future__ import annotations

from parsel import Selector

from newscrawler.extract import chrome
from newscrawler.extract.page import ArticlePage
from tests.support.devset import dev_page

PARA = "<p>Officials said on Tuesday that the embankment would be widened, part {}.</p>"
AD = "<div class='ad-slot'>Advertisement</div>"


def _story_in_columns(column_class: str, per_column: int, columns: int) -> str:
    parts = [
        f"<div class='{column_class}'>"
        + "".join(PARA.format(f"{c}.{n}") for n in range(per_column))
        + f"</div><aside class='{column_class}-rail'>Most read</aside>{AD}"
        for c in range(columns)
    ]
    return "<html><body><article>" + "".join(parts) + "</article></body></html>"


def _kept(html: str) -> int:
    return len(chrome.cleaned(Selector(text=html)).xpath("//p"))


def test_a_story_split_over_junk_classed_twins_is_kept() -> None:
    # BEM templates name the main column after its grid ("sidebar-grid__content"); ads split
    # the story into several such columns, none holding half the paragraphs on its own.
    assert _kept(_story_in_columns("sidebar-grid__content", 3, 4)) == 12


def test_junk_classed_twins_that_are_not_the_story_still_go() -> None:
    story = "".join(PARA.format(n) for n in range(10))
    boxes = "".join(
        f"<div class='sidebar-box'>{PARA.format(f'box {n}')}</div>" for n in range(3)
    )  # three boxes of one paragraph each: 3 of 13 is no story
    html = f"<html><body><div class='story'>{story}</div>{boxes}</body></html>"
    assert _kept(html) == 10


def test_linked_twins_are_teasers_not_the_story() -> None:
    teaser = "<div class='related-card'><a href='/a'>{}</a></div>"
    cards = "".join(teaser.format(PARA.format(n)) for n in range(6))
    html = f"<html><body>{cards}</body></html>"
    assert _kept(html) == 0


def test_politico_story_split_over_sidebar_grid_columns_dev_page() -> None:
    # Before: every column was dropped and trafilatura's fallback recovered 89% of the story.
    html, case = dev_page("be/PoliticoEu_2025_10_23")
    body = ArticlePage(html, case["url"]).body()
    assert all(paragraph in body for paragraph in case["paragraphs"])


def test_an_author_biography_box_is_chrome() -> None:
    story = "".join(PARA.format(n) for n in range(5))
    bio = "<div class='author-bio'><p>Born in Córdoba in 1984, she reports on the south.</p></div>"
    html = f"<html><body><article>{story}{bio}</article></body></html>"
    assert "Córdoba" not in " ".join(chrome.cleaned(Selector(text=html)).xpath("//text()").getall())


def test_la_vanguardia_author_bio_dev_page() -> None:
    html, case = dev_page("es/LaVanguardia_2026_07_11")
    body = " ".join(ArticlePage(html, case["url"]).body())
    assert "Córdoba, 1984. Periodista" not in body
    assert case["paragraphs"][-1][:60] in body


def test_a_region_whose_aria_label_names_chrome_goes() -> None:
    # Templates with utility classes ("col-span-3 w-full p-4") name their boxes only for screen
    # readers: <section aria-label="Newsletter Anmeldung">, "Related stories"
    story = "".join(PARA.format(n) for n in range(5))
    box = "<section aria-label='Newsletter Anmeldung' class='w-full p-4'><p>{}</p></section>"
    html = f"<html><body><article>{story}{box.format('Jeden Tag wissen, was los ist.')}</article>"
    text = " ".join(chrome.cleaned(Selector(text=html)).xpath("//text()").getall())
    assert "Jeden Tag" not in text
    assert "part 4" in text


def test_waz_newsletter_sign_up_named_by_aria_label_dev_page() -> None:
    html, case = dev_page("de/WAZ_2024_03_08")
    body = " ".join(ArticlePage(html, case["url"]).body())
    assert "Jeden Tag wissen, was in unserer Stadt los ist" not in body
    assert case["paragraphs"][-1][:60] in body


def test_an_article_nested_in_the_story_is_a_teaser_card() -> None:
    # An <article> inside the story's <article> is another story's card (kicker, title, lead)
    # or a boxed notice; live-blog entries, one class together holding the story, stay.
    story = "".join(PARA.format(n) for n in range(5))
    card = "<article class='t'><h3>Marathon: A race</h3><p>A teaser of another story.</p></article>"
    html = f"<html><body><article>{story}{card}</article></body></html>"
    text = " ".join(chrome.cleaned(Selector(text=html)).xpath("//text()").getall())
    assert "teaser" not in text
    assert "part 4" in text
    entries = "".join(f"<article class='entry'>{PARA.format(n)}</article>" for n in range(6))
    assert _kept(f"<html><body><article>{entries}</article></body></html>") == 6


def test_sz_teaser_cards_inside_the_story_dev_page() -> None:
    html, case = dev_page("de/SZ_2024_09_30")
    body = " ".join(ArticlePage(html, case["url"]).body())
    assert "Er läuft mit leichterem Herzen" not in body
    assert all(paragraph[:60] in body for paragraph in case["paragraphs"])
