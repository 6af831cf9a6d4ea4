"""Furniture lines of the generic body (issue 14): byline, date display, embeds, pitches."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.extract.junk import is_junk_line, without_name_lines, without_stamp_lines
from newscrawler.extract.page import ArticlePage

P = "Officials said on Tuesday that the embankment would be widened before the monsoon, {}."


def test_a_bare_author_name_line_at_the_opening_goes() -> None:
    blocks = ["Jane Roe", "John Doe, Jane Roe", P.format(1), P.format(2)]
    assert without_name_lines(blocks, ["John Doe", "Jane Roe"]) == [P.format(1), P.format(2)]


def test_a_name_deep_in_the_story_or_without_authors_stays() -> None:
    blocks = [P.format(n) for n in range(6)] + ["Jane Roe", P.format(7)]
    assert without_name_lines(blocks, ["Jane Roe"]) == blocks
    assert without_name_lines(["Jane Roe", P.format(1)], []) == ["Jane Roe", P.format(1)]


def test_a_bare_author_name_closing_the_story_goes() -> None:
    # The Vietnamese convention: the reporter's name, alone and right-aligned, ends the story.
    blocks = [P.format(n) for n in range(6)] + ["Jane Roe"]
    assert without_name_lines(blocks, ["Jane Roe"]) == blocks[:-1]


@pytest.mark.parametrize(
    "line",
    [
        "20 Nisan 2026•Güncelleme: 20 Nisan 2026",
        "20.04.2026 14:09",
        "May 7, 2026",
        "2026年4月20日 14時09分 (4月20日 14時30分更新)",  # CJK runs numbers and letters together
        "2026年04月20日 14:09",
    ],
)
def test_a_date_display_line_at_the_opening_goes(line: str) -> None:
    assert without_stamp_lines([line, P.format(1)], "2026-04-20T14:09:42") == [P.format(1)]


@pytest.mark.parametrize(
    "line",
    [
        "In 2026 the plan was set aside.",
        "Prices rose 20 percent in 2025.",
        "2026",
        "政府は2026年度の予算案を閣議決定し、防衛費を大幅に増やした。",
    ],
)
def test_prose_or_another_year_stays(line: str) -> None:
    published = "2025-04-20" if line == "2026" else "2026-04-20"
    assert without_stamp_lines([line, P.format(1)], published)[0] == line


def test_tailwind_byline_spans_above_the_story(shared_pages: Path) -> None:
    # Anadolu's 2026 template: no <p> container, so trafilatura reads the page and returns the
    # author span and the "date • Güncelleme: date" line as lines of their own.
    page = shared_pages / "anadolu" / "AnadoluAjansi_2026_04_20.html"
    if not page.is_file():
        pytest.skip("anadolu page absent")
    body = ArticlePage(page.read_text(encoding="utf-8"), "https://www.aa.com.tr/tr/a/1").body()
    assert "Fatma Sevinç Çetin" not in body
    assert not any("Güncelleme" in line for line in body[:5])
    assert body[0].startswith("Diyanet İşleri Başkanı Safi Arpaguş")


def test_an_embedded_post_is_not_the_story() -> None:
    # The platforms' embed snippets (<blockquote class="twitter-tweet">, "instagram-media",
    # "tiktok-embed") quote the platform's text; the truths of both page sets leave them out.
    tweet = '<blockquote class="twitter-tweet"><p>I am monitoring the situation closely.</p>'
    tweet += "<p>— A Minister (@minister) May 6, 2025</p></blockquote>"
    paragraphs = "".join(f"<p>{P.format(n)}</p>" for n in range(4))
    html = f"<html><body><h1>Embankment</h1><article>{paragraphs}{tweet}</article></body></html>"
    body = ArticlePage(html, "https://portal.example/news/a").body()
    assert P.format(3) in body
    assert not any("monitoring the situation" in line for line in body)


def test_a_network_newsletter_pitch_is_junk() -> None:
    pitch = "Our website is the place for the latest breaking news. Please bookmark example.com"
    assert is_junk_line(pitch + " and sign up for our daily newsletter, Posted, here.")
    assert not is_junk_line("The mayor said residents could sign up for alerts by text.")


QUOTE = "The mayor wants the option of a bigger plan for the river, bigger than the one in May."


def _described(inner: str) -> list[str]:
    head = f'<meta property="og:description" content="{QUOTE}">'
    html = f"<html><head>{head}</head><body><h1>Embankment</h1>{inner}</body></html>"
    return ArticlePage(html, "https://portal.example/news/a").body()


def test_a_description_quoting_the_story_middle_is_no_standfirst() -> None:
    # Reuters copy on Deccan Herald: og:description is a quote from the story's middle and the
    # page shows it once, as that paragraph; it must not come back as a lead on top.
    story = "".join(f"<p>{P.format(n)}</p>" for n in range(4)) + f"<p>{QUOTE}</p>"
    assert _described(f"<article>{story}</article>").count(QUOTE) == 1


def test_a_lead_shown_above_the_story_stays_though_a_paragraph_repeats_it() -> None:
    # Daily Maverick: the lead above the story repeats a later paragraph; both are shown.
    story = "".join(f"<p>{P.format(n)}</p>" for n in range(4)) + f"<p>{QUOTE}</p>"
    body = _described(f'<div class="lead"><span>{QUOTE}</span></div><article>{story}</article>')
    assert body[0] == QUOTE
    assert body.count(QUOTE) == 2


def test_deccan_herald_description_is_a_story_quote(shared_pages: Path) -> None:
    folder = shared_pages / "deccanherald"
    pages = sorted(folder.glob("39d5c43b*.html")) if folder.is_dir() else []
    if not pages:
        pytest.skip("deccanherald page absent")
    body = ArticlePage(pages[0].read_text(encoding="utf-8"), "https://portal.example/a").body()
    assert body[0].startswith('A "phase one" trade deal')


@pytest.mark.parametrize(
    "line",
    ["Next post", "Previous article: Council votes on embankment", "Nächster Beitrag",
     "Aufrufe: 1120", "1,204 views", "You can keep up with me on Twitter @jdoe",
     "Follow me on Instagram",
     "Senior Editor with a focus on all things tech and gaming. Life Adventurer. You can keep up"
     " with me on Twitter: @jdoe"],
)  # fmt: skip
def test_blog_navigation_counters_and_sign_offs_are_furniture(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    ["The next post office opens in May, the council said.", "Views differ on the plan.",
     "She said she would follow me on the road to the capital."],
)  # fmt: skip
def test_prose_with_those_words_stays(line: str) -> None:
    assert not is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        ">> Hier finden Sie außerdem alle EZB-Termine für 2025 im Überblick",
        "→ Mehr lesen: Die wichtigsten Fragen zum Streik",
        "If you buy something using links in our stories, we may earn a commission.",
        "This post contains affiliate links.",
        "Wenn Sie über diese Links einkaufen, erhalten wir eine kleine Provision.",
    ],
)
def test_arrow_promos_and_affiliate_disclosures_are_furniture(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "»Wir sind bereit«, sagte der Minister am Dienstag in Berlin.",
        "Amazon cut the commission rates of its affiliate program in April.",
        "The retailer said affiliate links drove a fifth of its sales last year.",
    ],
)
def test_quotes_and_stories_about_affiliates_stay(line: str) -> None:
    assert not is_junk_line(line)
