"""UUID version 4 and 7 (RFC 9562): generators, parsing and conversions.

UUIDv7 generators are monotonic (RFC 9562 §6.2, Method 1, "fixed-length dedicated counter"):
the 12 bits of ``rand_a`` and the top 30 bits of ``rand_b`` form a 42-bit counter.

* A new millisecond (the clock reads more than the last timestamp used) reads 10 random bytes
  ``r``; the UUID is ``encode_uuid7(ms, r)`` and the counter is the 42 bits it left in place.
* The same millisecond, or a clock that went backwards, keeps the last timestamp, adds one to
  the counter and reads 4 fresh random bytes for the low 32 bits of ``rand_b``.
* A counter past ``2**42 - 1`` borrows the next millisecond (timestamp + 1) and starts over as a
  new millisecond; past the 48-bit timestamp range it raises ``InfraError(validation)``.

So IDs of one generator strictly increase (as bytes and as strings) and never repeat.
"""

from __future__ import annotations

import os
import threading
from typing import Literal, NamedTuple
from uuid import UUID, SafeUUID

from ..errors import InfraError
from ._base import (
    MAX_48,
    POOL_BYTES,
    Clock,
    GeneratorBase,
    RandomSource,
    _time_ns,
    bad,
    check_bytes,
    check_int,
    check_ms,
    preview,
    read_random,
)

__all__ = [
    "Uuid4Generator",
    "Uuid7Generator",
    "UuidInfo",
    "UuidVariant",
    "encode_uuid4",
    "encode_uuid7",
    "parse_uuid",
    "uuid4",
    "uuid4_str",
    "uuid7",
    "uuid7_str",
    "uuid_from_bytes",
    "uuid_from_int",
    "uuid_int_from_text",
    "uuid_to_bytes",
    "uuid_to_int",
]

UuidVariant = Literal["ncs", "rfc9562", "microsoft", "future"]

_MAX_128 = (1 << 128) - 1
_COUNTER_MAX = (1 << 42) - 1
# version nibble (bits 76..79) and variant bits (62..63) cleared / set
_V4_KEEP = _MAX_128 ^ (0xF << 76) ^ (0x3 << 62)
_V4_SET = (0x4 << 76) | (0x2 << 62)
_V7_KEEP = ((1 << 80) - 1) ^ (0xF << 76) ^ (0x3 << 62)
_V7_SET = (0x7 << 76) | (0x2 << 62)
# hex digit of byte 8's high nibble -> the same digit with the variant bits forced to 0b10
_VARIANT_DIGIT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}
_HEX = "0123456789abcdefABCDEF"
# 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch (RFC 9562 §5.1)
_GREGORIAN_OFFSET = 0x01B21DD213814000


_object_new = object.__new__
_set = object.__setattr__
_UNKNOWN = SafeUUID.unknown


def _new_uuid(n: int) -> UUID:
    """A ``uuid.UUID`` for an int already known to be in range (skips ``UUID.__init__``'s parsing)."""
    u = _object_new(UUID)
    _set(u, "int", n)
    _set(u, "is_safe", _UNKNOWN)
    return u


# -- encoders (the catalog ops ids.uuid4.encode / ids.uuid7.encode) ----------------------------


def encode_uuid4(random: bytes) -> UUID:
    """The UUIDv4 made from 16 random bytes: version and variant bits overwritten (RFC 9562 §5.4).

    >>> str(encode_uuid4(bytes.fromhex("919108f752d133205bacf847db4148a8")))  # RFC 9562 A.3
    '919108f7-52d1-4320-9bac-f847db4148a8'
    """
    n = int.from_bytes(check_bytes(random, "random", 16), "big")
    return _new_uuid((n & _V4_KEEP) | _V4_SET)


