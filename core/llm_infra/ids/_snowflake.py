"""Snowflake IDs: 63-bit integers of 41-bit ms timestamp | 5-bit datacenter | 5-bit worker | 12-bit sequence.

``id = (timestamp_ms - epoch_ms) << 22 | datacenter_id << 17 | worker_id << 12 | sequence``; the
top bit is always 0 so IDs are positive signed 64-bit integers. They cross JSON (and the
TypeScript SDK, as ``bigint`` inside) as decimal strings: ``"0"`` or digits without a leading 0.

The generator reads the clock once per ID, plus once per poll while it waits:

1. ``now < last`` (the clock went backwards) is checked first: more than ``max_backward_ms``
   behind raises ``InfraError(external, retryable)``; otherwise it polls until ``now >= last``.
2. ``now == last``: the sequence goes up by one; after 4095 it polls until ``now > last``.
3. a new millisecond starts the sequence at 0.

So IDs strictly increase and never repeat. A wait that makes no progress — the clock does not
reach its target within the needed time plus one second, or real time itself stands still, as
inside a Cloudflare Worker between I/O — raises ``InfraError(timeout)`` instead of hanging.
A generator is one (datacenter, worker) pair: give every process its own pair.
"""

from __future__ import annotations

import threading
import time
from typing import NamedTuple

from ..errors import InfraError
from ._base import MAX_48, Clock, bad, check_int, preview

__all__ = ["TWITTER_EPOCH_MS", "SnowflakeGenerator", "SnowflakeParts", "decode_snowflake", "encode_snowflake"]

#: Twitter's Snowflake epoch, 2010-11-04T01:42:54.657Z: the default ``epoch_ms``.
TWITTER_EPOCH_MS = 1288834974657

_MAX_ID = (1 << 63) - 1
_MAX_DELTA = (1 << 41) - 1
_MAX_BACKWARD_MS = 60_000
# a wait gives up when real time has not moved after this many polls (time frozen between I/O)
_FROZEN_POLLS = 1 << 20


class SnowflakeParts(NamedTuple):
    """A decoded Snowflake ID."""

    timestamp_ms: int
    datacenter_id: int
    worker_id: int
    sequence: int


def _check_epoch(epoch_ms: object) -> int:
    return check_int(epoch_ms, "epoch_ms", 0, MAX_48)


def encode_snowflake(timestamp_ms: int, datacenter_id: int, worker_id: int, sequence: int, *,
                     epoch_ms: int = TWITTER_EPOCH_MS) -> int:
    """The Snowflake ID of its four fields; every field is range-checked.

    >>> encode_snowflake(1288834974657 + 1, 1, 2, 3)
    4333571
    """
    epoch = _check_epoch(epoch_ms)
    ts = check_int(timestamp_ms, "timestamp_ms", epoch, epoch + _MAX_DELTA)
    dc = check_int(datacenter_id, "datacenter_id", 0, 31)
    worker = check_int(worker_id, "worker_id", 0, 31)
    seq = check_int(sequence, "sequence", 0, 4095)
    return ((ts - epoch) << 22) | (dc << 17) | (worker << 12) | seq


def _id_from(value: object) -> int:
    if isinstance(value, str):
        if not (0 < len(value) <= 19 and value.isascii() and value.isdigit()) or (value[0] == "0" and value != "0"):
            bad("id", f"a Snowflake ID is a decimal string without sign or leading zeros, got {preview(value)}")
        n = int(value)
        if n > _MAX_ID:
            bad("id", f"must be below 2**63, got {value}")
        return n
    return check_int(value, "id", 0, _MAX_ID)


def decode_snowflake(value: int | str, *, epoch_ms: int = TWITTER_EPOCH_MS) -> SnowflakeParts:
    """Split a Snowflake ID (an ``int`` or its decimal string) into its fields.

    >>> decode_snowflake("4333571")
    SnowflakeParts(timestamp_ms=1288834974658, datacenter_id=1, worker_id=2, sequence=3)
    """
    n = _id_from(value)
    epoch = _check_epoch(epoch_ms)
    return SnowflakeParts((n >> 22) + epoch, (n >> 17) & 31, (n >> 12) & 31, n & 4095)


