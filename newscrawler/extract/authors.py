"""Bylines to person names and agency names: pure string functions, names kept as published."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscrawler.text.agencies import AGENCIES

# Wire agencies named in bylines and author fields; kept as written (a pipeline canonicalises).
# The short tags only in capitals: "Ani" or "Uni" may be a name.
_TAGS = "|".join(agency.name for agency in AGENCIES if agency.tag_in_bylines)
AGENCY = re.compile(
    rf"\b(?:{'|'.join(fragment for agency in AGENCIES for fragment in agency.bylines)}"
    rf"|(?-i:{_TAGS}))\b",
    re.I,
)
# "AP Auto Writer", "AP National Political Writer": an AP staff role, case-sensitive.
AP_ROLE = re.compile(r"^AP\b")
# Roles and desks are not people: "ET Bureau", "Devdiscourse News Desk", "TNN", "TIMESOFINDIA.COM",
# "India Post News Weekly".
# "Writer", "Editor" and "Reporter" may be surnames ("A. Writer"): roles only after a word
# ("Staff Writer", "AP Auto Writer").
ROLE = re.compile(
    r"\b(?:correspondent|columnist|contributor|staff|bureau|desk|news|agencies|tnn"
    r"|nachrichten|redaktion|redacci[oó]n|r[ée]daction|redazione|redactie)\b"
    r"|\w\w\s+(?:writer|editor|reporter|analyst|producer)\b|\.com\b",
    re.I,
)
# "By", "Edited by" (NDTV), "Analysis by", "Von:" (AFP Faktencheck) before the names; Xinhua's
# "【纠错】 责任编辑： 焦鹏" (error-report link, then the responsible-editor label).
BY = re.compile(
    r"^(?:(?:edited|written|reported|compiled|analysis|opinion|commentary|review|story|words"
    r"|interview)\s+)?by\b\s*:?\s*|^von\b\s*:?\s*|^.*?责任编辑\s*[：:]\s*",
    re.I,
)
# NDTV: "Edited by Swati Bhasin (with inputs from Agencies)".
INPUTS = re.compile(r"\((?:with )?inputs? from [^)]*\)", re.I)
# hosted.ap.org: "ERIC TUCKERAssociated Press", the agency glued to a CAPS name.
GLUED = re.compile(r"(?<=[A-Z])((?:The )?Associated Press|Reuters)$")
# Separators between names: commas, "&", TOI's " / ", "|", Chinese "、", and the word "and" of
# the byline's language, lowercase between spaces: "X und Y", "X y Z", "X et Y", "X og Y".
SEPARATOR = re.compile(
    r"\s*(?:[,;|/&、]|\band\b)\s*"
    r"|\s+(?-i:und|og|och|en|et|y|e|ve|és|ja|и|i)\s+",
    re.I,
)
# Photo and image credits sharing an author itemprop or byline ("Foto: Mads Claus Rasmussen",
# "(Image: Getty Images/Cultura RF)", "iStockphoto"): an agency or a camera, never the writer.
PHOTO = re.compile(
    r"\b(?:foto|photos?|image|bild|credit|getty|istock\w*|shutterstock|scanpix|alamy"
    r"|picture[- ]alliance|imago)\b|\bfotos?:|^\(|\)$",
    re.I,
)
# Dates and times that share the byline element ("Updated: Oct 9, 2019, 11:05 IST").
DATEISH = re.compile(r"\d|\b(?:updated|published|posted)\b", re.I)
# A whole byline string that credits a picture ("Foto: X/Ritzau Scanpix", "Image: Getty").
PHOTO_CREDIT = re.compile(r"^\W*(?:foto|photo|image|bild|credit)s?\s*:|\bscanpix\b|\bgetty\b", re.I)
# A label before the names: "Redaktion: A und B", "Übersetzung und Adaptierung: AFP".
LABEL = re.compile(r"^(?!by\b)[^\W\d][^\W\d]*(?:\s[^\W\d]+){0,2}:\s+", re.I)
# An avatar's initials beside the byline ("PA" for Povilas Aleksandravičius).
MONOGRAM = re.compile(r"[A-Z]{1,3}")
MAX_NAME_WORDS = 5


def _parts(raw: str) -> list[str]:
    text = INPUTS.sub(" ", " ".join(raw.split()))
    text = GLUED.sub(r", \1", text)
    text = LABEL.sub("", text)
    return [BY.sub("", part).strip(" .:-–—|") for part in SEPARATOR.split(text)]


def _kind(part: str) -> str:
    """`agency`, `person` or `skip` for one separated byline part."""
    if not part or DATEISH.search(part) or len(part.split()) > MAX_NAME_WORDS:
        return "skip"
    if AGENCY.search(part) or AP_ROLE.match(part):
        return "agency"
    if "@" in part or ":" in part or PHOTO.search(part):
        return "skip"  # an e-mail address, a labelled line ("Quelle: ..."), a photo credit
    if ROLE.search(part) or not part[0].isalpha() or MONOGRAM.fullmatch(part):
        return "skip"
    return "person"


def split_byline(raw: str) -> tuple[list[str], list[str]]:
    """Person names and agency names of one byline string, in order.

    >>> split_byline("By MEG KINNARD and ERRIN HAINES, Associated Press")
    (['MEG KINNARD', 'ERRIN HAINES'], ['Associated Press'])
    >>> split_byline("By STEVE PEOPLES, AP National Political Writer")
    (['STEVE PEOPLES'], ['AP'])
    """
    persons: list[str] = []
    agencies: list[str] = []
    if PHOTO_CREDIT.search(raw):
        return persons, agencies  # the whole string credits a picture
    for part in _parts(raw):
        kind = _kind(part)
        # Deccan Herald: "PTI, Washington, Nov 20 2019": after a leading wire credit come the
        # place and date, never a person.
        if kind == "person" and not (agencies and not persons):
            persons.append(part)
        elif kind == "agency":
            named = AGENCY.search(part)
            agencies.append(named.group(0) if named else "AP")
    return persons, agencies


def clean_authors(raws: Iterable[str]) -> tuple[list[str], list[str]]:
    """Unique person names and agency names over several byline strings, first seen first."""
    persons: dict[str, None] = {}
    agencies: dict[str, None] = {}
    for raw in raws:
        found, named = split_byline(raw)
        persons.update(dict.fromkeys(found))
        agencies.update(dict.fromkeys(named))
    return list(persons), list(agencies)
