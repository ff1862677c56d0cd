"""JSON values: validation, deep copies, JSON equality, the depth bound and the forbidden names.

Every public function of :mod:`llm_infra.json` accepts the values JSON can carry — ``dict`` with
``str`` keys, ``list``, ``str``, ``int``, finite ``float``, ``bool`` and ``None`` (subclasses of
these are accepted and copied as the base type) — and rejects everything else (tuples, sets,
bytes, ``Decimal``, NaN, infinities, non-string keys, cycles) with ``InfraError(validation)``
naming the JSON Pointer of the offending value.

The fast paths here check types as they go without tracking where they are; when they meet a
problem they hand over to :func:`diagnose`, which walks the value again with paths and raises the
precise error. Good input pays nothing for the error messages.
"""

from __future__ import annotations

import math
from typing import NoReturn

from .._json_types import JSONValue
from ..errors import InfraError

__all__ = [
    "FORBIDDEN_NAMES",
    "MAX_DEPTH",
    "NotJSON",
    "check_name",
    "clone",
    "clone_fast",
    "diagnose",
    "equal_at",
    "escape_token",
    "json_equal",
    "nodes_upto",
    "sort_keys",
    "type_name",
]

#: Containers nested deeper than this are rejected with ``InfraError(validation)`` everywhere
#: (parse, copy, compare, patch, diff, merge, canonicalize) — in Python and in TypeScript alike —
#: so that no input can exhaust the interpreter's stack. ``[]`` has depth 1, ``[[]]`` depth 2.
MAX_DEPTH = 256

#: Names that may not be used to *navigate* a document: JSON Pointer tokens, dot-path segments
#: and merge-patch member names. In JavaScript they reach ``Object.prototype``; the TypeScript SDK
#: rejects them to make prototype pollution impossible, and Python rejects them too so that both
#: languages accept exactly the same inputs. As plain data (keys inside values) they are fine.
FORBIDDEN_NAMES = frozenset({"__proto__", "constructor", "prototype"})

_ATOMS = frozenset({str, int, bool, type(None)})


class NotJSON(Exception):  # noqa: N818 -- internal signal, never escapes the package
    """Raised by the fast paths; the public function then calls :func:`diagnose`."""


def type_name(value: object) -> str:
    """The JSON name of ``value``'s type (``object``, ``array``, ``number``, …) or its Python name."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def escape_token(token: str) -> str:
    """One JSON Pointer reference token, escaped (``~`` → ``~0``, ``/`` → ``~1``)."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def check_name(name: str, what: str, where: str) -> None:
    """Reject a navigation name in :data:`FORBIDDEN_NAMES` (``what``/``where`` go into the message)."""
    if name in FORBIDDEN_NAMES:
        raise InfraError.validation(
            f"{what} {name!r} in {where} is not allowed: {', '.join(sorted(FORBIDDEN_NAMES))} are reserved "
            "names (prototype pollution guard, identical in every runtime)",
            token=name, path=where,
        )


# -- diagnosis: the slow walk with paths ----------------------------------------------------------

def _fail(path: str, problem: str) -> NoReturn:
    raise InfraError.validation(f"not a JSON value at {path or '(root)'}: {problem}", path=path)


def diagnose(value: object, *, canonical: bool = False) -> None:
    """Raise ``InfraError(validation)`` for the first thing in ``value`` that JSON cannot carry.

    With ``canonical`` (RFC 8785) lone UTF-16 surrogates in strings and keys, and integers beyond
    the range of a double, are problems too. Returns normally when ``value`` is valid.
    """
    stack: list[tuple[object, str, int]] = [(value, "", 0)]
    while stack:
        v, path, depth = stack.pop()
        if v is None or isinstance(v, bool):
            continue
        if isinstance(v, str):
            if canonical and _has_lone_surrogate(v):
                _fail(path, "string contains a lone UTF-16 surrogate")
            continue
        if isinstance(v, int):
            if canonical and abs(v) > 2**53:
                try:
                    float(v)
                except OverflowError:
                    _fail(path, "integer is beyond the range of an IEEE-754 double")
            continue
        if isinstance(v, float):
            if not math.isfinite(v):
                _fail(path, f"{v!r} is not a JSON number (NaN and infinities are not allowed)")
            continue
        if isinstance(v, (dict, list)):
            if depth >= MAX_DEPTH:
                raise InfraError.validation(
                    f"JSON value nested deeper than {MAX_DEPTH} levels at {path or '(root)'}",
                    path=path, max_depth=MAX_DEPTH,
                )
            if isinstance(v, dict):
                for k, x in v.items():
                    if not isinstance(k, str):
                        _fail(path, f"object key {k!r} is a {type(k).__name__}, JSON keys are strings")
                    if canonical and _has_lone_surrogate(k):
                        _fail(f"{path}/{escape_token(k)}", "object key contains a lone UTF-16 surrogate")
                    stack.append((x, f"{path}/{escape_token(k)}", depth + 1))
            else:
                for i, x in enumerate(v):
                    stack.append((x, f"{path}/{i}", depth + 1))
            continue
        _fail(path, f"{type(v).__name__} is not a JSON type (use dict, list, str, int, float, bool or None)")


