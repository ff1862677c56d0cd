"""Every conformance vector case, one test id each, in this runtime (CPython or Pyodide).

The cases come from ``conformance/vectors``; an op this runtime does not implement fails here
(the CLI reports it as unsupported, but the project's own vectors must all be implemented).

Every ``crypto.*`` file runs once per backend mode — ``LLM_INFRA_BACKEND=pure`` and ``auto`` —
with the backend choices reset in between, so the pure-Python implementation and whatever native
package ``auto`` picks up must both produce every expected byte. (Inside Pyodide there is no
native package, so ``auto`` is pure Python too and only ``pure`` runs.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_infra.conformance import handler_for, run_document
from llm_infra.crypto import backends, reset_backends
from llm_infra.crypto._backend import ENV_VAR
from tests.conftest import IN_PYODIDE, REPO

VECTORS = REPO / "conformance" / "vectors"
#: Backend modes the crypto vectors run under.
CRYPTO_MODES = ("pure",) if IN_PYODIDE else ("pure", "auto")


def _cases() -> list[object]:
    params = []
    for path in sorted(VECTORS.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        rel = path.relative_to(VECTORS).as_posix()
        modes = CRYPTO_MODES if doc["op"].startswith("crypto.") else (None,)
        for mode in modes:
            for case in doc["cases"]:
                suffix = "" if mode is None else f"[{mode}]"
                params.append(pytest.param(path, doc, case["id"], mode, id=f"{rel}::{case['id']}{suffix}"))
    return params


@pytest.fixture
def backend_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str | None]:
    """Set ``LLM_INFRA_BACKEND`` for one case (``None``: leave it alone) and forget the choices around it."""
    mode = request.param
    if mode is not None:
        monkeypatch.setenv(ENV_VAR, mode)
    reset_backends()
    yield mode
    reset_backends()


@pytest.mark.parametrize(("path", "doc", "case_id", "backend_mode"), _cases(), indirect=["backend_mode"])
def test_vector_case(path: Path, doc: dict, case_id: str, backend_mode: str | None) -> None:
    assert handler_for(doc["op"]) is not None, f"op {doc['op']} is not implemented in Python"
    single = {**doc, "cases": [c for c in doc["cases"] if c["id"] == case_id]}
    result = run_document(single, str(path))
    assert result.failed == 0, result.failures[0].detail
    assert result.passed == 1
    if backend_mode == "pure":
        assert all(v == "pure" for v in backends().values()), backends()


def test_there_are_vectors() -> None:
    assert len(_cases()) > 50


@pytest.mark.skipif(IN_PYODIDE, reason="Pyodide has no native crypto packages")
def test_auto_mode_really_uses_the_native_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without this, the ``auto`` runs above could silently be pure Python twice."""
    pytest.importorskip("blake3")
    pytest.importorskip("cryptography")
    monkeypatch.setenv(ENV_VAR, "auto")
    reset_backends()
    try:
        resolved = backends(resolve=True)
        assert resolved["blake3"] == "native:blake3"
        assert resolved["aes_gcm"] == "native:cryptography"
    finally:
        reset_backends()
