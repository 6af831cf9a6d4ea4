"""The story container: the element holding the most long <p>, with its twins on live pages."""

from __future__ import annotations

from lxml import etree
from parsel import Selector

from newscrawler.extract.dom import MIN_PARAGRAPH, link_density, long_paragraphs

_WEIGHTS = (1.0, 0.75, 0.5)
# What an all-link paragraph still counts: a page of nothing but links keeps its densest list
# as container, for the verdict to judge (a section front), never outweighing real prose.
_LINKED = 0.05


def best_container(selector: Selector) -> etree._Element | None:
    """The element holding the most <p> of MIN_PARAGRAPH+ characters, less their link text.

    Each paragraph counts for its parent (1), grandparent (.75) and great-grandparent (.5):
    National Post wraps every <p> in its own div, so its story container is two levels up.
    A paragraph counts by the share of its text outside links: a footer or teaser list of
    all-link paragraphs, named by no tag or class word, must not outweigh a short story.
    """
    scores: dict[etree._Element, float] = {}
    # lxml directly (every <p> of the document, in order, as "//p" gives), without a parsel
    # Selector per paragraph; split/join collapses whitespace as _SPACE.sub + strip does.
    for paragraph in selector.root.getroottree().iter("p"):
        text = " ".join("".join(paragraph.itertext()).split())
        if len(text) < MIN_PARAGRAPH:
            continue
        own = 1.0 if paragraph.find(".//a") is None else max(1 - link_density(paragraph), _LINKED)
        for ancestor, weight in zip(paragraph.iterancestors(), _WEIGHTS, strict=False):
            scores[ancestor] = scores.get(ancestor, 0.0) + weight * own
    return max(scores, key=scores.__getitem__) if scores else None


def containers(selector: Selector) -> list[etree._Element]:
    """The best container plus its twins: same tag and class, 2+ long paragraphs each.

    Live pages (National Post "latest") split one story into several identical blocks.
    """
    best = best_container(selector)
    if best is None:
        return []
    if not best.get("class"):
        return [best]
    twins = [t.root for t in selector.xpath(f"//{best.tag}[@class=$cls]", cls=best.get("class"))]
    counts = [long_paragraphs(t) for t in twins]
    kept = [i for i, t in enumerate(twins) if t is best or counts[i] >= 2]
    # A twin of one paragraph between two kept ones is a chunk of the same story: chunked
    # bodies put ads and photos between the chunks, and some chunks hold a single paragraph.
    found = [t for i, t in enumerate(twins) if i in kept or (kept[0] < i < kept[-1] and counts[i])]
    story = _article_of(found[0])  # the URL's own story comes first, appended ones follow
    found = [e for e in found if _article_of(e) is story]
    ids = {id(e) for e in found}
    return [e for e in found if not any(id(a) in ids for a in e.iterancestors())]


def _article_of(element: etree._Element) -> etree._Element | None:
    """The nearest <article> around an element: a twin in another one is another story.

    Portals append the next article under the story, with the same body class.
    """
    return next(element.iterancestors("article"), None)
