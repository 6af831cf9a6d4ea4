"""`scrapy crawl`, exiting with the status of the run verdict (docs/operations.md)."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl

from newscrawler.commands.exitcode import StatsExitCodeMixin
from newscrawler.commands.startup import ConfigErrorMixin


class Command(ConfigErrorMixin, StatsExitCodeMixin, ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider; exit non-zero unless its run verdict is OK"
