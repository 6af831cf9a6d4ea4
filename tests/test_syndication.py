"""Pure near-duplicate functions: words, shingles, one-permutation MinHash, bands, originals."""

from __future__ import annotations

import json
import math
import operator
import os
import random
import subprocess
import sys
from array import array
from itertools import combinations
from pathlib import Path

import pytest

from newscrawler.text.syndication import (
    DEFAULT_PARAMS,
    Copy,
    MinHashParams,
    band_keys,
    body_words,
    earliest,
    is_agency_site,
    jaccard,
    jaccard_estimate,
    replaces_original,
    shingle_hashes,
    signature,
)
from tests.support.syndication_fixtures import labelled_corpus, make_story

REPO = Path(__file__).resolve().parents[1]


def test_words_ignore_case_punctuation_and_paragraph_breaks() -> None:
    one = body_words(["Heavy rain, on \u201cMonday\u201d.", "The  RIVER rose"])
    assert one == body_words(['heavy rain on "monday" the river rose'])
    assert one == [b"heavy", b"rain", b"on", b"monday", b"the", b"river", b"rose"]


def test_shingles_of_a_short_body_and_of_none() -> None:
    assert shingle_hashes([], 6) == []
    assert len(shingle_hashes([b"two", b"words"], 6)) == 1  # fewer words than k: one shingle
    words = [b"a", b"b", b"c", b"a", b"b", b"c", b"a"]
    assert len(shingle_hashes(words, 3)) == 3  # distinct shingles only: abc, bca, cab
    assert all(0 <= h < 2**64 for h in shingle_hashes(words, 3))


def test_signature_shape_and_empty_body() -> None:
    sig = signature(["Heavy rain lashed the district for the third straight day."])
    assert len(sig) == DEFAULT_PARAMS.num_perm
    assert sig.typecode == "I"
    assert min(sig) >= 0  # densified: no bin left empty, even with 5 shingles in 256 bins
    assert len(signature([])) == 0
    assert len(signature(["", "  ...  "])) == 0
    assert band_keys(signature([])) == []


@pytest.mark.slow
def test_signature_is_the_same_in_another_process() -> None:
    """Stored signatures must compare across runs: nothing may depend on PYTHONHASHSEED."""
    story = make_story(random.Random(3), "x")
    code = (
        "import json, sys; from newscrawler.text.syndication import signature; "
        "print(json.dumps(list(signature(json.loads(sys.argv[1])))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code, json.dumps(story.paragraphs)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert json.loads(out) == list(signature(story.paragraphs))


def test_estimate_counts_equal_positions() -> None:
    rng = random.Random(5)
    for size in (1, 7, 256):
        a = array("I", [rng.choice((0, 1, 2**32 - 1, rng.getrandbits(32))) for _ in range(size)])
        b = array("I", [x if rng.random() < 0.4 else rng.getrandbits(32) for x in a])
        b[0] ^= 1 << 31  # a difference only in the top bit of a lane still counts
        assert jaccard_estimate(a, b) == sum(map(operator.eq, a, b)) / size
    assert jaccard_estimate(array("I"), array("I")) == 0.0


def test_estimate_tracks_exact_jaccard_on_fixture_pairs() -> None:
    """Error within 4 standard deviations of an ideal MinHash, over 1,500 pairs of all kinds."""
    items = [item["body"] for _, item in labelled_corpus(11)][:56]
    sigs = [signature(body) for body in items]
    errors = []
    for i, j in combinations(range(len(items)), 2):
        exact = jaccard(items[i], items[j])
        sd = math.sqrt(exact * (1 - exact) / DEFAULT_PARAMS.num_perm)
        error = abs(jaccard_estimate(sigs[i], sigs[j]) - exact)
        assert error <= 4 * sd + 0.03, (i, j, exact)
        errors.append(error)
    assert sum(errors) / len(errors) < 0.02


def test_band_keys_follow_band_contents() -> None:
    sig = signature(make_story(random.Random(1), "x").paragraphs)
    keys = band_keys(sig)
    assert len(keys) == DEFAULT_PARAMS.bands == len(set(keys))
    assert all(-(2**63) <= key < 2**63 for key in keys)
    changed = array("I", sig)
    changed[0] ^= 1  # touches band 0 only
    assert band_keys(changed)[1:] == keys[1:]
    assert band_keys(changed)[0] != keys[0]
    same_rows = array("I", [7] * DEFAULT_PARAMS.num_perm)
    assert len(set(band_keys(same_rows))) == DEFAULT_PARAMS.bands  # equal rows, other band


def test_params_are_checked() -> None:
    with pytest.raises(ValueError, match="power of two"):
        MinHashParams(num_perm=100, bands=25, rows=4)
    with pytest.raises(ValueError, match="bands"):
        MinHashParams(num_perm=128, bands=43, rows=3)
    assert MinHashParams(shingle=5).describe() != DEFAULT_PARAMS.describe()


@pytest.mark.parametrize(
    ("source", "agency", "expected"),
    [
        ("apnews", "AP", True),
        ("www.apnews.com", "AP", True),
        ("ianslive", "IANS", True),
        ("ptinews.com", "PTI", True),
        ("anadolu", "AA", True),  # aa.com.tr's site key
        ("xinhua", "Xinhua", True),
        ("anadolu", "Xinhua", False),
        ("apnews", "Reuters", False),
        ("indialife", "IANS", False),
        ("apnewsroom.example", "AP", False),
        (None, "AP", False),
        ("apnews", None, False),
    ],
)
def test_agency_site(source: str | None, agency: str | None, expected: bool) -> None:
    assert is_agency_site(source, agency) is expected


def test_original_rules() -> None:
    wire = Copy("https://apnews.com/a", "apnews", "2026-07-14T10:00:00+00:00")
    early = Copy("https://p.example/a", "portal", "2026-07-14T09:00:00+00:00")
    late = Copy("https://q.example/a", "other", "2026-07-14T15:00:00+05:30")  # 09:30 UTC
    undated = Copy("https://r.example/a", "other", None)
    assert replaces_original(wire, early, "AP")  # the agency's site beats an earlier portal
    assert not replaces_original(early, wire, "AP")
    assert replaces_original(early, wire, None)  # unknown agency: only dates count
    assert replaces_original(early, late, "AP")
    assert not replaces_original(late, early, "AP")
    assert replaces_original(late, undated, "AP")
    assert not replaces_original(undated, late, "AP")
    assert not replaces_original(early, early, "AP")  # a tie keeps the copy seen first
    assert earliest(late.published_at, early.published_at) == early.published_at
    assert earliest(None, late.published_at) == late.published_at
    assert earliest("not a date", None) is None
