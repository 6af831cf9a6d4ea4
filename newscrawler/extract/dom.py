"""The parsed tree's text: junk stripping, block text, link density, paragraph counts."""

from __future__ import annotations

import copy
import itertools
import re

from lxml import etree
from parsel import Selector

# Class/id tokens of chrome that sits inside or beside the story (wire-markup §4, §7): tickers,
# sidebars, highlight boxes (NDTV "highlghts_Wdgt"), Anadolu's "donotprint" twins, embeds.
JUNK_WORDS = (
    "related", "trending", "breaking", "bucket", "widget", "wdgt", "highlight", "highlght",
    "more-news", "morenews", "donotprint", "newsletter", "share", "social", "advert", "promo",
    "recommend", "outbrain", "taboola", "comment", "sidebar", "subscribe", "_world-wrapper",
    "caption", "credit", "teaser", "factbox", "fact-box", "infobox", "info-box", "expandable",
    "footer",
    # cookie and consent dialogs: legal prose in a layer over the page, often longer than a
    # short story and written as text, not <p> (extract/lines.py would take it for the story)
    "cookie", "consent", "onetrust", "gdpr",
    # the platforms' own embed snippets: a quoted post is the platform's text, not the story's
    # (the extraction-dev and ../shared/pages truths leave embedded posts out)
    "twitter-tweet", "instagram-media", "tiktok-embed",
)  # fmt: skip
JUNK_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
             "svg", "button", "figcaption", "header")  # fmt: skip
# Containers that hold the story itself are never dropped by a class match (a body class like
# "single-related-layout" would otherwise erase the page).
KEEP_TAGS = ("html", "body", "main", "article")
# India Post hides SEO spam off-screen ("left:-9999px"); "display:none" twins are not visible;
# Reuters 2024 appends a clipped screen-reader ", opens new tab" to in-body links.
_HIDDEN_STYLE = re.compile(
    r"left:\s*-\d{3,}px|display:\s*none|visibility:\s*hidden|clip:\s*rect\(0[ ,]", re.I
)
# One alternation instead of a Python loop over JUNK_WORDS: _is_junk runs on every element.
_JUNK_NAME = re.compile("|".join(re.escape(word) for word in JUNK_WORDS))
_SPACE = re.compile(r"\s+")
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MIN_PARAGRAPH = 40
STORY_PARAGRAPHS = 3
STORY_MAX_LINKS = 0.3


def _is_junk(element: etree._Element, story_paragraphs: int) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in JUNK_TAGS:
        return True
    if tag in KEEP_TAGS:
        return False
    if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return _JUNK_NAME.search(names) is not None and not _holds_story(element, story_paragraphs)


def _holds_story(element: etree._Element, page_paragraphs: int) -> bool:
    """Whether a class-matched element is the story itself: most of the page's long paragraphs.

    Class words match as substrings ("js-dynamic-adv", "share-bar-host"): a story container may
    carry one, and dropping it left the page a subscription dialog. A fact box
    with a transcript inside the story (Metro "metro-factbox") holds fewer than half.
    """
    if sum(1 for _ in itertools.islice(element.iter("p"), STORY_PARAGRAPHS)) < STORY_PARAGRAPHS:
        return False  # most class matches are small widgets: skip the text work
    own = long_paragraphs(element)
    return (
        own >= STORY_PARAGRAPHS
        and 2 * own > page_paragraphs
        and link_density(element) < STORY_MAX_LINKS
    )


def cleaned(selector: Selector) -> Selector:
    """A copy of the page without chrome containers, comments or hidden elements."""
    root = copy.deepcopy(selector.root)
    paragraphs = long_paragraphs(root)
    stack = [root]
    while stack:  # depth first, never into a dropped subtree
        for element in list(stack.pop()):
            if not isinstance(element.tag, str):
                _drop(element)  # comments and processing instructions
            elif _is_junk(element, paragraphs):
                _drop(element)
            else:
                stack.append(element)
    return Selector(root=root, type="html")


def drop_matches(selector: Selector, xpaths: tuple[str, ...]) -> None:
    """Remove, in place, the elements matched by each XPath (their tail text stays).

    A dropped block (a crosshead <h2>) leaves a <br>, so the lines around it stay apart.
    """
    for xpath in xpaths:
        for found in selector.xpath(xpath):
            element, parent = found.root, found.root.getparent()
            if parent is not None and element.tag in _BREAKS:
                br = etree.Element("br")
                br.tail = _XML_UNSAFE.sub("", element.tail or "")
                parent.replace(element, br)
            else:
                _drop(element)


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    # lxml parsed a stray control byte into the tail but refuses to assign it back.
    tail = _XML_UNSAFE.sub("", element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = _XML_UNSAFE.sub("", previous.tail or "") + tail
    else:
        parent.text = _XML_UNSAFE.sub("", parent.text or "") + tail
    parent.remove(element)


# Tags that end a line inside a block: TOI writes its story as text + <br>, no <p>.
_BREAKS = frozenset(("br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "blockquote", "table", "tr", "section", "figure"))  # fmt: skip
_CUT = "\x00"
_SKIP = frozenset(("script", "style", "noscript", "template"))


def _is_break(element: etree._Element, tag: str) -> bool:
    # TOI 2026 writes its line breaks as <span class="id-r-component br"></span>, not <br>.
    return tag in _BREAKS or "br" in (element.get("class") or "").split()


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
