"""Tooling tests drive the checkout's toolchain (node, the npm workspace, subprocesses): CPython only."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, require

collect_ignore_glob = ["*"] if sys.platform == "emscripten" else []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.tooling)


@pytest.fixture(scope="session")
def node() -> str:
    path = shutil.which("node")
    require(path is not None, "node")
    assert path is not None
    return path


@pytest.fixture(scope="session")
def npm_workspace(node: str) -> Path:
    require((REPO / "node_modules" / "pyodide").is_dir(), "the npm workspace (scripts/setup.sh)")
    return REPO / "node_modules"
