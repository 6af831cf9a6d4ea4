"""The standfirst: the lead paragraph above the story, found as the page's visible summary.

Two kinds of evidence, in order. Most templates render the lead outside the story container
(in <header>, beside the <h1>) and repeat it as og:description / JSON-LD description: a visible
element that starts like one of those is the standfirst. Otherwise an element above the story
whose class names a lead in one of the usual words (lead, intro, standfirst, excerpt, dek,
epigraph, ingress, chapo, entradilla, ...).
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import dom

# Elements that can hold a lead, whose text (XPath's normalize-space) starts with a prefix.
# The text nodes that can begin such an element come first, from one query; the elements are
# their ancestors. Asking every element for its normalized text re-read the page once per
# nesting level (2 ms a page); script text is skipped, as normalizing a JSON blob cost as much.
_LEAD_TAGS = frozenset(("p", "div", "h2", "h3", "h4", "span", "strong", "section"))
_FIRST_TEXTS = etree.XPath(
    "//text()[not(parent::script or parent::style)][normalize-space(.) != '']"
    "[starts-with($prefix, normalize-space(.))"
    " or starts-with(normalize-space(.), $prefix)]"
)
_XPATH_SPACE = re.compile(r"[ \t\r\n]+")  # the whitespace normalize-space() collapses
PREFIX_CHARS = 40  # enough to be unique, short of a description cut with "..."
MIN_LEAD_CHARS = 30
MAX_LEAD_CHARS = 600
STORY_START = 80  # a <p> this long without a lead class: the story has begun
_CUT = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_WORDS = re.compile(r"\w+")
_PLAIN = re.compile(r"[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)+")  # leading words, written alike in HTML
_LEAD_CLASS = re.compile(
    r"(?i:(?:^|[\s_-])(?:lead|intro|standfirst|excerpt|epigraph|dek|summary|subtitle|abstract"
    r"|ingress|chapo|entradilla|sapo|vorspann|synopsis|deck|teaser-text)(?:$|[\s_-]))"
    r"|[a-z](?:Lead|Intro|Standfirst|Excerpt|Summary)(?:$|[\s_-])"  # CSS modules: elementLead__x
)


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _starts_with(element: etree._Element, prefix: str) -> bool:
    """normalize-space(element) starts with prefix, reading only as much text as needed."""
    seen = ""
    for piece in element.itertext():
        seen = _XPATH_SPACE.sub(" ", seen + piece).lstrip(" ")
        if len(seen) > len(prefix):
            break
    return seen.startswith(prefix) or seen.rstrip(" ").startswith(prefix)


def _lead_elements(root: etree._Element, prefix: str) -> list[etree._Element]:
    """The lead-tag elements whose text starts with prefix, outer before inner."""
    found: list[etree._Element] = []
    seen: set[int] = set()
    for text in _FIRST_TEXTS(root, prefix=prefix):
        owner = text.getparent()
        owner = owner.getparent() if text.is_tail else owner
        for element in reversed([owner, *owner.iterancestors()] if owner is not None else []):
            if element.tag in _LEAD_TAGS and id(element) not in seen:
                seen.add(id(element))
                if _starts_with(element, prefix):
                    found.append(element)
    return found


def _deepest(found: list[etree._Element]) -> etree._Element | None:
    """The innermost match: a wrapper <div> starts with the same text as its <p>."""
    ids = {id(e) for e in found}
    inner = [e for e in found if not any(id(c) in ids for c in e.iterdescendants())]
    return inner[0] if inner else None


def _visible_summary(root: etree._Element, summary: str, html: str) -> str | None:
    prefix = _CUT.sub("", summary)[:PREFIX_CHARS]
    words = _PLAIN.match(prefix)
    if words and html and html.find(words.group(0), html.find("<body")) < 0:
        return None  # not in the page's body at all: spare the XPath over every element
    element = _deepest(_lead_elements(root, prefix))
    if element is None:
        return None
    text = " ".join(dom.block_texts(element))
    # The element must be the summary, not a paragraph that begins like it and goes on.
    return text if len(text) <= 2 * len(summary) + 20 else None


def _shown_twice(root: etree._Element, text: str) -> bool:
    """Whether two innermost elements of the page start with `text`'s opening."""
    found = _lead_elements(root, text[:PREFIX_CHARS])
    ids = {id(e) for e in found}
    return sum(not any(id(c) in ids for c in e.iterdescendants()) for e in found) >= 2


def _in_link(element: etree._Element) -> bool:
    return any(a.tag == "a" for a in element.iterancestors())


def _lead_by_class(root: etree._Element) -> str | None:
    """The first lead-classed element above the story's first long paragraph."""
    for element in root.iter("p", "div", "h2", "h3", "span", "section"):
        if _LEAD_CLASS.search(element.get("class") or "") and not _in_link(element):
            lines = dom.block_texts(element)  # one line: a summary box of bullets is no lead
            if len(lines) == 1 and MIN_LEAD_CHARS <= len(lines[0]) <= MAX_LEAD_CHARS:
                return lines[0]
        if element.tag == "p" and len((element.text or "").strip()) >= STORY_START:
            return None
    return None


def _candidates(root: etree._Element, summaries: list[str | None], html: str) -> list[str]:
    texts = dict.fromkeys(" ".join((s or "").split()) for s in summaries)
    found = [_visible_summary(root, s, html) for s in texts if len(s) >= MIN_LEAD_CHARS]
    return [text for text in (*found, _lead_by_class(root)) if text]


def standfirst(
    root: etree._Element, summaries: list[str | None], body: list[str], html: str = ""
) -> str | None:
    """The first candidate lead the body does not already hold, else None.

    A description can be the story's first paragraph (then it is in the body already) while a
    lead-classed element above it (an "epigraph") is the real standfirst. It can also be a
    paragraph from the story's middle (wire copy on a portal: a quote) that the page shows
    once, in the story: no standfirst. Shown twice, above the story and in it (a lead that
    repeats a later paragraph), it is one.
    """
    opening = [_key(block) for block in body[:3]]
    later = [_key(block) for block in body[3:]]
    for lead in _candidates(root, summaries, html):
        key = _key(lead)
        if not key or any(key in block for block in opening):
            continue
        if not any(key in block for block in later) or _shown_twice(root, lead):
            return lead
    return None
