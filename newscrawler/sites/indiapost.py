"""India Post (indiapost.com): a US diaspora WordPress portal reposting PTI copy."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class IndiaPostPage(ArticlePage):
    # The only <h1> is the logo; the headline is an <h2>.
    headline_css = ("h2.article-title",)
    # The container also holds an ad div, off-screen SEO-spam divs (left:-9999px) and a last
    # "comments" paragraph: the cleaner drops the hidden and comment ones.
    paragraphs_css = ("div.shortcode-content p",)
    # The comment counter closes the container: "<p><comments-count …></comments-count> comments".
    drop_xpath = ("//p[comments-count]",)
    # Lead paragraph: <p class="caps"><strong>NEW DELHI</strong>: …; the trailer " PTI" is glued
    # to the last paragraph (a pipeline splits it off).
    dateline_css = ("p.caps strong",)
    date_css = ("div.article-controls .date",)  # "November 20 15:23 2019"
    # Two div.breaking-block tickers (header, footer) repeat the lead: related, not body.
    related_css = ("ul.article-array", "div.breaking-block", "aside")


SITE = Site(
    key="indiapost",
    domains=("indiapost.com",),
    page=IndiaPostPage,
    article_url=r"indiapost\.com/[\w-]{20,}/?$",
    timezone="Asia/Kolkata",
    colon_datelines=True,  # its PTI copy opens "NEW DELHI: "
    feeds=("https://www.indiapost.com/feed/",),
    listings=("https://www.indiapost.com/",),
)
