"""Shared helpers: quoting, JSON type names and value formatting that both languages produce identically."""

from __future__ import annotations

import json
import re
from typing import Any

from ..json import canonicalize

__all__ = [
    "MAX_SAFE_INTEGER",
    "REDACTED",
    "ascii_lower",
    "fmt_path",
    "fmt_value",
    "json_type",
    "quote",
    "unsafe_integer_literal",
]

#: Integers beyond this magnitude cannot be represented exactly in JavaScript; config refuses them.
MAX_SAFE_INTEGER = 2**53 - 1
#: What a secret value is replaced with.
REDACTED = "***"

_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def quote(text: str) -> str:
    """``text`` as a JSON string literal (what ``JSON.stringify`` gives in TypeScript)."""
    return json.dumps(text, ensure_ascii=False)


def ascii_lower(text: str) -> str:
    """Lower-case ASCII letters only (Unicode case mapping differs between runtimes)."""
    return text.translate(_UPPER)


def json_type(value: object) -> str:
    """The config type name of a JSON value: null, boolean, integer, number, string, array, object."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def fmt_value(value: Any) -> str:
    """Compact canonical JSON (RFC 8785) of ``value``: byte-identical in Python and TypeScript."""
    try:
        return canonicalize(value)
    except Exception:  # noqa: BLE001 -- not JSON (a custom predicate's subject): fall back to repr
        return repr(value)


def fmt_path(segments: tuple[str, ...] | list[str]) -> str:
    """The dot path of ``segments`` (``"(root)"`` for the empty path); reserved names are shown as they are."""
    if not segments:
        return "(root)"
    return ".".join(s.replace("\\", "\\\\").replace(".", "\\.") for s in segments)


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_LONG_DIGITS = re.compile(r"[0-9]{16}")


def unsafe_integer_literal(text: str) -> str | None:
    """The first integer literal (no fraction, no exponent) beyond ±(2^53 − 1) in JSON ``text``, or ``None``.

    Decided on the text, so that Python (exact ``int``) and JavaScript (doubles) agree.
    """
    if not _LONG_DIGITS.search(text):
        return None
    for m in _NUMBER.finditer(_STRINGS.sub('""', text)):
        if m.group(1) is None and m.group(2) is None and abs(int(m.group(0))) > MAX_SAFE_INTEGER:
            return m.group(0)
    return None
