"""The benchmark harness: our code and its well-known peer, timed alternately in one process.

A :class:`Case` pairs two :class:`Impl` (ours, peer) doing the same work. :func:`measure` warms
both up, then runs ``rounds`` alternating rounds (ours, peer, ours, peer, …); each round calls the
function in a loop for about ``budget_s`` seconds and records a rate. The medians are reported and
``ratio = ours / peer`` (> 1: we are faster). Nothing here asserts anything: benchmarks are not tests.

This module is pure Python: the same harness runs in CPython and inside Pyodide.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Case", "Impl", "Result", "machine", "measure", "version_of"]


@dataclass(slots=True)
class Impl:
    """One implementation: a display name (with version) and a zero-argument callable."""

    name: str
    fn: Callable[[], Any]


@dataclass(slots=True)
class Case:
    """The same work done by ours and by the peer (``peer`` may be ``None`` where none exists here)."""

    module: str
    name: str
    ours: Impl
    peer: Impl | None
    #: "ops/s" (calls per second) or "MB/s" (``bytes_per_call`` bytes per call, 10^6 bytes per MB)
    unit: str = "ops/s"
    bytes_per_call: int = 0
    #: Anything worth printing next to the figures (e.g. patch sizes).
    notes: dict[str, Any] = field(default_factory=dict)
    #: Multiplies the time budget for slow cases (a whole Argon2 hash, a page load).
    budget_scale: float = 1.0


@dataclass(slots=True)
class Result:
    case: Case
    runtime: str
    ours: float
    peer: float | None

    @property
    def ratio(self) -> float | None:
        return None if self.peer in (None, 0) or self.peer is None else self.ours / self.peer

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "module": self.case.module,
            "case": self.case.name,
            "runtime": self.runtime,
            "unit": self.case.unit,
            "ours": {"impl": self.case.ours.name, "median": self.ours},
            "peer": None if self.case.peer is None else {"impl": self.case.peer.name, "median": self.peer},
            "ratio": self.ratio,
        }
        if self.case.notes:
            out["notes"] = self.case.notes
        return out


def _rate(fn: Callable[[], Any], budget_s: float, unit_scale: float) -> float:
    """Calls of ``fn`` per second (times ``unit_scale``) over at least ``budget_s`` seconds (and 1 call)."""
    clock = time.perf_counter
    calls = 0
    batch = 1
    start = clock()
    elapsed = 0.0
    while True:
        for _ in range(batch):
            fn()
        calls += batch
        elapsed = clock() - start
        if elapsed >= budget_s:
            break
        # grow the batch so the clock is read rarely for fast functions
        if elapsed < budget_s / 10:
            batch *= 2
    return calls / elapsed * unit_scale


def measure(case: Case, runtime: str, *, quick: bool = False) -> Result:
    """Warm up, then alternate ours / peer; return the median rates."""
    budget = (0.05 if quick else 0.25) * case.budget_scale
    rounds = 3 if quick else 7
    scale = case.bytes_per_call / 1e6 if case.unit == "MB/s" else 1.0
    impls = [case.ours] + ([case.peer] if case.peer is not None else [])
    for impl in impls:  # warm-up: caches, lazy tables, JIT-less but allocation-heavy first calls
        _rate(impl.fn, budget / 2, scale)
    samples: list[list[float]] = [[] for _ in impls]
    for _ in range(rounds):
        for i, impl in enumerate(impls):
            samples[i].append(_rate(impl.fn, budget, scale))
    medians = [statistics.median(s) for s in samples]
    return Result(case, runtime, medians[0], medians[1] if len(medians) > 1 else None)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    import os

    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": sys.platform,
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }


def version_of(dist: str) -> str:
    """``"dist 1.2.3"`` for an installed distribution (the peer's name in reports)."""
    from importlib import metadata

    try:
        return f"{dist} {metadata.version(dist)}"
    except metadata.PackageNotFoundError:
        return dist
