"""The SQLite story store: one story per syndicated text, across portals and across runs."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from newscrawler.stores import storybands
from newscrawler.stores.stories import Assignment, StoreMismatch, StoryStore
from newscrawler.stores.storyschema import LAYOUT
from newscrawler.text.syndication import MinHashParams, signature
from tests.support.syndication_fixtures import (
    agency_copy,
    five_portals,
    labelled_corpus,
    make_story,
    pairwise_scores,
    portal_copy,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoryStore]:
    opened = StoryStore(tmp_path / "data" / "stories.sqlite")
    yield opened
    opened.close()


def add(store: StoryStore, item: dict[str, Any]) -> Assignment:
    return store.assign(
        item["url"],
        signature(item["body"]),
        source=item["source"],
        agency=item["agency"],
        published_at=item["published_at"],
    )


def test_one_story_on_five_portal_templates(store: StoryStore) -> None:
    rng = random.Random(21)
    for number in range(5):
        story = make_story(rng, f"five-{number}")
        ids = {add(store, item).story_id for item in five_portals(story, rng)}
        assert len(ids) == 1, story.key
    assert store.counts() == (5, 25)


def test_ten_stories_on_one_topic_stay_apart(store: StoryStore) -> None:
    rng = random.Random(22)
    ids = {add(store, agency_copy(make_story(rng, f"ten-{n}"))).story_id for n in range(10)}
    assert len(ids) == 10


@pytest.mark.parametrize("seed", range(1, 9))
def test_pairwise_precision_and_recall(store: StoryStore, seed: int) -> None:
    corpus = labelled_corpus(seed)
    assert len(corpus) >= 50
    predicted = [add(store, item).story_id for _, item in corpus]
    precision, recall, apart = pairwise_scores([key for key, _ in corpus], predicted)
    print(f"seed {seed}: {len(corpus)} articles, P={precision:.4f} R={recall:.4f}")
    assert precision >= 0.98
    assert recall >= 0.98
    assert apart >= 0.99


def test_counts_grow_and_first_copy_is_original_until_an_earlier_one(store: StoryStore) -> None:
    rng = random.Random(23)
    story = make_story(rng, "grow")
    later, earlier = (portal_copy(story, rng, "newsbeat", edits="hb") for _ in range(2))
    later["published_at"], earlier["published_at"] = "2026-07-15T10:00:00+00:00", None
    first = add(store, later)
    assert (first.copies, first.is_original, first.status) == (1, True, "new")
    undated = add(store, earlier)  # no date: cannot be earlier than a dated copy
    assert (undated.story_id, undated.copies, undated.is_original) == (first.story_id, 2, False)
    earlier = {**earlier, "url": earlier["url"] + "-2", "published_at": "2026-07-15T14:00+05:30"}
    third = add(store, earlier)  # 08:30 UTC, before 10:00 UTC
    assert (third.copies, third.is_original, third.status) == (3, True, "matched")


def test_agency_site_is_original_whenever_it_arrives(store: StoryStore) -> None:
    rng = random.Random(24)
    story = make_story(rng, "wire")
    portal = portal_copy(story, rng, "citypost", edits="bt")
    portal["published_at"] = "2020-01-01T00:00:00+00:00"  # even a portal dated earlier
    assert add(store, portal).is_original
    assert add(store, agency_copy(story)).is_original
    assert not add(store, portal_copy(story, rng, "metrodaily", edits="qm")).is_original
    original = store.db.execute("SELECT original_url FROM stories").fetchone()[0]
    assert original == agency_copy(story)["url"]


def test_persists_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "stories.sqlite"
    rng = random.Random(25)
    story = make_story(rng, "runs")
    first_copy, second_copy = agency_copy(story), portal_copy(story, rng, "newsbeat", edits="dit")
    with closing(StoryStore(path)) as run1:
        first = add(run1, first_copy)
    with closing(StoryStore(path)) as run2:
        second = add(run2, second_copy)
        again = add(run2, first_copy)
    assert (second.story_id, second.copies, second.status) == (first.story_id, 2, "matched")
    assert (again.story_id, again.copies, again.status) == (first.story_id, 2, "revisited")
    assert again.is_original  # still the agency's copy


def test_revisited_url_keeps_its_story_even_if_the_text_changed(store: StoryStore) -> None:
    rng = random.Random(26)
    one, other = make_story(rng, "one"), make_story(rng, "other")
    item = agency_copy(one)
    first = add(store, item)
    assert add(store, {**item, "body": agency_copy(other)["body"]}).story_id == first.story_id
    assert store.counts() == (1, 1)


def test_batch_is_committed_on_close_and_readable_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "stories.sqlite"
    rng = random.Random(27)
    story = make_story(rng, "view")
    items = [agency_copy(story), *five_portals(story, rng)]
    with closing(StoryStore(path, commit_every=1000)) as batch:
        ids = {add(batch, item).story_id for item in items}
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        rows = db.execute("SELECT story_id, url, source FROM story_copies").fetchall()
        story_row = db.execute("SELECT first_url, agency, copies FROM stories").fetchone()
    assert {row[0] for row in rows} == ids
    assert [row[1] for row in rows] == [item["url"] for item in items]  # in arrival order
    assert story_row == (items[0]["url"], story.agency, 6)


def test_other_parameters_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "stories.sqlite"
    StoryStore(path).close()
    with pytest.raises(ValueError, match="story store built with"):
        StoryStore(path, params=MinHashParams(shingle=5))


def test_failed_copy_leaves_the_batch_intact(store: StoryStore) -> None:
    rng = random.Random(28)
    story, other = make_story(rng, "fail"), make_story(rng, "other")
    kept = add(store, agency_copy(story))
    bad_source: Any = object()  # fails at the copies insert, after the new story row is written
    with pytest.raises(sqlite3.ProgrammingError):
        store.assign("https://x.example/bad", signature(other.paragraphs), source=bad_source)
    assert store.counts() == (1, 1)
    assert add(store, portal_copy(story, rng, "citypost", edits="b")).story_id == kept.story_id


def copies_seen_elsewhere(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        return int(db.execute("SELECT COUNT(*) FROM copies").fetchone()[0])


def test_commits_every_n_copies_or_after_seconds(tmp_path: Path) -> None:
    path, now = tmp_path / "stories.sqlite", [0.0]
    rng = random.Random(29)
    items = [agency_copy(make_story(rng, f"batch-{n}")) for n in range(6)]
    with closing(StoryStore(path, commit_every=3, commit_seconds=10, clock=lambda: now[0])) as db:
        for item in items[:2]:
            add(db, item)
        assert (db.pending, copies_seen_elsewhere(path)) == (2, 0)
        add(db, items[2])  # the third copy ends the batch
        assert (db.pending, copies_seen_elsewhere(path)) == (0, 3)
        add(db, items[3])
        now[0] = 10.5  # the batch is older than commit_seconds: the next copy commits it
        assert db.age() == 10.5
        add(db, items[4])
        assert (db.pending, db.age(), copies_seen_elsewhere(path)) == (0, 0.0, 5)
        add(db, items[5])
    assert copies_seen_elsewhere(path) == 6  # close commits the rest


def test_older_layout_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "stories.sqlite"
    with closing(sqlite3.connect(path)) as db:  # a stories-v1 file: text story ids, no layout row
        db.execute("CREATE TABLE params (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO params VALUES ('minhash', 'oph-crc32mix-v1 k=6 n=256 b=85 r=3')")
        db.execute("CREATE TABLE bands (band INTEGER, key INTEGER, story_id TEXT)")
        db.commit()
    with pytest.raises(StoreMismatch, match="stories-v1.*NEWSCRAWLER_STORIES_PATH"):
        StoryStore(path)
    with closing(sqlite3.connect(path)) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
    assert "signatures" not in tables  # nothing was added to the old file


def test_unrelated_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE articles (url TEXT)")
    with pytest.raises(StoreMismatch, match="built with unknown"):
        StoryStore(path)


def test_layout_and_params_are_recorded(store: StoryStore) -> None:
    rows = dict(store.db.execute("SELECT name, value FROM params"))
    assert rows == {"layout": LAYOUT, "minhash": store.params.describe()}


def test_a_common_band_key_keeps_its_newest_stories(store: StoryStore) -> None:
    key, cap = 12345, storybands.BUCKET_STORIES
    for number in range(1, cap + 4):
        storybands.index(store.db, [key], number, storybands.buckets(store.db, [key]))
    assert storybands.buckets(store.db, [key]) == {key: list(range(4, cap + 4))}
    storybands.index(store.db, [key], cap + 3, storybands.buckets(store.db, [key]))  # held: no-op
    assert len(storybands.buckets(store.db, [key])[key]) == cap
