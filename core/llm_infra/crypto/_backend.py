"""Backend selection for ``llm_infra.crypto``: pure Python everywhere, native packages when present.

Every primitive has a pure-Python implementation (the reference; the one Pyodide uses) and may
have a native one on CPython (pynacl, blake3, argon2-cffi, cryptography). Which one runs is decided
per primitive, lazily, the first time the primitive is used — never at import time — from the
environment variable ``LLM_INFRA_BACKEND``:

* ``auto`` (default): the native package when it imports, else pure Python;
* ``pure``: always pure Python;
* ``native``: the native package, and an ``InfraError(config)`` if it is not installed.

:func:`backends` reports the choice made for every primitive used so far (and, with
``resolve=True``, resolves all registered primitives first). :func:`reset_backends` forgets the
choices, so tests can flip ``LLM_INFRA_BACKEND`` within one process.

A primitive module declares itself once, at import, with :func:`register` (no I/O happens then)
and asks for its implementation with :func:`choose`::

    >>> from llm_infra.crypto._backend import choose, register
    >>> register("example", native=lambda: None, native_name="none")
    >>> choose("example", pure="pure-impl")
    'pure-impl'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal, TypeVar

from ..errors import InfraError

__all__ = ["ENV_VAR", "BackendMode", "backend_mode", "backends", "choose", "on_reset", "register", "reset_backends",
           "using_backend"]

ENV_VAR = "LLM_INFRA_BACKEND"
BackendMode = Literal["pure", "native", "auto"]
_MODES: tuple[BackendMode, ...] = ("pure", "native", "auto")

T = TypeVar("T")

# primitive -> (loader returning the native implementation or None, human name of the native package)
_LOADERS: dict[str, tuple[Callable[[], object | None], str]] = {}
# primitive -> (name reported by backends(), chosen implementation or None for pure)
_CHOSEN: dict[str, tuple[str, object | None]] = {}
_LOCK = threading.Lock()
# called by reset_backends: modules that cache a chosen implementation for a hot path drop it there
_RESET_HOOKS: list[Callable[[], None]] = []


def backend_mode() -> BackendMode:
    """The mode requested by ``LLM_INFRA_BACKEND`` (``auto`` when unset); bad values are ``InfraError(config)``."""
    raw = os.environ.get(ENV_VAR, "auto").strip().lower() or "auto"
    for mode in _MODES:
        if raw == mode:
            return mode
    raise InfraError.config(f"{ENV_VAR} must be one of pure, native, auto; got {raw!r}", field=ENV_VAR, value=raw)


def register(primitive: str, *, native: Callable[[], object | None], native_name: str) -> None:
    """Declare ``primitive`` and how to load its native implementation.

    ``native`` is called lazily (on first use, not here); it returns the native implementation, or
    ``None`` / raises ``ImportError`` when the package is not available on this interpreter.
    """
    _LOADERS[primitive] = (native, native_name)


def on_reset(hook: Callable[[], None]) -> None:
    """Have :func:`reset_backends` call ``hook`` (a module caching a choice for a hot path forgets it there)."""
    _RESET_HOOKS.append(hook)


def _load(primitive: str) -> tuple[str, object | None]:
    loader, name = _LOADERS.get(primitive, (lambda: None, "none"))
    mode = backend_mode()
    if mode == "pure":
        return "pure", None
    try:
        impl = loader()
    except ImportError:
        impl = None
    if impl is None:
        if mode == "native":
            raise InfraError.config(
                f"{ENV_VAR}=native but the native backend for {primitive} ({name}) is not installed",
                field=ENV_VAR, primitive=primitive, package=name,
            )
        return "pure", None
    return f"native:{name}", impl


def choose(primitive: str, *, pure: T) -> T:
    """The implementation to use for ``primitive``: its native one if selected, else ``pure``.

    The native loader must return an object with the same interface as ``pure``.
    """
    chosen = _CHOSEN.get(primitive)
    if chosen is None:
        with _LOCK:
            chosen = _CHOSEN.get(primitive)
            if chosen is None:
                chosen = _load(primitive)
                _CHOSEN[primitive] = chosen
    impl = chosen[1]
    return pure if impl is None else impl  # type: ignore[return-value]


def backends(*, resolve: bool = False) -> dict[str, str]:
    """``{primitive: "pure" | "native:<package>"}`` for the primitives chosen so far.

    With ``resolve=True`` every registered primitive is resolved first, so the answer is complete.
    """
    if resolve:
        for primitive in list(_LOADERS):
            if primitive not in _CHOSEN:
                with _LOCK:
                    _CHOSEN.setdefault(primitive, _load(primitive))
    return {k: v[0] for k, v in sorted(_CHOSEN.items())}


def reset_backends() -> None:
    """Forget every choice, so the next use re-reads ``LLM_INFRA_BACKEND`` (for tests)."""
    with _LOCK:
        _CHOSEN.clear()
        for hook in _RESET_HOOKS:
            hook()


@contextmanager
def using_backend(mode: str) -> Iterator[None]:
    """Run a block with ``LLM_INFRA_BACKEND=mode`` and fresh choices, then restore both (tests, benchmarks).

    Objects built inside keep the backend chosen there (``AESGCM`` binds its cipher when constructed).
    The variable is process-wide: not for concurrent use.
    """
    old = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = mode
    reset_backends()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = old
        reset_backends()
