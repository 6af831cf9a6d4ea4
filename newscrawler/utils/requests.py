"""Which requests fetch article pages (meta flag, else URL regex); which responses are HTML."""

from __future__ import annotations

import re
from typing import Any, TypeGuard
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response, TextResponse

from newscrawler.sites import site_for_url

# Spiders set this meta key: True on article pages, False on listings (overrides the regex).
ARTICLE_META = "newscrawler_article"
# Set on URLs the user listed (`-a urls=`, `-a url_file=`): always fetched, never skipped as seen.
LISTED_META = "newscrawler_listed"
# Names under which a spider, or its `site`, may carry the article URL regex (str or compiled).
PATTERN_ATTRS = (
    "article_url",
    "article_url_pattern",
    "article_pattern",
    "article_url_re",
    "article_re",
)


def article_pattern(spider: Any) -> re.Pattern[str] | None:
    """The article URL regex of a spider, looked up on the spider and then on `spider.site`."""
    for owner in (spider, getattr(spider, "site", None)):
        for name in PATTERN_ATTRS:
            value = getattr(owner, name, None)
            if isinstance(value, re.Pattern):
                return value
            if isinstance(value, str) and value:
                return re.compile(value)
    return None


def is_article_request(request: Request, pattern: re.Pattern[str] | None) -> bool:
    """Whether a request fetches an article page: meta flag, else `pattern`, else the site registry.

    robots.txt never is. A site without an article regex matches nothing here (not everything),
    so a listing is never taken for an article page and never triggers a COLLAPSE verdict.
    """
    if urlsplit(request.url).path == "/robots.txt":
        return False
    flag = request.meta.get(ARTICLE_META)
    if flag is not None:
        return bool(flag)
    if pattern is not None:
        return bool(pattern.search(request.url))
    site = site_for_url(request.url)
    return bool(site.article_url) and site.is_article_url(request.url)


def is_html(response: Response) -> TypeGuard[TextResponse]:
    """A text response whose Content-Type, when given, names HTML (feeds and PDFs are not)."""
    if not isinstance(response, TextResponse):
        return False
    content_type = (response.headers.get(b"Content-Type") or b"").lower()
    return not content_type or b"html" in content_type
