"""HMAC-SHA-2: RFC 4231 answers, verify, argument checks."""

from __future__ import annotations

import hmac

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.crypto import hmac_digest, hmac_verify
from llm_infra.errors import InfraError


def test_rfc4231_case_1_and_2() -> None:
    assert hmac_digest("sha256", b"\x0b" * 20, b"Hi There").hex() == \
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    assert hmac_digest("sha512", b"Jefe", b"what do ya want for nothing?").hex().startswith("164b7a7bfcf819e2")
    assert hmac_digest("sha384", b"Jefe", b"what do ya want for nothing?").hex().startswith("af45d2e376484031")


@given(st.sampled_from(["sha256", "sha384", "sha512"]), st.binary(max_size=200), st.binary(max_size=300))
def test_matches_stdlib_and_verifies(alg: str, key: bytes, data: bytes) -> None:
    mac = hmac_digest(alg, key, data)  # type: ignore[arg-type]
    assert mac == hmac.new(key, data, alg).digest()
    assert hmac_verify(alg, key, data, mac)  # type: ignore[arg-type]
    assert not hmac_verify(alg, key, data + b"!", mac)  # type: ignore[arg-type]
    assert not hmac_verify(alg, key, data, mac[:-1])  # type: ignore[arg-type]
    flipped = bytes([mac[0] ^ 1]) + mac[1:]
    assert not hmac_verify(alg, key, data, flipped)  # type: ignore[arg-type]


@pytest.mark.parametrize("alg", ["sha1", "md5", "SHA256", "blake3", None])
def test_unknown_algorithm(alg: object) -> None:
    with pytest.raises(InfraError) as err:
        hmac_digest(alg, b"k", b"d")  # type: ignore[arg-type]
    assert err.value.kind == "validation" and err.value.context["field"] == "alg"


@pytest.mark.parametrize(("field", "args"), [("key", ("k", b"d")), ("data", (b"k", 1)), ("mac", (b"k", b"d", "m"))])
def test_arguments_must_be_bytes(field: str, args: tuple[object, ...]) -> None:
    call = hmac_verify if field == "mac" else hmac_digest
    with pytest.raises(InfraError) as err:
        call("sha256", *args)  # type: ignore[arg-type]
    assert err.value.kind == "validation" and err.value.context["field"] == field
