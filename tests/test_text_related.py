from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from newscrawler.text.ages import parse_absolute_time, parse_age, to_utc_iso
from newscrawler.text.related import dedupe_related, resolve_link, split_related

NOW = datetime.fromisoformat("2025-07-26T12:00:00+00:00")
P1 = "The minister said the talks would resume next week after a pause of two months."
P2 = "Officials declined to comment on the report, which was first published two hours ago."
T1, T2, T3 = "Rubio meets Dar in Washington", "Four NE states on alert", "SAIL posts robust growth"

AGES = [
    ("9 hours ago", timedelta(hours=9)),
    ("an hour ago", timedelta(hours=1)),
    ("A minute ago", timedelta(minutes=1)),
    ("45 minutes ago", timedelta(minutes=45)),
    ("5 mins ago", timedelta(minutes=5)),
    ("10 min ago", timedelta(minutes=10)),
    ("3 hrs ago", timedelta(hours=3)),
    ("1h ago", timedelta(hours=1)),
    ("30s ago", timedelta(seconds=30)),
    ("1 day ago", timedelta(days=1)),
    ("2 days ago", timedelta(days=2)),
    ("2 weeks ago", timedelta(weeks=2)),
    ("Updated 14 hours ago", timedelta(hours=14)),
    ("Yesterday", timedelta(days=1)),
    ("Just now", timedelta(0)),
    ("  15 HOURS AGO  ", timedelta(hours=15)),
    ("two hours ago", None),
    ("He left 2 hours ago.", None),
    ("2 hours", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "delta"), AGES, ids=[a[0].strip() or "empty" for a in AGES])
def test_parse_age(text: str, delta: timedelta | None) -> None:
    assert parse_age(text) == delta


ABSOLUTE = [
    ("2019-11-20T10:30:00+00:00", "2019-11-20T10:30:00+00:00"),
    ("2024-05-02T17:03:27Z", "2024-05-02T17:03:27+00:00"),
    ("2019-11-20T15:30:00+05:30", "2019-11-20T10:00:00+00:00"),
    ("2019-11-20 06:09:25", "2019-11-20T06:09:25+00:00"),
    (1574231937, "2019-11-20T06:38:57+00:00"),
    ("1574231937", "2019-11-20T06:38:57+00:00"),
    (1725369093000, "2024-09-03T13:11:33+00:00"),
    ("1725369093000", "2024-09-03T13:11:33+00:00"),
    ("1h ago", None),
    (None, None),
    (True, None),
    ("not a date", None),
]
ABS_IDS = [
    "iso-offset",
    "iso-z",
    "iso-ist",
    "naive-is-utc",
    "epoch-s-int",
    "epoch-s-str",
    "epoch-ms-int",
    "epoch-ms-str",
    "relative-is-not-absolute",
    "none",
    "bool",
    "garbage",
]


@pytest.mark.parametrize(("value", "iso"), ABSOLUTE, ids=ABS_IDS)
def test_parse_absolute_time(value: object, iso: str | None) -> None:
    parsed = parse_absolute_time(value)
    assert (to_utc_iso(parsed) if parsed else None) == iso


def _rel(title: str, age: str, when: str | None) -> dict[str, Any]:
    return {"title": title, "url": None, "age": age, "published_at": when}


H9, H10 = "2025-07-26T03:00:00+00:00", "2025-07-26T02:00:00+00:00"
SPLIT = [
    (
        [P1, "9 hours ago", T1, "10 hours ago", T2],
        [P1],
        [_rel(T1, "9 hours ago", H9), _rel(T2, "10 hours ago", H10)],
    ),
    (
        [P1, "", "9 hours ago", T1, "", "10 hours ago", T2, ""],
        [P1, ""],
        [_rel(T1, "9 hours ago", H9), _rel(T2, "10 hours ago", H10)],
    ),
    (
        [P1, T1, "9 hours ago", T2, "10 hours ago"],
        [P1],
        [_rel(T1, "9 hours ago", H9), _rel(T2, "10 hours ago", H10)],
    ),
    ([P1, "Latest News", "9 hours ago", T1], [P1], [_rel(T1, "9 hours ago", H9)]),
    ([P1, "More from IANS", T1, "1h ago"], [P1], [_rel(T1, "1h ago", "2025-07-26T11:00:00+00:00")]),
    (
        [P1, "Trending", "5 mins ago", T1, "Yesterday", T2],
        [P1],
        [
            _rel(T1, "5 mins ago", "2025-07-26T11:55:00+00:00"),
            _rel(T2, "Yesterday", "2025-07-25T12:00:00+00:00"),
        ],
    ),
    (
        [P1, "Just now", T1, "an hour ago", T2, "2 days ago", T3],
        [P1],
        [
            _rel(T1, "Just now", "2025-07-26T12:00:00+00:00"),
            _rel(T2, "an hour ago", "2025-07-26T11:00:00+00:00"),
            _rel(T3, "2 days ago", "2025-07-24T12:00:00+00:00"),
        ],
    ),
    ([P1, "9 hours ago", T1, "9 hours ago", T1], [P1], [_rel(T1, "9 hours ago", H9)]),
    ([P1, "9 hours ago", T1], [P1, "9 hours ago", T1], []),
    ([P1, P2], [P1, P2], []),
    (
        [P1, "9 hours ago", T1, "10 hours ago", T2, P2],
        [P1, "9 hours ago", T1, "10 hours ago", T2, P2],
        [],
    ),
    (
        [P1, "9 hours ago", P2, "10 hours ago", P2 * 3],
        [P1, "9 hours ago", P2, "10 hours ago", P2 * 3],
        [],
    ),
    (["9 hours ago", "10 hours ago"], ["9 hours ago", "10 hours ago"], []),
    ([], [], []),
]
SPLIT_IDS = [
    "age-before-title",
    "blank-lines-between",
    "title-before-age",
    "one-pair-under-heading",
    "one-pair-under-more-from",
    "mixed-ages-under-trending",
    "just-now-an-hour-days",
    "duplicate-entries-merged",
    "one-pair-without-heading-stays",
    "prose-with-two-hours-ago-stays",
    "block-not-at-end-stays",
    "long-paragraphs-are-not-titles",
    "ages-without-titles",
    "empty",
]


