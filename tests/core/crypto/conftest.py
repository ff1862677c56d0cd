"""Fixtures of the crypto tests: a clean backend choice around every test, and ways to force a mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from llm_infra.crypto import reset_backends
from llm_infra.crypto._backend import ENV_VAR


@pytest.fixture(autouse=True)
def _fresh_backends() -> Iterator[None]:
    reset_backends()
    yield
    reset_backends()


@pytest.fixture
def use_backend(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """``use_backend("pure")``: set ``LLM_INFRA_BACKEND`` and forget earlier choices."""

    def set_mode(mode: str) -> None:
        monkeypatch.setenv(ENV_VAR, mode)
        reset_backends()

    return set_mode


@pytest.fixture
def backend_mode(request: pytest.FixtureRequest, use_backend: Callable[[str], None]) -> str:
    """Set ``LLM_INFRA_BACKEND`` to the test's (indirect) parameter."""
    mode: str = request.param
    use_backend(mode)
    return mode


@pytest.fixture
def pure(use_backend: Callable[[str], None]) -> None:
    """Force the pure-Python backends for one test."""
    use_backend("pure")
