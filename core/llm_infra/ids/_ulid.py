"""ULID (https://github.com/ulid/spec): 48-bit Unix-ms timestamp + 80 random bits, Crockford base32.

Text is 26 characters of ``0123456789ABCDEFGHJKMNPQRSTVWXYZ`` (written uppercase, read in any
case); the first character is at most ``7`` (128 bits). Decoding is strict: exactly 26
characters, no ``I L O U``, no hyphens, no aliases.

The monotonic generator follows the spec: a new millisecond reads 10 random bytes (the 80 random
bits, big-endian); the same millisecond — or a clock that went backwards, whose last timestamp is
kept — adds one to the previous 80-bit random value. Past ``2**80 - 1`` it raises
``InfraError(internal, retryable)`` and never carries into the timestamp; its state is unchanged,
so the next millisecond succeeds.
"""

from __future__ import annotations

import os
import threading
from typing import NamedTuple
from uuid import UUID

from ..errors import InfraError
from ._base import (
    POOL_BYTES,
    Clock,
    GeneratorBase,
    RandomSource,
    _time_ns,
    bad,
    check_bytes,
    check_ms,
    check_str,
    preview,
    read_random,
)
from ._uuid import _new_uuid, uuid_int_from_text

__all__ = [
    "UlidGenerator",
    "UlidParts",
    "decode_ulid",
    "encode_ulid",
    "monotonic_ulid",
    "ulid",
    "ulid_timestamp",
    "ulid_to_uuid",
    "uuid_to_ulid",
]

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# 10-bit value -> two Crockford characters: a ULID is 13 lookups (5 for the timestamp, 8 random)
_PAIRS = [a + b for a in _ALPHABET for b in _ALPHABET]
# Crockford (either case) -> base32hex digits, which int(..., 32) reads
_TO_B32HEX = str.maketrans(_ALPHABET + _ALPHABET.lower(), "0123456789abcdefghijklmnopqrstuv" * 2)
_VALID = frozenset(_ALPHABET + _ALPHABET.lower())
_RANDOM_MAX = (1 << 80) - 1


class UlidParts(NamedTuple):
    """A decoded ULID."""

    #: Unix milliseconds (48 bits).
    timestamp_ms: int
    #: The 80 random bits, as 10 big-endian bytes.
    random: bytes


def _ts_text(ms: int) -> str:
    p = _PAIRS
    return p[ms >> 40] + p[(ms >> 30) & 1023] + p[(ms >> 20) & 1023] + p[(ms >> 10) & 1023] + p[ms & 1023]


def _rand_text(r: int) -> str:
    p = _PAIRS
    return (
        p[r >> 70] + p[(r >> 60) & 1023] + p[(r >> 50) & 1023] + p[(r >> 40) & 1023]
        + p[(r >> 30) & 1023] + p[(r >> 20) & 1023] + p[(r >> 10) & 1023] + p[r & 1023]
    )


def _encode_int(n: int) -> str:
    return _ts_text(n >> 80) + _rand_text(n & _RANDOM_MAX)


def encode_ulid(timestamp_ms: int, random: bytes) -> str:
    """The ULID text of a 48-bit millisecond timestamp and 10 random bytes.

    >>> encode_ulid(1469922850259, bytes.fromhex("d676 4c61 efb9 9302 bd5b"))
    '01ARZ3NDEKTSV4RRFFQ69G5FAV'
    """
    ms = check_ms(timestamp_ms)
    return _ts_text(ms) + _rand_text(int.from_bytes(check_bytes(random, "random", 10), "big"))


def _decode_int(text: object, field: str = "ulid") -> int:
    s = check_str(text, field)
    if len(s) != 26:
        bad(field, f"a ULID is 26 characters, got {len(s)}: {preview(s)}", length=len(s))
    if not _VALID.issuperset(s):
        i = next(i for i, ch in enumerate(s) if ch not in _VALID)
        bad(field, f"invalid Crockford base32 character {s[i]!r} at position {i}", position=i)
    if s[0] > "7":
        bad(field, f"value above 7ZZZZZZZZZZZZZZZZZZZZZZZZZ (more than 128 bits): {preview(s)}")
    return int(s.translate(_TO_B32HEX), 32)


def decode_ulid(text: str) -> UlidParts:
    """Split ULID text (any case) into its timestamp and random bytes.

    >>> parts = decode_ulid("01an4z07by79ka1307sr9x4mv3")
    >>> parts.timestamp_ms, parts.random.hex()
    (1465824320894, '3a66a08c07ce13d25363')
    """
    n = _decode_int(text)
    return UlidParts(n >> 80, (n & _RANDOM_MAX).to_bytes(10, "big"))


