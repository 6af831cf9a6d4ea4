"""A one-shot timer on the crawl's event loop: commit an open batch that no further item fills."""

from __future__ import annotations

from collections.abc import Callable

from scrapy.utils.asyncio import CallLaterResult, call_later
from scrapy.utils.reactor import is_reactor_installed


class CommitTimer:
    """Calls `commit` `seconds` after start(), once, unless stop() comes first.

    A batched writer (the story index, the SQLite feed) starts it when a batch opens, so a crawl
    that stalls still commits on time. Without a reactor (a component driven by hand) or with
    0 seconds it never fires; start() while armed keeps the earlier deadline.
    """

    def __init__(self, seconds: float, commit: Callable[[], None]) -> None:
        self.seconds = seconds
        self._commit = commit
        self._handle: CallLaterResult | None = None

    def start(self) -> None:
        if self._handle is None and self.seconds > 0 and is_reactor_installed():
            self._handle = call_later(self.seconds, self._fire)

    def _fire(self) -> None:
        self._handle = None
        self._commit()

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
