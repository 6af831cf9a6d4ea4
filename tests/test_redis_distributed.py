"""Distributed crawling on scrapy-redis: add-on, seeds, Redis seen store, two workers at once."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path
from typing import IO, Any

import pytest
from scrapy.settings import Settings

import newscrawler.settings as project
from newscrawler.addons import LOCAL_SCHEDULER, REDIS_SETTINGS, RedisAddon
from newscrawler.cli.push_seeds import parse_args, push
from newscrawler.exceptions import ConfigError
from newscrawler.middlewares import incremental
from newscrawler.stores.seen import SeenStore
from newscrawler.stores.seen_redis import RedisSeenStore, open_seen_store
from newscrawler.utils.seeds import decode_seed, encode_seed, run_keys
from tests.support.crawl import crawl_stats, read_jsonl, run_scrapy

redis = pytest.importorskip("redis", reason="the redis client comes with scrapy-redis (dev extra)")
pytest.importorskip("scrapy_redis", reason="scrapy-redis==0.9.1 is in requirements-dev.txt")

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-01-02T03:04:05+00:00"
START_TIMEOUT = 10.0
WORKER_TIMEOUT = 150.0
START_KEY = "redis_article:start_urls"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_ping(client: Any, proc: subprocess.Popen[bytes]) -> None:
    """Poll until redis-server answers; bounded by START_TIMEOUT, fails fast if it exited."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if client.ping():
                return
        except redis.exceptions.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"redis-server did not start (exit code {proc.poll()})")


def start_redis_server() -> tuple[subprocess.Popen[bytes], str]:
    """A throw-away redis-server on a free loopback port, no persistence, answering; its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    port = free_port()
    cmd = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        wait_for_ping(client, proc)
    finally:
        client.close()
    return proc, url


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A redis-server for this module's tests; stopped by its PID."""
    proc, url = start_redis_server()
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def client(redis_url: str) -> Iterator[Any]:
    connection = redis.Redis.from_url(redis_url)
    connection.flushdb()
    yield connection
    connection.close()


# --- the add-on and the seed format -------------------------------------------------------------


def test_addon_is_enabled_in_project_settings() -> None:
    assert "newscrawler.addons.RedisAddon" in project.ADDONS


def test_addon_without_url_keeps_one_process_with_the_local_scheduler() -> None:
    settings = Settings()
    RedisAddon().update_settings(settings)
    assert settings["SCHEDULER"] == LOCAL_SCHEDULER  # Scrapy's, safe with a torn JOBDIR queue
    assert settings.get("REDIS_URL") is None
    assert settings["DUPEFILTER_CLASS"] == "scrapy.dupefilters.RFPDupeFilter"
    chosen = Settings()
    chosen.set("SCHEDULER", "scrapy.core.scheduler.Scheduler", priority="cmdline")
    RedisAddon().update_settings(chosen)
    assert chosen["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"  # -s SCHEDULER= wins


def test_addon_switches_scheduler_and_dupefilter_but_command_line_wins(redis_url: str) -> None:
    settings = Settings({"NEWSCRAWLER_REDIS_URL": redis_url})
    settings.set("SCHEDULER_PERSIST", False, priority="cmdline")
    RedisAddon().update_settings(settings)
    assert settings["REDIS_URL"] == redis_url
    assert settings["SCHEDULER"] == REDIS_SETTINGS["SCHEDULER"]
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST") is False
    assert "STATS_CLASS" not in REDIS_SETTINGS  # RedisStatsCollector is broken on Scrapy 2.19


def test_a_redis_that_does_not_answer_is_one_error_line_before_the_crawl() -> None:
    # Down (a closed port): scrapy-redis met it later, in tracebacks and no verdict
    url = "redis://:a-secret@127.0.0.1:1/0"
    with pytest.raises(ConfigError, match="Redis does not answer") as refused:
        RedisAddon().update_settings(Settings({"NEWSCRAWLER_REDIS_URL": url}))
    assert "a-secret" not in str(refused.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            encode_seed("https://x.test/sitemap.xml", "sitemap"),
            ("https://x.test/sitemap.xml", "sitemap"),
        ),
        (b'{"url": "https://x.test/a/1"}', ("https://x.test/a/1", "article")),
        (b"https://x.test/a/2\n", ("https://x.test/a/2", "article")),
        (b'{"url": "https://x.test/a/3", "kind": "video"}', None),
        (b'{"url": ', None),
        (b"  ", None),
        # no scheme, or no URL at all: ignored with a WARNING, not a worker stopped mid-batch
        (b"www.x.test/a/4", None),
        (b'{"url": "http://[oops/x"}', None),
    ],
    ids=[
        "json-sitemap",
        "json-default-kind",
        "bare-url",
        "unknown-kind",
        "broken-json",
        "blank",
        "no-scheme",
        "unparsable",
    ],  # fmt: skip
)
def test_decode_seed(data: bytes | str, expected: tuple[str, str] | None) -> None:
    assert decode_seed(data) == expected


