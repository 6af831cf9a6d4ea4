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


def sentence(n: int, topic: str) -> str:
    return f"{topic} paragraph {n} explains what to eat and why it helps the body recover well."


def test_meal_plan_labels_recurring_per_section_stay() -> None:
    # Issue 14's meal-plan page: six sections, each with the same label and instruction line.
    body = []
    for day in range(6):
        body += ["Pre-Workout Meal", "Eat 60–90 minutes before your workout", sentence(day, "Meal")]
        body += [
            "Post-Workout Meal",
            "Eat within an hour after training",
            sentence(day, "Recovery"),
        ]
    assert drop_repeats(body).removed == 0


def test_listicle_line_repeated_in_each_item_stays() -> None:
    # The listicle layout: five attractions, each listing the same event dates.
    body = []
    for n in range(5):
        body += [
            f"Attraction {n}",
            sentence(n, "Trail"),
            "Easter adventure trail 23 March–14 April",
        ]
    assert drop_repeats(body).removed == 0


def test_schedule_table_rows_stay() -> None:
    # A schedule rendered as blocks: the same two-line slot recurs on two days.
    body = ["Monday", "9:00 Registration and coffee", "10:00 Opening keynote in hall A"]
    body += ["Tuesday", "9:00 Registration and coffee", "10:00 Opening keynote in hall A"]
    assert drop_repeats(body).removed == 0


def test_widget_repeated_between_sections_stays() -> None:
    # ZDFheute layout: each infographic renders the same consent placeholder, with the article's
    # own paragraphs between the two renderings.
    notice = "Für die Darstellung von Infografiken nutzen wir eine Software; " * 3
    body = [A, "Infografik", "Ein Klick für den Datenschutz", notice, B, C, D]
    body += ["Infografik", "Ein Klick für den Datenschutz", notice, E]
    assert drop_repeats(body).removed == 0


def test_near_identical_long_copy_goes() -> None:
    # A second rendering of the body with curly quotes lost and one word changed.
    long_a = A + " " + B + " " + C
    long_b = D + " " + E + " " + A
    copy_b = long_b.replace("currently", "now")
    result = drop_repeats([long_a, long_b, long_a, copy_b])
    assert result.paragraphs == [long_a, long_b]


def test_lone_repeat_far_from_its_first_occurrence_stays() -> None:
    # A pull quote repeating a paragraph (Daily Maverick), a deal line (WinFuture).
    assert drop_repeats([A, B, C, D, E, B]).removed == 0
