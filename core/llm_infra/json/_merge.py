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
from ._values import (
    FORBIDDEN_NAMES,
    MAX_DEPTH,
    NotJSON,
    check_name,
    clone,
    clone_fast,
    diagnose,
    equal_at,
    escape_token,
    sort_keys,
)

_ATOMS = frozenset({str, int, bool, type(None), float})

__all__ = ["merge_patch_apply", "merge_patch_create"]


def merge_patch_apply(target: JSONValue, patch: JSONValue, *, in_place: bool = False) -> JSONValue:
    """The result of applying the RFC 7396 merge ``patch`` to ``target``.

    Neither argument is modified unless ``in_place=True``: then an object ``target`` is merged
    into directly and returned; a non-object ``target`` cannot be modified, so always use the
    return value. The patch is validated (and copied) completely before anything changes, so a
    bad patch changes nothing.

        >>> merge_patch_apply({"a": "b", "c": {"d": "e", "f": "g"}}, {"a": "z", "c": {"f": None}})
        {'a': 'z', 'c': {'d': 'e'}}
        >>> merge_patch_apply({"a": [1, 2]}, {"a": [None]})
        {'a': [None]}
    """
    owned = clone(patch)
    if not isinstance(owned, dict):
        return owned
    _check_names(owned, "")
    if in_place and isinstance(target, dict):
        result: dict[str, Any] = target
    else:
        result = clone(target) if isinstance(target, dict) else {}  # type: ignore[assignment]
    merge_into(result, owned)
    return result


def _check_names(patch: dict[str, Any], path: str) -> None:
    """Reject reserved member names at every level the merge walks (objects inside objects)."""
    if not FORBIDDEN_NAMES.isdisjoint(patch):
        name = next(k for k in patch if k in FORBIDDEN_NAMES)
        check_name(name, "merge patch member", repr(path + "/" + name))
    for k, v in patch.items():
        if type(v) is dict:
            _check_names(v, path + "/" + escape_token(k))


def merge_into(obj: dict[str, Any], patch: dict[str, Any]) -> None:
    """Merge the (validated, owned) ``patch`` into ``obj``, which the caller owns (also config's layering)."""
    for k, v in patch.items():
        if v is None:
            obj.pop(k, None)
        elif type(v) is dict:
            cur = obj.get(k)
            if not isinstance(cur, dict):
                cur = obj[k] = {}
            merge_into(cur, v)
        else:
            obj[k] = v


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
    _str_keys(a)
    _str_keys(b)
    changed = [k for k in a if k not in b]
    nested: dict[str, Any] = {}
    for k, vb in b.items():
        if k in a:
            va = a[k]
            if va is vb:
                continue
            tb = type(vb)
            if tb is type(va):
                if tb in _ATOMS:
                    if va == vb:
                        continue
                elif tb is dict or tb is list:
                    same = _c_equal(va, vb)
                    if same is None and equal_at(va, vb, depth + 1):
                        continue
                    if tb is dict:
                        # Objects recurse; an empty nested patch means the two are equal.
                        sub = _create(va, vb, path + "/" + escape_token(k), depth + 1)
                        if sub == {}:
                            continue
                        nested[k] = sub
            elif equal_at(va, vb, depth + 1):
                continue
        changed.append(k)
    out: dict[str, Any] = {}
    for k in sort_keys(changed):
        if k not in b:
            check_name(k, "merge patch member", repr(path + "/" + escape_token(k)))
            out[k] = None
            continue
        vb = b[k]
        if vb is None:
            p = path + "/" + escape_token(k)
            raise InfraError.validation(
                f"a merge patch cannot set {p!r} to null (null deletes a member); use a JSON Patch", path=p
            )
        if k in FORBIDDEN_NAMES:
            check_name(k, "merge patch member", repr(path + "/" + escape_token(k)))
        if k in nested:
            out[k] = nested[k]
        elif k in a:
            out[k] = _create(a[k], vb, path + "/" + escape_token(k), depth + 1)
        else:
            out[k] = _whole_value(vb, path + "/" + escape_token(k), depth + 1)
    return out


def _c_equal(x: object, y: object) -> bool | None:
    """``False`` when two dicts or lists certainly differ (C-speed ``!=``), else ``None`` (unknown).

    ``x != y`` implies JSON inequality; ``x == y`` does not imply equality (``True == 1``), so the
    caller then compares properly.
    """
    try:
        return False if x != y else None
    except RecursionError:  # very deep values: let the real walk report them
        return None


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
        v = b[k]
        if v is None:
            p = path + "/" + escape_token(k)
            raise InfraError.validation(
                f"a merge patch cannot set {p!r} to null (null deletes a member); use a JSON Patch", path=p
            )
        if k in FORBIDDEN_NAMES:
            check_name(k, "merge patch member", repr(path + "/" + escape_token(k)))
        out[k] = _whole(v, path + "/" + escape_token(k), depth + 1) if isinstance(v, dict) else clone_fast(v, depth + 1)
    return out


def _str_keys(keys: Any) -> Any:
    try:
        "".join(keys)  # C-speed check that every key is a str
    except TypeError:
        raise NotJSON from None
    return keys
