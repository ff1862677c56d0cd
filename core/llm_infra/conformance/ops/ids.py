"""Vector ops of ``llm_infra.ids``.

Catalog ops: ``ids.uuid4.encode``, ``ids.uuid7.encode``, ``ids.uuid.parse``, ``ids.ulid.encode``,
``ids.ulid.decode``, ``ids.nanoid.generate``, ``ids.snowflake.encode``, ``ids.snowflake.decode``.
Added: ``ids.uuid.{from_bytes,to_bytes,from_int,to_int}``, ``ids.ulid.{timestamp,to_uuid,from_uuid}``,
and the generator sequences ``ids.{uuid4,uuid7,ulid,nanoid,snowflake}.sequence``, which drive a
generator with a scripted clock (``clock``: integers, or ``[value, times]`` runs) and a byte
stream (``random``: hex), and report what it made, how often it read the clock, how many random
bytes it took, and the kind of the error that stopped it (``null`` if none).
"""

from __future__ import annotations

from collections.abc import Callable

from ..._json_types import JSONObject, JSONValue
from ...errors import InfraError
from ...ids import (
    SnowflakeGenerator,
    UlidGenerator,
    Uuid4Generator,
    Uuid7Generator,
    custom_random,
    decode_snowflake,
    decode_ulid,
    encode_snowflake,
    encode_ulid,
    encode_uuid4,
    encode_uuid7,
    parse_uuid,
    ulid_timestamp,
    ulid_to_uuid,
    uuid_from_bytes,
    uuid_from_int,
    uuid_to_bytes,
    uuid_to_int,
    uuid_to_ulid,
)
from .._registry import register
from ._inputs import opt, req, req_bytes, req_int, req_list, req_str


class _ScriptEndError(Exception):
    """The vector's clock script or byte stream ran out (a broken vector, not a generator error)."""


def _integral(value: JSONValue) -> JSONValue:
    # JSON 5.0 is the integer 5 in JavaScript: read it the same way here
    return int(value) if isinstance(value, float) and value.is_integer() else value


class _Clock:
    def __init__(self, inp: JSONObject) -> None:
        self.values: list[JSONValue] = []
        for i, item in enumerate(req_list(inp, "clock")):
            if isinstance(item, list):
                if len(item) != 2 or not isinstance(item[1], int) or isinstance(item[1], bool) or item[1] < 0:
                    raise InfraError.validation(f"input.clock[{i}] must be a value or [value, times]", field="clock")
                self.values.extend([_integral(item[0])] * item[1])
            else:
                self.values.append(_integral(item))
        self.reads = 0

    def __call__(self) -> int:
        if self.reads >= len(self.values):
            raise _ScriptEndError(f"the clock script ended after {self.reads} reads")
        value = self.values[self.reads]
        self.reads += 1
        return value  # type: ignore[return-value]  # the generator checks it


