"""Ed25519: RFC 8032 answers, strict verification rules, key objects, bad input, pure vs pynacl."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
    backends,
    ed25519_public_key,
    ed25519_sign,
    ed25519_verify,
    reset_backends,
)
from llm_infra.crypto import _ed25519_pure as pure_impl
from llm_infra.errors import ErrorKind, InfraError
from tests.conftest import IN_PYODIDE, NO_SUBPROCESS_IN_PYODIDE, REPO

P = pure_impl.P
L = pure_impl.L
RFC = [c for c in json.loads((REPO / "conformance/vectors/crypto/ed25519_sign.json").read_text())["cases"]
       if c["id"].startswith("rfc8032")]
SEEDS = st.binary(min_size=32, max_size=32)
MESSAGES = st.binary(max_size=300)


def _le(n: int) -> bytes:
    return n.to_bytes(32, "little")


# -- known answers --------------------------------------------------------------------------------

@pytest.mark.parametrize("case", RFC, ids=[c["id"] for c in RFC])
@pytest.mark.usefixtures("pure")
def test_rfc8032_with_the_key_objects(case: dict) -> None:
    seed, msg = bytes.fromhex(case["input"]["seed"]), bytes.fromhex(case["input"]["message"])
    key = Ed25519PrivateKey.from_seed(seed)
    sig = key.sign(msg)
    assert sig.hex() == case["expect"]["signature"]
    assert key.public_key().verify(sig, msg)
    assert key.public_key().public_bytes() == ed25519_public_key(seed)
    assert ed25519_sign(seed, msg) == sig


def test_key_objects_behave() -> None:
    key = Ed25519PrivateKey.from_seed(bytearray(32))
    assert key.private_bytes() == bytes(32)
    pub = key.public_key()
    assert pub is key.public_key()
    assert pub == Ed25519PublicKey(pub.public_bytes()) == Ed25519PublicKey.from_bytes(memoryview(pub.public_bytes()))
    assert hash(pub) == hash(Ed25519PublicKey(pub.public_bytes()))
    assert pub != Ed25519PrivateKey.generate().public_key()
    assert "secret" in repr(key) and bytes(32).hex() not in repr(key)
    assert pub.public_bytes().hex() in repr(pub)
    sig = key.sign(b"m")
    pub.verify_or_raise(sig, b"m")
    with pytest.raises(InfraError) as info:
        pub.verify_or_raise(sig, b"M")
    assert info.value.kind is ErrorKind.CRYPTO


def test_generate_makes_distinct_working_keys() -> None:
    a, b = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    assert a.private_bytes() != b.private_bytes()
    assert a.public_key().verify(a.sign(b"x"), b"x")
    assert not b.public_key().verify(a.sign(b"x"), b"x")


# -- bad input ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [b"", bytes(31), bytes(33), bytes(64)])
def test_wrong_seed_length_is_a_validation_error(seed: bytes) -> None:
    for call in (lambda: Ed25519PrivateKey.from_seed(seed), lambda: ed25519_public_key(seed),
                 lambda: ed25519_sign(seed, b"m")):
        with pytest.raises(InfraError) as info:
            call()
        assert info.value.kind is ErrorKind.VALIDATION and info.value.context["field"] == "seed"
        assert info.value.context["length"] == len(seed)


@pytest.mark.parametrize("value", ["00" * 32, 7, None, [0] * 32])
def test_non_bytes_arguments_are_validation_errors(value: object) -> None:
    key = Ed25519PrivateKey.from_seed(bytes(32))
    pub = key.public_key()
    calls = {
        "seed": lambda: Ed25519PrivateKey(value),  # type: ignore[arg-type]
        "public_key": lambda: Ed25519PublicKey(value),  # type: ignore[arg-type]
        "message": lambda: key.sign(value),  # type: ignore[arg-type]
        "signature": lambda: pub.verify(value, b""),  # type: ignore[arg-type]
    }
    for field, call in calls.items():
        with pytest.raises(InfraError) as info:
            call()
        assert info.value.kind is ErrorKind.VALIDATION and info.value.context["field"] == field
    with pytest.raises(InfraError):
        ed25519_verify(value, b"", bytes(64))  # type: ignore[arg-type]


@pytest.mark.parametrize("length", [0, 31, 33, 64])
def test_public_key_constructor_checks_the_length(length: int) -> None:
    with pytest.raises(InfraError) as info:
        Ed25519PublicKey(bytes(length))
    assert info.value.kind is ErrorKind.VALIDATION and info.value.context == {"field": "public_key", "length": length}


# -- strict verification rules ------------------------------------------------------------------------

@pytest.fixture(params=["pure", "auto"])
def any_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LLM_INFRA_BACKEND", request.param)
    reset_backends()
    return str(request.param)


def _signed(msg: bytes = b"strict") -> tuple[bytes, bytes]:
    key = Ed25519PrivateKey.from_seed(bytes(range(32)))
    return key.public_key().public_bytes(), key.sign(msg)


def test_s_at_or_above_the_group_order_is_rejected(any_backend: str) -> None:
    pub, sig = _signed()
    s = int.from_bytes(sig[32:], "little")
    assert ed25519_verify(pub, b"strict", sig)
    for bad_s in (s + L, s + 2 * L, L, 2**256 - 1, s | (1 << 255)):
        assert not ed25519_verify(pub, b"strict", sig[:32] + bad_s.to_bytes(32, "little"))


SMALL_ORDER_ENCODINGS = [
    _le(y | (sign << 255)) for y in sorted(pure_impl.SMALL_ORDER_Y) for sign in (0, 1)
] + [_le(P | (s << 255)) for s in (0, 1)] + [_le((P + 1) | (s << 255)) for s in (0, 1)]


@pytest.mark.parametrize("enc", SMALL_ORDER_ENCODINGS, ids=[e.hex()[:8] + e.hex()[-2:] for e in SMALL_ORDER_ENCODINGS])
def test_small_order_points_are_rejected_as_key_and_as_r(enc: bytes, any_backend: str) -> None:
    pub, sig = _signed()
    assert not ed25519_verify(enc, b"strict", sig)
    assert not ed25519_verify(pub, b"strict", enc + sig[32:])
    assert not Ed25519PublicKey(enc).verify(sig, b"strict")


def test_the_blocklist_is_exactly_the_points_of_small_order() -> None:
    for y in pure_impl.SMALL_ORDER_Y:
        for sign in (0, 1):
            point = pure_impl._decode(_le(y | (sign << 255)))
            if point is None:  # x = 0 with the sign bit set: not a valid encoding at all
                assert y in (1, P - 1) and sign == 1
                continue
            q = point
            for _ in range(3):
                q = pure_impl._double(q)
            assert q[0] % P == 0 and (q[1] - q[2]) % P == 0, "[8]P must be the identity"
    base = (pure_impl._BX, pure_impl._BY, 1, pure_impl._BX * pure_impl._BY % P)
    x, y, z = pure_impl._base_mult(L - 1)
    bx, by, _, _ = base
    assert (x + bx * z) % P == 0 and (y - by * z) % P == 0, "[L-1]B must be -B"


@pytest.mark.parametrize("y", [P, P + 2, 2**255 - 1])
def test_non_canonical_encodings_are_rejected(y: int, any_backend: str) -> None:
    pub, sig = _signed()
    assert not ed25519_verify(_le(y), b"strict", sig)
    assert not ed25519_verify(pub, b"strict", _le(y) + sig[32:])


@given(sig=st.binary(max_size=130))
@settings(max_examples=60)
def test_any_length_garbage_is_false_never_an_exception(sig: bytes) -> None:
    pub, _ = _signed()
    assert ed25519_verify(pub, b"strict", sig) is False
    assert ed25519_verify(sig[:32], b"strict", sig) is False


# -- properties ---------------------------------------------------------------------------------------

@given(seed=SEEDS, msg=MESSAGES, bit=st.integers(0, 511))
@settings(max_examples=40)
@pytest.mark.usefixtures("pure")
def test_pure_sign_verify_round_trip_and_any_flipped_bit_fails(seed: bytes, msg: bytes, bit: int) -> None:
    key = Ed25519PrivateKey.from_seed(seed)
    sig = key.sign(msg)
    assert key.public_key().verify(sig, msg)
    bad = bytearray(sig)
    bad[bit // 8] ^= 1 << (bit % 8)
    assert not key.public_key().verify(bytes(bad), msg)
    if msg:
        assert not key.public_key().verify(sig, msg[:-1])


@given(seed=SEEDS, msg=MESSAGES, mutation=st.sampled_from(["none", "bit", "s+l", "random", "swap-key"]),
       bit=st.integers(0, 511), noise=st.binary(min_size=64, max_size=64))
@settings(max_examples=60)
def test_pure_and_pynacl_agree_on_everything(seed: bytes, msg: bytes, mutation: str, bit: int, noise: bytes) -> None:
    nacl_signing = pytest.importorskip("nacl.signing")  # absent only in Pyodide
    bad_signature = pytest.importorskip("nacl.exceptions").BadSignatureError
    sk = nacl_signing.SigningKey(seed)
    pub = bytes(sk.verify_key)
    state = pure_impl.keypair(seed)
    assert state[0] == pub
    sig = pure_impl.sign(state[1], msg)
    assert sig == sk.sign(msg).signature
    if mutation == "bit":
        b = bytearray(sig)
        b[bit // 8] ^= 1 << (bit % 8)
        sig = bytes(b)
    elif mutation == "s+l":
        sig = sig[:32] + (int.from_bytes(sig[32:], "little") + L).to_bytes(32, "little")
    elif mutation == "random":
        sig = noise
    elif mutation == "swap-key":
        pub = bytes(nacl_signing.SigningKey(noise[:32]).verify_key)
    try:
        nacl_signing.VerifyKey(pub).verify(msg, sig)
        want = True
    except bad_signature:
        want = False
    assert pure_impl.verify(pure_impl.prepare(pub), pub, msg, sig) is want
    reset_backends()
    assert ed25519_verify(pub, msg, sig) is want


def test_auto_uses_pynacl_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_INFRA_BACKEND", "auto")
    reset_backends()
    ed25519_public_key(bytes(32))
    try:
        import nacl.bindings  # noqa: F401
    except ImportError:
        assert backends()["ed25519"] == "pure"
    else:
        assert backends()["ed25519"] == "native:pynacl"
    reset_backends()


def test_native_mode_without_pynacl_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from llm_infra.crypto import _backend
    monkeypatch.setenv("LLM_INFRA_BACKEND", "native")
    reset_backends()
    monkeypatch.setitem(_backend._LOADERS, "ed25519", (lambda: None, "pynacl"))
    with pytest.raises(InfraError) as info:
        ed25519_public_key(bytes(32))
    assert info.value.kind is ErrorKind.CONFIG
    reset_backends()


def test_a_key_object_follows_a_backend_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    key = Ed25519PrivateKey.from_seed(bytes(32))
    pub = key.public_key()
    for mode in ("pure", "auto", "pure"):
        monkeypatch.setenv("LLM_INFRA_BACKEND", mode)
        reset_backends()
        sig = key.sign(b"switch")
        assert sig == ed25519_sign(bytes(32), b"switch")
        assert pub.verify(sig, b"switch")
    reset_backends()


@pytest.mark.skipif(IN_PYODIDE, reason=NO_SUBPROCESS_IN_PYODIDE)
def test_the_base_point_table_is_built_on_first_use_not_at_import() -> None:
    code = (
        "import llm_infra.crypto as c, llm_infra.crypto._ed25519_pure as p\n"
        "before = p._fixed_table is None and p._base_odd is None\n"
        "p.keypair(bytes(32))\n"
        "print(before, p._fixed_table is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True"]
