"""Password hashing with Argon2id in PHC string format: ``hash_password`` / ``verify_password`` / ``needs_rehash``.

A hash is stored as the PHC string of the Argon2 reference implementation (and of argon2-cffi,
libsodium, @noble/hashes users, PHP's ``password_hash``)::

    $argon2id$v=19$m=19456,t=2,p=1$<salt, base64>$<tag, base64>

(standard base64 alphabet, no padding). Defaults follow OWASP's Password Storage Cheat Sheet:
``time_cost=2``, ``memory_kib=19456`` (19 MiB), ``parallelism=1``, a 16-byte random salt and a
32-byte tag. Passwords may be ``str`` (hashed as UTF-8) or bytes.

Parsing is strict, and every deviation is ``InfraError(validation)`` with ``field="phc"``: the
algorithm must be ``argon2id`` and the version ``v=19`` (0x13; the older 0x10 and a missing
version are refused), the parameters exactly ``m=…,t=…,p=…`` in that order as decimal numbers
without sign or leading zeros and within RFC 9106's ranges, the salt at least 8 bytes and the tag
at least 4, base64 canonical (unused low bits zero). :func:`verify_password` returns ``False``
only for a well-formed hash whose password does not match; it compares tags in constant time.
A PHC string is trusted input (it comes from your own store): its parameters decide the cost of
the check, so do not verify strings an attacker can choose.

    >>> phc = hash_password("correct horse", time_cost=1, memory_kib=8, salt=b"0123456789abcdef")
    >>> phc
    '$argon2id$v=19$m=8,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$M7jw0GQI4Kfcxf+xPldfNRYttP89scc9XVAYAcaZ0U0'
    >>> verify_password(phc, "correct horse"), verify_password(phc, "wrong")
    (True, False)
    >>> needs_rehash(phc)
    True
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import re
from typing import NamedTuple

from ..errors import InfraError
from ._argon2 import MAX_PARALLELISM, MAX_U32, MIN_LENGTH, MIN_SALT_LENGTH, argon2id
from ._asym_inputs import BytesLike, as_bytes, as_int, as_secret

__all__ = [
    "DEFAULT_LENGTH",
    "DEFAULT_MEMORY_KIB",
    "DEFAULT_PARALLELISM",
    "DEFAULT_SALT_LENGTH",
    "DEFAULT_TIME_COST",
    "hash_password",
    "needs_rehash",
    "verify_password",
]

DEFAULT_TIME_COST = 2
DEFAULT_MEMORY_KIB = 19456
DEFAULT_PARALLELISM = 1
DEFAULT_LENGTH = 32
DEFAULT_SALT_LENGTH = 16

_VERSION = 19
_NUM = r"(0|[1-9][0-9]{0,9})"
_B64 = r"([A-Za-z0-9+/]+)"
_PHC = re.compile(rf"\$argon2id\$v={_NUM}\$m={_NUM},t={_NUM},p={_NUM}\${_B64}\${_B64}")


class _Phc(NamedTuple):
    memory_kib: int
    time_cost: int
    parallelism: int
    salt: bytes
    tag: bytes


def _bad(reason: str) -> InfraError:
    return InfraError.validation(f"invalid Argon2id PHC string: {reason}", field="phc")


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _b64decode(text: str, what: str) -> bytes:
    if len(text) % 4 == 1:
        raise _bad(f"{what} is not valid base64")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise _bad(f"{what} is not valid base64") from None
    if _b64encode(data) != text:
        raise _bad(f"{what} is not canonical base64 (unused bits must be zero)")
    return data


def _parse(phc: object) -> _Phc:
    if not isinstance(phc, str):
        raise InfraError.validation(f"phc must be a string, got {type(phc).__name__}", field="phc")
    match = _PHC.fullmatch(phc)
    if match is None:
        if not phc.startswith("$argon2id$"):
            raise _bad("only $argon2id$ hashes are supported")
        raise _bad("expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>")
    version, m, t, p = (int(g) for g in match.group(1, 2, 3, 4))
    if version != _VERSION:
        raise _bad(f"unsupported version v={version} (only v=19)")
    if not 1 <= p <= MAX_PARALLELISM:
        raise _bad(f"p must be in [1, {MAX_PARALLELISM}]")
    if not 8 * p <= m <= MAX_U32:
        raise _bad(f"m must be in [8*p, {MAX_U32}]")
    if not 1 <= t <= MAX_U32:
        raise _bad(f"t must be in [1, {MAX_U32}]")
    salt = _b64decode(match.group(5), "salt")
    tag = _b64decode(match.group(6), "hash")
    if len(salt) < MIN_SALT_LENGTH:
        raise _bad(f"salt must be at least {MIN_SALT_LENGTH} bytes")
    if len(tag) < MIN_LENGTH:
        raise _bad(f"hash must be at least {MIN_LENGTH} bytes")
    return _Phc(m, t, p, salt, tag)


def hash_password(password: str | BytesLike, *, time_cost: int = DEFAULT_TIME_COST,
                  memory_kib: int = DEFAULT_MEMORY_KIB, parallelism: int = DEFAULT_PARALLELISM,
                  length: int = DEFAULT_LENGTH, salt_length: int = DEFAULT_SALT_LENGTH,
                  salt: BytesLike | None = None) -> str:
    """The PHC string of ``password`` under a fresh random salt (``os.urandom``).

    ``salt`` fixes the salt instead — only for tests and reproducible vectors; never reuse one.
    """
    pwd = as_secret(password, "password")
    if salt is None:
        n = as_int(salt_length, "salt_length", MIN_SALT_LENGTH, 1024)
        salt_b = os.urandom(n)
    else:
        salt_b = as_bytes(salt, "salt")
    tag = argon2id(pwd, salt_b, time_cost=time_cost, memory_kib=memory_kib, parallelism=parallelism, length=length)
    return (f"$argon2id$v={_VERSION}$m={memory_kib},t={time_cost},p={parallelism}"
            f"${_b64encode(salt_b)}${_b64encode(tag)}")


def verify_password(phc: str, password: str | BytesLike) -> bool:
    """``True`` if ``password`` matches the PHC string; a malformed string is ``InfraError(validation)``."""
    parsed = _parse(phc)
    pwd = as_secret(password, "password")
    tag = argon2id(pwd, parsed.salt, time_cost=parsed.time_cost, memory_kib=parsed.memory_kib,
                   parallelism=parsed.parallelism, length=len(parsed.tag))
    return hmac.compare_digest(tag, parsed.tag)


def needs_rehash(phc: str, *, time_cost: int = DEFAULT_TIME_COST, memory_kib: int = DEFAULT_MEMORY_KIB,
                 parallelism: int = DEFAULT_PARALLELISM, length: int = DEFAULT_LENGTH,
                 salt_length: int = DEFAULT_SALT_LENGTH) -> bool:
    """``True`` if the hash was made with parameters other than these (check after a successful verify)."""
    parsed = _parse(phc)
    wanted = (
        as_int(memory_kib, "memory_kib", 8, MAX_U32), as_int(time_cost, "time_cost", 1, MAX_U32),
        as_int(parallelism, "parallelism", 1, MAX_PARALLELISM), as_int(length, "length", MIN_LENGTH, MAX_U32),
        as_int(salt_length, "salt_length", MIN_SALT_LENGTH, MAX_U32),
    )
    return wanted != (parsed.memory_kib, parsed.time_cost, parsed.parallelism, len(parsed.tag), len(parsed.salt))
