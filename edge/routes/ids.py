"""Edge routes of the ids module, Python side (Pyodide inside workerd); served under ``/py``."""

from __future__ import annotations

from llm_infra_edge import Request, route

from llm_infra._json_types import JSONValue
from llm_infra.ids import (
    TWITTER_EPOCH_MS,
    custom_alphabet,
    decode_snowflake,
    decode_ulid,
    nanoid,
    parse_uuid,
    ulid,
    uuid4_str,
    uuid7_str,
)


def _iso(ms: int | None) -> str | None:
    """Unix ms as JavaScript's ``toISOString`` prints them (years past 9999 as +YYYYYY, as a ULID may hold)."""
    if ms is None:
        return None
    days, rest = divmod(ms, 86_400_000)
    z = days + 719468  # H. Hinnant's civil-from-days
    era, doe = divmod(z, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day, month = doy - (153 * mp + 2) // 5 + 1, mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (month <= 2)
    y = f"{year:04d}" if 0 <= year <= 9999 else f"{'+' if year > 0 else '-'}{abs(year):06d}"
    h, rest = divmod(rest, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{y}-{month:02d}-{day:02d}T{h:02d}:{m:02d}:{s:02d}.{milli:03d}Z"


@route("GET", "/ulid", "A new ULID, from the Python core (the same as /py/id/ulid).")
@route("GET", "/id/ulid", "A new ULID.")
def new_ulid(req: Request) -> JSONValue:
    return {"ulid": ulid()}


@route("GET", "/id/uuid7", "A new UUIDv7 (time-ordered).")
def new_uuid7(req: Request) -> JSONValue:
    return {"uuid": uuid7_str()}


@route("GET", "/id/uuid4", "A new UUIDv4 (random).")
def new_uuid4(req: Request) -> JSONValue:
    return {"uuid": uuid4_str()}


@route("GET", "/id/nanoid", "A new NanoID: ?size=21&alphabet=")
def new_nanoid(req: Request) -> JSONValue:
    size = req.number("size", 21)
    alphabet = req.string("alphabet", "")
    return {"nanoid": nanoid(size) if alphabet == "" else custom_alphabet(alphabet, size)()}  # type: ignore[arg-type]


@route("GET", "/id/ulid/decode", "A ULID's timestamp (ms, ISO) and random bits: ?ulid=")
def ulid_decode(req: Request) -> JSONValue:
    parts = decode_ulid(req.string("ulid"))
    return {"timestamp_ms": parts.timestamp_ms, "time": _iso(parts.timestamp_ms), "random": parts.random.hex()}


@route("GET", "/id/uuid/parse", "A UUID's version, variant and timestamp: ?uuid=")
def uuid_parse(req: Request) -> JSONValue:
    u = parse_uuid(req.string("uuid"))
    return {"uuid": str(u.uuid), "version": u.version, "variant": u.variant, "timestamp_ms": u.timestamp_ms,
            "time": _iso(u.timestamp_ms)}


@route("GET", "/id/snowflake/decode", "A Snowflake ID's fields: ?id=&epoch_ms=")
def snowflake_decode(req: Request) -> JSONValue:
    s = decode_snowflake(req.string("id"), epoch_ms=req.number("epoch_ms", TWITTER_EPOCH_MS))  # type: ignore[arg-type]
    return {"timestamp_ms": s.timestamp_ms, "time": _iso(s.timestamp_ms), "datacenter_id": s.datacenter_id,
            "worker_id": s.worker_id, "sequence": s.sequence}
