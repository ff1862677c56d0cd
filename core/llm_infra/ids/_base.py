"""Shared internals of the ID generators: input checks, the pooled CSPRNG, clocks, fork safety.

Randomness: each generator owns a pool of ``POOL_BYTES`` bytes from ``os.urandom``, refilled
when used up (one system call per many IDs — the main reason the generators are fast). The pool
is created on the first ID, never at import time. After ``os.fork()`` every live generator drops
its pool and its monotonic state in the child (``os.register_at_fork``), so a parent and child can
never hand out the same bytes. An injected random source is called for exactly the bytes each
ID needs, in order, and its result is checked.

Clocks return integer milliseconds since the Unix epoch; the default reads ``time.time_ns()``.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Callable
from typing import NoReturn, Protocol, TypeAlias

from ..errors import ErrorKind, InfraError

__all__ = [
    "MAX_48",
    "POOL_BYTES",
    "Clock",
    "GeneratorBase",
    "RandomSource",
    "bad",
    "check_bytes",
    "check_int",
    "check_ms",
    "check_str",
    "preview",
    "read_random",
    "system_ms",
    "track_for_fork",
]

#: A clock: integer milliseconds since the Unix epoch.
Clock: TypeAlias = Callable[[], int]
#: A random source: ``random(n)`` returns exactly ``n`` bytes.
RandomSource: TypeAlias = Callable[[int], bytes]

#: Bytes read from ``os.urandom`` per refill of a generator's pool.
POOL_BYTES = 4096
#: The largest 48-bit millisecond timestamp (UUIDv7, ULID): 10889-08-02T05:31:50.655Z.
MAX_48 = (1 << 48) - 1

_time_ns = time.time_ns


def system_ms() -> int:
    """The wall clock in integer milliseconds since the Unix epoch."""
    return _time_ns() // 1_000_000


def preview(value: object, limit: int = 64) -> str:
    """``repr(value)`` cut to ``limit`` characters, for error messages about untrusted input."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _type_name(value: object) -> str:
    return "None" if value is None else type(value).__name__


def bad(field: str, message: str, **context: object) -> NoReturn:
    """Raise ``InfraError(validation)`` naming ``field``."""
    raise InfraError(ErrorKind.VALIDATION, f"{field}: {message}", context={"field": field, **context})


def check_int(value: object, field: str, lo: int, hi: int) -> int:
    """An ``int`` (never a ``bool``) in ``[lo, hi]``, else ``InfraError(validation)``."""
    if isinstance(value, bool) or not isinstance(value, int):
        bad(field, f"must be an integer, got {_type_name(value)}")
    if value < lo or value > hi:
        bad(field, f"must be in [{lo}, {hi}], got {value}", value=value)
    return int(value)


def check_ms(value: object, field: str = "timestamp_ms") -> int:
    """A 48-bit millisecond timestamp (UUIDv7 and ULID)."""
    return check_int(value, field, 0, MAX_48)


def check_str(value: object, field: str) -> str:
    if not isinstance(value, str):
        bad(field, f"must be a string, got {_type_name(value)}")
    return value


def check_bytes(value: object, field: str, length: int | None = None) -> bytes:
    """``bytes``/``bytearray``/``memoryview`` (of ``length`` bytes when given) as ``bytes``."""
    if not isinstance(value, (bytes, bytearray, memoryview)):
        bad(field, f"must be bytes, got {_type_name(value)}")
    data = bytes(value)
    if length is not None and len(data) != length:
        bad(field, f"must be {length} bytes, got {len(data)}", length=len(data))
    return data


def read_random(source: RandomSource, n: int) -> bytes:
    """Call an injected random source for ``n`` bytes and check what it returned."""
    data = source(n)
    if not isinstance(data, (bytes, bytearray, memoryview)) or len(data) != n:
        got = f"{len(data)} bytes" if isinstance(data, (bytes, bytearray, memoryview)) else _type_name(data)
        raise InfraError.validation(f"random: the random source must return {n} bytes, got {got}", field="random")
    return bytes(data)


# -- fork safety -------------------------------------------------------------------------------

class _ForkAware(Protocol):
    def _after_fork(self) -> None: ...


_live: weakref.WeakSet[_ForkAware] | None = None
_live_lock = threading.Lock()


def _after_fork_in_child() -> None:
    global _live_lock
    _live_lock = threading.Lock()
    for gen in list(_live or ()):
        gen._after_fork()


def track_for_fork(gen: _ForkAware) -> None:
    """Have ``gen._after_fork()`` called in the child after ``os.fork()`` (registered on first use)."""
    global _live
    with _live_lock:
        if _live is None:
            _live = weakref.WeakSet()
            register = getattr(os, "register_at_fork", None)  # absent where there is no fork (wasm)
            if register is not None:
                register(after_in_child=_after_fork_in_child)
        _live.add(gen)


class GeneratorBase:
    """State every generator shares: its lock, clock, random source and CSPRNG pool."""

    __slots__ = ("__weakref__", "_buf", "_clock", "_lock", "_pos", "_random")

    def __init__(self, clock: Clock | None, random: RandomSource | None) -> None:
        if clock is not None and not callable(clock):
            bad("clock", f"must be a callable returning integer milliseconds, got {_type_name(clock)}")
        if random is not None and not callable(random):
            bad("random", f"must be a callable random(n) -> bytes, got {_type_name(random)}")
        self._clock = clock
        self._random = random
        self._lock = threading.Lock()
        self._buf = b""
        self._pos = 0
        track_for_fork(self)

    def _take(self, n: int) -> bytes:
        """``n`` random bytes (caller holds the lock)."""
        if self._random is not None:
            return read_random(self._random, n)
        p = self._pos
        buf = self._buf
        if p + n > len(buf):
            buf = self._buf = os.urandom(max(POOL_BYTES, n))
            p = 0
        self._pos = p + n
        return buf[p : p + n]

    def _now(self) -> int:
        """The clock's reading as a 48-bit millisecond timestamp (caller holds the lock)."""
        clock = self._clock
        if clock is None:
            return _time_ns() // 1_000_000
        return check_ms(clock(), "clock")

    def _reset(self) -> None:
        """Forget the monotonic state (subclasses); called in a forked child."""

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        self._buf = b""
        self._pos = 0
        self._reset()
