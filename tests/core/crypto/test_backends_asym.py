"""Every Ed25519 / Argon2id vector under ``LLM_INFRA_BACKEND=pure`` and ``auto``, with the backend checked.

``tests/core/test_vectors.py`` runs all vectors once in whatever mode is set; this runs this
module's files in both modes here, so pure Python and the native packages are each proven against
the same expectations (where pynacl / argon2-cffi are not installed — Pyodide, the bare CPython
3.12/3.13 runs — ``auto`` resolves to pure, and the test checks that too).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from llm_infra.conformance import run_document
from llm_infra.crypto import backends, reset_backends
from tests.conftest import REPO

VECTORS = REPO / "conformance" / "vectors" / "crypto"
FILES = sorted(p for p in VECTORS.glob("*.json") if p.name.startswith(("ed25519_", "argon2_")))
PRIMITIVE = {"ed25519": "ed25519", "argon2": "argon2id"}
NATIVE_PACKAGE = {"ed25519": "nacl", "argon2id": "argon2"}


def _native_installed(primitive: str) -> bool:
    return importlib.util.find_spec(NATIVE_PACKAGE[primitive]) is not None


def test_the_files_exist() -> None:
    names = {p.name for p in FILES}
    assert {"ed25519_public_key.json", "ed25519_sign.json", "ed25519_verify.json", "argon2_argon2id.json",
            "argon2_password_verify.json"} <= names


@pytest.mark.parametrize("mode", ["pure", "auto"])
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_vector_file_in_mode(path: Path, mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_INFRA_BACKEND", mode)
    reset_backends()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        result = run_document(doc, str(path))
        assert result.failed == 0, [f"{f.id}: {f.detail}" for f in result.failures[:5]]
        assert result.passed == len(doc["cases"])
        primitive = PRIMITIVE[path.name.split("_")[0]]
        if doc["op"] == "crypto.password.needs_rehash":  # parses only: must never run Argon2
            assert primitive not in backends()
            return
        chosen = backends()[primitive]
        if mode == "pure" or not _native_installed(primitive):  # Pyodide, or a CPython without the extras
            assert chosen == "pure"
        else:  # the native package is installed: it must really have run
            assert chosen.startswith("native:"), chosen
    finally:
        reset_backends()
