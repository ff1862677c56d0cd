"""AES-GCM: the low-level ``AESGCM`` (shaped like ``cryptography``'s) and the high-level ``seal`` / ``open``.

* ``AESGCM(key)`` with a 16-, 24- or 32-byte key; ``encrypt(nonce, data, associated_data)``
  returns ``ciphertext ‖ tag`` (16-byte tag), ``decrypt`` returns the plaintext or raises
  ``InfraError(crypto)`` — never a partial plaintext. Any nonce of at least one byte works
  (12 bytes is the recommended, fastest size; other lengths go through GHASH as SP 800-38D says).
* Nonce-reuse guard: an ``AESGCM`` object remembers the last :data:`NONCE_MEMORY` nonces it
  encrypted with and refuses to encrypt with one of them again (``InfraError(crypto)``), which
  catches the classic bugs (a constant nonce, a counter that does not advance). It cannot see
  reuse across objects or processes: use random nonces (``seal``) or a persistent counter.
  The guard takes no lock: an atomic ``dict.setdefault`` with a per-call mark decides which of two
  threads racing with one nonce wins, and the loser gets the error (its ciphertext is discarded).
* ``seal(key, plaintext, aad)`` draws a random 96-bit nonce and returns ``nonce ‖ ciphertext ‖ tag``;
  ``open(key, sealed, aad)`` reverses it. The TypeScript SDK uses the same format. With random
  nonces, NIST advises at most 2^32 messages per key.

Backends (primitive ``"aes_gcm"``): ``cryptography``'s AESGCM when installed and allowed (nonces
outside its 8..128-byte range, and inputs beyond its 2^31 - 1-byte limit, go to the pure
implementation), else the pure-Python ``_gcm``. With the native backend, ``encrypt`` and
``decrypt`` on plain ``bytes`` call ``cryptography`` directly, and only what it refuses takes the
checked general path, so short messages pay little more than the native call.

    >>> from llm_infra.crypto import AESGCM, open, seal
    >>> key = bytes(32)
    >>> box = AESGCM(key)
    >>> ct = box.encrypt(b"unique nonce", b"hello", b"header")
    >>> box.decrypt(b"unique nonce", ct, b"header")
    b'hello'
    >>> open(key, seal(key, b"hello", b"ctx"), b"ctx")
    b'hello'
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable
from typing import Protocol

from ..errors import InfraError
from ._backend import choose, register
from ._checks import as_bytes
from ._gcm import MAX_PLAINTEXT, TAG_LEN, PureAESGCM
from ._random import random_bytes

__all__ = ["AESGCM", "KEY_SIZES", "NONCE_MEMORY", "SEAL_NONCE_LEN", "open", "seal"]

KEY_SIZES = (16, 24, 32)
#: How many of its most recent encryption nonces one ``AESGCM`` object remembers.
NONCE_MEMORY = 4096
#: ``seal`` nonces: 96 bits, the size GCM is designed around.
SEAL_NONCE_LEN = 12
#: ``cryptography`` refuses data or associated data longer than this.
_NATIVE_MAX = (1 << 31) - 1
#: Per-call marks for the nonce-reuse guard (unique values, so ``setdefault`` tells a fresh nonce from a reused one).
_MARKS = itertools.count()


class _Cipher(Protocol):
    def encrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes: ...
    def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes: ...


class _CipherFactory(Protocol):
    def __call__(self, key: bytes) -> _Cipher: ...


def _load_native() -> _CipherFactory:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers import aead

    class CryptographyAESGCM:
        """``cryptography``'s AESGCM; what it refuses (nonces < 8 or > 128 bytes, > 2^31 - 1-byte inputs) goes pure."""

        __slots__ = ("_key", "_native", "_pure", "invalid_tag", "native_decrypt", "native_encrypt")

        def __init__(self, key: bytes) -> None:
            self._native = aead.AESGCM(key)
            self._key = key
            self._pure: PureAESGCM | None = None
            # the raw calls AESGCM's fast path uses (they raise cryptography's own exceptions)
            self.native_encrypt = self._native.encrypt
            self.native_decrypt = self._native.decrypt
            self.invalid_tag = InvalidTag

        def _fallback(self) -> PureAESGCM:
            if self._pure is None:
                self._pure = PureAESGCM(self._key)
            return self._pure

        def encrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
            if 8 <= len(nonce) <= 128 and len(data) <= _NATIVE_MAX and len(aad) <= _NATIVE_MAX:
                return self._native.encrypt(nonce, data, aad)
            return self._fallback().encrypt(nonce, data, aad)

        def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
            if not (8 <= len(nonce) <= 128 and len(data) <= _NATIVE_MAX and len(aad) <= _NATIVE_MAX):
                return self._fallback().decrypt(nonce, data, aad)
            if len(data) < TAG_LEN:
                raise _short_ciphertext(len(data))
            try:
                return self._native.decrypt(nonce, data, aad)
            except InvalidTag:
                raise _forged() from None

    return CryptographyAESGCM


register("aes_gcm", native=_load_native, native_name="cryptography")
_PURE: _CipherFactory = PureAESGCM


def _key(key: object) -> bytes:
    key = as_bytes(key, "key")
    if len(key) not in KEY_SIZES:
        raise InfraError.crypto(f"an AES-GCM key must be 16, 24 or 32 bytes, got {len(key)}", field="key",
                                length=len(key))
    return key


def _nonce(nonce: object) -> bytes:
    nonce = as_bytes(nonce, "nonce")
    if not nonce:
        raise InfraError.crypto("an AES-GCM nonce must be at least 1 byte (12 recommended)", field="nonce",
                                length=0)
    return nonce


