"""Spider arguments (`-a NAME=VALUE`) checked at start-up: unknown names and bad values refused."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from newscrawler.exceptions import ConfigError
from newscrawler.sites import discovery

_NAMED = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def accepted_arguments(spidercls: type, extra: Iterable[str] = ()) -> list[str]:
    """The `-a` names a spider class takes: every named __init__ parameter along its MRO."""
    names = set(extra)
    for klass in spidercls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or klass.__module__.startswith("scrapy."):
            continue
        params = inspect.signature(init).parameters.values()
        names |= {p.name for p in params if p.kind in _NAMED and p.name != "self"}
    return sorted(names)


def check_unknown(spidercls: type, name: str, given: Iterable[str], extra: Iterable[str]) -> None:
    """ConfigError naming the first unknown argument; `_job` and other `_` names are scrapyd's."""
    extra = tuple(extra)
    unknown = sorted(key for key in given if not key.startswith("_") and key not in extra)
    if unknown:
        known = ", ".join(accepted_arguments(spidercls))  # the pass-through names are rarer
        raise ConfigError(f"{name}: unknown argument -a {unknown[0]}=...; accepted: {known}")


def age(value: str) -> timedelta | None:
    """`-a since=`: None when empty, else 30m/12h/2d/1w."""
    if not value:
        return None
    try:
        since = discovery.parse_age(value)
    except ValueError:
        since = None
    if not since:  # 0d would skip every dated entry: a run reaching nobody, said to be OK
        raise ConfigError(
            f"-a since={value!r} is not a duration; accepted: a number over 0 and m, h, d or w, "
            "e.g. 2d"
        )
    return since


def read_lines(path: str) -> str:
    """The text of `-a url_file=PATH`; ConfigError when it cannot be read.

    utf-8-sig: Notepad and spreadsheets save a byte-order mark, which would otherwise be read
    as part of the first URL (and that URL given up as an unknown scheme).
    """
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(
            f"-a url_file={path!r}: {reason}; accepted: a UTF-8 file, one URL per line"
        ) from None


def count(name: str, value: str, default: int) -> int:
    """A positive whole number argument such as `-a max_pages=5`."""
    if not value:
        return default
    if not value.strip().isdigit() or int(value) < 1:
        raise ConfigError(f"-a {name}={value!r} is not a whole number; accepted: 1 or more")
    return int(value)


def checked_urls(name: str, urls: list[str]) -> list[str]:
    """`urls` when each is an absolute http(s) URL (`discovery.entry_problem`), else ConfigError.

    A URL without a scheme ("host/article/2", a local path) made Scrapy raise mid-start, so
    every URL listed after it was never requested while the run went on.
    """
    for number, url in enumerate(urls, 1):
        if discovery.entry_problem(url):
            raise ConfigError(
                f"-a {name}: entry {number} {url!r} is not an absolute URL; accepted: "
                "http:// or https:// URLs (serve a local sitemap with `python -m http.server`)"
            )
    return urls
