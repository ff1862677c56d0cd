"""IDs: UUID v4/v7, ULID, NanoID and Snowflake — the same bits in Python and TypeScript.

Every generator takes an injectable clock (integer Unix milliseconds) and random source
(``random(n) -> n bytes``), so tests and the conformance vectors can pin its output; by default
it reads the wall clock and a per-generator pool refilled from ``os.urandom`` (one system call
per many IDs: the reason these pure-Python generators are several times faster than the usual
packages). Nothing is read at import time. Generators are thread-safe, and a forked child drops
every pool and monotonic state it inherited.

* UUID (RFC 9562): :func:`uuid4`, :func:`uuid7` (``uuid.UUID``; ``*_str`` for text),
  :class:`Uuid7Generator` (monotonic: 42-bit counter, RFC 9562 §6.2 Method 1), :func:`parse_uuid`,
  bytes / int conversions.
* ULID: :func:`ulid`, :func:`monotonic_ulid`, :class:`UlidGenerator`, :func:`encode_ulid`,
  :func:`decode_ulid`, :func:`ulid_timestamp`, :func:`ulid_to_uuid`, :func:`uuid_to_ulid`.
* NanoID: :func:`nanoid`, :func:`custom_alphabet`, :func:`custom_random` (npm ``nanoid``'s
  algorithm byte for byte).
* Snowflake: :class:`SnowflakeGenerator`, :func:`encode_snowflake`, :func:`decode_snowflake`.

Bad input raises ``InfraError(validation)`` naming the field. Limits: 48-bit millisecond
timestamps (UUIDv7, ULID: until the year 10889); Snowflake's 41 bits last 69 years from its epoch.

    >>> from llm_infra.ids import Uuid7Generator, decode_ulid, encode_ulid, parse_uuid, uuid7
    >>> parse_uuid(str(uuid7())).version
    7
    >>> encode_ulid(1469922850259, bytes.fromhex("d6764c61efb99302bd5b"))
    '01ARZ3NDEKTSV4RRFFQ69G5FAV'
    >>> decode_ulid("01ARZ3NDEKTSV4RRFFQ69G5FAV").timestamp_ms
    1469922850259
    >>> frozen = Uuid7Generator(clock=lambda: 1645557742000)
    >>> a, b = frozen.next(), frozen.next()
    >>> a < b
    True
"""

from ._base import Clock, RandomSource
from ._nanoid import URL_ALPHABET, NanoidGenerator, custom_alphabet, custom_random, nanoid
from ._snowflake import TWITTER_EPOCH_MS, SnowflakeGenerator, SnowflakeParts, decode_snowflake, encode_snowflake
from ._ulid import (
    UlidGenerator,
    UlidParts,
    decode_ulid,
    encode_ulid,
    monotonic_ulid,
    ulid,
    ulid_timestamp,
    ulid_to_uuid,
    uuid_to_ulid,
)
from ._uuid import (
    Uuid4Generator,
    Uuid7Generator,
    UuidInfo,
    UuidVariant,
    encode_uuid4,
    encode_uuid7,
    parse_uuid,
    uuid4,
    uuid4_str,
    uuid7,
    uuid7_str,
    uuid_from_bytes,
    uuid_from_int,
    uuid_to_bytes,
    uuid_to_int,
)

__all__ = [
    "TWITTER_EPOCH_MS",
    "URL_ALPHABET",
    "Clock",
    "NanoidGenerator",
    "RandomSource",
    "SnowflakeGenerator",
    "SnowflakeParts",
    "UlidGenerator",
    "UlidParts",
    "Uuid4Generator",
    "Uuid7Generator",
    "UuidInfo",
    "UuidVariant",
    "custom_alphabet",
    "custom_random",
    "decode_snowflake",
    "decode_ulid",
    "encode_snowflake",
    "encode_ulid",
    "encode_uuid4",
    "encode_uuid7",
    "monotonic_ulid",
    "nanoid",
    "parse_uuid",
    "ulid",
    "ulid_timestamp",
    "ulid_to_uuid",
    "uuid4",
    "uuid4_str",
    "uuid7",
    "uuid7_str",
    "uuid_from_bytes",
    "uuid_from_int",
    "uuid_to_bytes",
    "uuid_to_int",
    "uuid_to_ulid",
]
