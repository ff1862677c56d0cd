"""Argument checks shared by Ed25519, Argon2id and password hashing: bad input is ``InfraError(validation)``.

    >>> as_bytes(bytearray(b"ab"), "message")
    b'ab'
    >>> as_int(0, "time_cost", 1, 10)
    Traceback (most recent call last):
    ...
    llm_infra.errors._error.InfraError: time_cost must be in [1, 10], got 0
"""

from __future__ import annotations

from ..errors import InfraError

__all__ = ["BytesLike", "as_bytes", "as_int", "as_secret"]

BytesLike = bytes | bytearray | memoryview


def as_bytes(value: object, field: str) -> bytes:
    """``value`` as ``bytes`` (bytes, bytearray or memoryview); anything else is ``InfraError(validation)``."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise InfraError.validation(
        f"{field} must be bytes, bytearray or memoryview, got {type(value).__name__}", field=field
    )


def as_secret(value: object, field: str) -> bytes:
    """Like :func:`as_bytes`, but a ``str`` is accepted and encoded as UTF-8 (passwords)."""
    if isinstance(value, str):
        try:
            return value.encode("utf-8")
        except UnicodeEncodeError:
            raise InfraError.validation(f"{field} is not valid Unicode (lone surrogate)", field=field) from None
    return as_bytes(value, field)


def as_int(value: object, field: str, lo: int, hi: int) -> int:
    """``value`` as an ``int`` in ``[lo, hi]`` (``bool`` is not an int here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InfraError.validation(f"{field} must be an integer, got {type(value).__name__}", field=field)
    if not lo <= value <= hi:
        raise InfraError.validation(f"{field} must be in [{lo}, {hi}], got {value}", field=field, value=value)
    return int(value)
