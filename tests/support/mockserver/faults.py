"""Fault injection, deterministic by seed: per-path faults and random-rate faults.

Spec (JSON): ``{"/article/3": "500", "/article/4": "slow:2.5", "/news/": {"mode": "503",
"times": 2}, "rate": {"503": 0.1, "slow": 0.05}, "rate_scope": ["/article", "/news/"]}``.
A mode is ``name`` or ``name:arg``; ``times`` limits a path fault to its first N requests.
Rate faults draw from ``Random(f"{seed}:{path}:{attempt}")``, so a retry of the same URL sees a
new but reproducible draw. Modes live in ``faults_modes.py``: to add one, write an
``(arg) -> Action`` function there and register it in ``MODES``; hostile-input modes (bad
listing entries, huge or deep documents) live in ``faults_input.py``.
"""

from __future__ import annotations

import json
import random
import threading
from collections import Counter
from dataclasses import dataclass

from tests.support.mockserver import faults_input, faults_modes
from tests.support.mockserver.faults_modes import Action

__all__ = ["MODES", "Action", "Fault", "FaultPlan"]

DEFAULT_SCOPE = ("/article", "/news/")
MODES = {**faults_modes.MODES, **faults_input.MODES}


@dataclass(frozen=True)
class Fault:
    """One configured fault: mode name, optional argument, optional request budget."""

    mode: str
    arg: str | None = None
    times: int | None = None

    @classmethod
    def parse(cls, value: str | dict[str, object]) -> Fault:
        """Read ``"503:5"`` or ``{"mode": "503", "arg": "5", "times": 2}``."""
        if isinstance(value, dict):
            mode, arg = str(value["mode"]), value.get("arg")
            times = value.get("times")
            fault = cls(
                mode, None if arg is None else str(arg), None if times is None else int(str(times))
            )
        else:
            mode, _, arg_s = value.partition(":")
            fault = cls(mode, arg_s or None)
        if fault.mode not in MODES:
            raise ValueError(f"unknown fault mode {fault.mode!r}; known: {sorted(MODES)}")
        return fault

    def action(self) -> Action:
        return MODES[self.mode](self.arg)


class FaultPlan:
    """Decides, per request, which fault (if any) applies; thread-safe and reproducible."""

    def __init__(self, spec: str | None, seed: int) -> None:
        raw: dict[str, object] = json.loads(spec) if spec else {}
        rates = raw.pop("rate", {})
        scope = raw.pop("rate_scope", list(DEFAULT_SCOPE))
        if not isinstance(rates, dict) or not isinstance(scope, list):
            raise ValueError("'rate' must be an object and 'rate_scope' a list")
        self.seed = seed
        self.rates = [(Fault.parse(str(mode)), float(p)) for mode, p in sorted(rates.items())]
        self.scope = tuple(str(s) for s in scope)
        self.paths = {path: Fault.parse(v) for path, v in raw.items()}  # type: ignore[arg-type]
        self._seen: Counter[str] = Counter()
        self._lock = threading.Lock()

    def pick(self, target: str) -> Action | None:
        """The action for this request of `target` (path with query), or None."""
        with self._lock:
            self._seen[target] += 1
            attempt = self._seen[target]
        path = target.partition("?")[0]
        fault = self.paths.get(target) or self.paths.get(path)
        if fault is not None and (fault.times is None or attempt <= fault.times):
            return fault.action()
        if self.rates and path.startswith(self.scope):
            draw = random.Random(f"{self.seed}:{target}:{attempt}").random()
            for rate_fault, p in self.rates:
                if draw < p:
                    return rate_fault.action()
                draw -= p
        return None
