"""Snowflake: layout, strict decoding, and the generator's sequence, exhaustion and clock-regression rules."""

from __future__ import annotations

import threading
import time

import pytest

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.ids import TWITTER_EPOCH_MS, SnowflakeGenerator, SnowflakeParts, decode_snowflake, encode_snowflake
from tests.conftest import IN_PYODIDE
from tests.core.ids._util import Ticks

EP = TWITTER_EPOCH_MS
T = EP + 1_000_000
MAX_ID = (1 << 63) - 1


def test_layout_edges() -> None:
    assert encode_snowflake(EP, 0, 0, 0) == 0
    assert encode_snowflake(EP, 31, 31, 4095) == (1 << 22) - 1
    assert encode_snowflake(EP + (1 << 41) - 1, 31, 31, 4095) == MAX_ID
    assert encode_snowflake(1, 1, 1, 1, epoch_ms=0) == (1 << 22) | (1 << 17) | (1 << 12) | 1
    assert decode_snowflake(MAX_ID) == SnowflakeParts(EP + (1 << 41) - 1, 31, 31, 4095)
    assert decode_snowflake("0", epoch_ms=5) == (5, 0, 0, 0)


def test_round_trip() -> None:
    import random

    rng = random.Random(5)
    for _ in range(500):
        epoch = rng.randrange(1 << 48)
        parts = (epoch + rng.randrange(1 << 41), rng.randrange(32), rng.randrange(32), rng.randrange(4096))
        n = encode_snowflake(*parts, epoch_ms=epoch)
        assert 0 <= n <= MAX_ID
        assert decode_snowflake(n, epoch_ms=epoch) == parts == decode_snowflake(str(n), epoch_ms=epoch)


@pytest.mark.parametrize(("args", "field"), [
    ((EP - 1, 0, 0, 0), "timestamp_ms"), ((EP + (1 << 41), 0, 0, 0), "timestamp_ms"), ((EP, 32, 0, 0), "datacenter_id"),
    ((EP, -1, 0, 0), "datacenter_id"), ((EP, 0, 32, 0), "worker_id"), ((EP, 0, 0, 4096), "sequence"),
    ((EP, 0, 0, -1), "sequence"), ((float(EP), 0, 0, 0), "timestamp_ms"), ((EP, True, 0, 0), "datacenter_id"),
    ((EP, 0, "1", 0), "worker_id"),
])
def test_encode_rejects(args: tuple[object, ...], field: str) -> None:
    with pytest.raises(InfraError) as exc:
        encode_snowflake(*args)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION and exc.value.context["field"] == field


@pytest.mark.parametrize("epoch", [-1, 1 << 48, 1.0, None])
def test_epoch_is_a_48_bit_integer(epoch: object) -> None:
    with pytest.raises(InfraError) as exc:
        decode_snowflake(0, epoch_ms=epoch)  # type: ignore[arg-type]
    assert exc.value.context["field"] == "epoch_ms"


@pytest.mark.parametrize("value", ["-1", str(1 << 63), "01", " 1", "+1", "1_000", "١٢", "1" * 20, "", "1e3", "0x1", -1,
                                   1 << 63, 1.0, None, True])
def test_decode_rejects(value: object) -> None:
    with pytest.raises(InfraError) as exc:
        decode_snowflake(value)  # type: ignore[arg-type]
    assert exc.value.context["field"] == "id"


# -- the generator ---------------------------------------------------------------------------------


def _parts(ident: int) -> SnowflakeParts:
    return decode_snowflake(ident)


def test_sequence_within_and_across_milliseconds() -> None:
    gen = SnowflakeGenerator(3, 4, clock=Ticks([T, T, T, T + 1, T + 1, T + 9]))
    ids = [gen.next() for _ in range(6)]
    assert [_parts(i) for i in ids] == [(T, 3, 4, 0), (T, 3, 4, 1), (T, 3, 4, 2), (T + 1, 3, 4, 0), (T + 1, 3, 4, 1),
                                        (T + 9, 3, 4, 0)]
    assert gen.next_str() == str(encode_snowflake(T + 9, 3, 4, 1))


def test_sequence_exhaustion_waits_for_the_next_millisecond() -> None:
    clock = Ticks([T] * 4096 + [T, T, T, T + 1])
    gen = SnowflakeGenerator(0, 0, clock=clock)
    ids = [gen.next() for _ in range(4097)]
    assert _parts(ids[4095]) == (T, 0, 0, 4095) and _parts(ids[4096]) == (T + 1, 0, 0, 0)
    assert clock.reads == 4096 + 4  # the 4097th read the clock until it moved on
    assert len(set(ids)) == 4097 and ids == sorted(ids)


