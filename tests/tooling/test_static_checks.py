"""ruff, mypy --strict on core/, the import-linter layer contracts, and tsc on the page and the edge worker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), cwd=REPO, capture_output=True, text=True, check=False, timeout=600)


def test_ruff() -> None:
    proc = run(str(BIN / "ruff"), "check", "core", "server", "tests", "benchmarks", "conformance", "scripts",
               "browser", "edge")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_core() -> None:
    proc = run(str(BIN / "mypy"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_import_layers() -> None:
    proc = run(str(BIN / "lint-imports"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" not in proc.stdout.lower() or " 0 broken" in proc.stdout


@pytest.mark.parametrize("project", ["browser", "edge"])
def test_typescript_strict_page_and_edge(project: str, node: str, npm_workspace: Path) -> None:
    """The page's and the edge worker's TypeScript (bundled by esbuild, which does not type-check)."""
    proc = run(node, str(npm_workspace / "typescript" / "bin" / "tsc"), "-p", f"{project}/tsconfig.json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
