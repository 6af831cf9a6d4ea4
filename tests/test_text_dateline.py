"""Datelines: every shape of wire-markup §5 and the issue, and the false positives."""

from __future__ import annotations

import pytest

from newscrawler.text.dateline import parse_dateline, split_dateline


def dl(
    place: str | None, date: str | None = None, agency: str | None = None
) -> dict[str, str | None]:
    return {"place": place, "date": date, "agency": agency}


PREFIXES = [
    pytest.param(
        "Kochi, July 26 (IANS) ", dl("Kochi", "July 26", "IANS"), id="ians-no-punctuation"
    ),
    pytest.param(
        "WASHINGTON, March 7 (Reuters) - ",
        dl("WASHINGTON", "March 7", "Reuters"),
        id="reuters-date-hyphen",
    ),
    pytest.param(
        "KATHMANDU, April 25 (Reuters) - ",
        dl("KATHMANDU", "April 25", "Reuters"),
        id="reuters-kathmandu",
    ),
    pytest.param(
        "BEIRUT/THE HAGUE, March 7 (Reuters) - ",
        dl("BEIRUT/THE HAGUE", "March 7", "Reuters"),
        id="reuters-two-places-slash",
    ),
    pytest.param(
        "GENEVA, Oct 9 (Reuters) - ", dl("GENEVA", "Oct 9", "Reuters"), id="reuters-short-month"
    ),
    pytest.param("NEW YORK (Reuters) - ", dl("NEW YORK", None, "Reuters"), id="reuters-no-date"),
    pytest.param(
        "WASHINGTON (Reuters) — ",
        dl("WASHINGTON", None, "Reuters"),
        id="reuters-syndicator-em-dash",
    ),
    pytest.param("(Reuters) — ", dl(None, None, "Reuters"), id="reuters-no-place"),
    pytest.param(
        "LA CROSSE, Wis. (AP) — ", dl("LA CROSSE, Wis.", None, "AP"), id="ap-state-abbrev"
    ),
    pytest.param("MEXICO CITY (AP) — ", dl("MEXICO CITY", None, "AP"), id="ap-caps-place"),
    pytest.param("Berlin (dpa) - ", dl("Berlin", None, "dpa"), id="dpa-german-wire"),
    pytest.param("HANOI, Vietnam (AP) — ", dl("HANOI, Vietnam", None, "AP"), id="ap-country"),
    pytest.param(
        "SANTA FE, N.M. (AP) - ", dl("SANTA FE, N.M.", None, "AP"), id="ap-hyphen-og-description"
    ),
    pytest.param(
        "ST. JOSEPH, Mich. (AP) — ", dl("ST. JOSEPH, Mich.", None, "AP"), id="ap-dotted-place"
    ),
    pytest.param("HAYWARD, Calif. (AP) — ", dl("HAYWARD, Calif.", None, "AP"), id="ap-hearst"),
    pytest.param(
        "Washington DC [US], July 26 (ANI): ",
        dl("Washington DC [US]", "July 26", "ANI"),
        id="ani-bracket-country-colon",
    ),
    pytest.param("Paris (AFP) – ", dl("Paris", None, "AFP"), id="afp-en-dash"),
    pytest.param(
        "Kyiv (Ukraine) (AFP) – ", dl("Kyiv (Ukraine)", None, "AFP"), id="afp-paren-country"
    ),
    pytest.param(
        "Moscow, Russia | AFP | ", dl("Moscow, Russia", None, "AFP"), id="afp-syndicator-bars"
    ),
    pytest.param(
        "New Delhi, December 10 (UNI) ", dl("New Delhi", "December 10", "UNI"), id="uni-long-month"
    ),
    pytest.param("Dubai, Jan 24 (UNI) ", dl("Dubai", "Jan 24", "UNI"), id="uni-short-month"),
    pytest.param("Kathmandu, Nov 26 (PTI) ", dl("Kathmandu", "Nov 26", "PTI"), id="pti-raw-wire"),
    pytest.param("NEW DELHI: ", dl("NEW DELHI"), id="colon-caps-toi"),
    pytest.param("BHOPAL: ", dl("BHOPAL"), id="colon-caps-one-word"),
]


@pytest.mark.parametrize(("prefix", "expected"), PREFIXES)
def test_prefix_is_parsed_and_cut(prefix: str, expected: dict[str, str | None]) -> None:
    body = [prefix + "Stepping up efforts, the minister said on Friday.", "Second paragraph."]
    result = split_dateline(body)
    assert result.dateline == expected
    assert result.body == ["Stepping up efforts, the minister said on Friday.", "Second paragraph."]
    assert result.removed == 1


