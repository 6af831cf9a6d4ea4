"""A loop-lag probe for benchmark crawls: how long the event loop was ever blocked.

Enable with `-s EXTENSIONS='{"benchmarks.looplag.LoopLag": 0, ...}'` (benchmarks/bounds.py
does). Every 20 ms a task notes how late it woke; the worst delay is logged and stored as
`benchmark/loop_lag_max_ms` when the spider closes, and as `benchmark/loop_lag_warm_max_ms`
counting only from the first scraped item on (the first page pays one-off imports).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
TICK = 0.02


class LoopLag:
    """Measures the worst wake-up delay of a 20 ms timer over the crawl."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.worst = self.warm = 0.0
        self.warmed = False
        self.task: asyncio.Task[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        probe = cls(crawler)
        crawler.signals.connect(probe.opened, signal=signals.spider_opened)
        crawler.signals.connect(probe.closed, signal=signals.spider_closed)
        crawler.signals.connect(probe.scraped, signal=signals.item_scraped)
        return probe

    def opened(self) -> None:
        self.task = asyncio.get_event_loop().create_task(self._probe())

    async def _probe(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            start = loop.time()
            await asyncio.sleep(TICK)
            lag = loop.time() - start - TICK
            self.worst = max(self.worst, lag)
            self.warm = max(self.warm, lag) if self.warmed else 0.0

    def scraped(self) -> None:
        self.warmed = True

    def closed(self) -> None:
        if self.task is not None:
            self.task.cancel()
        worst, warm = round(self.worst * 1000), round(self.warm * 1000)
        logger.info("Worst event-loop lag: %d ms (%d ms after the first item)", worst, warm)
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("benchmark/loop_lag_max_ms", worst)
            self.crawler.stats.set_value("benchmark/loop_lag_warm_max_ms", warm)
