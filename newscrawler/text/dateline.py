"""Wire datelines ("KATHMANDU, April 25 (Reuters) - "): parse them and cut them from the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscrawler.text.agencies import AGENCIES, named, with_dateline
from newscrawler.text.agency import canonical_agency

Dateline = dict[str, str | None]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# The date as the wire writes it; a year is rare (PTI bylines) but kept when present.
_DATE = rf"(?P<date>{_MONTH} \d{{1,2}}(?:,? \d{{4}})?)"
# Title-case or CAPS place; no comma and no newline, so prose rarely fits before a tag.
_PLACE = r"[A-Z][\w.'’\-/ ]{0,50}?"
_DASH = r"\s*[-—–]+\s*"

# Tags that end with a dash (AP, Reuters, AFP) are strong enough to allow any place or none.
_DASH_TAGGED = re.compile(
    rf"^(?:(?P<place>{_PLACE}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?| \([A-Z][^()\n]{{0,30}}\))?)"
    rf"(?:, {_DATE})? )?\((?P<agency>{named(with_dateline('dash'))})\){_DASH}"
)
# IANS/PTI/UNI write no punctuation after the tag: require place and date, so that
# "Pakistan Tehreek-e-Insaf (PTI) said" never reads as a dateline.
_WIRE_TAGGED = re.compile(
    rf"^(?P<place>{_PLACE}), {_DATE} \((?P<agency>{named(with_dateline('wire'))})\)"
    r"(?:\s*[-—–:]\s*|\s+|$)"
)
_ANI = re.compile(
    rf"^(?P<place>{_PLACE} \[[^\]\n]{{1,30}}\]), {_DATE} "
    rf"\((?P<agency>{named(with_dateline('bracket'))})\):?(?:\s+|$)"
)
_AFP_BAR = re.compile(
    rf"^(?P<place>{_PLACE}(?:, [A-Z][\w.'’\- ]{{0,30}})?) "
    rf"\| (?P<agency>{named(with_dateline('bar'))}) \|\s*"
)
# The portal stripped the tag: "San Francisco, March 7" alone on its line (the seed).
_BARE = re.compile(rf"^(?P<place>{_PLACE}), {_DATE}$")
_COLON = re.compile(r"^(?P<place>[A-Z][A-Za-z .\-/]{1,40}?):\s+")
# A lone tag opening the paragraph after a bare dateline line: "(IANS) Text".
_LONE_TAG = re.compile(
    rf"^\((?P<agency>{named([a.name for a in AGENCIES if a.datelines])})\)(?:\s*[-—–:]\s*|\s+|$)"
)
# Longest possible prefix: a 51-character place, a qualifier, a date with year and the tag.
_HEAD = 160
_NON_WORD = re.compile(r"\W+")
_TAGGED = (_DASH_TAGGED, _WIRE_TAGGED, _ANI, _AFP_BAR)
# Date lines that look like the seed's bare dateline ("Thursday, March 7") but name no place.
_NOT_PLACES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday updated published posted".split()
)
# CAPS kickers that look like "NEW DELHI: " but are not places.
_KICKERS = frozenset(
    {"BREAKING", "WATCH", "LIVE", "EXCLUSIVE", "VIDEO", "PHOTOS", "UPDATE", "NOTE"}
)


@dataclass(frozen=True)
class DatelineResult:
    """The dateline found (or kept), the body without it, and how many cuts were made."""

    dateline: Dateline | None
    body: list[str]
    removed: int


def _match(text: str, allow_colon: bool) -> tuple[Dateline, int] | None:
    """Parse a dateline at the start of `text`: (dateline, length of the prefix) or None."""
    # Every shape but the bare line has "(", "|" or ":" near the start; most leads have none,
    # and six failing patterns cost more than this check.
    head = text[:_HEAD]
    if len(text) > _HEAD // 2 and "(" not in head and "|" not in head and ":" not in head:
        return None
    for pattern in _TAGGED:
        found = pattern.match(text)
        if found:
            return _as_dateline(found), found.end()
    found = _BARE.match(text)
    if found and found["place"].casefold() not in _NOT_PLACES:
        return _as_dateline(found), found.end()
    found = _COLON.match(text)
    if found and _colon_place_ok(found["place"], allow_colon):
        return _as_dateline(found), found.end()
    return None


def _as_dateline(found: re.Match[str]) -> Dateline:
    groups = found.groupdict()
    place = (groups.get("place") or "").strip() or None
    return {
        "place": place,
        "date": groups.get("date"),
        "agency": canonical_agency(groups.get("agency")),
    }


def _colon_place_ok(place: str, allow_colon: bool) -> bool:
    """CAPS places always; capitalised words only for sites that write colon datelines."""
    words = place.replace("/", " ").split()
    if not words or len(words) > 5 or place.upper() in _KICKERS:
        return False
    if place.upper() == place:
        return True
    return allow_colon and all(word[0].isupper() for word in words)


def parse_dateline(text: str, *, allow_colon: bool = False) -> Dateline | None:
    """The dateline opening `text`, as {place, date, agency}, or None."""
    found = _match(text.strip(), allow_colon)
    return found[0] if found else None


def split_dateline(
    body: list[str], *, known: Dateline | None = None, allow_colon: bool = False
) -> DatelineResult:
    """Find the dateline in the first block (or first two) and cut it from the body.

    A `known` dateline (read by the spider from its own element) wins; a matching prefix of
    the first paragraph is still cut so the text does not repeat it.
    """
    if not body:
        return DatelineResult(known, [], 0)
    found = _match(body[0].strip(), allow_colon or known is not None)
    if found is None or not _agrees(found[0], known):
        return DatelineResult(known, list(body), 0)
    dateline, end = found
    rest = body[0].strip()[end:].strip()
    if rest:
        return DatelineResult(_merge(known, dateline), [rest, *body[1:]], 1)
    dateline, tail = _lone_tag(dateline, body[1:])
    return DatelineResult(_merge(known, dateline), tail, 1)


def _agrees(found: Dateline, known: Dateline | None) -> bool:
    """With a spider-given dateline, cut only a prefix naming the same place."""
    if known is None or not known.get("place"):
        return True
    return _key(found.get("place")) == _key(known.get("place"))


def _key(place: str | None) -> str:
    return _NON_WORD.sub(" ", place or "").strip().casefold()


def _merge(known: Dateline | None, found: Dateline) -> Dateline:
    if known is None:
        return found
    return {key: known.get(key) or found.get(key) for key in ("place", "date", "agency")}


def _lone_tag(dateline: Dateline, rest: list[str]) -> tuple[Dateline, list[str]]:
    """After a bare dateline line, the next block may open with the agency tag alone."""
    if dateline["agency"] or not rest:
        return dateline, list(rest)
    found = _LONE_TAG.match(rest[0])
    if not found:
        return dateline, list(rest)
    text = rest[0][found.end() :].strip()
    agency = canonical_agency(found["agency"])
    return {**dateline, "agency": agency}, ([text] if text else []) + list(rest[1:])
