"""The date line beside the headline: year first (East Asian portals) or day first with a time."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from parsel import Selector

from newscrawler.extract.dom import ancestor, visible_texts
from newscrawler.extract.headline import coverage

# A year-first date shown beside the headline ("2023-11-17 20:52:15", "2018年6月18日 10:01",
# "2024/05/03"): day and month cannot be swapped in this order.
HEADER_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2}):(\d\d)(?::(\d\d))?)?(?!\d)"
)
# A dotted day-first date and its time on the line under the headline ("Do 25.04.24 | 14:07
# Uhr | Von ..."): the time is required, so a figure ("1.5.24 Prozent") is never a date.
# Korean and Chinese pages write the year first ("24.04.25"): those pages are not asked.
DAY_FIRST_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)?\d\d)(?![\d.])\s*[|,]?\s*(\d{1,2}):(\d\d)"
)
YEAR_FIRST_LANGUAGES = frozenset(("ko", "zh", "ja", "hu", "lt", "mn"))
NAMES_TITLE = 0.8  # share of a declared title's words a heading states to be the headline
HEADER_LEVELS = 2  # the headline's parent and grandparent hold the date line beside it


def _iso(found: re.Match[str]) -> str | None:
    return _stamp(*found.groups())


def _day_first_iso(found: re.Match[str]) -> str | None:
    day, month, year, hour, minute = found.groups()
    return _stamp(year if len(year) == 4 else f"20{year}", month, day, hour, minute, None)


def _stamp(
    year: str, month: str, day: str, hour: str | None, minute: str | None, second: str | None
) -> str | None:
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is None or int(hour) > 23:
        return date
    return f"{date}T{int(hour):02d}:{minute}:{second or '00'}"


def _headlines(root: etree._Element, titles: Sequence[str]) -> list[etree._Element]:
    """The <h1>s, else the first <h2>/<h3> stating a declared title (templates with no <h1>)."""
    if h1s := list(root.iter("h1")):
        return h1s
    for heading in root.iter("h2", "h3"):
        text = " ".join(visible_texts(heading))
        if any(coverage(text, title) >= NAMES_TITLE for title in titles):
            return [heading]
    return []


def header_date(selector: Selector, language: str = "", titles: Sequence[str] = ()) -> str | None:
    """A date in the headline's region, as ISO 8601 (naive: the site's zone applies).

    Chinese and Japanese portals show "2023-11-17 20:52:15" under the <h1>; European ones
    "25.04.24 | 14:07" (day first, read so unless `language` writes the year first). Neither
    declares the date in markup. With no <h1>, the heading stating one of `titles` leads.
    """
    for headline in _headlines(selector.root, titles):
        text = " ".join(visible_texts(ancestor(headline, HEADER_LEVELS)))
        for found in HEADER_DATE.finditer(text):
            if iso := _iso(found):
                return iso
        if language in YEAR_FIRST_LANGUAGES:
            continue
        for found in DAY_FIRST_DATE.finditer(text):
            if iso := _day_first_iso(found):
                return iso
    return None
