"""Progress on long work: WARC replay and sitemap crawls log how far they are, every few seconds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from newscrawler.exceptions import ConfigError
from newscrawler.utils.progress import (
    Throttle,
    discovery_line,
    duration,
    progress_interval,
    replay_line,
)
from tests.support.crawl import run_scrapy

REPLAY = re.compile(
    r"WARC replay: (?P<records>\d+) records, [\d.]+ of (?P<total>[\d.]+) KB \([\d.]+%\), "
    r"[\d,]+ records/s, [\d.]+ \w+/s"
)
DISCOVERY = re.compile(r"Discovery: 30 article URLs discovered, (?P<fetched>\d+) fetched")


def test_replay_line_has_records_bytes_rates_and_time_left() -> None:
    line = replay_line(records=1200, done=100 * 1024**2, total=1000 * 1024**2, elapsed=50)
    assert line == (
        "1,200 records, 100.0 of 1000.0 MB (10.0%), 24 records/s, 2.0 MB/s, about 7m 30s left"
    )
    assert replay_line(5, 0, 0, 1.0) == "5 records, 0.0 of 0.0 bytes, 5 records/s, 0.0 bytes/s"


def test_discovery_line_and_durations() -> None:
    assert discovery_line(120, 45, 3, 10.0) == (
        "120 article URLs discovered, 45 fetched (37.5%), 3 listings read, 4.5 pages/s"
    )
    assert [duration(s) for s in (42, 187, 3720)] == ["42s", "3m 07s", "1h 02m"]


def test_throttle_is_due_once_per_interval() -> None:
    now = [0.0]
    throttle = Throttle(10, clock=lambda: now[0])
    seen = []
    for tick in range(0, 35, 5):
        now[0] = float(tick)
        seen.append(throttle.due())
    assert seen == [False, False, True, False, True, False, True]
    assert not Throttle(0, clock=lambda: 99.0).due()


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_a_bad_interval_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="NEWSCRAWLER_PROGRESS_INTERVAL"):
        progress_interval(Settings({"NEWSCRAWLER_PROGRESS_INTERVAL": value}))


@pytest.mark.slow
def test_warc_replay_logs_progress(tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    result = run_scrapy(
        "crawl", "warc", "-a", "path=data/samples/sample.warc.gz", "-O", str(out),
        "-s", "NEWSCRAWLER_PROGRESS_INTERVAL=0.000001",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [m for m in REPLAY.finditer(result.stderr)]
    assert len(lines) >= 2
    assert [int(m["records"]) for m in lines] == sorted(int(m["records"]) for m in lines)
    done = re.search(
        r"WARC replay done: (\d+) records, ([\d.]+) of ([\d.]+) KB \(100.0%\)", result.stderr
    )
    assert done is not None
    assert done[2] == done[3]
    quiet = run_scrapy(
        "crawl", "warc", "-a", "path=data/samples/sample.warc.gz", "-O", str(out),
        "-s", "NEWSCRAWLER_PROGRESS_INTERVAL=0",
    )  # fmt: skip
    assert not REPLAY.search(quiet.stderr)
    assert "WARC replay done: 17 records" in quiet.stderr


@pytest.mark.slow
def test_sitemap_crawl_logs_discovered_against_fetched(
    start_mock_site: Any, tmp_path: Path
) -> None:
    site = start_mock_site()
    result = run_scrapy(
        "crawl", "article", "-a", f"sitemap={site.url}/sitemap.xml",
        "-O", str(tmp_path / "s.jsonl"),
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSCRAWLER_PROGRESS_INTERVAL=0.000001",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    fetched = [int(m["fetched"]) for m in DISCOVERY.finditer(result.stderr)]
    assert fetched
    assert fetched == sorted(fetched)
    assert "Discovery done: 30 article URLs discovered, 30 fetched (100.0%)" in result.stderr