def test_encode_seed_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown seed kind"):
        encode_seed("https://x.test/", "listing")


@pytest.mark.slow
@pytest.mark.parametrize("bad", ["www.x.test/article/2", "http://[oops/x", "/srv/sitemap.xml"])
def test_push_seeds_refuses_a_seed_that_is_no_web_url(
    bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A worker would ignore it; refused where it is typed, in one line, exit 2
    with pytest.raises(SystemExit) as stopped:
        parse_args(["--redis", "redis://127.0.0.1:9/0", "https://x.test/a/1", bad])
    assert stopped.value.code == 2
    assert f"{bad!r} is not an absolute http(s) URL" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("redis_arg", "code", "said"),
    [("redis://127.0.0.1:1/0", 1, "Redis does not answer"), ("127.0.0.1:6379", 2, "--redis")],
)
def test_push_seeds_says_in_one_line_when_redis_cannot_be_used(
    redis_arg: str, code: int, said: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newscrawler.cli.push_seeds", "--redis", redis_arg, "https://x/a"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == code
    assert done.stderr.count("\n") == 1
    assert said in done.stderr
    assert "Traceback" not in done.stderr


def test_push_keeps_order_and_reset_forgets_the_last_run(client: Any) -> None:
    key = "spider:start_urls"
    client.sadd("spider:dupefilter", "old-fingerprint")
    assert push(client, key, ["a", "b"]) == 2
    assert push(client, key, ["c"], reset=True) == 1
    assert client.lrange(key, 0, -1) == [b"c"]
    assert client.exists("spider:dupefilter") == 0
    assert run_keys(key) == [key, "spider:requests", "spider:dupefilter"]


# --- the seen store in Redis --------------------------------------------------------------------


@pytest.mark.slow
def test_open_seen_store_picks_the_backend(tmp_path: Path, redis_url: str) -> None:
    sqlite_store = open_seen_store(tmp_path / "seen.sqlite")
    redis_store = open_seen_store(redis_url)
    assert isinstance(sqlite_store, SeenStore)
    assert isinstance(redis_store, RedisSeenStore)
    sqlite_store.close()
    redis_store.close()


@pytest.mark.slow
def test_redis_seen_store_is_shared_between_workers(client: Any, redis_url: str) -> None:
    first, second = RedisSeenStore(redis_url), RedisSeenStore(redis_url)
    first.mark_fetched("https://x.test/1", now=NOW)
    assert not second.is_exported("https://x.test/1")  # a dropped page is retried next run
    assert first.mark_exported(["https://x.test/1", "https://x.test/1#x", ""], now=NOW) == 1
    assert second.is_exported("https://x.test/1?")  # canonical form, as in the SQLite store
    assert second.mark_exported(["https://x.test/2"], now="2026-01-03T00:00:00+00:00") == 1
    assert first.exported_count() == 2
    assert first.mark_exported([], now=NOW) == 0
    fetched = client.hgetall(first.fetched_key)
    assert sorted(value.decode().split(" ")[1] for value in fetched.values()) == [
        "https://x.test/1",
        "https://x.test/2",
    ]
    first.close()
    second.close()


# --- two worker processes sharing the queue -----------------------------------------------------


def worker(redis_url: str, ops: Path, log: IO[str]) -> subprocess.Popen[str]:
    """One `scrapy crawl redis_article` worker; feed, seen store and reports in its own folder."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "redis_article", "-O", f"{ops}/out.jsonl"]
    cmd += ["-s", f"NEWSCRAWLER_REDIS_URL={redis_url}", "-s", "AUTOTHROTTLE_ENABLED=False"]
    # Small batches from the seed list, so that both workers take seeds, and a short idle wait
    # once the shared queue is empty (the default, 0, waits for new seeds forever).
    cmd += ["-s", "CONCURRENT_REQUESTS=4", "-s", "MAX_IDLE_TIME_BEFORE_CLOSE=3"]
    cmd += ["-s", f"NEWSCRAWLER_SEEN_PATH={ops}/seen.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_STORIES_PATH={ops}/stories.sqlite"]
    cmd += ["-s", f"NEWSCRAWLER_REPORT_DIR={ops}/reports"]
    return subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log, text=True)


def kill_if_running(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()


def run_workers(redis_url: str, tmp_path: Path, count: int = 2) -> list[dict[str, Any]]:
    """Start `count` workers at once, wait for all, return each one's records and stats."""
    folders = [tmp_path / f"worker{index}" for index in range(count)]
    with ExitStack() as stack:
        procs = []
        for ops in folders:
            ops.mkdir()
            # A file, not a pipe: a pipe nobody drains while the other worker runs can block.
            log = stack.enter_context((ops / "stderr.log").open("w"))
            procs.append(stack.enter_context(worker(redis_url, ops, log)))
            stack.callback(kill_if_running, procs[-1])  # runs before Popen's own unbounded wait
        codes = [proc.wait(timeout=WORKER_TIMEOUT) for proc in procs]
    results = []
    for ops, code in zip(folders, codes, strict=True):
        text = (ops / "stderr.log").read_text()
        assert code == 0, text[-3000:]
        assert "Traceback" not in text, text[-3000:]
        # scrapy-redis's deprecated Scrapy calls are fixed in newscrawler/scheduler.py.
        assert "DeprecationWarning" not in text, text[-3000:]
        records = read_jsonl(ops / "out.jsonl")
        results.append({"urls": [r["url"] for r in records], "stats": crawl_stats(text)})
    return results


def single_crawl(site_url: str) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="newscrawler-single-") as tmp:
        out = Path(tmp) / "single.jsonl"
        done = run_scrapy("crawl", "article", "-a", f"sitemap={site_url}/sitemap.xml", "-O",
                          str(out), "-s", "AUTOTHROTTLE_ENABLED=False")  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
        return [record["url"] for record in read_jsonl(out)]


