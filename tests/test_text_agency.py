"""Agency: canonical names, trailer tags, credit lines, bylines, and the false positives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawler.text.agencies import AGENCIES, NAMES
from newscrawler.text.agency import (
    agency_from_authors,
    agency_from_credits,
    canonical_agency,
    resolve_agency,
    strip_trailer_tag,
)

SCHEMA = Path(__file__).resolve().parents[1] / "newscrawler" / "schema" / "article.schema.json"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Associated Press", "AP", id="ap-full"),
        pytest.param("The Associated Press", "AP", id="ap-with-the"),
        pytest.param("AP", "AP", id="ap-short"),
        pytest.param("By Associated Press", "AP", id="ap-voa-byline"),
        pytest.param("Reuters", "Reuters", id="reuters"),
        pytest.param("Thomson Reuters", "Reuters", id="thomson-reuters"),
        pytest.param("Agence France-Presse", "AFP", id="afp-full"),
        pytest.param("AFP", "AFP", id="afp"),
        pytest.param("Press Trust of India", "PTI", id="pti-full"),
        pytest.param("Indo-Asian News Service", "IANS", id="ians-full"),
        pytest.param("Asian News International", "ANI", id="ani-full"),
        pytest.param("United News of India", "UNI", id="uni-full"),
        pytest.param("Anadolu Ajansı", "AA", id="anadolu-turkish"),
        pytest.param("Anadolu Agency", "AA", id="anadolu-english"),
        pytest.param("Xinhua", "Xinhua", id="xinhua"),
        pytest.param("Deutsche Presse-Agentur", "dpa", id="dpa-full"),
        pytest.param("DPA", "dpa", id="dpa-capitals"),
        pytest.param("Devdiscourse News Desk", None, id="not-an-agency"),
        pytest.param("ERIC TUCKERAssociated Press", None, id="glued-byline-not-exact"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_canonical_agency(name: str | None, expected: str | None) -> None:
    assert canonical_agency(name) == expected


@pytest.mark.parametrize(
    ("last", "kept", "agency"),
    [
        pytest.param(
            "The talks will resume on Monday. PTI",
            "The talks will resume on Monday.",
            "PTI",
            id="india-post-glued-pti",
        ),
        pytest.param(
            "The talks will resume on Monday.PTI",
            "The talks will resume on Monday.",
            "PTI",
            id="glued-no-space",
        ),
        pytest.param(
            "The talks will resume on Monday. - PTI",
            "The talks will resume on Monday.",
            "PTI",
            id="tribune-dash-pti",
        ),
        pytest.param(
            "The talks will resume on Monday. — IANS",
            "The talks will resume on Monday.",
            "IANS",
            id="em-dash-ians",
        ),
        pytest.param(
            "The talks will resume on Monday. (ANI)",
            "The talks will resume on Monday.",
            "ANI",
            id="ani-paren-ending",
        ),
        pytest.param("PTI", None, "PTI", id="tag-alone-paragraph-removed"),
    ],
)
def test_trailer_tag_is_cut(last: str, kept: str | None, agency: str) -> None:
    body, found = strip_trailer_tag(["Lead.", last])
    assert found == agency
    assert body == (["Lead.", kept] if kept else ["Lead."])


@pytest.mark.parametrize(
    "last",
    [
        pytest.param("Imran Khan leads Pakistan Tehreek-e-Insaf (PTI)", id="pti-party-at-end"),
        pytest.param("(With inputs from PTI)", id="credit-sentence-kept"),
        pytest.param("The shot was taken by AP", id="ap-not-a-glued-tag"),
        pytest.param("A man waves. (AP Photo/Evan Vucci)", id="ap-photo-caption"),
        pytest.param("He joined the party of the UNIVERSITY", id="word-containing-tag"),
    ],
)
def test_not_a_trailer_tag(last: str) -> None:
    assert strip_trailer_tag(["Lead.", last]) == (["Lead.", last], None)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        pytest.param(["Text.", "(With inputs from PTI)"], "PTI", id="with-inputs-from-pti"),
        pytest.param(
            ["Text.", "(With inputs from Reuters)"], "Reuters", id="with-inputs-business-standard"
        ),
        pytest.param(["Text.", "(With inputs from agencies.)"], None, id="with-inputs-agencies"),
        pytest.param(
            ["Text.", "(Reporting by Will Dunham; Editing by Tom Brown)", "© Reuters"],
            "Reuters",
            id="reporting-by-with-copyright",
        ),
        pytest.param(
            [
                "Text.",
                "Reporting by Gopal Sharma; Editing by Tom Brown",
                "Our Standards: The Thomson Reuters Trust Principles.",
            ],
            "Reuters",
            id="reporting-by-trust-principles",
        ),
        pytest.param(["Text.", "(Reporting by Jane Doe)"], None, id="reporting-by-without-reuters"),
        pytest.param(
            [
                "Text.",
                "Associated Press writers Alan Fram, Zeke Miller contributed to this report.",
            ],
            "AP",
            id="ap-writers-contributed",
        ),
        pytest.param(
            [
                "Text.",
                "© 2019 Associated Press. All Rights Reserved. This material may not be published.",
            ],
            "AP",
            id="ap-copyright-symbol",
        ),
        pytest.param(
            ["Text.", "Copyright 2024 The Associated Press. All Rights Reserved."],
            "AP",
            id="ap-copyright-word",
        ),
        pytest.param(["Text.", "The minister left. (ANI)"], "ANI", id="ani-ending"),
        pytest.param(
            ["Text.", "Pakistan Tehreek-e-Insaf (PTI) chief spoke."],
            None,
            id="pti-party-mid-sentence",
        ),
        pytest.param(
            ["Text.", "An Agence France-Presse (AFP) photographer was hurt."],
            None,
            id="afp-photographer",
        ),
        pytest.param(["Text.", "A man waves. (AP Photo/Evan Vucci)"], None, id="ap-photo-caption"),
        pytest.param([], None, id="empty-body"),
    ],
)
def test_agency_from_credits(tail: list[str], expected: str | None) -> None:
    assert agency_from_credits(tail) == expected


def test_credit_outside_last_paragraphs_is_ignored() -> None:
    body = ["(With inputs from PTI)", "One.", "Two.", "Three."]
    assert agency_from_credits(body) is None


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        pytest.param(["Associated Press"], "AP", id="ap-author"),
        pytest.param(["Jane Doe", "PTI"], "PTI", id="pti-second-author"),
        pytest.param(["Reuters"], "Reuters", id="reuters-author"),
        pytest.param(["IANS"], "IANS", id="ians-author"),
        pytest.param(["Konstantin Furrer", "Deutsche Presse-Agentur"], "dpa", id="dpa-author"),
        pytest.param(["Samya Kullab and Vasilisa Stepanenko"], None, id="people"),
    ],
)
def test_agency_from_authors(authors: list[str], expected: str | None) -> None:
    assert agency_from_authors(authors) == expected


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        pytest.param(
            {"dateline_agency": "IANS", "given": "Reuters"},
            ("IANS", "dateline"),
            id="dateline-first",
        ),
        pytest.param(
            {"given": "The Associated Press"}, ("AP", "spider"), id="spider-canonicalised"
        ),
        pytest.param(
            {"given": "Yonhap", "trailer": "PTI"},
            ("PTI", "trailer"),
            id="unknown-spider-value-skipped",
        ),
        pytest.param(
            {"body": ["Text.", "(With inputs from PTI)"], "authors": ["IANS"]},
            ("PTI", "credit"),
            id="credit-before-authors",
        ),
        pytest.param({"authors": ["Associated Press"]}, ("AP", "authors"), id="authors-last"),
        pytest.param({}, (None, None), id="nothing"),
    ],
)
def test_resolve_agency_order(
    kwargs: dict[str, object], expected: tuple[str | None, str | None]
) -> None:
    args: dict[str, object] = {
        "dateline_agency": None,
        "given": None,
        "body": [],
        "authors": [],
        **kwargs,
    }
    assert resolve_agency(**args) == expected  # type: ignore[arg-type]


def test_schema_agency_enum_is_the_agency_table() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$defs"]["agency"]["enum"] == [*NAMES, None]


def test_every_table_spelling_is_canonical() -> None:
    for agency in AGENCIES:
        for spelling in (agency.name, *agency.aliases):
            assert canonical_agency(spelling) == agency.name
