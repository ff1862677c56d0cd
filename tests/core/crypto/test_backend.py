"""Backend selection: LLM_INFRA_BACKEND, backends(), a missing native package, bad values."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import pytest

from llm_infra.crypto import AESGCM, backend_mode, backends, blake3_hash, reset_backends, sha256
from llm_infra.crypto._backend import ENV_VAR, choose, register, using_backend
from llm_infra.errors import InfraError
from tests.conftest import IN_PYODIDE


def test_pure_mode_reports_pure(use_backend: Callable[[str], None]) -> None:
    use_backend("pure")
    assert backend_mode() == "pure"
    blake3_hash(b"x")
    AESGCM(bytes(16))
    assert backends() == {"aes_gcm": "pure", "blake3": "pure"}


def test_backends_lists_only_used_primitives_until_resolved(use_backend: Callable[[str], None]) -> None:
    use_backend("pure")
    assert "blake3" not in backends()
    blake3_hash(b"")
    assert backends()["blake3"] == "pure"
    assert {"aes_gcm", "blake3"} <= set(backends(resolve=True))


def test_reset_rereads_the_environment(use_backend: Callable[[str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    use_backend("pure")
    blake3_hash(b"")
    monkeypatch.setenv(ENV_VAR, "definitely-not-a-mode")
    assert backends()["blake3"] == "pure"  # the choice is cached until reset
    reset_backends()
    with pytest.raises(InfraError) as err:
        blake3_hash(b"")
    assert err.value.kind == "config"


@pytest.mark.parametrize("value", ["fast", "PUREE", "1", "native,pure"])
def test_bad_mode_is_a_config_error_naming_the_variable(use_backend: Callable[[str], None], value: str) -> None:
    use_backend(value)
    with pytest.raises(InfraError) as err:
        AESGCM(bytes(16))
    assert err.value.kind == "config"
    assert err.value.context["field"] == ENV_VAR
    assert ENV_VAR in err.value.message


@pytest.mark.parametrize("value", ["", "  ", "AUTO", " Pure "])
def test_mode_is_case_and_space_insensitive(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(ENV_VAR, value)
    assert backend_mode() == (value.strip().lower() or "auto")


def test_native_mode_fails_clearly_when_the_package_is_missing(use_backend: Callable[[str], None],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import blake3` raise ImportError, as on a machine without it
    monkeypatch.setitem(sys.modules, "blake3", None)
    use_backend("native")
    with pytest.raises(InfraError) as err:
        blake3_hash(b"abc")
    assert err.value.kind == "config"
    assert err.value.context == {"field": ENV_VAR, "primitive": "blake3", "package": "blake3"}
    assert "blake3" in err.value.message and "native" in err.value.message


def test_auto_mode_falls_back_to_pure_when_the_package_is_missing(use_backend: Callable[[str], None],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers.aead", None)
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers", None)
    use_backend("auto")
    box = AESGCM(bytes(16))
    assert backends()["aes_gcm"] == "pure"
    assert box.encrypt(bytes(12), b"", b"").hex() == "58e2fccefa7e3061367f1d57a4e7455a"


@pytest.mark.skipif(IN_PYODIDE, reason="Pyodide has no native crypto packages")
def test_native_mode_uses_the_native_packages(use_backend: Callable[[str], None]) -> None:
    pytest.importorskip("blake3")
    pytest.importorskip("cryptography")
    pytest.importorskip("nacl")
    pytest.importorskip("argon2")
    use_backend("native")
    assert backends(resolve=True) == {
        "aes_gcm": "native:cryptography",
        "argon2id": "native:argon2-cffi",
        "blake3": "native:blake3",
        "ed25519": "native:pynacl",
    }


def test_sha2_does_not_depend_on_the_mode(use_backend: Callable[[str], None]) -> None:
    use_backend("native")  # hashlib is the standard library everywhere: no native check
    assert sha256(b"abc").hex().startswith("ba7816bf")
    assert "sha256" not in backends()


def test_a_loader_returning_none_means_unavailable(use_backend: Callable[[str], None]) -> None:
    register("test-primitive-none", native=lambda: None, native_name="nothing")
    use_backend("auto")
    assert choose("test-primitive-none", pure="pure-impl") == "pure-impl"
    reset_backends()
    use_backend("native")
    with pytest.raises(InfraError) as err:
        choose("test-primitive-none", pure="pure-impl")
    assert err.value.context["package"] == "nothing"


def test_using_backend_sets_and_restores_the_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "auto")
    with using_backend("pure"):
        assert backend_mode() == "pure"
        assert set(backends(resolve=True).values()) == {"pure"}
    assert backend_mode() == "auto" and backends() == {}  # the mode is back, and the choices were forgotten
    monkeypatch.delenv(ENV_VAR)
    with pytest.raises(InfraError), using_backend("nonsense"):
        backend_mode()
    assert ENV_VAR not in os.environ  # restored even when the block raised
