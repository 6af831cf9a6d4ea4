"""Typed, range-checked reads of settings and spider arguments that raise ConfigError by name."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scrapy.settings import BaseSettings

from newscrawler.exceptions import ConfigError

T = TypeVar("T", int, float)
TRUE = frozenset(("1", "true", "yes", "on"))
FALSE = frozenset(("0", "false", "no", "off", ""))
BOOLEANS = "1/0, true/false, yes/no, on/off"


def parse_bool(value: object, name: str) -> bool:
    """A flag from a spider argument or setting (`-a refresh=1`); ConfigError for anything else."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    text = str(value).strip().lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise ConfigError(f"{name}={value!r} is not a boolean; accepted: {BOOLEANS}")


def get_bool(settings: BaseSettings, name: str, default: bool) -> bool:
    return parse_bool(settings.get(name, default), name)


def _number(
    settings: BaseSettings,
    name: str,
    default: T,
    kind: Callable[[Any], T],
    bounds: tuple[T | None, T | None],
) -> T:
    raw = settings.get(name, default)
    label = "an integer" if kind is int else "a number"
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{name}={raw!r} is not {label}; accepted: {accepted(bounds)}") from None
    low, high = bounds
    if value != value:  # NaN compares false with every bound
        raise ConfigError(f"{name}={raw!r} is not {label}; accepted: {accepted(bounds)}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ConfigError(f"{name}={raw!r} is out of range; accepted: {accepted(bounds)}")
    return value


def accepted(bounds: tuple[object, object]) -> str:
    low, high = bounds
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"{low} or more"
    return f"{high} or less" if high is not None else "any number"


def get_int(
    settings: BaseSettings, name: str, default: int, *, low: int | None = 0, high: int | None = None
) -> int:
    """An integer setting within [low, high]; '1.5', 'abc' and out-of-range values are refused."""
    return _number(settings, name, default, int, (low, high))


def get_float(
    settings: BaseSettings,
    name: str,
    default: float,
    *,
    low: float | None = 0.0,
    high: float | None = None,
) -> float:
    return _number(settings, name, default, float, (low, high))


def get_str(settings: BaseSettings, name: str, default: str) -> str:
    value = settings.get(name, default)
    if not isinstance(value, str):
        raise ConfigError(f"{name}={value!r} is not a string")
    return value or default


def get_list(settings: BaseSettings, name: str, default: tuple[str, ...]) -> list[str]:
    """A list setting: a Python list, a JSON array or a comma-separated string on `-s`."""
    raw = settings.get(name, list(default))
    if isinstance(raw, str) and raw.strip().startswith("["):
        raw = _json(name, raw, list, "a JSON array or comma-separated names")
    elif isinstance(raw, str):
        raw = [part.strip() for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list | tuple):
        raise ConfigError(f"{name}={raw!r} is not a list; accepted: a JSON array or a,b,c")
    return [str(item) for item in raw]


def get_dict(settings: BaseSettings, name: str, default: dict[str, Any]) -> dict[str, Any]:
    """A dict setting: a Python dict or a JSON object on `-s`."""
    raw = settings.get(name, default)
    if raw is None or raw == "":
        return dict(default)
    if isinstance(raw, str):
        raw = _json(name, raw, dict, "a JSON object")
    if not isinstance(raw, dict):
        raise ConfigError(f"{name}={raw!r} is not a JSON object")
    return dict(raw)


def _json(name: str, text: str, kind: type, what: str) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{name} is not valid JSON ({exc.msg}); accepted: {what}") from None
    if not isinstance(value, kind):
        raise ConfigError(f"{name}={text!r} has the wrong JSON type; accepted: {what}")
    return value


def check_zone(name: str, zone: str) -> str:
    """An IANA time zone name ("Asia/Kolkata", "UTC"); ConfigError for an unknown one."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{name}: unknown time zone {zone!r}; accepted: IANA names such as UTC, Asia/Kolkata"
        ) from None
    return zone


def without_password(url: str) -> str:
    """A URL as it may be logged: "redis://:secret@host" becomes "redis://***@host"."""
    return re.sub(r"//[^@/]*@", "//***@", url)
