"""Deccan Herald (deccanherald.com): the 2019 Drupal template carrying PTI and Reuters copy."""

from __future__ import annotations

from newscrawler.extract.authors import AGENCY
from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class DeccanHeraldPage(ArticlePage):
    headline_css = ("h1#page-title", "h1")
    # p.title (the lead) then p.bodytext; JSON-LD articleBody is an HTML string (fallback only).
    paragraphs_css = ("div.field-name-body p",)
    # "PTI, Washington, Nov 20 2019, 10:18am ist updated: …": agency, place and date in one.
    byline_css = ("div.article-author",)
    date_css = ("div.article-author",)

    def dateline(self) -> dict[str, str | None] | None:
        """The byline is the dateline; the story itself starts without one.

        `a` credit ("PTI, "), `span` place (" Washington, "), `li` "Nov 20 2019, 10:18am ist".
        """
        names = [n.strip(" ,") for n in self.all_texts((".article-author__name",))]
        if len(names) < 2 or not names[1]:
            return None
        when = self.first(("div.article-author li",))
        agency = AGENCY.search(names[0])
        return {
            "place": names[1],
            "date": when.split(",")[0].strip() if when else None,
            "agency": agency.group(0) if agency else None,
        }

    # Sidebar times are epoch seconds in span.time-info[data-utcdatetime]; text is JS-written.
    related_css = ("[class*=related]", "[class*=trending]", "[class*=most]", "aside")


SITE = Site(
    key="deccanherald",
    domains=("deccanherald.com",),
    page=DeccanHeraldPage,
    article_url=r"deccanherald\.com/(?:[\w-]+/)+[\w-]+-\d{5,}(?:\.html)?$",
    timezone="Asia/Kolkata",
    sitemaps=("https://www.deccanherald.com/sitemap.xml",),
    feeds=("https://www.deccanherald.com/rss-feed/national",),
)
