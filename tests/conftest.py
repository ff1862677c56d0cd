"""Shared test configuration. Must stay importable inside Pyodide (stdlib + pytest + hypothesis)."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
IN_PYODIDE = sys.platform == "emscripten"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Pyodide runs pure Python 2-3x slower than CPython and CI machines are shared: never fail on time.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.load_profile("ci" if IN_CI else "default")

#: Reason used on every test that cannot run inside Pyodide (counted in the Pyodide run's summary).
NO_SUBPROCESS_IN_PYODIDE = "Pyodide (wasm) cannot start subprocesses"


def require(condition: bool, what: str) -> None:
    """Skip when a required external component is missing, except under CI where it is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{what} is required when CI=true (the project's scripts install it)")
    pytest.skip(f"{what} is not available (it is required under CI=true)")


T = TypeVar("T")


def run_coro(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion: ``asyncio.run`` on CPython.

    Pyodide under Node has no JSPI, so ``asyncio.run`` cannot block there; the coroutines under
    test only suspend on zero-length sleeps, so they are driven step by step instead.
    """
    if not IN_PYODIDE:
        return asyncio.run(coro)
    try:
        while True:
            coro.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium for the browser tests and the chromium runtime (a failure under CI=true)."""
    from llm_infra.conformance._chromium import chromium_path
    from llm_infra.errors import InfraError

    try:
        return chromium_path()
    except InfraError as exc:
        require(False, f"Chromium ({exc.message})")
        raise
