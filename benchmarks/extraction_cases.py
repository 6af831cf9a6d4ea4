"""Benchmark cases: ../shared/extraction-dev (cases.jsonl) and ../shared/pages (expected.json)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from parsel import Selector


def dev_cases(folder: Path) -> list[dict[str, Any]]:
    """One case per line of extraction-dev's cases.jsonl; the truth body is its `body` blocks."""
    cases = []
    for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        html = gzip.decompress((folder / row["page"]).read_bytes()).decode("utf-8", "replace")
        cases.append({
            "site": row["id"].split("/")[0], "name": row["id"], "html": html, "url": row["url"],
            "crawled": row["crawled"], "truth": "\n".join(row["body"]),
            "headline": row["headline"], "authors": row["authors"],
            "published_at": row["published_at"], "with": [], "without": [], "first13": None,
        })  # fmt: skip
    return cases


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


def page_cases(pages: Path) -> list[dict[str, Any]]:
    """One case per page listed in an expected.json (fundus truths carry headline/authors/date)."""
    cases = []
    for expected_file in sorted(pages.glob("*/expected.json")):
        folder = expected_file.parent
        for name, expected in json.loads(expected_file.read_text()).items():
            html_path = folder / name
            if not html_path.is_file():
                continue
            cases.append({
                "site": folder.name, "name": name,
                "html": html_path.read_text(encoding="utf-8", errors="replace"),
                "url": expected.get("url") or f"https://{folder.name}.invalid/{name}",
                "crawled": expected.get("crawl_date"), "truth": _truth(folder, expected),
                "headline": expected.get("title") if "paragraphs" in expected else None,
                "authors": expected.get("authors"), "published_at": expected.get("publishing_date"),
                "with": expected.get("with") or [], "without": expected.get("without") or [],
                "first13": expected.get("first13"),
            })  # fmt: skip
    return cases


def load_cases(pages: Path) -> list[dict[str, Any]]:
    """The cases of either layout (a folder with cases.jsonl is extraction-dev's)."""
    return dev_cases(pages) if (pages / "cases.jsonl").is_file() else page_cases(pages)
