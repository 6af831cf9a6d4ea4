"""The Site record: what the crawler knows about one publisher, as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newscrawler.extract.page import ArticlePage


@dataclass(frozen=True)
class Site:
    """One publisher: domains it serves, its page class, zone and where to discover articles."""

    key: str
    domains: tuple[str, ...]
    page: type[ArticlePage] = ArticlePage
    timezone: str = "UTC"
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    # Matched with re.search against the full URL; empty: every page on the domains may be one.
    article_url: str = ""
    languages: tuple[str, ...] = ("en",)
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pattern", re.compile(self.article_url or r"."))

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
