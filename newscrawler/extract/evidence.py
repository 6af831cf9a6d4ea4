"""Other evidence for the body: the JSON-LD articleBody, weighed against the container's blocks.

The page's own markup is the primary source (it keeps the paragraph breaks, subheadings and
the order a reader sees). articleBody is the publisher's own text but often flattened to one
line, truncated for SEO, or holding a different story on aggregated pages; so it only replaces
the markup when the two agree (the markup's opening is in it) and the markup shows less than
30% of it: the rest of the story is behind a paywall split or rendered by script. (At half,
a speech transcript that our rules drop from a fact box came back through it.)
"""

from __future__ import annotations

import re

COVER_SHARE = 0.3  # markup words / articleBody words below which the markup is a fragment
_WORDS = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _agrees(blocks: list[str], article_body: str) -> bool:
    """Whether a long block of the markup reads word for word in the articleBody."""
    joined = " " + " ".join(_words(article_body)) + " "
    anchors = [b for b in blocks if len(b) >= 80][:3]
    return any(" " + " ".join(_words(b)[:12]) + " " in joined for b in anchors)


def article_body_blocks(article_body: str) -> list[str]:
    """The articleBody split at its line breaks (one block when it was flattened)."""
    return [line.strip() for line in article_body.splitlines() if line.strip()]


def fuller_body(blocks: list[str], article_body: str | None) -> list[str] | None:
    """The articleBody's blocks when the markup holds only an agreeing fragment, else None."""
    if not article_body:
        return None
    shown = sum(len(_words(b)) for b in blocks)
    if shown >= COVER_SHARE * len(_words(article_body)) or not _agrees(blocks, article_body):
        return None
    return article_body_blocks(article_body)