class _Stream:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def __call__(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise _ScriptEndError(f"the random stream ended: {n} bytes asked at offset {self.pos} of {len(self.data)}")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


def _decimal(inp: JSONObject, name: str) -> int:
    text = req_str(inp, name)
    if not (text.isascii() and text.isdigit()) or (text[0] == "0" and text != "0") or len(text) > 40:
        raise InfraError.validation(f"input.{name} must be a decimal string", field=name)
    return int(text)


def _sequence(inp: JSONObject, make: Callable[[], JSONValue]) -> tuple[list[JSONValue], str | None]:
    count = req_int(inp, "count")
    skip = req_int(inp, "skip") if "skip" in inp else 0
    out: list[JSONValue] = []
    try:
        for i in range(skip + count):
            value = make()
            if i >= skip:
                out.append(value)
    except InfraError as exc:
        return out, exc.kind.value
    except _ScriptEndError as exc:
        raise InfraError.validation(f"vector input too short: {exc}") from None
    return out, None


# -- UUID ----------------------------------------------------------------------------------------


@register("ids.uuid4.encode")
def uuid4_encode(inp: JSONObject) -> JSONObject:
    return {"uuid": str(encode_uuid4(req_bytes(inp, "random")))}


@register("ids.uuid7.encode")
def uuid7_encode(inp: JSONObject) -> JSONObject:
    return {"uuid": str(encode_uuid7(req_int(inp, "timestamp_ms"), req_bytes(inp, "random")))}


@register("ids.uuid.parse")
def uuid_parse(inp: JSONObject) -> JSONObject:
    info = parse_uuid(req(inp, "text"))  # type: ignore[arg-type]  # the parser checks the type
    return {"version": info.version, "variant": info.variant, "timestamp_ms": info.timestamp_ms, "hex": info.hex}


@register("ids.uuid.from_bytes")
def uuid_from_bytes_op(inp: JSONObject) -> JSONObject:
    return {"uuid": str(uuid_from_bytes(req_bytes(inp, "bytes")))}


@register("ids.uuid.to_bytes")
def uuid_to_bytes_op(inp: JSONObject) -> JSONObject:
    return {"bytes": uuid_to_bytes(req(inp, "uuid")).hex()}  # type: ignore[arg-type]


@register("ids.uuid.from_int")
def uuid_from_int_op(inp: JSONObject) -> JSONObject:
    return {"uuid": str(uuid_from_int(_decimal(inp, "int")))}


@register("ids.uuid.to_int")
def uuid_to_int_op(inp: JSONObject) -> JSONObject:
    return {"int": str(uuid_to_int(req(inp, "uuid")))}  # type: ignore[arg-type]


@register("ids.uuid4.sequence")
def uuid4_sequence(inp: JSONObject) -> JSONObject:
    stream = _Stream(req_bytes(inp, "random"))
    gen = Uuid4Generator(random=stream)
    as_object = opt(inp, "form") == "object"  # the uuid.UUID path
    uuids, error = _sequence(inp, (lambda: str(gen.next())) if as_object else gen.next_str)
    return {"uuids": uuids, "random_bytes_read": stream.pos, "error": error}


@register("ids.uuid7.sequence")
def uuid7_sequence(inp: JSONObject) -> JSONObject:
    clock = _Clock(inp)
    stream = _Stream(req_bytes(inp, "random"))
    gen = Uuid7Generator(clock=clock, random=stream)
    as_object = opt(inp, "form") == "object"  # the uuid.UUID path, which formats differently
    uuids, error = _sequence(inp, (lambda: str(gen.next())) if as_object else gen.next_str)
    return {"uuids": uuids, "clock_reads": clock.reads, "random_bytes_read": stream.pos, "error": error}


# -- ULID ----------------------------------------------------------------------------------------


@register("ids.ulid.encode")
def ulid_encode(inp: JSONObject) -> JSONObject:
    return {"ulid": encode_ulid(req_int(inp, "timestamp_ms"), req_bytes(inp, "random"))}


@register("ids.ulid.decode")
def ulid_decode(inp: JSONObject) -> JSONObject:
    parts = decode_ulid(req(inp, "ulid"))  # type: ignore[arg-type]
    return {"timestamp_ms": parts.timestamp_ms, "random": parts.random.hex()}


@register("ids.ulid.timestamp")
def ulid_timestamp_op(inp: JSONObject) -> JSONObject:
    return {"timestamp_ms": ulid_timestamp(req(inp, "ulid"))}  # type: ignore[arg-type]


@register("ids.ulid.to_uuid")
def ulid_to_uuid_op(inp: JSONObject) -> JSONObject:
    return {"uuid": str(ulid_to_uuid(req(inp, "ulid")))}  # type: ignore[arg-type]


@register("ids.ulid.from_uuid")
def ulid_from_uuid_op(inp: JSONObject) -> JSONObject:
    return {"ulid": uuid_to_ulid(req(inp, "uuid"))}  # type: ignore[arg-type]


@register("ids.ulid.sequence")
def ulid_sequence(inp: JSONObject) -> JSONObject:
    clock = _Clock(inp)
    stream = _Stream(req_bytes(inp, "random"))
    monotonic = opt(inp, "monotonic", True)
    gen = UlidGenerator(clock=clock, random=stream, monotonic=monotonic)  # type: ignore[arg-type]
    ulids, error = _sequence(inp, gen.next)
    return {"ulids": ulids, "clock_reads": clock.reads, "random_bytes_read": stream.pos, "error": error}


# -- NanoID --------------------------------------------------------------------------------------


@register("ids.nanoid.generate")
def nanoid_generate(inp: JSONObject) -> JSONObject:
    stream = _Stream(req_bytes(inp, "random"))
    gen = custom_random(req(inp, "alphabet"), req(inp, "size"), stream)  # type: ignore[arg-type]
    try:
        return {"id": gen()}
    except _ScriptEndError as exc:
        raise InfraError.validation(f"random: {exc}", field="random") from None


@register("ids.nanoid.sequence")
def nanoid_sequence(inp: JSONObject) -> JSONObject:
    stream = _Stream(req_bytes(inp, "random"))
    gen = custom_random(req(inp, "alphabet"), req(inp, "size"), stream)  # type: ignore[arg-type]
    out: list[JSONValue] = []
    try:
        for size in req_list(inp, "calls"):
            out.append(gen() if size is None else gen(_integral(size)))  # type: ignore[arg-type]
    except _ScriptEndError as exc:
        raise InfraError.validation(f"random: {exc}", field="random") from None
    return {"ids": out, "random_bytes_read": stream.pos}


# -- Snowflake -----------------------------------------------------------------------------------


@register("ids.snowflake.encode")
def snowflake_encode(inp: JSONObject) -> JSONObject:
    value = encode_snowflake(
        _integral(req(inp, "timestamp_ms")), _integral(req(inp, "datacenter_id")),  # type: ignore[arg-type]
        _integral(req(inp, "worker_id")), _integral(req(inp, "sequence")),  # type: ignore[arg-type]
        epoch_ms=_integral(req(inp, "epoch_ms")),  # type: ignore[arg-type]
    )
    return {"id": str(value)}


@register("ids.snowflake.decode")
def snowflake_decode(inp: JSONObject) -> JSONObject:
    parts = decode_snowflake(req_str(inp, "id"), epoch_ms=_integral(req(inp, "epoch_ms")))  # type: ignore[arg-type]
    return {"timestamp_ms": parts.timestamp_ms, "datacenter_id": parts.datacenter_id,
            "worker_id": parts.worker_id, "sequence": parts.sequence}


@register("ids.snowflake.sequence")
def snowflake_sequence(inp: JSONObject) -> JSONObject:
    clock = _Clock(inp)
    gen = SnowflakeGenerator(
        _integral(req(inp, "datacenter_id")), _integral(req(inp, "worker_id")),  # type: ignore[arg-type]
        epoch_ms=_integral(req(inp, "epoch_ms")), clock=clock,  # type: ignore[arg-type]
        max_backward_ms=_integral(opt(inp, "max_backward_ms", 10)),  # type: ignore[arg-type]
    )
    ids, error = _sequence(inp, gen.next_str)
    return {"ids": ids, "clock_reads": clock.reads, "error": error}
