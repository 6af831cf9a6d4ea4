"""Properties of the dateline, agency and date steps on arbitrary and wire-shaped text."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.pipelines.dateline import DatelinePipeline
from newscrawler.pipelines.dates import DatesPipeline
from newscrawler.text.agency import agency_from_credits, strip_trailer_tag
from newscrawler.text.dateline import split_dateline
from newscrawler.text.dates import parse_date
from newscrawler.text.published import resolve_published

PREFIXES = [
    "Kochi, July 26 (IANS) ",
    "WASHINGTON, March 7 (Reuters) - ",
    "LA CROSSE, Wis. (AP) — ",
    "Washington DC [US], July 26 (ANI): ",
    "NEW DELHI: ",
    "Paris (AFP) – ",
    "Moscow, Russia | AFP | ",
    "(Reuters) — ",
    "San Francisco, March 7",
    "(IANS) ",
    "Delhi: ",
]
TRAILERS = ["", " PTI", " - PTI", " — IANS", " (ANI)", "PTI", " (With inputs from PTI)"]

text = st.text(st.characters(codec="utf-8"), max_size=80)
wire_block = st.builds(
    lambda prefix, words, trailer: prefix + words + trailer,
    st.sampled_from(["", *PREFIXES]),
    st.text(st.sampled_from("abc XYZ,.:-()[]|—\n"), max_size=40),
    st.sampled_from(TRAILERS),
)
blocks = st.lists(st.one_of(text, wire_block), max_size=6)


def pieces_in_order(before: list[str], after: list[str]) -> bool:
    """Each kept paragraph is a piece of an input paragraph, in the same order, none invented."""
    position = 0
    for paragraph in after:
        while position < len(before) and paragraph not in before[position]:
            position += 1
        if position == len(before):
            return False
        position += 1
    return True


@given(blocks, st.booleans())
def test_split_dateline_never_raises_reorders_or_invents(body: list[str], colon: bool) -> None:
    result = split_dateline(body, allow_colon=colon)
    assert pieces_in_order(body, result.body)
    assert len(result.body) <= len(body)
    assert result.body[1:] == body[len(body) - len(result.body) + 1 :]


@given(blocks)
def test_trailer_and_credits_never_raise_or_invent(body: list[str]) -> None:
    kept, _ = strip_trailer_tag(body)
    assert pieces_in_order(body, kept)
    agency_from_credits(body)


@given(blocks, st.sampled_from([None, "ndtv", "apnews"]), st.sampled_from([None, "AP", "PTI", "x"]))
def test_dateline_step_is_idempotent(
    body: list[str], source: str | None, agency: str | None
) -> None:
    item: dict[str, Any] = {"body": body, "source": source, "agency": agency}
    once = DatelinePipeline().process_item(copy.deepcopy(item))
    twice = DatelinePipeline().process_item(copy.deepcopy(once))
    assert twice == once
    assert pieces_in_order(body, once["body"])


@given(text, st.sampled_from(["UTC", "Asia/Kolkata", "America/New_York"]))
@settings(max_examples=150, deadline=None)  # dateparser warms up on first use
def test_parse_date_never_raises(raw: str, zone: str) -> None:
    from zoneinfo import ZoneInfo

    result = parse_date(raw, tz=ZoneInfo(zone), now=datetime(2025, 7, 26, tzinfo=UTC))
    assert result is None or datetime.fromisoformat(result).tzinfo is not None


@given(st.one_of(st.none(), text), st.one_of(st.none(), text), st.one_of(st.none(), text))
@settings(max_examples=100, deadline=None)
def test_resolve_published_never_raises(
    raw: str | None, dateline: str | None, url: str | None
) -> None:
    result = resolve_published(
        raw, "jsonld", dateline=dateline, url=url, crawled_at=datetime(2025, 7, 26, tzinfo=UTC)
    )
    assert result.source in {None, "jsonld", "dateline", "url"}


URLS = [
    "https://x.in/a",
    "https://apnews.com/2024/09/03/a",
    "https://ianslive.in/a--20250726123000",
]
DATELINES = [None, {"date": "July 24"}, {"date": "March 7"}]


@given(
    st.one_of(st.none(), text),
    st.one_of(st.none(), text),
    st.sampled_from(URLS),
    st.sampled_from(DATELINES),
)
@settings(max_examples=100, deadline=None)
def test_dates_step_is_idempotent(
    raw: str | None, modified: str | None, url: str, dateline: dict[str, str] | None
) -> None:
    item = {
        "dateline": dateline,
        "url": url,
        "crawled_at": "2025-07-26T12:00:00+00:00",
        "published_at_raw": raw,
        "modified_at": modified,
    }
    once = DatesPipeline().process_item(dict(item))
    assert DatesPipeline().process_item(dict(once)) == once
