"""The article's own byline region: byline elements near the first one, names split by child."""

from __future__ import annotations

from lxml import etree
from parsel import Selector

from newscrawler.extract.dom import ancestor, visible_texts
from newscrawler.extract.queries import matches_each

REGION_LEVELS = 4  # byline parts share an ancestor this close (a/address/div/div)
MIN_SPLIT_CHILDREN = 2


def _text(element: etree._Element) -> str:
    return " ".join("".join(visible_texts(element)).split())  # a byline may hold a script


def _names(element: etree._Element) -> list[str]:
    """One text per name: children of one tag and class that each hold a name are split.

    <div><span class=simple>A B</span><span class=simple>C D</span></div> reads
    "A B C D" as one string; a first/last name pair (two classes) stays one name.
    """
    kids = [kid for kid in element if isinstance(kid.tag, str) and _text(kid)]
    if len(kids) == 1 and _text(kids[0]) == _text(element) and len(kids[0]):
        return _names(kids[0])  # a wrapper: div.article-byline > div.origins
    shapes = {(kid.tag, kid.get("class")) for kid in kids}
    if (
        len(kids) >= MIN_SPLIT_CHILDREN
        and len(shapes) == 1
        and all(len(_text(kid).split()) >= MIN_SPLIT_CHILDREN for kid in kids)
    ):
        return [_text(kid) for kid in kids]
    text = _text(element)
    return [text] if text else []


def byline_texts(
    selector: Selector, selectors: tuple[str, ...], source: str | None = None
) -> list[str]:
    """Texts of the first selector's matches in the first match's region, in page order.

    Teasers of related articles carry bylines of the same markup further down the page; only
    matches sharing an ancestor REGION_LEVELS up with the first belong to the article.
    """
    for matches in matches_each(selector.root, selectors, source):
        found = [element for element in matches if _text(element)]
        if found:
            region = ancestor(found[0], REGION_LEVELS)
            inside = [e for e in found if region in e.iterancestors() or e is region]
            return [name for element in inside for name in _names(element)]
    return []
