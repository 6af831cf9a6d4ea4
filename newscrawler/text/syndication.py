"""Syndicated copies: which copy of a story is the original (MinHash lives in text/minhash.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from newscrawler.text.agencies import AGENCIES

# Re-exported: callers import the whole syndication toolkit from here.
from newscrawler.text.minhash import (
    DEFAULT_PARAMS,
    HASH_VERSION,
    MinHashParams,
    band_keys,
    body_words,
    jaccard,
    jaccard_estimate,
    shingle_hashes,
    signature,
)

__all__ = [
    "AGENCY_SITES",
    "DEFAULT_PARAMS",
    "HASH_VERSION",
    "Copy",
    "MinHashParams",
    "band_keys",
    "body_words",
    "earliest",
    "is_agency_site",
    "jaccard",
    "jaccard_estimate",
    "replaces_original",
    "shingle_hashes",
    "signature",
]

# --- Which copy is the original ---------------------------------------------------------------
# The wire's own site, as `source` (site key, or a domain whose first label is the key).
AGENCY_SITES = {agency.name: agency.site for agency in AGENCIES if agency.site}


@dataclass(frozen=True)
class Copy:
    url: str
    source: str | None
    published_at: str | None


def is_agency_site(source: str | None, agency: str | None) -> bool:
    """Whether `source` ("apnews", "www.apnews.com") is `agency`'s own site."""
    if not source or agency not in AGENCY_SITES:
        return False
    host = source.casefold().removeprefix("www.")
    return host.split(".", 1)[0] == AGENCY_SITES[agency]


def _instant(value: str | None) -> datetime | None:
    """An ISO 8601 string as an aware datetime (naive read as UTC); None if absent or odd."""
    try:
        parsed = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed and parsed.tzinfo is None else parsed


def replaces_original(new: Copy, current: Copy, agency: str | None) -> bool:
    """The agency's site beats any portal; otherwise a strictly earlier `published_at` wins."""
    new_site, current_site = (
        is_agency_site(new.source, agency),
        is_agency_site(current.source, agency),
    )
    if new_site != current_site:
        return new_site
    new_at, current_at = _instant(new.published_at), _instant(current.published_at)
    return new_at is not None and (current_at is None or new_at < current_at)


def earliest(a: str | None, b: str | None) -> str | None:
    at_a, at_b = _instant(a), _instant(b)
    if at_a is None or at_b is None:
        return a if at_a is not None else b
    return a if at_a <= at_b else b
