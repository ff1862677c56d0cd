"""Canonical JSON (RFC 8785, the JSON Canonicalization Scheme) and ECMAScript number formatting.

The canonical form is what ``JSON.stringify`` writes for the same value with every object's keys
sorted by UTF-16 code units: no whitespace; strings escaped only where JSON requires it
(``"``, ``\\``, and U+0000..U+001F — as ``\\b \\t \\n \\f \\r`` or lowercase ``\\u00xx``), every
other character written as itself and the whole encoded as UTF-8; numbers as ECMAScript's
Number::toString writes the IEEE-754 double (``1e+21``, ``1e-7``, ``0.000001``, ``-0`` → ``0``,
``5e-324``; integers beyond 2^53 are rounded to the nearest double first, exactly as a JavaScript
runtime holds them). NaN, infinities, lone surrogates, non-string keys and non-JSON types raise
``InfraError(validation)`` naming the path.

Numbers: Python's ``repr(float)`` is the shortest string that round-trips, the same digits
ECMAScript chooses; :func:`format_number` only moves the decimal point and rewrites the exponent
to ECMAScript's layout. It is cross-checked against ``JSON.stringify`` over a large set of doubles
(``conformance/vectors/json/number_format.json`` and the generator).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from json.encoder import encode_basestring as _json_string
from typing import Any

from ..errors import InfraError
from ._values import MAX_DEPTH, NotJSON, diagnose, sort_keys

__all__ = ["canonical_bytes", "canonicalize", "format_number"]

_MAX_SAFE = 2**53
_encode_str: Callable[[str], str] = _json_string  # the C encoder: escapes exactly what RFC 8785 escapes
# Output characters that need a second look: lone surrogates (errors) and characters above U+FFFF
# (their UTF-16 order differs from code-point order, so key order may need the slow sort).
_SPECIAL = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


def format_number(x: int | float) -> str:
    """ECMAScript Number::toString of ``x`` as an IEEE-754 double (the number form RFC 8785 uses).

        >>> [format_number(v) for v in (1.0, -0.0, 1e21, 1e-7, 0.000001, 5e-324, 2**53 + 1)]
        ['1', '0', '1e+21', '1e-7', '0.000001', '5e-324', '9007199254740992']
    """
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise InfraError.validation(f"format_number needs an int or float, got {type(x).__name__}", field="x")
    try:
        if isinstance(x, int):
            return _int(int.__index__(x))
        return _float(float.__float__(x))
    except NotJSON:
        raise InfraError.validation(f"{x!r} has no JSON representation (not a finite double)", field="x") from None


def _int(x: int) -> str:
    if -_MAX_SAFE <= x <= _MAX_SAFE:
        return str(x)
    try:
        return _float(float(x))
    except OverflowError:
        raise NotJSON from None


def _float(x: float) -> str:
    if x == 0:
        return "0"  # also -0
    r = repr(x)
    if "e" not in r:
        if "n" in r:  # nan, inf
            raise NotJSON
        return r[:-2] if r.endswith(".0") else r
    return _exponent_form(r)


def _exponent_form(r: str) -> str:
    # repr gives "d[.ddd]e±XX" for |x| < 1e-4 or >= 1e16: the digits are the shortest round-trip
    # ones; lay them out by ECMAScript's rules (ECMA-262 Number::toString, steps for n and k).
    mantissa, exp = r.split("e")
    sign = ""
    if mantissa[0] == "-":
        sign = "-"
        mantissa = mantissa[1:]
    digits = mantissa.replace(".", "")
    k = len(digits)
    n = int(exp) + 1  # the value is 0.digits × 10^n
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = n - 1
    tail = ("e+" if e > 0 else "e-") + str(abs(e))
    return sign + (digits if k == 1 else digits[0] + "." + digits[1:]) + tail


def canonicalize(value: object) -> str:
    """The RFC 8785 canonical JSON text of ``value``.

        >>> canonicalize({"b": [1.0, 2.5e-7, True], "a": "€\\n", "c": None})
        '{"a":"€\\\\n","b":[1,2.5e-7,true],"c":null}'
    """
    try:
        text = _encode(value, utf16_order=False)
        if not text.isascii() and _SPECIAL.search(text):
            # A lone surrogate (an error, reported with its path by diagnose) or a character above
            # U+FFFF, for which object keys must be ordered by UTF-16 code units.
            diagnose(value, canonical=True)
            text = _encode(value, utf16_order=True)
    except (NotJSON, TypeError, ValueError, OverflowError):
        diagnose(value, canonical=True)
        raise InfraError.internal("canonicalize rejected a value that diagnose accepts") from None
    return text


def canonical_bytes(value: object) -> bytes:
    """:func:`canonicalize` encoded as UTF-8: the bytes to hash or sign.

        >>> canonical_bytes({"€": 1})
        b'{"\\xe2\\x82\\xac":1}'
    """
    return canonicalize(value).encode("utf-8")


def _encode(value: object, *, utf16_order: bool) -> str:
    out: list[str] = []
    app = out.append
    enc = _encode_str
    later_keys: dict[str, str] = {}  # key -> ',"key":' (keys repeat across the objects of a document)

    def keys_of(v: dict[str, Any]) -> list[str]:
        return sort_keys(list(v)) if utf16_order else sorted(v)

    def scalar(x: object) -> str:
        # Everything that is not an exact str/int/float/bool/None: subclasses, or not JSON at all.
        if isinstance(x, bool):
            return "true" if x else "false"
        if isinstance(x, str):
            return enc(str.__str__(x))
        if isinstance(x, int):
            return _int(int.__index__(x))
        if isinstance(x, float):
            return _float(float.__float__(x))
        raise NotJSON

    def walk(v: Any, depth: int) -> None:
        if depth >= MAX_DEPTH:
            raise NotJSON
        if type(v) is not dict and type(v) is not list:
            if isinstance(v, dict):
                v = dict(v)
            elif isinstance(v, list):
                v = list(v)
            else:
                app(scalar(v))
                return
        if type(v) is dict:
            first = True
            for k in keys_of(v):
                x = v[k]
                if first:
                    app("{" + enc(k) + ":")
                    first = False
                else:
                    frag = later_keys.get(k)
                    if frag is None:
                        frag = later_keys[k] = "," + enc(k) + ":"
                    app(frag)
                tx = type(x)
                if tx is str:
                    app(enc(x))
                elif tx is int:
                    app(str(x) if -_MAX_SAFE <= x <= _MAX_SAFE else _int(x))
                elif tx is dict or tx is list:
                    walk(x, depth + 1)
                elif tx is float:
                    app(_float(x))
                elif x is True:
                    app("true")
                elif x is False:
                    app("false")
                elif x is None:
                    app("null")
                else:
                    walk(x, depth + 1)
            app("{}" if first else "}")
        else:
            if not v:
                app("[]")
                return
            app("[")
            first = True
            for x in v:
                if first:
                    first = False
                else:
                    app(",")
                tx = type(x)
                if tx is str:
                    app(enc(x))
                elif tx is int:
                    app(str(x) if -_MAX_SAFE <= x <= _MAX_SAFE else _int(x))
                elif tx is dict or tx is list:
                    walk(x, depth + 1)
                elif tx is float:
                    app(_float(x))
                elif x is True:
                    app("true")
                elif x is False:
                    app("false")
                elif x is None:
                    app("null")
                else:
                    walk(x, depth + 1)
            app("]")

    if value is None:
        return "null"
    walk(value, 0)
    return "".join(out)
