from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.text.boilerplate import strip_boilerplate
from newscrawler.text.dedup import LONG_WORDS, NEAR_WORDS, drop_repeats
from newscrawler.text.echoes import strip_leading_echoes
from newscrawler.text.normalize import normalize_blocks, normalize_text, paragraph_key
from newscrawler.text.related import split_related

NOW = datetime.fromisoformat("2025-07-26T12:00:00+00:00")
# Lines that drive each step's special paths, mixed with arbitrary text.
SAMPLES = [
    "Business",
    "India News",
    "NEW DELHI",
    "Headline of the day",
    "San Francisco, March 7",
    "9 hours ago",
    "an hour ago",
    "Yesterday",
    "1h ago",
    "Latest News",
    "More from IANS",
    "Short title",
    "Photo",
    "\u2014",
    "",
    " ",
    "Also Read: more",
    "(With inputs from PTI)",
    "Copyright 2024 The Associated Press. All Rights Reserved.",
    "Disclaimer: auto-generated.",
    "A long paragraph with \u201cquotes\u201d and an it\u2019s.",
    'A long paragraph with "quotes" and an it\'s.',
    "&amp;lt;b&amp;gt;",
    "it\u00e2\u20ac\u2122s caf\u00c3\u00a9",
    "<p>tag</p>",
    "a\u00a0\u200bb",
]
LINE = st.one_of(st.sampled_from(SAMPLES), st.text(max_size=60))
LINES = st.lists(LINE, max_size=14)
HEADLINE = st.one_of(
    st.none(), st.sampled_from(["Headline of the day", "Short title", ""]), st.text(max_size=20)
)


def is_subsequence(kept: Sequence[str], source: Sequence[str]) -> bool:
    it = iter(source)
    return all(any(k == s for s in it) for k in kept)


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_normalize_text_idempotent_and_keyed(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert paragraph_key(once) == paragraph_key(text)


@settings(max_examples=200)
@given(LINES)
def test_normalize_blocks_properties(lines: list[str]) -> None:
    once = normalize_blocks(lines)
    assert normalize_blocks(once.blocks).blocks == once.blocks
    assert once.blocks == [t for t in map(normalize_text, lines) if t]
    assert once.dropped == len(lines) - len(once.blocks)
    assert all(block and block == block.strip() for block in once.blocks)


@settings(max_examples=200)
@given(LINES, HEADLINE, st.one_of(st.none(), st.just("World")))
def test_echoes_properties(lines: list[str], headline: str | None, section: str | None) -> None:
    once = strip_leading_echoes(lines, headline, section)
    assert once.body == lines[once.removed :]  # only a prefix goes
    again = strip_leading_echoes(once.body, headline, once.section)
    assert again.body == once.body
    assert again.section == once.section


@settings(max_examples=300)
@given(LINES, st.one_of(st.none(), st.just(NOW)))
def test_related_properties(lines: list[str], now: datetime | None) -> None:
    once = split_related(lines, now)
    assert once.body == lines[: len(lines) - once.lines_removed]  # only a suffix goes
    assert split_related(once.body, now).body == once.body
    tail = lines[len(once.body) :]
    for entry in once.related:
        assert set(entry) == {"title", "url", "age", "published_at"}
        assert entry["title"] in [line.strip() for line in tail]
        assert (entry["published_at"] is None) == (now is None)


@settings(max_examples=200)
@given(LINES)
def test_boilerplate_properties(lines: list[str]) -> None:
    once = strip_boilerplate(lines)
    assert is_subsequence(once.body, lines)
    assert once.removed == len(lines) - len(once.body)
    assert strip_boilerplate(once.body).body == once.body


@settings(max_examples=300)
@given(LINES)
def test_dedup_properties(lines: list[str]) -> None:
    once = drop_repeats(lines)
    assert is_subsequence(once.paragraphs, lines)
    assert once.removed == len(lines) - len(once.paragraphs)
    assert drop_repeats(once.paragraphs).paragraphs == once.paragraphs
    # Nothing that is not a repeat is lost: every input key is still present (a long paragraph
    # may go as a near-identical copy of another, whose key differs).
    kept = {paragraph_key(p) for p in once.paragraphs}
    assert {k for p in lines if len((k := paragraph_key(p)).split()) < NEAR_WORDS} <= kept


@settings(max_examples=200)
@given(st.lists(LINE, max_size=12, unique_by=paragraph_key))
def test_dedup_doubled_body_is_first_copy(generated: list[str]) -> None:
    # A copy is three paragraphs of 3+ words, or holds one of LONG_WORDS+ (two short lines
    # repeated are a list's recurring structure): the body ends with a long one, whose key no
    # generated line can share (it has words no line has). Short lines go with their copy.
    long = " ".join(f"Zyxwv{n}" for n in range(LONG_WORDS))
    lines = [line for line in generated if paragraph_key(line) != paragraph_key(long)] + [long]
    assert drop_repeats(lines + lines).paragraphs == lines
    assert drop_repeats(lines + lines[1:]).paragraphs == lines
