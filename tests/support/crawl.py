"""Helpers for tests that run `scrapy crawl` in a subprocess in the repo root, as users do."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
# One entry of the pretty-printed stats dict: `{'key': value,` or ` 'key': value}`.
STAT_LINE = re.compile(r"^[{ ]'(?P<key>[^']+)': (?P<value>.*)$")


def state_settings(folder: Path | str) -> dict[str, str]:
    """Seen store, run reports and story index under `folder`: no test sees another's state."""
    return {
        "NEWSCRAWLER_SEEN_PATH": f"{folder}/seen.sqlite",
        "NEWSCRAWLER_REPORT_DIR": f"{folder}/reports",
        "NEWSCRAWLER_STORIES_PATH": f"{folder}/stories.sqlite",
    }


def setting_args(settings: Mapping[str, str]) -> list[str]:
    """`-s NAME=VALUE` for each setting."""
    return [part for name, value in settings.items() for part in ("-s", f"{name}={value}")]


def run_command(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run `command` in the repository root, its output captured as text; never raises on exit."""
    return subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
    )


def stop_process(proc: subprocess.Popen[Any], timeout: float = 10) -> None:
    """Terminate a child process if it still runs; kill it when it ignores that for `timeout`."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run_scrapy(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run `python -m scrapy ARGS` in the repository root and capture its output.

    The seen-store and run reports go to a throw-away folder, so one test's exports never make
    another test's crawl skip articles, and the repository's data/ stays untouched.
    """
    with tempfile.TemporaryDirectory(prefix="newscrawler-ops-") as ops:
        isolated = setting_args(state_settings(ops))
        return run_command([sys.executable, "-m", "scrapy", *args, *isolated], timeout)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every record of a JSON Lines feed."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def crawl_stats(stderr: str) -> dict[str, Any]:
    """The counters of a crawl log's final stats dump (datetime entries are left out)."""
    start = stderr.rfind("Dumping Scrapy stats:")
    if start < 0:
        return {}
    stats: dict[str, Any] = {}
    for line in stderr[start:].splitlines()[1:]:
        match = STAT_LINE.match(line)
        if match is None:
            break
        if "datetime." not in match["value"]:
            stats[match["key"]] = ast.literal_eval(match["value"].rstrip(",}"))
    return stats
