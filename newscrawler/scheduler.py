"""scrapy-redis's scheduler without its deprecated Scrapy calls (set by addons.RedisAddon)."""

from __future__ import annotations

from typing import Any

from redis.exceptions import RedisError
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler


class RedisScheduler(Scheduler):  # type: ignore[misc]
    """scrapy_redis.scheduler.Scheduler, counting its stats as Scrapy 2.19 asks.

    scrapy-redis 0.9.1 passes `spider=` to `StatsCollector.inc_value`, which Scrapy 2.19
    deprecates: every worker logged two ScrapyDeprecationWarnings, on its first enqueue and
    first dequeue; and a worker joining a queue others fill called the deprecated Spider.log().
    The methods are scrapy-redis's own, with only those calls changed; and a Redis that went
    away mid-run is one WARNING, not a traceback on every turn of the engine's loop (the
    spider's idle poll then ends the run, spiders/redis_article.py).
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
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
        except RedisError as exc:  # Redis went away: this URL is lost to the run, and counted
            self._redis_down(exc)
            if self.stats:
                self.stats.inc_value("newscrawler/lost/redis_unreachable")
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Any:
        try:
            request = self.queue.pop(self.idle_before_close)
        except RedisError as exc:  # nothing to hand out: the spider's idle poll ends the run
            self._redis_down(exc)
            return None
        if request and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        try:
            return bool(len(self.queue))
        except RedisError as exc:
            self._redis_down(exc)
            return False

    def _redis_down(self, exc: Exception) -> None:
        """One WARNING per outage, not a traceback on every turn of the engine's loop."""
        if self.stats and not self.stats.get_value("newscrawler/scheduler/redis_down"):
            self.spider.logger.warning("Redis does not answer (%s): no new requests", exc)
        if self.stats:
            self.stats.inc_value("newscrawler/scheduler/redis_down")
