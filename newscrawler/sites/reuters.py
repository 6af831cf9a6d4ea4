"""Reuters (reuters.com): 2016, 2019, 2020 and 2023-24 templates as selector fallbacks."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class ReutersPage(ArticlePage):
    # Newest first. Hashed class suffixes change per deploy: match prefixes or data-testid.
    headline_css = (
        'h1[data-testid="Heading"]',  # 2023-24
        "h1.ArticleHeader_headline",  # 2019
        'h1[class^="Headline-headline"]',  # 2016, 2020
    )
    paragraphs_css = (
        '[data-testid^="paragraph-"]',  # 2023-24: divs, not <p>
        "div.StandardArticleBody_body p",  # 2019
        # 2016/2020; the credit line ("Additional reporting by …") sits in an Attribution div.
        'article[class^="ArticlePage-article-body"] p[class^="Paragraph-paragraph"],'
        ' article[class^="ArticlePage-article-body"] [class^="Attribution-attribution"] p',
    )
    byline_css = (
        'p[class^="Byline-byline"]',
        '[class*="author-name"]',
        'a[href*="/journalists/"]',
        "div.BylineBar_byline",
    )
    # The 2023 visible <time> has no @datetime; JSON-LD carries the date there.
    date_css = ("div.ArticleHeader_date", 'time[class*="date-line"]')


SITE = Site(
    key="reuters",
    domains=("reuters.com",),
    page=ReutersPage,
    # New URLs end in the date (`…-2024-03-07/`); older ones are /article/<slug>-id<CODE>.
    article_url=r"reuters\.com/(?:article/|(?:[\w-]+/)+[\w-]+-\d{4}-\d{2}-\d{2}/?$)",
    timezone="UTC",
    sitemaps=("https://www.reuters.com/arc/outboundfeeds/news-sitemap-index/?outputType=xml",),
    listings=("https://www.reuters.com/world/",),
)