def encode_uuid7(timestamp_ms: int, random: bytes) -> UUID:
    """The UUIDv7 of a 48-bit Unix-millisecond timestamp and 10 bytes for UUID bytes 6..15.

    The version and variant bits inside ``random`` are overwritten (RFC 9562 §5.7).

    >>> str(encode_uuid7(1645557742000, bytes.fromhex("0cc318c4dc0c0c07398f")))  # RFC 9562 A.6
    '017f22e2-79b0-7cc3-98c4-dc0c0c07398f'
    """
    ms = check_ms(timestamp_ms)
    n = int.from_bytes(check_bytes(random, "random", 10), "big")
    return _new_uuid((ms << 80) | (n & _V7_KEEP) | _V7_SET)


# -- generators --------------------------------------------------------------------------------


class Uuid4Generator(GeneratorBase):
    """Random UUIDs (v4), 16 bytes each from a pooled CSPRNG or an injected ``random(n)``.

    Thread-safe. ``Uuid4Generator(random=src).next()`` is ``encode_uuid4(src(16))``.

    >>> gen = Uuid4Generator(random=lambda n: bytes(range(n)))
    >>> gen.next_str()
    '00010203-0405-4607-8809-0a0b0c0d0e0f'
    """

    __slots__ = ()

    def __init__(self, *, random: RandomSource | None = None) -> None:
        super().__init__(None, random)

    def _bytes16(self) -> bytes:
        if self._random is not None:
            with self._lock:
                return read_random(self._random, 16)
        with self._lock:
            p = self._pos
            buf = self._buf
            if p + 16 > len(buf):
                buf = self._buf = os.urandom(POOL_BYTES)
                p = 0
            self._pos = p + 16
        return buf[p : p + 16]

    def next(self) -> UUID:
        """The next UUIDv4 as a ``uuid.UUID``."""
        return _new_uuid((int.from_bytes(self._bytes16(), "big") & _V4_KEEP) | _V4_SET)

    def next_str(self) -> str:
        """The next UUIDv4 as lowercase hyphenated text."""
        h = self._bytes16().hex()
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT_DIGIT[h[16]]}{h[17:20]}-{h[20:]}"


