"""Per-page cost on ../shared/pages: newscrawler extraction + cleaning against trafilatura alone.

`ours` is what a crawl does per page after the download: `item_from_response` (site page class
or generic extraction) on an HtmlResponse, then every pipeline of ITEM_PIPELINES built from the
project settings. `trafilatura` is `trafilatura.extract(html, url=url)` with its defaults.
CPU time (process time), so other load on the machine does not count; rounds alternate the
two and the best round counts. Accuracy on the same pages: benchmarks/extraction.py. Either
page set (a folder with cases.jsonl is extraction-dev's). Run from the repository root:

    python benchmarks/page_cost.py [--pages ../shared/pages] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import trafilatura  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.http import HtmlResponse, Request  # noqa: E402

from benchmarks.extraction_cases import load_cases  # noqa: E402
from newscrawler.spiders.base import item_from_response  # noqa: E402
from tests.support.pipeline_chain import pipeline_chain, project_crawler  # noqa: E402

LABELS = {
    "ours: extraction": "extract",
    "ours: cleaning (pipelines)": "clean",
    "ours: extraction + cleaning": "ours",
    "trafilatura.extract alone": "trafilatura",
}
FETCHED = "Sat, 26 Jul 2025 12:00:00 GMT"  # a fixed Date header: relative ages resolve the same


def responses(cases: list[dict[str, Any]]) -> list[HtmlResponse]:
    """The pages as a crawl hands them to the spider (built outside the timed part)."""
    return [
        HtmlResponse(
            case["url"], body=case["html"].encode("utf-8"), encoding="utf-8",
            request=Request(case["url"]),
            headers={"Content-Type": "text/html; charset=utf-8", "Date": FETCHED},
        )
        for case in cases
    ]  # fmt: skip


def ours(pages: list[HtmlResponse], chain: list[Any]) -> tuple[float, float, int]:
    """Seconds in extraction, seconds in the pipelines, and how many items survived them."""
    extract_s = clean_s = 0.0
    kept = 0
    for response in pages:
        started = time.process_time()
        item = item_from_response(response)
        extract_s += time.process_time() - started
        started = time.process_time()
        try:
            for pipeline in chain:
                item = pipeline.process_item(item) if item is not None else None
            kept += item is not None
        except DropItem:
            pass  # a dropped page costs what it cost; drops are counted by the crawl, not here
        clean_s += time.process_time() - started
    return extract_s, clean_s, kept


def trafilatura_alone(cases: list[dict[str, Any]]) -> float:
    started = time.process_time()
    for case in cases:
        trafilatura.extract(case["html"], url=case["url"])
    return time.process_time() - started


def per_page(seconds: list[float], pages: int) -> str:
    """Best round's ms/page, and the median round's for spread."""
    best, median = min(seconds), statistics.median(seconds)
    return f"{1000 * best / pages:6.2f} ms/page (median round {1000 * median / pages:.2f})"


def run(cases: list[dict[str, Any]], rounds: int) -> dict[str, list[float]]:
    pages, chain = responses(cases), pipeline_chain(project_crawler())
    ours(pages[:3], chain)  # warm-up: imports, compiled patterns, dateparser's lazy data
    trafilatura_alone(cases[:3])
    times: dict[str, list[float]] = {"extract": [], "clean": [], "ours": [], "trafilatura": []}
    for _ in range(rounds):
        extract_s, clean_s, _kept = ours(pages, chain)
        times["extract"].append(extract_s)
        times["clean"].append(clean_s)
        times["ours"].append(extract_s + clean_s)
        times["trafilatura"].append(trafilatura_alone(cases))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=REPO.parent / "shared" / "pages")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not args.pages.is_dir():
        raise SystemExit(f"no pages at {args.pages}")
    cases = load_cases(args.pages)
    times = run(cases, args.rounds)
    print(f"{len(cases)} pages, {args.rounds} rounds, best round per system")
    for label, key in LABELS.items():
        print(f"{label:28} {per_page(times[key], len(cases))}")
    print(f"{'ratio ours / trafilatura':28} {min(times['ours']) / min(times['trafilatura']):.2f}")


if __name__ == "__main__":
    main()
