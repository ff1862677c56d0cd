"""The environment source: ``PREFIX`` + names joined by a separator → nested keys; values coerced from JSON.

``APP_DB__PORT=5432`` with prefix ``APP_`` and separator ``__`` sets ``db.port`` to ``5432``:

- a variable belongs to the source when its name starts with the prefix (case-sensitive);
- the rest of the name is split on the separator, and each segment is lower-cased (ASCII letters
  only, so every runtime agrees); an empty segment (``APP_``, ``APP_DB____PORT``) or a reserved
  name (``__proto__``, ``constructor``, ``prototype``) is ``InfraError(config)`` naming the variable;
- the value is parsed as strict JSON when it is valid JSON text (``8080`` → 8080, ``true``,
  ``[1, 2]``, ``"x"`` → ``x``, ``null`` → deletes the key from lower layers, `` 1 `` → 1: JSON allows
  surrounding whitespace), otherwise it is kept as the raw string (``NaN``, ``Infinity``, ``1e400``,
  ``0x10``, ``hello``, ``""``). An integer beyond ±(2^53 − 1) is kept as the raw string too,
  because JavaScript cannot hold it exactly;
- variables are applied in code-unit order of their names, so a more specific variable
  (``APP_DB__PORT``) is applied after a less specific one (``APP_DB``) and wins inside it;
  setting a key below a non-object value replaces that value by an object.

Environment variables cannot address array elements (``APP_HOSTS__0`` is key ``"0"`` of an
object): set the whole array as JSON instead (``APP_HOSTS='["a","b"]'``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._json_types import JSONObject, JSONValue
from ..errors import InfraError
from ..json import FORBIDDEN_NAMES, parse
from ._text import MAX_SAFE_INTEGER, ascii_lower, quote

__all__ = ["coerce_env_value", "env_document"]


def coerce_env_value(raw: str) -> JSONValue:
    """The JSON value of ``raw`` when it is strict JSON text (and exact in every runtime), else ``raw``."""
    c = raw[:1]
    if not c or c not in '-0123456789tfn"[{ \t\r\n':
        return raw
    try:
        value = parse(raw)
    except InfraError:
        return raw
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SAFE_INTEGER:
        return raw
    if isinstance(value, (dict, list)) and _has_unsafe_int(value):
        return raw
    return value


def _has_unsafe_int(value: object) -> bool:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_SAFE_INTEGER:
            return True
    return False


def _utf16_key(name: str) -> bytes:
    return name.encode("utf-16-be", "surrogatepass")


def env_document(variables: Mapping[str, str], prefix: str, separator: str) -> JSONObject:
    """The config object the variables of ``variables`` that start with ``prefix`` describe."""
    if not isinstance(prefix, str):
        raise InfraError.config(f"env prefix must be a string, got {type(prefix).__name__}", field="prefix")
    if not isinstance(separator, str) or not separator:
        raise InfraError.config("env separator must be a non-empty string", field="separator")
    names = [n for n in variables if isinstance(n, str) and n.startswith(prefix)]
    names.sort(key=_utf16_key)
    doc: dict[str, Any] = {}
    for name in names:
        raw = variables[name]
        if not isinstance(raw, str):
            raise InfraError.config(
                f"environment variable {quote(name)}: the value must be a string, got {type(raw).__name__}",
                variable=name,
            )
        segments = [ascii_lower(s) for s in name[len(prefix) :].split(separator)]
        if "" in segments:
            raise InfraError.config(
                f"environment variable {quote(name)}: empty name segment after prefix {quote(prefix)} "
                f"and separator {quote(separator)}",
                variable=name,
            )
        for s in segments:
            if s in FORBIDDEN_NAMES:
                raise InfraError.config(
                    f"environment variable {quote(name)}: the name segment {quote(s)} is not allowed", variable=name
                )
        node = doc
        for s in segments[:-1]:
            nxt = node.get(s)
            if type(nxt) is not dict:
                nxt = node[s] = {}
            node = nxt
        node[segments[-1]] = coerce_env_value(raw)
    return doc
