"""JSON Pointer (RFC 6901): parse, format, get, and the add / replace / remove primitives.

Strict reading of the RFC: a pointer is ``""`` or starts with ``/``; ``~1`` is decoded before
``~0`` (so ``~01`` is the key ``~1``); a ``~`` followed by anything but ``0`` or ``1`` is an
error; array indexes are ``0`` or digits without a leading zero; ``-`` (the element after the
last) is only meaningful as the final token of an *add* — anywhere else it names an element that
does not exist. Errors name the pointer and the failing token.

Error kinds: a malformed pointer or index is ``validation``; a pointer that is well formed but
names nothing in the document is ``not_found``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

from .._json_types import JSONValue
from ..errors import InfraError
from ._values import FORBIDDEN_NAMES, check_name, clone, escape_token, type_name

__all__ = [
    "MISSING",
    "Log",
    "Ref",
    "array_index",
    "pointer_add",
    "pointer_format",
    "pointer_get",
    "pointer_parse",
    "pointer_remove",
    "pointer_replace",
    "prim_add",
    "prim_get",
    "prim_remove",
    "prim_replace",
    "rollback",
    "tokens_of",
    "walk",
]


_BAD_TILDE = re.compile(r"~(?![01])")


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


#: Sentinel for "no default given".
MISSING: Final[Any] = _Missing()

#: An undo log for in-place patches: tuples describing how to reverse each mutation.
Log = list[tuple[Any, ...]]


# -- parsing and formatting ------------------------------------------------------------------------

def pointer_parse(pointer: str) -> list[str]:
    """The reference tokens of ``pointer``, unescaped.

        >>> pointer_parse("/a~1b/m~0n/0"), pointer_parse(""), pointer_parse("/")
        (['a/b', 'm~n', '0'], [], [''])
    """
    return list(tokens_of(pointer))


def pointer_format(tokens: Iterable[str]) -> str:
    """The pointer for ``tokens`` (each escaped: ``~`` → ``~0``, ``/`` → ``~1``).

        >>> pointer_format(["a/b", "m~n", "0"])
        '/a~1b/m~0n/0'
    """
    if isinstance(tokens, str):
        raise InfraError.validation("pointer tokens must be a list of strings, got a string", field="tokens")
    out = []
    for i, t in enumerate(tokens):
        if not isinstance(t, str):
            raise InfraError.validation(
                f"pointer token {i} must be a string, got {type_name(t)}", field=f"tokens[{i}]"
            )
        check_name(t, "pointer token", f"tokens[{i}]")
        out.append("/" + escape_token(t))
    return "".join(out)


def tokens_of(pointer: object) -> tuple[str, ...]:
    """Parsed tokens of ``pointer`` (cached); malformed pointers raise ``InfraError(validation)``."""
    if type(pointer) is not str:
        if isinstance(pointer, str):
            pointer = str.__str__(pointer)
        else:
            raise InfraError.validation(
                f"a JSON Pointer must be a string, got {type_name(pointer)}", field="pointer"
            )
    return _parse_cached(pointer)


@functools.lru_cache(maxsize=4096)
def _parse_cached(pointer: str) -> tuple[str, ...]:
    if pointer == "":
        return ()
    if pointer[0] != "/":
        raise InfraError.validation(
            f"JSON Pointer {pointer!r} must be empty or start with '/'", pointer=pointer
        )
    raw = pointer[1:].split("/")
    if "~" not in pointer:
        tokens = raw
    else:
        tokens = []
        for t in raw:
            if "~" in t:
                if _BAD_TILDE.search(t):
                    raise InfraError.validation(
                        f"JSON Pointer {pointer!r}: token {t!r} has a '~' not followed by '0' or '1'",
                        pointer=pointer, token=t,
                    )
                tokens.append(t.replace("~1", "/").replace("~0", "~"))  # ~1 first: "~01" is "~1", not "/"
            else:
                tokens.append(t)
    for t in tokens:
        if t in FORBIDDEN_NAMES:
            check_name(t, "pointer token", repr(pointer))
    return tuple(tokens)


class Ref:
    """How errors name a reference: a JSON Pointer or a dot path (``kind``) and its text."""

    __slots__ = ("kind", "text")

    def __init__(self, text: str, kind: str = "pointer") -> None:
        self.text = text
        self.kind = kind

    def label(self) -> str:
        return f"JSON Pointer {self.text!r}" if self.kind == "pointer" else f"path {self.text!r}"

    def prefix(self, tokens: tuple[str, ...], n: int) -> str:
        if n == 0:
            return "the root"
        if self.kind == "pointer":
            return repr("".join("/" + escape_token(t) for t in tokens[:n]))
        return repr(".".join(t.replace("\\", "\\\\").replace(".", "\\.") for t in tokens[:n]))

    def error(self, kind: str, problem: str, **context: object) -> InfraError:
        return InfraError(kind, f"{self.label()}: {problem}", context={self.kind: self.text, **context})


def array_index(token: str, length: int, ref: Ref, tokens: tuple[str, ...], i: int, *, end_ok: bool) -> int:
    """The array index named by ``token``: ``0 <= index < length`` (``<= length`` when ``end_ok``)."""
    if token.isdigit() and token.isascii() and (token[0] != "0" or len(token) == 1):
        idx = int(token)
        if idx < length or (end_ok and idx == length):
            return idx
        valid = f"0..{length}" if end_ok else (f"0..{length - 1}" if length else "none, the array is empty")
        raise ref.error(
            "not_found",
            f"index {token} is out of range for the array at {ref.prefix(tokens, i)} (length {length}; valid: {valid})",
            token=token, length=length,
        )
    if token == "-":
        if end_ok:
            return length
        raise ref.error(
            "not_found",
            f"'-' names the element after the last of the array at {ref.prefix(tokens, i)}, which does not exist "
            "(it is only valid as the target of an add)",
            token=token,
        )
    raise ref.error(
        "validation",
        f"token {token!r} is not an index for the array at {ref.prefix(tokens, i)} "
        "(digits without leading zeros, or '-' to append)",
        token=token,
    )


def _no_member(ref: Ref, tokens: tuple[str, ...], i: int) -> InfraError:
    return ref.error("not_found", f"no member {tokens[i]!r} in the object at {ref.prefix(tokens, i)}", token=tokens[i])


def _not_container(node: object, ref: Ref, tokens: tuple[str, ...], i: int) -> InfraError:
    where = ref.prefix(tokens, i)
    return ref.error("not_found", f"cannot look up {tokens[i]!r} in the {type_name(node)} at {where}", token=tokens[i])


# -- the primitives (shared by the patch engine and dot paths) -------------------------------------

def walk(doc: object, tokens: tuple[str, ...], n: int, ref: Ref) -> Any:
    """The value at ``tokens[:n]``; errors as for a get."""
    node: Any = doc
    for i in range(n):
        t = tokens[i]
        if type(node) is dict or isinstance(node, dict):
            if t not in node:
                raise _no_member(ref, tokens, i)
            node = node[t]
        elif type(node) is list or isinstance(node, list):
            node = node[array_index(t, len(node), ref, tokens, i, end_ok=False)]
        else:
            raise _not_container(node, ref, tokens, i)
    return node


def prim_get(doc: object, tokens: tuple[str, ...], ref: Ref) -> Any:
    return walk(doc, tokens, len(tokens), ref)


def _touch(log: Log | None, obj: dict[str, Any], seen: set[int] | None) -> None:
    # Before a key is removed from an object, remember its key order once, so a rollback restores it.
    if log is not None and seen is not None and id(obj) not in seen:
        seen.add(id(obj))
        log.append(("order", obj, list(obj)))


def prim_add(root: Any, tokens: tuple[str, ...], value: Any, ref: Ref,
             log: Log | None = None, seen: set[int] | None = None) -> Any:
    """RFC 6902 add of an owned ``value``; returns the (possibly new) root."""
    if not tokens:
        if log is not None:
            log.append(("root", root))
        return value
    n = len(tokens) - 1
    parent = walk(root, tokens, n, ref)
    last = tokens[n]
    if type(parent) is dict or isinstance(parent, dict):
        if log is not None:
            log.append(("set", parent, last, last in parent, parent.get(last)))
        parent[last] = value
    elif type(parent) is list or isinstance(parent, list):
        idx = array_index(last, len(parent), ref, tokens, n, end_ok=True)
        parent.insert(idx, value)
        if log is not None:
            log.append(("ins", parent, idx))
    else:
        raise _not_container(parent, ref, tokens, n)
    return root


def prim_replace(root: Any, tokens: tuple[str, ...], value: Any, ref: Ref, log: Log | None = None) -> Any:
    """RFC 6902 replace (the target must exist); returns the (possibly new) root."""
    if not tokens:
        if log is not None:
            log.append(("root", root))
        return value
    n = len(tokens) - 1
    parent = walk(root, tokens, n, ref)
    last = tokens[n]
    if type(parent) is dict or isinstance(parent, dict):
        if last not in parent:
            raise _no_member(ref, tokens, n)
        if log is not None:
            log.append(("set", parent, last, True, parent[last]))
        parent[last] = value
    elif type(parent) is list or isinstance(parent, list):
        idx = array_index(last, len(parent), ref, tokens, n, end_ok=False)
        if log is not None:
            log.append(("rep", parent, idx, parent[idx]))
        parent[idx] = value
    else:
        raise _not_container(parent, ref, tokens, n)
    return root


def prim_remove(root: Any, tokens: tuple[str, ...], ref: Ref,
                log: Log | None = None, seen: set[int] | None = None) -> Any:
    """RFC 6902 remove; returns the removed value. Removing the root is an error."""
    if not tokens:
        raise ref.error("validation", "cannot remove the whole document: a JSON document must have a value")
    n = len(tokens) - 1
    parent = walk(root, tokens, n, ref)
    last = tokens[n]
    if type(parent) is dict or isinstance(parent, dict):
        if last not in parent:
            raise _no_member(ref, tokens, n)
        _touch(log, parent, seen)
        old = parent.pop(last)
        if log is not None:
            log.append(("del", parent, last, old))
        return old
    if type(parent) is list or isinstance(parent, list):
        idx = array_index(last, len(parent), ref, tokens, n, end_ok=False)
        old = parent.pop(idx)
        if log is not None:
            log.append(("pop", parent, idx, old))
        return old
    raise _not_container(parent, ref, tokens, n)


def rollback(log: Log) -> Any:
    """Undo every logged mutation, newest first; returns the original root if it was replaced."""
    root: Any = MISSING
    orders: list[tuple[dict[str, Any], list[str]]] = []
    for entry in reversed(log):
        kind = entry[0]
        if kind == "set":
            _, obj, key, had, old = entry
            if had:
                obj[key] = old
            else:
                del obj[key]
        elif kind == "ins":
            del entry[1][entry[2]]
        elif kind in {"rep", "del"}:
            entry[1][entry[2]] = entry[3]
        elif kind == "pop":
            entry[1].insert(entry[2], entry[3])
        elif kind == "root":
            root = entry[1]
        elif kind == "order":
            orders.append((entry[1], entry[2]))
    for obj, keys in orders:
        # The order was saved at the first removal, possibly after this patch had added keys that the
        # rollback above has taken out again: restore the order of the keys still there.
        items = [(k, obj[k]) for k in keys if k in obj]
        obj.clear()
        obj.update(items)
    log.clear()
    return root


# -- public functions ------------------------------------------------------------------------------

def pointer_get(doc: JSONValue, pointer: str, default: Any = MISSING) -> Any:
    """The value ``pointer`` names in ``doc`` (a reference into ``doc``, not a copy).

    When nothing is there, return ``default`` if given, else raise ``InfraError(not_found)``.
    A malformed pointer always raises ``InfraError(validation)``.

        >>> doc = {"foo": ["bar", "baz"], "a/b": 1}
        >>> pointer_get(doc, "/foo/1"), pointer_get(doc, "/a~1b"), pointer_get(doc, "/nope", None)
        ('baz', 1, None)
    """
    tokens = tokens_of(pointer)
    try:
        return walk(doc, tokens, len(tokens), Ref(pointer))
    except InfraError as err:
        if default is MISSING or err.kind.value != "not_found":
            raise
        return default


def _target(doc: JSONValue, in_place: bool) -> Any:
    return doc if in_place else clone(doc)


def pointer_add(doc: JSONValue, pointer: str, value: JSONValue, *, in_place: bool = False) -> JSONValue:
    """RFC 6902 *add*: insert into an array (``-`` appends), set an object member, or replace the root.

    Returns the new document; ``doc`` is left untouched unless ``in_place`` (then it is modified
    and returned — use the return value: an add at ``""`` replaces the root). ``value`` is copied.

        >>> pointer_add({"a": [1, 3]}, "/a/1", 2)
        {'a': [1, 2, 3]}
    """
    tokens = tokens_of(pointer)
    owned = clone(value)
    return prim_add(_target(doc, in_place), tokens, owned, Ref(pointer))  # type: ignore[no-any-return]


def pointer_replace(doc: JSONValue, pointer: str, value: JSONValue, *, in_place: bool = False) -> JSONValue:
    """RFC 6902 *replace*: the target must exist. Same copy rules as :func:`pointer_add`.

        >>> pointer_replace({"a": {"b": 1}}, "/a/b", [2])
        {'a': {'b': [2]}}
    """
    tokens = tokens_of(pointer)
    owned = clone(value)
    return prim_replace(_target(doc, in_place), tokens, owned, Ref(pointer))  # type: ignore[no-any-return]


def pointer_remove(doc: JSONValue, pointer: str, *, in_place: bool = False) -> JSONValue:
    """RFC 6902 *remove*: the target must exist; the root cannot be removed. Returns the new document.

        >>> pointer_remove({"a": [1, 2, 3]}, "/a/0")
        {'a': [2, 3]}
    """
    tokens = tokens_of(pointer)
    root = _target(doc, in_place)
    prim_remove(root, tokens, Ref(pointer))
    return root  # type: ignore[no-any-return]
