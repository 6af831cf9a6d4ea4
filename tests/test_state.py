"""State where operators expect it: NEWSCRAWLER_STATE_DIR, the project's data/, N reports kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newscrawler.addons import anchor
from newscrawler.exceptions import ConfigError
from newscrawler.extensions.report import RunReport
from newscrawler.utils.state import prune_reports, reports_keep, state_dir, state_path
from tests.support.crawl import REPO

SAMPLE = REPO / "data" / "samples" / "sample.warc.gz"


def project(tmp_path: Path) -> Path:
    """A project folder: its scrapy.cfg (the repository's) and an empty scripts/ below it."""
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scrapy.cfg", root / "scrapy.cfg")
    return root


def test_default_is_data_beside_scrapy_cfg_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(root / "scripts")
    settings = Settings()
    assert state_dir(settings) == root / "data"
    assert state_path(settings, "NEWSCRAWLER_SEEN_PATH", "seen.sqlite") == str(
        root / "data" / "seen.sqlite"
    )
    assert anchor("data/%(name)s.jsonl", root) == str(root / "data/%(name)s.jsonl")
    assert anchor("s3://bucket/x.jsonl", root) == "s3://bucket/x.jsonl"


def test_without_scrapy_cfg_data_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # like a scrapyd job's working directory
    assert state_dir(Settings()) == tmp_path / "data"


def test_the_setting_wins_and_explicit_paths_stay_as_given(tmp_path: Path) -> None:
    settings = Settings({"NEWSCRAWLER_STATE_DIR": str(tmp_path), "NEWSCRAWLER_SEEN_PATH": "s.db"})
    assert state_path(settings, "NEWSCRAWLER_STORIES_PATH", "stories.sqlite") == str(
        tmp_path / "stories.sqlite"
    )
    assert state_path(settings, "NEWSCRAWLER_SEEN_PATH", "seen.sqlite") == "s.db"


def test_reports_are_kept_to_the_configured_number(tmp_path: Path) -> None:
    settings = {"NEWSCRAWLER_STATE_DIR": str(tmp_path), "NEWSCRAWLER_REPORTS_KEEP": 2}
    crawler = get_crawler(settings_dict=settings)
    ext = RunReport.from_crawler(crawler)
    crawler.stats.open_spider()
    other = tmp_path / "reports" / "apnews-live-2026-01-01T00-00-00+00-00.json"
    other.parent.mkdir()
    other.write_text("{}")  # another spider's report: never this spider's to prune
    start = datetime(2026, 1, 2, tzinfo=UTC)
    for minute in range(4):
        crawler.stats.set_value("start_time", start + timedelta(minutes=minute))
        ext.close("apnews", "finished")
    kept = sorted(p.name for p in (tmp_path / "reports").glob("apnews-2*.json"))
    assert kept == [
        "apnews-2026-01-02T00-02-00+00-00.json",
        "apnews-2026-01-02T00-03-00+00-00.json",
    ]
    assert other.exists()
    assert prune_reports(tmp_path / "reports", "apnews", 0) == 0


@pytest.mark.parametrize("value", ["-1", "many"])
def test_a_bad_reports_keep_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError, match="NEWSCRAWLER_REPORTS_KEEP"):
        reports_keep(Settings({"NEWSCRAWLER_REPORTS_KEEP": value}))


@pytest.mark.slow
def test_a_crawl_started_from_scripts_keeps_state_in_the_project_data(tmp_path: Path) -> None:
    root = project(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "scrapy", "crawl", "warc", "-a", f"path={SAMPLE}"]
    result = subprocess.run(
        command, cwd=root / "scripts", env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (root / "scripts" / "data").exists()
    data = root / "data"
    assert (data / "seen.sqlite").is_file()
    assert (data / "stories.sqlite").is_file()
    assert len(list((data / "reports").glob("warc-*.json"))) == 1
    assert len(list((data / "warc").glob("warc-*.jsonl"))) == 1  # the default feed too
