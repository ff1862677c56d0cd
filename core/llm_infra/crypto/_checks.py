"""Argument checks shared by the crypto modules: every bad argument becomes an ``InfraError`` naming it.

Types are ``validation`` errors; sizes of cryptographic material (keys, nonces, tags) are
``crypto`` errors, the same split as the TypeScript SDK.
"""

from __future__ import annotations

from ..errors import InfraError

__all__ = ["MAX_OUTPUT_LEN", "as_bytes", "as_length", "as_str"]

#: The largest output a caller may request at once (BLAKE3 XOF length, random bytes): 16 MiB.
MAX_OUTPUT_LEN = 1 << 24


def _type(value: object) -> str:
    return "None" if value is None else type(value).__name__


def as_bytes(value: object, field: str) -> bytes:
    """``value`` as ``bytes`` (``bytes``, ``bytearray`` and ``memoryview`` are accepted)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise InfraError.validation(f"{field} must be bytes, got {_type(value)}", field=field)


def as_str(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InfraError.validation(f"{field} must be a str, got {_type(value)}", field=field)
    return value


def as_length(value: object, field: str = "length", *, minimum: int = 0, maximum: int = MAX_OUTPUT_LEN) -> int:
    """An integer in ``[minimum, maximum]`` (``bool`` is not an integer here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InfraError.validation(f"{field} must be an integer, got {_type(value)}", field=field)
    if not minimum <= value <= maximum:
        raise InfraError.validation(f"{field} must be between {minimum} and {maximum}, got {value}", field=field,
                                    value=value)
    return value
