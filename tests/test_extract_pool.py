"""Extraction in worker processes: same outcome as inline, and a dead worker is replaced."""

from __future__ import annotations

import asyncio
import os
import signal
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from newscrawler.spiders.workers import ExtractorPool, extract

# Every test here starts extraction worker processes, and the mock site through a fixture.
pytestmark = pytest.mark.slow


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # the loopback mock site
        return str(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def pages(mock_site: Any) -> list[tuple[str, str]]:
    return [(fetch(url), url) for url in mock_site.article_urls[:3]]


async def run_all(pool: ExtractorPool, pages: list[tuple[str, str]]) -> list[Any]:
    return await asyncio.gather(*(pool.run(html, url, "generic") for html, url in pages))


def test_workers_give_the_inline_outcome(pages: list[tuple[str, str]]) -> None:
    pool = ExtractorPool(1)
    try:
        got = asyncio.run(run_all(pool, pages))
    finally:
        pool.close()
    assert got == [extract(html, url, "generic") for html, url in pages]
    assert all(fields is not None for fields, *_ in got)


def test_a_killed_worker_is_replaced_and_nothing_is_lost(pages: list[tuple[str, str]]) -> None:
    pool = ExtractorPool(1)
    try:
        asyncio.run(run_all(pool, pages[:1]))
        executor = pool._pool()
        assert isinstance(executor, ProcessPoolExecutor)
        for pid in list(executor._processes):  # private, but the only handle on the worker
            os.kill(pid, signal.SIGKILL)
        got = asyncio.run(run_all(pool, pages))
    finally:
        pool.close()
    assert [fields is not None for fields, *_ in got] == [True] * len(pages)
    assert pool.restarts == 1


def test_zero_workers_extract_inline(pages: list[tuple[str, str]]) -> None:
    pool = ExtractorPool(0)
    assert asyncio.run(run_all(pool, pages)) == [extract(h, u, "generic") for h, u in pages]
    assert pool._executor is None