def test_small_regression_is_waited_out() -> None:
    clock = Ticks([T, T - 4, T - 3, T - 1, T, T])
    gen = SnowflakeGenerator(1, 1, clock=clock, max_backward_ms=5)
    ids = [gen.next() for _ in range(3)]
    assert [_parts(i)[0::3] for i in ids] == [(T, 0), (T, 1), (T, 2)]  # the same-ms branch after the wait
    assert clock.reads == 6


def test_large_regression_raises_external_retryable() -> None:
    gen = SnowflakeGenerator(1, 1, clock=Ticks([T, T - 11]), max_backward_ms=10)
    first = gen.next()
    with pytest.raises(InfraError) as exc:
        gen.next()
    err = exc.value
    assert err.kind is ErrorKind.EXTERNAL and err.retryable
    assert err.context == {"last_ms": T, "now_ms": T - 11, "behind_ms": 11, "max_backward_ms": 10}
    assert _parts(first)[0] == T


def test_zero_bound_raises_on_any_regression() -> None:
    gen = SnowflakeGenerator(1, 1, clock=Ticks([T, T - 1]), max_backward_ms=0)
    gen.next()
    with pytest.raises(InfraError) as exc:
        gen.next()
    assert exc.value.kind is ErrorKind.EXTERNAL


def test_regression_is_checked_before_the_same_millisecond_branch() -> None:
    # a clock that steps back by one then returns: never the same (ms, sequence) twice
    clock = Ticks([T, T + 1, T, T + 1, T + 1])
    gen = SnowflakeGenerator(1, 1, clock=clock)
    ids = [gen.next() for _ in range(4)]
    assert [_parts(i)[0::3] for i in ids] == [(T, 0), (T + 1, 0), (T + 1, 1), (T + 1, 2)]
    assert len(set(ids)) == 4


def test_a_stuck_clock_times_out_instead_of_hanging() -> None:
    gen = SnowflakeGenerator(1, 1, clock=Ticks([T]))  # frozen forever
    for _ in range(4096):
        gen.next()
    with pytest.raises(InfraError) as exc:
        gen.next()  # waits for T + 1 that never comes: gives up after about a second
    assert exc.value.kind is ErrorKind.TIMEOUT and exc.value.context["field"] == "clock"


@pytest.mark.parametrize(("reading", "why"), [(EP - 1, "before the epoch"), (EP + (1 << 41), "41-bit"),
                                              (float(T), "integer"), (None, "integer"), (True, "integer")])
def test_bad_clock_readings(reading: object, why: str) -> None:
    with pytest.raises(InfraError) as exc:
        SnowflakeGenerator(1, 1, clock=lambda: reading).next()  # type: ignore[arg-type, return-value]
    assert exc.value.kind is ErrorKind.VALIDATION and exc.value.context["field"] == "clock" and why in exc.value.message


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"datacenter_id": 32, "worker_id": 0}, "datacenter_id"), ({"datacenter_id": 0, "worker_id": -1}, "worker_id"),
    ({"datacenter_id": 0, "worker_id": 0, "epoch_ms": -1}, "epoch_ms"),
    ({"datacenter_id": 0, "worker_id": 0, "max_backward_ms": 60_001}, "max_backward_ms"),
    ({"datacenter_id": 0, "worker_id": 0, "max_backward_ms": -1}, "max_backward_ms"),
    ({"datacenter_id": 0, "worker_id": 0, "clock": 5}, "clock"),
    ({"datacenter_id": "0", "worker_id": 0}, "datacenter_id"),
])
def test_construction_is_validated(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InfraError) as exc:
        SnowflakeGenerator(**kwargs)  # type: ignore[arg-type]
    assert exc.value.context["field"] == field


def test_default_clock_and_properties() -> None:
    gen = SnowflakeGenerator(7, 9)
    assert (gen.datacenter_id, gen.worker_id, gen.epoch_ms) == (7, 9, EP) and "worker_id=9" in repr(gen)
    before = time.time_ns() // 1_000_000
    ids = [gen.next() for _ in range(10_000)]
    after = time.time_ns() // 1_000_000
    assert ids == sorted(ids) and len(set(ids)) == 10_000
    assert before <= _parts(ids[0]).timestamp_ms and _parts(ids[-1]).timestamp_ms <= after
    assert {(_parts(i).datacenter_id, _parts(i).worker_id) for i in ids} == {(7, 9)}


@pytest.mark.skipif(IN_PYODIDE, reason="Pyodide (wasm) cannot start threads")
def test_generator_is_thread_safe() -> None:
    gen = SnowflakeGenerator(1, 2)
    results: list[list[int]] = [[] for _ in range(4)]

    def work(out: list[int]) -> None:
        out.extend(gen.next() for _ in range(10_000))

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({i for r in results for i in r}) == 40_000
    assert all(r == sorted(r) for r in results)