def _has_lone_surrogate(s: str) -> bool:
    # Python strings hold code points: a surrogate code point is always a lone one.
    if s.isascii():
        return False
    return any("\ud800" <= c <= "\udfff" for c in s)


# -- deep copy -------------------------------------------------------------------------------------

def clone_fast(v: object, depth: int = 0) -> JSONValue:
    """Deep copy of a container, checking types and depth; raises :class:`NotJSON` on any problem."""
    t = type(v)
    if t is dict:
        if depth >= MAX_DEPTH:
            raise NotJSON
        assert isinstance(v, dict)
        try:
            "".join(v)  # C-speed check that every key is a str (TypeError otherwise)
        except TypeError:
            raise NotJSON from None
        d = depth + 1
        return {k: (x if type(x) in _ATOMS else clone_fast(x, d)) for k, x in v.items()}
    if t is list:
        if depth >= MAX_DEPTH:
            raise NotJSON
        assert isinstance(v, list)
        d = depth + 1
        return [(x if type(x) in _ATOMS else clone_fast(x, d)) for x in v]
    if t is float:
        assert isinstance(v, float)
        if v - v != 0.0:  # NaN or ±inf
            raise NotJSON
        return v
    if t in _ATOMS:
        return v  # type: ignore[return-value]
    return _clone_subclass(v, depth)


def _clone_subclass(v: object, depth: int) -> JSONValue:
    # Subclasses of the JSON types (OrderedDict, IntEnum, str enums, ...) become the base type.
    if isinstance(v, bool):
        return bool(v)
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, int):
        return int.__index__(v)
    if isinstance(v, float):
        return clone_fast(float.__float__(v), depth)
    if isinstance(v, dict):
        return clone_fast(dict(v), depth)
    if isinstance(v, list):
        return clone_fast(list(v), depth)
    raise NotJSON


def clone(value: object) -> JSONValue:
    """A deep copy of ``value`` that shares nothing mutable with it, after checking it is JSON.

    Subclasses of the JSON types come back as the base type; anything else (tuples, sets, NaN,
    non-string keys, nesting beyond :data:`MAX_DEPTH`, cycles) raises ``InfraError(validation)``
    naming the path.

        >>> src = {"a": [1, {"b": None}]}
        >>> dst = clone(src)
        >>> dst == src and dst["a"] is not src["a"]
        True
    """
    try:
        return clone_fast(value)
    except NotJSON:
        diagnose(value)
        raise InfraError.internal("clone rejected a value that diagnose accepts") from None


# -- equality --------------------------------------------------------------------------------------

def json_equal(a: object, b: object) -> bool:
    """JSON equality (RFC 6902 ``test``): ``1 == 1.0``, ``true != 1``, object key order ignored.

    Integers compare exactly (Python keeps integers beyond 2^53 exact; see docs/json.md).
    Values nested deeper than :data:`MAX_DEPTH` raise ``InfraError(validation)``.

        >>> json_equal({"a": [1, 2.0]}, {"a": [1.0, 2]}), json_equal(True, 1), json_equal({}, [])
        (True, False, False)
    """
    return equal_at(a, b, 0)


def equal_at(a: object, b: object, depth: int) -> bool:
    ta = type(a)
    tb = type(b)
    if ta is dict or ta is list or tb is dict or tb is list:
        if ta is not tb:
            return _eq_slow(a, b, depth)
        if depth >= MAX_DEPTH:
            raise InfraError.validation(f"JSON value nested deeper than {MAX_DEPTH} levels", max_depth=MAX_DEPTH)
        if ta is dict:
            assert isinstance(a, dict) and isinstance(b, dict)
            if len(a) != len(b):
                return False
            d = depth + 1
            for k, x in a.items():
                if k not in b:
                    return False
                y = b[k]
                if x is y and type(x) in _ATOMS:
                    continue
                if not equal_at(x, y, d):
                    return False
            return True
        assert isinstance(a, list) and isinstance(b, list)
        if len(a) != len(b):
            return False
        d = depth + 1
        for x, y in zip(a, b, strict=True):
            if x is y and type(x) in _ATOMS:
                continue
            if not equal_at(x, y, d):
                return False
        return True
    if ta is tb:
        return bool(a == b)
    return _eq_slow(a, b, depth)


def _eq_slow(a: object, b: object, depth: int) -> bool:
    # Mixed types: int vs float compare as numbers; bools only equal bools; subclasses by base type.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return str.__str__(a) == str.__str__(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return equal_at(dict(a), dict(b), depth)
    if isinstance(a, list) and isinstance(b, list):
        return equal_at(list(a), list(b), depth)
    return False


# -- key order and sizes ---------------------------------------------------------------------------

def _utf16(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def sort_keys(keys: list[str]) -> list[str]:
    """Sort ``keys`` in place by UTF-16 code units (RFC 8785 §3.2.3, JavaScript's default sort).

    Code-point order (Python's) differs from it only when a key has a character above U+FFFF.
    """
    keys.sort()
    joined = "".join(keys)
    if not joined.isascii() and max(joined) > "\uffff":
        keys.sort(key=_utf16)
    return keys


def nodes_upto(value: object, limit: int) -> int:
    """The number of JSON values in ``value`` (itself included), counting stops at ``limit``."""
    count = 0
    stack = [value]
    while stack:
        v = stack.pop()
        count += 1
        if count >= limit:
            return count
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return count
