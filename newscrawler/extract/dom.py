"""The parsed tree's text: block text, link density, paragraph counts, visible text."""

from __future__ import annotations

import re

from lxml import etree
from parsel import Selector

_SPACE = re.compile(r"\s+")
MIN_PARAGRAPH = 40
# lxml's plain HTML parser, not lxml.html's (which parsel uses): lxml.html looks up a Python
# element class for every element a walk touches, and the extractors walk the whole tree
# several times a page (3x the cost of the walk itself: 1.1 against 0.36 ms a page).
_PARSER = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
_EMPTY = b"<html/>"


def parse(html: str) -> Selector:
    """The page as a Selector over plain lxml elements (parsel's own cleanup of the text)."""
    body = html.strip().replace("\x00", "").encode("utf-8", "replace") or _EMPTY
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:  # nothing lxml can call a document
        root = None
    return Selector(
        root=root if root is not None else etree.fromstring(_EMPTY, _PARSER), type="html"
    )


# Tags that end a line inside a block: TOI writes its story as text + <br>, no <p>.
BREAKS = frozenset(("br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "table", "tr", "section", "figure"))  # fmt: skip
_CUT = "\x00"
_SKIP = frozenset(("script", "style", "noscript", "template"))


def _is_break(element: etree._Element, tag: str) -> bool:
    # TOI 2026 writes its line breaks as <span class="id-r-component br"></span>, not <br>.
    return tag in BREAKS or "br" in (element.get("class") or "").split()


def _pieces(element: etree._Element) -> list[str]:
    out = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in _SKIP:
            cut = _CUT if _is_break(child, tag) else ""
            out += [cut, *_pieces(child), cut]
        out.append(child.tail or "")
    return out


def block_texts(element: etree._Element) -> list[str]:
    """The text lines of one block: inline nodes joined without a separator, <br> splits lines."""
    joined = "".join(_pieces(element))
    lines = (_SPACE.sub(" ", line).strip() for line in joined.split(_CUT))
    return [line for line in lines if line]


def blocks_of(selector: Selector, css: str) -> list[str]:
    """Text blocks of every element matching `css`, in page order (nested matches counted once)."""
    found = selector.css(css)
    roots = {id(s.root) for s in found}
    out: list[str] = []
    for match in found:
        if any(id(a) in roots for a in match.root.iterancestors()):
            continue  # an inner match of an outer match: its text is already in
        out.extend(block_texts(match.root))
    return out


def ancestor(element: etree._Element, levels: int) -> etree._Element:
    """The element `levels` up the tree, or the root when the tree is shallower."""
    for _ in range(levels):
        parent = element.getparent()
        if parent is None:
            break
        element = parent
    return element


def long_paragraphs(element: etree._Element) -> int:
    """How many <p> of MIN_PARAGRAPH+ characters an element holds."""
    texts = ("".join(p.itertext()) for p in element.iter("p"))
    return sum(len(_SPACE.sub(" ", t).strip()) >= MIN_PARAGRAPH for t in texts)


def link_density(element: etree._Element) -> float:
    """Share of an element's text inside links: high on section fronts and teaser lists."""
    total = len(_SPACE.sub("", "".join(element.itertext())))
    linked = sum(len(_SPACE.sub("", "".join(a.itertext()))) for a in element.iter("a"))
    return linked / total if total else 1.0


def first_match_texts(selector: Selector, selectors: tuple[str, ...]) -> list[str]:
    """Texts of every element matched by the first selector that matches anything non-empty."""
    for css in selectors:
        found = (" ".join(s.xpath("string()").get("").split()) for s in selector.css(css))
        if texts := [t for t in found if t]:
            return texts
    return []


# Text nodes outside scripts and styles: a byline block or a date line may hold a <script>.
_VISIBLE_TEXTS = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def visible_texts(element: etree._Element) -> list[str]:
    """The element's text nodes a reader sees, in order (no script, style or template text)."""
    return [str(text) for text in _VISIBLE_TEXTS(element)]