def ulid_timestamp(text: str) -> int:
    """The Unix-millisecond timestamp of a ULID.

    >>> ulid_timestamp("01ARYZ6S41TSV4RRFFQ69G5FAV")
    1469918176385
    """
    return _decode_int(text) >> 80


def ulid_to_uuid(text: str) -> UUID:
    """The UUID with the same 128 bits (the ULID's binary form read as a UUID, any version).

    >>> str(ulid_to_uuid("01ARYZ6S41TSV4RRFFQ69G5FAV"))
    '01563df3-6481-d676-4c61-efb99302bd5b'
    """
    return _new_uuid(_decode_int(text))


def uuid_to_ulid(value: UUID | str) -> str:
    """The ULID with the same 128 bits as a UUID (a ``uuid.UUID`` or any text ``parse_uuid`` reads).

    >>> uuid_to_ulid("0195C9A4-2E32-C014-5F4F-A7CEF5BE83D5")
    '01JQ4T8BHJR0A5YKX7SVTVX0YN'
    """
    n = value.int if isinstance(value, UUID) else uuid_int_from_text(value, "uuid")
    return _encode_int(n)


class UlidGenerator(GeneratorBase):
    """ULIDs from a clock and a random source; monotonic by default (see the module doc).

    Thread-safe; one clock read per ID; 10 random bytes per new millisecond (monotonic) or per
    ID (``monotonic=False``).

    >>> ticks = iter([1469918176385, 1469918176385, 10000])
    >>> gen = UlidGenerator(clock=lambda: next(ticks), random=lambda n: b"\\xf7\\xbd\\xef\\x7b\\xde" * 2)
    >>> [gen.next() for _ in range(3)]
    ['01ARYZ6S41YYYYYYYYYYYYYYYY', '01ARYZ6S41YYYYYYYYYYYYYYYZ', '01ARYZ6S41YYYYYYYYYYYYYYZ0']
    """

    __slots__ = ("_last", "_monotonic", "_rand", "_ts")

    def __init__(self, *, clock: Clock | None = None, random: RandomSource | None = None,
                 monotonic: bool = True) -> None:
        if not isinstance(monotonic, bool):
            bad("monotonic", f"must be a boolean, got {type(monotonic).__name__}")
        super().__init__(clock, random)
        self._monotonic = monotonic
        self._last = -1
        self._rand = 0
        self._ts: tuple[int, str] = (-1, "")

    def _reset(self) -> None:
        self._last = -1
        self._rand = 0

    def next(self) -> str:
        """The next ULID text."""
        with self._lock:
            clock = self._clock
            ms = _time_ns() // 1_000_000 if clock is None else check_ms(clock(), "clock")
            if ms > self._last or not self._monotonic:
                if self._random is None:
                    p = self._pos
                    buf = self._buf
                    if p + 10 > len(buf):
                        buf = self._buf = os.urandom(POOL_BYTES)
                        p = 0
                    self._pos = p + 10
                    r = int.from_bytes(buf[p : p + 10], "big")
                else:
                    r = int.from_bytes(read_random(self._random, 10), "big")
                if self._monotonic:
                    self._last = ms
                    self._rand = r
            else:
                r = self._rand
                if r >= _RANDOM_MAX:
                    raise InfraError.internal(
                        "ULID random component overflow: 2**80 ULIDs in one millisecond; retry in the next one",
                        retryable=True, timestamp_ms=self._last,
                    )
                r += 1
                self._rand = r
                ms = self._last
        ts = self._ts
        if ts[0] != ms:
            ts = (ms, _ts_text(ms))
            self._ts = ts
        return ts[1] + _rand_text(r)


_default_fresh: UlidGenerator | None = None
_default_monotonic: UlidGenerator | None = None
_create_lock = threading.Lock()


def _fresh() -> UlidGenerator:
    global _default_fresh
    with _create_lock:
        if _default_fresh is None:
            _default_fresh = UlidGenerator(monotonic=False)
        return _default_fresh


def _monotonic() -> UlidGenerator:
    global _default_monotonic
    with _create_lock:
        if _default_monotonic is None:
            _default_monotonic = UlidGenerator()
        return _default_monotonic


def ulid() -> str:
    """A new ULID: the wall clock and 80 fresh bits from the OS CSPRNG.

    >>> len(ulid())
    26
    """
    return (_default_fresh or _fresh()).next()


def monotonic_ulid() -> str:
    """A ULID from the process-wide monotonic generator: strictly increasing within the process.

    >>> a, b = monotonic_ulid(), monotonic_ulid()
    >>> a < b
    True
    """
    return (_default_monotonic or _monotonic()).next()
