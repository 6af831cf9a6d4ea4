"""Leading echoes: a section label or the headline repeated at the very top of the body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from newscrawler.text.normalize import paragraph_key

# A label is one to four capitalised words with no sentence punctuation, digits or commas (so a
# dateline such as "San Francisco, March 7" is never one); "&" and "and"/"of" may join words.
_LABEL = re.compile(r"[A-Z][\w'’-]*(?: (?:&|and|of|[A-Z][\w'’-]*)){0,3}")
# Words of section names, for a label standing alone at the top with no headline echo after it:
# without such a word ("NEW DELHI" alone) the line may be a stripped dateline and stays.
SECTION_WORDS = frozenset(
    "news world india us nation national international business economy markets market money "
    "finance tech technology science health sports sport entertainment lifestyle politics "
    "opinion diaspora community education environment travel culture arts top stories latest "
    "breaking local region regional asia europe africa americas middle east auto autos "
    "bollywood cricket movies".split()
)


class Echoes(NamedTuple):
    """The body without its leading echoes, the section (filled from a label) and the count."""

    body: list[str]
    section: str | None
    removed: int


def _is_label(line: str, key: str, section_key: str, next_is_headline: bool) -> bool:
    if not _LABEL.fullmatch(line):
        return False
    if next_is_headline or key == section_key:
        return True
    return any(word in SECTION_WORDS for word in key.split())


def strip_leading_echoes(body: Sequence[str], headline: str | None, section: str | None) -> Echoes:
    """Remove the section label and headline echoes at the top of `body`, before anything else.

    A removed label becomes the section when the item had none. Scanning stops at the first
    line that is neither, so the dateline and real paragraphs are never looked past.
    """
    head_key = paragraph_key(headline) if headline else ""
    section_key = paragraph_key(section) if section else ""
    label: str | None = None
    i = 0
    # Every echo at the top goes, not just the first few: a second call must find nothing.
    while i < len(body):
        key = paragraph_key(body[i])
        if head_key and key == head_key:
            i += 1
            continue
        next_is_headline = bool(head_key) and i + 1 < len(body)
        next_is_headline = next_is_headline and paragraph_key(body[i + 1]) == head_key
        if not _is_label(body[i].strip(), key, section_key, next_is_headline):
            break
        label, i = label or body[i].strip(), i + 1
        # The label found becomes the section, and a second call reads that section: the same
        # label again further down the top must go now, or that call would remove it.
        section_key = section_key or paragraph_key(label)
    return Echoes(list(body[i:]), section or label, i)
