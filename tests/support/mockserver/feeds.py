"""robots.txt, sitemaps (index, urlset, Google News) and the RSS feed."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from tests.support.mockserver.content import Article
from tests.support.mockserver.pages import SITE

NEWS_WINDOW = timedelta(days=2)  # Google News sitemaps only list the last two days
RSS_ITEMS = 20


def robots_txt(base: str) -> str:
    """Disallow /private/ (listed first for first-match parsers), allow the rest, list sitemaps."""
    return (
        "User-agent: *\nDisallow: /private/\nAllow: /\n\n"
        f"Sitemap: {base}/sitemap.xml\nSitemap: {base}/news-sitemap.xml\n"
    )


def _w3c(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def sitemap_index(base: str, newest: datetime) -> str:
    """The sitemap index: one child urlset for the articles."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"<sitemap><loc>{base}/sitemap-articles.xml</loc><lastmod>{_w3c(newest)}</lastmod>"
        "</sitemap>\n</sitemapindex>\n"
    )


def article_urls(base: str, articles: list[Article]) -> list[str]:
    """The URLs /sitemap-articles.xml lists, in its order (article pages only)."""
    return [f"{base}{a.path}" for a in articles]


def urlset(base: str, articles: list[Article]) -> str:
    """The article urlset with lastmod."""
    rows = "".join(
        f"<url><loc>{url}</loc><lastmod>{_w3c(a.modified)}</lastmod></url>\n"
        for url, a in zip(article_urls(base, articles), articles, strict=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'
    )


def news_sitemap(base: str, articles: list[Article], fetched: datetime) -> str:
    """A Google News sitemap of the articles published in the two days before the fetch."""
    rows = "".join(
        f"<url><loc>{base}{a.path}</loc><news:news><news:publication>"
        f"<news:name>{SITE}</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{_w3c(a.published)}</news:publication_date>"
        f"<news:title>{escape(a.headline)}</news:title></news:news></url>\n"
        for a in articles
        if fetched - a.published <= NEWS_WINDOW
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{rows}</urlset>\n"
    )


def rss(base: str, newest_first: list[Article], fetched: datetime) -> str:
    """RSS 2.0 with the newest items and RFC 822 pubDate."""
    items = "".join(
        f"<item><title>{escape(a.headline)}</title><link>{base}{a.path}</link>"
        f'<guid isPermaLink="true">{base}{a.path}</guid>'
        f"<pubDate>{format_datetime(a.published, usegmt=True)}</pubDate>"
        f"<category>{escape(a.section)}</category>"
        f"<description>{escape(a.paragraphs[0][:200])}</description></item>\n"
        for a in newest_first[:RSS_ITEMS]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        f"<title>{SITE}</title><link>{base}/</link><description>News for the Indian diaspora"
        f"</description><language>en-us</language>"
        f"<lastBuildDate>{format_datetime(fetched, usegmt=True)}</lastBuildDate>\n"
        f"{items}</channel></rss>\n"
    )


def endless_index(base: str, node: int) -> str:
    """/sitemap-index/<n>.xml: an index of two new indexes (2n, 2n+1), without end."""
    rows = "".join(
        f"<sitemap><loc>{base}/sitemap-index/{child}.xml</loc></sitemap>\n"
        for child in (2 * node, 2 * node + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</sitemapindex>\n'
    )


def big_urlset(base: str, count: int) -> str:
    """/sitemap-big.xml?n=N[&host=URL]: N article URLs (ids past the site's answer 404)."""
    rows = "".join(f"<url><loc>{base}/article/{i}</loc></url>\n" for i in range(1, count + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'
    )
