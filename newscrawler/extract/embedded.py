"""Body text held only in the page's embedded JSON (Next.js `__NEXT_DATA__`, Nuxt and the like).

Script-rendered pages ship the story as data and build the paragraphs in the browser; the
markup then has no body. The story's paragraphs are the prose strings of that data under
body-like keys, in order; HTML strings are split into their paragraphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import html as lxml_html
from parsel import Selector

from newscrawler.extract import dom

SCRIPTS = (
    "script#__NEXT_DATA__::text, script#__NUXT_DATA__::text, script[type='application/json']::text"
)
BODY_KEYS = frozenset(("body", "content", "text", "articlebody", "html", "paragraph", "value"))
MIN_PROSE = 40
MAX_JSON_CHARS = 2_000_000  # a bound: a larger blob is not parsed
_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def _strings(node: Any, key: str = "") -> Iterator[str]:
    """Strings under body-like keys, depth first (the order the page renders them)."""
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _strings(value, name.lower())
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, key)
    elif isinstance(node, str) and key in BODY_KEYS and len(node) >= MIN_PROSE and " " in node:
        yield node


def _paragraphs(text: str) -> list[str]:
    if not _TAG.search(text):
        return [" ".join(text.split())]
    fragment = lxml_html.fragment_fromstring(text, create_parent="div")
    return dom.block_texts(fragment)


def embedded_blocks(selector: Selector) -> list[str]:
    """Prose blocks of the page's embedded JSON, deduplicated, in order; [] when none."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in selector.css(SCRIPTS).getall():
        if len(raw) > MAX_JSON_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for text in _strings(data):
            for block in _paragraphs(text):
                if len(block) >= MIN_PROSE and block not in seen:
                    seen.add(block)
                    out.append(block)
    return out
