"""Ed25519 signatures (RFC 8032): keys from a 32-byte seed, deterministic signing, strict verification.

Two interchangeable backends, chosen on first use by ``LLM_INFRA_BACKEND`` (see
:mod:`llm_infra.crypto._backend`): **pynacl** (libsodium) on CPython when installed, else the
**pure-Python** implementation (extended coordinates, a precomputed radix-2^6 base-point table
built on first use, Straus/wNAF double-scalar verification) — the one Pyodide runs. Both give
byte-identical signatures and the same verdict on every input.

**Verification rules** (strict RFC 8032 §5.1.7, *cofactorless*; identical to libsodium's):

1. the public key is 32 bytes and the signature 64 bytes; anything else is *invalid* (``False``);
2. S < L (the group order): S ≥ L, including the malleable S + L, is invalid;
3. A and R are canonical encodings: y < p (so a non-canonical encoding is invalid), and A must
   decode to a curve point;
4. A and R are not points of small order (order 1, 2, 4 or 8, in any encoding);
5. the check is cofactorless: encode([S]B − [k]A) must equal the 32 bytes of R, with
   k = SHA-512(R ‖ A ‖ M) mod L. A mixed-order A or R (a point with a small torsion component but
   not itself small) is accepted only when this exact equation holds.

Rules 1–4 are checked on the bytes before any backend runs, so no backend's laxer corner can leak
through. Verification never raises for a bad signature: :meth:`Ed25519PublicKey.verify` and
:func:`ed25519_verify` return ``False``; :meth:`Ed25519PublicKey.verify_or_raise` raises
``InfraError(crypto)``. A seed or public key of the wrong length given to a constructor, and any
argument that is not bytes-like, is ``InfraError(validation)``.

The pure-Python backend is **not constant-time** (secret-dependent table indices and big-integer
timings); prefer pynacl wherever it can be installed.

    >>> key = Ed25519PrivateKey.from_seed(bytes(32))
    >>> key.public_key().public_bytes().hex()
    '3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29'
    >>> sig = key.sign(b"hello")
    >>> key.public_key().verify(sig, b"hello"), ed25519_verify(key.public_key().public_bytes(), b"hellO", sig)
    (True, False)
"""

from __future__ import annotations

import os
from typing import Any, Protocol

from ..errors import InfraError
from . import _ed25519_native, _ed25519_pure
from ._asym_inputs import BytesLike, as_bytes
from ._backend import choose, register

__all__ = [
    "PUBLIC_KEY_SIZE",
    "SEED_SIZE",
    "SIGNATURE_SIZE",
    "Ed25519PrivateKey",
    "Ed25519PublicKey",
    "ed25519_public_key",
    "ed25519_sign",
    "ed25519_verify",
]

SEED_SIZE = 32
PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64

_PRIMITIVE = "ed25519"
register(_PRIMITIVE, native=_ed25519_native.load, native_name="pynacl")

_P = _ed25519_pure.P
_L = _ed25519_pure.L
_SMALL_ORDER_Y = _ed25519_pure.SMALL_ORDER_Y
_MASK255 = (1 << 255) - 1


class _Backend(Protocol):
    def keypair(self, seed: bytes) -> tuple[bytes, Any]: ...
    def sign(self, state: Any, message: bytes) -> bytes: ...
    def prepare(self, public_key: bytes) -> Any: ...
    def verify(self, key: Any, public_key: bytes, message: bytes, signature: bytes) -> bool: ...


_PURE: _Backend = _ed25519_pure


def _backend() -> _Backend:
    return choose(_PRIMITIVE, pure=_PURE)


def _strict_encodings_ok(public_key: bytes, signature: bytes) -> bool:
    """Rules 1–4 of the module docstring, on the bytes alone."""
    if len(public_key) != PUBLIC_KEY_SIZE or len(signature) != SIGNATURE_SIZE:
        return False
    if int.from_bytes(signature[32:], "little") >= _L:
        return False
    for enc in (public_key, signature[:32]):
        y = int.from_bytes(enc, "little") & _MASK255
        if y >= _P or y in _SMALL_ORDER_Y:
            return False
    return True


def _seed(value: object) -> bytes:
    seed = as_bytes(value, "seed")
    if len(seed) != SEED_SIZE:
        raise InfraError.validation(f"seed must be {SEED_SIZE} bytes, got {len(seed)}", field="seed", length=len(seed))
    return seed