class Uuid7Generator(GeneratorBase):
    """Time-ordered UUIDs (v7) that strictly increase within the generator (see the module doc).

    ``clock()`` returns integer Unix milliseconds (default: the wall clock); ``random(n)`` returns
    ``n`` bytes (default: a pooled ``os.urandom``). Thread-safe; one clock read per ID.

    >>> ticks = iter([1645557742000, 1645557742000])
    >>> gen = Uuid7Generator(clock=lambda: next(ticks), random=lambda n: b"\\x00" * n)
    >>> gen.next_str(), gen.next_str()
    ('017f22e2-79b0-7000-8000-000000000000', '017f22e2-79b0-7000-8000-000100000000')
    """

    __slots__ = ("_counter", "_last", "_prefix")

    def __init__(self, *, clock: Clock | None = None, random: RandomSource | None = None) -> None:
        super().__init__(clock, random)
        self._last = -1
        self._counter = 0
        self._prefix: tuple[int, str] = (-1, "")

    def _reset(self) -> None:
        self._last = -1
        self._counter = 0

    def _fresh(self, ms: int) -> tuple[int, int, bytes]:
        r = self._take(10)
        x = int.from_bytes(r[:6], "big")
        c = (((x >> 32) & 0xFFF) << 30) | (x & 0x3FFFFFFF)
        self._last = ms
        self._counter = c
        return ms, c, r[6:]

    def _advance(self) -> tuple[int, int, bytes]:
        """(timestamp, 42-bit counter, 4 tail bytes) of the next ID."""
        with self._lock:
            clock = self._clock
            ms = _time_ns() // 1_000_000 if clock is None else check_ms(clock(), "clock")
            if ms > self._last:
                return self._fresh(ms)
            c = self._counter + 1
            if c > _COUNTER_MAX:
                if self._last >= MAX_48:
                    raise InfraError.validation(
                        "timestamp_ms: the UUIDv7 counter rolled over at the last 48-bit millisecond",
                        field="timestamp_ms", timestamp_ms=self._last,
                    )
                return self._fresh(self._last + 1)
            self._counter = c
            if self._random is not None:
                return self._last, c, read_random(self._random, 4)
            p = self._pos
            buf = self._buf
            if p + 4 > len(buf):
                buf = self._buf = os.urandom(POOL_BYTES)
                p = 0
            self._pos = p + 4
            return self._last, c, buf[p : p + 4]

    def next(self) -> UUID:
        """The next UUIDv7 as a ``uuid.UUID``."""
        ms, c, tail = self._advance()
        return _new_uuid(
            (ms << 80) | _V7_SET | ((c >> 30) << 64) | ((c & 0x3FFFFFFF) << 32) | int.from_bytes(tail, "big")
        )

    def next_str(self) -> str:
        """The next UUIDv7 as lowercase hyphenated text (faster than ``str(next())``)."""
        ms, c, tail = self._advance()
        key = (ms << 26) | (c >> 16)
        cached = self._prefix
        if cached[0] != key:
            cached = (key, f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-7{c >> 30:03x}-{0x8000 | ((c >> 16) & 0x3FFF):04x}-")
            self._prefix = cached
        return f"{cached[1]}{c & 0xFFFF:04x}{tail.hex()}"


_default_v4: Uuid4Generator | None = None
_default_v7: Uuid7Generator | None = None


_create_lock = threading.Lock()


def _v4() -> Uuid4Generator:
    global _default_v4
    with _create_lock:
        if _default_v4 is None:
            _default_v4 = Uuid4Generator()
        return _default_v4


def _v7() -> Uuid7Generator:
    global _default_v7
    # two threads racing here must end up sharing one generator, or monotonicity breaks
    with _create_lock:
        if _default_v7 is None:
            _default_v7 = Uuid7Generator()
        return _default_v7


def uuid4() -> UUID:
    """A random UUID (version 4) from the OS CSPRNG.

    >>> uuid4().version
    4
    """
    return (_default_v4 or _v4()).next()


def uuid4_str() -> str:
    """``str(uuid4())``, faster."""
    return (_default_v4 or _v4()).next_str()


def uuid7() -> UUID:
    """A time-ordered UUID (version 7); the process-wide generator is monotonic.

    >>> a, b = uuid7(), uuid7()
    >>> a.version, a < b
    (7, True)
    """
    return (_default_v7 or _v7()).next()


def uuid7_str() -> str:
    """``str(uuid7())``, faster; from the same process-wide monotonic generator."""
    return (_default_v7 or _v7()).next_str()


# -- parsing and conversions -------------------------------------------------------------------


class UuidInfo(NamedTuple):
    """What ``parse_uuid`` finds in a UUID."""

    #: The UUID itself.
    uuid: UUID
    #: The version nibble (bits 48..51), whatever the variant: 0 for Nil, 15 for Max.
    version: int
    #: ``ncs`` (0xx), ``rfc9562`` (10x), ``microsoft`` (110) or ``future`` (111).
    variant: UuidVariant
    #: Unix milliseconds of an RFC 9562 v1, v6 or v7 UUID (v1/v6: floor of the 100-ns Gregorian
    #: time, possibly negative before 1970), else ``None``.
    timestamp_ms: int | None

    @property
    def hex(self) -> str:
        """The 32 lowercase hex digits."""
        return f"{self.uuid.int:032x}"


_make_info = UuidInfo._make


def uuid_int_from_text(text: object, field: str = "text") -> int:
    """The 128-bit value of UUID text; ``InfraError(validation)`` for anything else.

    Accepted (any case): ``8-4-4-4-12`` hex groups, the same in ``{braces}`` or after ``urn:uuid:``,
    or 32 hex digits. Nothing else: no whitespace, no other hyphen positions, no signs.
    """
    if not isinstance(text, str):
        bad(field, f"must be a string, got {type(text).__name__}")
    n = len(text)
    body = text
    if n == 38 and text[0] == "{" and text[-1] == "}":
        body = text[1:-1]
    elif n == 45 and text[:9].lower() == "urn:uuid:":
        body = text[9:]
    if len(body) == 36:
        if body[8] != "-" or body[13] != "-" or body[18] != "-" or body[23] != "-":
            bad(field, f"not a UUID: hyphens must follow hex digits 8, 12, 16 and 20, got {preview(text)}")
        digits = body.replace("-", "")  # any other hyphen leaves fewer than 32 digits
    elif n == 32:
        digits = text
    else:
        bad(field, f"not a UUID: expected 36 characters (8-4-4-4-12 hex), got {n}: {preview(text)}", length=n)
    if len(digits) != 32 or digits.strip(_HEX):
        bad(field, f"not a UUID: only hex digits may appear between the hyphens, got {preview(text)}")
    return int(digits, 16)


def _as_int(value: UUID | str, field: str) -> int:
    if isinstance(value, UUID):
        return value.int
    return uuid_int_from_text(value, field)


def parse_uuid(text: str) -> UuidInfo:
    """Parse UUID text (any version, any case; see :func:`uuid_int_from_text` for the forms).

    >>> info = parse_uuid("017F22E2-79B0-7CC3-98C4-DC0C0C07398F")  # RFC 9562 A.6
    >>> info.version, info.variant, info.timestamp_ms, str(info.uuid)
    (7, 'rfc9562', 1645557742000, '017f22e2-79b0-7cc3-98c4-dc0c0c07398f')
    >>> parse_uuid("C232AB00-9414-11EC-B3C8-9F6BDECED846").timestamp_ms  # A.1, v1
    1645557742000
    """
    n = uuid_int_from_text(text)
    version = (n >> 76) & 0xF
    b8 = (n >> 56) & 0xFF
    variant: UuidVariant
    if b8 < 0x80:
        variant = "ncs"
    elif b8 < 0xC0:
        variant = "rfc9562"
    elif b8 < 0xE0:
        variant = "microsoft"
    else:
        variant = "future"
    ts: int | None = None
    if variant == "rfc9562":
        if version == 7:
            ts = n >> 80
        elif version == 1:
            t60 = (((n >> 64) & 0x0FFF) << 48) | (((n >> 80) & 0xFFFF) << 32) | (n >> 96)
            ts = (t60 - _GREGORIAN_OFFSET) // 10_000
        elif version == 6:
            t60 = ((n >> 80) << 12) | ((n >> 64) & 0x0FFF)
            ts = (t60 - _GREGORIAN_OFFSET) // 10_000
    return _make_info((_new_uuid(n), version, variant, ts))


def uuid_from_bytes(data: bytes) -> UUID:
    """The UUID of 16 big-endian bytes (any version).

    >>> str(uuid_from_bytes(bytes(16)))
    '00000000-0000-0000-0000-000000000000'
    """
    return _new_uuid(int.from_bytes(check_bytes(data, "bytes", 16), "big"))


def uuid_to_bytes(value: UUID | str) -> bytes:
    """The 16 big-endian bytes of a UUID (a ``uuid.UUID`` or UUID text).

    >>> uuid_to_bytes("ffffffff-ffff-ffff-ffff-ffffffffffff") == b"\\xff" * 16
    True
    """
    return _as_int(value, "uuid").to_bytes(16, "big")


def uuid_from_int(value: int) -> UUID:
    """The UUID of an integer in ``[0, 2**128)``.

    >>> str(uuid_from_int(1))
    '00000000-0000-0000-0000-000000000001'
    """
    return _new_uuid(check_int(value, "int", 0, _MAX_128))


def uuid_to_int(value: UUID | str) -> int:
    """The 128-bit integer of a UUID (a ``uuid.UUID`` or UUID text).

    >>> uuid_to_int("00000000-0000-0000-0000-0000000000ff")
    255
    """
    return _as_int(value, "uuid")

