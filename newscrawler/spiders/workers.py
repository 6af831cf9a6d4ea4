"""Page extraction inline or in worker processes, so parsing can run beside the crawl's reactor."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newscrawler.extract import language
from newscrawler.sites import GENERIC, SITES

logger = logging.getLogger(__name__)

# The page's raw fields (None: not an article), whether the site's selectors found nothing, and
# why the page is not an article (None when it is one).
Outcome = tuple[dict[str, Any] | None, bool, str | None]


class WorkerLost(RuntimeError):
    """The page's worker died twice (killed, out of memory, a crash in a C library)."""


def extract(html: str, url: str, site_key: str) -> Outcome:
    """The site's page class over one page: what a worker runs, or the crawl itself inline."""
    page = SITES.get(site_key, GENERIC).read(html, url)
    return page.fields(), page.used_fallback, page.skip_reason


def _warm_up() -> None:
    """Import the extraction stack once per worker, not inside the first page's time."""
    extract("<html><body><p>warm-up</p></body></html>", "https://example.invalid/", "generic")
    language.warm_up()


# NEWSCRAWLER_EXTRACT_WORKERS: 0 extracts inline; one per spare core (on 2 cores, 1).
DEFAULT_WORKERS = 0
MAX_WORKERS = 64


class ExtractorPool:
    """`workers` processes extracting pages; 0 extracts in the crawl's process, off its loop.

    Extraction is CPU-bound pure Python over lxml: in the crawl's own process it competes with
    Scrapy's reactor for one core, in a worker it uses another. Workers are spawned (not forked:
    the reactor's threads and sockets must not be copied) on first use. With 0 workers, pages
    are extracted one at a time on a single helper thread: a page of a few thousand tags takes
    0.3-2 s of CPU, and on the loop's own thread that would stall every download (timeouts,
    retries); on the helper thread the GIL's switch interval (5 ms) hands the loop its turns.
    """

    def __init__(self, workers: int) -> None:
        self.workers = max(0, workers)
        self.restarts = 0
        self._executor: Executor | None = None
        self._thread: ThreadPoolExecutor | None = None

    def start(self) -> None:
        """Before the crawl: inline extraction loads the language profiles now, not mid-crawl."""
        if self.workers == 0:
            language.warm_up()

    async def run(self, html: str, url: str, site_key: str) -> Outcome:
        """The page's outcome; extraction errors propagate as they would inline."""
        if self.workers == 0:
            if self._thread is None:
                self._thread = ThreadPoolExecutor(1, thread_name_prefix="newscrawler-extract")
            future = self._thread.submit(extract, html, url, site_key)
            return await asyncio.wrap_future(future)
        for _attempt in range(2):  # a worker lost to another page's crash: try a fresh pool once
            executor = self._pool()
            try:
                future = executor.submit(extract, html, url, site_key)
                return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                self._replace(executor)
        raise WorkerLost(f"extraction worker died twice on {url}")

    def _pool(self) -> Executor:
        if self._executor is None:
            logger.info("Extracting pages in %d worker process(es)", self.workers)
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_warm_up
            )
        return self._executor

    def _replace(self, broken: Executor) -> None:
        """Drop the broken pool once, however many pages were in flight when it broke."""
        if self._executor is broken:
            logger.warning("An extraction worker died; starting a new pool")
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            self.restarts += 1

    def close(self) -> None:
        if self._thread is not None:
            self._thread.shutdown(wait=True, cancel_futures=True)
            self._thread = None
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
