"""Generalisation check: the dev pages with markup an unseen site may lack, for us and trafilatura.

Each variant rewrites every page of ../shared/extraction-dev the same way, then scores body F1
(and, for newscrawler, headline, authors and date) as benchmarks/extraction.py does:

- hashed: every class and id a hash-like token, one per original value (CSS modules, styled
  components), so twins stay twins but no class word is left;
- nometa: no JSON-LD and no <meta> (small portals);
- semdiv: article, main, header, footer, aside, nav, section, figure, figcaption and time
  renamed to div;
- hashed+semdiv: both.

A rule that only class words, semantic tags or metadata carry shows up as a drop here.

    python benchmarks/perturbed.py [--dev DIR] [--variants hashed,nometa]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import extraction_systems as systems  # noqa: E402
from benchmarks.extraction_cases import load_cases  # noqa: E402
from benchmarks.extraction_scores import accuracy, precision_recall, prf  # noqa: E402

_PARSER = lxml_html.HTMLParser(encoding="utf-8", recover=True, huge_tree=True)
SEMANTIC = ("article", "main", "header", "footer", "aside", "nav", "section", "figure",
            "figcaption", "time")  # fmt: skip


def _token(value: str, salt: str) -> str:
    return "c-" + hashlib.sha1((salt + value).encode()).hexdigest()[:6]  # noqa: S324 - a label


def hashed(tree: Any) -> None:
    for element in tree.iter():
        if isinstance(element.tag, str) and element.get("class") is not None:
            element.set("class", " ".join(_token(t, "c") for t in element.get("class").split()))
        if isinstance(element.tag, str) and element.get("id") is not None:
            element.set("id", _token(element.get("id"), "i"))


def nometa(tree: Any) -> None:
    for element in list(tree.iter("script", "meta")):
        if element.tag == "meta" or (element.get("type") or "").lower() == "application/ld+json":
            element.drop_tree()


def semdiv(tree: Any) -> None:
    for element in tree.iter(*SEMANTIC):
        element.tag = "div"


VARIANTS: dict[str, tuple[Callable[[Any], None], ...]] = {
    "original": (),
    "hashed": (hashed,),
    "nometa": (nometa,),
    "semdiv": (semdiv,),
    "hashed+semdiv": (hashed, semdiv),
}


def perturb(html: str, steps: tuple[Callable[[Any], None], ...]) -> str:
    if not steps:
        return html
    # The bytes are UTF-8 whatever a <meta charset> inside says: the parser must not guess.
    tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    for step in steps:
        step(tree)
    doctype = tree.getroottree().docinfo.doctype or ""
    return doctype + str(lxml_html.tostring(tree, encoding="unicode"))


def score(cases: list[dict[str, Any]], run: systems.System) -> tuple[tuple[float, ...], list[Any]]:
    pairs, records = [], []
    for case in cases:
        text, record = run(case)
        pairs.append(precision_recall(case["truth"], text))
        records.append(record)
    return prf(pairs), records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=systems.default_dirs(REPO)["extraction-dev"])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    cases = load_cases(args.dev)
    print(f"{'variant':15} {'ours P/R/F1':>20} {'trafilatura F1':>15}  headline authors date")
    for name in args.variants.split(","):
        changed = [{**case, "html": perturb(case["html"], VARIANTS[name])} for case in cases]
        with systems.project_chain() as chain:
            ours, records = score(changed, systems.newscrawler(chain, generic=True))
        theirs, _ = score(changed, systems.trafilatura_extract)
        fields = accuracy(changed, records)
        figures = " ".join(f"{x:.3f}" for x in ours)
        meta = f"{fields['headline']} {fields['authors']} {fields['date']}"
        print(f"{name:15} {figures:>20} {theirs[2]:>15.3f}  {meta}")


if __name__ == "__main__":
    main()
