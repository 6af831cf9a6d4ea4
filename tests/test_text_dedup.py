from __future__ import annotations

import pytest

from newscrawler.text.dedup import drop_repeats

A = "Mired in several data breaches, Facebook CEO Mark Zuckerberg said on Thursday."
B = "Admitting that people want private, encrypted services, he said Facebook will change."
C = "\u201cWe plan to build this the way we\u2019ve developed WhatsApp,\u201d he wrote."
D = "Facebook currently has 2.32 billion users, WhatsApp over 1.5 billion."
E = "The Facebook CEO said he is focused on making WhatsApp and Instagram faster."

# body -> (kept, removed)
CASES = [
    ([A, B, C, D, B, C, D], [A, B, C, D], 3),
    ([A, B, C, A, B, C], [A, B, C], 3),
    ([A, A, B, B, C, C], [A, B, C], 3),
    ([A, B, C, B, C, D, E], [A, B, C, D, E], 2),
    (
        [A, B, C, C.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")],
        [A, B, C],
        1,
    ),
    (
        [A, B, C, '"We plan to build this the way we\'ve developed  WhatsApp," he wrote.'],
        [A, B, C],
        1,
    ),
    ([A, B, B.replace(" ", "\u00a0")], [A, B], 1),
    ([A, B, B.replace(",", "&#44;")], [A, B], 1),
    ([A, B, B.upper()], [A, B], 1),
    ([A, "Photo", B, "Photo", C], [A, "Photo", B, "Photo", C], 0),
    ([A, "* * *", B, "* * *", C], [A, "* * *", B, "* * *", C], 0),
    ([A, "Photo", B, A, "Photo", B], [A, "Photo", B], 3),
    ([A, "\u2014", B, "\u2014", A, B], [A, "\u2014", B], 3),
    ([A, A, "Photo", "Photo", B], [A, "Photo", B], 2),
    ([A, B, C, D, E], [A, B, C, D, E], 0),
    ([A, A.rstrip(".") + " again."], [A, A.rstrip(".") + " again."], 0),
    ([], [], 0),
]
IDS = [
    "seed-copy-from-paragraph-2",
    "whole-body-twice",
    "every-paragraph-doubled",
    "block-repeated-in-middle",
    "straight-vs-curly-quotes",
    "quotes-and-double-space",
    "nbsp",
    "entity",
    "case",
    "short-label-repeated-alone-kept",
    "separator-repeated-alone-kept",
    "short-line-inside-copy-removed",
    "dash-inside-copy-removed",
    "short-lines-doubled-in-place",
    "no-repeats",
    "near-duplicate-is-not-a-repeat",
    "empty",
]


@pytest.mark.parametrize(("body", "kept", "removed"), CASES, ids=IDS)
def test_drop_repeats(body: list[str], kept: list[str], removed: int) -> None:
    result = drop_repeats(body)
    assert result.paragraphs == kept
    assert result.removed == removed
    assert result.total == len(body)
