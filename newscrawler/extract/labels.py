"""A dateline or section label in its own element beside the headline: generic markup shapes."""

from __future__ import annotations

import re

from lxml import etree
from parsel import Selector

from newscrawler.extract.dom import ancestor
from newscrawler.text.dateline import Dateline, parse_dateline

# Dateline elements: a class naming it (`dateline`, `city_state`, `location`, `place`), or the
# element holding a map-marker / location icon (Font Awesome `fa-map-marker`, `location-dot`).
DATELINE_WORDS = ("dateline", "city_state", "location", "place")
ICON_WORDS = ("map-marker", "location-dot", "icon-location")
_DATELINE_CLASS = re.compile("|".join(map(re.escape, DATELINE_WORDS)))
_ICON_CLASS = re.compile("|".join(map(re.escape, ICON_WORDS)))
MAX_DATELINE_CHARS = 80
MAX_PLACE_WORDS = 4  # "Rio de Janeiro", "New York City"; a sentence is no place
# Section labels: a class naming a category/kicker/section-label next to the headline.
# Searched inside the headline's grandparent only (the label sits beside the <h1>).
SECTION_XPATH = etree.XPath(
    ".//*[@class][contains(@class, 'category') or contains(@class, 'kicker')"
    " or contains(@class, 'section-label') or contains(@class, 'section-name')]"
)
MAX_SECTION_WORDS = 4
NEAR_LEVELS = 2  # the label shares the headline's parent or grandparent


def _text(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _dateline_shaped(root: etree._Element) -> list[etree._Element]:
    """Elements with a dateline class and parents of location icons, in document order.

    One walk in Python: the same query as XPath walked the tree once per class word.
    """
    order: dict[etree._Element, int] = {}
    found: set[etree._Element] = set()
    for index, element in enumerate(root.iter(etree.Element)):
        order[element] = index
        names = element.get("class")
        if not names:
            continue
        if _DATELINE_CLASS.search(names):
            found.add(element)
        if _ICON_CLASS.search(names) and (parent := element.getparent()) is not None:
            found.add(parent)
    return sorted(found, key=order.__getitem__)


def dateline_element(selector: Selector) -> Dateline | None:
    """The first short element of a dateline shape whose text parses as a dateline."""
    for element in _dateline_shaped(selector.root):
        text = _text(element)
        if 0 < len(text) <= MAX_DATELINE_CHARS and (parsed := parse_dateline(text)):
            place_words = len((parsed.get("place") or "").split())
            if (parsed.get("date") or parsed.get("agency")) and place_words <= MAX_PLACE_WORDS:
                return parsed  # a place alone ("New Delhi") may be any location widget
    return None


def _container(headline: etree._Element) -> etree._Element:
    return ancestor(headline, NEAR_LEVELS)


def section_label(selector: Selector) -> str | None:
    """The label closest before the first <h1>, in its container, of one to four words."""
    headline = next(iter(selector.root.iter("h1")), None)
    if headline is None:
        return None
    container = _container(headline)
    position = {element: n for n, element in enumerate(container.iter())}
    wrappers = set(headline.iterancestors())
    before = [
        element
        for element in SECTION_XPATH(container)
        if element not in wrappers and position[element] < position[headline]
    ]
    for element in reversed(before):
        text = _text(element)
        if 0 < len(text.split()) <= MAX_SECTION_WORDS:
            return text
    return None
