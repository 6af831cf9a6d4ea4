"""Extraction benchmark: newscrawler against trafilatura and readability-lxml, side by side.

Two page sets apart: ../shared/extraction-dev (97 pages of sites with no site class) and
../shared/pages (38 wire/portal pages; newscrawler with its site classes and, apart, the generic
page class on every page). Body: 4-token shingle precision and recall per page (a CJK character
is one token), F1 of mean P and mean R (the article-extraction benchmark's measure). Headline,
authors and date: accuracy over the pages whose truth has them (benchmarks/extraction_scores.py
says how each compares); language: share of pages with a language. CPU ms per page
(process time) of each system, newscrawler's including all the cleaning pipelines; dropped:
pages with no body text (for newscrawler: skipped as not an article or dropped by a pipeline).

    python benchmarks/extraction.py [--dev DIR] [--pages DIR] [--sites]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import extraction_systems as systems  # noqa: E402
from benchmarks.extraction_cases import load_cases  # noqa: E402
from benchmarks.extraction_scores import MIN_SITE_F1, accuracy, site_f1, snippets  # noqa: E402
from newscrawler.sites import GENERIC, site_for_url  # noqa: E402

HEADER = f"{'system':24} {'P':>6} {'R':>6} {'F1':>6} | {'headl':>6} {'auth':>6} {'date':>6} "
HEADER += f"{'lang':>6} | {'CPU ms':>7} {'dropped':>7}"


def _systems(chain: list[Any], with_generic: bool) -> dict[str, systems.System]:
    found: dict[str, systems.System] = {"newscrawler": systems.newscrawler(chain)}
    if with_generic:
        found["newscrawler (generic)"] = systems.newscrawler(chain, generic=True)
    found["trafilatura"] = systems.trafilatura_extract
    found["readability-lxml"] = systems.readability_lxml
    return found


def report(name: str, cases: list[dict[str, Any]], chain: list[Any], by_site: bool) -> None:
    """One table for one page set; per-site F1 and snippet checks for ../shared/pages."""
    print(f"\n## {name}: {len(cases)} pages, {sum(bool(c['truth']) for c in cases)} with a body")
    print(HEADER)
    per_site: dict[str, dict[str, tuple[float, float, float]]] = {}
    texts: dict[str, list[str]] = {}
    for label, system in _systems(chain, by_site).items():
        results, ms = systems.run(cases, system)
        texts[label] = [text for text, _ in results]
        records = [record for _, record in results]
        if label == "trafilatura":
            records = [systems.trafilatura_meta(case) for case in cases]
        per_site[label] = site_f1(cases, texts[label], by_site)
        p, r, f1 = per_site[label]["ALL"]
        acc = accuracy(cases, records)
        cells = " ".join(f"{acc[k]:>6}" for k in ("headline", "authors", "date", "language"))
        dropped = sum(not text.strip() for text in texts[label])  # skipped or empty
        print(f"{label:24} {p:6.3f} {r:6.3f} {f1:6.3f} | {cells} | {ms:7.1f} {dropped:7}")
    if by_site:
        _site_table(cases, per_site)
        snippets(cases, texts)


def _site_table(
    cases: list[dict[str, Any]], per_site: dict[str, dict[str, tuple[float, float, float]]]
) -> None:
    keys = {c["site"]: site_for_url(c["url"]).key for c in cases}
    print(f"\n{'site (F1)':16} " + " ".join(f"{label[:22]:>22}" for label in per_site))
    for site in per_site["newscrawler"]:
        row = " ".join(f"{per_site[label][site][2]:22.3f}" for label in per_site)
        mark = ""
        if keys.get(site, GENERIC.key) != GENERIC.key:
            mark = " PASS" if per_site["newscrawler"][site][2] >= MIN_SITE_F1 else " FAIL"
        print(f"{site:16} {row}{mark}")


def main() -> None:
    dirs = systems.default_dirs(REPO)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=dirs["extraction-dev"])
    parser.add_argument("--pages", type=Path, default=dirs["pages"])
    args = parser.parse_args()
    with systems.project_chain() as chain:
        for name, folder, by_site in (("extraction-dev", args.dev, False),
                                      ("pages", args.pages, True)):  # fmt: skip
            if not folder.is_dir():
                print(f"\n## {name}: no pages at {folder} (skipped)")
                continue
            report(name, load_cases(folder), chain, by_site)


if __name__ == "__main__":
    main()
