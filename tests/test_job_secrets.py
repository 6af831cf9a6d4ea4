"""Job secrets from deploy/scrapyd_secrets.py: taken from the environment, masked in the logs."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import pprint
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.settings import Settings

from newscrawler.commands import jobsecrets
from newscrawler.exceptions import ConfigError

REPO = Path(__file__).resolve().parents[1]
URL = "redis://:hunter2-long-password@db.internal:6379/0"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    factory = logging.getLogRecordFactory()
    yield
    logging.setLogRecordFactory(factory)
    jobsecrets.RedactingRecord.names, jobsecrets.RedactingRecord.values = frozenset(), ()


def test_secrets_applied_and_masked(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, restore_logging: None
) -> None:
    handed = {"settings": {"NEWSCRAWLER_REDIS_URL": URL}, "args": {"http_pass": "pw-arg-123"}}
    monkeypatch.setenv(jobsecrets.SECRETS_VARIABLE, json.dumps(handed))
    settings, spargs = Settings(), {"since": "2d"}
    jobsecrets.apply_job_secrets(settings, spargs)
    assert settings["NEWSCRAWLER_REDIS_URL"] == URL
    assert spargs == {"since": "2d", "http_pass": "pw-arg-123"}
    assert jobsecrets.SECRETS_VARIABLE not in os.environ  # not passed on to child processes
    long_dump = pprint.pformat({"NEWSCRAWLER_REDIS_URL": URL * 3, "LOG_LEVEL": "INFO"}, width=40)
    logger = logging.getLogger("test.jobsecrets")
    with caplog.at_level(logging.INFO, logger="test.jobsecrets"):
        logger.info("Overridden settings:\n%(settings)s", {"settings": long_dump})
        logger.info("connecting to %s with %s", URL, "pw-arg-123")
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "hunter2" not in text
    assert "pw-arg-123" not in text
    assert "'NEWSCRAWLER_REDIS_URL': '***'" in text
    assert "connecting to *** with ***" in text


def test_no_variable_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(jobsecrets.SECRETS_VARIABLE, raising=False)
    factory = logging.getLogRecordFactory()
    jobsecrets.apply_job_secrets(Settings(), {})
    assert logging.getLogRecordFactory() is factory


def test_malformed_variable_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(jobsecrets.SECRETS_VARIABLE, "{not json")
    with pytest.raises(ConfigError, match=jobsecrets.SECRETS_VARIABLE):
        jobsecrets.apply_job_secrets(Settings(), {})


LAUNCHER_CHECKS = """
import scrapyd_secrets as launcher
URL = "redis://:hunter2-long-password@db.internal:6379/0"
assert launcher.SECRETS_VARIABLE == "NEWSCRAWLER_JOB_SECRETS"
assert launcher.is_secret("NEWSCRAWLER_REDIS_URL", URL)
assert launcher.is_secret("AWS_SECRET_ACCESS_KEY", "x")
assert not launcher.is_secret("FEEDS", '{"/var/lib/feeds/x.jsonl": {}}')
assert launcher.password_problem(launcher.PLACEHOLDER)
assert launcher.password_problem("")
assert launcher.password_problem("short")
assert launcher.password_problem("0123456789abcdef0123") is None
environ = {"SCRAPYD_PASSWORD": "p", "NEWS_API_TOKEN": "t", "PATH": "/bin", "HOME": "/h"}
launcher.scrub(environ)
assert environ == {"PATH": "/bin", "HOME": "/h"}, environ
print("ok")
"""


@pytest.mark.slow
def test_launcher_rules() -> None:
    # In a subprocess: scrapyd imports twisted's default reactor, which must not be installed in
    # the test process (Scrapy's crawler tests need the asyncio one).
    if importlib.util.find_spec("scrapyd") is None:
        pytest.skip("scrapyd is a deploy-time package")
    env = {**os.environ, "PYTHONPATH": str(REPO / "deploy")}
    result = subprocess.run(
        [sys.executable, "-c", LAUNCHER_CHECKS], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "ok", result.stderr
    assert jobsecrets.SECRETS_VARIABLE == "NEWSCRAWLER_JOB_SECRETS"
