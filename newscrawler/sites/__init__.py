"""Site registry: a plain dict of Site records keyed by site key, and URL routing."""

from __future__ import annotations

from urllib.parse import urlsplit

from newscrawler.extract.page import ArticlePage
from newscrawler.sites import (
    apnews,
    deccanherald,
    indialife,
    indiapost,
    ndtv,
    reuters,
    timesofindia,
)
from newscrawler.sites.site import Site

GENERIC = Site(key="generic", domains=(), page=ArticlePage)

SITES: dict[str, Site] = {
    module.SITE.key: module.SITE
    for module in (apnews, reuters, timesofindia, ndtv, deccanherald, indiapost, indialife)
}


def site_for_url(url: str) -> Site:
    """The registered site serving the URL's host (subdomains included), else GENERIC."""
    host = urlsplit(url).hostname or ""
    return next((site for site in SITES.values() if site.serves(host)), GENERIC)


__all__ = ["GENERIC", "SITES", "Site", "site_for_url"]
