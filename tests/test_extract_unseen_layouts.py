"""Layouts first met on pages the project was never tuned on (issue 14): headline, byline, dates.

Each rule is a general template convention; the string fixtures model it, and the real pages
of ../shared show it is sound where it applies.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from parsel import Selector

from benchmarks.extraction_cases import load_cases
from newscrawler.extract.authors import split_byline
from newscrawler.extract.headerdate import header_date
from newscrawler.extract.meta import PUBLISHED_KEYS, meta_values
from newscrawler.extract.page import ArticlePage
from newscrawler.text.agency import canonical_agency
from tests.support.devset import dev_page

SHARED = Path(__file__).resolve().parents[2] / "shared"
STORY = (
    "<p>" + "The council voted on Tuesday to widen the embankment before the rains. " * 5 + "</p>"
)
# Analytics vocabularies added after the well-known article:published_time names.
ANALYTICS_KEYS = PUBLISHED_KEYS[PUBLISHED_KEYS.index("datepublished") + 1 :]


def _page(head: str, body: str) -> ArticlePage:
    html = f"<html><head>{head}</head><body>{body}{STORY * 3}</body></html>"
    return ArticlePage(html, "https://portal.example/news/1")


def test_the_logo_h1_above_the_story_h1_is_not_the_headline() -> None:
    # Older templates: <h1 class=logo>Site</h1> in the masthead, then the story's <h1>.
    page = _page(
        "<title>Rebels seize missile depots near Damascus - Portal.com</title>"
        "<meta property='og:title' content='Rebels seize missile depots near Damascus'>",
        "<h1 class='logo'><a href='/'>Portal</a></h1>"
        "<h1>Rebels seize missile depots near Damascus</h1>",
    )
    assert page.headline() == "Rebels seize missile depots near Damascus"


def test_one_h1_or_no_declared_title_keeps_the_first_h1() -> None:
    assert _page("", "<h1>First</h1><h1>Second</h1>").headline() == "First"
    assert _page("<title>Other words</title>", "<h1>Embankment vote</h1>").headline()


def test_nettavisen_kicker_h1_gives_way_to_the_story_h1() -> None:
    # A kicker set as its own <h1> ("*Nettavisen* Kjendis.") above the headline's <h1>.
    html, case = dev_page("no/Nettavisen_2024_10_16")
    assert ArticlePage(html, case["url"]).headline() == case["headline"]


def test_a_script_inside_the_byline_element_is_no_author() -> None:
    # CNN: the byline block holds the avatar's image-fallback script.
    byline = (
        "<div class='byline'><script>let element = img.previousElementSibling;</script>"
        "<span class='byline__name'>Analysis by Joan Biskupic</span>, CNN Senior Analyst</div>"
    )
    assert _page("", f"<h1>Court</h1>{byline}").authors() == ["Joan Biskupic"]


@pytest.mark.parametrize(
    ("raw", "persons"),
    [("Analysis by Joan Biskupic", ["Joan Biskupic"]), ("Opinion by Ana Ruiz", ["Ana Ruiz"]),
     ("CNN Senior Supreme Court Analyst", []), ("Video Producer", [])],
)  # fmt: skip
def test_labelled_bylines_and_roles(raw: str, persons: list[str]) -> None:
    assert split_byline(raw)[0] == persons


@pytest.mark.parametrize(
    ("shown", "iso"),
    [("2023-11-17 20:52:15 来源：新华网", "2023-11-17T20:52:15"),
     ("2018年6月18日 10:01　発信地：カノ", "2018-06-18T10:01:00"),
     ("2024/05/03", "2024-05-03"), ("2024-13-03 10:00", None), ("Call 2024-555-0100", None)],
)  # fmt: skip
def test_a_year_first_date_beside_the_headline(shown: str, iso: str | None) -> None:
    html = f"<html><body><div><h1>Headline</h1><div class='info'>{shown}</div></div></body></html>"
    assert header_date(Selector(text=html)) == iso


def test_a_date_far_from_the_headline_is_not_read() -> None:
    html = "<html><body><div><div><h1>H</h1></div></div><footer>2024-05-03</footer></body></html>"
    assert header_date(Selector(text=html)) is None


@pytest.mark.parametrize(
    ("shown", "language", "iso"),
    [("Do 25.04.24 | 14:07 Uhr | Von Eva Muster", "de", "2024-04-25T14:07:00"),
     ("25.04.2024, 14:07", "pl", "2024-04-25T14:07:00"),
     ("Anteil 1.5.24 Prozent", "de", None),  # a figure, no time: not a date
     ("24.04.25 14:07", "ko", None)],  # Korean writes the year first
)  # fmt: skip
def test_a_day_first_date_and_time_beside_the_headline(
    shown: str, language: str, iso: str | None
) -> None:
    html = f"<html><body><div><h1>Headline</h1><div class='info'>{shown}</div></div></body></html>"
    assert header_date(Selector(text=html), language) == iso


def test_with_no_h1_the_heading_stating_the_title_leads_to_its_date_line() -> None:
    # Templates that open the story with an <h3> (kicker and title) and put a teaser
    # <article> with its own heading and date above it
    teaser = "<article><h3>Other story</h3><p>01.01.24 | 09:00</p></article>"
    story = "<article><h3>Hotel opens as a theatre</h3><div>Do 25.04.24 | 14:07 Uhr</div></article>"
    html = f"<html><body><div>{teaser}</div><div>{story}</div></body></html>"
    titles = ["Hotel opens as a theatre"]
    assert header_date(Selector(text=html), "de", titles) == "2024-04-25T14:07:00"


@pytest.mark.parametrize(
    "case_id",
    ["cn/People_2024_04_24", "jp/ChunichiShimbun_2025_01_13", "jp/NikkanGeadai_2025_01_31",
     "jp/SankeiShimbun_2025_01_21"],
)  # fmt: skip
def test_the_date_under_the_h1_of_east_asian_portals_is_the_publication_day(case_id: str) -> None:
    html, case = dev_page(case_id)
    assert (header_date(Selector(text=html)) or "")[:10] == case["published_at"][:10]


def test_a_day_first_date_line_under_a_title_heading_with_no_h1_dates_the_story() -> None:
    # rbb24: no <h1>, no date in markup; "<h3>kicker - title</h3>" then "Do 25.04.24 | 14:07
    # Uhr | Von ..." in a "technicalline" div, and teaser <article>s with dates above it
    html, case = dev_page("de/RBB24_2024_04_25")
    value, _ = ArticlePage(html, case["url"]).published()
    assert (value or "")[:16] == "2024-04-25T14:07" == case["published_at"][:16].replace(" ", "T")


def test_the_analytics_date_keys_agree_with_the_truth_wherever_they_appear() -> None:
    # Parse.ly, Cxense and Dublin Core dates are read only when no better source exists; on
    # every real page of both sets that carries one, it names the truth's day.
    cases = [c for name in ("extraction-dev", "pages") if (SHARED / name).is_dir()
             for c in load_cases(SHARED / name) if c["published_at"]]  # fmt: skip
    if not cases:
        pytest.skip("../shared is absent")
    checked = 0
    for case in cases:
        values = meta_values(Selector(text=case["html"]))
        for key in (k for k in ANALYTICS_KEYS if k in values):
            stated = datetime.fromisoformat(values[key][0].replace("Z", "+00:00"))
            assert stated.date().isoformat() == case["published_at"][:10], (case["name"], key)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    ("shown", "raw"),
    [("<p class='post-meta'><a class='post-meta-time'>08/08/2017</a></p>", "08/08/2017"),
     ("<p class='fecha-articulo'><span>jeudi 13 juin 2019</span></p>", "13 juin 2019"),
     ("<div class='article-metadata'> 30.07.2019 </div>", "30.07.2019"),
     ("<span class='entry-date'>Posted on December 16, 2012 by admin</span>", "December 16, 2012")],
)  # fmt: skip
def test_a_date_shown_in_a_date_named_element(shown: str, raw: str) -> None:
    # Blogs and small portals that declare no date in markup (htmldate's test pages: ldt.de,
    # revolutionpermanente.fr, sebastian-kurz.at).
    page = _page("<meta http-equiv='content-language' content='fr'>", f"<h1>Headline</h1>{shown}")
    assert page.published() == (raw, "time-tag")


def test_dates_of_comments_and_sidebars_are_not_the_article_s() -> None:
    comment = "<div class='comment'><span class='comment-date'>December 17, 2012</span></div>"
    aside = "<aside><span class='date'>December 18, 2012</span></aside>"
    assert _page("", f"<h1>Headline</h1>{comment}{aside}").published() == (None, None)


def test_a_declared_date_still_comes_first() -> None:
    head = "<meta property='article:published_time' content='2012-12-15T10:00:00Z'>"
    page = _page(head, "<h1>H</h1><span class='entry-date'>December 16, 2012</span>")
    assert page.published() == ("2012-12-15T10:00:00Z", "meta")


def test_a_cms_account_named_after_the_site_is_no_author() -> None:
    # "by Ilanga D" is the CMS account of Ilanga News; the reporter's name heads the story.
    head = "<meta property='og:site_name' content='Portal News'>"
    body = (
        "<h1>Embankment vote</h1><div class='byline'>by <a href='/u/3'>Portal D</a></div>"
        f"<div class='story'><p><strong>JANE MOYO</strong></p>{STORY * 3}</div>"
    )
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    page = ArticlePage(html, "https://portalnews.example/news/1")
    assert page.authors() == ["JANE MOYO"]


def test_a_person_whose_first_name_is_not_the_site_stays() -> None:
    page = _page(
        "<meta property='og:site_name' content='Portal News'>",
        "<h1>Embankment vote</h1><div class='byline'>by Jane D.</div>",
    )
    assert page.authors() == ["Jane D"]  # the trailing dot goes with the byline punctuation


def test_ilanga_cms_account_and_story_head_byline_dev_page() -> None:
    html, case = dev_page("za/Ilanga_2025_12_03")
    page = ArticlePage(html, case["url"])
    assert page.authors() == case["authors"]
    assert case["authors"][0] not in page.body()


def test_dpa_in_the_byline_is_the_agency_not_an_author_dev_page() -> None:
    # German-language portals run Deutsche Presse-Agentur copy as "Von DPA".
    html, case = dev_page("lu/Tageblatt_2026_01_13")
    page = ArticlePage(html, case["url"])
    assert page.authors() == []
    fields = page.fields()
    assert fields is not None
    assert canonical_agency(fields["agency"]) == "dpa"  # the raw credit, named by the pipeline
