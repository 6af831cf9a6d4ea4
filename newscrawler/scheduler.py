"""scrapy-redis's scheduler without its deprecated Scrapy calls (set by addons.RedisAddon)."""

from __future__ import annotations

from typing import Any

from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler


class RedisScheduler(Scheduler):  # type: ignore[misc]
    """scrapy_redis.scheduler.Scheduler, counting its stats as Scrapy 2.19 asks.

    scrapy-redis 0.9.1 passes `spider=` to `StatsCollector.inc_value`, which Scrapy 2.19
    deprecates: every worker logged two ScrapyDeprecationWarnings, on its first enqueue and
    first dequeue; and a worker joining a queue others fill called the deprecated Spider.log().
    The methods are scrapy-redis's own, with only those calls changed.
    """

    df: Any  # the duplicate filter and queue scrapy-redis's __init__ and open() set
    queue: Any

    def open(self, spider: Any) -> None:
        self.spider = spider
        try:
            self.queue = load_object(self.queue_cls)(
                server=self.server,
                spider=spider,
                key=self.queue_key % {"spider": spider.name},
                serializer=self.serializer,
            )
        except TypeError as exc:
            message = f"Failed to instantiate queue class '{self.queue_cls}': {exc}"
            raise ValueError(message) from exc
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if pending := len(self.queue):  # another worker's requests: this one resumes them
            spider.logger.debug("Resuming crawl (%d requests scheduled)", pending)

    def enqueue_request(self, request: Any) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Any:
        request = self.queue.pop(self.idle_before_close)
        if request and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request
