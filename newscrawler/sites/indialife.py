"""India Life (indialife.us): reposts IANS copy; no stored page, so generic extraction."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class IndiaLifePage(ArticlePage):
    """Generic body; headline/date selectors are a hypothesis to check on a live fetch.

    They come from a third-party front-end of its CMS (wire-markup §1). The seed showed the body
    twice plus a "N hours ago" sidebar: the pipelines clean those.
    """

    headline_css = ("h1.entry-title", "h1")
    date_css = (".entry-date",)


SITE = Site(
    key="indialife",
    domains=("indialife.us",),
    page=IndiaLifePage,
    article_url=r"indialife\.us/(?:article\.php\?id=\d+|article/\d+)",
    timezone="Asia/Kolkata",
    # Discovery hypothesis: the home page lists recent stories; no sitemap or feed is known.
    listings=("https://www.indialife.us/",),
)
