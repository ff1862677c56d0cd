"""The op registry: vector op name → handler that maps a case's ``input`` to its output object."""

from __future__ import annotations

from collections.abc import Callable

from .._json_types import JSONObject
from ..errors import InfraError

__all__ = ["Handler", "handler_for", "register", "registered_ops"]

#: A handler takes a case's ``input`` object and returns the ``expect``-shaped output object;
#: it raises :class:`InfraError` where the op fails.
Handler = Callable[[JSONObject], JSONObject]

_OPS: dict[str, Handler] = {}
_loaded = False


def register(op: str) -> Callable[[Handler], Handler]:
    """Decorator: make ``fn`` the handler of vector op ``op`` (one handler per op)."""

    def deco(fn: Handler) -> Handler:
        if op in _OPS and _OPS[op] is not fn:
            raise InfraError.internal(f"conformance op {op!r} registered twice", op=op)
        _OPS[op] = fn
        return fn

    return deco


def _load_builtin() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        from . import ops  # noqa: F401  -- importing registers every built-in op


def handler_for(op: str) -> Handler | None:
    """The handler of ``op``, or ``None`` when this runtime does not implement it."""
    _load_builtin()
    return _OPS.get(op)


def registered_ops() -> list[str]:
    """Every op this runtime implements, sorted."""
    _load_builtin()
    return sorted(_OPS)
