from __future__ import annotations

import pytest

from newscrawler.text.echoes import strip_leading_echoes

HEAD = "Facebook to become 'privacy-focused' like WhatsApp: Zuckerberg"
DATELINE = "San Francisco, March 7"
FIRST = "Mired in several data breaches, Facebook CEO Mark Zuckerberg said on Thursday."

# (body, headline, section) -> (body, section, removed)
CASES = [
    (["Business", HEAD, DATELINE, FIRST], HEAD, None, [DATELINE, FIRST], "Business", 2),
    ([HEAD, DATELINE, FIRST], HEAD, None, [DATELINE, FIRST], None, 1),
    (["Business", DATELINE, FIRST], HEAD, None, [DATELINE, FIRST], "Business", 1),
    (["India News", FIRST], None, None, [FIRST], "India News", 1),
    (["Tech", HEAD, FIRST], HEAD, "Technology", [FIRST], "Technology", 2),
    (["Diaspora Desk", HEAD, FIRST], HEAD, None, [FIRST], "Diaspora Desk", 2),
    (["Photo Essay", FIRST], HEAD, "Photo Essay", [FIRST], "Photo Essay", 1),
    ([HEAD.replace("'", "\u2019"), FIRST], HEAD, None, [FIRST], None, 1),
    ([HEAD, HEAD, FIRST], HEAD, None, [FIRST], None, 2),
    ([HEAD, "World", DATELINE], HEAD, None, [DATELINE], "World", 2),
    (["NEW DELHI", FIRST], HEAD, None, ["NEW DELHI", FIRST], None, 0),
    ([DATELINE, HEAD, FIRST], HEAD, None, [DATELINE, HEAD, FIRST], None, 0),
    ([FIRST, "Business"], HEAD, None, [FIRST, "Business"], None, 0),
    (["Business is booming.", FIRST], HEAD, None, ["Business is booming.", FIRST], None, 0),
    (
        ["Markets, stocks and bonds", FIRST],
        None,
        None,
        ["Markets, stocks and bonds", FIRST],
        None,
        0,
    ),
    (
        ["World Cup Final Today Again", FIRST],
        None,
        None,
        ["World Cup Final Today Again", FIRST],
        None,
        0,
    ),
    ([FIRST], None, None, [FIRST], None, 0),
    ([], HEAD, "Business", [], "Business", 0),
    ([HEAD], HEAD, None, [], None, 1),
]
IDS = [
    "seed-label-then-headline",
    "headline-only",
    "known-label-alone",
    "two-word-label-alone",
    "existing-section-kept",
    "unknown-label-before-headline",
    "label-equal-to-section",
    "headline-with-curly-quote",
    "headline-twice",
    "label-after-headline",
    "caps-place-is-not-a-label",
    "dateline-first-stops-scan",
    "label-not-at-top",
    "short-sentence-is-a-paragraph",
    "comma-is-not-a-label",
    "five-words-is-not-a-label",
    "nothing-to-remove",
    "empty-body",
    "body-is-only-the-echo",
]


@pytest.mark.parametrize(
    ("body", "headline", "section", "want_body", "want_section", "removed"), CASES, ids=IDS
)
def test_strip_leading_echoes(
    body: list[str],
    headline: str | None,
    section: str | None,
    want_body: list[str],
    want_section: str | None,
    removed: int,
) -> None:
    result = strip_leading_echoes(body, headline, section)
    assert result.body == want_body
    assert result.section == want_section
    assert result.removed == removed


def test_a_label_repeated_around_the_headline_echo_goes_in_one_call() -> None:
    # Found by hypothesis: "Photo", the headline, "Photo" left "Photo" for a second call to
    # remove (it reads the first call's label as the section): not idempotent.
    once = strip_leading_echoes(["Photo", "Fire", "Photo", "The blaze spread."], "Fire", None)
    assert once.body == ["The blaze spread."]
    assert strip_leading_echoes(once.body, "Fire", once.section).body == once.body
