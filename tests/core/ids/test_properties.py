"""Property tests: round trips, parsers that only ever return a result or raise InfraError, and
monotonic generators that sort in creation order under frozen, backwards and wandering clocks."""

from __future__ import annotations

import random
import uuid

from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import InfraError
from llm_infra.ids import (
    SnowflakeGenerator,
    UlidGenerator,
    Uuid7Generator,
    custom_alphabet,
    custom_random,
    decode_snowflake,
    decode_ulid,
    encode_snowflake,
    encode_ulid,
    parse_uuid,
    ulid_to_uuid,
    uuid_from_int,
    uuid_to_ulid,
)
from tests.core.ids._util import Stream

MAX48 = (1 << 48) - 1
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

timestamps = st.integers(0, MAX48)
random10 = st.binary(min_size=10, max_size=10)
# random streams: a short arbitrary head (all-ones and other extremes) then seeded bytes
stream_bytes = st.builds(lambda head, seed: head + random.Random(seed).randbytes(4096),
                         st.binary(max_size=24), st.integers(0, 2**32))
# clock scripts near a fixed instant: frozen, going backwards, or wandering both ways
T = 1_700_000_000_000
frozen = st.integers(T - 5, T + 5).map(lambda t: [t] * 40)
backwards = st.lists(st.integers(0, 50), min_size=1, max_size=40).map(
    lambda steps: [T - sum(steps[:i]) for i in range(len(steps))])
wandering = st.lists(st.integers(T - 20, T + 20), min_size=1, max_size=40)
clocks = st.one_of(frozen, backwards, wandering)


def _run(make: object, n: int) -> list[object]:
    return [make() for _ in range(n)]  # type: ignore[operator]


def _ticks(script: list[int]) -> object:
    """The script's readings, then a clock that moves on by 1 ms per read (so every wait ends)."""
    it = iter(script)
    last = [script[0]]

    def clock() -> int:
        nxt = next(it, None)
        last[0] = last[0] + 1 if nxt is None else nxt
        return last[0]

    return clock


@given(timestamps, random10)
def test_ulid_round_trip(ms: int, raw: bytes) -> None:
    text = encode_ulid(ms, raw)
    assert decode_ulid(text) == (ms, raw) == decode_ulid(text.lower())
    assert uuid_to_ulid(ulid_to_uuid(text)) == text


@given(st.text(max_size=40) | st.text(alphabet=CROCKFORD + CROCKFORD.lower() + "ILOU-", min_size=24, max_size=28))
def test_ulid_decode_only_returns_or_raises_infra_error(text: str) -> None:
    try:
        parts = decode_ulid(text)
    except InfraError as exc:
        assert exc.context["field"] == "ulid"
        return
    assert encode_ulid(*parts) == text.upper()


@given(st.integers(0, (1 << 128) - 1))
def test_uuid_forms_agree_with_the_stdlib(n: int) -> None:
    u = uuid.UUID(int=n)
    for text in (str(u), str(u).upper(), u.hex, "{" + str(u) + "}", u.urn):
        info = parse_uuid(text)
        assert info.uuid == u == uuid_from_int(n) and info.hex == u.hex
        assert info.version == (n >> 76) & 0xF


@given(st.text(max_size=50) | st.text(alphabet="0123456789abcdefABCDEF-{}urn:id", min_size=30, max_size=46))
def test_uuid_parse_only_returns_or_raises_infra_error(text: str) -> None:
    try:
        info = parse_uuid(text)
    except InfraError as exc:
        assert exc.context["field"] == "text"
        return
    assert uuid.UUID(text) == info.uuid  # whatever we accept, CPython reads the same way


@given(st.integers(0, MAX48), st.integers(0, (1 << 41) - 1), st.integers(0, 31), st.integers(0, 31),
       st.integers(0, 4095))
def test_snowflake_round_trip(epoch: int, delta: int, dc: int, worker: int, seq: int) -> None:
    n = encode_snowflake(epoch + delta, dc, worker, seq, epoch_ms=epoch)
    assert decode_snowflake(str(n), epoch_ms=epoch) == (epoch + delta, dc, worker, seq)


@given(st.text(alphabet="0123456789-+ _x", max_size=22) | st.text(max_size=5))
def test_snowflake_decode_only_returns_or_raises_infra_error(text: str) -> None:
    try:
        parts = decode_snowflake(text, epoch_ms=0)
    except InfraError:
        return
    assert str(encode_snowflake(*parts, epoch_ms=0)) == text


@given(clocks, stream_bytes)
def test_uuid7_sequences_sort_in_creation_order(script: list[int], data: bytes) -> None:
    gen = Uuid7Generator(clock=_ticks(script), random=Stream(data))  # type: ignore[arg-type]
    ids = [gen.next_str() for _ in range(len(script) + 20)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert [uuid.UUID(s) for s in ids] == sorted(uuid.UUID(s) for s in ids)  # byte order too


@given(clocks, stream_bytes)
def test_ulid_sequences_sort_in_creation_order(script: list[int], data: bytes) -> None:
    gen = UlidGenerator(clock=_ticks(script), random=Stream(data))  # type: ignore[arg-type]
    try:
        ids = [gen.next() for _ in range(len(script) + 20)]
    except InfraError:  # only a 2**80 overflow could stop it: the stream would have to start near all ones
        assert b"\xff" * 9 in data
        return
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


@given(st.lists(st.integers(-3, 3), min_size=1, max_size=60))
def test_snowflake_sequences_never_repeat(steps: list[int]) -> None:
    script = [T + sum(steps[: i + 1]) for i in range(len(steps))]
    gen = SnowflakeGenerator(1, 1, clock=_ticks(script), max_backward_ms=4)  # type: ignore[arg-type]
    ids: list[int] = []
    try:
        for _ in range(len(script)):
            ids.append(gen.next())
    except InfraError as exc:  # a regression of more than 4 ms
        assert exc.kind.value == "external"
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


@given(st.lists(st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), min_size=2, max_size=256, unique=True),
       st.integers(0, 300), stream_bytes)
def test_nanoid_ids_use_only_the_alphabet(chars: list[str], size: int, data: bytes) -> None:
    alphabet = "".join(chars)
    pooled = custom_alphabet(alphabet, size)()
    assert len(pooled) == size and set(pooled) <= set(alphabet)
    stream = Stream(data * 32)
    out = custom_random(alphabet, size, stream)()
    assert len(out) == size and set(out) <= set(alphabet)
