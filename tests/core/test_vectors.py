"""Every conformance vector case, one test id each, in this runtime (CPython or Pyodide).

The cases come from ``conformance/vectors``; an op this runtime does not implement fails here
(the CLI reports it as unsupported, but the project's own vectors must all be implemented).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_infra.conformance import handler_for, run_document
from tests.conftest import REPO

VECTORS = REPO / "conformance" / "vectors"


def _cases() -> list[object]:
    params = []
    for path in sorted(VECTORS.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        rel = path.relative_to(VECTORS).as_posix()
        for case in doc["cases"]:
            params.append(pytest.param(path, doc, case["id"], id=f"{rel}::{case['id']}"))
    return params


@pytest.mark.parametrize(("path", "doc", "case_id"), _cases())
def test_vector_case(path: Path, doc: dict, case_id: str) -> None:
    assert handler_for(doc["op"]) is not None, f"op {doc['op']} is not implemented in Python"
    single = {**doc, "cases": [c for c in doc["cases"] if c["id"] == case_id]}
    result = run_document(single, str(path))
    assert result.failed == 0, result.failures[0].detail
    assert result.passed == 1


def test_there_are_vectors() -> None:
    assert len(_cases()) > 50
