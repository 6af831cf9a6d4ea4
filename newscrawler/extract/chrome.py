"""Page chrome removal: a copy of the tree without junk containers, comments or hidden parts."""

from __future__ import annotations

import copy
import itertools
import re

from lxml import etree
from parsel import Selector

from newscrawler.extract import dom

# Class/id tokens of chrome that sits inside or beside the story (wire-markup §4, §7): tickers,
# sidebars, highlight boxes (NDTV "highlghts_Wdgt"), Anadolu's "donotprint" twins, embeds.
JUNK_WORDS = (
    "related", "trending", "breaking", "bucket", "widget", "wdgt", "highlight", "highlght",
    "more-news", "morenews", "donotprint", "newsletter", "share", "social", "advert", "promo",
    "recommend", "outbrain", "taboola", "comment", "sidebar", "subscribe", "_world-wrapper",
    "caption", "credit", "teaser", "factbox", "fact-box", "infobox", "info-box", "expandable",
    "footer",
    # the author's biography box under the story ("Reporter. Born in 1984 ..."): about the
    # writer, not the story
    "author_bio", "author-bio", "authorbio",
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
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
STORY_PARAGRAPHS = 3
STORY_MAX_LINKS = 0.3


def _is_junk(element: etree._Element, story: _Story) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in JUNK_TAGS:
        return True
    if tag == "article" and _nested(element):
        return not story.held_by(element)
    if tag in KEEP_TAGS:
        return False
    if element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    # an ARIA label names a region as the class does ("Newsletter Anmeldung", "Related stories")
    names = (
        f"{element.get('class') or ''} {element.get('id') or ''} {element.get('aria-label') or ''}"
    )
    names = names.lower()
    return _JUNK_NAME.search(names) is not None and not story.held_by(element)


def _nested(element: etree._Element) -> bool:
    return next(element.iterancestors("article"), None) is not None


class _Story:
    """The page's long-paragraph count, and which class-matched elements hold the story.

    Class words match as substrings ("js-dynamic-adv", "share-bar-host"): a story container may
    carry one, and dropping it left the page a subscription dialog. A story may also be split
    over twins, elements of one class between which ads sit (a BEM grid's "...__content"
    column, one per stretch of paragraphs): together they hold it. A fact box with a
    transcript inside the story holds fewer than half.
    """

    def __init__(self, root: etree._Element) -> None:
        self.root, self.paragraphs = root, dom.long_paragraphs(root)
        self.verdicts: dict[str, bool] = {}

    def held_by(self, element: etree._Element) -> bool:
        names = element.get("class")
        if next(element.iter("p"), None) is None:
            return False  # most class matches are widgets without a paragraph: no twin search
        if not names:
            return _holds_story([element], self.paragraphs)
        if names not in self.verdicts:  # twins share one verdict, found once
            twins = _outermost(self.root.xpath("//*[@class=$names]", names=names))
            self.verdicts[names] = _holds_story(twins, self.paragraphs)
        return self.verdicts[names]


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    """The elements not inside another of them (nested twins count once)."""
    ids = {id(e) for e in elements}
    return [e for e in elements if not any(id(a) in ids for a in e.iterancestors())]


def _holds_story(elements: list[etree._Element], page_paragraphs: int) -> bool:
    """Whether the elements together hold most of the page's long paragraphs, as prose."""
    some_p = itertools.islice((p for e in elements for p in e.iter("p")), STORY_PARAGRAPHS)
    if sum(1 for _ in some_p) < STORY_PARAGRAPHS:
        return False  # most class matches are small widgets: skip the text work
    counts = [(dom.long_paragraphs(e), e) for e in elements]
    own = sum(count for count, _ in counts)
    return (
        own >= STORY_PARAGRAPHS
        and 2 * own > page_paragraphs
        and all(dom.link_density(e) < STORY_MAX_LINKS for count, e in counts if count)
    )


def cleaned(selector: Selector) -> Selector:
    """A copy of the page without chrome containers, comments or hidden elements."""
    root = copy.deepcopy(selector.root)
    story = _Story(root)
    stack = [root]
    while stack:  # depth first, never into a dropped subtree
        for element in list(stack.pop()):
            if not isinstance(element.tag, str):
                _drop(element)  # comments and processing instructions
            elif _is_junk(element, story):
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
            if parent is not None and element.tag in dom.BREAKS:
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
    tail = element.tail
    if not tail:  # nothing to hand on (lxml removes the tail with the element)
        parent.remove(element)
        return
    # lxml parsed a stray control byte into the tail but refuses to assign it back.
    tail = _XML_UNSAFE.sub("", tail)
    previous = element.getprevious()
    if previous is not None:
        previous.tail = _XML_UNSAFE.sub("", previous.tail or "") + tail
    else:
        parent.text = _XML_UNSAFE.sub("", parent.text or "") + tail
    parent.remove(element)
