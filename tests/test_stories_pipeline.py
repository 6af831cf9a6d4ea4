"""StoryPipeline: settings, item fields and stats, alone and at the end of the real chain."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newscrawler.pipelines.stories import StoryPipeline
from newscrawler.utils.state import state_dir
from tests.support.pipeline_chain import pipeline_chain, project_crawler, project_settings
from tests.support.syndication_fixtures import (
    AGENCY_SITES,
    agency_copy,
    five_portals,
    make_story,
    portal_copy,
)

STORY_PIPELINE = "newscrawler.pipelines.stories.StoryPipeline"
CRAWLED_AT = "2026-08-20T12:00:00+00:00"


def test_settings_reach_the_pipeline(tmp_path: Path) -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWLER_STORIES_PATH": str(tmp_path / "s.sqlite"),
            "NEWSCRAWLER_STORIES_THRESHOLD": "0.5",
            "NEWSCRAWLER_STORIES_COMMIT_EVERY": "7",
            "NEWSCRAWLER_STORIES_COMMIT_SECONDS": "2.5",
        }
    )
    pipeline = StoryPipeline.from_crawler(crawler)
    assert (pipeline.path, pipeline.threshold, pipeline.commit_every) == (
        str(tmp_path / "s.sqlite"),
        0.5,
        7,
    )
    assert pipeline.commit_seconds == 2.5
    default = StoryPipeline.from_crawler(get_crawler())
    assert (default.path, default.commit_every, default.commit_seconds) == (
        str(state_dir(get_crawler().settings) / "stories.sqlite"),
        100,
        1.0,
    )


def test_disabled_raises_not_configured() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_STORIES_ENABLED": False})
    with pytest.raises(NotConfigured):
        StoryPipeline.from_crawler(crawler)


def test_dict_items_get_story_fields_and_stats(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_STORIES_PATH": str(tmp_path / "s.sqlite")})
    crawler.stats.open_spider()
    pipeline = StoryPipeline.from_crawler(crawler)
    pipeline.open_spider()
    rng = random.Random(31)
    story = make_story(rng, "pipe")
    items = [portal_copy(story, rng, "newsbeat", edits="hb"), agency_copy(story)]
    items.append(dict(items[0]))  # the first URL again
    out = [pipeline.process_item(item) for item in items]
    pipeline.close_spider()
    assert len({item["story_id"] for item in out}) == 1
    assert [item["syndicated_copies"] for item in out] == [1, 2, 2]
    assert [item["is_original"] for item in out] == [True, True, False]  # the wire took over
    stats = crawler.stats.get_stats()
    assert stats["newscrawler/stories/new"] == 1
    assert stats["newscrawler/stories/matched"] == 1
    assert stats["newscrawler/stories/revisited"] == 1


def raw(item: dict[str, Any]) -> dict[str, Any]:
    """A fixture copy as a spider yields it: raw body, fetch time; no story fields yet."""
    return {**item, "crawled_at": CRAWLED_AT, "body": list(item["body"])}


def test_real_chain_assigns_one_story_per_text(tmp_path: Path) -> None:
    settings = project_settings()
    crawler = project_crawler(
        ITEM_PIPELINES={**settings["ITEM_PIPELINES"], STORY_PIPELINE: 900},
        NEWSCRAWLER_STORIES_PATH=str(tmp_path / "stories.sqlite"),
    )
    chain = pipeline_chain(crawler)
    assert type(chain[-1]) is StoryPipeline
    rng = random.Random(32)
    stories = [make_story(rng, f"chain-{n}") for n in range(3)]
    cleaned: list[tuple[str, dict[str, Any]]] = []
    for story in stories:
        for copy in [agency_copy(story), *five_portals(story, rng)]:
            item = raw(copy)
            for pipeline in chain:
                item = pipeline.process_item(item)
            cleaned.append((story.key, item))
    chain[-1].close_spider()
    by_story = {key: {item["story_id"] for k, item in cleaned if k == key} for key, _ in cleaned}
    assert all(len(ids) == 1 for ids in by_story.values())
    assert len(set.union(*by_story.values())) == 3
    wire = [item for _, item in cleaned if item["source"] in AGENCY_SITES.values()]
    assert len(wire) == 3
    assert all(item["is_original"] for item in wire)
    assert all(item["dateline"] for item in wire)  # the cleaning chain ran before
    assert all(item["syndicated_copies"] >= 1 for _, item in cleaned)


def test_an_idle_batch_is_committed_by_the_timer_callback(tmp_path: Path) -> None:
    pipeline = StoryPipeline(str(tmp_path / "s.sqlite"))
    rng = random.Random(33)
    pipeline.process_item(agency_copy(make_story(rng, "idle")))
    assert pipeline.store is not None
    assert pipeline.store.pending == 1  # 100 per batch by default: still open
    pipeline._commit_due()  # what the reactor calls `commit_seconds` later
    assert pipeline.store.pending == 0
    assert not pipeline.store.db.in_transaction
    pipeline.close_spider()


def test_an_index_of_an_older_version_is_moved_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.sqlite"
    with closing(sqlite3.connect(path)) as old:  # a stories-v1 index: params, no layout row
        old.execute("CREATE TABLE params (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        old.execute("INSERT INTO params VALUES ('minhash', 'n=256')")
        old.commit()
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_STORIES_PATH": str(path)})
    crawler.stats.open_spider()
    pipeline = StoryPipeline.from_crawler(crawler)
    pipeline.open_spider()
    item = pipeline.process_item(
        portal_copy(make_story(random.Random(5), "old"), random.Random(5), "newsbeat", edits="h")
    )
    pipeline.close_spider()
    assert item["story_id"]
    assert item["syndicated_copies"] == 1
    assert crawler.stats.get_value("newscrawler/stories/index_moved_aside") == 1
    assert "stories-v1" in caplog.text
    assert "s.sqlite.old" in caplog.text
    with closing(sqlite3.connect(tmp_path / "s.sqlite.old")) as kept:  # kept for reference
        assert kept.execute("SELECT value FROM params").fetchall() == [("n=256",)]