@pytest.fixture(scope="module")
def first_round(
    mock_site: Any, redis_url: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """A single-process crawl of the mock site, then two workers at once on the same site."""
    single = single_crawl(mock_site.url)
    # Every article is reachable twice: as a seed of its own and through the sitemap, possibly in
    # the other worker, so only a duplicate filter shared by both keeps each to one fetch.
    seeds = [encode_seed(f"{mock_site.url}/sitemap.xml", "sitemap")]
    seeds += [encode_seed(url) for url in mock_site.article_urls]
    with closing(redis.Redis.from_url(redis_url)) as connection:
        connection.flushdb()
        push(connection, START_KEY, seeds)
        workers = run_workers(redis_url, tmp_path_factory.mktemp("first"))
        fingerprints = connection.scard("redis_article:dupefilter")
    return {"single": single, "seeds": seeds, "workers": workers, "fingerprints": fingerprints}


@pytest.mark.slow
def test_two_workers_fetch_every_article_once(first_round: dict[str, Any], mock_site: Any) -> None:
    workers = first_round["workers"]
    union = [url for run in workers for url in run["urls"]]
    assert len(union) == len(set(union)), "an article was exported twice"
    assert sorted(union) == sorted(first_round["single"]) == sorted(mock_site.article_urls)
    fetched = [run["stats"].get("newscrawler/report/article_pages", 0) for run in workers]
    assert sum(fetched) == len(mock_site.article_urls), fetched
    # SCHEDULER_PERSIST: the fingerprints outlive the workers, so a late worker cannot refetch.
    assert first_round["fingerprints"] >= len(mock_site.article_urls)


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(incremental, "open_seen_store"),
    reason="middlewares/incremental.py does not pick the Redis seen store yet (issue 8)",
)
def test_next_run_skips_what_any_worker_exported(
    first_round: dict[str, Any], mock_site: Any, redis_url: str, tmp_path: Path
) -> None:
    # A new run (queue and fingerprints reset) finds every article in the seen store the first
    # run's workers shared through Redis, so a fresh worker fetches none of them.
    with closing(redis.Redis.from_url(redis_url)) as connection:
        push(connection, START_KEY, first_round["seeds"], reset=True)
    (again,) = run_workers(redis_url, tmp_path, count=1)
    assert again["urls"] == []
    assert again["stats"]["newscrawler/incremental/skipped"] == len(mock_site.article_urls)