def _aad(aad: object) -> bytes:
    return b"" if aad is None else as_bytes(aad, "associated_data")


def _short_ciphertext(length: int) -> InfraError:
    return InfraError.crypto("AES-GCM ciphertext is shorter than its 16-byte tag", field="ciphertext", length=length)


def _forged() -> InfraError:
    return InfraError.crypto("AES-GCM authentication failed: the tag does not match", field="ciphertext")


def _reused() -> InfraError:
    return InfraError.crypto("AES-GCM nonce reuse: this object already encrypted with this nonce", field="nonce")


class AESGCM:
    """AES-GCM under one key (16, 24 or 32 bytes), 16-byte tags, any nonce length >= 1.

    Thread-safe. See the module documentation for the nonce-reuse guard.
    """

    __slots__ = ("_cipher", "_invalid_tag", "_native_decrypt", "_native_encrypt", "_order", "_used")

    def __init__(self, key: bytes) -> None:
        self._cipher = choose("aes_gcm", pure=_PURE)(_key(key))
        native_encrypt: Callable[[bytes, bytes, bytes | None], bytes] | None = getattr(
            self._cipher, "native_encrypt", None)
        self._native_encrypt = native_encrypt
        self._native_decrypt: Callable[[bytes, bytes, bytes | None], bytes] | None = getattr(
            self._cipher, "native_decrypt", None)
        self._invalid_tag: type[Exception] = getattr(self._cipher, "invalid_tag", InfraError)
        self._used: dict[bytes, int] = {}  # the remembered nonces -> the mark of the call that used them ...
        self._order: deque[bytes] = deque()  # ... oldest first

    @staticmethod
    def generate_key(bit_length: int = 256) -> bytes:
        """A fresh random key of 128, 192 or 256 bits."""
        if isinstance(bit_length, bool) or bit_length not in (128, 192, 256):
            raise InfraError.validation(f"bit_length must be 128, 192 or 256, got {bit_length!r}",
                                        field="bit_length")
        return random_bytes(bit_length // 8)

    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None = None) -> bytes:
        """``ciphertext ‖ tag`` of ``data``; refuses a nonce this object encrypted with recently."""
        native = self._native_encrypt
        if (native is not None and type(nonce) is bytes and type(data) is bytes
                and (associated_data is None or type(associated_data) is bytes)):
            # the hot path of short messages: cryptography checks the rest, and what it refuses
            # (a nonce length, an input size) goes to the general path below
            try:
                ct = native(nonce, data, associated_data)
            except (ValueError, OverflowError):
                pass
            else:
                self._remember(nonce)
                return ct
        nonce = _nonce(nonce)
        data = as_bytes(data, "data")
        aad = _aad(associated_data)
        if len(data) > MAX_PLAINTEXT:
            raise InfraError.crypto("AES-GCM plaintext exceeds 2^36 - 32 bytes", field="data", length=len(data))
        self._remember(nonce)
        return self._cipher.encrypt(nonce, data, aad)

    def _remember(self, nonce: bytes) -> None:
        """Record ``nonce`` as used, or raise if it is (``setdefault`` is atomic, so no lock is needed)."""
        mark = next(_MARKS)
        if self._used.setdefault(nonce, mark) != mark:
            raise _reused()
        order = self._order
        order.append(nonce)
        if len(order) > NONCE_MEMORY:
            self._used.pop(order.popleft(), None)

    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None = None) -> bytes:
        """The plaintext of ``data`` (``ciphertext ‖ tag``), or ``InfraError(crypto)`` if it is not authentic."""
        native = self._native_decrypt
        if (native is not None and type(nonce) is bytes and type(data) is bytes
                and (associated_data is None or type(associated_data) is bytes)):
            try:
                return native(nonce, data, associated_data)
            except self._invalid_tag:
                if len(data) < TAG_LEN:
                    raise _short_ciphertext(len(data)) from None
                raise _forged() from None
            except (ValueError, OverflowError):
                pass
        return self._cipher.decrypt(_nonce(nonce), as_bytes(data, "data"), _aad(associated_data))


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """Encrypt with a fresh random 96-bit nonce: ``nonce ‖ ciphertext ‖ tag`` (28 bytes + plaintext)."""
    cipher = choose("aes_gcm", pure=_PURE)(_key(key))
    data = as_bytes(plaintext, "plaintext")
    if len(data) > MAX_PLAINTEXT:
        raise InfraError.crypto("AES-GCM plaintext exceeds 2^36 - 32 bytes", field="plaintext", length=len(data))
    nonce = random_bytes(SEAL_NONCE_LEN)
    return nonce + cipher.encrypt(nonce, data, _aad(aad))


def open(key: bytes, sealed: bytes, aad: bytes = b"") -> bytes:
    """The plaintext of a :func:`seal` output, or ``InfraError(crypto)`` if it is not authentic."""
    cipher = choose("aes_gcm", pure=_PURE)(_key(key))
    sealed = as_bytes(sealed, "sealed")
    if len(sealed) < SEAL_NONCE_LEN + TAG_LEN:
        raise InfraError.crypto(f"sealed data must be at least {SEAL_NONCE_LEN + TAG_LEN} bytes (nonce and tag), "
                                f"got {len(sealed)}", field="sealed", length=len(sealed))
    return cipher.decrypt(sealed[:SEAL_NONCE_LEN], sealed[SEAL_NONCE_LEN:], _aad(aad))

