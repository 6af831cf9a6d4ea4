"""Metadata accuracy on ../shared/extraction-dev: headline, authors, date, language, lead image.

Each page goes through the spider's own chain (the site's page class, generic here, then every
pipeline of ITEM_PIPELINES) with the case's crawl time as the fetch time. Scores:

- headline: exact, whitespace collapsed; --misses marks a miss "truth disputed" where the page
  itself disagrees with the truth: the truth is the whole <title> (section and site suffixes
  kept), or the og:title (the SEO title) while the JSON-LD headline and a visible <h1>-<h3>
  heading both state ours (a breadcrumb <h1> may repeat the SEO title, as the truth does);
- authors: the list exact; "people" compares with the truth's person names only (the truth
  names the publisher, a desk or an agency as author on some pages: "mbl.is", "BR24
  Redaktion", "DPA"; issue 14 asks for people only); --misses marks a people miss "truth
  disputed" where the page's visible text shows every name of ours and none of the truth's;
- date: a truth with an offset must match to the minute, a local truth (no offset) by day;
- language: set at all, and equal to the page's <html lang> wherever it has one;
- image: a lead image URL; with a caption; with a credit.

    python benchmarks/metadata.py [--dev DIR] [--misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.extraction_systems import project_chain  # noqa: E402
from newscrawler.extract.authors import AGENCY, ROLE  # noqa: E402
from newscrawler.extract.dom import visible_texts  # noqa: E402
from newscrawler.extract.headline import clean_title, is_site, site_keys  # noqa: E402
from newscrawler.extract.language import canonical  # noqa: E402
from newscrawler.extract.page import ArticlePage  # noqa: E402
from newscrawler.sites import site_for_url  # noqa: E402
from newscrawler.spiders.base import to_item  # noqa: E402
from newscrawler.spiders.workers import extract  # noqa: E402


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def date_ok(truth: str, got: str | None) -> bool:
    if not got:
        return False
    expected, moment = datetime.fromisoformat(truth), datetime.fromisoformat(got)
    if expected.tzinfo is None:
        return expected.date() == moment.date()
    return abs((expected - moment).total_seconds()) < 60


def people(case: dict[str, Any], page: ArticlePage) -> list[str]:
    """The truth's authors without the publisher, desks and agencies."""
    keys = site_keys(
        [page.meta.get("site_name") or "", *page.jsonld.get("publisher", [])], page.url
    )
    names = case["authors"] or []
    return [
        a for a in names if not is_site(a, keys) and not ROLE.search(a) and not AGENCY.search(a)
    ]


def disputed(truth: str, got: str | None, page: ArticlePage) -> str | None:
    """Why the page disagrees with a headline truth we miss, or None when it does not."""
    got, truth = norm(got), norm(truth)
    rest = truth.removeprefix(got) if got and truth != got else ""
    if rest and re.match(r"\W", rest) and truth == norm(page.first(("title",))):
        return "the truth is the whole <title>, section and site suffix kept; the <h1> is ours"
    ld = norm(clean_title(page.jsonld.get("headline")))
    if truth == norm(clean_title(page.meta.get("headline"))) and got == ld in headings(page):
        return "the truth is the og:title; a visible heading and the JSON-LD headline state ours"
    return None


def headings(page: ArticlePage) -> set[str]:
    """The visible <h1>-<h3> texts, a space before punctuation closed ("Kicker : Headline")."""
    tags = ("h1", "h2", "h3")
    texts = (" ".join(visible_texts(h)) for h in page.selector.root.iter(*tags))
    return {re.sub(r"\s+([:;,.!?])", r"\1", norm(text)) for text in texts}


def authors_disputed(truth: list[str], got: list[str], page: ArticlePage) -> str | None:
    """Why the page disagrees with an authors truth we miss (people compared), else None."""
    body = page.selector.root.find("body")
    shown = " ".join(" ".join(visible_texts(body)).split()) if body is not None else ""
    if got and all(name in shown for name in got) and not any(n in shown for n in truth):
        return "the page shows ours and none of the truth's names"
    return None


def score(case: dict[str, Any], html: str, chain: list[Any]) -> dict[str, Any]:
    fields = extract(html, case["url"], site_for_url(case["url"]).key)[0]
    crawled = datetime.fromisoformat(case["crawled"]).replace(tzinfo=UTC).isoformat()
    if fields is None:
        return {"id": case["id"], "skipped": True}
    item: Any = to_item({**fields, "crawled_at": crawled})
    for pipeline in chain:
        item = pipeline.process_item(item)
    page = ArticlePage(html, case["url"])
    root = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    lang = re.search(r"<html[^>]*\slang=[\"']?([\w-]+)", root, re.I)
    image = item.image or {}
    return {
        "id": case["id"],
        "headline": norm(item.headline) == norm(case["headline"]),
        "disputed": disputed(case["headline"], item.headline, page),
        "authors": list(map(norm, item.authors)) == list(map(norm, case["authors"] or [])),
        "people": list(map(norm, item.authors)) == list(map(norm, people(case, page))),
        "people_disputed": authors_disputed(people(case, page), item.authors, page),
        "date": date_ok(case["published_at"], item.published_at),
        "language": bool(item.language),
        "declared": lang is None or item.language == canonical(lang.group(1)),
        "image": bool(image.get("url")),
        "caption": bool(image.get("caption")),
        "credit": bool(image.get("credit")),
        "got": {"headline": item.headline, "authors": item.authors, "date": item.published_at},
        "truth": {k: case[k] for k in ("headline", "authors", "published_at")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=REPO.parent / "shared" / "extraction-dev")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args()
    rows = []
    with project_chain() as chain:
        for line in (args.dev / "cases.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            page = gzip.decompress((args.dev / case["page"]).read_bytes())
            rows.append(score(case, page.decode("utf-8", "replace"), chain))
    scored = [row for row in rows if not row.get("skipped")]
    print(f"{len(rows)} pages, {len(rows) - len(scored)} skipped as not articles")
    keys = ("headline", "authors", "people", "date", "language", "declared", "image")
    for key in (*keys, "caption", "credit"):
        print(f"{key:10} {sum(bool(row[key]) for row in scored) / len(rows):.3f}")
    disputes = [row for row in scored if not row["headline"] and row["disputed"]]
    kept = len(scored) - len(disputes)
    print(f"headline misses where the page disputes the truth: {len(disputes)}", end="; ")
    print(f"headline without them: {sum(row['headline'] for row in scored) / kept:.3f} of {kept}")
    disputes = [row for row in scored if not row["people"] and row["people_disputed"]]
    kept = len(scored) - len(disputes)
    print(f"people misses where the page disputes the truth: {len(disputes)}", end="; ")
    print(f"people without them: {sum(row['people'] for row in scored) / kept:.3f} of {kept}")
    if args.misses:
        for row in scored:
            for key in ("headline", "people", "date"):
                if not row[key]:
                    dispute = row["disputed"] if key == "headline" else row.get(f"{key}_disputed")
                    why = f" [truth disputed: {dispute}]" if dispute else ""
                    print(f"MISS {key:8} {row['id']}{why}: {row['got']} | truth {row['truth']}")


if __name__ == "__main__":
    main()
