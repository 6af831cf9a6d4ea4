"""The wire agencies: one table of names, credit spellings, own sites and signing conventions.

Everything that knows an agency is built from AGENCIES: canonical names and aliases
(text/agency.py), the dateline and trailer-tag patterns (text/dateline.py, text/agency.py), the
byline pattern (extract/authors.py), the own-site rule (text/syndication.py) and the record
schema's `agency` enum (a test checks it). A new agency is one row here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """One wire agency as the record names it, and how its copy signs itself."""

    name: str  # the record's `agency`
    # Other spellings a credit, byline or dateline uses (matched case-folded, "the"/"by" trimmed).
    aliases: tuple[str, ...] = ()
    # Its own site, as `source` gives it: a site key, or a domain's first label ("ianslive").
    site: str | None = None
    # Zone of its own site's local times when no Site record gives one.
    site_timezone: str | None = None
    # Dateline tag styles: "dash" "PLACE, Date (AP) — ", "wire" "Place, Date (IANS) ",
    # "bracket" "Place [Country], Date (ANI): ", "bar" "Place | AFP | ".
    datelines: tuple[str, ...] = ()
    # Signs the last paragraph with a glued tag ("... said. PTI", "— IANS", " (ANI)").
    trailer: bool = False
    # Byline spellings as regex fragments (case-insensitive); the bare tag counts in capitals only
    # when `tag_in_bylines` ("Ani" or "Uni" may be a name).
    bylines: tuple[str, ...] = ()
    tag_in_bylines: bool = False


AGENCIES = (
    Agency(
        "IANS", ("Indo-Asian News Service",), site="ianslive", site_timezone="Asia/Kolkata",
        datelines=("wire",), trailer=True, bylines=("indo[- ]asian news service",),
        tag_in_bylines=True,
    ),
    Agency(
        "PTI", ("Press Trust of India",), site="ptinews", datelines=("wire",), trailer=True,
        bylines=("press trust of india",), tag_in_bylines=True,
    ),
    Agency(
        "ANI", ("Asian News International",), site="aninews", site_timezone="Asia/Kolkata",
        datelines=("bracket",), trailer=True, bylines=("asian news international",),
        tag_in_bylines=True,
    ),
    Agency(
        "UNI", ("United News of India",), site="uniindia", site_timezone="Asia/Kolkata",
        datelines=("wire",), trailer=True, bylines=("united news of india",),
        tag_in_bylines=True,
    ),
    Agency(
        "Reuters", ("Thomson Reuters",), site="reuters", datelines=("dash",),
        bylines=("reuters",),
    ),
    Agency(
        "AP", ("Associated Press",), site="apnews", datelines=("dash",),
        bylines=("(?:the )?associated press",),
    ),
    Agency(
        "AFP", ("Agence France-Presse", "Agence France Presse"), site="afp",
        datelines=("dash", "bar"), bylines=("agence france[- ]presse",), tag_in_bylines=True,
    ),
    # Anadolu Agency signs its own site in Turkish ("Anadolu Ajansı") and its photos "/AA".
    Agency(
        "AA", ("Anadolu", "Anadolu Agency", "Anadolu Ajansı", "Anadolu Ajansi"), site="anadolu",
        bylines=("anadolu(?: agency| ajans[ıi])?",),
    ),
    Agency("Xinhua", ("Xinhua News Agency", "新华社"), site="xinhua", bylines=("xinhua",)),
    # Deutsche Presse-Agentur: German-language portals credit it "Von dpa"/"Von DPA" in the
    # byline and "Berlin (dpa) - " in the dateline; its tag is lower case, so any case counts.
    Agency(
        "dpa", ("Deutsche Presse-Agentur", "DPA"), datelines=("dash",),
        bylines=("dpa", "deutsche presse-agentur"),
    ),
)  # fmt: skip

NAMES = tuple(agency.name for agency in AGENCIES)


def named(names: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of agency names, in table order."""
    return "|".join(names)


def with_dateline(style: str) -> tuple[str, ...]:
    """The agencies whose datelines carry the tag in `style`."""
    return tuple(agency.name for agency in AGENCIES if style in agency.datelines)


def signing_trailers() -> tuple[str, ...]:
    return tuple(agency.name for agency in AGENCIES if agency.trailer)
