"""Argon2id (RFC 9106, version 0x13) as a raw key-derivation function, with optional secret and associated data.

:func:`argon2id` returns the tag; for storing passwords use :mod:`._password` (PHC strings,
random salts, OWASP defaults), which is built on it. Two interchangeable backends, chosen on first
use by ``LLM_INFRA_BACKEND``: **argon2-cffi** (the reference C code) on CPython when installed,
else **pure Python** (unrolled compression function, memory in one ``bytearray``) — the one
Pyodide runs. Both produce the same bytes for every input, secret and associated data included.

Parameters, checked before any work (each violation is ``InfraError(validation)`` naming the
field): ``time_cost`` 1..2^32-1 passes, ``memory_kib`` 8·parallelism..2^32-1 KiB (rounded down to a
multiple of 4·parallelism, as RFC 9106 specifies), ``parallelism`` 1..2^24-1 lanes, ``length``
4..2^32-1 bytes of tag, ``salt`` 8..2^32-1 bytes (16 random bytes recommended), ``password``,
``secret`` and ``ad`` 0..2^32-1 bytes. A memory size the machine cannot allocate is
``InfraError(crypto)``.

Cost: the pure backend needs about 0.14–0.2 ms per KiB-block and pass on CPython 3.11 (OWASP's
t=2, m=19 MiB is ≈ 6–8 s; a browser running Pyodide takes 2–2.5× that), argon2-cffi about 1 µs.
Not constant-time in pure Python; prefer argon2-cffi wherever it is installed.

    >>> argon2id(b"password", b"somesalt", time_cost=1, memory_kib=8, parallelism=1, length=8).hex()
    'e755ed69be270f28'
"""

from __future__ import annotations

from typing import Protocol

from ..errors import InfraError
from . import _argon2_native, _argon2_pure
from ._asym_inputs import BytesLike, as_bytes, as_int
from ._backend import choose, register

__all__ = ["MAX_PARALLELISM", "MAX_U32", "MIN_LENGTH", "MIN_SALT_LENGTH", "argon2id"]

MAX_U32 = 2**32 - 1
MAX_PARALLELISM = 2**24 - 1
MIN_SALT_LENGTH = 8
MIN_LENGTH = 4

_PRIMITIVE = "argon2id"
register(_PRIMITIVE, native=_argon2_native.load, native_name="argon2-cffi")


class _Backend(Protocol):
    def argon2id(self, password: bytes, salt: bytes, time_cost: int, memory_kib: int, parallelism: int,
                 length: int, secret: bytes, ad: bytes) -> bytes: ...


_PURE: _Backend = _argon2_pure


def _length_checked(value: object, field: str, minimum: int = 0) -> bytes:
    data = as_bytes(value, field)
    if not minimum <= len(data) <= MAX_U32:
        raise InfraError.validation(f"{field} must be {minimum}..{MAX_U32} bytes, got {len(data)}",
                                    field=field, length=len(data))
    return data


def argon2id(password: BytesLike, salt: BytesLike, *, time_cost: int, memory_kib: int, parallelism: int,
             length: int, secret: BytesLike = b"", ad: BytesLike = b"") -> bytes:
    """The ``length``-byte Argon2id tag of ``password`` (RFC 9106 §3.1–3.4, version 0x13).

    ``secret`` is Argon2's optional key K (a pepper kept outside the database), ``ad`` its
    associated data X; both default to empty, which is what every PHC-string Argon2 uses.
    """
    pwd = _length_checked(password, "password")
    salt_b = _length_checked(salt, "salt", MIN_SALT_LENGTH)
    key = _length_checked(secret, "secret")
    data = _length_checked(ad, "ad")
    t = as_int(time_cost, "time_cost", 1, MAX_U32)
    p = as_int(parallelism, "parallelism", 1, MAX_PARALLELISM)
    m = as_int(memory_kib, "memory_kib", 8 * p, MAX_U32)
    n = as_int(length, "length", MIN_LENGTH, MAX_U32)
    backend = choose(_PRIMITIVE, pure=_PURE)
    try:
        return backend.argon2id(pwd, salt_b, t, m, p, n, key, data)
    except MemoryError:
        raise InfraError.crypto(f"cannot allocate {m} KiB for Argon2id", field="memory_kib", value=m) from None
    except InfraError:
        raise
    except Exception as exc:  # the native library refused (e.g. its own allocation failed)
        raise InfraError.crypto(f"Argon2id failed: {exc}", field="memory_kib", value=m, cause=exc) from exc
