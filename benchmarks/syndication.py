"""Story assignment at scale: signature + SQLite store per item, time and memory as N grows."""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, not installed

from newscrawler.stores.stories import (  # noqa: E402
    DEFAULT_COMMIT_EVERY,
    DEFAULT_COMMIT_SECONDS,
    DEFAULT_THRESHOLD,
    StoryStore,
)
from newscrawler.text.syndication import DEFAULT_PARAMS, MinHashParams, signature  # noqa: E402
from tests.support.syndication_fixtures import (  # noqa: E402
    agency_copy,
    invented_names,
    labelled_corpus,
    make_story,
    pairwise_scores,
    portal_copy,
)

PORTALS = tuple(f"portal{n:02d}" for n in range(40))


def copies_wanted(rng: random.Random) -> int:
    """1 to 19 copies, mean about 10: most wire stories reach several portals, some one."""
    return rng.choice((1, 1, 2, 3, 5, 8, 10, 12, 14, 16, 18, 19)) if rng.random() < 0.9 else 10


def stream(
    items: int, seed: int, *, names: int = 0, active: int = 300
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(story number, item), copies of ~`active` open stories interleaved as they would arrive.

    `names` > 0 draws places and people from that many invented names instead of the fixtures'
    16 and 10: with 10,000 stories on 16 templates, distinct stories otherwise repeat whole
    sentences verbatim far more often than real wire stories do.
    """
    rng = random.Random(seed)
    vocabulary: dict[str, Any] = {}
    if names:
        vocabulary = {"places": invented_names(rng, names), "people": invented_names(rng, names, 2)}
    pool: list[list[Any]] = []  # [story number, story, copies left, nothing sent yet]
    made = 0
    for emitted in range(items):
        while len(pool) < active:
            story = make_story(rng, f"b{made}", **vocabulary)
            pool.append([made, story, copies_wanted(rng), True])
            made += 1
        slot = rng.randrange(len(pool))
        entry = pool[slot]
        # Half the stories are also crawled on the wire's own site, usually first.
        wire = entry[3] and rng.random() < 0.5
        item = agency_copy(entry[1]) if wire else _portal(entry[1], rng)
        item["url"] += f"?n={emitted}"  # unique even when a portal template repeats
        entry[2], entry[3] = entry[2] - 1, False
        if entry[2] <= 0:
            pool[slot] = pool[-1]
            pool.pop()
        yield entry[0], item


def _portal(story: Any, rng: random.Random) -> dict[str, Any]:
    edits = "".join(rng.sample("dbtiqmh", rng.randint(1, 5)))
    return portal_copy(story, rng, rng.choice(PORTALS), edits=edits)


def pair_scores(cells: Counter[tuple[int, str]]) -> tuple[float, float]:
    """Pairwise precision and recall from (true story, assigned story) counts."""
    truth: Counter[int] = Counter()
    assigned: Counter[str] = Counter()
    both = 0
    for (true, got), count in cells.items():
        truth[true] += count
        assigned[got] += count
        both += count * (count - 1) // 2
    same = sum(n * (n - 1) // 2 for n in truth.values())
    together = sum(n * (n - 1) // 2 for n in assigned.values())
    return both / together if together else 1.0, both / same if same else 1.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run(args: argparse.Namespace, path: Path) -> None:
    store = StoryStore(path, commit_every=args.commit_every, commit_seconds=args.commit_seconds)
    cells: Counter[tuple[int, str]] = Counter()
    marks = {min(n, args.items) for n in args.at} | {args.items}
    recent: deque[tuple[float, ...]] = deque(maxlen=args.window)
    print(
        f"{DEFAULT_PARAMS.describe()} threshold={DEFAULT_THRESHOLD} commit_every="
        f"{args.commit_every} commit_seconds={args.commit_seconds}"
        f" names={args.names or 'fixtures'}; db {path}"
    )
    # Wall time suffers from other processes on a shared machine; CPU time (process_time,
    # user + system, so page-cache misses count) is the steadier figure.
    print(
        "    items  sig µs  assign µs  total µs  cpu µs  assign cpu µs   stories    db MB"
        "  peak RSS MB"
    )
    items = stream(args.items, args.seed, names=args.names)
    for done, (number, item) in enumerate(items, start=1):
        cpu, began = time.process_time(), time.perf_counter()
        sig = signature(item["body"])
        signed, signed_cpu = time.perf_counter(), time.process_time()
        got = store.assign(
            item["url"],
            sig,
            source=item["source"],
            agency=item["agency"],
            published_at=item["published_at"],
        )
        ended = time.perf_counter()
        ended_cpu = time.process_time()
        recent.append((signed - began, ended - signed, ended_cpu - cpu, ended_cpu - signed_cpu))
        cells[(number, got.story_id)] += 1
        if done in marks:
            report(done, recent, store, path)
    store.close()
    precision, recall = pair_scores(cells)
    print(f"pairwise precision {precision:.4f}, recall {recall:.4f} over {args.items:,} items")


def report(done: int, recent: deque[tuple[float, ...]], store: StoryStore, path: Path) -> None:
    """Mean per item over the last window, store size and the process's peak RSS so far."""
    store.commit()
    sig, assign, cpu, assign_cpu = (
        sum(col) / len(recent) * 1e6 for col in zip(*recent, strict=True)
    )
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    stories, _ = store.counts()
    print(
        f"{done:>9,} {sig:>7.0f} {assign:>10.0f} {sig + assign:>9.0f} {cpu:>7.0f}"
        f" {assign_cpu:>14.0f} {stories:>9,} {size:>8.1f} {peak_rss_mb():>12.1f}",
        flush=True,
    )


# (shingle, num_perm, bands, rows, threshold): the default, the previous one (256 values, 85 bands)
# and the nearest alternatives measured.
SWEEP = (
    (6, 128, 42, 3, 0.28),
    (6, 256, 85, 3, 0.28),
    (6, 128, 64, 2, 0.30),
    (6, 256, 64, 4, 0.30),
    (5, 128, 42, 3, 0.30),
    (6, 256, 85, 3, 0.40),
)


def sweep(seeds: range) -> None:
    """Pairwise precision and recall on the test fixtures' corpora, per parameter set."""
    corpora = [labelled_corpus(seed) for seed in seeds]
    print(f"{len(corpora)} fixture corpora, {sum(map(len, corpora)):,} articles")
    for k, n, b, r, threshold in SWEEP:
        params = MinHashParams(shingle=k, num_perm=n, bands=b, rows=r)
        scores = []
        for corpus in corpora:
            store = StoryStore(":memory:", params=params, threshold=threshold)
            got = [
                store.assign(item["url"], signature(item["body"], params)).story_id
                for _, item in corpus
            ]
            store.close()
            scores.append(pairwise_scores([key for key, _ in corpus], got)[:2])
        precision, recall = zip(*scores, strict=True)
        print(
            f"k={k} n={n} b={b} r={r} threshold={threshold}: precision min {min(precision):.4f}"
            f" mean {sum(precision) / len(precision):.4f}, recall min {min(recall):.4f}"
            f" mean {sum(recall) / len(recall):.4f}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--at", type=int, nargs="*", default=[10_000, 50_000, 100_000])
    parser.add_argument("--window", type=int, default=2_000, help="items averaged per mark")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--names", type=int, default=0, help="invented places/people (0: 16/10)")
    parser.add_argument("--commit-every", type=int, default=DEFAULT_COMMIT_EVERY)
    parser.add_argument("--commit-seconds", type=float, default=DEFAULT_COMMIT_SECONDS)
    parser.add_argument("--db", type=Path, help="store file (default: a temporary directory)")
    parser.add_argument("--sweep", type=int, metavar="SEEDS", help="only the parameter sweep")
    args = parser.parse_args()
    if args.sweep:
        sweep(range(args.sweep))
        return
    if args.db:
        run(args, args.db)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(args, Path(tmp) / "stories.sqlite")


if __name__ == "__main__":
    main()
