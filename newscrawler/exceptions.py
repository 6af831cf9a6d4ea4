"""One DropItem subclass per reason, so Scrapy counts `item_dropped_reasons_count/<Reason>`."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class MissingHeadline(DropItem):
    """The page gave no headline, even after every fallback."""


class EmptyBody(DropItem):
    """No paragraph was left once echoes, repeats, related links and boilerplate were removed."""


class NotAnArticle(DropItem):
    """The page is a section front, tag page, video page or other non-article."""


class MissingUrl(DropItem):
    """The item has no URL, so it cannot be stored or de-duplicated."""


class ConfigError(ValueError):
    """A spider argument or setting is invalid; the message names it and what is accepted.

    Raised during start-up (spider, component or feed creation); `scrapy crawl` prints it as one
    line, `newscrawler: error: <message>`, and exits 2 before anything is fetched or truncated.
    """
