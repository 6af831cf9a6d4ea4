"""Secrets a scrapyd job received off its command line: applied to the crawl, logged as '***'.

deploy/scrapyd_secrets.py moves job settings and spider arguments that look secret into the
environment variable NEWSCRAWLER_JOB_SECRETS of that one crawl (argv is readable by every
local user and scrapyd logs it). Without that launcher nothing here changes anything.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import pprint
from collections.abc import MutableMapping
from typing import Any

from newscrawler.exceptions import ConfigError

SECRETS_VARIABLE = "NEWSCRAWLER_JOB_SECRETS"
MASK = "***"


def take_job_secrets(environ: MutableMapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The (settings, spider arguments) handed over, removed from `environ`.

    Removed so that processes the crawl starts (extraction workers) do not inherit them.
    """
    raw = environ.pop(SECRETS_VARIABLE, "")
    if not raw:
        return {}, {}
    try:
        data = json.loads(raw)
        return dict(data["settings"]), {str(k): str(v) for k, v in data["args"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ConfigError(
            f"{SECRETS_VARIABLE} is not what deploy/scrapyd_secrets.py writes"
        ) from None


class RedactingRecord(logging.LogRecord):
    """A log record whose message shows every registered secret value as '***'."""

    names: frozenset[str] = frozenset()
    values: tuple[str, ...] = ()

    def getMessage(self) -> str:  # noqa: N802 (logging's name)
        message = super().getMessage()
        if self.names and str(self.msg).startswith("Overridden settings"):
            message = _masked_settings(message, self.names)
        for value in self.values:
            message = message.replace(value, MASK)
        return message


def _masked_settings(message: str, names: frozenset[str]) -> str:
    """Scrapy's "Overridden settings:" dump with the secret settings' values masked.

    pprint splits long strings over lines, so replacing the value in the text is not enough.
    """
    head, _, dump = message.partition("\n")
    try:
        settings = ast.literal_eval(dump)
    except (ValueError, SyntaxError):
        return message
    masked = {k: MASK if k in names else v for k, v in settings.items()}
    return f"{head}\n{pprint.pformat(masked)}"


def apply_job_secrets(settings: Any, spargs: dict[str, str]) -> None:
    """Apply the handed-over secrets at command-line priority and mask them in every log line."""
    secret_settings, secret_args = take_job_secrets(os.environ)
    if not (secret_settings or secret_args):
        return
    settings.setdict(secret_settings, priority="cmdline")
    spargs.update(secret_args)
    RedactingRecord.names = frozenset(secret_settings)
    values = [str(v) for v in (*secret_settings.values(), *secret_args.values())]
    # Longest first, so a value containing another is masked whole.
    RedactingRecord.values = tuple(sorted({v for v in values if v}, key=len, reverse=True))
    logging.setLogRecordFactory(RedactingRecord)
