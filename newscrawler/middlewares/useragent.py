"""Downloader middleware that sends a truthful User-Agent naming the bot and its contact URL."""

from __future__ import annotations

import ipaddress
import logging
from typing import TYPE_CHECKING

from scrapy.utils.httpobj import urlparse_cached

from newscrawler import __version__
from newscrawler import settings as project_settings
from newscrawler.utils.config import get_str

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
# The project's own page, shipped in settings.py: right for its tests, wrong for anyone's crawl.
SHIPPED_CONTACT_URL: str = project_settings.NEWSCRAWLER_CONTACT_URL
LOCAL_HOSTS = ("localhost", "localhost.localdomain")


def user_agent(contact_url: str) -> str:
    """The User-Agent string: bot name, version and where to find who runs it."""
    return f"newscrawler/{__version__} (+{contact_url})"


def is_local(host: str) -> bool:
    """Loopback or localhost: a mock site, a local mirror, never someone else's server."""
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ContactUserAgentMiddleware:
    """Sets the User-Agent from `NEWSCRAWLER_CONTACT_URL` unless a request already has one.

    The first request to a server that is not loopback logs one WARNING when the contact URL is
    still the shipped one (or empty): site operators would write to this project, not to you.
    """

    def __init__(self, contact_url: str) -> None:
        self.contact_url = contact_url
        self.agent = user_agent(contact_url)
        self._checked = contact_url not in (SHIPPED_CONTACT_URL, "")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        return cls(get_str(crawler.settings, "NEWSCRAWLER_CONTACT_URL", ""))

    def process_request(self, request: Request) -> None:
        if not self._checked and not is_local(urlparse_cached(request).hostname or ""):
            self._checked = True
            logger.warning(
                "Live crawl with the default User-Agent contact (%s): set "
                "NEWSCRAWLER_CONTACT_URL to a page saying who runs this crawler and how to "
                "reach you (-s NEWSCRAWLER_CONTACT_URL=https://your.org/crawler)",
                self.contact_url or "empty",
            )
        request.headers.setdefault(b"User-Agent", self.agent.encode())
