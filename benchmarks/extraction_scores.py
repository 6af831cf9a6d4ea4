"""Scoring for benchmarks/extraction.py: body shingle P/R/F1, metadata accuracy, the tables."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime
from typing import Any

MIN_SITE_F1 = 0.97
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# extraction-dev's README: a CJK character is one token; elsewhere runs of word characters.
_TOKEN = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
_QUOTES = str.maketrans("‘’‚‛“”„‟«»–—", '\'\'\'\'""""""--')


# Invisible characters: a soft hyphen (Morgunbladid's truth keeps them inside words) or a zero-
# width space splits no word a reader sees; dropped from truth and output alike.
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower().translate(_INVISIBLE))
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 1)))


def precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    true, pred = shingles(truth), shingles(predicted)
    hit = sum((true & pred).values())
    if not pred or not predicted.strip():
        return (1.0 if not truth.strip() else 0.0), 0.0
    return hit / sum(pred.values()), hit / max(sum(true.values()), 1)


def prf(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and the F1 of the two means."""
    p = sum(x for x, _ in pairs) / max(len(pairs), 1)
    r = sum(y for _, y in pairs) / max(len(pairs), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


def headline_ok(truth: str, found: str | None) -> bool:
    """Exact after Unicode, quote-kind, case and whitespace normalisation."""
    return bool(found) and _norm(truth) == _norm(found or "")


def authors_ok(truth: list[str], found: list[str]) -> bool:
    """The same set of names (normalised as headlines); no names on both sides counts too."""
    return {_norm(a) for a in truth} == {_norm(a) for a in found}


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def date_ok(truth: str, found: str | None) -> bool:
    """The same instant within a minute when both carry an offset and a time; else the day."""
    expected, got = _moment(truth), _moment(found or "")
    if expected is None or got is None:
        return False
    if expected.tzinfo and got.tzinfo and len((found or "").strip()) > 10:
        return abs((expected - got).total_seconds()) < 60
    if got.tzinfo and expected.tzinfo:  # a day-only answer: the day as the truth's zone sees it
        return got.astimezone(expected.tzinfo).date() == expected.date()
    return got.date() == expected.date()


def accuracy(cases: list[dict[str, Any]], records: list[dict[str, Any] | None]) -> dict[str, str]:
    """Headline, authors, date accuracy over the cases with that truth; language coverage."""
    checks = {"headline": headline_ok, "authors": authors_ok, "date": date_ok}
    keys = {"headline": "headline", "authors": "authors", "date": "published_at"}
    out: dict[str, str] = {}
    for name, check in checks.items():
        rows = [(c, r) for c, r in zip(cases, records, strict=True) if c.get(keys[name])]
        good = sum(bool(r) and check(c[keys[name]], (r or {}).get(name)) for c, r in rows)
        out[name] = f"{good / len(rows):.3f}" if rows else "-"
    languages = sum(bool(r and r.get("language")) for r in records)
    out["language"] = f"{languages / max(len(records), 1):.3f}"
    return out


def site_f1(
    cases: list[dict[str, Any]], texts: list[str], by_site: bool
) -> dict[str, tuple[float, float, float]]:
    """P, R, F1 per site (when by_site) and over ALL, on the cases with a body truth."""
    scored = [i for i, case in enumerate(cases) if case["truth"]]
    sites = sorted({cases[i]["site"] for i in scored}) if by_site else []
    out = {}
    for site in [*sites, "ALL"]:
        rows = [i for i in scored if site in ("ALL", cases[i]["site"])]
        out[site] = prf([precision_recall(cases[i]["truth"], texts[i]) for i in rows])
    return out


def snippets(cases: list[dict[str, Any]], texts: dict[str, list[str]]) -> None:
    """Trafilatura with/without snippets and postlight first-13-words, per system."""
    for i, case in enumerate(cases):
        if not (case["with"] or case["first13"]):
            continue
        cells = []
        for system in texts:
            body = " ".join(_TOKEN.findall(texts[system][i].lower()))
            norm = [" ".join(_TOKEN.findall(s.lower())) for s in (*case["with"], *case["without"])]
            found = sum(s in body for s in norm[: len(case["with"])])
            leaked = sum(s in body for s in norm[len(case["with"]) :])
            start = " ".join(_TOKEN.findall((case["first13"] or "").lower()))
            cells.append(
                f"with {found}/{len(case['with'])} leaked {leaked}/{len(case['without'])}"
                if case["with"]
                else f"first13 {'in' if start and start in body else 'NOT in'}"
            )
        print(f"  {case['site']}/{case['name'][:20]}: " + " ; ".join(cells))
