"""Shared fixtures: the repository, real pages in ../shared (skipped if absent), the mock site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.mockserver.fixtures import mock_site, start_mock_site  # noqa: F401

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_pages() -> Path:
    """The 38 real pages beside the repository; tests that need them skip cleanly without them."""
    pages = SHARED / "pages"
    if not pages.is_dir():
        pytest.skip("../shared/pages is absent")
    return pages


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    seed = SHARED / "seed"
    if not seed.is_dir():
        pytest.skip("../shared/seed is absent")
    return seed
