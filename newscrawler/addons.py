"""Scrapy add-on that writes the default JSON Lines feed only when no feed was asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


class DefaultFeeds:
    """Applies `NEWSCRAWLER_DEFAULT_FEEDS` when `FEEDS` is empty after -o/-O/-s are applied.

    Scrapy 2.19 merges the FEEDS dict across priorities, so a default in settings.py would also
    be written next to every `-O file` a user asks for; an add-on runs after the command line.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        if settings.getdict("FEEDS"):
            return
        defaults = settings.getdict("NEWSCRAWLER_DEFAULT_FEEDS")
        if defaults:
            settings.set("FEEDS", defaults, priority="addon")
