"""Crawl throughput: the full newscrawler crawl against a bare Scrapy spider on the same mock site.

Starts the mock news site (`python -m tests.mockserver --articles 2000`), then runs, alternately,
`scrapy crawl article -a sitemap=…` (every pipeline, JSON Lines + SQLite feeds, incremental store
on a fresh path, run report) and `scrapy runspider benchmarks/bare_spider.py` (Scrapy defaults,
outside the project), both with the same throughput settings. Pages/s = responses / the crawl's
`elapsed_time_seconds` (process start-up excluded for both). Run from the repository root:

    python benchmarks/crawl_throughput.py [--articles 2000] [--rounds 2] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.crawl import crawl_stats  # noqa: E402

GOAL = 0.85


def start_site(articles: int) -> tuple[subprocess.Popen[str], str]:
    """The mock site on a free loopback port; returns the process and its base URL."""
    cmd = [sys.executable, "-m", "tests.mockserver", "--port", "0", "--articles", str(articles)]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        raise SystemExit(f"mock site did not start: {url!r}")
    return proc, url


def common_settings(concurrency: int) -> list[str]:
    """What both crawls share: no throttling, the same concurrency, robots.txt obeyed."""
    pairs = {
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": True,
        "LOG_LEVEL": "INFO",
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
    }
    return [arg for key, value in pairs.items() for arg in ("-s", f"{key}={value}")]


def full_cmd(sitemap: str, tmp: Path, run: int) -> list[str]:
    out = tmp / f"full{run}"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"sitemap={sitemap}"]
    cmd += ["-O", f"{out}.jsonl", "-O", f"{out}.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_SEEN_PATH={out}-seen.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_STORIES_PATH={out}-stories.sqlite"]
    return cmd + ["-s", f"NEWSCRAWLER_REPORT_DIR={tmp}/reports"]


def bare_cmd(sitemap: str) -> list[str]:
    spider = str(REPO / "benchmarks" / "bare_spider.py")
    return [sys.executable, "-m", "scrapy", "runspider", spider, "-a", f"sitemap={sitemap}"]


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl(cmd: list[str], cwd: Path) -> dict[str, Any]:
    """Run one crawl; the bare one runs outside the repository, so no project settings apply."""
    env = {key: value for key, value in os.environ.items() if key != "SCRAPY_SETTINGS_MODULE"}
    cpu_before = children_cpu_s()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    cpu_s = children_cpu_s() - cpu_before
    stats = crawl_stats(done.stderr)
    if done.returncode != 0 or not stats.get("elapsed_time_seconds"):
        raise SystemExit(f"crawl failed ({done.returncode}): {done.stderr[-3000:]}")
    pages = int(stats.get("downloader/response_count", 0))
    return {
        "pages": pages,
        "items": int(stats.get("item_scraped_count", 0)),
        "seconds": float(stats["elapsed_time_seconds"]),
        "pages_per_s": pages / float(stats["elapsed_time_seconds"]),
        # CPU time of the crawl process (start-up included): less sensitive to other load.
        "cpu_ms_per_page": 1000 * cpu_s / max(pages, 1),
    }


def describe(result: dict[str, Any]) -> str:
    return (
        f"{result['pages']} pages, {result['items']} items in {result['seconds']:.1f} s"
        f" = {result['pages_per_s']:.1f} pages/s, {result['cpu_ms_per_page']:.1f} CPU ms/page"
    )


def run_rounds(
    url: str, rounds: int, concurrency: int, tmp: Path
) -> dict[str, list[dict[str, Any]]]:
    sitemap = f"{url}/sitemap.xml"
    results: dict[str, list[dict[str, Any]]] = {"bare": [], "full": []}
    for run in range(rounds):
        for kind in ("bare", "full"):  # alternated, so drift on the machine hits both alike
            cmd = bare_cmd(sitemap) if kind == "bare" else full_cmd(sitemap, tmp, run)
            result = crawl(cmd + common_settings(concurrency), tmp if kind == "bare" else REPO)
            results[kind].append(result)
            print(f"round {run + 1} {kind:4}: {describe(result)}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    proc, url = start_site(args.articles)
    try:
        with tempfile.TemporaryDirectory(prefix="newscrawler-bench-") as tmp:
            results = run_rounds(url, args.rounds, args.concurrency, Path(tmp))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    bare = statistics.mean(r["pages_per_s"] for r in results["bare"])
    full = statistics.mean(r["pages_per_s"] for r in results["full"])
    cpu = {kind: statistics.mean(r["cpu_ms_per_page"] for r in results[kind]) for kind in results}
    print(f"CPU per page: bare {cpu['bare']:.1f} ms, full {cpu['full']:.1f} ms")
    verdict = "meets" if full / bare >= GOAL else "below"
    print(f"bare {bare:.1f} pages/s, full {full:.1f} pages/s, ratio {full / bare:.2f} "
          f"({verdict} the {GOAL} goal; {os.cpu_count()} CPUs)")  # fmt: skip


if __name__ == "__main__":
    main()
