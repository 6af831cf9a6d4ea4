"""Print a stored page's exported record for review, and write it as a golden case when asked.

    python scripts/golden.py SITE PAGE [--url URL] [--fetched-at ISO] [--write]

PAGE is relative to ../shared/pages (`apnews/APNews_2024_09_03.html`). URL and fetch time come
from the folder's expected.json / meta.info when present (fundus pages); pass them otherwise.
Without --write the record and the ground truth (headline, authors, date, first and last
paragraph) are printed side by side; check them by hand, then rerun with --write to store
tests/golden/SITE/<case>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_sites_golden import FIELDS, GOLDEN, SHARED_PAGES, record_for  # noqa: E402


def truth_of(page: Path) -> dict[str, Any]:
    """The page's entry in expected.json, with crawl_date filled from meta.info if needed."""
    expected = json.loads((page.parent / "expected.json").read_text()).get(page.name, {})
    for info in page.parent.glob("meta.info"):
        crawl = json.loads(info.read_text()).get(page.name + ".gz", {})
        expected.setdefault("crawl_date", crawl.get("crawl_date"))
    return dict(expected)


def case_name(page: Path) -> str:
    """File stem; hash-named benchmark pages keep their first 12 hex digits."""
    stem = page.stem
    return stem[:12] if len(stem) == 64 else stem.replace(".", "_")


def inputs(page: Path, args: argparse.Namespace, truth: dict[str, Any]) -> dict[str, str]:
    url = args.url or truth.get("url")
    fetched = args.fetched_at or truth.get("crawl_date")
    if not (url and fetched):
        raise SystemExit("no url or crawl date in expected.json/meta.info: pass --url/--fetched-at")
    fetched = fetched.replace(" ", "T")
    return {
        "page": args.page,
        "url": url,
        "fetched_at": fetched + ("" if "+" in fetched else "+00:00"),
    }


def review(record: dict[str, Any], truth: dict[str, Any]) -> None:
    body = record["body"]
    paragraphs = truth.get("paragraphs") or []
    truth_body = truth.get("articleBody") or ""
    rows = [
        ("headline", record["headline"], truth.get("title")),
        ("authors", record["authors"], truth.get("authors") or truth.get("author")),
        ("agency", record["agency"], truth.get("wire")),
        (
            "published_at",
            record["published_at"],
            truth.get("publishing_date") or truth.get("date_published") or truth.get("date"),
        ),
        ("dateline", record["dateline"], None),
        ("first", body[0] if body else None, paragraphs[0] if paragraphs else truth_body[:300]),
        ("last", body[-1] if body else None, paragraphs[-1] if paragraphs else truth_body[-300:]),
    ]
    for name, ours, theirs in rows:
        print(f"{name:12} ours : {ours!r}\n{'':12} truth: {theirs!r}")
    counts = f"{len(body)} paragraphs, {record['word_count']} words"
    print(f"{'':12} {counts}, {len(record['related'])} related")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("page")
    parser.add_argument("--url")
    parser.add_argument("--fetched-at")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    page = SHARED_PAGES / args.page
    truth = truth_of(page)
    given = inputs(page, args, truth)
    record = record_for(page, given["url"], given["fetched_at"])
    review(record, truth)
    if args.write:
        target = GOLDEN / args.site / f"{case_name(page)}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        golden = {"input": given, "expected": {field: record[field] for field in sorted(FIELDS)}}
        target.write_text(json.dumps(golden, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
