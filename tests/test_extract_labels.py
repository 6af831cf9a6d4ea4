"""Datelines and section labels in their own elements beside the headline (generic path)."""

from __future__ import annotations

import pytest
from parsel import Selector

from newscrawler.extract.labels import dateline_element, section_label


def sel(body: str) -> Selector:
    return Selector(text=f"<html><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The seed portal: a city_state div with a map-marker icon just above the body.
        (
            '<div class="city_state"><i class="fa fa-map-marker"></i> San Francisco, March 7</div>',
            {"place": "San Francisco", "date": "March 7", "agency": None},
        ),
        # Any element holding a map-marker icon, whatever its own class.
        (
            '<p class="meta"><span class="icon fa-map-marker"></span>Mumbai, Jan 12</p>',
            {"place": "Mumbai", "date": "Jan 12", "agency": None},
        ),
        # A dateline element with the wire tag.
        (
            '<span class="dateline">NEW DELHI, Nov 25 (PTI)</span>',
            {"place": "NEW DELHI", "date": "Nov 25", "agency": "PTI"},
        ),
    ],
)
def test_dateline_element(body: str, expected: dict[str, str | None]) -> None:
    assert dateline_element(sel(body + "<p>Story text follows here.</p>")) == expected


@pytest.mark.parametrize(
    "body",
    [
        '<div class="location">New Delhi</div>',  # a place alone: a weather or location widget
        '<div class="place">Read our long guide to the best places to visit, March 7</div>',
        "<p>San Francisco, March 7</p>",  # no dateline markup: the body parser's business
    ],
)
def test_no_dateline_element(body: str) -> None:
    assert dateline_element(sel(body)) is None


def test_category_span_beside_the_headline_is_the_section() -> None:
    body = (
        '<nav><a class="category-link" href="/sports">Sports</a></nav>'
        '<div class="news-detail"><span class="category"><a href="/b">Business</a></span>'
        "<h1>Headline</h1><p>Text</p></div>"
    )
    assert section_label(sel(body)) == "Business"


def test_navigation_category_far_from_the_headline_is_not() -> None:
    body = (
        '<header><nav><ul><li class="category-item"><a href="/sports">Sports</a></li></ul></nav>'
        '</header><main><div class="wrap"><article><h1>Headline</h1></article></div></main>'
    )
    assert section_label(sel(body)) is None


def test_long_category_text_is_no_label() -> None:
    body = (
        '<div><div class="category">Read more stories from our business desk today</div>'
        "<h1>Headline</h1></div>"
    )
    assert section_label(sel(body)) is None
