"""Read article metadata from every JSON-LD block of a page, tolerating broken JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from parsel import Selector
from w3lib.html import remove_tags, replace_entities

# Types accepted as "the article"; matched on the suffix, case-insensitively (Hearst writes
# lowercase types, National Post "ReportageNewsArticle"); AFP fact checks are ClaimReview.
ARTICLE_TYPE_SUFFIXES = ("article", "claimreview")
# A live blog's (Live)BlogPosting dates the page (live pages), though its headline
# is the running live title: a date source only.
DATED_TYPE_SUFFIX = "blogposting"
# Control characters inside JSON strings break json.loads (seen in CMS-rendered blocks).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# Some CMSs wrap the block in "//<![CDATA[ ... //]]>" (an XHTML habit).
_CDATA = re.compile(r"^\s*(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?|(?://|/\*)?\s*\]\]>\s*(?:\*/)?\s*$")
# Nesting followed into @graph, lists and authors: real blocks use 3-4 levels; a block nested
# deeper than the JSON parser allows is dropped (RecursionError), not the page.
MAX_DEPTH = 16


def _parse(raw: str) -> Any:
    text = _CDATA.sub("", raw.strip().removeprefix("<!--").removesuffix("-->"))
    text = text.strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except RecursionError:
        return None
    except ValueError:
        try:
            return json.loads(_CONTROL.sub(" ", text), strict=False)
        except (ValueError, RecursionError):
            return None  # a broken block is skipped: other blocks or meta tags may still help


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for child in node:
            yield from _walk(child, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "itemReviewed"):
            if key in node:
                yield from _walk(node[key], depth + 1)


def types_of(node: dict[str, Any]) -> list[str]:
    """The @type values of a node, lowercased (a string or a list in the wild)."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.lower() for v in values if isinstance(v, str)]


def is_article_node(node: dict[str, Any]) -> bool:
    return any(t.endswith(ARTICLE_TYPE_SUFFIXES) for t in types_of(node))


def nodes(selector: Selector) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, head and body, with @graph and arrays flattened."""
    found: list[dict[str, Any]] = []
    for raw in selector.xpath('//script[@type="application/ld+json"]/text()').getall():
        found.extend(_walk(_parse(raw)))
    return found


def article_nodes(selector: Selector) -> list[dict[str, Any]]:
    return [node for node in nodes(selector) if is_article_node(node)]


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | dict)), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float) and str(value).strip():
        return str(value).strip()
    return None


def names(value: Any, depth: int = 0) -> list[str]:
    """Author or publisher names: a string, an object (`name`, else `byline`) or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in names(item, depth + 1)] if depth < 4 else []
    if isinstance(value, dict):
        value = value.get("name") or value.get("byline")
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def keywords(value: Any) -> list[str]:
    """`keywords`: a comma-separated string or a list of strings."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [k.strip() for k in items if isinstance(k, str) and k.strip()]


def plain_text(value: str) -> str:
    """Strip tags from an HTML string (Deccan Herald's articleBody, Nine News' description)."""
    return replace_entities(remove_tags(replace_entities(value))).strip()


def _one(node: dict[str, Any]) -> dict[str, Any]:
    body = _text(node.get("articleBody")) or _text(node.get("text"))
    return {
        "headline": _text(node.get("headline")) or _text(node.get("name")),
        "published_at_raw": _text(node.get("datePublished")),
        "modified_at": _text(node.get("dateModified")),
        "authors": names(node.get("author")),
        "publisher": names(node.get("publisher")),
        "section": _text(node.get("articleSection")),
        "tags": keywords(node.get("keywords")),
        "language": _text(node.get("inLanguage")),
        "summary": plain_text(d) if (d := _text(node.get("description"))) else None,
        "article_body": plain_text(body) if body else None,
        "types": types_of(node),
        "image": node.get("image") or None,
    }


def _live_date(every: list[dict[str, Any]]) -> str | None:
    """The datePublished of the first (Live)BlogPosting node that has one."""
    dated = (n for n in every if any(t.endswith(DATED_TYPE_SUFFIX) for t in types_of(n)))
    return next((d for n in dated if (d := _text(n.get("datePublished")))), None)


def jsonld_fields(selector: Selector) -> dict[str, Any]:
    """Fields from the article objects, the first non-empty value of each winning."""
    merged: dict[str, Any] = {}
    every = nodes(selector)
    for node in (n for n in every if is_article_node(n)):
        for key, value in _one(node).items():
            if value and not merged.get(key):
                merged[key] = value
    if not merged.get("published_at_raw") and (dated := _live_date(every)):
        merged["published_at_raw"] = dated
    return merged
