"""UUID v4/v7: encoding, the monotonic v7 generator, parsing and conversions."""

from __future__ import annotations

import os
import pickle
import threading
import time
import uuid

import pytest

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.ids import (
    Uuid4Generator,
    Uuid7Generator,
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
from tests.conftest import IN_PYODIDE
from tests.core.ids._util import Stream, Ticks, seeded

T = 1645557742000
MAX48 = (1 << 48) - 1
COUNTER_MAX_BYTES = bytes.fromhex("0fff3fffffff")  # rand_a and the top 30 bits of rand_b all ones


def _validation(exc: pytest.ExceptionInfo[InfraError], field: str) -> None:
    assert exc.value.kind is ErrorKind.VALIDATION
    assert exc.value.context["field"] == field


def _parts(u: uuid.UUID) -> tuple[int, int, int]:
    """(timestamp, 42-bit counter, 32-bit tail) of a UUIDv7."""
    n = u.int
    return n >> 80, ((n >> 64) & 0xFFF) << 30 | ((n >> 32) & 0x3FFFFFFF), n & 0xFFFFFFFF


# -- encoders --------------------------------------------------------------------------------------


def test_encode_uuid4_rfc_example_and_bits() -> None:
    u = encode_uuid4(bytes.fromhex("919108f752d133205bacf847db4148a8"))
    assert str(u) == "919108f7-52d1-4320-9bac-f847db4148a8"
    assert isinstance(u, uuid.UUID) and u.version == 4 and u.variant == uuid.RFC_4122
    for raw in (bytes(16), b"\xff" * 16, bytearray(range(16)), memoryview(bytes(range(16, 32)))):
        assert encode_uuid4(raw) == uuid.UUID(bytes=bytes(raw), version=4)


def test_encode_uuid7_rfc_example_and_edges() -> None:
    rfc = encode_uuid7(T, bytes.fromhex("0cc318c4dc0c0c07398f"))
    assert str(rfc) == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"
    assert rfc.version == 7 and rfc.variant == uuid.RFC_4122
    assert str(encode_uuid7(0, bytes(10))) == "00000000-0000-7000-8000-000000000000"
    assert str(encode_uuid7(MAX48, b"\xff" * 10)) == "ffffffff-ffff-7fff-bfff-ffffffffffff"


@pytest.mark.parametrize("ts", [-1, MAX48 + 1, 1.0, True, "1", None])
def test_encode_uuid7_rejects_timestamps(ts: object) -> None:
    with pytest.raises(InfraError) as exc:
        encode_uuid7(ts, bytes(10))  # type: ignore[arg-type]
    _validation(exc, "timestamp_ms")


@pytest.mark.parametrize("random", [bytes(9), bytes(11), "00" * 10, None, [0] * 10])
def test_encoders_reject_random(random: object) -> None:
    with pytest.raises(InfraError) as exc:
        encode_uuid7(T, random)  # type: ignore[arg-type]
    _validation(exc, "random")
    with pytest.raises(InfraError) as exc:
        encode_uuid4(random)  # type: ignore[arg-type]
    _validation(exc, "random")


def test_fast_uuid_objects_are_real_uuids() -> None:
    u = encode_uuid7(T, bytes(range(10)))
    twin = uuid.UUID(str(u))
    assert u == twin and hash(u) == hash(twin) and u.bytes == twin.bytes and u.is_safe == twin.is_safe
    assert pickle.loads(pickle.dumps(u)) == u
    assert sorted([twin, uuid.UUID(int=0)]) == [uuid.UUID(int=0), u]
    with pytest.raises(TypeError):
        u.int = 5  # type: ignore[misc]  # immutable like any UUID


# -- generators ------------------------------------------------------------------------------------


def test_uuid4_generator_reads_16_bytes_per_id() -> None:
    data = os.urandom(64)
    a, b = Uuid4Generator(random=Stream(data)), Uuid4Generator(random=Stream(data))
    objects = [a.next() for _ in range(4)]
    texts = [b.next_str() for _ in range(4)]
    assert objects == [encode_uuid4(data[i : i + 16]) for i in range(0, 64, 16)]
    assert texts == [str(u) for u in objects]


def test_uuid4_default_is_random_v4() -> None:
    ids = {uuid4_str() for _ in range(2000)} | {str(uuid4()) for _ in range(2000)}
    assert len(ids) == 4000
    assert all(uuid.UUID(s).version == 4 and uuid.UUID(s).variant == uuid.RFC_4122 for s in ids)


def test_uuid7_first_id_of_a_millisecond_is_encode() -> None:
    stream = seeded(1)
    gen = Uuid7Generator(clock=Ticks([T, T + 5]), random=stream)
    first, second = gen.next(), gen.next()
    assert first == encode_uuid7(T, stream.data[:10])
    assert second == encode_uuid7(T + 5, stream.data[10:20])
    assert stream.calls == [10, 10]


def test_uuid7_same_millisecond_counts_up_with_4_fresh_bytes() -> None:
    stream = seeded(2)
    gen = Uuid7Generator(clock=Ticks([T]), random=stream)
    ids = [gen.next() for _ in range(50)]
    assert stream.calls == [10] + [4] * 49
    parts = [_parts(u) for u in ids]
    assert {p[0] for p in parts} == {T}
    assert [p[1] for p in parts] == [parts[0][1] + i for i in range(50)]
    assert [p[2] for p in parts[1:]] == [int.from_bytes(stream.data[10 + 4 * i : 14 + 4 * i], "big") for i in range(49)]
    assert ids == sorted(ids) and len(set(ids)) == 50


def test_uuid7_clock_going_backwards_keeps_the_last_timestamp() -> None:
    gen = Uuid7Generator(clock=Ticks([T, T - 1, T - 5000, 0, T, T + 1]), random=seeded(3))
    ids = [gen.next() for _ in range(6)]
    assert [_parts(u)[0] for u in ids] == [T, T, T, T, T, T + 1]
    assert ids == sorted(ids) and len(set(ids)) == 6


def test_uuid7_counter_rollover_borrows_the_next_millisecond() -> None:
    stream = Stream(COUNTER_MAX_BYTES + bytes(4) + bytes(range(10)) + bytes(100))
    clock = Ticks([T, T, T, T + 1, T + 2])
    gen = Uuid7Generator(clock=clock, random=stream)
    ids = [gen.next() for _ in range(5)]
    assert [_parts(u)[0] for u in ids] == [T, T + 1, T + 1, T + 1, T + 2]
    assert _parts(ids[0])[1] == (1 << 42) - 1
    assert ids[1] == encode_uuid7(T + 1, bytes(range(10)))  # fresh bytes after the borrow
    assert stream.calls == [10, 10, 4, 4, 10]
    assert ids == sorted(ids) and len(set(ids)) == 5


def test_uuid7_rollover_at_the_last_millisecond_raises_and_keeps_state() -> None:
    gen = Uuid7Generator(clock=Ticks([MAX48]), random=Stream(COUNTER_MAX_BYTES + bytes(100)))
    first = gen.next()
    for _ in range(2):
        with pytest.raises(InfraError) as exc:
            gen.next()
        _validation(exc, "timestamp_ms")
    assert _parts(first)[:2] == (MAX48, (1 << 42) - 1)


@pytest.mark.parametrize("reading", [1.5, float(T), True, -1, MAX48 + 1, "1645557742000", None])
def test_uuid7_rejects_bad_clock_readings(reading: object) -> None:
    gen = Uuid7Generator(clock=lambda: reading, random=seeded(4))  # type: ignore[arg-type, return-value]
    with pytest.raises(InfraError) as exc:
        gen.next()
    _validation(exc, "clock")


@pytest.mark.parametrize("result", [b"\x00" * 9, b"\x00" * 11, "0" * 10, None, [0] * 10])
def test_generators_check_what_the_random_source_returns(result: object) -> None:
    for gen in (Uuid7Generator(clock=lambda: T, random=lambda n: result),  # type: ignore[arg-type, return-value]
                Uuid4Generator(random=lambda n: result)):  # type: ignore[arg-type, return-value]
        with pytest.raises(InfraError) as exc:
            gen.next_str()
        _validation(exc, "random")


@pytest.mark.parametrize("kwargs", [{"clock": 5}, {"random": b"abc"}])
def test_generators_reject_non_callables(kwargs: dict[str, object]) -> None:
    with pytest.raises(InfraError) as exc:
        Uuid7Generator(**kwargs)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION


def test_uuid7_next_and_next_str_give_the_same_sequence() -> None:
    script = [T, T, T + 1, T - 3, T + 1, T + 2] * 3
    a = Uuid7Generator(clock=Ticks(script), random=seeded(5))
    b = Uuid7Generator(clock=Ticks(script), random=seeded(5))
    assert [str(a.next()) for _ in range(18)] == [b.next_str() for _ in range(18)]


def test_uuid7_string_prefix_cache_follows_the_counter() -> None:
    # the counter crosses a 2**16 boundary: the cached text before its low 16 bits must change
    start = (1 << 16) - 2
    head = ((start >> 30) << 32 | (start & 0x3FFFFFFF)).to_bytes(6, "big")
    gen = Uuid7Generator(clock=Ticks([T]), random=Stream(head + bytes(4) + os.urandom(40)))
    texts = [gen.next_str() for _ in range(4)]
    assert [_parts(uuid.UUID(s))[1] for s in texts] == [start + i for i in range(4)]
    assert texts == sorted(texts)


def test_uuid7_default_clock_and_source() -> None:
    before = time.time_ns() // 1_000_000
    ids = [uuid7() for _ in range(1000)] + [uuid.UUID(uuid7_str()) for _ in range(1000)]
    after = time.time_ns() // 1_000_000
    assert ids == sorted(ids) and len(set(ids)) == 2000
    assert all(u.version == 7 for u in ids)
    assert before <= _parts(ids[0])[0] and _parts(ids[-1])[0] <= after + 1  # +1: a borrowed ms at most


@pytest.mark.skipif(IN_PYODIDE, reason="Pyodide (wasm) cannot start threads")
def test_uuid7_generator_is_thread_safe() -> None:
    gen = Uuid7Generator()
    results: list[list[str]] = [[] for _ in range(4)]

    def work(out: list[str]) -> None:
        for _ in range(20_000):
            out.append(gen.next_str() if len(out) % 2 else str(gen.next()))

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [s for r in results for s in r]
    assert len(set(every)) == 80_000
    assert all(r == sorted(r) for r in results)  # each thread sees its own IDs increase


@pytest.mark.skipif(IN_PYODIDE or not hasattr(os, "fork"), reason="no os.fork (Pyodide/wasm)")
def test_forked_child_never_repeats_the_parents_ids() -> None:
    gen = Uuid7Generator(clock=lambda: T)  # a frozen clock: the child would continue the same counter
    gen.next_str()  # fills the pool
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        os.write(write, "\n".join(gen.next_str() for _ in range(50)).encode())
        os._exit(0)
    os.close(write)
    parent = {gen.next_str() for _ in range(50)}
    with os.fdopen(read) as f:
        child = set(f.read().split("\n"))
    os.waitpid(pid, 0)
    assert len(child) == 50 and not parent & child


# -- parsing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "version", "ts"), [
    ("C232AB00-9414-11EC-B3C8-9F6BDECED846", 1, T),
    ("5df41881-3aed-3515-88a7-2f4a814cf09e", 3, None),
    ("919108f7-52d1-4320-9bac-f847db4148a8", 4, None),
    ("2ed6657d-e927-568b-95e1-2665a8aea6a2", 5, None),
    ("1EC9414C-232A-6B00-B3C8-9F6BDECED846", 6, T),
    ("017F22E2-79B0-7CC3-98C4-DC0C0C07398F", 7, T),
    ("2489E9AD-2EE2-8E00-8EC9-32D5F69181C0", 8, None),
])
def test_parse_rfc9562_examples(text: str, version: int, ts: int | None) -> None:
    info = parse_uuid(text)
    assert (info.version, info.variant, info.timestamp_ms) == (version, "rfc9562", ts)
    assert info.uuid == uuid.UUID(text) and info.hex == text.replace("-", "").lower()


