"""Feeds that hold nothing until stored (uploads, gzip files or pipes): items count only then."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy.extensions import feedexport

from newscrawler import signals
from newscrawler.feeds.guard import feed_name

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.signalmanager import SignalManager
    from twisted.internet.defer import Deferred


def announce(signal_manager: SignalManager | None, file: IO[bytes]) -> IO[bytes]:
    """`file`, announced as holding nothing its exporter commits until it is stored."""
    if signal_manager is not None:
        signal_manager.send_catch_log(signals.feed_deferred, feed=feed_name(file))
    return file


def confirm(
    signal_manager: SignalManager | None, feed: str, stored: Deferred[None] | None
) -> Deferred[None] | None:
    """`feed_stored` once `stored` succeeded (None: done already); a failed store says nothing."""
    done = stored_callback(signal_manager, feed)
    if stored is None:
        return done(None)  # type: ignore[no-any-return]
    return stored.addCallback(done)


def stored_callback(signal_manager: SignalManager | None, feed: str) -> Callable[[Any], Any]:
    def done(result: Any) -> Any:
        if signal_manager is not None:
            signal_manager.send_catch_log(signals.feed_stored, feed=feed)
        return result

    return done


class StoredOnClose:
    """Mixin for an upload storage: its exporter writes a local temporary file until `store()`.

    A crawl killed before the upload, or an upload that fails, leaves the items nowhere a
    reader finds them, so they count as exported only once stored (before: remembered at
    each commit, and skipped by every later run although the feed never got them).
    """

    signal_manager: SignalManager | None = None

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        storage = super().from_crawler(crawler, uri, feed_options=feed_options)  # type: ignore[misc]
        storage.signal_manager = crawler.signals
        return storage  # type: ignore[no-any-return]

    def open(self, spider: Spider) -> IO[bytes]:
        return announce(self.signal_manager, super().open(spider))  # type: ignore[misc]

    def store(self, file: IO[bytes]) -> Deferred[None]:
        done = stored_callback(self.signal_manager, feed_name(file))
        stored: Deferred[None] = super().store(file)  # type: ignore[misc]
        return stored.addCallback(done)


class S3FeedStorage(StoredOnClose, feedexport.S3FeedStorage):
    """Scrapy's `s3` storage; its items count once uploaded."""


class GCSFeedStorage(StoredOnClose, feedexport.GCSFeedStorage):
    """Scrapy's `gs` storage; its items count once uploaded."""


class FTPFeedStorage(StoredOnClose, feedexport.FTPFeedStorage):
    """Scrapy's `ftp` storage; its items count once uploaded."""


class StdoutFeedStorage(feedexport.StdoutFeedStorage):
    """Scrapy's `stdout` storage; through postprocessing (gzip) its items count once stored.

    A gzip stream holds its records until closed: a crawl killed before that leaves a reader of
    the pipe a cut stream, so the items must not be remembered as exported before.
    """

    signal_manager: SignalManager | None = None
    deferred = False

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        storage = cls(uri, feed_options=feed_options)
        storage.signal_manager = crawler.signals
        storage.deferred = bool((feed_options or {}).get("postprocessing"))
        return storage

    def open(self, spider: Spider) -> IO[bytes]:
        file = super().open(spider)
        return announce(self.signal_manager, file) if self.deferred else file

    def store(self, file: IO[bytes]) -> Deferred[None] | None:
        stored = super().store(file)  # nothing to do: the gzip stream was closed before
        return confirm(self.signal_manager, feed_name(file), stored) if self.deferred else stored
