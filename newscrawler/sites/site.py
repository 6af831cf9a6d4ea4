"""The Site record: everything the crawler knows about one publisher, as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newscrawler.extract.page import ArticlePage
from newscrawler.text.agencies import AGENCIES


@dataclass(frozen=True)
class Site:
    """One publisher: its domains, page class, discovery and how its copy is written.

    `key` is the record's `source` for its pages. Every component reads site facts from here:
    routing and extraction (domains, page, article_url), the site spiders (sitemaps, feeds,
    listings), the dates pipeline (timezone, languages), the dateline pipeline
    (colon_datelines), the story index (`agency`, from the agency table).
    """

    key: str
    domains: tuple[str, ...]
    page: type[ArticlePage] = ArticlePage
    # Matched with re.search against the full URL; empty: every page on the domains may be one.
    article_url: str = ""
    # Zone of local times the site writes without an offset; None: NEWSCRAWLER_DEFAULT_TIMEZONE.
    timezone: str | None = None
    # Languages of its editions, tried by dateparser before NEWSCRAWLER_DATE_LANGUAGES.
    languages: tuple[str, ...] = ("en",)
    # Its own copy opens "New Delhi: " in title case, so such a prefix is a dateline; elsewhere
    # only CAPS places count, since "Zuckerberg said: " has the same shape.
    colon_datelines: bool = False
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pattern", re.compile(self.article_url or r"."))

    @property
    def agency(self) -> str | None:
        """The wire agency whose own site this is (the agency table's `site`), else None."""
        return next((a.name for a in AGENCIES if a.site == self.key), None)

    def read(self, html: str, url: str) -> ArticlePage:
        """The site's page class over one page, told the site's key and article URL pattern."""
        # A site without domains is the generic one: its pages take the URL's host as `source`.
        source = self.key if self.domains else None
        return self.page(html, url, source=source, article_url=self.article_url)

    def serves(self, host: str) -> bool:
        host = host.lower().removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def home(self) -> str:
        """`scheme://host` of the site, "" without domains.

        The host its own discovery URLs use (they say whether it is www. or not), else https://
        and its first domain.
        """
        for url in (*self.sitemaps, *self.feeds, *self.listings):
            parts = urlsplit(url)
            if self.serves(parts.hostname or ""):
                return f"{parts.scheme}://{parts.netloc}"
        return f"https://{self.domains[0]}" if self.domains else ""

    def is_article_url(self, url: str) -> bool:
        return bool(self._pattern.search(url))
