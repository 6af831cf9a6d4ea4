"""Input bounds: peak RSS and event-loop lag of real crawls fed hostile input.

Cases (each a `scrapy crawl` subprocess; peak RSS is its ru_maxrss from wait4):
  sitemap   a 200,000-URL sitemap from the mock site (every URL enqueued; the crawl is stopped
            by CLOSESPIDER_TIMEOUT once they are: the queue is the peak)
  sitemap-read  the same sitemap listing another host: every entry read and counted offsite
  warc      a .warc.gz holding a 300 MB HTML record, a 1 GiB record (in ~1 MB compressed) and
            one good article, replayed
  clean     the page case without the huge page: the baseline lag of the same crawl
  page      the mock site's 30 articles with /article/1 a 12 MB page of 1M paragraphs; the
            loop-lag probe (benchmarks/looplag.py) gives the worst event-loop block
--repo DIR runs the crawls from another checkout (e.g. `git archive <commit> | tar -x -C DIR`)
to measure the code before the bounds; the mock site and the WARC always come from this one.
Run from the repository root:

    nice -n 10 python benchmarks/bounds.py [--cases sitemap,sitemap-read,warc,page,clean]
        [--repo DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.crawl_throughput import start_site  # noqa: E402
from tests.support.crawl import crawl_stats  # noqa: E402
from tests.support.warcs import Repeated, response, sample_articles  # noqa: E402

MB = 1000 * 1000
SKIPPED = "newscrawler/skipped"
EXTENSIONS = {"newscrawler.extensions.report.RunReport": 500, "benchmarks.looplag.LoopLag": 0}


def crawl(repo: Path, work: Path, *args: str, **settings: Any) -> dict[str, Any]:
    """Run `scrapy ARGS` from `repo`; peak RSS (MB), exit status and the final stats."""
    options = {
        "NEWSCRAWLER_SEEN_PATH": work / "seen.sqlite",
        "NEWSCRAWLER_STORIES_PATH": work / "stories.sqlite",
        "NEWSCRAWLER_REPORT_DIR": work / "reports",
        "EXTENSIONS": json.dumps(EXTENSIONS),
        "AUTOTHROTTLE_ENABLED": "False",
        **settings,
    }
    pairs = [part for key, value in options.items() for part in ("-s", f"{key}={value}")]
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # benchmarks.looplag; `repo` comes first
    cmd = [sys.executable, "-m", "scrapy", *args, *pairs]
    with (work / "log.txt").open("w+") as log:
        proc = subprocess.Popen(cmd, cwd=repo, stderr=log, stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    return {"rss_mb": usage.ru_maxrss // 1024, "rc": proc.returncode, "cpu_s": round(
        usage.ru_utime + usage.ru_stime, 1), "tracebacks": text.count("Traceback"),
        "stats": crawl_stats(text)}  # fmt: skip


def picked(stats: dict[str, Any], *prefixes: str) -> dict[str, Any]:
    return {k: v for k, v in stats.items() if k.startswith(prefixes)}


def sitemap_case(repo: Path, work: Path, host: str = "") -> dict[str, Any]:
    proc, base = start_site(30)
    query = f"n=200000&host={host}" if host else "n=200000"
    try:
        result = crawl(repo, work, "crawl", "article", "-a",
                       f"sitemap={base}/sitemap-big.xml?{query}", "-O", str(work / "o.jsonl"),
                       CLOSESPIDER_TIMEOUT=90, ROBOTSTXT_OBEY="False")  # fmt: skip
    finally:
        proc.kill()
        proc.wait()
    stats = result.pop("stats")
    watched = ("scheduler/enqueued", SKIPPED, "benchmark/", "newscrawler/spider/offsite_entry")
    return {**result, **picked(stats, *watched)}


def sitemap_read_case(repo: Path, work: Path) -> dict[str, Any]:
    """The same sitemap listing another host: all 200,000 entries read, none fetched."""
    return sitemap_case(repo, work, host="http://elsewhere.invalid")


def build_warc(path: Path) -> None:
    page = b"<p>" + b"A paragraph of a page far too large to be an article. " * 4 + b"</p>\n"
    url, html = sample_articles()[0]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        response(
            writer, "https://indialife.us/huge-html", Repeated(300 * MB, page), length=300 * MB
        )
        response(writer, "https://indialife.us/huge-zeros", Repeated(1 << 30), length=1 << 30)
        response(writer, url, html)


def warc_case(repo: Path, work: Path) -> dict[str, Any]:
    warc = work / "huge.warc.gz"
    build_warc(warc)
    result = crawl(repo, work, "crawl", "warc", "-a", f"path={warc}", "-O", str(work / "o.jsonl"))
    stats = result.pop("stats")
    result.update(warc_mb=round(warc.stat().st_size / MB, 1), finish=stats.get("finish_reason"))
    return {**result, "items": stats.get("item_scraped_count", 0), **picked(stats, SKIPPED)}


def page_case(repo: Path, work: Path, faults: dict[str, str] | None = None) -> dict[str, Any]:
    proc, base = start_site_with({"/article/1": "hugepage:12000000"} if faults is None else faults)
    try:
        result = crawl(repo, work, "crawl", "article", "-a", f"sitemap={base}/sitemap.xml",
                       "-O", str(work / "o.jsonl"), DOWNLOAD_TIMEOUT=10)  # fmt: skip
    finally:
        proc.kill()
        proc.wait()
    stats = result.pop("stats")
    watched = (SKIPPED, "benchmark/", "retry/", "downloader/exception_type")
    return {**result, "items": stats.get("item_scraped_count", 0), **picked(stats, *watched)}


def start_site_with(faults: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "tests.support.mockserver", "--port", "0", "--faults",
           json.dumps(faults)]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def clean_case(repo: Path, work: Path) -> dict[str, Any]:
    """The page case without the huge page: the lag every crawl has (first-page imports)."""
    return page_case(repo, work, faults={})


CASES = {
    "sitemap": sitemap_case,
    "sitemap-read": sitemap_read_case,
    "warc": warc_case,
    "page": page_case,
    "clean": clean_case,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--repo", type=Path, default=REPO)
    args = parser.parse_args()
    for name in args.cases.split(","):
        with tempfile.TemporaryDirectory(prefix=f"bounds-{name}-") as work:
            print(name, json.dumps(CASES[name](args.repo.resolve(), Path(work))), flush=True)


if __name__ == "__main__":
    main()
