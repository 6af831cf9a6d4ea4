"""The wire agency of a story: canonical names, credit lines, trailer tags and bylines."""

from __future__ import annotations

import re

from newscrawler.text.agencies import AGENCIES, named, signing_trailers

# Every spelling a credit may use, case-folded, to the record's name.
_ALIASES = {
    alias.casefold(): agency.name for agency in AGENCIES for alias in (agency.name, *agency.aliases)
}
_NAME_NOISE = re.compile(r"^(?:by\s+)?(?:the\s+)?|[\s.,;:]+$", re.IGNORECASE)

# A tag glued to the end of the last paragraph: "... said. PTI", " - PTI", "— IANS", " (ANI)".
# Only the Indian wires sign this way; " AP" or " Reuters" at an end is too often prose.
_SIGNING = named(signing_trailers())
_TRAILER = re.compile(
    r"(?:(?<=[\s.!?\"'”’])|^)(?:[-—–]\s*)?"
    rf"(?:\((?P<paren>{_SIGNING})\)|(?P<bare>{_SIGNING}))\s*$"
)
_TAG_END = re.compile(rf"(?:{_SIGNING})\)?$")
# "Pakistan Tehreek-e-Insaf (PTI)" names a party, not the wire.
_NOT_TRAILER = re.compile(r"Tehreek-e-Insaf\s*\(PTI\)\s*$|Insaf\s+PTI\s*$", re.IGNORECASE)
_INPUTS = re.compile(r"with inputs from (?:the )?(?P<names>[A-Za-z .,&-]+)", re.IGNORECASE)
_AP_WRITERS = re.compile(
    r"\bAssociated Press (?:writers?|reporters?)\b.*\bcontributed\b", re.DOTALL
)
_COPYRIGHT = re.compile(
    r"(?:©|Copyright)\s*(?:\d{4}\s+)?(?:The\s+)?"
    r"(?P<name>Associated Press|Thomson Reuters|Reuters|Agence France-Presse|AFP)\b",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*", re.IGNORECASE)


def canonical_agency(name: str | None) -> str | None:
    """Canonical agency name ("The Associated Press" -> "AP"); None for an unknown name."""
    if not name:
        return None
    key = _NAME_NOISE.sub("", name.strip()).casefold()
    return _ALIASES.get(key)


def _trailer(text: str) -> re.Match[str] | None:
    """The glued tag ending `text`, unless it names the party; cheap when there is none."""
    tail = text.rstrip()
    if not _TAG_END.search(tail[-8:]):  # the full pattern is slow to search on every paragraph
        return None
    found = _TRAILER.search(tail)
    return None if found is None or _NOT_TRAILER.search(tail) else found


def strip_trailer_tag(body: list[str]) -> tuple[list[str], str | None]:
    """Cut a tag glued to the end of the last paragraph: (new body, canonical agency or None)."""
    found = _trailer(body[-1]) if body else None
    if found is None:
        return list(body), None
    kept = body[-1].rstrip()[: found.start()].rstrip(" -—–")
    head = list(body[:-1])
    return ([*head, kept] if kept else head), canonical_agency(found["paren"] or found["bare"])


def agency_from_credits(body: list[str], *, last: int = 3) -> str | None:
    """The agency named by a credit line or copyright trailer in the last paragraphs."""
    tail = body[-last:]
    window = "\n".join(tail)
    for paragraph in reversed(tail):
        agency = _credit(paragraph, window)
        if agency:
            return agency
    return None


def _credit(paragraph: str, window: str) -> str | None:
    found = _trailer(paragraph)
    if found:
        return canonical_agency(found["paren"] or found["bare"])
    # Plain substring checks first: most paragraphs credit nobody and regexes cost more.
    lowered = paragraph.casefold()
    inputs = _INPUTS.search(paragraph) if "inputs from" in lowered else None
    agency = _first_known(_NAME_SPLIT.split(inputs["names"])) if inputs else None
    if agency:
        return agency
    copyright_ = _COPYRIGHT.search(paragraph) if "©" in lowered or "copyright" in lowered else None
    if copyright_:
        return canonical_agency(copyright_["name"])
    if "contributed" in lowered and _AP_WRITERS.search(paragraph):
        return "AP"
    # "(Reporting by ...)" is Reuters style, but other outlets use it too: want the name nearby.
    if "reporting by" in lowered and "Reuters" in window:
        return "Reuters"
    return None


def _first_known(names: list[str]) -> str | None:
    for name in names:
        agency = canonical_agency(name.strip(" .)"))
        if agency:
            return agency
    return None


def agency_from_authors(authors: list[str]) -> str | None:
    """An author that is an agency ("Associated Press", "PTI"), the first one found."""
    return _first_known(list(authors))


def resolve_agency(
    *,
    dateline_agency: str | None,
    given: str | None,
    trailer: str | None = None,
    body: list[str],
    authors: list[str],
) -> tuple[str | None, str | None]:
    """(agency, origin): dateline, spider's value, cut trailer tag, credit lines, bylines."""
    candidates = (
        ("dateline", canonical_agency(dateline_agency)),
        ("spider", canonical_agency(given)),
        ("trailer", canonical_agency(trailer)),
        ("credit", agency_from_credits(body)),
        ("authors", agency_from_authors(authors)),
    )
    for origin, agency in candidates:
        if agency:
            return agency, origin
    return None, None
