"""Syndication boilerplate: feed notices, "Also Read" teasers, follow/app prompts, copyright."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_OPEN = r"^[(\[]?\s*"  # notices are often wrapped in brackets


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(_OPEN + p for p in patterns), re.IGNORECASE)


# Lines that are never the article's own words, wherever they sit.
ANYWHERE = _rx(
    r"this (?:story|article|report|news|copy) has not been edited by",
    r"only the headline (?:and picture )?of this (?:report|story|article) may have been reworked",
    r"(?:also read|read also|read more)\s*[:|\-–—]",
    r"follow us on\b",
    r"download (?:the|our)\b.{0,60}\bapp\b",
    r"click here (?:to|for)\b",
)
# Lines that are boilerplate only in the trailer: "Disclaimer:" can open an op-ed's own note and
# "Copyright" a paragraph about copyright law.
TRAILING = _rx(
    r"disclaimer\s*:",
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\b|the associated press|associated press|reuters)",
    r"©",
    r".{0,120}all rights reserved\.?",
    r"this material may not be published",
    r"our standards\s*:",
)
# Credit lines stay in the body (the agency pipeline reads them) and are looked past, so a
# copyright line after "(Reporting by ...; Editing by ...)" still goes.
CREDIT = _rx(
    r"(?:with )?(?:inputs|reporting|writing|editing|additional reporting) (?:from|by)\b",
    r".{0,300}\bcontributed to this report",
)


class Stripped(NamedTuple):
    """The body without boilerplate lines and how many lines were removed."""

    body: list[str]
    removed: int


def _trailer_start(lines: Sequence[str]) -> int:
    """Index where the trailer (boilerplate, credit and blank lines up to the end) begins."""
    start = len(lines)
    while start and (
        not lines[start - 1].strip()
        or any(rx.match(lines[start - 1].strip()) for rx in (ANYWHERE, TRAILING, CREDIT))
    ):
        start -= 1
    return start


def strip_boilerplate(body: Sequence[str]) -> Stripped:
    """Drop ANYWHERE lines throughout and TRAILING lines in the trailer; credit lines stay."""
    trailer = _trailer_start(body)
    kept = [
        line
        for i, line in enumerate(body)
        if not ANYWHERE.match(line.strip()) and not (i >= trailer and TRAILING.match(line.strip()))
    ]
    return Stripped(kept, len(body) - len(kept))
