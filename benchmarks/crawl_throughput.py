"""Crawl throughput: the full newscrawler crawl against a bare Scrapy spider on the same mock site.

Starts the mock news site (`-m tests.support.mockserver --articles 2000`), then runs, alternately,
`scrapy crawl article -a sitemap=…` (every pipeline, JSON Lines + SQLite feeds, incremental store
and story index on fresh paths, run report, pages parsed in --workers extraction processes) and
`scrapy runspider benchmarks/bare_spider.py` (outside the project), both with the same throughput
settings, the project's CONCURRENT_ITEMS included. Pages/s = responses / the crawl's
`elapsed_time_seconds` (process start-up excluded for both); CPU ms/page counts the crawl process
and its extraction workers. --default-bare adds a bare crawl at Scrapy's CONCURRENT_ITEMS (100).
Run from the repository root:

    python benchmarks/crawl_throughput.py [--articles 2000] [--rounds 2] [--concurrency 16]
        [--workers 1] [--default-bare]
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

from tests.support.crawl import crawl_stats  # noqa: E402

GOAL = 0.85
PROJECT_CONCURRENT_ITEMS = 8  # newscrawler/settings.py; Scrapy's default is 100


def start_site(articles: int) -> tuple[subprocess.Popen[str], str]:
    """The mock site on a free loopback port; returns the process and its base URL."""
    cmd = [
        sys.executable,
        "-m",
        "tests.support.mockserver",
        "--port",
        "0",
        "--articles",
        str(articles),
    ]
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
        "CONCURRENT_ITEMS": PROJECT_CONCURRENT_ITEMS,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": True,
        "LOG_LEVEL": "INFO",
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
    }
    return [arg for key, value in pairs.items() for arg in ("-s", f"{key}={value}")]


def full_cmd(sitemap: str, tmp: Path, run: int, workers: int) -> list[str]:
    out = tmp / f"full{run}"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"sitemap={sitemap}"]
    cmd += ["-s", f"NEWSCRAWLER_EXTRACT_WORKERS={workers}"]
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


def command(kind: str, sitemap: str, args: argparse.Namespace, tmp: Path, run: int) -> list[str]:
    """One crawl of the kind: full, bare, or bare-default (Scrapy's own CONCURRENT_ITEMS)."""
    if kind == "full":
        return full_cmd(sitemap, tmp, run, args.workers) + common_settings(args.concurrency)
    cmd = bare_cmd(sitemap) + common_settings(args.concurrency)
    return cmd + ["-s", "CONCURRENT_ITEMS=100"] if kind == "bare-default" else cmd


def run_rounds(url: str, args: argparse.Namespace, tmp: Path) -> dict[str, list[dict[str, Any]]]:
    sitemap = f"{url}/sitemap.xml"
    kinds = ["bare", "full"] + (["bare-default"] if args.default_bare else [])
    results: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for run in range(args.rounds):
        for kind in kinds:  # alternated, so drift on the machine hits each alike
            cmd = command(kind, sitemap, args, tmp, run)
            result = crawl(cmd, REPO if kind == "full" else tmp)
            results[kind].append(result)
            print(f"round {run + 1} {kind:12}: {describe(result)}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="NEWSCRAWLER_EXTRACT_WORKERS")
    parser.add_argument("--default-bare", action="store_true")
    args = parser.parse_args()
    proc, url = start_site(args.articles)
    try:
        with tempfile.TemporaryDirectory(prefix="newscrawler-bench-") as tmp:
            results = run_rounds(url, args, Path(tmp))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    summarise(results)


def summarise(results: dict[str, list[dict[str, Any]]]) -> None:
    def mean(key: str) -> dict[str, float]:
        return {kind: statistics.mean(r[key] for r in runs) for kind, runs in results.items()}

    rate, cpu = mean("pages_per_s"), mean("cpu_ms_per_page")
    print("CPU per page: " + ", ".join(f"{kind} {ms:.1f} ms" for kind, ms in cpu.items()))
    full, bare = rate["full"], rate["bare"]
    verdict = "meets" if full / bare >= GOAL else "below"
    print(f"bare {bare:.1f} pages/s, full {full:.1f} pages/s, ratio {full / bare:.2f} "
          f"({verdict} the {GOAL} goal; {os.cpu_count()} CPUs)")  # fmt: skip
    if "bare-default" in rate:
        other = rate["bare-default"]
        print(f"bare at CONCURRENT_ITEMS=100 {other:.1f} pages/s: full/that {full / other:.2f}")


if __name__ == "__main__":
    main()
