"""AES-GCM: AESGCM, seal/open — round trips, pure vs cryptography, tampering, nonce reuse, bad input."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import AESGCM, backends, open, seal
from llm_infra.crypto._aes_gcm import NONCE_MEMORY
from llm_infra.crypto._gcm import PureAESGCM
from llm_infra.errors import InfraError
from tests.conftest import IN_PYODIDE

NONCE_LENGTHS = [1, 7, 8, 12, 16, 60, 128, 129, 300]


@pytest.fixture(params=["pure", "auto"])
def mode(request: pytest.FixtureRequest, use_backend: Callable[[str], None]) -> str:
    use_backend(request.param)
    return str(request.param)


def test_mcgrew_viega_case_2(mode: str) -> None:
    box = AESGCM(bytes(16))
    ct = box.encrypt(bytes(12), bytes(16), None)
    assert ct.hex() == "0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf"
    assert box.decrypt(bytes(12), ct, b"") == bytes(16)


def test_cavp_one_byte_nonce(mode: str) -> None:
    box = AESGCM(bytes.fromhex("1672c3537afa82004c6b8a46f6f0d026"))
    assert box.encrypt(b"\x05", b"", b"").hex() == "8e2ad721f9455f74d8b53d3141f27e8e"


@pytest.mark.parametrize("nonce_len", NONCE_LENGTHS)
@pytest.mark.parametrize("size", [0, 1, 16, 100, 3000])
def test_round_trip_every_nonce_length(mode: str, nonce_len: int, size: int) -> None:
    key = AESGCM.generate_key(128 if nonce_len % 2 else 256)
    box = AESGCM(key)
    nonce, data, aad = os.urandom(nonce_len), os.urandom(size), os.urandom(size % 37)
    ct = box.encrypt(nonce, data, aad)
    assert len(ct) == size + 16
    assert box.decrypt(nonce, ct, aad) == data
    assert AESGCM(key).decrypt(nonce, ct, aad) == data


@settings(max_examples=40)
@given(st.sampled_from([16, 24, 32]), st.sampled_from(NONCE_LENGTHS), st.binary(max_size=2500),
       st.binary(max_size=300), st.randoms())
def test_pure_equals_cryptography(klen: int, nonce_len: int, data: bytes, aad: bytes, rnd: object) -> None:
    aead = pytest.importorskip("cryptography.hazmat.primitives.ciphers.aead")
    key = os.urandom(klen)
    nonce = os.urandom(nonce_len)
    ours = PureAESGCM(key).encrypt(nonce, data, aad)
    if 8 <= nonce_len <= 128:
        assert ours == aead.AESGCM(key).encrypt(nonce, data, aad)
    assert PureAESGCM(key).decrypt(nonce, ours, aad) == data


def test_pure_equals_cryptography_on_long_messages() -> None:
    aead = pytest.importorskip("cryptography.hazmat.primitives.ciphers.aead")
    key, nonce = os.urandom(32), os.urandom(12)
    for size in (200_000, 1 << 20):  # bit-sliced AES and the lane GHASH
        data = os.urandom(size)
        aad = os.urandom(size // 7)
        expected = aead.AESGCM(key).encrypt(nonce, data, aad)
        assert PureAESGCM(key).encrypt(nonce, data, aad) == expected
        assert PureAESGCM(key).decrypt(nonce, expected, aad) == data


def test_auto_uses_cryptography_and_agrees(use_backend: Callable[[str], None]) -> None:
    pytest.importorskip("cryptography")
    use_backend("auto")
    box = AESGCM(bytes(32))
    assert backends()["aes_gcm"] == "native:cryptography"
    for n in NONCE_LENGTHS:  # lengths cryptography refuses go to the pure implementation
        nonce = bytes(range(n % 256)) * (n // 256 + 1)
        nonce = nonce[:n]
        assert box.encrypt(nonce, b"data", b"aad") == PureAESGCM(bytes(32)).encrypt(nonce, b"data", b"aad")


def _flip(data: bytes, pos: int) -> bytes:
    out = bytearray(data)
    out[pos] ^= 0x01
    return bytes(out)


@pytest.mark.parametrize("nonce_len", [1, 12, 60])
def test_any_alteration_fails_without_plaintext(mode: str, nonce_len: int) -> None:
    key, nonce, aad = os.urandom(16), os.urandom(nonce_len), b"header"
    box = AESGCM(key)
    ct = box.encrypt(nonce, b"attack at dawn", aad)
    attempts = [
        (nonce, _flip(ct, 0), aad), (nonce, _flip(ct, len(ct) - 1), aad), (nonce, ct, b"headeR"),
        (nonce, ct, b""), (_flip(nonce, 0), ct, aad), (nonce, ct[:-1], aad), (nonce, ct + b"\0", aad),
    ]
    for n, c, a in attempts:
        with pytest.raises(InfraError) as err:
            box.decrypt(n, c, a)
        assert err.value.kind == "crypto"
    with pytest.raises(InfraError):
        AESGCM(_flip(key, 3)).decrypt(nonce, ct, aad)


@settings(max_examples=60)
@given(st.binary(max_size=64), st.binary(min_size=1, max_size=20))
def test_decrypt_fuzz_only_raises_crypto(data: bytes, nonce: bytes) -> None:
    with pytest.raises(InfraError) as err:
        AESGCM(bytes(16)).decrypt(nonce, data, b"")
    assert err.value.kind == "crypto"


@pytest.mark.parametrize("n", [0, 1, 15, 17, 23, 25, 31, 33, 64])
def test_key_sizes(mode: str, n: int) -> None:
    with pytest.raises(InfraError) as err:
        AESGCM(bytes(n))
    assert err.value.kind == "crypto" and err.value.context == {"field": "key", "length": n}
    with pytest.raises(InfraError):
        seal(bytes(n), b"")


def test_empty_nonce_and_short_ciphertext(mode: str) -> None:
    box = AESGCM(bytes(16))
    for call in (lambda: box.encrypt(b"", b"x"), lambda: box.decrypt(b"", bytes(16))):
        with pytest.raises(InfraError) as err:
            call()
        assert err.value.kind == "crypto" and err.value.context["field"] == "nonce"
    for size in (0, 1, 15):
        with pytest.raises(InfraError) as err:
            box.decrypt(bytes(12), bytes(size))
        assert err.value.kind == "crypto" and err.value.context["field"] == "ciphertext"


@pytest.mark.parametrize("bad", ["text", 3, [1], 1.5])
def test_arguments_must_be_bytes(bad: object) -> None:
    box = AESGCM(bytes(16))
    cases = [(lambda: AESGCM(bad), "key"), (lambda: box.encrypt(bad, b""), "nonce"),  # type: ignore[arg-type]
             (lambda: box.encrypt(b"n", bad), "data"), (lambda: box.encrypt(b"n2", b"", bad), "associated_data"),  # type: ignore[arg-type]
             (lambda: seal(bytes(16), bad), "plaintext"), (lambda: open(bytes(16), bad), "sealed")]  # type: ignore[arg-type]
    for call, field in cases:
        with pytest.raises(InfraError) as err:
            call()
        assert err.value.kind == "validation" and err.value.context["field"] == field


def test_refuses_to_encrypt_twice_with_one_nonce(mode: str) -> None:
    box = AESGCM(bytes(16))
    box.encrypt(b"nonce-123456", b"first")
    with pytest.raises(InfraError) as err:
        box.encrypt(b"nonce-123456", b"second")
    assert err.value.kind == "crypto" and err.value.context["field"] == "nonce"
    assert AESGCM(bytes(16)).encrypt(b"nonce-123456", b"x")  # another object cannot see it (documented)
    ct = box.encrypt(b"nonce-654321", b"x")
    assert box.decrypt(b"nonce-654321", ct) == box.decrypt(b"nonce-654321", ct)  # decrypting is not "use"


def test_nonce_memory_is_bounded() -> None:
    box = AESGCM(bytes(16))
    for i in range(NONCE_MEMORY + 1):
        box.encrypt(i.to_bytes(12, "big"), b"")
    box.encrypt((0).to_bytes(12, "big"), b"")  # the oldest was forgotten
    with pytest.raises(InfraError):
        box.encrypt(NONCE_MEMORY.to_bytes(12, "big"), b"")  # the newest was not


def test_seal_open_round_trip_and_format(mode: str) -> None:
    key = AESGCM.generate_key()
    sealed = seal(key, b"payload", b"ctx")
    assert len(sealed) == 12 + len(b"payload") + 16
    assert AESGCM(key).decrypt(sealed[:12], sealed[12:], b"ctx") == b"payload"
    assert open(key, sealed, b"ctx") == b"payload"
    assert seal(key, b"payload") != seal(key, b"payload")  # fresh nonces
    with pytest.raises(InfraError) as err:
        open(key, sealed, b"other")
    assert err.value.kind == "crypto"
    for size in (0, 27):
        with pytest.raises(InfraError) as err:
            open(key, bytes(size))
        assert err.value.kind == "crypto" and err.value.context["field"] == "sealed"


@given(st.binary(max_size=500), st.binary(max_size=50))
def test_seal_open_property(plaintext: bytes, aad: bytes) -> None:
    key = bytes(range(32))
    assert open(key, seal(key, plaintext, aad), aad) == plaintext


@pytest.mark.parametrize("bits", [0, 64, 255, 512, True, "256"])
def test_generate_key_sizes(bits: object) -> None:
    with pytest.raises(InfraError) as err:
        AESGCM.generate_key(bits)  # type: ignore[arg-type]
    assert err.value.kind == "validation"
    assert len(AESGCM.generate_key(192)) == 24


def test_nonce_memory_is_bounded_in_both_modes(mode: str) -> None:
    box = AESGCM(bytes(16))
    for i in range(NONCE_MEMORY + 1):
        box.encrypt(i.to_bytes(12, "big"), b"")
    box.encrypt((0).to_bytes(12, "big"), b"")  # the oldest was forgotten (and 1 is now the oldest, forgotten)
    for i in (2, NONCE_MEMORY // 2, NONCE_MEMORY, 0):  # the rest are remembered
        with pytest.raises(InfraError):
            box.encrypt(i.to_bytes(12, "big"), b"")


@pytest.mark.skipif(IN_PYODIDE, reason="Pyodide (WebAssembly) cannot start threads")
def test_threads_racing_with_one_nonce_give_one_ciphertext(mode: str) -> None:
    import threading

    box = AESGCM(bytes(32))
    for round_ in range(20):
        nonce = round_.to_bytes(12, "big")
        results: list[object] = []
        start = threading.Barrier(8)

        def run(nonce: bytes = nonce, results: list[object] = results, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                results.append(box.encrypt(nonce, b"payload"))
            except InfraError as exc:
                results.append(exc)

        threads = [threading.Thread(target=run) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(isinstance(r, bytes) for r in results) == 1
        assert all(r.context["field"] == "nonce" for r in results if isinstance(r, InfraError))


@pytest.mark.parametrize("wrap", [bytearray, memoryview])
def test_buffer_arguments_take_the_general_path(mode: str, wrap: Callable[[bytes], object]) -> None:
    key, data, aad = bytes(range(32)), os.urandom(64), b"hdr"
    expected = PureAESGCM(key).encrypt(b"n" * 12, data, aad)
    for args in ((b"n" * 12, wrap(data), aad), (wrap(b"n" * 12), data, aad), (b"n" * 12, data, wrap(aad))):
        box = AESGCM(key)
        assert box.encrypt(*args) == expected  # type: ignore[arg-type]
        assert box.decrypt(args[0], wrap(expected), args[2]) == data  # type: ignore[arg-type]
    for first, again in ((b"n" * 12, bytearray(b"n" * 12)), (memoryview(b"n" * 12), b"n" * 12)):
        box = AESGCM(key)
        box.encrypt(first, data)  # type: ignore[arg-type]
        with pytest.raises(InfraError) as err:  # a reused nonce is seen whichever path took it first
            box.encrypt(again, data)  # type: ignore[arg-type]
        assert err.value.context["field"] == "nonce"


def test_decrypt_failures_on_the_native_fast_path(use_backend: Callable[[str], None]) -> None:
    use_backend("auto")
    box = AESGCM(bytes(32))
    ct = box.encrypt(bytes(12), b"secret", b"aad")
    for nonce, data, aad in ((bytes(12), ct, b"AAD"), (bytes(12), ct[:-1] + bytes([ct[-1] ^ 1]), b"aad"),
                             (b"\x01" * 12, ct, b"aad")):
        with pytest.raises(InfraError) as err:
            box.decrypt(nonce, data, aad)
        assert err.value.kind == "crypto" and "authentication failed" in err.value.message
    for size in (0, 15):
        with pytest.raises(InfraError) as err:
            box.decrypt(bytes(12), bytes(size))
        assert err.value.context == {"field": "ciphertext", "length": size}


def test_inputs_beyond_the_native_limit_go_pure(use_backend: Callable[[str], None],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from llm_infra.crypto import _aes_gcm

    use_backend("auto")
    if not backends(resolve=True)["aes_gcm"].startswith("native"):
        pytest.skip("cryptography is not installed")
    monkeypatch.setattr(_aes_gcm, "_NATIVE_MAX", 16)  # pretend cryptography's 2^31 - 1 limit is 16 bytes
    box = AESGCM(bytes(32))
    data = os.urandom(64)
    ct = box._cipher.encrypt(bytes(12), data, b"")  # the wrapper routes the long input to the pure AES-GCM
    assert ct == PureAESGCM(bytes(32)).encrypt(bytes(12), data, b"")
    assert box._cipher._pure is not None and box._cipher.decrypt(bytes(12), ct, b"") == data


_ARGS = st.one_of(
    st.binary(max_size=40), st.binary(max_size=40).map(bytearray), st.binary(max_size=40).map(memoryview),
    st.text(max_size=5), st.integers(), st.none(), st.lists(st.integers(0, 255), max_size=3),
)


def _outcome(call: Callable[[], bytes]) -> tuple[str, object]:
    try:
        return "ok", call()
    except InfraError as err:
        return err.kind, err.context.get("field")


@settings(max_examples=150, deadline=None)
@given(_ARGS, _ARGS, _ARGS)
def test_auto_and_pure_agree_on_any_arguments(nonce: object, data: object, aad: object) -> None:
    """The native fast path and the general path give the same bytes, or the same InfraError, for anything."""
    from llm_infra.crypto._backend import using_backend

    outcomes = []
    for mode in ("pure", "auto"):
        with using_backend(mode):
            box = AESGCM(bytes(range(32)))
            enc = _outcome(lambda box=box: box.encrypt(nonce, data, aad))  # type: ignore[arg-type]
            dec = _outcome(lambda box=box: box.decrypt(nonce, data, aad))  # type: ignore[arg-type]
        outcomes.append((enc, dec))
    assert outcomes[0] == outcomes[1]
    for kind, _ in outcomes[0]:
        assert kind in ("ok", "validation", "crypto")
