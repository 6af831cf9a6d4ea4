"""Scrapy's scheduler, losing no request to a killed crawl's JOBDIR (newscrawler/jobdir.py).

SIGKILL can land while Scrapy writes a disk-queue record. The resumed crawl then fails to push
into that priority's queue file ("struct.error: unpack requires a buffer of 4 bytes"), Scrapy
logs it at INFO, and the request (a retry, a redirect, a newly found link) is gone: measured, a
resumed run exported 34 of 40 articles and said OK. Here the request is kept in the memory
queue instead, counted and logged once; what is in memory is not saved for a later resume,
exactly as Scrapy treats a request it cannot serialise. Since a killed crawl's JOBDIR is now
discarded (jobdir.py), this is the second line of defence.
"""

from __future__ import annotations

import logging
import struct
from typing import TYPE_CHECKING, Self

from scrapy import Request
from scrapy.core.scheduler import Scheduler

from newscrawler import jobdir as job

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

DISK_QUEUE_ERRORS = "newscrawler/scheduler/disk_queue_errors"
UNCLEAN_JOBDIR = "newscrawler/scheduler/unclean_jobdir"


class ResumableScheduler(Scheduler):
    """`scrapy.core.scheduler.Scheduler`, losing no request to a killed or torn JOBDIR.

    It resumes only a cleanly stopped JOBDIR, and a request its disk queue cannot take stays
    in memory.
    """

    jobdir: str | None = None
    mark: int | None = None  # the JOBDIR mark's descriptor, locked while this crawl runs

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        jobdir = crawler.settings.get("JOBDIR")
        mark, left = job.take(jobdir) if jobdir else (None, False)
        if left:  # before the duplicate filter reads its fingerprints
            job.discard_state(jobdir)
            logger.warning(
                "JOBDIR %s: the last crawl there did not stop cleanly (killed?); its queue and "
                "request fingerprints cannot be trusted and are discarded: this crawl starts "
                "afresh (the seen-store skips what was exported)",
                jobdir,
            )
            crawler.stats.set_value(UNCLEAN_JOBDIR, 1)
        scheduler = super().from_crawler(crawler)
        scheduler.jobdir, scheduler.mark = jobdir, mark
        return scheduler

    def close(self, reason: str) -> Deferred[None] | None:
        closed = super().close(reason)  # the queue's index is written: resumable now
        if self.jobdir and reason == "finished":
            # Nothing is left to resume; kept, the fingerprints would filter the next run's
            # sitemaps and feeds (jobdir.py).
            job.discard_state(self.jobdir)
            logger.info(
                "JOBDIR %s: the crawl finished, so its fingerprints are cleared", self.jobdir
            )
        if self.mark is not None:
            job.release(str(self.jobdir), self.mark)  # a mark is only taken with a JOBDIR
        return closed

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