@pytest.mark.parametrize(("body", "want_body", "want_related"), SPLIT, ids=SPLIT_IDS)
def test_split_related(
    body: list[str], want_body: list[str], want_related: list[dict[str, Any]]
) -> None:
    result = split_related(body, NOW)
    assert result.body == want_body
    assert result.related == want_related
    assert result.lines_removed == len(body) - len(want_body)


def test_split_related_without_now_keeps_published_null() -> None:
    result = split_related([P1, "9 hours ago", T1, "10 hours ago", T2], None)
    assert [r["published_at"] for r in result.related] == [None, None]
    assert [r["age"] for r in result.related] == ["9 hours ago", "10 hours ago"]


LINKS = [
    (
        {
            "title": T1,
            "url": "https://x/1",
            "age": "1 hour ago",
            "time": "2019-11-20T10:30:00+00:00",
        },
        "1 hour ago",
        "2019-11-20T10:30:00+00:00",
    ),
    (
        {"title": T1, "url": "https://x/1", "age": None, "time": "1574231937"},
        None,
        "2019-11-20T06:38:57+00:00",
    ),
    (
        {"title": T1, "url": "https://x/1", "age": None, "time": 1725369093000},
        None,
        "2024-09-03T13:11:33+00:00",
    ),
    (
        {"title": T1, "url": "https://x/1", "age": "2 hours ago", "time": None},
        "2 hours ago",
        "2025-07-26T10:00:00+00:00",
    ),
    (
        {"title": T1, "url": "https://x/1", "age": None, "time": "1h ago"},
        "1h ago",
        "2025-07-26T11:00:00+00:00",
    ),
    ({"title": T1, "url": "https://x/1", "age": None, "time": None}, None, None),
    (
        {"title": T1, "url": "https://x/1", "age": "Updated [hour]:[minute]", "time": None},
        "Updated [hour]:[minute]",
        None,
    ),
    ({"title": T1, "url": "https://x/1"}, None, None),
]
LINK_IDS = [
    "absolute-iso-wins-over-age",
    "epoch-seconds-string",
    "epoch-ms-int",
    "age-against-crawl-time",
    "relative-time-attribute-is-age",
    "no-time-no-age",
    "template-age-unresolved",
    "keys-missing",
]


@pytest.mark.parametrize(("link", "age", "published"), LINKS, ids=LINK_IDS)
def test_resolve_link(link: dict[str, Any], age: str | None, published: str | None) -> None:
    assert resolve_link(link, NOW) == {
        "title": T1,
        "url": "https://x/1",
        "age": age,
        "published_at": published,
    }


@pytest.mark.parametrize(
    "link",
    [
        {"title": "", "url": "u"},
        {"title": None},
        {"title": " \u00a0"},
        {"url": "u", "age": "1h ago"},
    ],
    ids=["empty-title", "none-title", "blank-title", "no-title"],
)
def test_resolve_link_without_title_is_dropped(link: dict[str, Any]) -> None:
    assert resolve_link(link, NOW) is None


def test_resolve_link_relative_without_now_is_null() -> None:
    assert resolve_link({"title": T1, "url": None, "age": "2 hours ago"}, None) == _rel(
        T1, "2 hours ago", None
    )


def test_dedupe_related_by_title_and_url() -> None:
    a, b, c = (
        _rel(T1, "1h ago", None),
        {**_rel(T1, "2h ago", None), "url": "u"},
        _rel(T1, "3h ago", None),
    )
    assert dedupe_related([a, b, c]) == [a, b]
