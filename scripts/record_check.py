"""Write the records of a crawl of ../shared/pages and of the bundled sample, to diff before/after.

    python scripts/record_check.py OUT_DIR [--pages ../shared/pages]
    diff -r BEFORE_DIR AFTER_DIR    # a refactoring must leave both files byte-identical

Both go through `scrapy crawl warc` in a subprocess, as users replay stored pages: the sample's
own WARC, and a WARC built in a temporary folder from every page that ../shared/pages'
expected.json files name (URL and fetch time from the entry or meta.info, else a fixed
stand-in). State files (seen store, story index, reports) live in that folder too, so each run
starts from nothing. Records are written one per line, sorted by URL, keys as exported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from build_sample_warc import write_warc  # noqa: E402

SHARED_PAGES = REPO.parent / "shared" / "pages"
# A page whose entry and folder give no fetch time: a fixed one keeps the records comparable.
FALLBACK_FETCHED_AT = "2026-05-24T00:00:00Z"


def shared_manifest(pages: Path) -> list[dict[str, Any]]:
    """build_sample_warc's manifest entries for every page an expected.json names."""
    entries = []
    for expected in sorted(pages.glob("*/expected.json")):
        infos = {}
        for info in expected.parent.glob("meta.info"):
            infos = json.loads(info.read_text(encoding="utf-8"))
        for name, truth in sorted(json.loads(expected.read_text(encoding="utf-8")).items()):
            crawl = truth.get("crawl_date") or infos.get(name + ".gz", {}).get("crawl_date")
            url = truth.get("url") or f"https://{expected.parent.name}.example/{name}"
            entries.append(
                {"file": str(expected.parent / name), "url": url, "fetched_at": _iso(crawl)}
            )
    return entries


def _iso(value: str | None) -> str:
    """A crawl date ("2024-03-07 10:00:00", ISO with offset) as WARC-Date's UTC form."""
    if not value:
        return FALLBACK_FETCHED_AT
    moment = datetime.fromisoformat(value.replace(" ", "T").replace("Z", "+00:00"))
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def crawl(warc: Path, output: Path, state: Path) -> None:
    """`scrapy crawl warc` over one WARC into sorted JSON Lines at `output`."""
    feed = state / f"{output.stem}.jsonl"
    args = ["crawl", "warc", "-a", f"path={warc}", "-O", str(feed), "-s", "LOG_LEVEL=WARNING"]
    for name, value in (("STATE_DIR", ""), ("SEEN_PATH", "seen.sqlite"),
                        ("STORIES_PATH", "stories.sqlite"), ("REPORT_DIR", "reports")):  # fmt: skip
        args += ["-s", f"NEWSCRAWLER_{name}={state / output.stem / value}"]
    done = subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=REPO, check=False)
    if done.returncode != 0:
        raise SystemExit(f"record_check: crawl of {warc} exited {done.returncode}")
    lines = [line for line in feed.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines.sort(key=lambda line: (json.loads(line).get("url") or "", line))
    output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=Path, default=SHARED_PAGES)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="record-check-") as tmp:
        state = Path(tmp)
        (state / "manifest.json").write_text(
            json.dumps({"pages": shared_manifest(args.pages)}), encoding="utf-8"
        )
        write_warc(state, state / "shared.warc.gz")
        crawl(state / "shared.warc.gz", args.out / "shared-pages.jsonl", state)
        crawl(REPO / "data" / "samples" / "sample.warc.gz", args.out / "sample.jsonl", state)
    for name in ("shared-pages.jsonl", "sample.jsonl"):
        count = len((args.out / name).read_text(encoding="utf-8").splitlines())
        print(f"{args.out / name}: {count} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
