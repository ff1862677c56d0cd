"""PHC password hashing: round trips, OWASP defaults, strict parsing, rehash decisions, fuzzing."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import _password, hash_password, needs_rehash, verify_password
from llm_infra.errors import ErrorKind, InfraError

CHEAP = {"time_cost": 1, "memory_kib": 8}
GOOD = hash_password("correct horse", **CHEAP, salt=b"0123456789abcdef")


def test_round_trip_with_str_and_bytes_passwords() -> None:
    phc = hash_password("pässwörd ✓", **CHEAP)
    assert verify_password(phc, "pässwörd ✓")
    assert verify_password(phc, "pässwörd ✓".encode())
    assert not verify_password(phc, "pässwörd")
    assert not verify_password(phc, b"")
    empty = hash_password(b"", **CHEAP)
    assert verify_password(empty, b"") and not verify_password(empty, b"\x00")


def test_phc_layout_and_fresh_salts() -> None:
    a, b = hash_password("pw", **CHEAP), hash_password("pw", **CHEAP)
    assert a != b
    for phc in (a, b):
        _, alg, version, params, salt, tag = phc.split("$")
        assert (alg, version, params) == ("argon2id", "v=19", "m=8,t=1,p=1")
        assert len(base64.b64decode(salt + "==")) == 16 and len(base64.b64decode(tag + "=")) == 32
    long_salt = hash_password("pw", **CHEAP, salt_length=32, length=64)
    assert len(_password._parse(long_salt).salt) == 32 and len(_password._parse(long_salt).tag) == 64


def test_owasp_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict = {}

    def fake(password: bytes, salt: bytes, **params: int) -> bytes:
        seen.update(params, salt_length=len(salt))
        return bytes(params["length"])

    monkeypatch.setattr(_password, "argon2id", fake)
    phc = hash_password("pw")
    assert phc.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert seen == {"time_cost": 2, "memory_kib": 19456, "parallelism": 1, "length": 32, "salt_length": 16}
    assert not needs_rehash(phc)
    assert needs_rehash(GOOD)


def test_needs_rehash_compares_every_parameter() -> None:
    want = {"time_cost": 1, "memory_kib": 8, "parallelism": 1, "length": 32, "salt_length": 16}
    assert not needs_rehash(GOOD, **want)
    for name, other in [("time_cost", 2), ("memory_kib", 16), ("parallelism", 2), ("length", 16), ("salt_length", 8)]:
        assert needs_rehash(GOOD, **{**want, name: other}), name


@pytest.mark.parametrize("phc", [
    "", "$argon2i$v=19$m=8,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AAAAAAAAAAAAAAAAAAAAAA",
    GOOD.replace("$v=19", ""), GOOD.replace("v=19", "v=16"), GOOD.replace("m=8", "m=08"),
    GOOD.replace("m=8,t=1", "t=1,m=8"), GOOD.replace("t=1", "t=0"), GOOD.replace("p=1", "p=0"),
    GOOD.replace("m=8,t=1,p=1", "m=8,t=1,p=2"), GOOD + "=", GOOD + "\n", GOOD + "$", GOOD[:-1] + "-",
    GOOD.replace("MDEyMzQ1Njc4OWFiY2RlZg", "MDEyMzQ1Ng"),  # 7-byte salt
    GOOD.rsplit("$", 1)[0] + "$AAAA",  # 3-byte hash
    GOOD[:-1] + "x",  # non-canonical trailing bits
    GOOD.replace("m=8", "m=٨"),
])
def test_malformed_phc_strings_are_validation_errors(phc: str) -> None:
    for call in (lambda: verify_password(phc, "correct horse"), lambda: needs_rehash(phc)):
        with pytest.raises(InfraError) as info:
            call()
        assert info.value.kind is ErrorKind.VALIDATION and info.value.context["field"] == "phc"


@pytest.mark.parametrize("value", [None, b"$argon2id$", 5])
def test_a_non_string_phc_is_a_validation_error(value: object) -> None:
    with pytest.raises(InfraError) as info:
        verify_password(value, "pw")  # type: ignore[arg-type]
    assert info.value.kind is ErrorKind.VALIDATION


def test_bad_passwords_and_options_are_validation_errors() -> None:
    cases = [
        (lambda: hash_password("\ud800", **CHEAP), "password"),
        (lambda: hash_password(42, **CHEAP), "password"),  # type: ignore[arg-type]
        (lambda: verify_password(GOOD, None), "password"),  # type: ignore[arg-type]
        (lambda: hash_password("pw", **CHEAP, salt_length=7), "salt_length"),
        (lambda: hash_password("pw", **CHEAP, salt=b"short"), "salt"),
        (lambda: hash_password("pw", time_cost=0, memory_kib=8), "time_cost"),
        (lambda: needs_rehash(GOOD, parallelism=0), "parallelism"),
    ]
    for call, field in cases:
        with pytest.raises(InfraError) as info:
            call()
        assert info.value.kind is ErrorKind.VALIDATION and info.value.context["field"] == field, field


_REAL_ARGON2ID = _password.argon2id


def _bounded_argon2id(password: bytes, salt: bytes, **params: int) -> bytes:
    """Fuzzed strings may ask for gigabytes: keep the parser under test, not the machine."""
    if params["memory_kib"] * params["time_cost"] > 512 or params["length"] > 4096:
        return bytes(params["length"])
    return _REAL_ARGON2ID(password, salt, **params)


PHC_ALPHABET = st.sampled_from(list("$argon2idv=19mtp,0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "abcdefghijklmnopqrstuvwxyz+/=-_ \n"))


@given(text=st.text(max_size=120))
@settings(max_examples=200)
def test_fuzz_arbitrary_text_gives_a_verdict_or_an_infra_error(text: str) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_password, "argon2id", _bounded_argon2id)
        try:
            assert verify_password(text, "pw") in (True, False)
        except InfraError as exc:
            assert exc.kind is ErrorKind.VALIDATION


@given(data=st.data())
@settings(max_examples=300)
def test_fuzz_mutated_phc_strings(data: st.DataObject) -> None:
    chars = list(GOOD)
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["replace", "insert", "delete"]))
        pos = data.draw(st.integers(0, len(chars) - 1))
        if op == "delete" and len(chars) > 1:
            del chars[pos]
        elif op == "insert":
            chars.insert(pos, data.draw(PHC_ALPHABET))
        else:
            chars[pos] = data.draw(PHC_ALPHABET)
    phc = "".join(chars)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(_password, "argon2id", _bounded_argon2id)
            verdict = verify_password(phc, "correct horse")
            rehash = needs_rehash(phc)
    except InfraError as exc:
        assert exc.kind is ErrorKind.VALIDATION
    else:
        assert verdict in (True, False) and rehash in (True, False)
        if verdict:  # only an unchanged hash (or an equivalent spelling of it) can still match
            assert _password._parse(phc) == _password._parse(GOOD)
