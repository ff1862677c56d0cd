"""JSON Merge Patch (RFC 7396): apply, and create the patch between two documents.

A merge patch is a partial document: object members are merged recursively, a member whose
value is ``null`` deletes that member, and anything that is not an object (arrays included)
replaces the target whole — so ``null`` *inside arrays* is kept. The consequence users must know:
**a merge patch cannot set a value to ``null``** (``null`` means delete), so
:func:`merge_patch_create` raises ``InfraError(validation)`` when ``to`` holds a ``null`` object
member that ``from`` does not already have (use a JSON Patch for those documents).

Member names of patch objects are navigation steps, so ``__proto__``, ``constructor`` and
``prototype`` are rejected there (as in JSON Pointers); as data inside replaced values they are fine.
"""

from __future__ import annotations

from typing import Any

from .._json_types import JSONValue
from ..errors import InfraError
from ._values import MAX_DEPTH, NotJSON, check_name, clone, clone_fast, diagnose, equal_at, escape_token, sort_keys

__all__ = ["merge_patch_apply", "merge_patch_create"]


def merge_patch_apply(target: JSONValue, patch: JSONValue, *, in_place: bool = False) -> JSONValue:
    """The result of applying the RFC 7396 merge ``patch`` to ``target``.

    Neither argument is modified unless ``in_place=True``: then an object ``target`` is merged
    into directly (the patch is validated completely first, so a bad patch changes nothing) and
    returned; a non-object ``target`` cannot be modified, so always use the return value.
    Values taken from the patch are copied.

        >>> merge_patch_apply({"a": "b", "c": {"d": "e", "f": "g"}}, {"a": "z", "c": {"f": None}})
        {'a': 'z', 'c': {'d': 'e'}}
        >>> merge_patch_apply({"a": [1, 2]}, {"a": [None]})
        {'a': [None]}
    """
    if not isinstance(patch, dict):
        return clone(patch)
    if in_place and isinstance(target, dict):
        diagnose(patch)
        _check_names(patch, "", 0)
        result: dict[str, Any] = target
    else:
        result = clone(target) if isinstance(target, dict) else {}  # type: ignore[assignment]
    try:
        _merge_into(result, patch, "", 0)
    except NotJSON:
        diagnose(patch)
        raise InfraError.internal("merge rejected a patch that diagnose accepts") from None
    return result


def _check_names(patch: dict[str, Any], path: str, depth: int) -> None:
    """Reject reserved member names at every level the merge walks (objects inside objects)."""
    for k, v in patch.items():
        p = path + "/" + escape_token(k)
        check_name(k, "merge patch member", repr(p))
        if isinstance(v, dict):
            _check_names(v, p, depth + 1)


def _merge_into(obj: dict[str, Any], patch: dict[str, Any], path: str, depth: int) -> None:
    """Merge ``patch`` into ``obj``, which this call owns (a fresh copy)."""
    if depth >= MAX_DEPTH:
        raise InfraError.validation(
            f"merge patch nested deeper than {MAX_DEPTH} levels at {path or '(root)'}", path=path, max_depth=MAX_DEPTH
        )
    for k, v in patch.items():
        if not isinstance(k, str):
            raise NotJSON
        check_name(k, "merge patch member", repr(path + "/" + escape_token(k)))
        if v is None:
            obj.pop(k, None)
        elif isinstance(v, dict):
            cur = obj.get(k)
            if not isinstance(cur, dict):
                cur = {}
            _merge_into(cur, v, path + "/" + escape_token(k), depth + 1)
            obj[k] = cur
        else:
            obj[k] = clone_fast(v, depth + 1)


def merge_patch_create(from_: JSONValue, to: JSONValue) -> JSONValue:
    """The merge patch that turns ``from_`` into ``to``: ``merge_patch_apply(from_, p) == to``.

    Members are visited in UTF-16 code-unit order (the same patch in every runtime). Raises
    ``InfraError(validation)`` naming the path when ``to`` cannot be reached by a merge patch: a
    ``null`` object member that is new or changed (``null`` means delete), or a reserved member name.

        >>> merge_patch_create({"a": 1, "b": {"c": 2, "d": 3}}, {"b": {"c": 2, "d": 4}, "e": [None]})
        {'a': None, 'b': {'d': 4}, 'e': [None]}
    """
    try:
        patch: JSONValue = _create(from_, to, "", 0)
    except NotJSON:
        diagnose(from_)
        diagnose(to)
        raise InfraError.internal("merge_patch_create rejected values that diagnose accepts") from None
    return patch


def _create(a: object, b: object, path: str, depth: int) -> Any:
    if not isinstance(b, dict):
        return clone_fast(b, depth)
    if depth >= MAX_DEPTH:
        raise InfraError.validation(
            f"JSON value nested deeper than {MAX_DEPTH} levels at {path or '(root)'}", path=path, max_depth=MAX_DEPTH
        )
    if not isinstance(a, dict):
        # The patch is merged into an empty object: all of ``b`` must survive that merge.
        return _whole(b, path, depth)
    out: dict[str, Any] = {}
    keys = [k for k in a if k not in b]
    keys.extend(b)
    for k in sort_keys(_str_keys(keys)):
        p = path + "/" + escape_token(k)
        if k not in b:
            check_name(k, "merge patch member", repr(p))
            out[k] = None
            continue
        vb = b[k]
        if k in a:
            va = a[k]
            if equal_at(va, vb, depth + 1):
                continue
        if vb is None:
            raise InfraError.validation(
                f"a merge patch cannot set {p!r} to null (null deletes a member); use a JSON Patch", path=p
            )
        check_name(k, "merge patch member", repr(p))
        out[k] = _create(a.get(k), vb, p, depth + 1) if k in a else _whole_value(vb, p, depth + 1)
    return out


def _whole_value(v: object, path: str, depth: int) -> Any:
    return _whole(v, path, depth) if isinstance(v, dict) else clone_fast(v, depth)


def _whole(b: dict[str, Any], path: str, depth: int) -> dict[str, Any]:
    """``b`` as a patch merged into nothing: its ``null`` members would vanish, so they are errors."""
    if depth >= MAX_DEPTH:
        raise InfraError.validation(
            f"JSON value nested deeper than {MAX_DEPTH} levels at {path or '(root)'}", path=path, max_depth=MAX_DEPTH
        )
    out: dict[str, Any] = {}
    for k in sort_keys(_str_keys(list(b))):
        p = path + "/" + escape_token(k)
        v = b[k]
        if v is None:
            raise InfraError.validation(
                f"a merge patch cannot set {p!r} to null (null deletes a member); use a JSON Patch", path=p
            )
        check_name(k, "merge patch member", repr(p))
        out[k] = _whole_value(v, p, depth + 1)
    return out


def _str_keys(keys: list[Any]) -> list[str]:
    if not all(isinstance(k, str) for k in keys):
        raise NotJSON
    return keys
