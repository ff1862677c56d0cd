"""Pure-Python AES-GCM (NIST SP 800-38D) over :mod:`._aes` and :mod:`._ghash`; any nonce length >= 1.

Why hand-written: Pyodide installs wheels only, ``pyaes`` is an sdist, and no pure-Python GCM
wheel exists. This is the implementation Pyodide uses and the reference the native backend
(``cryptography``) is tested against; both give the same bytes.

Decryption computes and checks the tag (``hmac.compare_digest``) before it decrypts anything, so
a forged message never yields plaintext, not even partially. The arithmetic itself is not
constant-time (table look-ups, Python integers): prefer the native backend with secret keys.

    >>> from llm_infra.crypto._gcm import PureAESGCM
    >>> PureAESGCM(bytes(16)).encrypt(bytes(12), b"", b"").hex()
    '58e2fccefa7e3061367f1d57a4e7455a'
"""

from __future__ import annotations

import hmac

from ..errors import InfraError
from ._aes import AES
from ._ghash import Ghash

__all__ = ["MAX_PLAINTEXT", "TAG_LEN", "PureAESGCM"]

TAG_LEN = 16
#: SP 800-38D §5.2.1.1: at most 2^39 - 256 bits of plaintext per invocation.
MAX_PLAINTEXT = (1 << 36) - 32


def _pad16(data: bytes) -> bytes:
    return data + bytes(-len(data) % 16)


class PureAESGCM:
    """AES-GCM with a 16-byte tag under one key; the public wrapper validates the arguments."""

    __slots__ = ("_aes", "_ghash")

    def __init__(self, key: bytes) -> None:
        self._aes = AES(key)
        self._ghash = Ghash(int.from_bytes(self._aes.encrypt_block(bytes(16)), "big"))

    def _j0(self, nonce: bytes) -> bytes:
        if len(nonce) == 12:
            return nonce + b"\x00\x00\x00\x01"
        s = self._ghash.update(0, _pad16(nonce) + (8 * len(nonce)).to_bytes(16, "big"))
        return s.to_bytes(16, "big")

    def _tag(self, mask: bytes, aad: bytes, ciphertext: bytes) -> bytes:
        lengths = ((8 * len(aad)) << 64 | (8 * len(ciphertext))).to_bytes(16, "big")
        g = self._ghash
        s = g.update(0, _pad16(aad)) if aad else 0
        s = g.update(s, _pad16(ciphertext) + lengths)
        return (s ^ int.from_bytes(mask, "big")).to_bytes(16, "big")

    def _keystream(self, j0: bytes, length: int) -> tuple[bytes, bytes]:
        """(E_K(J0), the keystream for ``length`` bytes from inc32(J0))."""
        blocks = -(-length // 16)
        stream = self._aes.ctr_keystream(j0[:12], int.from_bytes(j0[12:], "big"), blocks + 1)
        return stream[:16], stream[16:16 + length]

    @staticmethod
    def _xor(data: bytes, stream: bytes) -> bytes:
        if not data:
            return b""
        n = len(data)
        return (int.from_bytes(data, "little") ^ int.from_bytes(stream[:n], "little")).to_bytes(n, "little")

    def encrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """``ciphertext ‖ tag``."""
        j0 = self._j0(nonce)
        mask, stream = self._keystream(j0, len(data))
        ciphertext = self._xor(data, stream)
        return ciphertext + self._tag(mask, aad, ciphertext)

    def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """The plaintext of ``ciphertext ‖ tag``, or ``InfraError(crypto)`` if the tag does not match."""
        if len(data) < TAG_LEN:
            raise InfraError.crypto("AES-GCM ciphertext is shorter than its 16-byte tag", field="ciphertext",
                                    length=len(data))
        ciphertext, tag = data[:-TAG_LEN], data[-TAG_LEN:]
        j0 = self._j0(nonce)
        # authenticate first: a forged message costs no decryption and can yield no plaintext
        if not hmac.compare_digest(self._tag(self._aes.encrypt_block(j0), aad, ciphertext), tag):
            raise InfraError.crypto("AES-GCM authentication failed: the tag does not match", field="ciphertext")
        counter = (int.from_bytes(j0[12:], "big") + 1) & 0xFFFFFFFF
        return self._xor(ciphertext, self._aes.ctr_keystream(j0[:12], counter, -(-len(ciphertext) // 16)))