def test_hard_wrapped_pti_keeps_its_sentence() -> None:
    body = ["Kathmandu, Nov 26 (PTI) On the sixth day of the\nprotest, leaders met."]
    result = split_dateline(body)
    assert result.dateline == dl("Kathmandu", "Nov 26", "PTI")
    assert result.body == ["On the sixth day of the\nprotest, leaders met."]


@pytest.mark.parametrize(
    ("body", "expected", "rest"),
    [
        pytest.param(
            ["San Francisco, March 7", "Mired in breaches."],
            dl("San Francisco", "March 7"),
            ["Mired in breaches."],
            id="seed-bare-line",
        ),
        pytest.param(
            ["San Francisco, March 7", "(IANS) Mired in breaches."],
            dl("San Francisco", "March 7", "IANS"),
            ["Mired in breaches."],
            id="bare-line-then-lone-tag",
        ),
        pytest.param(
            ["Kochi, July 26 (IANS)", "Stepping up."],
            dl("Kochi", "July 26", "IANS"),
            ["Stepping up."],
            id="tagged-line-alone",
        ),
        pytest.param(
            ["WASHINGTON (AP) —", "Text."],
            dl("WASHINGTON", None, "AP"),
            ["Text."],
            id="ap-dateline-own-block",
        ),
        pytest.param(
            ["San Francisco, March 7", "(IANS)", "Text."],
            dl("San Francisco", "March 7", "IANS"),
            ["Text."],
            id="lone-tag-block-removed",
        ),
    ],
)
def test_bare_dateline_line(
    body: list[str], expected: dict[str, str | None], rest: list[str]
) -> None:
    result = split_dateline(body)
    assert (result.dateline, result.body) == (expected, rest)


FALSE_POSITIVES = [
    pytest.param("Zuckerberg said: we will build it.", id="colon-prose"),
    pytest.param(
        "Pakistan Tehreek-e-Insaf (PTI) leader Imran Khan said on Friday.", id="pti-party"
    ),
    pytest.param(
        "Agence France-Presse (AFP) photographer John Doe was hurt.", id="afp-photographer"
    ),
    pytest.param(
        "President Biden speaks in Washington. (AP Photo/Evan Vucci)", id="ap-photo-caption"
    ),
    pytest.param("File photo of the Reuters logo (Reuters)", id="reuters-caption"),
    pytest.param("BREAKING: Markets fall.", id="caps-kicker-colon"),
    pytest.param("Facebook CEO Mark Zuckerberg on Thursday said he is working.", id="plain-lead"),
    pytest.param("Paris, France is a city.", id="place-comma-no-date"),
    pytest.param("Hello, World 3", id="not-a-month"),
    pytest.param("Thursday, March 7", id="weekday-date-line"),
    pytest.param("Updated, March 7", id="updated-date-line"),
    pytest.param("The party (PTI), Nov 26 won.", id="tag-before-date"),
]


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_false_positive_is_not_a_dateline(text: str) -> None:
    assert parse_dateline(text) is None
    assert split_dateline([text, "More."]).body == [text, "More."]


def test_tag_outside_first_block_is_ignored() -> None:
    body = ["The lead sentence.", "WASHINGTON (AP) — a quoted dateline later."]
    assert split_dateline(body).dateline is None


@pytest.mark.parametrize(
    ("text", "allow", "expected"),
    [
        pytest.param(
            "Washington/ New Delhi: Text",
            True,
            dl("Washington/ New Delhi"),
            id="colon-ndtv-allowed",
        ),
        pytest.param("Washington/ New Delhi: Text", False, None, id="colon-title-case-not-allowed"),
        pytest.param("Zuckerberg said: Text", True, None, id="colon-prose-even-when-allowed"),
        pytest.param("NEW DELHI: Text", False, dl("NEW DELHI"), id="colon-caps-any-site"),
    ],
)
def test_colon_style(text: str, allow: bool, expected: dict[str, str | None] | None) -> None:
    assert parse_dateline(text, allow_colon=allow) == expected


def test_known_dateline_kept_and_prefix_cut() -> None:
    known = dl("New Delhi")
    result = split_dateline(["NEW DELHI: The minister said."], known=known)
    assert result.dateline == dl("New Delhi")
    assert result.body == ["The minister said."]


def test_known_dateline_filled_from_prefix() -> None:
    result = split_dateline(["WASHINGTON (AP) — Text."], known=dl("Washington"))
    assert result.dateline == dl("Washington", None, "AP")


def test_known_dateline_other_place_not_cut() -> None:
    result = split_dateline(["Kochi, July 26 (IANS) Text."], known=dl("Delhi"))
    assert result == (result.__class__(dl("Delhi"), ["Kochi, July 26 (IANS) Text."], 0))


def test_empty_body() -> None:
    assert split_dateline([]).body == []
