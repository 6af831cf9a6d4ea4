"""Body-extraction benchmark on ../shared/pages: ours (generic, site) against trafilatura.

Measure (scrapinghub/article-extraction-benchmark): lowercase text split on whitespace and
punctuation, 4-token shingles counted as multisets; per page precision and recall; mean precision
and mean recall over pages; F1 of the two means. Truth per page: AEB `articleBody`, or fundus
`summary` + `paragraphs`, or the Readability output for yahoo-2. Pages with snippet truth only
(trafilatura `with`/`without`) or a first-13-words truth (postlight) are reported separately.
Our body is the raw blocks joined by newlines; `ours-site+clean` also runs the cleaning
pipelines' pure functions (normalise, leading echoes, related split, boilerplate, repeats).

    python benchmarks/extraction.py [--pages DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parsel import Selector  # noqa: E402

from newscrawler.extract.fallback import trafilatura_blocks  # noqa: E402
from newscrawler.extract.page import ArticlePage  # noqa: E402
from newscrawler.sites import GENERIC, site_for_url  # noqa: E402

Extractor = Callable[[str, str], str]
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 1)))


def precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    true, pred = shingles(truth), shingles(predicted)
    hit = sum((true & pred).values())
    if not pred or not predicted.strip():
        return (1.0 if not truth.strip() else 0.0), 0.0
    return hit / sum(pred.values()), hit / max(sum(true.values()), 1)


def ours_generic(html: str, url: str) -> str:
    fields = ArticlePage(html, url).fields()
    return "\n".join(fields["body"]) if fields else ""


def ours_site(html: str, url: str) -> str:
    fields = site_for_url(url).page(html, url).fields()
    return "\n".join(fields["body"]) if fields else ""


def ours_site_cleaned(html: str, url: str) -> str:
    """Site extraction plus the cleaning pipelines' pure functions, in the pipeline order."""
    from newscrawler.text import boilerplate, dedup, echoes, normalize, related

    fields = site_for_url(url).page(html, url).fields()
    if not fields:
        return ""
    body = normalize.normalize_blocks(fields["body"]).blocks
    body = echoes.strip_leading_echoes(body, fields["headline"], fields["section"]).body
    body = related.split_related(body, None).body
    body = boilerplate.strip_boilerplate(body).body
    return "\n".join(dedup.drop_repeats(body).paragraphs)


def trafilatura_only(html: str, url: str) -> str:
    return "\n".join(trafilatura_blocks(html, url))


SYSTEMS: dict[str, Extractor] = {
    "ours-generic": ours_generic,
    "ours-site": ours_site,
    "ours-site+clean": ours_site_cleaned,
    "trafilatura": trafilatura_only,
}


def _truth(folder: Path, expected: dict[str, Any]) -> str | None:
    if expected.get("articleBody"):
        return str(expected["articleBody"])
    if isinstance(expected.get("paragraphs"), list):
        return "\n".join([*(expected.get("summary") or []), *expected["paragraphs"]])
    readability = folder / "yahoo-2" / "expected.html"
    if folder.name == "yahoo" and readability.is_file():
        return "\n".join(
            Selector(text=readability.read_text()).xpath("//p").xpath("string()").getall()
        )
    return None


def load_cases(pages: Path) -> list[dict[str, Any]]:
    """One case per page listed in an expected.json: html, url, truth, snippets, first13."""
    cases = []
    for expected_file in sorted(pages.glob("*/expected.json")):
        folder = expected_file.parent
        for name, expected in json.loads(expected_file.read_text()).items():
            html_path = folder / name
            if not html_path.is_file():
                continue
            cases.append({
                "site": folder.name,
                "name": name,
                "html": html_path.read_text(encoding="utf-8", errors="replace"),
                "url": expected.get("url") or f"https://{folder.name}.invalid/{name}",
                "truth": _truth(folder, expected),
                "with": expected.get("with") or [],
                "without": expected.get("without") or [],
                "first13": expected.get("first13"),
            })  # fmt: skip
    return cases


def run(cases: list[dict[str, Any]]) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Every system's body for every case, and each system's pages per second."""
    outputs: dict[str, list[str]] = {}
    speed: dict[str, float] = {}
    for system, extract in SYSTEMS.items():
        extract(cases[0]["html"], cases[0]["url"])  # warm-up: imports and lazy initialisation
        started = time.perf_counter()
        outputs[system] = [extract(case["html"], case["url"]) for case in cases]
        speed[system] = len(cases) / (time.perf_counter() - started)
    return outputs, speed


def _prf(pairs: list[tuple[float, float]]) -> str:
    if not pairs:
        return "    -     -     -"
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:5.3f} {r:5.3f} {f:5.3f}"


def report(
    cases: list[dict[str, Any]], outputs: dict[str, list[str]], speed: dict[str, float]
) -> None:
    scored = [i for i, case in enumerate(cases) if case["truth"]]
    sites = sorted({cases[i]["site"] for i in scored})
    header = " | ".join(f"{s:^17}" for s in SYSTEMS)
    print(
        f"{'site':14} {'n':>2} | {header}\n{'':17} | "
        + " | ".join(["  P     R     F1 "] * len(SYSTEMS))
    )
    for site in [*sites, "ALL"]:
        rows = [i for i in scored if site in ("ALL", cases[i]["site"])]
        cells = [
            _prf([precision_recall(cases[i]["truth"], outputs[s][i]) for i in rows])
            for s in SYSTEMS
        ]
        print(f"{site:14} {len(rows):>2} | " + " | ".join(cells))
    print("pages/s        " + "   | ".join(f"{speed[s]:14.1f}" for s in SYSTEMS))
    _snippets(cases, outputs)


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def _snippets(cases: list[dict[str, Any]], outputs: dict[str, list[str]]) -> None:
    """Trafilatura with/without snippets and postlight first-13-words, per system."""
    for i, case in enumerate(cases):
        if not (case["with"] or case["first13"]):
            continue
        cells = []
        for system in SYSTEMS:
            body = _norm(outputs[system][i])
            found = sum(_norm(s) in body for s in case["with"])
            leaked = sum(_norm(s) in body for s in case["without"])
            start = _norm(case["first13"] or "")
            cells.append(
                f"with {found}/{len(case['with'])} without-leaked {leaked}/{len(case['without'])}"
                if case["with"]
                else f"first13 {'in' if start and start in body else 'NOT in'} body"
            )
        print(
            f"{case['site']}/{case['name'][:24]}: "
            + " ; ".join(f"{s}: {c}" for s, c in zip(SYSTEMS, cells, strict=True))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=REPO.parent / "shared" / "pages")
    args = parser.parse_args()
    if not args.pages.is_dir():
        raise SystemExit(f"no pages at {args.pages}")
    cases = load_cases(args.pages)
    print(
        f"{len(cases)} pages, {sum(1 for c in cases if c['truth'])} with a body truth; "
        f"site classes: {sorted({site_for_url(c['url']).key for c in cases} - {GENERIC.key})}"
    )
    report(cases, *run(cases))


if __name__ == "__main__":
    main()
