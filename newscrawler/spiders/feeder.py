"""Listing entries enqueued as the scheduler drains, so a 200k-URL sitemap never sits in memory."""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Iterator, Sized

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider

# Entries read per step (each a request or None for one refused): a listing is parsed in steps
# this small, so the event loop is never held by one sitemap.
BATCH = 200
WAIT = 0.05  # seconds between looks at a full scheduler
# Requests waiting in the scheduler before listings are read on: enough to keep any download
# concurrency busy, few enough to cost ~2 MB.
HIGH_WATER = 2000


class RequestFeeder:
    """Enqueues requests from listing iterators while the scheduler holds fewer than `high_water`.

    A sitemap callback that yielded 200,000 requests put them all in the scheduler at once
    (582 MB); here the listing is read on as the crawl consumes it, and the spider is kept open
    (DontCloseSpider) while entries remain.
    """

    def __init__(self, crawler: Crawler, high_water: int) -> None:
        self.crawler, self.high_water = crawler, high_water
        self.pending: deque[Iterator[Request | None]] = deque()
        self.task: asyncio.Task[None] | None = None
        crawler.signals.connect(self.keep_open, signal=signals.spider_idle)
        crawler.signals.connect(self.stop, signal=signals.spider_closed)

    @staticmethod
    def running(crawler: Crawler) -> bool:
        """Whether the crawler's engine is scheduling (not a spider driven by hand in a test)."""
        try:
            return crawler.engine.scheduler is not None
        except RuntimeError:  # Crawler.engine before the crawl starts
            return False

    def add(self, steps: Iterator[Request | None]) -> None:
        self.pending.append(steps)
        if self.task is None or self.task.done():
            self.task = asyncio.get_event_loop().create_task(self._run())

    async def _run(self) -> None:
        while self.pending:
            if self._queued() >= self.high_water:
                await asyncio.sleep(WAIT)
                continue
            batch = list(itertools.islice(self.pending[0], BATCH))
            if len(batch) < BATCH:
                self.pending.popleft()
            for request in batch:
                if request is not None:
                    self.crawler.engine.crawl(request)
            await asyncio.sleep(0)

    def _queued(self) -> int:
        scheduler = self.crawler.engine.scheduler
        # Scrapy's and scrapy-redis' schedulers have a length; another without: no back-pressure.
        return len(scheduler) if isinstance(scheduler, Sized) else 0

    def keep_open(self) -> None:
        if self.pending or (self.task is not None and not self.task.done()):
            raise DontCloseSpider

    def stop(self) -> None:
        self.pending.clear()
        if self.task is not None:
            self.task.cancel()
