"""An item every feed's `item_classes` turns away reached no file: lost, never remembered."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.support.crawl import crawl_stats
from tests.test_feeds_faults import FAST, jsonl_urls, run, seen_urls

pytestmark = pytest.mark.slow


def test_items_no_feed_takes_are_lost_not_exported(tmp_path: Path) -> None:
    # A FEEDS entry filtered to another item class: the feed stays empty. Before, the run said
    # OK with 4 exported and remembered them, so no later run would ever write them.
    out = tmp_path / "out.jsonl"
    feeds = {str(out): {"format": "jsonlines", "item_classes": ["scrapy.Item"]}}
    cmd = [sys.executable, "-m", "scrapy", "runspider", "tests/support/feeds_spider.py"]
    cmd += ["-a", "count=4", "-s", "ITEM_PIPELINES={}", *FAST]
    cmd += ["-s", f"NEWSCRAWLER_SEEN_PATH={tmp_path}/seen.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_REPORT_DIR={tmp_path}/reports", "-s", f"FEEDS={json.dumps(feeds)}"]
    done = run(cmd)
    assert jsonl_urls(out) == []
    assert crawl_stats(done.stderr)["newscrawler/lost/no_feed_takes_it"] == 4
    assert seen_urls(tmp_path) == set()
    assert done.returncode != 0
    assert "Run verdict LOST" in done.stderr
