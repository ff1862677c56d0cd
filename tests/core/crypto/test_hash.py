"""SHA-2 and BLAKE3: one-shot, streaming, XOF, keyed and derive modes, argument checks.

BLAKE3 is checked against values published with the specification and, where installed, against
the ``blake3`` package over random inputs (hypothesis); the pure implementation is also checked
against itself across every way of cutting a stream, which exercises its lane batching and the
subtree stack.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import (
    Hasher,
    _blake3,
    blake3_derive_key,
    blake3_hash,
    blake3_keyed_hash,
    digest,
    sha256,
    sha384,
    sha512,
)
from llm_infra.errors import InfraError

# Published with the BLAKE3 specification (test_vectors.json): input i % 251, first 32 output bytes.
OFFICIAL = {
    0: "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
    1: "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
    1024: "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
    1025: "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
}


def pattern(n: int) -> bytes:
    return bytes(i % 251 for i in range(n))


@pytest.fixture(params=["pure", "auto"])
def mode(request: pytest.FixtureRequest, use_backend: Callable[[str], None]) -> str:
    use_backend(request.param)
    return str(request.param)


@pytest.mark.parametrize(("n", "expected"), OFFICIAL.items())
def test_blake3_published_values(mode: str, n: int, expected: str) -> None:
    assert blake3_hash(pattern(n)).hex() == expected
    assert blake3_hash(pattern(n), 131)[:32].hex() == expected  # the XOF extends the digest


def test_sha2_known_answers() -> None:
    assert sha256(b"abc").hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert sha384(b"abc").hex().startswith("cb00753f45a35e8b")
    assert sha512(b"abc").hex().startswith("ddaf35a193617aba")
    for alg in ("sha256", "sha384", "sha512"):
        assert digest(alg, b"x" * 200) == hashlib.new(alg, b"x" * 200).digest()  # type: ignore[arg-type]


@given(st.binary(max_size=3000), st.lists(st.integers(0, 3000), max_size=4), st.sampled_from(["sha256", "sha384",
                                                                                              "sha512", "blake3"]))
def test_streaming_equals_one_shot(data: bytes, cuts: list[int], alg: str) -> None:
    h = Hasher(alg)  # type: ignore[arg-type]
    prev = 0
    for c in sorted(min(c, len(data)) for c in cuts):
        h.update(data[prev:c])
        prev = c
    h.update(data[prev:])
    assert h.digest() == digest(alg, data)  # type: ignore[arg-type]


@settings(max_examples=25)
@given(st.integers(0, 70_000), st.lists(st.integers(1, 70_000), min_size=1, max_size=5), st.integers(0, 200))
def test_pure_blake3_stream_cuts_agree(n: int, steps: list[int], length: int) -> None:
    """Every way of feeding the pure hasher — including batches above LANES_MAX chunks — gives one answer."""
    data = pattern(n)
    one_shot = _blake3.Blake3(data).digest(length)
    h = _blake3.Blake3()
    pos, i = 0, 0
    while pos < n:
        step = steps[i % len(steps)]
        h.update(data[pos:pos + step])
        pos += step
        i += 1
    assert h.digest(length) == one_shot


def test_pure_blake3_crosses_lane_batches() -> None:
    n = (_blake3.LANES_MAX + 3) * _blake3.CHUNK_LEN + 17  # more chunks than one lane batch
    data = pattern(n)
    split = _blake3.Blake3(data[:100]).update(data[100:]).digest(64)
    assert _blake3.Blake3(data).digest(64) == split


def test_digest_does_not_end_the_stream_and_copy_forks() -> None:
    h = Hasher("blake3").update(b"ab")
    first = h.digest()
    assert h.digest() == first
    fork = h.copy()
    h.update(b"c")
    assert h.digest() == blake3_hash(b"abc")
    assert fork.digest() == blake3_hash(b"ab")
    s = Hasher("sha384", b"ab")
    t = s.copy().update(b"c")
    assert s.digest() == sha384(b"ab") and t.digest() == sha384(b"abc")
    assert t.hexdigest() == sha384(b"abc").hex()


def test_keyed_and_derive_modes(mode: str) -> None:
    key = bytes(range(32))
    assert Hasher("blake3", key=key).update(b"m").digest(40) == blake3_keyed_hash(key, b"m", 40)
    assert Hasher("blake3", derive_key_context="ctx").update(b"m").digest() == blake3_derive_key("ctx", b"m")
    assert blake3_keyed_hash(key, b"m") != blake3_hash(b"m")
    assert blake3_derive_key("ctx", b"m") != blake3_derive_key("ctx2", b"m")


@pytest.mark.parametrize("length", [0, 1, 63, 64, 65, 1000])
def test_xof_prefixes(length: int) -> None:
    long = blake3_hash(b"xof", 2000)
    assert blake3_hash(b"xof", length) == long[:length]
    assert Hasher("blake3", b"xof").digest(length) == long[:length]




@settings(max_examples=60)
@given(st.binary(max_size=5000), st.integers(0, 300), st.binary(min_size=32, max_size=32), st.text(max_size=30))
def test_pure_equals_native_blake3(data: bytes, length: int, key: bytes, context: str) -> None:
    native = pytest.importorskip("blake3")
    assert _blake3.Blake3(data).digest(length) == native.blake3(data).digest(length)
    assert _blake3.Blake3(data, key=key).digest(length) == native.blake3(data, key=key).digest(length)
    ck = _blake3.derive_key_context_key(context.encode())
    assert _blake3.Blake3(data, context_key=ck).digest(length) == \
        native.blake3(data, derive_key_context=context).digest(length)


def test_pure_equals_native_blake3_on_large_inputs() -> None:
    native = pytest.importorskip("blake3")
    for n in (1 << 20, 5 * 1024 * 1024 // 4 + 3):
        data = pattern(n)
        assert _blake3.Blake3(data).digest(100) == native.blake3(data).digest(100)


@pytest.mark.parametrize("alg", ["md5", "SHA256", "sha-256", "", None, 5])
def test_unknown_algorithm(alg: object) -> None:
    with pytest.raises(InfraError) as err:
        digest(alg, b"")  # type: ignore[arg-type]
    assert err.value.kind == "validation" and err.value.context["field"] == "alg"
    with pytest.raises(InfraError):
        Hasher(alg)  # type: ignore[arg-type]


def test_length_applies_to_blake3_only() -> None:
    for call in (lambda: digest("sha256", b"", length=32), lambda: Hasher("sha512").digest(64)):
        with pytest.raises(InfraError) as err:
            call()
        assert err.value.kind == "validation" and err.value.context["field"] == "length"
    with pytest.raises(InfraError) as err:
        Hasher("sha256", key=bytes(32))
    assert err.value.kind == "validation"


@pytest.mark.parametrize("length", [-1, 1.0, "32", True, (1 << 24) + 1])
def test_bad_lengths(length: object) -> None:
    for call in (lambda: blake3_hash(b"", length), lambda: Hasher("blake3").digest(length),  # type: ignore[arg-type]
                 lambda: blake3_derive_key("c", b"", length)):  # type: ignore[arg-type]
        with pytest.raises(InfraError) as err:
            call()
        assert err.value.kind == "validation" and err.value.context["field"] == "length"


@pytest.mark.parametrize("n", [0, 16, 31, 33, 64])
def test_blake3_key_must_be_32_bytes(mode: str, n: int) -> None:
    with pytest.raises(InfraError) as err:
        blake3_keyed_hash(bytes(n), b"")
    assert err.value.kind == "crypto" and err.value.context == {"field": "key", "length": n}
    with pytest.raises(InfraError):
        Hasher("blake3", key=bytes(n))


def test_key_and_context_are_exclusive() -> None:
    with pytest.raises(InfraError) as err:
        Hasher("blake3", key=bytes(32), derive_key_context="c")
    assert err.value.kind == "validation"


@pytest.mark.parametrize("bad", ["text", 1, None, [1]])
def test_data_must_be_bytes(bad: object) -> None:
    for call in (lambda: sha256(bad), lambda: blake3_hash(bad), lambda: Hasher("blake3").update(bad),  # type: ignore[arg-type]
                 lambda: blake3_derive_key("c", bad)):  # type: ignore[arg-type]
        with pytest.raises(InfraError) as err:
            call()
        assert err.value.kind == "validation"
    with pytest.raises(InfraError) as err:
        blake3_derive_key(b"context", b"")  # type: ignore[arg-type]
    assert err.value.context["field"] == "context"


def test_bytes_like_inputs_are_accepted(mode: str) -> None:
    assert blake3_hash(bytearray(b"abc")) == blake3_hash(b"abc") == blake3_hash(memoryview(b"abc"))
    assert sha256(memoryview(b"abc")) == sha256(b"abc")


@pytest.mark.parametrize("length", [-1, 1.0, 32.0, "32", True, (1 << 24) + 1])
def test_bad_lengths_after_the_native_hot_path_is_warm(mode: str, length: object) -> None:
    assert blake3_hash(b"warm") == blake3_hash(b"warm", 32)  # the first call caches the native constructor
    for bad in ("text", None, [1]):
        with pytest.raises(InfraError) as err:
            blake3_hash(bad)  # type: ignore[arg-type]
        assert err.value.context["field"] == "data"
    with pytest.raises(InfraError) as err:
        blake3_hash(b"", length)  # type: ignore[arg-type]
    assert err.value.kind == "validation" and err.value.context["field"] == "length"


def test_reset_backends_drops_the_cached_native_constructor(use_backend: Callable[[str], None]) -> None:
    from llm_infra.crypto import _hash, backends

    use_backend("auto")
    blake3_hash(b"abc")
    native = backends()["blake3"].startswith("native")
    assert (_hash._native_new is not None) == native
    use_backend("pure")
    assert _hash._native_new is None
    assert blake3_hash(pattern(1025)).hex() == OFFICIAL[1025] and backends()["blake3"] == "pure"
    assert _hash._native_new is None  # pure never fills it


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=80), st.binary(max_size=80).map(bytearray), st.text(max_size=4), st.none(),
                 st.integers()),
       st.one_of(st.just(32), st.integers(-2, 70), st.floats(0, 64), st.booleans(), st.text(max_size=2)))
def test_blake3_hash_auto_and_pure_agree_on_any_arguments(data: object, length: object) -> None:
    """The cached native hot path and the general path give the same bytes, or the same InfraError."""
    from llm_infra.crypto._backend import using_backend

    outcomes = []
    for mode, calls in (("pure", 1), ("auto", 2)):  # the second auto call runs with the constructor cached
        with using_backend(mode):
            for _ in range(calls):
                try:
                    outcomes.append(("ok", blake3_hash(data, length)))  # type: ignore[arg-type]
                except InfraError as err:
                    outcomes.append((err.kind, err.context.get("field")))
    assert outcomes[0] == outcomes[1] == outcomes[2]
