"""Edge tests: the worker served by workerd (npm, offline) on a free loopback port, started once per
session with both services (TypeScript worker + Pyodide-backed Python service). CPython only."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, require

collect_ignore_glob = ["*"] if sys.platform == "emscripten" else []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.tooling)


@pytest.fixture(scope="session")
def worker() -> Iterator[str]:
    """The base URL of `workerd serve build/edge/config.capnp config` (built from edge/)."""
    from llm_infra.conformance._workerd import WorkerdServer

    require((REPO / "node_modules" / ".bin" / "workerd").exists(), "workerd (the npm workspace, scripts/setup.sh)")
    with WorkerdServer("config") as server:
        yield server.url
