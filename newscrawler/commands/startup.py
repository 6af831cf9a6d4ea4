"""A ConfigError raised while a crawl starts becomes one `newscrawler: error:` line and exit 2."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from newscrawler import jobdir
from newscrawler.commands.jobsecrets import apply_job_secrets
from newscrawler.commands.scrapysettings import check_scrapy_settings
from newscrawler.exceptions import ConfigError

USAGE_EXIT_CODE = 2  # what argparse and Scrapy's UsageError use for a bad command line


class ConfigErrorMixin:
    """Watches the crawl tasks the command starts; a ConfigError among them is a usage error.

    Spiders, components and feed storages are built inside the crawl task, before the engine
    opens the feeds, so the crawl stops there: nothing fetched, no `-O` file truncated.
    """

    exitcode: int
    crawler_process: Any
    settings: Any

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        errors: list[ConfigError] = []
        try:  # before the crawler is created: it copies the settings
            apply_job_secrets(self.settings, opts.spargs)
            check_scrapy_settings(self.settings)
            if self.settings.get("JOBDIR"):  # a running crawl's JOBDIR: refused, one line
                jobdir.check_free(str(self.settings.get("JOBDIR")))
        except ConfigError as exc:
            print(f"newscrawler: error: {exc}", file=sys.stderr)
            self.exitcode = USAGE_EXIT_CODE
            return
        start_crawl = self.crawler_process.crawl

        def crawl(*crawl_args: Any, **kwargs: Any) -> Any:
            started = start_crawl(*crawl_args, **kwargs)
            if isinstance(started, asyncio.Future):
                started.add_done_callback(lambda task: _config_error(task, errors))
            elif isinstance(started, Deferred):  # CrawlerProcess, with a non-asyncio reactor
                started.addErrback(lambda failure: _config_failure(failure, errors))
            return started

        # An instance attribute of our own command's process, not a Scrapy internal.
        self.crawler_process.crawl = crawl
        super().run(args, opts)  # type: ignore[misc]
        for error in errors:
            print(f"newscrawler: error: {error}", file=sys.stderr)
        if errors:
            self.exitcode = USAGE_EXIT_CODE


def _config_failure(failure: Failure, errors: list[ConfigError]) -> Failure | None:
    if isinstance(failure.value, ConfigError):
        errors.append(failure.value)
        return None
    return failure


def _config_error(task: asyncio.Future[Any], errors: list[ConfigError]) -> None:
    """Keep a ConfigError (retrieved: no asyncio traceback); hand anything else back to asyncio."""
    if task.cancelled():
        return
    error = task.exception()
    if isinstance(error, ConfigError):
        errors.append(error)
    elif error is not None:
        context = {"message": "Task exception was never retrieved", "exception": error}
        task.get_loop().call_exception_handler({**context, "future": task})
