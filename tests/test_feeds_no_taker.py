"""Items no feed can hold: every `item_classes` turns them away, or a feed URI cannot be filled."""

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


def test_a_feed_uri_with_an_unknown_parameter_stops_the_crawl_and_spares_the_others(
    tmp_path: Path,
) -> None:
    # `-O out-%(site)s.jsonl` (meant `%(name)s`): Scrapy's KeyError escaped, that feed was never
    # written, and every item was remembered: OK, exit 0, the articles lost for good
    good = tmp_path / "good.jsonl"
    good.write_text('{"url": "kept"}\n', encoding="utf-8")
    cmd = [sys.executable, "-m", "scrapy", "runspider", "tests/support/feeds_spider.py"]
    cmd += ["-a", "count=4", "-s", "ITEM_PIPELINES={}", *FAST]
    cmd += ["-s", f"NEWSCRAWLER_SEEN_PATH={tmp_path}/seen.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_REPORT_DIR={tmp_path}/reports"]
    cmd += ["-O", str(good), "-O", str(tmp_path / "out-%(site)s.jsonl")]
    done = run(cmd)
    assert done.returncode == 5, done.stderr[-3000:]
    assert "a feed URI parameter cannot be filled (KeyError: 'site')" in done.stderr
    assert good.read_text(encoding="utf-8") == '{"url": "kept"}\n'
    assert seen_urls(tmp_path) == set()
