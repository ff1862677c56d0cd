"""base64url, hex, constant-time comparison and random bytes."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.crypto import (
    b64url_decode,
    b64url_encode,
    constant_time_equal,
    hex_decode,
    hex_encode,
    random_bytes,
)
from llm_infra.errors import InfraError


@pytest.mark.parametrize(("data", "text"), [(b"", ""), (b"f", "Zg"), (b"fo", "Zm8"), (b"foo", "Zm9v"),
                                            (b"foobar", "Zm9vYmFy"), (b"\xfb\xff", "-_8")])
def test_b64url_rfc4648(data: bytes, text: str) -> None:
    assert b64url_encode(data) == text
    assert b64url_decode(text) == data


@given(st.binary(max_size=300))
def test_b64url_round_trip_and_matches_stdlib(data: bytes) -> None:
    text = b64url_encode(data)
    assert "=" not in text
    assert text == base64.urlsafe_b64encode(data).decode().rstrip("=")
    assert b64url_decode(text) == data


@pytest.mark.parametrize("text", ["Zg==", "Zm8=", "Zm9v+A", "Zm9v/A", "Zm9v Yg", "Z", "Zm9vY", "Zh", "Zm9",
                                  "Zm9vé", "\x00", "Zg\n"])
def test_b64url_rejects_non_canonical_text(text: str) -> None:
    with pytest.raises(InfraError) as err:
        b64url_decode(text)
    assert err.value.kind == "serialization"
    assert err.value.context["field"] == "text"


@given(st.text(max_size=40))
def test_b64url_decode_fuzz_only_returns_bytes_or_raises_infra_error(text: str) -> None:
    try:
        data = b64url_decode(text)
    except InfraError as err:
        assert err.kind == "serialization"
    else:
        assert b64url_encode(data) == text  # anything accepted is canonical


@given(st.binary(max_size=100))
def test_hex_round_trip(data: bytes) -> None:
    assert hex_encode(data) == data.hex()
    assert hex_decode(data.hex()) == data
    assert hex_decode(data.hex().upper()) == data


@pytest.mark.parametrize("text", ["abc", "zz", "ab cd", "0x00", " 00", "00 ", "١٢", "+1"])
def test_hex_rejects_bad_text(text: str) -> None:
    with pytest.raises(InfraError) as err:
        hex_decode(text)
    assert err.value.kind == "serialization"


@given(st.text(max_size=20))
def test_hex_decode_fuzz(text: str) -> None:
    try:
        hex_decode(text)
    except InfraError as err:
        assert err.kind == "serialization"


@pytest.mark.parametrize("fn", [b64url_encode, hex_encode])
@pytest.mark.parametrize("bad", ["text", 5, None, [1, 2]])
def test_encoders_want_bytes(fn: object, bad: object) -> None:
    with pytest.raises(InfraError) as err:
        fn(bad)  # type: ignore[operator]
    assert err.value.kind == "validation" and err.value.context["field"] == "data"


@pytest.mark.parametrize("fn", [b64url_decode, hex_decode])
def test_decoders_want_str(fn: object) -> None:
    with pytest.raises(InfraError) as err:
        fn(b"Zm9v")  # type: ignore[operator]
    assert err.value.kind == "validation" and err.value.context["field"] == "text"


def test_encoders_accept_bytearray_and_memoryview() -> None:
    assert b64url_encode(bytearray(b"foo")) == "Zm9v"
    assert hex_encode(memoryview(b"\x01\x02")) == "0102"


@given(st.binary(max_size=40), st.binary(max_size=40))
def test_constant_time_equal_is_equality(a: bytes, b: bytes) -> None:
    assert constant_time_equal(a, b) is (a == b)
    assert constant_time_equal(a, a)


def test_constant_time_equal_wants_bytes() -> None:
    with pytest.raises(InfraError) as err:
        constant_time_equal("a", b"a")  # type: ignore[arg-type]
    assert err.value.context["field"] == "a"


def test_random_bytes() -> None:
    assert random_bytes(0) == b""
    a, b = random_bytes(32), random_bytes(32)
    assert len(a) == 32 and isinstance(a, bytes)
    assert a != b  # 2^-256 chance of a false failure


@pytest.mark.parametrize("n", [-1, 1.5, "8", True, (1 << 24) + 1])
def test_random_bytes_rejects_bad_counts(n: object) -> None:
    with pytest.raises(InfraError) as err:
        random_bytes(n)  # type: ignore[arg-type]
    assert err.value.kind == "validation" and err.value.context["field"] == "n"
