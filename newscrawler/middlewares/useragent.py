"""Downloader middleware that sends a truthful User-Agent naming the bot and its contact URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscrawler import __version__

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


def user_agent(contact_url: str) -> str:
    """The User-Agent string: bot name, version and where to find who runs it."""
    return f"newscrawler/{__version__} (+{contact_url})"


class ContactUserAgentMiddleware:
    """Sets the User-Agent from `NEWSCRAWLER_CONTACT_URL` unless a request already has one."""

    def __init__(self, agent: str) -> None:
        self.agent = agent

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContactUserAgentMiddleware:
        return cls(user_agent(crawler.settings.get("NEWSCRAWLER_CONTACT_URL")))

    def process_request(self, request: Request) -> None:
        request.headers.setdefault(b"User-Agent", self.agent.encode())
