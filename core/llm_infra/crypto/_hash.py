"""Hashing: SHA-256/384/512 and BLAKE3 (hash, keyed hash, key derivation, any output length, streaming).

SHA-2 comes from the standard library's ``hashlib`` in every runtime (CPython and Pyodide both
ship it; ``LLM_INFRA_BACKEND`` does not apply). BLAKE3 is the primitive ``"blake3"`` of the
backend registry: the ``blake3`` package when installed and allowed, else the pure-Python
implementation in ``_blake3`` — byte-identical.

    >>> from llm_infra.crypto import Hasher, blake3_hash, digest, sha256
    >>> sha256(b"abc").hex()[:16]
    'ba7816bf8f01cfea'
    >>> blake3_hash(b"abc", length=8).hex()
    '6437b3ac38465133'
    >>> h = Hasher("blake3")
    >>> h.update(b"a").update(b"bc").digest(8) == digest("blake3", b"abc", length=8)
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Literal, Protocol

from ..errors import InfraError
from . import _blake3
from ._backend import choose, on_reset, register
from ._checks import MAX_OUTPUT_LEN, as_bytes, as_length, as_str

__all__ = [
    "HASH_ALGORITHMS",
    "HashAlgorithm",
    "Hasher",
    "blake3_derive_key",
    "blake3_hash",
    "blake3_keyed_hash",
    "digest",
    "sha256",
    "sha384",
    "sha512",
]

HashAlgorithm = Literal["sha256", "sha384", "sha512", "blake3"]
HASH_ALGORITHMS: tuple[HashAlgorithm, ...] = ("sha256", "sha384", "sha512", "blake3")
_SHA2 = frozenset(("sha256", "sha384", "sha512"))


class _Blake3State(Protocol):
    """What both BLAKE3 implementations provide (the ``blake3`` package's hasher and ``_blake3.Blake3``)."""

    def update(self, data: bytes, /) -> object: ...
    def digest(self, length: int = ..., /) -> bytes: ...
    def copy(self) -> _Blake3State: ...


class _Blake3Impl(Protocol):
    def new(self, data: bytes, key: bytes | None, context: str | None) -> _Blake3State: ...
    def hash(self, data: bytes, key: bytes | None, context: str | None, length: int) -> bytes: ...


class _PureBlake3:
    @staticmethod
    def new(data: bytes, key: bytes | None, context: str | None) -> _Blake3State:
        if context is not None:
            return _blake3.Blake3(data, context_key=_blake3.derive_key_context_key(context.encode("utf-8")))
        return _blake3.Blake3(data, key=key)

    @classmethod
    def hash(cls, data: bytes, key: bytes | None, context: str | None, length: int) -> bytes:
        return cls.new(data, key, context).digest(length)


class _NativeBlake3:
    def __init__(self, module: object) -> None:
        self.constructor: Callable[..., _Blake3State] = module.blake3  # type: ignore[attr-defined]

    def new(self, data: bytes, key: bytes | None, context: str | None) -> _Blake3State:
        if context is not None:
            return self.constructor(data, derive_key_context=context)
        return self.constructor(data, key=key)

    def hash(self, data: bytes, key: bytes | None, context: str | None, length: int) -> bytes:
        if key is None and context is None:
            return self.constructor(data).digest(length)
        if context is not None:
            return self.constructor(data, derive_key_context=context).digest(length)
        return self.constructor(data, key=key).digest(length)


def _load_native_blake3() -> _Blake3Impl:
    import blake3

    return _NativeBlake3(blake3)


register("blake3", native=_load_native_blake3, native_name="blake3")
_PURE: _Blake3Impl = _PureBlake3()
# the blake3 package's constructor once the native backend is chosen: blake3_hash's hot path
_native_new: Callable[[bytes], _Blake3State] | None = None


def _cache_native(new: Callable[[bytes], _Blake3State] | None) -> None:
    global _native_new
    _native_new = new


on_reset(lambda: _cache_native(None))


def _impl() -> _Blake3Impl:
    return choose("blake3", pure=_PURE)


def _alg(alg: object) -> HashAlgorithm:
    if alg not in HASH_ALGORITHMS:
        raise InfraError.validation(f"alg must be one of {', '.join(HASH_ALGORITHMS)}; got {alg!r}", field="alg",
                                    value=str(alg))
    return alg


def _blake3_key(key: object) -> bytes:
    key = as_bytes(key, "key")
    if len(key) != _blake3.KEY_LEN:
        raise InfraError.crypto(f"a BLAKE3 key must be 32 bytes, got {len(key)}", field="key", length=len(key))
    return key


def sha256(data: bytes) -> bytes:
    """SHA-256 (FIPS 180-4) of ``data``."""
    return hashlib.sha256(as_bytes(data, "data")).digest()


def sha384(data: bytes) -> bytes:
    """SHA-384 (FIPS 180-4) of ``data``."""
    return hashlib.sha384(as_bytes(data, "data")).digest()


def sha512(data: bytes) -> bytes:
    """SHA-512 (FIPS 180-4) of ``data``."""
    return hashlib.sha512(as_bytes(data, "data")).digest()


def blake3_hash(data: bytes, length: int = 32) -> bytes:
    """BLAKE3 of ``data``, ``length`` bytes long (0 .. 16 MiB; 32 is the standard digest)."""
    new = _native_new
    if new is not None and type(data) is bytes and length == 32 and type(length) is int:
        return new(data).digest()  # the hot path of short messages: the native call and little else
    if type(data) is not bytes:
        data = as_bytes(data, "data")
    if type(length) is not int or not 0 <= length <= MAX_OUTPUT_LEN:
        length = as_length(length)
    impl = choose("blake3", pure=_PURE)
    if isinstance(impl, _NativeBlake3):
        _cache_native(impl.constructor)
    return impl.hash(data, None, None, length)


def blake3_keyed_hash(key: bytes, data: bytes, length: int = 32) -> bytes:
    """BLAKE3 in keyed-hash mode (a MAC / PRF) under a 32-byte ``key``."""
    return _impl().hash(as_bytes(data, "data"), _blake3_key(key), None, as_length(length))


def blake3_derive_key(context: str, key_material: bytes, length: int = 32) -> bytes:
    """BLAKE3 key derivation: a key for ``context`` (a hard-coded, globally unique string) from ``key_material``."""
    ctx = as_str(context, "context")
    return _impl().hash(as_bytes(key_material, "key_material"), None, ctx, as_length(length))


def digest(alg: HashAlgorithm, data: bytes, *, length: int | None = None) -> bytes:
    """The ``alg`` digest of ``data``; ``length`` (BLAKE3 only) asks for extended output."""
    alg = _alg(alg)
    if alg == "blake3":
        return blake3_hash(data, 32 if length is None else length)
    if length is not None:
        raise InfraError.validation(f"length applies to blake3 only, not {alg}", field="length")
    return hashlib.new(alg, as_bytes(data, "data")).digest()


class Hasher:
    """A streaming hash: ``update()`` any number of times (it returns the hasher), then ``digest()``.

    ``digest`` does not end the stream: more data may follow, and ``copy()`` forks it. For
    ``blake3``, ``key`` selects the keyed mode and ``derive_key_context`` the key-derivation
    mode, and ``digest(length)`` gives any output length.

        >>> h = Hasher("sha256")
        >>> h.update(b"ab").update(b"c").hexdigest()[:8]
        'ba7816bf'
        >>> Hasher("blake3", key=bytes(32)).update(b"x").digest(4) == blake3_keyed_hash(bytes(32), b"x", 4)
        True
    """

    __slots__ = ("_state", "alg")

    alg: HashAlgorithm

    def __init__(self, alg: HashAlgorithm, data: bytes = b"", *, key: bytes | None = None,
                 derive_key_context: str | None = None) -> None:
        self.alg = _alg(alg)
        data = as_bytes(data, "data")
        if self.alg != "blake3":
            if key is not None or derive_key_context is not None:
                raise InfraError.validation("key and derive_key_context apply to blake3 only",
                                            field="key" if key is not None else "derive_key_context")
            self._state: object = hashlib.new(self.alg, data)
            return
        if key is not None and derive_key_context is not None:
            raise InfraError.validation("give key or derive_key_context, not both", field="key")
        self._state = _impl().new(
            data,
            None if key is None else _blake3_key(key),
            None if derive_key_context is None else as_str(derive_key_context, "derive_key_context"),
        )

    def update(self, data: bytes) -> Hasher:
        self._state.update(as_bytes(data, "data"))  # type: ignore[attr-defined]
        return self

    def digest(self, length: int | None = None) -> bytes:
        """The digest so far; ``length`` (BLAKE3 only, default 32) asks for extended output."""
        if self.alg == "blake3":
            return self._state.digest(32 if length is None else as_length(length))  # type: ignore[attr-defined,no-any-return]
        if length is not None:
            raise InfraError.validation(f"length applies to blake3 only, not {self.alg}", field="length")
        return self._state.digest()  # type: ignore[attr-defined,no-any-return]

    def hexdigest(self, length: int | None = None) -> str:
        return self.digest(length).hex()

    def copy(self) -> Hasher:
        other = Hasher.__new__(Hasher)
        other.alg = self.alg
        other._state = self._state.copy()  # type: ignore[attr-defined]
        return other
