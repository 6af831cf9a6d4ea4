"""The article/not-article decision of a page, with the reason when it is not one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

# URL paths of section fronts, tag pages, author pages and video pages.
NON_ARTICLE_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|author|authors|video|videos|live-tv|search"
    r"|gallery|photos?)(?:/|$)",
    re.I,
)
MIN_BODY_CHARS = 250  # below this no page is an article, whatever its metadata says
MIN_UNTYPED_CHARS = 1000  # an undeclared page this long with a prose container is an article
MIN_PROSE_BLOCKS = 3  # ... and so is a shorter one with this many paragraphs of prose
MAX_LINK_DENSITY = 0.35  # teaser lists on section fronts are mostly link text
PROSE_CHARS = 80
CJK_PROSE_CHARS = 40  # Chinese and Japanese say in 40 characters what English says in 80
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_SNIPPET_END = ("…", "...")  # a teaser's cut-off snippet
HEADINGS = ("h2", "h3", "h4")


@dataclass(frozen=True)
class Evidence:
    """What the decision weighs, gathered by the page."""

    body: list[str]
    declared: bool  # JSON-LD article type, the site's article URL pattern, og:type article
    og_type: str
    path: str
    link_density: float  # of the story container
    teaser_headings: int  # headings wrapped in links inside the story container
    # The URL has an article's shape (a slug of words, an id, a dated path): a short story
    # there is still a story (a blog post, a brief), where a section front has no slug.
    article_shaped: bool = False


def _prose(block: str) -> bool:
    size = PROSE_CHARS if not _CJK.search(block) else CJK_PROSE_CHARS
    return len(block) >= size and not block.endswith(_SNIPPET_END)


def reason_not_article(page: Evidence) -> str | None:
    """Why the page is not an article, or None when it is one."""
    chars = sum(len(block) for block in page.body)
    if chars < MIN_BODY_CHARS:
        return f"body of {chars} characters < {MIN_BODY_CHARS}"
    if page.og_type.startswith("video"):
        return f"og:type {page.og_type}"
    if not page.declared and NON_ARTICLE_PATH.search(page.path):
        return "listing URL path (tag, section, author, video, gallery) and no article type"
    if page.declared or page.og_type == "article":
        return None
    prose = sum(_prose(block) for block in page.body)
    if page.link_density > MAX_LINK_DENSITY:
        return f"link density {page.link_density:.2f} > {MAX_LINK_DENSITY} and no article type"
    if page.teaser_headings >= MIN_PROSE_BLOCKS and page.teaser_headings * 2 >= prose:
        return f"{page.teaser_headings} linked headings over {prose} prose blocks: a teaser list"
    if chars >= MIN_UNTYPED_CHARS or prose >= MIN_PROSE_BLOCKS or page.article_shaped:
        return None
    return f"no article type, {chars} characters and {prose} prose paragraphs"


def teaser_headings(container: etree._Element) -> int:
    """Headings of the container that are links to other pages (teaser cards)."""
    count = 0
    for heading in container.iter(*HEADINGS):
        in_link = any(a.tag == "a" for a in heading.iterancestors())
        if in_link or heading.find(".//a") is not None:
            count += 1
    return count
