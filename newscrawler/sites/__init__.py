"""Site registry: a plain dict of Site records keyed by site key, and URL routing."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit, urlunsplit

from newscrawler.extract.page import ArticlePage
from newscrawler.sites import (
    anadolu,
    apnews,
    deccanherald,
    indialife,
    indiapost,
    ndtv,
    reuters,
    timesofindia,
    xinhua,
)
from newscrawler.sites.site import Site
from newscrawler.text.agencies import AGENCIES

GENERIC = Site(key="generic", domains=(), page=ArticlePage)

SITES: dict[str, Site] = {
    module.SITE.key: module.SITE
    for module in (
        apnews, reuters, timesofindia, ndtv, deccanherald, indiapost, indialife, anadolu, xinhua,
    )
}  # fmt: skip


def site_zones() -> dict[str, str]:
    """Zone per `source`: each site's own, then the agency sites that have no Site record."""
    zones = {a.site: a.site_timezone for a in AGENCIES if a.site and a.site_timezone}
    zones.update({key: site.timezone for key, site in SITES.items() if site.timezone})
    return zones


def colon_dateline_sites() -> tuple[str, ...]:
    """The keys of the sites whose own copy writes title-case "Place: " datelines."""
    return tuple(key for key, site in SITES.items() if site.colon_datelines)


def site_for_url(url: str, *, aliases: Mapping[str, str] | None = None) -> Site:
    """The site aliased to the URL's host, else the registered site serving it, else GENERIC.

    Registered sites serve their subdomains too; `aliases` is NEWSCRAWLER_SITE_ALIASES.
    """
    parts = urlsplit(url)
    aliased = _aliased(parts, aliases)
    if aliased is not None:
        return aliased
    host = parts.hostname or ""
    return next((site for site in SITES.values() if site.serves(host)), GENERIC)


def site_url(url: str, aliases: Mapping[str, str] | None = None) -> str:
    """The URL moved to its aliased site's home (Site.home); any other URL unchanged.

    Site rules (article URL patterns, links to the page itself) name the real host, so a page on
    an aliased host (a mirror, a proxy, a local copy) is judged as if the site had served it.
    """
    parts = urlsplit(url)
    site = _aliased(parts, aliases)
    if site is None or not site.domains:
        return url
    home = urlsplit(site.home())
    return urlunsplit((home.scheme, home.netloc, parts.path, parts.query, parts.fragment))


def check_aliases(aliases: Mapping[str, object]) -> dict[str, str]:
    """NEWSCRAWLER_SITE_ALIASES normalised: lower-case host[:port] -> site key.

    ValueError for a value that is no registered site key: a typo stops the crawl at once
    instead of silently routing the host nowhere.
    """
    unknown = sorted(str(key) for key in aliases.values() if key not in SITES)
    if unknown:
        raise ValueError(
            f"NEWSCRAWLER_SITE_ALIASES: unknown site keys {unknown}; use {sorted(SITES)}"
        )
    return {host.strip().lower(): str(key) for host, key in aliases.items()}


def _aliased(parts: SplitResult, aliases: Mapping[str, str] | None) -> Site | None:
    """The site aliased to the URL's host:port, else to its bare host (any port)."""
    if not aliases:
        return None
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # a malformed port: not the aliased host:port, the bare host may still be
        port = None
    key = aliases.get(f"{host}:{port}") if port is not None else None
    key = key or aliases.get(host)
    return SITES.get(key) if key else None


__all__ = [
    "GENERIC", "SITES", "Site", "check_aliases", "colon_dateline_sites", "site_for_url", "site_url",
    "site_zones",
]  # fmt: skip
