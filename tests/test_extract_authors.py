"""Author cleaning: bylines as seen on real pages to person names (as published) and agencies."""

from __future__ import annotations

import pytest

from newscrawler.extract.authors import clean_authors, split_byline

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
