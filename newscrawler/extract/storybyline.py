"""Bylines written into the story itself: a bold name line at its edge, a Chinese editor credit.

Two conventions of templates with no byline element:
- the reporter's name alone, in bold, as the story's first or last paragraph (Vietnamese
  portals close the story with it, right-aligned; WordPress portals open it with it);
- the responsible-editor credit of Chinese news pages, "(责编：A、B)" or "责任编辑：A" in its
  own element under the story.
"""

from __future__ import annotations

import re

from lxml import etree

# Two to four words, each capitalised (Title Case or CAPS), letters only: "Lê Phương",
# "JANE MOYO". No digits, no punctuation but the hyphen and the apostrophe.
NAME_LINE = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){1,3}[^\W\d_][\w'’-]*")
MAX_NAME_CHARS = 40
PROSE_CHARS = 80  # a story paragraph beside the name line
STORY_PARAGRAPHS = 3  # the name line's siblings are a story, not a box of two paragraphs
# The credit label, then the names; brackets around the whole credit are common.
EDITOR_CREDIT = re.compile(r"^[(（\[【]?\s*(?:责任编辑|责编)\s*[：:]\s*(?P<names>[^)）\]】]{1,40})")
MAX_CREDIT_CHARS = 60
# Elements with the label in their own text, found by libxml2 rather than a walk in Python.
_CREDIT_XPATH = etree.XPath("//*[text()[contains(., '责编') or contains(., '责任编辑')]]")
_BOLD_XPATH = etree.XPath("//p[strong or b]")


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        len(text) <= MAX_NAME_CHARS
        and NAME_LINE.fullmatch(text) is not None
        and all(word[0].isupper() for word in words)
    )


def _bold_text(paragraph: etree._Element) -> str | None:
    """The paragraph's text when all of it is set in one <strong>/<b>."""
    bold = next(paragraph.iter("strong", "b"), None)
    text = _text(paragraph)
    return text if bold is not None and _text(bold) == text else None


def _at_edge(paragraph: etree._Element) -> bool:
    """Whether the paragraph sits before the first or after the last prose sibling <p>."""
    parent = paragraph.getparent()
    siblings = [p for p in parent.iterchildren("p")] if parent is not None else []
    prose = [i for i, p in enumerate(siblings) if len(_text(p)) >= PROSE_CHARS]
    if len(prose) < STORY_PARAGRAPHS:
        return False
    index = siblings.index(paragraph)
    return index < prose[0] or index > prose[-1]


def edge_name(root: etree._Element) -> str | None:
    """The bold name-only paragraph opening or closing the story, if there is one."""
    for paragraph in _BOLD_XPATH(root):
        text = _bold_text(paragraph)
        if text and _is_name(text) and _at_edge(paragraph):
            return text
    return None


def editor_credit(root: etree._Element) -> str | None:
    """The names of a Chinese responsible-editor credit ("牛镛、岳弘彬"), if the page has one."""
    for element in _CREDIT_XPATH(root):
        text = _text(element)
        if len(text) <= MAX_CREDIT_CHARS and (found := EDITOR_CREDIT.match(text)):
            return found.group("names").strip()
    return None
