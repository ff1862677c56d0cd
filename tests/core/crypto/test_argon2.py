"""Argon2id: RFC 9106 answer, parameter checks, H', pure vs argon2-cffi, failure mapping."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import _argon2_pure, argon2id, backends, reset_backends
from llm_infra.crypto._argon2_blamka import compress
from llm_infra.errors import ErrorKind, InfraError
from tests.conftest import REPO

RFC = json.loads((REPO / "conformance/vectors/crypto/argon2_argon2id.json").read_text())["cases"][0]
OK = {"time_cost": 1, "memory_kib": 8, "parallelism": 1, "length": 16}


@pytest.mark.usefixtures("pure")
def test_rfc9106_with_secret_and_associated_data() -> None:
    i = RFC["input"]
    tag = argon2id(bytes.fromhex(i["password"]), bytes.fromhex(i["salt"]), secret=bytes.fromhex(i["secret"]),
                   ad=bytes.fromhex(i["ad"]), time_cost=i["time_cost"], memory_kib=i["memory_kib"],
                   parallelism=i["parallelism"], length=i["length"])
    assert tag.hex() == RFC["expect"]["tag"] == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
    assert backends()["argon2id"] == "pure"


@pytest.mark.usefixtures("pure")
def test_every_input_changes_the_tag() -> None:
    base = argon2id(b"pw", b"saltsalt", **OK)
    variants = [
        argon2id(b"pW", b"saltsalt", **OK), argon2id(b"pw", b"saltsalT", **OK),
        argon2id(b"pw", b"saltsalt", **OK, secret=b"k"), argon2id(b"pw", b"saltsalt", **OK, ad=b"x"),
        argon2id(b"pw", b"saltsalt", **{**OK, "time_cost": 2}),
        argon2id(b"pw", b"saltsalt", **{**OK, "memory_kib": 9}),  # same memory (rounded), different H0
        argon2id(b"pw", b"saltsalt", **{**OK, "parallelism": 1, "memory_kib": 16}),
    ]
    assert len({base, *variants}) == len(variants) + 1
    longer = argon2id(b"pw", b"saltsalt", **{**OK, "length": 17})
    assert len(longer) == 17 and longer[:16] != base  # the length is hashed into H0


def test_accepts_bytes_like_inputs() -> None:
    a = argon2id(bytearray(b"pw"), memoryview(b"saltsalt"), **OK, secret=bytearray(b"k"), ad=memoryview(b"x"))
    assert a == argon2id(b"pw", b"saltsalt", **OK, secret=b"k", ad=b"x")


BAD = [
    ({"salt": b"1234567"}, "salt"), ({"salt": b""}, "salt"),
    ({"time_cost": 0}, "time_cost"), ({"time_cost": 2**32}, "time_cost"), ({"time_cost": 1.0}, "time_cost"),
    ({"time_cost": True}, "time_cost"),
    ({"parallelism": 0}, "parallelism"), ({"parallelism": 2**24}, "parallelism"),
    ({"memory_kib": 7}, "memory_kib"), ({"memory_kib": 15, "parallelism": 2}, "memory_kib"),
    ({"memory_kib": 2**32}, "memory_kib"), ({"memory_kib": "8"}, "memory_kib"),
    ({"length": 3}, "length"), ({"length": 2**32}, "length"),
    ({"password": "pw"}, "password"), ({"secret": "k"}, "secret"), ({"ad": 1}, "ad"), ({"salt": None}, "salt"),
]


@pytest.mark.parametrize(("change", "field"), BAD, ids=[f"{f}-{next(iter(c.values()))!r}" for c, f in BAD])
def test_bad_parameters_are_validation_errors_naming_the_field(change: dict, field: str) -> None:
    args = {"password": b"pw", "salt": b"saltsalt", **OK, **change}
    with pytest.raises(InfraError) as info:
        argon2id(args.pop("password"), args.pop("salt"), **args)
    assert info.value.kind is ErrorKind.VALIDATION and info.value.context["field"] == field


@pytest.mark.parametrize("length", [1, 16, 63, 64, 65, 100, 1024, 1025])
def test_h_prime_lengths_and_short_form(length: int) -> None:
    out = _argon2_pure.h_prime(b"data", length)
    assert len(out) == length
    if length <= 64:
        assert out == hashlib.blake2b(length.to_bytes(4, "little") + b"data", digest_size=length).digest()
    else:  # the long form starts with the first half of the 64-byte hash
        assert out[:32] == hashlib.blake2b(length.to_bytes(4, "little") + b"data").digest()[:32]


def test_compress_of_zero_is_zero_and_xor_form_matches() -> None:
    zero = [0] * 128
    assert compress(zero, zero) == zero
    x = [(i * 0x9E3779B97F4A7C15) % 2**64 for i in range(128)]
    y = [(i * 0xC2B2AE3D27D4EB4F + 1) % 2**64 for i in range(128)]
    old = [(i * 31337) % 2**64 for i in range(128)]
    g = compress(x, y)
    assert all(0 <= w < 2**64 for w in g)
    assert compress(x, y, old) == [a ^ b for a, b in zip(g, old, strict=True)]
    assert compress(y, x) == g  # G depends on X ^ Y only


@given(password=st.binary(max_size=40), salt=st.binary(min_size=8, max_size=40),
       secret=st.binary(max_size=16), ad=st.binary(max_size=16), t=st.integers(1, 3), p=st.integers(1, 4),
       extra=st.integers(0, 40), length=st.sampled_from([4, 16, 32, 64, 65, 130]))
@settings(max_examples=25)
def test_pure_and_argon2_cffi_agree(password: bytes, salt: bytes, secret: bytes, ad: bytes, t: int, p: int,
                                    extra: int, length: int) -> None:
    pytest.importorskip("argon2")  # argon2-cffi: absent only in Pyodide
    from llm_infra.crypto._argon2_native import load

    native = load()
    assert native is not None
    m = 8 * p + extra
    want = native.argon2id(password, salt, t, m, p, length, secret, ad)
    assert _argon2_pure.argon2id(password, salt, t, m, p, length, secret, ad) == want


def test_allocation_failure_is_a_crypto_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from llm_infra.crypto import _argon2

    class Exhausted:
        def argon2id(self, *args: object) -> bytes:
            raise MemoryError

    class Refused:
        def argon2id(self, *args: object) -> bytes:
            raise RuntimeError("Memory allocation error")

    for backend in (Exhausted(), Refused()):
        monkeypatch.setattr(_argon2, "choose", lambda primitive, pure, b=backend: b)
        with pytest.raises(InfraError) as info:
            argon2id(b"pw", b"saltsalt", **OK)
        assert info.value.kind is ErrorKind.CRYPTO and info.value.context["field"] == "memory_kib"
    reset_backends()