def test_parse_nil_max_and_variants() -> None:
    assert parse_uuid("00000000-0000-0000-0000-000000000000")[1:] == (0, "ncs", None)
    assert parse_uuid("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")[1:] == (15, "future", None)
    assert parse_uuid("017f22e2-79b0-7cc3-c8c4-dc0c0c07398f")[1:] == (7, "microsoft", None)
    assert parse_uuid("017f22e2-79b0-7cc3-08c4-dc0c0c07398f")[1:] == (7, "ncs", None)


def test_parse_v1_before_1970_floors() -> None:
    v1 = str(uuid.UUID(fields=(0, 0, 0x1000, 0x80, 0, 0)))  # t60 = 0: 1582-10-15
    assert parse_uuid(v1).timestamp_ms == (0 - 0x01B21DD213814000) // 10_000 == -12219292800000


@pytest.mark.parametrize("form", [
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "{017F22E2-79B0-7CC3-98C4-DC0C0C07398F}",
    "urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "URN:Uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "017f22e279b07cc398c4dc0c0c07398f", "017F22E279B07CC398C4DC0C0C07398F",
])
def test_parse_accepts_the_documented_forms(form: str) -> None:
    assert str(parse_uuid(form).uuid) == "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"


@pytest.mark.parametrize("text", [
    "",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398f0",
    "017f22e279b0-7cc3-98c4-dc0c0c07398f-",
    "017f22e2-79b0-7cc3-98c4-dc0c0c07398g",
    "{017f22e279b07cc398c4dc0c0c07398f}",
    "urn:uuid:017f22e279b07cc398c4dc0c0c07398f",
    " 017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "+17f22e279b07cc398c4dc0c0c07398f",
    "017f_2e279b07cc398c4dc0c0c07398f",
    "０17f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "{017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
])
def test_parse_rejects_everything_else(text: str) -> None:
    with pytest.raises(InfraError) as exc:
        parse_uuid(text)
    _validation(exc, "text")


@pytest.mark.parametrize("value", [None, 5, b"017f22e2-79b0-7cc3-98c4-dc0c0c07398f", uuid.UUID(int=1)])
def test_parse_rejects_non_strings(value: object) -> None:
    with pytest.raises(InfraError) as exc:
        parse_uuid(value)  # type: ignore[arg-type]
    _validation(exc, "text")


def test_parse_error_message_is_bounded() -> None:
    with pytest.raises(InfraError) as exc:
        parse_uuid("x" * 100_000)
    assert len(exc.value.message) < 200


# -- conversions -----------------------------------------------------------------------------------


def test_conversions_round_trip() -> None:
    for _ in range(200):
        raw = os.urandom(16)
        u = uuid_from_bytes(raw)
        assert u == uuid.UUID(bytes=raw)
        assert uuid_to_bytes(u) == raw == uuid_to_bytes(str(u).upper())
        assert uuid_from_int(uuid_to_int(u)) == u == uuid_from_int(u.int)
        assert uuid_to_int(str(u)) == u.int


@pytest.mark.parametrize(("fn", "arg", "field"), [
    (uuid_from_bytes, bytes(15), "bytes"), (uuid_from_bytes, "00" * 16, "bytes"),
    (uuid_from_int, -1, "int"), (uuid_from_int, 1 << 128, "int"), (uuid_from_int, True, "int"),
    (uuid_from_int, 1.0, "int"),
    (uuid_to_bytes, "nope", "uuid"), (uuid_to_int, 5, "uuid"),
])
def test_conversions_reject_bad_input(fn: object, arg: object, field: str) -> None:
    with pytest.raises(InfraError) as exc:
        fn(arg)  # type: ignore[operator]
    _validation(exc, field)