class SnowflakeGenerator:
    """Snowflake IDs for one (datacenter, worker) pair; see the module doc for the algorithm.

    ``clock()`` returns integer Unix milliseconds (default: the wall clock). Thread-safe.

    >>> ticks = iter([1288834974658, 1288834974658, 1288834974657, 1288834974659])
    >>> gen = SnowflakeGenerator(1, 2, clock=lambda: next(ticks))
    >>> gen.next(), gen.next(), gen.next_str()
    (4333568, 4333569, '8527872')
    """

    __slots__ = ("__weakref__", "_base", "_clock", "_epoch", "_last", "_lock", "_max_backward", "_seq")

    def __init__(self, datacenter_id: int, worker_id: int, *, epoch_ms: int = TWITTER_EPOCH_MS,
                 clock: Clock | None = None, max_backward_ms: int = 10) -> None:
        dc = check_int(datacenter_id, "datacenter_id", 0, 31)
        worker = check_int(worker_id, "worker_id", 0, 31)
        self._epoch = _check_epoch(epoch_ms)
        self._max_backward = check_int(max_backward_ms, "max_backward_ms", 0, _MAX_BACKWARD_MS)
        if clock is not None and not callable(clock):
            bad("clock", f"must be a callable returning integer milliseconds, got {type(clock).__name__}")
        self._clock = clock
        self._base = (dc << 17) | (worker << 12)
        self._last = -1
        self._seq = 0
        self._lock = threading.Lock()

    @property
    def datacenter_id(self) -> int:
        return self._base >> 17

    @property
    def worker_id(self) -> int:
        return (self._base >> 12) & 31

    @property
    def epoch_ms(self) -> int:
        return self._epoch

    def _read(self) -> int:
        clock = self._clock
        if clock is None:
            ms = time.time_ns() // 1_000_000
        else:
            ms = clock()
            if isinstance(ms, bool) or not isinstance(ms, int):
                bad("clock", f"must return integer milliseconds, got {type(ms).__name__}")
        if ms < self._epoch:
            bad("clock", f"reads {ms}, before the epoch {self._epoch}", value=ms)
        if ms - self._epoch > _MAX_DELTA:
            bad("clock", f"reads {ms}, past the 41-bit range of epoch {self._epoch}", value=ms)
        return int(ms)

    def _wait_until(self, target: int, now: int) -> int:
        """Poll the clock until it reads at least ``target``."""
        budget_s = (target - now + 1000) / 1000
        polls = 0
        started = -1.0
        while now < target:
            polls += 1
            if polls & 1023 == 0:
                t = time.monotonic()
                if started < 0:
                    started = t
                elif t - started > budget_s or (polls >= _FROZEN_POLLS and t == started):
                    raise InfraError.timeout(
                        f"clock: did not reach {target} ms (still {now}) while waiting for the next millisecond",
                        field="clock", target_ms=target, now_ms=now,
                    )
            now = self._read()
        return now

    def next(self) -> int:
        """The next ID."""
        with self._lock:
            now = self._read()
            last = self._last
            if now < last:
                behind = last - now
                if behind > self._max_backward:
                    raise InfraError.external(
                        f"clock moved backwards by {behind} ms (more than max_backward_ms={self._max_backward})",
                        retryable=True, last_ms=last, now_ms=now, behind_ms=behind,
                        max_backward_ms=self._max_backward,
                    )
                now = self._wait_until(last, now)
            if now == last:
                seq = (self._seq + 1) & 4095
                if seq == 0:
                    now = self._wait_until(last + 1, now)
            else:
                seq = 0
            self._last = now
            self._seq = seq
            return ((now - self._epoch) << 22) | self._base | seq

    def next_str(self) -> str:
        """The next ID as a decimal string (its JSON form)."""
        return str(self.next())

    def __repr__(self) -> str:
        return (f"SnowflakeGenerator(datacenter_id={self.datacenter_id}, worker_id={self.worker_id}, "
                f"epoch_ms={self._epoch})")
