"""Redis going away under a running `redis_article` worker: the worker ends, with a verdict."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import redis

from newscrawler.utils.seeds import encode_seed
from tests.test_redis_distributed import start_redis_server

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_a_worker_whose_redis_dies_stops_with_a_verdict(
    start_mock_site: Callable[..., Any], tmp_path: Path
) -> None:
    # Before: a ConnectionError traceback on every turn of the engine's loop, for ever; under
    # scrapyd the job held its slot with no verdict
    site = start_mock_site(articles=30)
    server, url = start_redis_server()
    client = redis.Redis.from_url(url)
    client.rpush("redis_article:start_urls", encode_seed(f"{site.url}/sitemap.xml", "sitemap"))
    client.close()
    cmd = [sys.executable, "-m", "scrapy", "crawl", "redis_article", "-O", f"{tmp_path}/out.jsonl"]
    cmd += ["-s", f"NEWSCRAWLER_REDIS_URL={url}", "-s", "AUTOTHROTTLE_ENABLED=False"]
    cmd += ["-s", "DOWNLOAD_DELAY=0.5", "-s", "MAX_IDLE_TIME_BEFORE_CLOSE=3"]
    cmd += ["-s", f"NEWSCRAWLER_STATE_DIR={tmp_path}/state"]
    with (tmp_path / "worker.log").open("w") as log:
        worker = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log, text=True)
        try:
            time.sleep(5)
            server.terminate()
            server.wait(timeout=10)
            code = worker.wait(timeout=90)
        finally:
            if worker.poll() is None:
                worker.kill()
            if server.poll() is None:
                server.kill()
    text = (tmp_path / "worker.log").read_text()
    assert code != 0, text[-3000:]
    assert "finish_reason=redis_unreachable" in text
    assert "Run verdict" in text
    assert text.count("Redis does not answer") <= 5  # one line per poll, not one per loop turn
