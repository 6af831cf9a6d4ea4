"""Test-only spider: yields N synthetic clean article records, optionally slowly, no network."""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import scrapy

WORDS = "minister harbour monsoon tariff election cricket summit budget railway verdict".split()


def make_record(index: int, *, seed: int, crawled_at: str) -> dict[str, Any]:
    """One clean record; the same (index, seed) gives the same content on every run."""
    rng = random.Random(seed * 1_000_003 + index)
    body = [" ".join(rng.choices(WORDS, k=12)) + f" para{p} item{index}." for p in range(3)]
    return {
        "url": f"https://wire.example/story/{index}",
        "crawled_at": crawled_at,
        "canonical_url": f"https://wire.example/story/{index}",
        "source": "wire.example",
        "agency": rng.choice(["PTI", "IANS", "Reuters", None]),
        "section": "india",
        "headline": f"Story {index}: {rng.choice(WORDS)} {rng.choice(WORDS)}",
        "summary": None if index % 3 else f"Summary of story {index}",
        "authors": [f"Author {rng.randint(1, 9)}"] if index % 2 else [],
        "dateline": {"place": "NEW DELHI", "date": "Nov 25", "agency": "PTI"},
        "published_at": "2026-11-25T08:30:00+05:30",
        "modified_at": None,
        "published_at_raw": "Nov 25, 2026 08:30 IST",
        "published_at_source": "jsonld",
        "body": body,
        "related": [
            {
                "title": f"Related {index}-{k}",
                "url": f"https://wire.example/r/{index}/{k}",
                "age": f"{k + 1} hours ago",
                "published_at": None,
            }
            for k in range(index % 3)
        ],
        "language": "en",
        "image": {"url": f"https://wire.example/i/{index}.jpg", "caption": None, "credit": None}
        if index % 2
        else None,
        "tags": ["india", rng.choice(WORDS)],
        "word_count": sum(len(p.split()) for p in body),
        "content_hash": hashlib.sha256("\n\n".join(body).encode()).hexdigest(),
        "cleaning": {"boilerplate_removed": index % 4},
        # Three copies per story: the StoryPipeline fields, as a clean record carries them.
        "story_id": hashlib.sha256(str(index // 3).encode()).hexdigest()[:16],
        "syndicated_copies": index % 3 + 1,
        "is_original": index % 3 == 0,
    }


class FeedsSpider(scrapy.Spider):
    """`-a count=N -a seed=S -a delay=SECONDS -a crawled_at=ISO -a huge=I` (all optional).

    `huge=I`: record I gets a word count over 64 bits, which JSON holds and SQLite cannot.
    """

    name = "feeds_test"

    async def start(self) -> AsyncIterator[dict[str, Any]]:
        count = int(getattr(self, "count", 10))
        seed = int(getattr(self, "seed", 1))
        delay = float(getattr(self, "delay", 0))
        now = datetime.now(UTC).isoformat(timespec="seconds")
        crawled_at = str(getattr(self, "crawled_at", now))
        huge = int(getattr(self, "huge", -1))
        for index in range(count):
            if delay:
                await asyncio.sleep(delay)
            record = make_record(index, seed=seed, crawled_at=crawled_at)
            if index == huge:
                record["word_count"] = 2**70
            yield record


# Fields that schema v3 gave columns; code for v1/v2 kept them in the `extra` JSON column.
V3_FIELDS = ("story_id", "syndicated_copies", "is_original")
V5_FIELDS = ("image",)


def insert_as_v2(conn: Any, record: dict[str, Any], *, seen_at: str) -> None:
    """Store `record` as the code of schema v1/v2 did, to build old databases for migrations.

    Fields that got columns later (v3 story fields, v5 image) go to `extra`, as they did then.
    """
    from tests.support.pages import article_row

    row = article_row(record, seen_at=seen_at)
    for field in (*V3_FIELDS, *V5_FIELDS):
        row.pop(field, None)
    moved = (*V3_FIELDS, *V5_FIELDS)
    row["extra"] = json.dumps({field: record[field] for field in moved if field in record})
    conn.execute(
        f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})", row
    )
    links = [
        (record["url"], position, link["title"], link["url"], link["age"], link["published_at"])
        for position, link in enumerate(record.get("related") or ())
    ]
    conn.executemany("INSERT INTO related_links VALUES (?, ?, ?, ?, ?, ?)", links)