class Ed25519PublicKey:
    """A 32-byte Ed25519 public key; verification follows the module's strict, cofactorless rules.

    The decoded point is cached per backend, so one key object verifies many signatures faster
    than the function form.
    """

    __slots__ = ("_bytes", "_cache")

    def __init__(self, public_key: BytesLike) -> None:
        data = as_bytes(public_key, "public_key")
        if len(data) != PUBLIC_KEY_SIZE:
            raise InfraError.validation(
                f"public_key must be {PUBLIC_KEY_SIZE} bytes, got {len(data)}", field="public_key", length=len(data)
            )
        self._bytes = data
        self._cache: tuple[object, Any] | None = None

    @classmethod
    def from_bytes(cls, public_key: BytesLike) -> Ed25519PublicKey:
        """The key encoded by ``public_key`` (32 bytes, else ``InfraError(validation)``)."""
        return cls(public_key)

    def public_bytes(self) -> bytes:
        """The 32-byte encoding."""
        return self._bytes

    def verify(self, signature: BytesLike, message: BytesLike) -> bool:
        """``True`` only for a valid signature of ``message`` by this key; never raises for a bad one."""
        sig = as_bytes(signature, "signature")
        msg = as_bytes(message, "message")
        if not _strict_encodings_ok(self._bytes, sig):
            return False
        backend = _backend()
        cache = self._cache
        if cache is None or cache[0] is not backend:
            cache = self._cache = (backend, backend.prepare(self._bytes))
        return backend.verify(cache[1], self._bytes, msg, sig)

    def verify_or_raise(self, signature: BytesLike, message: BytesLike) -> None:
        """Like :meth:`verify`, but an invalid signature raises ``InfraError(crypto)``."""
        if not self.verify(signature, message):
            raise InfraError.crypto("invalid Ed25519 signature", field="signature")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ed25519PublicKey) and other._bytes == self._bytes

    def __hash__(self) -> int:
        return hash(self._bytes)

    def __repr__(self) -> str:
        return f"Ed25519PublicKey({self._bytes.hex()!r})"


class Ed25519PrivateKey:
    """An Ed25519 signing key, built from its 32-byte seed (RFC 8032's "private key")."""

    __slots__ = ("_cache", "_public", "_seed")

    def __init__(self, seed: BytesLike) -> None:
        self._seed = _seed(seed)
        self._cache: tuple[object, Any] | None = None
        self._public: Ed25519PublicKey | None = None

    @classmethod
    def from_seed(cls, seed: BytesLike) -> Ed25519PrivateKey:
        """The key of a 32-byte seed (else ``InfraError(validation)``)."""
        return cls(seed)

    @classmethod
    def generate(cls) -> Ed25519PrivateKey:
        """A new key from 32 bytes of the operating system's CSPRNG."""
        return cls(os.urandom(SEED_SIZE))

    def private_bytes(self) -> bytes:
        """The 32-byte seed. Keep it secret."""
        return self._seed

    def _state(self) -> tuple[_Backend, Any]:
        backend = _backend()
        cache = self._cache
        if cache is None or cache[0] is not backend:
            public, state = backend.keypair(self._seed)
            cache = self._cache = (backend, state)
            if self._public is None:
                self._public = Ed25519PublicKey(public)
        return backend, cache[1]

    def public_key(self) -> Ed25519PublicKey:
        """The matching public key."""
        if self._public is None:
            self._state()
        assert self._public is not None
        return self._public

    def sign(self, message: BytesLike) -> bytes:
        """The deterministic 64-byte signature R ‖ S of ``message``."""
        msg = as_bytes(message, "message")
        backend, state = self._state()
        return backend.sign(state, msg)

    def __repr__(self) -> str:
        return "Ed25519PrivateKey(<secret>)"


def ed25519_public_key(seed: BytesLike) -> bytes:
    """The 32-byte public key of a 32-byte seed.

    >>> ed25519_public_key(bytes(32)).hex()[:16]
    '3b6a27bcceb6a42d'
    """
    public, _ = _backend().keypair(_seed(seed))
    return public


def ed25519_sign(seed: BytesLike, message: BytesLike) -> bytes:
    """The 64-byte signature of ``message`` by the key of ``seed`` (derives the key each call)."""
    msg = as_bytes(message, "message")
    backend = _backend()
    _, state = backend.keypair(_seed(seed))
    return backend.sign(state, msg)


def ed25519_verify(public_key: BytesLike, message: BytesLike, signature: BytesLike) -> bool:
    """``True`` only for a valid signature; a malformed key or signature of any length is ``False``."""
    pub = as_bytes(public_key, "public_key")
    msg = as_bytes(message, "message")
    sig = as_bytes(signature, "signature")
    if not _strict_encodings_ok(pub, sig):
        return False
    backend = _backend()
    return backend.verify(backend.prepare(pub), pub, msg, sig)
