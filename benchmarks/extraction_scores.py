"""Scoring for benchmarks/extraction.py: shingle precision/recall, the tables and the verdict."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

MIN_SITE_F1 = 0.97
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


def _means(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(
    cases: list[dict[str, Any]], outputs: dict[str, list[str]], speed: dict[str, float]
) -> dict[tuple[str, str], float]:
    """Print P/R/F1 per site and overall; return F1 by (site, system)."""
    scored = [i for i, case in enumerate(cases) if case["truth"]]
    names = list(outputs)
    print(f"{'site':15} {'n':>2} | " + " | ".join(f"{s:^17}" for s in names))
    print(f"{'':18} | " + " | ".join(["  P     R     F1 "] * len(names)))
    f1: dict[tuple[str, str], float] = {}
    for site in [*sorted({cases[i]["site"] for i in scored}), "ALL"]:
        rows = [i for i in scored if site in ("ALL", cases[i]["site"])]
        cells = []
        for name in names:
            p, r, f1[site, name] = _means(
                [precision_recall(cases[i]["truth"], outputs[name][i]) for i in rows]
            )
            cells.append(f"{p:5.3f} {r:5.3f} {f1[site, name]:5.3f}")
        print(f"{site:15} {len(rows):>2} | " + " | ".join(cells))
    print(f"{'pages/s':18} | " + " | ".join(f"{speed[s]:17.1f}" for s in names))
    return f1


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def snippets(cases: list[dict[str, Any]], outputs: dict[str, list[str]]) -> None:
    """Trafilatura with/without snippets and postlight first-13-words, per system."""
    for i, case in enumerate(cases):
        if not (case["with"] or case["first13"]):
            continue
        cells = []
        for system in outputs:
            body = _norm(outputs[system][i])
            found = sum(_norm(s) in body for s in case["with"])
            leaked = sum(_norm(s) in body for s in case["without"])
            start = _norm(case["first13"] or "")
            cells.append(
                f"with {found}/{len(case['with'])} leaked {leaked}/{len(case['without'])}"
                if case["with"]
                else f"first13 {'in' if start and start in body else 'NOT in'}"
            )
        print(f"{case['site']}/{case['name'][:20]}: " + " ; ".join(cells))


def verdict(f1: dict[tuple[str, str], float], site_keys: set[str]) -> None:
    """Issue 4's bar, on the exported table: site F1 >= 0.97, generic F1 >= trafilatura's."""
    for site in sorted(site_keys):
        if (site, "ours-site") in f1:
            ok = f1[site, "ours-site"] >= MIN_SITE_F1
            print(f"{site}: F1 {f1[site, 'ours-site']:.3f} {'PASS' if ok else 'FAIL'}")
    ours, theirs = f1["ALL", "ours-generic"], f1["ALL", "trafilatura"]
    print(f"generic {ours:.3f} vs trafilatura {theirs:.3f}: {'PASS' if ours >= theirs else 'FAIL'}")
