"""Stories not written in <p>: text lines in one element, or one <div> per paragraph.

The container model counts <p> elements. Some templates write the story as text nodes broken
by <br> inside a <div> (older CMSs, forum-style portals, text pasted into a rich-text field),
and then the element with the most <p> is whatever else the page holds in paragraphs: a sidebar
of headlines, a comment box. Such a story is recognised by its own text: lines of prose that
are the element's direct text, not its child blocks'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from newscrawler.extract.dom import link_density
from newscrawler.extract.verdict import CJK_PROSE_CHARS, PROSE_CHARS

# Inline children whose text reads as part of the line they sit in.
INLINE = frozenset(("a", "b", "strong", "i", "em", "u", "span", "font", "small", "sup", "sub",
                    "mark", "abbr", "cite", "q", "time", "code"))  # fmt: skip
# Block elements are the container model's business: their text is not "own" text.
BLOCKS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd",
                    "td", "th", "dt", "figure", "table", "ul", "ol"))  # fmt: skip
MIN_LINES = 3  # one or two long text nodes are a caption or a lead, not a story
QUICK_CHARS = 3 * CJK_PROSE_CHARS  # direct text below this cannot hold MIN_LINES prose lines
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_CUT = "\x00"


@dataclass(frozen=True)
class TextLines:
    """The element whose own lines hold the most prose, and that prose's size."""

    element: etree._Element
    prose_chars: int


def _direct_chars(element: etree._Element) -> int:
    """Characters of the element's own text nodes (a cheap filter before splitting lines)."""
    size = len((element.text or "").strip())
    return size + sum(len((child.tail or "").strip()) for child in element)


def own_lines(element: etree._Element) -> list[str]:
    """The element's own text split into lines at <br> and at child blocks."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        parts.append("".join(child.itertext()) if tag in INLINE else _CUT)
        parts.append(child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split(_CUT))
    return [line for line in lines if line]


def _is_prose(line: str) -> bool:
    return len(line) >= (CJK_PROSE_CHARS if _CJK.search(line) else PROSE_CHARS)


def text_lines(root: etree._Element) -> TextLines | None:
    """The element with the most prose in its own lines (MIN_LINES+ prose lines).

    Blocks are the container model's, save <p>: a whole story can be one <p> of lines broken by
    <br><br>, and the element with the most <p> is then a list of teasers below it.
    """
    best: TextLines | None = None
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else "p"
        if (tag in BLOCKS and tag != "p") or tag in INLINE or _direct_chars(element) < QUICK_CHARS:
            continue
        prose = [line for line in own_lines(element) if _is_prose(line)]
        size = sum(map(len, prose))
        if len(prose) >= MIN_LINES and (best is None or size > best.prose_chars):
            best = TextLines(element, size)
    return best


# A <div> holding only inline content (and text) is written like a paragraph.
_TEXT_DIVS = etree.XPath(
    "//div[@class][not(*[not(" + " or ".join(f"self::{tag}" for tag in INLINE | {"br", "wbr"})
    + ")])]"
)  # fmt: skip
DIV_PARAGRAPHS = 3  # prose <div>s of one class that make it a paragraph class
MAX_DIV_LINKS = 0.5


def _is_paragraph_div(div: etree._Element) -> bool:
    """Not a teaser's copy: that sits inside its link, or is mostly link text."""
    return next(div.iterancestors("a"), None) is None and link_density(div) <= MAX_DIV_LINKS


def paragraph_divs(root: etree._Element) -> None:
    """Turn, in place, the <div>s of inline text sharing a class with 3+ prose ones into <p>s.

    Some templates write every paragraph as <div class="dig-absatz">...</div> (CSS-in-JS ones
    as <div class="r1nj4qn5">): the story container then holds no <p> and a box of three <p>
    elsewhere wins. A class worn by several prose divs is a paragraph class; a lone caption
    or bio div is not.
    """
    groups: dict[str, list[etree._Element]] = {}
    for div in _TEXT_DIVS(root):
        if _is_paragraph_div(div):
            groups.setdefault(div.get("class"), []).append(div)
    for divs in groups.values():
        texts = (" ".join("".join(div.itertext()).split()) for div in divs)
        if sum(_is_prose(text) for text in texts) >= DIV_PARAGRAPHS:
            for div in divs:
                div.tag = "p"
