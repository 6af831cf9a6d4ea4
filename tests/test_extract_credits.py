"""Authors: the language's "and", photo credits, e-mails, the publisher, the byline region."""

from __future__ import annotations

import pytest

from newscrawler.extract.authors import split_byline
from newscrawler.extract.page import ArticlePage
from tests.support.devset import dev_page

BODY = f"<p>{'The story goes on at length here. ' * 20}</p>"


@pytest.mark.parametrize(
    ("raw", "persons"),
    [
        ("Monika Bolliger und Anna Trechsel", ["Monika Bolliger", "Anna Trechsel"]),  # German
        (
            "Trine Jørgensen og Tôrtia Reimer-Johansen",
            ["Trine Jørgensen", "Tôrtia Reimer-Johansen"],
        ),
        ("Ana García y José Pérez", ["Ana García", "José Pérez"]),  # Spanish
        ("Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"]),  # French
        ("牛镛、岳弘彬", ["牛镛", "岳弘彬"]),  # Chinese enumeration comma
        ("Yves Saint Laurent", ["Yves Saint Laurent"]),  # capitalised words stay one name
        ("Redaktion: Roman Warschauer und Marcel Sommer", ["Roman Warschauer", "Marcel Sommer"]),
    ],
)
def test_names_split_on_the_languages_and(raw: str, persons: list[str]) -> None:
    assert split_byline(raw)[0] == persons


@pytest.mark.parametrize(
    "raw",
    [
        "Foto: Mads Claus Rasmussen/Ritzau Scanpix",  # Danish photo credit in itemprop=author
        "(Image: Getty Images/Cultura RF)",  # Mirror's credit span
        "iStockphoto)",  # a clipped credit
        "jane.doe@example.com",  # an e-mail address as author
        "PA",  # the avatar monogram beside a byline
    ],
)
def test_credits_and_addresses_are_no_persons(raw: str) -> None:
    assert split_byline(raw)[0] == []


def page(head: str, body: str) -> ArticlePage:
    html = f"<html><head>{head}</head><body><h1>Headline</h1>{body}{BODY}</body></html>"
    return ArticlePage(html, "https://www.detroit.example/news/a")


def test_publisher_as_author_is_no_person() -> None:
    # CBS Detroit layout: meta author = og:site_name; the byline names the reporter.
    head = (
        '<meta property="og:site_name" content="CBS Detroit">'
        '<meta name="author" content="CBS Detroit">'
    )
    got = page(head, '<div class="byline">By Jane Doe</div>')
    assert got.authors() == ["Jane Doe"]


def test_related_article_bylines_stay_out() -> None:
    # A teaser list further down repeats the byline markup once per teaser.
    teasers = "".join(
        f'<li><div class="card"><div class="meta"><span class="byline">Writer{i} Name</span>'
        "</div></div></li>"
        for i in range(10)
    )
    got = page(
        "",
        f'<div class="head"><span class="byline">Ann Author</span></div>{BODY}<ul>{teasers}</ul>',
    )
    assert got.authors() == ["Ann Author"]


@pytest.mark.parametrize(
    "case_id",
    [
        "at/DerStandard_2024_05_03",  # one byline <div>, one <span> per name
        "no/Dagbladet_2024_08_04",  # JSON-LD names one of the two rel=author bylines
        "gl/Sermitsiaq_2025_04_16",  # "X og Y"; photo credits in itemprop=author
        "ch/SRF_2025_01_05",  # "X und Y"
        "uk/TheMirror_2024_04_28",  # "(Image: Getty ...)" / "iStockphoto" credits
        "lt/LRT_2024_03_31",  # publisher "Lrt.lt" and an avatar monogram beside the name
        "de/RBB24_2024_04_25",  # span.authorname after "Von"
        "de/LTO_2025_10_20",  # meta author is the publisher; an /autoren/ profile link
    ],
)
def test_authors_of_real_layouts(case_id: str) -> None:
    html, case = dev_page(case_id)
    assert ArticlePage(html, case["url"]).authors() == case["authors"]
