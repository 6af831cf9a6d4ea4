"""`scrapy crawl`, exiting with NEWSCRAWLER_COLLAPSE_EXIT_CODE when extraction collapsed."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl

from newscrawler.commands.exitcode import StatsExitCodeMixin
from newscrawler.commands.startup import ConfigErrorMixin


class Command(ConfigErrorMixin, StatsExitCodeMixin, ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider; exit non-zero if its run report says COLLAPSE"
