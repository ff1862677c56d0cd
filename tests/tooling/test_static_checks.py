"""ruff, mypy --strict on core/ and the edge worker's Python, the import-linter layer contracts, and tsc on the page
and the edge worker."""

from __future__ import annotations

import shutil
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


@pytest.mark.parametrize(("project", "package", "modules"), [
    ("edge", "llm_infra_edge_routes", "routes"),  # as edge/src/py-worker.mjs installs them in Pyodide
    ("browser", "llm_infra_page_tools", "tools"),  # as browser/src/python-worker.ts does
])
def test_mypy_strict_edge_and_page_python(tmp_path: Path, project: str, package: str, modules: str) -> None:
    """The Python of the edge worker and of the playground, laid out as their workers install it.

    In the repository ``edge/routes/json.py`` would be the module ``json`` (the standard library's
    name), so mypy checks a copy: ``<project>/src/*.py`` at the top level and ``<project>/<modules>/*.py``
    as the package the worker writes them into.
    """
    pkg = tmp_path / package
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for source in (REPO / project / modules).glob("*.py"):
        shutil.copy(source, pkg / source.name)
    top = list((REPO / project / "src").glob("*.py"))
    for source in top:
        shutil.copy(source, tmp_path / source.name)
    assert top and len(list(pkg.glob("*.py"))) > 1
    proc = subprocess.run([str(BIN / "mypy"), "--strict", "--python-version", "3.11", "--no-incremental",
                           *(p.name for p in top), package], cwd=tmp_path, capture_output=True, text=True,
                          check=False, timeout=600)
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
