"""NDTV (ndtv.com): the 2020 template, no JSON-LD."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class NDTVPage(ArticlePage):
    article_url = r"ndtv\.com/[\w-]+/[\w-]+-\d{6,}/?$"
    source = "ndtv"
    headline_css = ("div.sp-hd h1", "h1[itemprop=headline]")
    # The Highlights box (div.highlghts_Wdgt) and the COVID widget (div._world-wrapper) sit
    # inside #ins_storybody; the cleaner drops them by class before these selectors run.
    paragraphs_css = ("div#ins_storybody p",)
    # "Edited by Swati Bhasin (with inputs from Agencies)": raw, a pipeline trims it.
    byline_css = ("span[itemprop=author]", "nav.pst-by")
    date_css = ("span[itemprop=dateModified]::attr(content)", "nav.pst-by")
    # "Washington/ New Delhi: " is a <b> sibling before the first <p>, not inside it.
    dateline_css = ("b.place_cont",)


SITE = Site(
    key="ndtv",
    domains=("ndtv.com",),
    page=NDTVPage,
    article_url=NDTVPage.article_url,
    timezone="Asia/Kolkata",
    feeds=("https://feeds.feedburner.com/ndtvnews-top-stories",),
    listings=("https://www.ndtv.com/latest",),
)
