"""Author cleaning: bylines as seen on real pages to person names (as published) and agencies."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawler.extract.authors import clean_authors, split_byline
from newscrawler.extract.page import ArticlePage
from tests.support.devset import dev_page

BYLINES = [
    ("By STEVE PEOPLES, AP National Political Writer", ["STEVE PEOPLES"], ["AP"]),
    ("By MEG KINNARD and ERRIN HAINES, Associated Press", ["MEG KINNARD", "ERRIN HAINES"],
     ["Associated Press"]),
    ("ERIC TUCKERAssociated Press", ["ERIC TUCKER"], ["Associated Press"]),
    ("Edited by Swati Bhasin (with inputs from Agencies)", ["Swati Bhasin"], []),
    ("Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST", ["Saibal Dasgupta"], []),
    ("Aashish Saxena / TIMESOFINDIA.COM / Sep 2, 2024, 17:07 IST", ["Aashish Saxena"], []),
    ("By J Vignesh, ET Bureau|", ["J Vignesh"], []),
    ("Samya Kullab and Vasilisa Stepanenko", ["Samya Kullab", "Vasilisa Stepanenko"], []),
    ("By Howard Schneider, Lindsay Dunsmuir", ["Howard Schneider", "Lindsay Dunsmuir"], []),
    ("Devdiscourse News Desk", [], []),
    ("India Post News Weekly", [], []),
    ("Übersetzung und Adaptierung: AFP Deutschland", [], ["AFP"]),
    ("The Associated Press", [], ["The Associated Press"]),
    ("PTI, Washington, Nov 20 2019, 10:18am ist", [], ["PTI"]),
    ("Bill  MCCARTHY", ["Bill MCCARTHY"], []),
    ("Fatma Sevinç Çetin", ["Fatma Sevinç Çetin"], []),
    ("A. Writer", ["A. Writer"], []),
    ("Jane Doe, Staff Reporter", ["Jane Doe"], []),
    ("Ani Sharma", ["Ani Sharma"], []),
    ("【纠错】 责任编辑： 焦鹏", ["焦鹏"], []),
]  # fmt: skip
IDS = [
    "hearst-role", "hearst-two-names", "hosted-ap-glued", "ndtv-edited-by", "toi-desk-date",
    "toi-site-desk", "et-bureau", "and-joined", "reuters-2016-comma", "desk-only", "portal-name",
    "afp-translation", "agency-only", "dh-credit-place-date", "double-space", "unicode",
    "surname-writer", "staff-role", "short-tag-needs-caps", "xinhua-responsible-editor",
]  # fmt: skip


@pytest.mark.parametrize(("raw", "persons", "agencies"), BYLINES, ids=IDS)
def test_split_byline(raw: str, persons: list[str], agencies: list[str]) -> None:
    assert split_byline(raw) == (persons, agencies)


def test_clean_authors_dedups_in_order() -> None:
    raws = ["Maya Gebeily", "Anthony Deutsch", "Maya Gebeily", "Reuters"]
    assert clean_authors(raws) == (["Maya Gebeily", "Anthony Deutsch"], ["Reuters"])


def test_names_keep_their_published_casing() -> None:
    persons, _ = clean_authors(["By STEVE PEOPLES", "Gopal Sharma"])
    assert persons == ["STEVE PEOPLES", "Gopal Sharma"]


def _bare(html: str) -> str:
    """The page without the markup an unseen site may lack: JSON-LD, <meta>, class and id."""
    tree = lxml.html.fromstring(html)
    for element in tree.xpath("//script[@type='application/ld+json'] | //meta"):
        element.drop_tree()
    for element in tree.iter():
        for name in ("class", "id"):
            element.attrib.pop(name, None)
    return str(lxml.html.tostring(tree, encoding="unicode"))


@pytest.mark.parametrize(
    ("line", "names"),
    [("By Jane Smith", ["Jane Smith"]),
     ("Von Anna Müller und Jan Roth", ["Anna Müller", "Jan Roth"]),
     ("Por Juan de la Cruz | Madrid", ["Juan de la Cruz"]), ("di Mario Rossi", ["Mario Rossi"]),
     ("Par Le Monde", []),  # the publisher, not a person (site keys)
     ("By the time the water rose", []), ("Av og til skjer det", [])],
)  # fmt: skip
def test_a_labelled_byline_under_the_headline_names_its_writers(
    line: str, names: list[str]
) -> None:
    # No byline class, no meta: the label ("By", "Von", "Por", "di") gives the line away
    story = "<p>" + "Officials said on Tuesday that the embankment would be widened. " * 3 + "</p>"
    page = f"<div><h1>Floods</h1><div>{line}</div><div>{story * 5}</div></div>"
    html = f"<html><body>{page}</body></html>"
    assert ArticlePage(html, "https://www.lemonde.fr/news/2024/floods-close").authors() == names


@pytest.mark.parametrize(
    "case_id",
    ["it/CorriereDellaSera_2025_02_04", "uk/EuronewsEN_2026_01_06", "uk/Express_2024_07_18"],
)
def test_dev_pages_without_meta_or_classes_keep_their_labelled_byline(case_id: str) -> None:
    # "di Viviana Mazza", "By Stefan Grobe", "By Jon King" under the <h1>
    html, case = dev_page(case_id)
    assert ArticlePage(_bare(html), case["url"]).authors() == case["authors"]
