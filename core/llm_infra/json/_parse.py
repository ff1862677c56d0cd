"""``parse``: strict JSON text → value (RFC 8259 grammar, I-JSON RFC 7493 restrictions).

Stricter than ``json.loads`` — and identical to the TypeScript ``parse`` — in what it rejects:
duplicate object keys (a classic way to make two parsers see two different documents, fatal for
anything signed), ``NaN``/``Infinity``, numbers beyond the range of a double (``1e400``), lone
UTF-16 surrogates (``"\\ud800"``), a byte-order mark, and nesting deeper than ``MAX_DEPTH``.

Error kinds: malformed or non-I-JSON text is ``serialization``; nesting too deep is
``validation`` (checked first, on the bracket structure outside strings, so every runtime reports
the same kind for the same text). Integer literals become ``int`` (exact, even beyond 2^53),
others ``float``.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

from .._json_types import JSONValue
from ..errors import InfraError
from ._values import MAX_DEPTH, escape_token

__all__ = ["parse"]

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_RAW_SURROGATE = re.compile("[\ud800-\udfff]")
_STRING = re.compile(r'(?s)"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)')  # a string, or an unterminated one
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}


def parse(text: str | bytes | bytearray) -> JSONValue:
    """Parse strict JSON ``text`` (``bytes`` must be UTF-8).

        >>> parse('{"a": [1, 2.5, null]}')
        {'a': [1, 2.5, None]}
        >>> parse('{"a": 1, "a": 2}')
        Traceback (most recent call last):
        ...
        llm_infra.errors._error.InfraError: invalid JSON: duplicate key 'a' in an object
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InfraError.serialization(
                f"invalid JSON: not UTF-8 (byte {exc.start})", position=exc.start
            ) from None
    if not isinstance(text, str):
        raise InfraError.validation(f"parse needs a str or bytes, got {type(text).__name__}", field="text")
    text = str.__str__(text)
    if text.count("[") + text.count("{") > MAX_DEPTH:
        _check_depth(text)
    if not text.isascii() and _RAW_SURROGATE.search(text):
        raise InfraError.serialization("invalid JSON: the text contains a lone UTF-16 surrogate")
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        msg, pos = _same_in_every_version(text, exc)
        line, column = text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)
        raise InfraError.serialization(
            f"invalid JSON at line {line} column {column}: {msg}", line=line, column=column, position=pos,
        ) from None
    except RecursionError:  # not reachable after _check_depth; kept so no RecursionError can escape
        raise InfraError.validation(f"JSON text nested deeper than {MAX_DEPTH} levels", max_depth=MAX_DEPTH) from None
    except ValueError as exc:  # int() digit limits and the like
        raise InfraError.serialization(f"invalid JSON: {exc}") from None
    if _SURROGATE_ESCAPE.search(text):
        where = _lone_surrogate(value)
        if where is not None:
            raise InfraError.serialization(
                f"invalid JSON: lone UTF-16 surrogate in the string at {where or '(root)'}", path=where
            )
    return value  # type: ignore[no-any-return]


def _same_in_every_version(text: str, exc: json.JSONDecodeError) -> tuple[str, int]:
    """The error message and position CPython < 3.13 (and the TypeScript parser) report.

    CPython 3.13 reports a trailing comma at the comma ("Illegal trailing comma before end of
    object"); earlier versions, like the TypeScript ``parse``, at the closing bracket after it.
    """
    if not exc.msg.startswith("Illegal trailing comma before end of"):
        return exc.msg, exc.pos
    pos = exc.pos + 1
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    if exc.msg.endswith("object"):
        return "Expecting property name enclosed in double quotes", pos
    return "Expecting value", pos


def _check_depth(text: str) -> None:
    """Reject nesting deeper than MAX_DEPTH in the bracket structure outside strings.

    The same lexical scan as the TypeScript parser: inside a string a backslash skips the next
    character, an unterminated string runs to the end; the depth is the running count of opening
    minus closing brackets. Done with C-speed string operations (strings cut out, then a running sum).
    """
    outside = "".join(text.split('"')[::2]) if "\\" not in text else _STRING.sub("", text)
    brackets = _NOT_BRACKET.sub("", outside)
    deepest = max(itertools.accumulate(map(_DELTA.__getitem__, brackets), initial=0))
    if deepest > MAX_DEPTH:
        raise InfraError.validation(f"JSON text nested deeper than {MAX_DEPTH} levels", max_depth=MAX_DEPTH)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise InfraError.serialization(f"invalid JSON: duplicate key {k!r} in an object", key=k)
            seen.add(k)
    return obj


def _constant(name: str) -> Any:
    raise InfraError.serialization(f"invalid JSON: {name} is not a JSON number", token=name)


def _float(literal: str) -> float:
    value = float(literal)
    if value - value != 0.0:
        raise InfraError.serialization(f"invalid JSON: {literal} is beyond the range of a double", token=literal[:40])
    return value


def _int(literal: str) -> int:
    if len(literal) < 300:  # below 10^299: always a finite double
        return int(literal)
    digits = len(literal) - (literal[0] == "-")
    if digits > 309:
        raise InfraError.serialization(
            f"invalid JSON: an integer of {digits} digits is beyond the range of a double", token=literal[:40]
        )
    value = int(literal)
    if digits >= 309:
        try:
            float(value)
        except OverflowError:
            raise InfraError.serialization(
                f"invalid JSON: {literal[:40]}… is beyond the range of a double", token=literal[:40]
            ) from None
    return value


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float, parse_int=_int)


def _lone_surrogate(value: object) -> str | None:
    stack: list[tuple[object, str]] = [(value, "")]
    while stack:
        v, path = stack.pop()
        if isinstance(v, str):
            if _RAW_SURROGATE.search(v):
                return path
        elif isinstance(v, dict):
            for k, x in v.items():
                p = f"{path}/{escape_token(k)}"
                if _RAW_SURROGATE.search(k):
                    return p
                stack.append((x, p))
        elif isinstance(v, list):
            stack.extend((x, f"{path}/{i}") for i, x in enumerate(v))
    return None
