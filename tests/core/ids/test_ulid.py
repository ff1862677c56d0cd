"""ULID: Crockford base32 encoding, strict decoding, UUID conversion and the monotonic generator."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.ids import (
    UlidGenerator,
    decode_ulid,
    encode_ulid,
    monotonic_ulid,
    ulid,
    ulid_timestamp,
    ulid_to_uuid,
    uuid_to_ulid,
)
from tests.conftest import IN_PYODIDE
from tests.core.ids._util import Stream, Ticks, seeded

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
YY = b"\xf7\xbd\xef\x7b\xde" * 2  # 80 bits of 'Y' (30 = 0b11110)
MAX48 = (1 << 48) - 1


def test_spec_examples() -> None:
    assert decode_ulid("01ARZ3NDEKTSV4RRFFQ69G5FAV").timestamp_ms == 1469922850259
    assert ulid_timestamp("01AN4Z07BY79KA1307SR9X4MV3") == 1465824320894
    assert ulid_timestamp("01ARYZ6S41TSV4RRFFQ69G5FAV") == 1469918176385
    assert encode_ulid(MAX48, b"\xff" * 10) == "7ZZZZZZZZZZZZZZZZZZZZZZZZZ"
    assert encode_ulid(0, bytes(10)) == "0" * 26
    assert encode_ulid(1469918176385, YY) == "01ARYZ6S41YYYYYYYYYYYYYYYY"


def test_encode_decode_round_trip_and_case() -> None:
    for _ in range(500):
        ms, raw = int.from_bytes(os.urandom(6), "big"), os.urandom(10)
        text = encode_ulid(ms, raw)
        assert len(text) == 26 and set(text) <= set(ALPHABET) and text[0] <= "7"
        assert decode_ulid(text) == (ms, raw) == decode_ulid(text.lower())
        assert text == uuid_to_ulid(ulid_to_uuid(text)) == uuid_to_ulid(str(ulid_to_uuid(text)).upper())
        assert ulid_to_uuid(text).bytes == ms.to_bytes(6, "big") + raw


def test_uuid_conversion_examples() -> None:
    assert str(ulid_to_uuid("01ARYZ6S41TSV4RRFFQ69G5FAV")) == "01563df3-6481-d676-4c61-efb99302bd5b"
    assert uuid_to_ulid("0195C9A4-2E32-C014-5F4F-A7CEF5BE83D5") == "01JQ4T8BHJR0A5YKX7SVTVX0YN"
    assert uuid_to_ulid(uuid.UUID("0195C9A4-74CC-5149-BCC4-0A556A0CF19D")) == "01JQ4T8X6CA54VSH0AANN0SWCX"


@pytest.mark.parametrize(("text", "position"), [
    ("01ARZ3NDEKTSV4RRFFQ69G5FAI", 25), ("01ARZ3NDEKTSV4RRFFQ69G5FAL", 25), ("01ARZ3NDEKTSV4RRFFQ69G5FAO", 25),
    ("01ARZ3NDEKTSV4RRFFQ69G5FAU", 25), ("01ARZ3NDEK-SV4RRFFQ69G5FAV", 10), (" 1ARZ3NDEKTSV4RRFFQ69G5FAV", 0),
    ("01ARZ3NDEKTSV4RRFFQ69G5FAÄ", 25), ("０1ARZ3NDEKTSV4RRFFQ69G5FAV", 0),
])
def test_decode_names_the_bad_character(text: str, position: int) -> None:
    with pytest.raises(InfraError) as exc:
        decode_ulid(text)
    assert exc.value.kind is ErrorKind.VALIDATION and exc.value.context == {"field": "ulid", "position": position}


@pytest.mark.parametrize("text", [
    "", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVV",
    "80000000000000000000000000", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "8zzzzzzzzzzzzzzzzzzzzzzzzz",
])
def test_decode_rejects_lengths_and_overflow(text: str) -> None:
    for fn in (decode_ulid, ulid_timestamp, ulid_to_uuid):
        with pytest.raises(InfraError) as exc:
            fn(text)
        assert exc.value.kind is ErrorKind.VALIDATION and exc.value.context["field"] == "ulid"


@pytest.mark.parametrize("value", [None, 5, b"01ARZ3NDEKTSV4RRFFQ69G5FAV"])
def test_decode_rejects_non_strings(value: object) -> None:
    with pytest.raises(InfraError):
        decode_ulid(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("ts", "raw", "field"), [
    (-1, bytes(10), "timestamp_ms"), (MAX48 + 1, bytes(10), "timestamp_ms"), (1.0, bytes(10), "timestamp_ms"),
    (0, bytes(9), "random"), (0, "x", "random"),
])
def test_encode_rejects(ts: object, raw: object, field: str) -> None:
    with pytest.raises(InfraError) as exc:
        encode_ulid(ts, raw)  # type: ignore[arg-type]
    assert exc.value.context["field"] == field


def test_uuid_to_ulid_rejects_non_uuids() -> None:
    with pytest.raises(InfraError) as exc:
        uuid_to_ulid("01ARZ3NDEKTSV4RRFFQ69G5FAV")
    assert exc.value.context["field"] == "uuid"


# -- the generator ---------------------------------------------------------------------------------


def test_monotonic_factory_like_ulid_javascript() -> None:
    clock = Ticks([1469918176385, 1469918176385, 100000000, 10000, 1469918176386])
    stream = Stream(YY * 2)
    gen = UlidGenerator(clock=clock, random=stream)
    assert [gen.next() for _ in range(5)] == [
        "01ARYZ6S41YYYYYYYYYYYYYYYY", "01ARYZ6S41YYYYYYYYYYYYYYYZ", "01ARYZ6S41YYYYYYYYYYYYYYZ0",
        "01ARYZ6S41YYYYYYYYYYYYYYZ1", "01ARYZ6S42YYYYYYYYYYYYYYYY",
    ]
    assert stream.calls == [10, 10] and clock.reads == 5


def test_overflow_raises_internal_retryable_and_keeps_state() -> None:
    stream = Stream(b"\xff" * 9 + b"\xfe" + bytes(range(10)))
    gen = UlidGenerator(clock=Ticks([5, 5, 5, 5, 6]), random=stream)
    first, second = gen.next(), gen.next()
    assert first.endswith("ZZZZZZZZZZZZZZZY") and second.endswith("Z" * 16) and first[:10] == second[:10]
    for _ in range(2):
        with pytest.raises(InfraError) as exc:
            gen.next()
        assert exc.value.kind is ErrorKind.INTERNAL and exc.value.retryable
    assert gen.next() == encode_ulid(6, bytes(range(10)))  # the next millisecond recovers


def test_frozen_and_backwards_clocks_increase() -> None:
    for script in ([1000], [1000, 999, 998, 0, 1000, 1000, 1001], [5, 4, 3, 2, 1]):
        gen = UlidGenerator(clock=Ticks(script), random=seeded(7))
        ids = [gen.next() for _ in range(300)]
        assert ids == sorted(ids) and len(set(ids)) == 300
        assert decode_ulid(ids[-1]).timestamp_ms == max(script)


def test_not_monotonic_reads_fresh_bytes_and_the_clock_as_is() -> None:
    stream = seeded(8)
    gen = UlidGenerator(clock=Ticks([10, 10, 9]), random=stream, monotonic=False)
    ids = [gen.next() for _ in range(3)]
    assert ids == [encode_ulid(ms, stream.data[10 * i : 10 * i + 10]) for i, ms in enumerate([10, 10, 9])]


@pytest.mark.parametrize("reading", [-1, MAX48 + 1, 2.0, None, "1"])
def test_generator_rejects_bad_clock_readings(reading: object) -> None:
    with pytest.raises(InfraError) as exc:
        UlidGenerator(clock=lambda: reading).next()  # type: ignore[arg-type, return-value]
    assert exc.value.context["field"] == "clock"


def test_generator_options_are_checked() -> None:
    with pytest.raises(InfraError):
        UlidGenerator(monotonic=1)  # type: ignore[arg-type]
    with pytest.raises(InfraError):
        UlidGenerator(random=5)  # type: ignore[arg-type]
    with pytest.raises(InfraError) as exc:
        UlidGenerator(random=lambda n: b"\x00").next()
    assert exc.value.context["field"] == "random"


def test_defaults() -> None:
    before = time.time_ns() // 1_000_000
    fresh = [ulid() for _ in range(1000)]
    mono = [monotonic_ulid() for _ in range(1000)]
    after = time.time_ns() // 1_000_000
    assert len(set(fresh)) == 1000 and mono == sorted(mono) and len(set(mono)) == 1000
    assert all(before <= ulid_timestamp(u) <= after for u in fresh + mono)


@pytest.mark.skipif(IN_PYODIDE, reason="Pyodide (wasm) cannot start threads")
def test_generator_is_thread_safe() -> None:
    gen = UlidGenerator(clock=lambda: 1_700_000_000_000)  # one frozen ms: every ID is an increment
    results: list[list[str]] = [[] for _ in range(4)]

    def work(out: list[str]) -> None:
        out.extend(gen.next() for _ in range(20_000))

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = sorted(s for r in results for s in r)
    assert len(set(every)) == 80_000
    # increments without gaps: the 80 000 IDs are consecutive values
    first = int.from_bytes(decode_ulid(every[0]).random, "big")
    assert int.from_bytes(decode_ulid(every[-1]).random, "big") == first + 79_999


@pytest.mark.skipif(IN_PYODIDE or not hasattr(os, "fork"), reason="no os.fork (Pyodide/wasm)")
def test_forked_child_reseeds_the_monotonic_state() -> None:
    gen = UlidGenerator(clock=lambda: 1_700_000_000_000)  # frozen: without a reset both would count on alike
    gen.next()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        os.write(write, "\n".join(gen.next() for _ in range(20)).encode())
        os._exit(0)
    os.close(write)
    parent = {gen.next() for _ in range(20)}
    with os.fdopen(read) as f:
        child = set(f.read().split("\n"))
    os.waitpid(pid, 0)
    assert len(child) == 20 and not parent & child
