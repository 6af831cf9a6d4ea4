"""Generic body blocks: every text block (p, h2-h6, li, blockquote) of the story container(s)."""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import dom
from newscrawler.extract.junk import is_junk_line

# Block elements whose text is one body block (a paragraph, a subheading, a list item, a quote).
BLOCK_TAGS = frozenset(("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"))
HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# A block that is mostly link text is a teaser or navigation, not prose (the story's own
# inline links are a few words of a sentence).
MAX_BLOCK_LINKS = 0.5
LABEL_CHARS = 40  # a heading shorter than this over no paragraph is a label
CAPTION_LEVELS = 2  # an image's wrapper holds its caption this close
CAPTION_CHARS = 600  # ... and no more text than a long caption with its credit
_WORD = re.compile(r"\w")


def _outer_blocks(container: etree._Element) -> list[etree._Element]:
    """Block elements of `container` in page order, an inner block counted with its outer one."""
    found: list[etree._Element] = []
    inside: etree._Element | None = None
    for element in container.iter(*BLOCK_TAGS):
        if inside is not None and _within(element, inside):
            continue
        found.append(element)
        inside = element
    return found


def _within(element: etree._Element, outer: etree._Element) -> bool:
    return any(ancestor is outer for ancestor in element.iterancestors())


def _kept(element: etree._Element, container: etree._Element) -> bool:
    """Prose, or a subheading or list item that is not mostly a link nor inside one.

    Teaser cards wrap their whole headline in a link (National Post "<a><h3>"): the heading's
    own link density is 0, its link ancestor gives it away.
    """
    for level, ancestor in enumerate(element.iterancestors()):
        if ancestor is container:
            break
        if ancestor.tag == "a" or (level < CAPTION_LEVELS and _captions(ancestor, element)):
            return False
    return element.tag == "p" or dom.link_density(element) <= MAX_BLOCK_LINKS


def _captions(wrapper: etree._Element, element: etree._Element) -> bool:
    """Whether `wrapper` is a picture with its caption: an image beside `element`, little text.

    Captions not written as <figcaption> nor classed as one (hashed classes) share a small
    wrapper with their image and nothing else; an image inside the block (an emoji) is not it.
    """
    total = 0
    for text in wrapper.itertext():  # stops early: most wrappers of a story hold much text
        total += len(" ".join(text.split()))
        if total > CAPTION_CHARS:
            return False
    images = (i for i in wrapper.iter("img", "picture") if not _within(i, element))
    return next(images, None) is not None


def container_blocks(containers: list[etree._Element]) -> list[tuple[str, str]]:
    """(tag, text) of each kept block of the containers, in page order."""
    out: list[tuple[str, str]] = []
    for container in containers:
        for element in _outer_blocks(container):
            if _kept(element, container):
                out.extend((element.tag, line) for line in dom.block_texts(element))
    return out


def _trim_headings(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop subheadings that head no paragraph (a "Related" heading whose links went).

    A heading at the end goes; one followed by another heading goes when it is a short label:
    a listicle's sentence-long headings over pictures ("1. Evergrande owned 1,300 projects")
    follow each other and are the story.
    """
    out: list[tuple[str, str]] = []
    for index, (tag, text) in enumerate(blocks):
        following = blocks[index + 1][0] if index + 1 < len(blocks) else None
        headless = following is None or (following in HEADINGS and len(text) < LABEL_CHARS)
        if tag in HEADINGS and headless:
            continue
        out.append((tag, text))
    return out


def body_blocks(containers: list[etree._Element]) -> list[str]:
    """The generic body: block texts of the containers with headless subheadings trimmed."""
    blocks = [(tag, text) for tag, text in container_blocks(containers) if _is_text(text)]
    return [text for _, text in _trim_headings(blocks)]


def _is_text(text: str) -> bool:
    return _WORD.search(text) is not None and not is_junk_line(text)


def text_blocks(element: etree._Element) -> list[str]:
    """The lines of a story written as text and <br> (extract/lines.py), furniture dropped."""
    return [line for line in dom.block_texts(element) if _is_text(line)]
