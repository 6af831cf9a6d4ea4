"""Deccan Herald (deccanherald.com): the 2019 Drupal template carrying PTI and Reuters copy."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class DeccanHeraldPage(ArticlePage):
    article_url = r"deccanherald\.com/(?:[\w-]+/)+[\w-]+-\d{5,}(?:\.html)?$"
    source = "deccanherald"
    headline_css = ("h1#page-title", "h1")
    # p.title (the lead) then p.bodytext; JSON-LD articleBody is an HTML string (fallback only).
    paragraphs_css = ("div.field-name-body p",)
    # "PTI, Washington, Nov 20 2019, 10:18am ist updated: …": agency, place and date in one.
    byline_css = ("div.article-author",)
    date_css = ("div.article-author",)
    # Sidebar times are epoch seconds in span.time-info[data-utcdatetime]; text is JS-written.
    related_css = ("[class*=related]", "[class*=trending]", "[class*=most]", "aside")


SITE = Site(
    key="deccanherald",
    domains=("deccanherald.com",),
    page=DeccanHeraldPage,
    article_url=DeccanHeraldPage.article_url,
    timezone="Asia/Kolkata",
    sitemaps=("https://www.deccanherald.com/sitemap.xml",),
    feeds=("https://www.deccanherald.com/rss-feed/national",),
)
