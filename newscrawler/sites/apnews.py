"""AP News (apnews.com): 2023 and 2024 templates."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class APNewsPage(ArticlePage):
    # 2024 (Brightspot "Page-*" classes) first, then the 2023 React cards.
    headline_css = ("h1.Page-headline", "div.CardHeadline h1")
    paragraphs_css = ("div.RichTextStoryBody p", "div.Article p")
    # 2024: a "What to know about the 2024 Election" Infobox (a <p> title over a link list) sits
    # between story paragraphs.
    drop_xpath = ("//div[contains(concat(' ', normalize-space(@class), ' '), ' Infobox ')]",)
    byline_css = (".Page-authors", "div.CardHeadline span[class^=Component-bylines]")
    # 2024: epoch milliseconds in bsp-timestamp (its text is a template); 2023: ISO data-source.
    date_css = (
        "bsp-timestamp::attr(data-timestamp)",
        "[data-key=timestamp]::attr(data-source)",
    )


SITE = Site(
    key="apnews",
    domains=("apnews.com",),
    page=APNewsPage,
    article_url=r"apnews\.com/article/",
    timezone="America/New_York",
    # Unverified live: AP lists its sitemaps in robots.txt; no public RSS since 2023.
    sitemaps=("https://apnews.com/sitemap.xml",),
    listings=("https://apnews.com/hub/ap-top-news",),
)
