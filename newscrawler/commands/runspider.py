"""`scrapy runspider`, exiting with NEWSCRAWLER_COLLAPSE_EXIT_CODE when extraction collapsed."""

from __future__ import annotations

from scrapy.commands.runspider import Command as ScrapyRunSpider

from newscrawler.commands.exitcode import StatsExitCodeMixin
from newscrawler.commands.startup import ConfigErrorMixin


class Command(ConfigErrorMixin, StatsExitCodeMixin, ScrapyRunSpider):
    def short_desc(self) -> str:
        return "Run a spider file; exit non-zero if its run report says COLLAPSE"
