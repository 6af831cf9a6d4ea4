"""Feeds that hold nothing until stored (uploads, gzip files or pipes): items count only then."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, Protocol, Self, cast

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
    signal_manager: SignalManager | None, feed: str, result: Deferred[None] | None
) -> Deferred[None] | None:
    """`feed_stored` once `result` succeeded (None: done already); a failed store says nothing."""

    def done(value: Any) -> Any:
        if signal_manager is not None:
            signal_manager.send_catch_log(signals.feed_stored, feed=feed)
        return value

    return done(None) if result is None else result.addCallback(done)


class Deferring(Protocol):
    """A storage that may hold nothing until stored: `deferred` says whether it does."""

    signal_manager: SignalManager | None
    deferred: bool


def opened(storage: Deferring, file: IO[bytes]) -> IO[bytes]:
    """The file `open()` returns, announced when the storage holds nothing until stored."""
    return announce(storage.signal_manager, file) if storage.deferred else file


def stored(
    storage: Deferring, file: IO[bytes], result: Deferred[None] | None
) -> Deferred[None] | None:
    """What `store()` returns, confirming the store when the storage is a deferred one."""
    return confirm(storage.signal_manager, feed_name(file), result) if storage.deferred else result


class StoredOnClose:
    """Mixin for an upload storage: its exporter writes a local temporary file until `store()`.

    A crawl killed before the upload, or an upload that fails, leaves the items nowhere a
    reader finds them, so they count as exported only once stored (before: remembered at
    each commit, and skipped by every later run although the feed never got them).
    """

    signal_manager: SignalManager | None = None
    deferred = True

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        storage = super().from_crawler(crawler, uri, feed_options=feed_options)  # type: ignore[misc]
        storage.signal_manager = crawler.signals
        return storage  # type: ignore[no-any-return]

    def open(self, spider: Spider) -> IO[bytes]:
        return opened(self, super().open(spider))  # type: ignore[misc]

    def store(self, file: IO[bytes]) -> Deferred[None]:
        # An upload always returns its Deferred, and confirm() chains onto it.
        return cast("Deferred[None]", stored(self, file, super().store(file)))  # type: ignore[misc]


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
        return opened(self, super().open(spider))

    def store(self, file: IO[bytes]) -> Deferred[None] | None:
        # Nothing to do but confirm: the gzip stream was closed before.
        return stored(self, file, super().store(file))
