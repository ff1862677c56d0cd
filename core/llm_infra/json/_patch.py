"""JSON Patch (RFC 6902): apply ``add``, ``remove``, ``replace``, ``move``, ``copy`` and ``test``.

Atomic: when any operation fails, nothing of the partial result escapes — by default the input is
deep-copied first and never touched; with ``in_place=True`` the input is modified directly and
every mutation is logged so that a failure rolls all of them back (including object key order)
before the error is raised. Values taken from the patch are copied, so the result never shares
mutable state with the patch.

``test`` uses JSON equality: ``1 == 1.0``, ``true != 1``, object key order is irrelevant.
Members other than ``op``, ``path``, ``from`` and ``value`` are ignored (RFC 6902 §4).
"""

from __future__ import annotations

from typing import Any

from .._json_types import JSONValue
from ..errors import InfraError
from ._pointer import Log, Ref, prim_add, prim_get, prim_remove, prim_replace, rollback, tokens_of
from ._values import clone, json_equal, type_name

_ATOMS = frozenset({str, int, bool, type(None)})

__all__ = ["apply_patch"]

_OPS = ("add", "remove", "replace", "move", "copy", "test")


def apply_patch(doc: JSONValue, patch: list[Any], *, in_place: bool = False) -> JSONValue:
    """Apply the RFC 6902 ``patch`` to ``doc`` and return the result.

    ``doc`` is left untouched unless ``in_place=True``; either way a failing patch changes
    nothing. Errors: a malformed patch, pointer or failed ``test`` → ``InfraError(validation)``; a
    path that names nothing → ``InfraError(not_found)``; the message and context name the
    operation's index and pointer.

        >>> apply_patch({"a": [1, 2]}, [{"op": "add", "path": "/a/0", "value": 0},
        ...                             {"op": "test", "path": "/a/2", "value": 2.0}])
        {'a': [0, 1, 2]}
    """
    if not isinstance(patch, list):
        raise InfraError.validation(f"a JSON Patch must be an array of operations, got {type_name(patch)}",
                                    field="patch")
    log: Log | None = [] if in_place else None
    seen: set[int] | None = set() if in_place else None
    root: Any = doc if in_place else clone(doc)
    i = 0
    try:
        for i, op in enumerate(patch):  # noqa: B007 -- i is read by the error handler
            root = _apply_one(root, op, log, seen)
    except InfraError as err:
        if log:
            rollback(log)
        raise _located(err, i, patch[i]) from err
    return root  # type: ignore[no-any-return]


def _located(err: InfraError, i: int, op: object) -> InfraError:
    name = op.get("op") if isinstance(op, dict) else None
    path = op.get("path") if isinstance(op, dict) else None
    what = f"{name} {path!r}" if isinstance(name, str) and isinstance(path, str) else "operation"
    context: dict[str, object] = {**err.context, "index": i}
    if isinstance(name, str):
        context["op"] = name
    return InfraError(err.kind, f"patch[{i}] ({what}): {err.message}", context=context)


def _owned(value: Any) -> Any:
    return value if type(value) in _ATOMS else clone(value)


def _field(op: dict[str, Any], name: str, opname: str) -> Any:
    if name not in op:
        raise InfraError.validation(f"a {opname!r} operation needs a {name!r} member", field=name)
    return op[name]


def _apply_one(root: Any, op: object, log: Log | None, seen: set[int] | None) -> Any:
    if not isinstance(op, dict):
        raise InfraError.validation(f"an operation must be an object, got {type_name(op)}", field="op")
    name = op.get("op")
    if name not in _OPS or not isinstance(name, str):
        shown = repr(name) if isinstance(name, str) else f"a {type_name(name)}" if "op" in op else "missing"
        raise InfraError.validation(f"'op' must be one of {', '.join(_OPS)}; got {shown}", field="op")
    path = _field(op, "path", name)
    tokens = tokens_of(path)
    ref = Ref(path)
    if name == "add":
        return prim_add(root, tokens, _owned(_field(op, "value", name)), ref, log, seen)
    if name == "remove":
        prim_remove(root, tokens, ref, log, seen)
        return root
    if name == "replace":
        return prim_replace(root, tokens, _owned(_field(op, "value", name)), ref, log)
    if name == "test":
        expected = _field(op, "value", name)
        actual = prim_get(root, tokens, ref)
        if not json_equal(actual, expected):
            raise InfraError.validation(
                f"test failed: the value at {path!r} is {_show(actual)}, not {_show(expected)}", pointer=path
            )
        return root
    frm = _field(op, "from", name)
    ftokens = tokens_of(frm)
    fref = Ref(frm)
    if name == "copy":
        return prim_add(root, tokens, _owned(prim_get(root, ftokens, fref)), ref, log, seen)
    # move
    if ftokens == tokens:
        prim_get(root, ftokens, fref)  # must exist; moving a value onto itself changes nothing
        return root
    if tokens[: len(ftokens)] == ftokens:
        raise InfraError.validation(
            f"cannot move {frm!r} into its own child {path!r}", pointer=path, **{"from": frm}
        )
    value = prim_remove(root, ftokens, fref, log, seen)
    return prim_add(root, tokens, value, ref, log, seen)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
