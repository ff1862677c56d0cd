"""Dot paths: ``"db.replicas.0.host"`` — the short way to address configuration values.

Syntax: segments separated by ``.``; inside a segment ``\\.`` is a literal dot and ``\\\\`` a
literal backslash (any other backslash is an error); ``""`` is the whole document; empty segments
(``"a..b"``, a leading or trailing dot) are errors — use a JSON Pointer to reach an empty key. On
an array a segment must be an index (digits without leading zeros); on an object it is a key, so
``"ports.0"`` is key ``"0"`` of an object and element 0 of an array.

:func:`path_set` creates missing intermediate *objects* (never arrays), replaces an existing value,
and appends to an array when the index equals its length; it never overwrites a non-container on
the way (``a.b`` when ``a`` is a number is an error, not data loss).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from .._json_types import JSONValue
from ..errors import InfraError
from ._pointer import MISSING, Ref, array_index, walk
from ._values import FORBIDDEN_NAMES, check_name, clone, type_name

__all__ = ["path_format", "path_get", "path_parse", "path_set", "path_tokens"]


def path_parse(path: str) -> list[str]:
    r"""The segments of a dot path, unescaped.

        >>> path_parse("a.b\\.c.0"), path_parse("")
        (['a', 'b.c', '0'], [])
    """
    return list(path_tokens(path))


def path_format(segments: Iterable[str]) -> str:
    r"""The dot path for ``segments`` (``\`` → ``\\``, ``.`` → ``\.``); empty segments are an error.

        >>> path_format(["a", "b.c", "0"])
        'a.b\\.c.0'
    """
    if isinstance(segments, str):
        raise InfraError.validation("path segments must be a list of strings, got a string", field="segments")
    out = []
    for i, s in enumerate(segments):
        if not isinstance(s, str):
            raise InfraError.validation(
                f"path segment {i} must be a string, got {type_name(s)}", field=f"segments[{i}]"
            )
        if s == "":
            raise InfraError.validation(
                f"path segment {i} is empty: a dot path cannot name an empty key (use a JSON Pointer)",
                field=f"segments[{i}]",
            )
        check_name(s, "path segment", f"segments[{i}]")
        out.append(s.replace("\\", "\\\\").replace(".", "\\."))
    return ".".join(out)


def path_tokens(path: object) -> tuple[str, ...]:
    """Parsed segments of ``path`` (cached); malformed paths raise ``InfraError(validation)``."""
    if type(path) is not str:
        if not isinstance(path, str):
            raise InfraError.validation(f"a dot path must be a string, got {type_name(path)}", field="path")
        path = str.__str__(path)
    return _parse_cached(path)


@functools.lru_cache(maxsize=4096)
def _parse_cached(path: str) -> tuple[str, ...]:
    if path == "":
        return ()
    if "\\" not in path:
        segments = path.split(".")
    else:
        segments = []
        cur: list[str] = []
        i = 0
        while i < len(path):
            c = path[i]
            if c == "\\":
                nxt = path[i + 1] if i + 1 < len(path) else ""
                if nxt not in (".", "\\"):
                    raise InfraError.validation(
                        f"path {path!r}: '\\' at offset {i} must be followed by '.' or '\\'", path=path, offset=i
                    )
                cur.append(nxt)
                i += 2
                continue
            if c == ".":
                segments.append("".join(cur))
                cur = []
            else:
                cur.append(c)
            i += 1
        segments.append("".join(cur))
    for i, s in enumerate(segments):
        if s == "":
            raise InfraError.validation(
                f"path {path!r}: segment {i} is empty (no leading, trailing or doubled dots; "
                "use a JSON Pointer for an empty key)",
                path=path, segment=i,
            )
        if s in FORBIDDEN_NAMES:
            check_name(s, "path segment", repr(path))
    return tuple(segments)


def path_get(doc: JSONValue, path: str, default: Any = MISSING) -> Any:
    """The value at dot path ``path`` in ``doc`` (a reference, not a copy).

    When nothing is there, return ``default`` if given, else raise ``InfraError(not_found)``; a
    malformed path always raises ``InfraError(validation)``.

        >>> cfg = {"db": {"hosts": ["a", "b"], "pool.size": 5}}
        >>> path_get(cfg, "db.hosts.1"), path_get(cfg, "db.pool\\\\.size"), path_get(cfg, "db.port", 5432)
        ('b', 5, 5432)
    """
    tokens = path_tokens(path)
    try:
        return walk(doc, tokens, len(tokens), Ref(path, "path"))
    except InfraError as err:
        if default is MISSING or err.kind.value != "not_found":
            raise
        return default


def path_set(doc: JSONValue, path: str, value: JSONValue, *, in_place: bool = False) -> JSONValue:
    """Set the value at ``path``, creating missing intermediate objects; returns the new document.

    ``doc`` is untouched unless ``in_place`` (then it is modified and returned; ``""`` replaces the
    root, so always use the return value). ``value`` is copied.

        >>> path_set({}, "db.port", 5432)
        {'db': {'port': 5432}}
        >>> path_set({"tags": ["a"]}, "tags.1", "b")
        {'tags': ['a', 'b']}
    """
    tokens = path_tokens(path)
    owned = clone(value)
    if not tokens:
        return owned
    ref = Ref(path, "path")
    root: Any = doc if in_place else clone(doc)
    node: Any = root
    last = len(tokens) - 1
    for i, t in enumerate(tokens):
        if isinstance(node, dict):
            if i == last:
                node[t] = owned
            elif t in node:
                node = node[t]
            else:
                # Build the missing branch first and attach it last, so a failure leaves no trace.
                branch: dict[str, Any] = {}
                tip = branch
                for t2 in tokens[i + 1 : last]:
                    tip[t2] = {}
                    tip = tip[t2]
                tip[tokens[last]] = owned
                node[t] = branch
                break
        elif isinstance(node, list):
            if t.isdigit() and t.isascii() and (t[0] != "0" or len(t) == 1) and int(t) == len(node) and i == last:
                node.append(owned)
            else:
                idx = array_index(t, len(node), ref, tokens, i, end_ok=False)
                if i == last:
                    node[idx] = owned
                else:
                    node = node[idx]
        else:
            raise ref.error(
                "validation",
                f"cannot set {t!r} inside the {type_name(node)} at {ref.prefix(tokens, i)} "
                "(path_set never overwrites a non-container on the way)",
                token=t,
            )
    return root  # type: ignore[no-any-return]
