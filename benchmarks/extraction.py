"""Body-extraction benchmark on ../shared/pages: ours (generic, site) against trafilatura.

Measure (scrapinghub/article-extraction-benchmark): lowercase text split on whitespace and
punctuation, 4-token shingles counted as multisets; per page precision and recall; mean precision
and mean recall over pages; F1 of the two means. Truth per page: AEB `articleBody`, or fundus
`summary` + `paragraphs`, or the Readability output for yahoo-2. Pages with snippet truth only
(trafilatura `with`/`without`) or a first-13-words truth (postlight) are reported separately.
Two tables. "Extraction": the raw body blocks joined by newlines, for our generic page class on
every page, our site classes, and trafilatura. "As exported": each system's item goes through the
project's real pipeline chain (ITEM_PIPELINES, the same one the spiders use), and the exported
text is the dateline cut from the body (place, date, agency: the tokens the body lost) and the
clean body; a dropped item scores 0. trafilatura gets the same chain (its blocks in our item), so
product decisions (copyright lines, glued " PTI" tags) cost every system alike.

    python benchmarks/extraction.py [--pages DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parsel import Selector  # noqa: E402

from benchmarks.extraction_scores import snippets, table, verdict  # noqa: E402
from newscrawler.extract.fallback import trafilatura_blocks  # noqa: E402
from newscrawler.extract.page import ArticlePage  # noqa: E402
from newscrawler.sites import GENERIC, site_for_url  # noqa: E402

Extractor = Callable[[str, str], str]


def _fields(html: str, url: str, *, generic: bool = False) -> dict[str, Any] | None:
    page = ArticlePage if generic else site_for_url(url).page
    return page(html, url).fields()


def _joined(fields: dict[str, Any] | None) -> str:
    return "\n".join(fields["body"]) if fields else ""


def _chain(store_dir: str) -> list[Any]:
    """The project's pipelines, built on a test crawler with the project settings.

    The story store goes to `store_dir`: a benchmark run must not grow (or trip over) the
    crawler's own data/stories.sqlite; story ids never change the scored text.
    """
    from scrapy.utils.misc import build_from_crawler, load_object
    from scrapy.utils.test import get_crawler

    import newscrawler.settings as project

    settings = {name: getattr(project, name) for name in dir(project) if name.isupper()}
    settings["NEWSCRAWLER_STORIES_PATH"] = str(Path(store_dir) / "stories.sqlite")
    ordered = sorted(settings["ITEM_PIPELINES"].items(), key=lambda entry: entry[1])
    crawler = get_crawler(settings_dict=settings)
    return [build_from_crawler(load_object(path), crawler) for path, _ in ordered]


def exported(fields: dict[str, Any] | None, body: list[str] | None = None) -> str:
    """The dateline tokens and clean body of the exported record ("" when it is dropped)."""
    from scrapy.exceptions import DropItem

    from newscrawler.spiders.base import to_item

    if not fields:
        return ""
    item: Any = to_item({**fields, "body": body if body is not None else fields["body"]})
    try:
        for pipeline in CHAIN:
            item = pipeline.process_item(item)
    except DropItem:
        return ""
    # Only a dateline cut from the body gives its tokens back (Deccan Herald's comes from the
    # byline: the body never had it).
    dateline = (item.dateline or {}) if (item.cleaning or {}).get("dateline") else {}
    lead = " ".join(v for v in (dateline.get(k) for k in ("place", "date", "agency")) if v)
    return "\n".join([lead, *item.body] if lead else item.body)


CHAIN: list[Any] = []


# Raw blocks: our generic page class everywhere, our site classes, trafilatura alone.
SYSTEMS: dict[str, Extractor] = {
    "ours-generic": lambda html, url: _joined(_fields(html, url, generic=True)),
    "ours-site": lambda html, url: _joined(_fields(html, url)),
    "trafilatura": lambda html, url: "\n".join(trafilatura_blocks(html, url)),
}
# Exported: the same, through the pipeline chain; trafilatura's blocks go into our item so the
# metadata-driven cleaning (leading echoes, datelines) applies to it too.
EXPORTED: dict[str, Extractor] = {
    "ours-generic": lambda html, url: exported(_fields(html, url, generic=True)),
    "ours-site": lambda html, url: exported(_fields(html, url)),
    "trafilatura": lambda html, url: exported(_fields(html, url), trafilatura_blocks(html, url)),
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


def run(
    cases: list[dict[str, Any]], systems: dict[str, Extractor]
) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Every system's text for every case, and each system's pages per second."""
    outputs: dict[str, list[str]] = {}
    speed: dict[str, float] = {}
    for system, extract in systems.items():
        extract(cases[0]["html"], cases[0]["url"])  # warm-up: imports and lazy initialisation
        started = time.perf_counter()
        outputs[system] = [extract(case["html"], case["url"]) for case in cases]
        speed[system] = len(cases) / (time.perf_counter() - started)
    return outputs, speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=REPO.parent / "shared" / "pages")
    args = parser.parse_args()
    if not args.pages.is_dir():
        raise SystemExit(f"no pages at {args.pages}")
    cases = load_cases(args.pages)
    site_keys = {site_for_url(c["url"]).key for c in cases} - {GENERIC.key}
    scored = sum(1 for c in cases if c["truth"])
    print(f"{len(cases)} pages, {scored} with a body truth; site classes: {sorted(site_keys)}")
    print("\n## Extraction (raw body blocks)")
    table(cases, *run(cases, SYSTEMS))
    print("\n## As exported (pipeline chain; dateline tokens + clean body)")
    with tempfile.TemporaryDirectory(prefix="extraction-") as store_dir:
        CHAIN.extend(_chain(store_dir))
        outputs, speed = run(cases, EXPORTED)
        for pipeline in CHAIN:  # the story store's SQLite connection, before its folder goes
            getattr(pipeline, "close_spider", lambda: None)()
    f1 = table(cases, outputs, speed)
    snippets(cases, outputs)
    verdict(f1, site_keys)


if __name__ == "__main__":
    main()
