"""Held-out check: pages no rule here was written for, from a PyPI package's own test data.

newspaper4k's source distribution ships its test pages (tests/data/html) with the text
(tests/data/txt) and metadata (tests/data/metadata) its extractor gives: 20 news pages in 11
languages, CNN to Yonhap. Never a development set: a rule earns its place on ../shared, and
this says whether it carries over. The truths are newspaper4k's output, not hand-checked, so
read a miss before believing it (Wired's "authors" list the related stories' bylines).

    python benchmarks/heldout.py [--cache DIR]

downloads the sdist once (`pip download`, PyPI only), then prints body P/R/F1 for newscrawler
(generic page class, exported through the pipeline chain) and trafilatura, and headline,
authors and date agreement per page.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import extraction_systems as systems  # noqa: E402
from benchmarks.extraction_scores import date_ok, headline_ok, precision_recall, prf  # noqa: E402

SDIST = "newspaper4k==0.9.6"
DATA = "newspaper4k-0.9.6/tests/data"


def fetch(cache: Path) -> Path:
    """The sdist's test data folder, downloaded and unpacked into `cache` once."""
    data = cache / DATA
    if not data.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        subprocess.run([*pip, "--no-binary", ":all:", "-d", str(cache), SDIST], check=True)
        with tarfile.open(next(cache.glob("newspaper4k-*.tar.gz"))) as archive:
            archive.extractall(cache, filter="data")
    return data


def cases(data: Path) -> list[dict[str, Any]]:
    """Pages with a text truth; the metadata's URL when it has one."""
    found = []
    for text in sorted((data / "txt").glob("*.txt")):
        html = data / "html" / f"{text.stem}.html"
        if not html.is_file():
            continue
        meta_file = data / "metadata" / f"{text.stem}.json"
        meta = json.loads(meta_file.read_text()) if meta_file.is_file() else {}
        found.append({
            "name": text.stem, "html": html.read_text(errors="replace"),
            "url": meta.get("url") or f"https://{text.stem}.example.com/a/1",
            "crawled": "2025-07-26 12:00:00", "truth": text.read_text(), "meta": meta,
        })  # fmt: skip
    return found


def _agree(case: dict[str, Any], record: dict[str, Any] | None) -> str:
    meta, record = case["meta"], record or {}
    marks = []
    if meta.get("title"):
        marks.append("T" if headline_ok(meta["title"], record.get("headline")) else "t")
    if meta.get("authors"):
        same = set(meta["authors"]) == set(record.get("authors") or [])
        marks.append("A" if same else "a")
    if meta.get("publish_date"):
        marks.append("D" if date_ok(meta["publish_date"], record.get("date")) else "d")
    return "".join(marks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "heldout")
    found = cases(fetch(parser.parse_args().cache))
    with systems.project_chain() as chain:
        ours, _ = systems.run(found, systems.newscrawler(chain, generic=True))
    theirs, _ = systems.run(found, systems.trafilatura_extract)
    print(f"{'page':22} {'newscrawler P/R':>16} {'trafilatura P/R':>16}  metadata (upper: agrees)")
    pairs: dict[str, list[tuple[float, float]]] = {"newscrawler": [], "trafilatura": []}
    for case, (text, record), (their, _) in zip(found, ours, theirs, strict=True):
        mine, other = precision_recall(case["truth"], text), precision_recall(case["truth"], their)
        pairs["newscrawler"].append(mine)
        pairs["trafilatura"].append(other)
        cells = f"{mine[0]:7.2f} {mine[1]:.2f} {other[0]:10.2f} {other[1]:.2f}"
        print(f"{case['name'][:22]:22} {cells}  {_agree(case, record)}")
    for label, scored in pairs.items():
        p, r, f1 = prf(scored)
        print(f"{label:12} P {p:.3f} R {r:.3f} F1 {f1:.3f} over {len(scored)} pages")


if __name__ == "__main__":
    main()
