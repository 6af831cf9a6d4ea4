"""The headline of a page from its title sources: site affixes stripped, the <h1> as judge."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

# Separators between a headline and a site name or section ("X - Site.de", "X | site24",
# full-width "X：…Web" and "X｜…DIGITAL", "Site.lu | Kicker | X").
SEPARATOR = re.compile(r"\s+[-|–—·•]\s+|\s*[|｜：]\s*|\s+::\s+")
# A kicker before the headline proper ("Eskalation im Nahen Osten - X", "Iranischer Angriff: X").
KICKER = re.compile(r"^.{3,80}?(?:\s[-–—|/]\s|:\s)")
SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "or", "ne"}
MAX_AFFIX_WORDS = 5  # a site name or section label is short; a headline half is not


def _key(text: str) -> str:
    """Casefolded letters and digits only: "Site.de" and "site de" compare equal."""
    return re.sub(r"\W+", "", text.casefold())


def clean_title(raw: str | None) -> str:
    """Entities decoded (JSON-LD "R&uuml;ckbau"), whitespace collapsed."""
    return " ".join(html.unescape(raw or "").split())


def site_keys(names: Iterable[str], url: str) -> set[str]:
    """Keys of the site's names: og:site_name, publishers, the host and its registered label."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    labels = host.split(".")
    keys = {_key(name) for name in names if name}
    # The registered label: "site" of site.de, "sitenews" of sitenews.co.za.
    second_level = len(labels) > 2 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2
    label = labels[-3] if second_level else labels[-2] if len(labels) > 1 else ""
    keys |= {_key(host), _key(label)}
    return {key for key in keys if len(key) > 1}


def is_site(segment: str, keys: set[str]) -> bool:
    key = _key(segment)
    if not key or len(segment.split()) > MAX_AFFIX_WORDS:
        return False
    # "Site News" for site "Site", "site-zeitung.de" for "Site Zeitung".
    return any(key == k or (len(k) > 3 and (key.startswith(k) or k.startswith(key))) for k in keys)


def is_publisher(name: str, keys: set[str]) -> bool:
    """Whether an author value names the site, not a person.

    The site itself, or a CMS account named after it with an initial ("Portal D" on Portal
    News): such templates put the reporter's name at the head of the story instead.
    """
    words = name.split()
    if len(words) == 2 and len(words[1].rstrip(".")) == 1:
        first = _key(words[0])
        return len(first) > 3 and any(key.startswith(first) for key in keys)
    return is_site(name, keys)


def strip_site(title: str, keys: set[str]) -> str:
    """The title without leading or trailing segments that name the site."""
    parts = SEPARATOR.split(title)
    marks = SEPARATOR.findall(title)
    while len(parts) > 1 and is_site(parts[-1], keys):
        parts, marks = parts[:-1], marks[:-1]
    while len(parts) > 1 and is_site(parts[0], keys):
        parts, marks = parts[1:], marks[1:]
    return "".join(part + mark for part, mark in zip(parts, [*marks, ""], strict=True)).strip()


def _tail(title: str) -> str:
    """The title after a leading kicker, or the title."""
    found = KICKER.match(title)
    return title[found.end() :].strip() if found else title


def _agrees(first: str, second: str) -> bool:
    return _key(first) == _key(second)


def _two_kickers(first: str, second: str) -> bool:
    """Whether two titles are one headline under two unrelated kickers ("A: X" and "B - X")."""
    head_a, head_b = first.removesuffix(_tail(first)), second.removesuffix(_tail(second))
    words_a, words_b = (
        set(re.findall(r"\w+", head_a.lower())),
        set(re.findall(r"\w+", head_b.lower())),
    )
    return (
        bool(words_a and words_b) and not words_a & words_b and _agrees(_tail(first), _tail(second))
    )


def support(candidate: str, stated: Sequence[str]) -> int:
    """How many of the page's title sources state the candidate, whole or before a separator."""
    return sum(
        text == candidate
        or (text.startswith(candidate) and bool(SEPARATOR.match(text, len(candidate))))
        for text in stated
    )


def best_spelling(declared: list[str], stated: Sequence[str]) -> str:
    """Of the declared titles with the first one's words, the spelling most sources state.

    Only punctuation may differ ("Kicker - X" and "Kicker: X"); the first (JSON-LD's) wins a tie.
    """
    variants = [d for d in declared if _agrees(d, declared[0])]
    return max(variants, key=lambda d: support(d, stated))  # max keeps the first of equals


def choose(declared: list[str], visible: str, title: str, stated: Sequence[str] = ()) -> str | None:
    """The headline from declared titles (JSON-LD, og:title, twitter:title), the <h1>, <title>.

    All come with site affixes stripped. The first declared title wins (JSON-LD, then og:title:
    the editors' headline), except where the visible <h1> shows it carries a kicker: JSON-LD
    "Kicker: X" beside an <h1> "X" gives "X"; an og:title and <h1> with different kickers
    ("A: X", "B - X") give the common "X"; an og:title "K / X" whose kicker K the <h1> shows
    beats a JSON-LD "X". Otherwise, of declared titles that differ only in punctuation, the
    spelling most of `stated` (every source's title, one entry per source) repeats wins:
    a JSON-LD that joins "Kicker - X" where og:title and <title> write
    "Kicker: X" (the <h1> shows "X" alone). Titles with different words are not voted on: a
    JSON-LD headline alone against og:title, <h1> and <title> is the truth on some sites and
    not on others (docs/extraction.md), so no markup convention tells them apart.
    """
    if not declared:
        return visible or title or None
    first = declared[0]
    if visible and not _agrees(first, visible):
        if _agrees(_tail(first), visible) and any(_agrees(d, visible) for d in declared):
            return visible  # the JSON-LD headline glues a kicker the page does not show
        shown = [d for d in declared[1:] if _agrees(d, visible) and _agrees(_tail(d), first)]
        if shown:
            return shown[0]  # the JSON-LD headline drops a kicker the <h1> shows
        if _two_kickers(first, visible):
            return _tail(visible)
        return best_spelling(declared, stated)
    return first


def overlaps(first: str, second: str) -> bool:
    """Whether two titles share most of the shorter one's words."""
    a, b = set(re.findall(r"\w+", first.lower())), set(re.findall(r"\w+", second.lower()))
    return bool(a and b) and len(a & b) >= 0.5 * min(len(a), len(b))


def coverage(shown: str, declared: str) -> float:
    """Share of a declared title's words that a shown title states."""
    words = set(re.findall(r"\w+", declared.lower()))
    return len(words & set(re.findall(r"\w+", shown.lower()))) / len(words) if words else 0.0
