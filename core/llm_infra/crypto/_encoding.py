"""Byte encodings and comparison: base64url without padding, hex, constant-time equality.

Decoders are strict, so that every byte string has exactly one accepted text form (tokens and
signatures compare by text): base64url rejects ``=`` padding, characters outside
``A-Z a-z 0-9 - _``, a length of 1 modulo 4 and non-zero unused trailing bits (RFC 4648 §3.5);
hex rejects odd lengths, whitespace and non-hex characters (either case is accepted, lowercase is
produced). Bad text is ``InfraError(serialization)``.

    >>> from llm_infra.crypto import b64url_decode, b64url_encode, constant_time_equal, hex_encode
    >>> b64url_encode(b"\\xfb\\xff")
    '-_8'
    >>> b64url_decode("-_8")
    b'\\xfb\\xff'
    >>> hex_encode(b"\\x00\\xff")
    '00ff'
    >>> constant_time_equal(b"tag", b"tag")
    True
"""

from __future__ import annotations

import base64
import binascii
import hmac

from ..errors import InfraError
from ._checks import as_bytes, as_str

__all__ = ["b64url_decode", "b64url_encode", "constant_time_equal", "hex_decode", "hex_encode"]

_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_HEX = frozenset("0123456789abcdefABCDEF")


def b64url_encode(data: bytes) -> str:
    """base64url (RFC 4648 §5) without padding."""
    return base64.urlsafe_b64encode(as_bytes(data, "data")).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """The bytes of canonical unpadded base64url ``text``; anything else is ``InfraError(serialization)``."""
    text = as_str(text, "text")
    bad = next((c for c in text if c not in _B64URL), None)
    if bad is not None:
        what = "padding '='" if bad == "=" else f"character {bad!r}"
        raise InfraError.serialization(f"text is not unpadded base64url: {what} at index {text.index(bad)}",
                                       field="text")
    if len(text) % 4 == 1:
        raise InfraError.serialization(f"text is not base64url: a length of {len(text)} is impossible", field="text")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:  # pragma: no cover - excluded by the checks above
        raise InfraError.serialization("text is not base64url", field="text", cause=exc) from None
    if b64url_encode(data) != text:
        raise InfraError.serialization("text is not canonical base64url: its unused trailing bits are not zero",
                                       field="text")
    return data


def hex_encode(data: bytes) -> str:
    """Lowercase hex."""
    return as_bytes(data, "data").hex()


def hex_decode(text: str) -> bytes:
    """The bytes of hex ``text`` (even length, digits and a-f/A-F only)."""
    text = as_str(text, "text")
    if len(text) % 2:
        raise InfraError.serialization(f"text is not hex: odd length {len(text)}", field="text")
    bad = next((i for i, c in enumerate(text) if c not in _HEX), None)
    if bad is not None:
        raise InfraError.serialization(f"text is not hex: character {text[bad]!r} at index {bad}", field="text")
    return bytes.fromhex(text)


def constant_time_equal(a: bytes, b: bytes) -> bool:
    """``a == b`` in time that depends on the lengths only (``hmac.compare_digest``)."""
    return hmac.compare_digest(as_bytes(a, "a"), as_bytes(b, "b"))
