"""Pipeline 900: one `story_id` for an article and its syndicated copies, across sites and runs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured

from newscrawler.pipelines.base import CleaningPipeline
from newscrawler.stores.stories import (
    DEFAULT_COMMIT_EVERY,
    DEFAULT_COMMIT_SECONDS,
    DEFAULT_THRESHOLD,
    StoreMismatch,
    StoryStore,
)
from newscrawler.stores.storyschema import move_aside
from newscrawler.text.syndication import signature
from newscrawler.utils.config import get_bool, get_float, get_int
from newscrawler.utils.state import STORIES_FILE, usable_state_path
from newscrawler.utils.timers import CommitTimer

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

# Only for a pipeline built by hand; a crawl's default is <NEWSCRAWLER_STATE_DIR>/stories.sqlite.
DEFAULT_STORIES_PATH = f"data/{STORIES_FILE}"


class StoryPipeline(CleaningPipeline):
    """Fill `story_id`, `syndicated_copies` and `is_original` from the persistent story store.

    Settings: NEWSCRAWLER_STORIES_ENABLED (True), NEWSCRAWLER_STORIES_PATH
    ("data/stories.sqlite"), NEWSCRAWLER_STORIES_THRESHOLD (0.28, estimated Jaccard of 6-word
    shingles), NEWSCRAWLER_STORIES_COMMIT_EVERY (100 copies) and
    NEWSCRAWLER_STORIES_COMMIT_SECONDS (1.0): a batch is committed at whichever comes first, when
    the crawl pauses that long, and at close. The values are what was known when the item
    passed: a copy seen later raises `syndicated_copies` of later copies only, and may take
    `is_original` over (the agency's own site, or an earlier `published_at`).
    Counts newscrawler/stories/new, .../matched and .../revisited (a URL assigned before).
    """

    component = "stories"

    def __init__(
        self,
        path: str = DEFAULT_STORIES_PATH,
        stats: StatsCollector | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        commit_every: int = DEFAULT_COMMIT_EVERY,
        commit_seconds: float = DEFAULT_COMMIT_SECONDS,
    ) -> None:
        super().__init__(stats)
        self.path, self.threshold = path, threshold
        self.commit_every, self.commit_seconds = commit_every, commit_seconds
        self.store: StoryStore | None = None
        # The open batch holds the file's write lock; a crawl waiting on slow sites must not
        # keep another job sharing the index waiting.
        self._timer = CommitTimer(commit_seconds, self._commit_due)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        settings = crawler.settings
        if not get_bool(settings, "NEWSCRAWLER_STORIES_ENABLED", True):
            raise NotConfigured("NEWSCRAWLER_STORIES_ENABLED is off")
        return cls(
            usable_state_path(settings, "NEWSCRAWLER_STORIES_PATH", STORIES_FILE),
            crawler.stats,
            threshold=get_float(
                settings, "NEWSCRAWLER_STORIES_THRESHOLD", DEFAULT_THRESHOLD, low=0.2, high=1.0
            ),
            commit_every=get_int(
                settings, "NEWSCRAWLER_STORIES_COMMIT_EVERY", DEFAULT_COMMIT_EVERY, low=1
            ),
            commit_seconds=get_float(
                settings, "NEWSCRAWLER_STORIES_COMMIT_SECONDS", DEFAULT_COMMIT_SECONDS
            ),
        )

    def open_spider(self) -> None:
        self._open()

    def close_spider(self) -> None:
        self._timer.stop()
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        assignment = self._open().assign(
            adapter["url"],
            signature(adapter.get("body") or []),
            source=adapter.get("source"),
            agency=adapter.get("agency"),
            published_at=adapter.get("published_at"),
        )
        adapter["story_id"] = assignment.story_id
        adapter["syndicated_copies"] = assignment.copies
        adapter["is_original"] = assignment.is_original
        self.inc(assignment.status)
        if self.store and self.store.pending:
            self._timer.start()
        return item

    def _commit_due(self) -> None:
        if self.store is not None:
            self.store.commit()

    def _open(self) -> StoryStore:
        """The store, opened on first use too (a chain driven without open_spider).

        An index this version cannot read (an older layout, other MinHash parameters) cannot
        be converted: it is moved aside, kept for reference, and a new index begins.
        """
        if self.store is None:
            try:
                self.store = self._new_store()
            except StoreMismatch as mismatch:
                moved = move_aside(self.path)
                logger.warning("%s Moved it to %s; story ids start afresh.", mismatch, moved)
                self.inc("index_moved_aside")
                self.store = self._new_store()
        return self.store

    def _new_store(self) -> StoryStore:
        return StoryStore(
            self.path,
            threshold=self.threshold,
            commit_every=self.commit_every,
            commit_seconds=self.commit_seconds,
        )
