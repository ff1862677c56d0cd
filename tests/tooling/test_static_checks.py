"""ruff, mypy --strict on core/, and the import-linter layer contracts, as part of the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), cwd=REPO, capture_output=True, text=True, check=False, timeout=600)


def test_ruff() -> None:
    proc = run(str(BIN / "ruff"), "check", "core", "server", "tests", "benchmarks", "conformance", "scripts")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_core() -> None:
    proc = run(str(BIN / "mypy"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_import_layers() -> None:
    proc = run(str(BIN / "lint-imports"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" not in proc.stdout.lower() or " 0 broken" in proc.stdout
