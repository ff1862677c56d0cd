"""`llm-infra conformance`: the matrix, exit status, unsupported ops and the JSON report, per runtime."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO

CLI = [sys.executable, "-m", "llm_infra.conformance.cli", "conformance"]
REPORT_SCHEMA = json.loads((REPO / "conformance" / "schema" / "report.schema.json").read_text())
#: ``--runtime`` name → the report names (columns) it produces, in ``--runtime all`` order.
REPORTS = {"cpython": ["cpython"], "pyodide": ["pyodide"], "node": ["node"],
           "chromium": ["chromium-pyodide", "chromium-ts"], "workerd": ["workerd"],
           "workerd-pyodide": ["workerd-pyodide"]}
RUNTIMES = [r for names in REPORTS.values() for r in names]


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=600)


@pytest.fixture(scope="module")
def broken_vectors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a real vector file with one expected value flipped, plus a file of an unknown op."""
    d = tmp_path_factory.mktemp("vectors")
    doc = json.loads((REPO / "conformance/vectors/errors/retry_delays.json").read_text())
    case = next(c for c in doc["cases"] if c["id"] == "none-doubling-capped")
    case["expect"]["delays_ms"][0] += 1
    (d / "flipped.json").write_text(json.dumps(doc))
    unknown = {"format": "llm-infra-vectors/1", "op": "future.op", "source": "test",
               "cases": [{"id": "a", "input": {}, "expect": {}}]}
    (d / "unknown.json").write_text(json.dumps(unknown))
    return d


def test_all_runtimes_pass_on_the_project_vectors(npm_workspace: Path, chromium: str, tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    proc = run_cli("--runtime", "all", "--json", str(report_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    header = proc.stdout.splitlines()[0].split()
    assert header == ["op", *RUNTIMES]
    assert "errors.retry.delays" in proc.stdout and "FAIL" not in proc.stdout
    report = json.loads(report_path.read_text())
    jsonschema.validate(report, REPORT_SCHEMA)
    runtimes = {r["runtime"] for r in report["results"]}
    assert runtimes == set(RUNTIMES)
    per_runtime = {rt: sum(r["passed"] for r in report["results"] if r["runtime"] == rt) for rt in RUNTIMES}
    assert len(set(per_runtime.values())) == 1 and per_runtime["node"] > 50, per_runtime
    assert not any(r["unsupported"] for r in report["results"])


@pytest.mark.parametrize("runtime", list(REPORTS))
def test_a_flipped_expectation_fails_each_runtime(
    runtime: str, broken_vectors: Path, npm_workspace: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if runtime == "chromium":
        request.getfixturevalue("chromium")
    report_path = tmp_path / "report.json"
    proc = run_cli(str(broken_vectors), "--runtime", runtime, "--json", str(report_path))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    report = json.loads(report_path.read_text())
    jsonschema.validate(report, REPORT_SCHEMA)
    assert proc.stdout.splitlines()[0].split() == ["op", *REPORTS[runtime]]
    for name in REPORTS[runtime]:
        assert f"FAIL {name} errors.retry.delays" in proc.stdout and "none-doubling-capped" in proc.stdout
        by_op = {r["op"]: r for r in report["results"] if r["runtime"] == name}
        assert by_op["errors.retry.delays"]["failed"] == 1
        assert by_op["errors.retry.delays"]["failures"][0]["id"] == "none-doubling-capped"
        assert by_op["errors.retry.delays"]["passed"] > 10
        # an unknown op is reported unsupported, never passed
        assert by_op["future.op"] == {**by_op["future.op"], "passed": 0, "failed": 0, "unsupported": True}


@pytest.mark.parametrize("runtime", ["cpython", "pyodide", "node"])
def test_unknown_op_is_unsupported_not_a_failure(runtime: str, broken_vectors: Path, npm_workspace: Path) -> None:
    proc = run_cli(str(broken_vectors / "unknown.json"), "--runtime", runtime)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "unsupported" in proc.stdout.splitlines()[2]
    strict = run_cli(str(broken_vectors / "unknown.json"), "--runtime", runtime, "--fail-on-unsupported")
    assert strict.returncode == 1


def test_bad_usage_and_missing_paths(tmp_path: Path) -> None:
    assert run_cli("--runtime", "mars").returncode == 2
    proc = run_cli(str(tmp_path / "nope.json"))
    assert proc.returncode == 1 and "no vector file" in proc.stderr


def test_a_runtime_that_cannot_start_is_an_error(tmp_path: Path, broken_vectors: Path) -> None:
    # A checkout without the npm workspace: the node runtime reports an error, the run fails.
    fake = tmp_path / "repo"
    (fake / "conformance" / "drivers").mkdir(parents=True)
    (fake / "conformance" / "drivers" / "pyodide.mjs").write_text("")
    shutil.copytree(REPO / "sdk-ts" / "src", fake / "sdk-ts" / "src")
    proc = subprocess.run(
        [*CLI, str(broken_vectors / "unknown.json"), "--runtime", "node"], cwd=REPO, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "LLM_INFRA_REPO": str(fake)}, check=False,
    )
    assert proc.returncode == 1
    assert "ERROR node" in proc.stdout and "npm workspace" in proc.stdout


def test_a_missing_chromium_is_a_runtime_error(broken_vectors: Path, npm_workspace: Path) -> None:
    proc = subprocess.run(
        [*CLI, str(broken_vectors / "unknown.json"), "--runtime", "chromium"], cwd=REPO, capture_output=True,
        text=True, env={**os.environ, "LLM_INFRA_CHROMIUM": "/nonexistent/chromium"}, check=False, timeout=300,
    )
    assert proc.returncode == 1
    assert "ERROR chromium-pyodide: not_found: Chromium is not installed at /nonexistent/chromium" in proc.stdout
    assert "ERROR chromium-ts" in proc.stdout
