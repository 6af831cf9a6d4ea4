"""The standfirst: the lead paragraph above the story, found as the page's visible summary."""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import dom

# Most templates render the lead outside the story container (in <header>, beside the <h1>) and
# repeat it as og:description / description; the visible copy is the standfirst. Elements a
# lead is written in:
_LEAD_XPATH = (
    "//*[self::p or self::div or self::h2 or self::span or self::strong or self::section]"
    "[starts-with(normalize-space(.), $prefix)]"
)
PREFIX_CHARS = 40  # enough to be unique, short of a description cut with "..."
MIN_LEAD_CHARS = 30
_CUT = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_WORDS = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _deepest(found: list[etree._Element]) -> etree._Element | None:
    """The innermost match: a wrapper <div> starts with the same text as its <p>."""
    ids = {id(e) for e in found}
    inner = [e for e in found if not any(id(c) in ids for c in e.iterdescendants())]
    return inner[0] if inner else None


def standfirst(root: etree._Element, summary: str | None, body: list[str]) -> str | None:
    """The visible summary text when the body does not already hold it, else None."""
    summary = " ".join((summary or "").split())
    if len(summary) < MIN_LEAD_CHARS:
        return None
    prefix = _CUT.sub("", summary)[:PREFIX_CHARS]
    element = _deepest(root.xpath(_LEAD_XPATH, prefix=prefix))
    if element is None:
        return None
    text = " ".join(dom.block_texts(element))
    key = _key(text)
    if not key or any(key in _key(block) for block in body[:3]):
        return None
    # The visible element must be the summary, not a paragraph that begins like it and goes on.
    return text if len(text) <= 2 * len(summary) + 20 else None
