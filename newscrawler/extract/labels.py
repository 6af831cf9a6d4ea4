"""A dateline or section label in its own element beside the headline: generic markup shapes."""

from __future__ import annotations

from lxml import etree
from parsel import Selector

from newscrawler.text.dateline import Dateline, parse_dateline

# Dateline elements: a class naming it (`dateline`, `city_state`, `location`, `place`), or the
# element holding a map-marker / location icon (Font Awesome `fa-map-marker`, `location-dot`).
DATELINE_XPATH = (
    "//*[contains(@class, 'dateline') or contains(@class, 'city_state')"
    " or contains(@class, 'location') or contains(@class, 'place')]"
    " | //*[*[contains(@class, 'map-marker') or contains(@class, 'location-dot')"
    " or contains(@class, 'icon-location')]]"
)
MAX_DATELINE_CHARS = 80
MAX_PLACE_WORDS = 4  # "Rio de Janeiro", "New York City"; a sentence is no place
# Section labels: a class naming a category/kicker/section-label next to the headline.
SECTION_XPATH = (
    "//h1[1]/preceding::*[contains(@class, 'category') or contains(@class, 'kicker')"
    " or contains(@class, 'section-label') or contains(@class, 'section-name')]"
)
MAX_SECTION_WORDS = 4
NEAR_LEVELS = 2  # the label shares the headline's parent or grandparent


def _text(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def dateline_element(selector: Selector) -> Dateline | None:
    """The first short element of a dateline shape whose text parses as a dateline."""
    for found in selector.xpath(DATELINE_XPATH):
        text = _text(found.root)
        if 0 < len(text) <= MAX_DATELINE_CHARS and (parsed := parse_dateline(text)):
            place_words = len((parsed.get("place") or "").split())
            if (parsed.get("date") or parsed.get("agency")) and place_words <= MAX_PLACE_WORDS:
                return parsed  # a place alone ("New Delhi") may be any location widget
    return None


def _near(element: etree._Element, headline: etree._Element) -> bool:
    holders = [headline.getparent()]
    if holders[0] is not None:
        holders.append(holders[0].getparent())
    return any(h is not None and h in element.iterancestors() for h in holders)


def section_label(selector: Selector) -> str | None:
    """The label closest before the first <h1>, in its container, of one to four words."""
    headline = selector.xpath("//h1[1]")
    if not headline:
        return None
    for found in reversed(selector.xpath(SECTION_XPATH)):
        text = _text(found.root)
        if _near(found.root, headline[0].root) and 0 < len(text.split()) <= MAX_SECTION_WORDS:
            return text
    return None
