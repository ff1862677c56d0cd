"""Fixtures of the crypto tests: backend selection per test, peers where they exist (never in Pyodide)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from llm_infra.crypto import reset_backends


@pytest.fixture
def backend_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Set ``LLM_INFRA_BACKEND`` to the test's parameter and forget earlier choices (and after)."""
    mode: str = request.param
    monkeypatch.setenv("LLM_INFRA_BACKEND", mode)
    reset_backends()
    yield mode
    reset_backends()


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Force the pure-Python backends for one test."""
    monkeypatch.setenv("LLM_INFRA_BACKEND", "pure")
    reset_backends()
    yield
    reset_backends()
