"""A byline known by its label, not its class: "By X", "Von X", "Por X" between headline and story.

Templates whose classes are hashed (CSS modules, styled components) or name nothing
("c-x7f3k2", "meta") still write the byline's label. The line is looked for where every
layout puts it: after the <h1>, within its parent and grandparent, before the first paragraph
of prose.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract.authors import SEPARATOR
from newscrawler.extract.dom import ancestor

# The label opening a byline, by language: en, de, es/pt, fr, it, nl, da, no/sv, and the
# "Text:"/"Autor:" forms. "Di" and "Av" open prose too: the names after the label must look
# like names (`_names`), and the line must be short.
_LABEL = re.compile(
    r"^(?:(?:written|reported)\s+by|by|von|por|par|di|door|af|av|text|texto|autor|autorin"
    r"|autore|auteur|author)\b\s*:?\s+(?P<rest>\S.*)$",
    re.I,
)
MAX_LINE_CHARS = 120
PROSE_CHARS = 80  # the first paragraph this long is the story: the byline sits above it
HEADER_LEVELS = 2
# A name: 2-5 words, the first and last capitalised; particles ("de la", "van", "bin") between.
_NAME = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){1,4}")


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _names(rest: str) -> bool:
    """Whether what follows the label starts with a name ("Jane Smith, Madrid" does)."""
    first = SEPARATOR.split(rest)[0]  # where the first name ends: as split_byline splits names
    words = first.split()
    return _NAME.fullmatch(first) is not None and words[0][0].isupper() and words[-1][0].isupper()


def labelled_byline(root: etree._Element) -> str | None:
    """What follows the label on the first byline line under an <h1>; None for none."""
    for h1 in root.iter("h1"):
        region, after = ancestor(h1, HEADER_LEVELS), False
        for element in region.iter():
            if element is h1:
                after = True
                continue
            if not after or not isinstance(element.tag, str) or _inside(element, h1):
                continue
            text = _text(element)
            if element.tag == "p" and len(text) >= PROSE_CHARS:
                break  # the story began: a label below it is the story's own words
            if len(text) <= MAX_LINE_CHARS and (found := _LABEL.match(text)):
                if _names(found.group("rest")):
                    return found.group("rest")
    return None


def _inside(element: etree._Element, h1: etree._Element) -> bool:
    return any(parent is h1 for parent in element.iterancestors())
