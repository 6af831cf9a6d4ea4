"""`scrapy runspider`, exiting with the status of the run verdict (docs/operations.md)."""

from __future__ import annotations

from scrapy.commands.runspider import Command as ScrapyRunSpider

from newscrawler.commands.exitcode import StatsExitCodeMixin
from newscrawler.commands.startup import ConfigErrorMixin


class Command(ConfigErrorMixin, StatsExitCodeMixin, ScrapyRunSpider):
    def short_desc(self) -> str:
        return "Run a spider file; exit non-zero unless its run verdict is OK"
