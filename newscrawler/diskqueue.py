"""Scrapy's scheduler, for a JOBDIR queue a killed crawl left torn: a failed push is kept in memory.

SIGKILL can land while Scrapy writes a disk-queue record. The resumed crawl then fails to push
into that priority's queue file ("struct.error: unpack requires a buffer of 4 bytes"), Scrapy
logs it at INFO, and the request (a retry, a redirect, a newly found link) is gone: measured, a
resumed run exported 34 of 40 articles and said OK. Here the request is kept in the memory
queue instead, counted and logged once; what is in memory is not saved for a later resume,
exactly as Scrapy treats a request it cannot serialise.
"""

from __future__ import annotations

import logging
import struct

from scrapy import Request
from scrapy.core.scheduler import Scheduler

logger = logging.getLogger(__name__)

DISK_QUEUE_ERRORS = "newscrawler/scheduler/disk_queue_errors"


class ResumableScheduler(Scheduler):
    """`scrapy.core.scheduler.Scheduler` whose disk-queue write failures lose no request."""

    def enqueue_request(self, request: Request) -> bool:
        try:
            return super().enqueue_request(request)
        except (struct.error, EOFError, OSError) as error:
            # The duplicate filter has seen the request already: it only needs a queue.
            self.mqs.push(request)
            self._count(error)
            return True

    def _count(self, error: Exception) -> None:
        assert self.stats is not None
        if not self.stats.get_value(DISK_QUEUE_ERRORS):
            logger.warning(
                "JOBDIR queue file unreadable (a crawl killed while writing it?): %s; "
                "requests it cannot take are kept in memory this run",
                error,
            )
        for key in (DISK_QUEUE_ERRORS, "scheduler/enqueued/memory", "scheduler/enqueued"):
            self.stats.inc_value(key)
