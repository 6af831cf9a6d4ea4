"""Unusable state files (not SQLite, a folder, unwritable): one error line, exit 2, file kept."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy.settings import Settings

from newscrawler.exceptions import ConfigError
from newscrawler.stores import statefile
from newscrawler.stores.seen import SeenStore
from newscrawler.utils.state import usable_state_path
from tests.support.crawl import run_command
from tests.test_config_errors import NOWHERE, assert_refused

NOBODY = 65534
KEPT = b'{"url": "kept"}\n'
# What each case puts in the state folder: one bad file, left byte for byte as it was.
Spoil = Callable[[Path], Path]


def corrupt(name: str, data: bytes) -> Spoil:
    def spoil(state: Path) -> Path:
        state.mkdir(parents=True, exist_ok=True)
        (state / name).write_bytes(data)
        return state / name

    return spoil


def directory(state: Path) -> Path:
    (state / "seen.sqlite").mkdir(parents=True)
    return state / "seen.sqlite"


CASES = [
    pytest.param(
        corrupt("seen.sqlite", os.urandom(4096)),
        ("NEWSCRAWLER_SEEN_PATH", "is not a SQLite database (file is not a database)"),
        id="corrupt-seen",
    ),
    pytest.param(directory, ("NEWSCRAWLER_SEEN_PATH", "is a directory"), id="seen-is-a-directory"),
    pytest.param(
        corrupt("stories.sqlite", b"not a database\n"),
        ("NEWSCRAWLER_STORIES_PATH", "is not a SQLite database", "move it aside"),
        id="corrupt-stories",
    ),
]


def crawl(out: Path, *settings: str, user: list[str] | None = None) -> object:
    """`scrapy crawl article` of a closed port into `out`, with these `-s` settings."""
    command = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", NOWHERE, "-O", str(out)]
    for setting in settings:
        command += ["-s", setting]
    return run_command([*(user or []), *command], timeout=180)


@pytest.mark.slow
@pytest.mark.parametrize(("spoil", "needles"), CASES)
def test_unusable_state_file_stops_before_fetching(
    spoil: Spoil, needles: tuple[str, ...], tmp_path: Path
) -> None:
    bad = spoil(tmp_path / "state")
    before = bad.read_bytes() if bad.is_file() else None
    out = tmp_path / "out.jsonl"
    out.write_bytes(KEPT)
    result = crawl(out, f"NEWSCRAWLER_STATE_DIR={tmp_path / 'state'}")
    line = assert_refused(result, *needles, "point NEWSCRAWLER_STATE_DIR elsewhere")
    assert str(bad) in line
    assert out.read_bytes() == KEPT
    if before is None:
        assert bad.is_dir()
    else:
        assert bad.read_bytes() == before


@pytest.mark.slow
def test_a_path_setting_is_named_in_the_fix(tmp_path: Path) -> None:
    seen = corrupt("seen.sqlite", b"garbage " * 100)(tmp_path)
    result = crawl(tmp_path / "out.jsonl", f"NEWSCRAWLER_SEEN_PATH={seen}")
    assert_refused(result, "move it aside or point NEWSCRAWLER_SEEN_PATH elsewhere")
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.slow
def test_a_state_dir_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(KEPT)
    result = crawl(out, "NEWSCRAWLER_STATE_DIR=/proc/x")
    assert_refused(result, "'/proc/x/seen.sqlite' cannot be created", "NEWSCRAWLER_STATE_DIR")
    assert out.read_bytes() == KEPT


@pytest.mark.slow
def test_a_state_dir_this_user_cannot_write_is_refused() -> None:
    # Root writes anywhere: the crawl then runs as `nobody`, as a service user would.
    as_root = os.geteuid() == 0
    if as_root and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv")
    with tempfile.TemporaryDirectory(prefix="newscrawler-ro-") as tmp:
        os.chmod(tmp, 0o755)  # `nobody` may enter, not write
        state = Path(tmp, "state")
        SeenStore(state / "seen.sqlite").close()  # an existing, valid store
        before = (state / "seen.sqlite").read_bytes()
        state.chmod(0o555)
        user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        result = crawl(
            Path(tmp, "out.jsonl"), f"NEWSCRAWLER_STATE_DIR={state}", user=user if as_root else None
        )
        state.chmod(0o755)
        assert_refused(result, "cannot be written", "NEWSCRAWLER_STATE_DIR elsewhere")
        assert (state / "seen.sqlite").read_bytes() == before


def test_check_creates_the_folder_and_accepts_a_store(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "seen.sqlite"
    statefile.check(path)
    assert path.parent.is_dir()
    assert not path.exists()
    SeenStore(path).close()
    statefile.check(path)
    statefile.check(":memory:")


def test_check_only_reads_a_file_it_refuses(tmp_path: Path) -> None:
    path = tmp_path / "stories.sqlite"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(statefile.UnusableStateFile, match="is not a SQLite database"):
        statefile.check(path)
    assert path.read_bytes() == b"x" * 5000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stories.sqlite"]


def test_the_store_itself_refuses_with_the_same_message(tmp_path: Path) -> None:
    (tmp_path / "seen.sqlite").mkdir()
    with pytest.raises(statefile.UnusableStateFile, match="is a directory, not a SQLite file"):
        SeenStore(tmp_path / "seen.sqlite")


def test_a_busy_store_is_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "seen.sqlite"
    SeenStore(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=DELETE")
    writer.execute("BEGIN EXCLUSIVE")  # another crawl mid-write: the store will wait its turn
    try:
        statefile.check(path)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_usable_state_path_names_the_setting_that_placed_the_file(tmp_path: Path) -> None:
    (tmp_path / "seen.sqlite").write_bytes(b"not sqlite" * 20)
    settings = Settings({"NEWSCRAWLER_STATE_DIR": str(tmp_path)})
    with pytest.raises(ConfigError) as refused:
        usable_state_path(settings, "NEWSCRAWLER_SEEN_PATH", "seen.sqlite")
    assert str(refused.value) == (
        f"NEWSCRAWLER_SEEN_PATH '{tmp_path}/seen.sqlite' is not a SQLite database (file is not"
        " a database); move it aside or point NEWSCRAWLER_STATE_DIR elsewhere"
    )
    settings.set("NEWSCRAWLER_STORIES_PATH", str(tmp_path / "fresh.sqlite"))
    path = usable_state_path(settings, "NEWSCRAWLER_STORIES_PATH", "stories.sqlite")
    assert path == str(tmp_path / "fresh.sqlite")
