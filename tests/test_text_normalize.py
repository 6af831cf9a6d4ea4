from __future__ import annotations

import pytest

from newscrawler.text.normalize import (
    normalize_blocks,
    normalize_text,
    normalize_with_flag,
    paragraph_key,
    repair_mojibake,
)

NORMALIZE_CASES = [
    ("AT&amp;T said", "AT&T said"),
    ("double&amp;amp;escaped", "double&escaped"),
    ("&lt;p&gt;escaped tags&lt;/p&gt;", "escaped tags"),
    ("<p>Left <b>in</b> text</p>", "Left in text"),
    ("line<br>break", "line break"),
    ("<strong>NEW DELHI</strong>: The", "NEW DELHI: The"),
    ("a\u00a0\u00a0b", "a b"),
    ("a&nbsp;b", "a b"),
    ("tab\tand\nnewline", "tab and newline"),
    ("  padded  ", "padded"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("soft\u00adhyphen", "softhyphen"),
    ("em\u2003space\u3000ideographic", "em space ideographic"),
    ("it\u00e2\u20ac\u2122s", "it\u2019s"),
    ("caf\u00c3\u00a9", "caf\u00e9"),
    # The closing quote lost its third byte (U+FFFD): only the intact run is repaired.
    ("\u00e2\u20ac\u0153quoted\u00e2\u20ac\ufffd", "\u201cquoted\u00e2\u20ac\ufffd"),
    ("T\u00c3\u00bcrkiye and it\u2019s", "T\u00fcrkiye and it\u2019s"),
    ("JOS\u00c9\u2019S day", "JOS\u00c9\u2019S day"),
    ("\u00abcaf\u00e9\u00bb", "\u00abcaf\u00e9\u00bb"),
    ("He said \u201cno\u201d \u2014 twice", "He said \u201cno\u201d \u2014 twice"),
    ("I <3 you & me", "I <3 you & me"),
    ("unknown &foo; entity", "unknown &foo; entity"),
    ("", ""),
]
NORMALIZE_IDS = [
    "entity-amp",
    "entity-double-escaped",
    "escaped-tags",
    "tags-left-in-text",
    "br-becomes-space",
    "inline-tag-keeps-dateline-shape",
    "nbsp-run",
    "nbsp-entity",
    "tab-newline",
    "outer-spaces",
    "zero-width-bom",
    "soft-hyphen",
    "unicode-spaces",
    "mojibake-apostrophe",
    "mojibake-e-acute",
    "mojibake-broken-run-kept",
    "mojibake-mixed-with-real-quote",
    "caps-accent-before-quote-is-real",
    "guillemets-are-real",
    "curly-quotes-kept-as-published",
    "bare-lt-amp-kept",
    "unknown-entity-kept",
    "empty",
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES, ids=NORMALIZE_IDS)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "repaired"),
    [("it\u00e2\u20ac\u2122s", True), ("caf\u00e9", False), ("plain", False)],
    ids=["mojibake", "real-accent", "ascii"],
)
def test_mojibake_flag(raw: str, repaired: bool) -> None:
    assert normalize_with_flag(raw)[1] is repaired


def test_repair_mojibake_alone_keeps_spacing() -> None:
    assert repair_mojibake("x \u00c3\u00a9 y") == "x \u00e9 y"


def test_normalize_blocks_drops_and_counts() -> None:
    result = normalize_blocks(["One", " ", "&nbsp;", "<p></p>", "caf\u00c3\u00a9"])
    assert result.blocks == ["One", "caf\u00e9"]
    assert result.dropped == 3
    assert result.repaired == 1


SAME_KEY = [
    ("He said it's fine.", "He  said it\u2019s fine."),
    ("\u201cQuoted\u201d words", '"Quoted" words'),
    ("a\u00a0b c", "a b c"),
    ("Tom &amp; Jerry", "Tom & Jerry"),
    ("2019 \u2013 2020 \u2014 now", "2019 - 2020 - now"),
    ("CASE Folded", "case folded"),
    ("<p>tagged</p>", "tagged"),
    ("\ufb01nal", "final"),
    ("\u2014", "\u2014 "),
]
SAME_IDS = [
    "curly-apostrophe-and-spaces",
    "curly-double-quotes",
    "nbsp",
    "entity",
    "dashes",
    "case",
    "tags",
    "nfkc-ligature",
    "punctuation-only",
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY, ids=SAME_IDS)
def test_paragraph_key_equal(a: str, b: str) -> None:
    assert paragraph_key(a) == paragraph_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("He won.", "He lost."), ("\u2014", "*"), ("its", "it's"), ("1 2", "12")],
    ids=["different-words", "different-marks", "apostrophe-splits-words", "digits"],
)
def test_paragraph_key_different(a: str, b: str) -> None:
    assert paragraph_key(a) != paragraph_key(b)
