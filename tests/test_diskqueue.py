"""A JOBDIR queue file left torn by a killed crawl loses no request of the resumed one."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from newscrawler import jobdir as job
from newscrawler.diskqueue import DISK_QUEUE_ERRORS, ResumableScheduler
from newscrawler.exceptions import ConfigError
from newscrawler.jobdir import RUNNING_MARK


class QueueSpider(Spider):
    name = "queue"


def _scheduler(jobdir: Path) -> tuple[ResumableScheduler, Spider]:
    # The plain priority queue: the default one per download slot needs a running engine.
    settings = {
        "JOBDIR": str(jobdir),
        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue",
    }
    crawler = get_crawler(QueueSpider, settings)
    spider = QueueSpider()
    scheduler = ResumableScheduler.from_crawler(crawler)
    scheduler.open(spider)
    return scheduler, spider


# queuelib leaves the torn file open when its header cannot be read: collected here, its
# ResourceWarning is queuelib's, not this project's.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_request_the_torn_queue_file_cannot_take_is_kept(tmp_path: Path) -> None:
    first, _ = _scheduler(tmp_path)
    assert first.enqueue_request(Request("http://portal.example/a"))
    first.close("shutdown")
    # SIGKILL while a priority's queue file was created: it is left empty, without the 4-byte
    # header Scrapy's disk queue reads when it opens it. A retry (priority -1) goes there.
    (tmp_path / "requests.queue" / "1").write_bytes(b"")
    scheduler, _ = _scheduler(tmp_path)
    retry = Request("http://portal.example/b", priority=-1, dont_filter=True)
    assert scheduler.enqueue_request(retry)
    urls = set()
    while (request := scheduler.next_request()) is not None:
        urls.add(request.url)
    assert urls == {"http://portal.example/a", "http://portal.example/b"}
    assert scheduler.stats is not None
    assert scheduler.stats.get_value(DISK_QUEUE_ERRORS) == 1
    scheduler.close("finished")
    gc.collect()


def test_the_jobdir_is_marked_while_a_crawl_runs(tmp_path: Path) -> None:
    scheduler, _ = _scheduler(tmp_path)
    assert (tmp_path / RUNNING_MARK).exists()
    with pytest.raises(ConfigError, match="in use by another crawl"):
        job.take(str(tmp_path))  # a second crawl on the same JOBDIR
    assert scheduler.enqueue_request(Request("http://portal.example/a"))
    scheduler.close("shutdown")  # a clean stop: the queue's index is written, the mark goes
    assert not (tmp_path / RUNNING_MARK).exists()
    assert (tmp_path / "requests.seen").stat().st_size > 0  # kept for the resumed crawl
    fd, left = job.take(str(tmp_path))
    assert not left
    job.release(str(tmp_path), fd)
    gc.collect()


def test_a_mark_left_behind_says_the_crawl_never_stopped(tmp_path: Path) -> None:
    (tmp_path / RUNNING_MARK).touch()  # SIGKILL: close() never ran; the kernel dropped the lock
    fd, left = job.take(str(tmp_path))
    assert left
    job.release(str(tmp_path), fd)


def test_discarding_the_state_keeps_the_rest_of_the_jobdir(tmp_path: Path) -> None:
    (tmp_path / "requests.seen").write_bytes(b"\x00\x14" + b"f" * 20)
    (tmp_path / "requests.queue").mkdir()
    (tmp_path / "requests.queue" / "active.json").write_text("{}")
    (tmp_path / "spider.state").write_bytes(b"state")
    job.discard_state(str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["spider.state"]
