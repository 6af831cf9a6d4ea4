"""CSS queries compiled once, and skipped when the page's source cannot hold a match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree
from parsel.csstranslator import HTMLTranslator

# Parsel's own CSS translation and namespaces (its ::text/::attr and EXSLT regex support).
_NAMESPACES = {"re": "http://exslt.org/regular-expressions"}
_LITERALS = re.compile(r"'[^']*'|\"[^\"]*\"")
_ENTITY_PRONE = re.compile(r"[&<>\"']")


@lru_cache(maxsize=256)
def compiled_css(query: str) -> etree.XPath:
    """A CSS query as a compiled XPath over lxml elements (parsel's translation, cached)."""
    return etree.XPath(HTMLTranslator().css_to_xpath(query), namespaces=_NAMESPACES)


@lru_cache(maxsize=256)
def needles(css: str) -> tuple[str, ...]:
    """Strings the page source must contain for the selector to match anything.

    Each literal of the translated query is required when its conditions are all and-ed (no
    "or", no "not", no union of selectors); a literal that HTML could write as an entity
    (non-ASCII, &, <, quotes) is no evidence either way, so it is left out.
    """
    xpath = HTMLTranslator().css_to_xpath(css)
    outside = _LITERALS.sub("", xpath)
    if " or " in outside or "not(" in outside or "|" in outside:  # "a, b" is a union
        return ()
    found = (literal[1:-1].strip() for literal in _LITERALS.findall(xpath))
    kept = (n for n in found if n and n.isascii() and not _ENTITY_PRONE.search(n))
    return tuple(dict.fromkeys(kept))


def matches_each(
    root: etree._Element, selectors: tuple[str, ...], source: str | None = None
) -> Iterator[list[etree._Element]]:
    """Each selector's matches under root, selector by selector (lazily, in document order).

    With the page's source, a selector whose needles it lacks is not queried: libxml2 walks
    the whole tree for each query (0.3-0.7 ms a page) and the generic fallbacks try a dozen.
    """
    for css in selectors:
        if source is not None and not all(needle in source for needle in needles(css)):
            yield []
        else:
            yield compiled_css(css)(root)
