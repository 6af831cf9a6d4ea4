"""Grow the story container over a body split across sibling elements.

Paywall splits (a free part and a "metered" part), live blogs (an intro beside the entries) and
expanders render one story in sibling containers; the densest one holds only a part. A parent
is taken in when what it adds is prose: long paragraphs, few links.
"""

from __future__ import annotations

from lxml import etree

from newscrawler.extract import dom

MAX_LEVELS = 3
MIN_PROSE_SHARE = 0.6  # of the text a parent adds, the share in long paragraphs
MAX_PARENT_LINKS = 0.25
_STOP = frozenset(("body", "html"))


def _chars(element: etree._Element) -> int:
    return sum(len(t.strip()) for t in element.itertext())


def _prose_chars(element: etree._Element, inner: etree._Element) -> int:
    """Characters of the long paragraphs of `element` outside `inner`."""
    total = 0
    for paragraph in element.iter("p"):
        if paragraph is inner or any(a is inner for a in paragraph.iterancestors()):
            continue
        size = _chars(paragraph)
        total += size if size >= dom.MIN_PARAGRAPH else 0
    return total


def _takes_in(parent: etree._Element, inner: etree._Element) -> bool:
    added = _chars(parent) - _chars(inner)
    if added <= 0:
        return True
    prose = _prose_chars(parent, inner)
    return prose >= MIN_PROSE_SHARE * added and dom.link_density(parent) <= MAX_PARENT_LINKS


def grown(container: etree._Element) -> etree._Element:
    """The highest ancestor (MAX_LEVELS up, below <body>) that adds only prose to the container."""
    current = container
    for _ in range(MAX_LEVELS):
        parent = current.getparent()
        # An <article> is the story's outer bound: above it sit the next stories.
        if current.tag == "article" or parent is None or parent.tag in _STOP:
            break
        if not _takes_in(parent, current):
            break
        current = parent
    return current
