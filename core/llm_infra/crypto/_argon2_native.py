"""Argon2id through argon2-cffi (the reference C implementation), loaded lazily when installed.

Without a secret or associated data this is ``argon2.low_level.hash_secret_raw``. That function has
no parameters for them, so a secret (K) or associated data (X) goes through argon2-cffi's documented
raw binding ``argon2.low_level.core`` on an ``argon2_context`` built with its ``ffi`` — the same C
code, so every Argon2id input runs natively. (pynacl's ``crypto_pwhash`` is not used: it has no
secret, associated data or parallelism either.) Parameters arrive validated (:mod:`._argon2`).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

__all__ = ["Argon2Cffi", "load"]


class Argon2Cffi:
    """The argon2-cffi-backed implementation."""

    __slots__ = ("_ll",)

    def __init__(self, low_level: ModuleType) -> None:
        self._ll = low_level

    def argon2id(self, password: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int,
                 length: int, secret: bytes, ad: bytes) -> bytes:
        ll = self._ll
        if not secret and not ad:
            tag: bytes = ll.hash_secret_raw(password, salt, time_cost, memory_kib, parallelism, length, ll.Type.ID,
                                            ll.ARGON2_VERSION)
            return tag
        return self._core(password, salt, time_cost, memory_kib, parallelism, length, secret, ad)

    def _core(self, password: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int, length: int,
              secret: bytes, ad: bytes) -> bytes:
        ll = self._ll
        ffi: Any = ll.ffi
        out = ffi.new("uint8_t[]", length)
        buffers = [ffi.new("uint8_t[]", part) if part else ffi.NULL for part in (password, salt, secret, ad)]
        ctx = ffi.new("argon2_context *", {
            "version": ll.ARGON2_VERSION, "out": out, "outlen": length,
            "pwd": buffers[0], "pwdlen": len(password), "salt": buffers[1], "saltlen": len(salt),
            "secret": buffers[2], "secretlen": len(secret), "ad": buffers[3], "adlen": len(ad),
            "t_cost": time_cost, "m_cost": memory_kib, "lanes": parallelism, "threads": parallelism,
            "allocate_cbk": ffi.NULL, "free_cbk": ffi.NULL, "flags": ll.lib.ARGON2_DEFAULT_FLAGS,
        })
        rc = ll.core(ctx, ll.Type.ID.value)
        if rc != ll.lib.ARGON2_OK:
            raise ll.HashingError(ll.error_to_str(rc))
        return bytes(ffi.buffer(out, length))


def load() -> Argon2Cffi | None:
    """The argon2-cffi backend, or ``None`` when it is not installed (Pyodide, minimal installs)."""
    try:
        import argon2.low_level
    except ImportError:
        return None
    return Argon2Cffi(argon2.low_level)
