"""Helpers for tests that run `scrapy crawl` in a subprocess in the repo root, as users do."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
# One entry of the pretty-printed stats dict: `{'key': value,` or ` 'key': value}`.
STAT_LINE = re.compile(r"^[{ ]'(?P<key>[^']+)': (?P<value>.*)$")


def run_scrapy(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run `python -m scrapy ARGS` in the repository root and capture its output.

    The seen-store and run reports go to a throw-away folder, so one test's exports never make
    another test's crawl skip articles, and the repository's data/ stays untouched.
    """
    with tempfile.TemporaryDirectory(prefix="newscrawler-ops-") as ops:
        isolated = ("-s", f"NEWSCRAWLER_SEEN_PATH={ops}/seen.sqlite")
        isolated += ("-s", f"NEWSCRAWLER_REPORT_DIR={ops}/reports")
        isolated += ("-s", f"NEWSCRAWLER_STORIES_PATH={ops}/stories.sqlite")
        return subprocess.run(
            [sys.executable, "-m", "scrapy", *args, *isolated],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


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
