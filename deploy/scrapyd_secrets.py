"""scrapyd 1.6 launcher for newscrawler: crawls inherit no secrets and carry none on argv.

Enable it in scrapyd.conf (``launcher = scrapyd_secrets.Launcher``) with this directory on
scrapyd's PYTHONPATH (deploy/scrapyd.service). It imports scrapyd only, never newscrawler: the
crawl must run the deployed egg, not a copy found on the path.

- Refuses to start when the API password is empty, the example's placeholder or short: scrapyd
  itself would serve its API without authentication, or with a password anyone can read.
- Once scrapyd has read its credentials, removes ``SCRAPYD_*`` and secret-looking variables
  (PASSWORD, SECRET, TOKEN, ...) from its environment, so neither `scrapy crawl` jobs nor the
  `scrapy list` run at schedule time inherit them.
- Moves job settings and spider arguments whose name or value looks secret (a password in a
  ``redis://:pw@host`` URL, ``http_pass``) from the command line, which every local user can
  read in ``ps`` and which scrapyd logs, into the variable ``NEWSCRAWLER_JOB_SECRETS`` of that
  one crawl; newscrawler's `crawl` command applies them and logs them as ``'***'``.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

from scrapyd.environ import Environment
from scrapyd.interfaces import IEnvironment
from scrapyd.launcher import Launcher as ScrapydLauncher

SECRETS_VARIABLE = "NEWSCRAWLER_JOB_SECRETS"
SECRET_NAME = re.compile(r"PASS|SECRET|TOKEN|CREDENTIAL|API_?KEY|PRIVATE|AUTH", re.IGNORECASE)
SECRET_VALUE = re.compile(r"://[^/@\s:]*:[^/@\s]+@")  # a URL carrying user:password@
PLACEHOLDER = "change-me-to-a-long-random-string"
MIN_PASSWORD = 16


def is_secret(name: str, value: object) -> bool:
    return bool(SECRET_NAME.search(name) or SECRET_VALUE.search(str(value)))


def password_problem(password: str) -> str | None:
    """Why this API password must not be used, or None."""
    if not password:
        return "no password: scrapyd would serve its API without authentication"
    if password == PLACEHOLDER:
        return "the placeholder of deploy/scrapyd.env.example"
    if len(password) < MIN_PASSWORD:
        return f"shorter than {MIN_PASSWORD} characters"
    return None


def scrub(environ: Any) -> None:
    """Remove scrapyd's own and secret-looking variables from `environ`, in place."""
    for name in [n for n in environ if n.startswith("SCRAPYD_") or SECRET_NAME.search(n)]:
        del environ[name]


class SecretsEnvironment(Environment):  # type: ignore[misc]
    """scrapyd's Environment that moves secret job settings and arguments off the command line.

    scrapyd 1.6 builds the crawl's argv from the message after calling get_environment.
    """

    def get_environment(self, message: dict[str, Any], slot: int) -> dict[str, str]:
        env: dict[str, str] = super().get_environment(message, slot)
        settings = message.get("settings", {})
        moved = {
            "settings": {k: settings.pop(k) for k in list(settings) if is_secret(k, settings[k])},
            "args": {
                k: message.pop(k)
                for k in list(message)
                if not k.startswith("_") and k != "settings" and is_secret(k, message[k])
            },
        }
        if moved["settings"] or moved["args"]:
            env[SECRETS_VARIABLE] = json.dumps(moved)
        return env


class Launcher(ScrapydLauncher):  # type: ignore[misc]
    """scrapyd's launcher with the checks and scrubbing above."""

    def __init__(self, config: Any, app: Any) -> None:
        # Read the way scrapyd's basic auth reads it (scrapyd.basicauth.wrap_resource).
        problem = password_problem(os.getenv("SCRAPYD_PASSWORD") or config.get("password", ""))
        if problem:
            print(
                f"scrapyd: error: refusing to start, SCRAPYD_PASSWORD: {problem}", file=sys.stderr
            )
            raise SystemExit(2)
        super().__init__(config, app)
        app.setComponent(IEnvironment, SecretsEnvironment(config))

    def startService(self) -> None:  # noqa: N802 (twisted's name)
        # The web service has read the credentials by now (the application is built).
        scrub(os.environ)
        super().startService()
