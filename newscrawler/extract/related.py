"""Sidebar and related links as structured entries: title, url, relative age and time attribute."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector

from newscrawler.extract.queries import compiled_css

# Containers of related/sidebar links (wire-markup §7), tried when a site declares none.
RELATED_CSS = (
    "aside", "[class*=related]", "[class*=trending]", "[class*=more-news]", "[class*=bucket]",
    "[class*=breaking]", "[class*=popular]", "[class*=latest]",
)  # fmt: skip
AGE = re.compile(r"\b\d+\s*(?:m|min|mins|minutes?|h|hrs?|hours?|d|days?)\s+ago\b", re.I)
# Attributes that carry a machine-readable time: ISO (`datetime`) or epoch (Deccan Herald
# seconds in data-utcdatetime, AP milliseconds in data-timestamp).
TIME_XPATH = ".//@datetime | .//@data-utcdatetime | .//@data-timestamp"
MIN_TITLE = 15
MAX_LINKS = 60
TITLE_CSS = "[class*=title], h2, h3, h4, strong"

# The queries run on lxml elements directly, compiled once (extract/queries.py): the parsel
# wrapper allocated a Selector per result and was half the extraction time (a page has dozens
# of sidebar links, each queried five times).
_css = compiled_css


_LINKS = _css("a[href]")
_TEXTS = etree.XPath("descendant-or-self::text()")
_TIMES = etree.XPath(TIME_XPATH)
_TITLE_PARTS = _css(TITLE_CSS)


def _text_of(elements: list[etree._Element]) -> str:
    """Each element's text nodes, space-joined (an element nested in another counts twice)."""
    return " ".join(str(text) for element in elements for text in _TEXTS(element))


def _item_of(link: etree._Element) -> etree._Element:
    """The largest ancestor (up to 3 levels) holding no other link: the card with its time."""
    card = link
    for _ in range(3):
        parent = card.getparent()
        if parent is None or len(_LINKS(parent)) > 1:
            break
        card = parent
    return card


def _title(link: etree._Element) -> str:
    """The link's title attribute, its title/heading element, else all its text.

    cbslocal cards hold the title, a description and the age all inside the <a>.
    """
    text = link.get("title") or _text_of(_TITLE_PARTS(link) or [link])
    return " ".join(text.split())


def _href(link: etree._Element) -> str | None:
    href = (link.get("href") or "").strip()
    return None if not href or href.startswith(("#", "javascript:", "mailto:")) else href


def _entry(link: etree._Element, url: str) -> dict[str, Any] | None:
    title = _title(link)
    if len(title) < MIN_TITLE:
        return None
    card = _item_of(link)
    age = AGE.search(_text_of([card]))
    time = next((str(value) for value in _TIMES(card)), None)
    return {
        "title": title,
        "url": url,
        "age": age.group(0) if age else None,
        "time": time.strip() if time else None,
    }


def by_class_words(root: etree._Element, words: tuple[str, ...]) -> dict[str, list[etree._Element]]:
    """The elements whose class contains each word, in document order: one walk for all words.

    libxml2 evaluates each `//*[contains(@class, ...)]` query as a walk of the whole tree
    (0.3-0.5 ms a page each); a Python walk with one regex does every word at once.
    """
    found: dict[str, list[etree._Element]] = {word: [] for word in words}
    any_word = _any_word(words)
    for element in root.iter(etree.Element):
        names = element.get("class")
        if names and any_word.search(names):
            for word in words:
                if word in names:
                    found[word].append(element)
    return found


@lru_cache(maxsize=16)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in words))


# The default containers by class word, in RELATED_CSS order ("aside" is the tag).
_RELATED_WORDS = tuple(css.removeprefix("[class*=").removesuffix("]") for css in RELATED_CSS[1:])


def _containers(root: etree._Element, containers: tuple[str, ...]) -> list[etree._Element]:
    """Each selector's matches in turn; the default ones found in one walk of the tree."""
    if containers != RELATED_CSS:
        return [found for css in containers for found in _css(css)(root)]
    by_word = by_class_words(root, _RELATED_WORDS)
    return [*root.iter("aside"), *(e for word in _RELATED_WORDS for e in by_word[word])]


def related_links(
    selector: Selector, base_url: str, containers: tuple[str, ...] = RELATED_CSS
) -> list[dict[str, Any]]:
    """Links inside related containers, first occurrence of each URL, in page order."""
    seen: set[str] = set()
    done: set[etree._Element] = set()
    out: list[dict[str, Any]] = []
    for container in _containers(selector.root, containers):
        for link in _LINKS(container):
            # A link met again (nested containers) or whose URL is already taken or is the
            # page itself would give the same entry and be discarded: skip it before the
            # costly title and card walk.
            href = _href(link) if link not in done else None
            done.add(link)
            url = urljoin(base_url, href) if href is not None else base_url
            if url in seen or url == base_url:
                continue
            if entry := _entry(link, url):
                seen.add(url)
                out.append(entry)
    return out[:MAX_LINKS]
