"""Playground tool (Python side): decode a UUID, a ULID or a Snowflake ID (fields and timestamp)."""

from __future__ import annotations

from llm_infra_page_kit import iso_of_ms

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError

KINDS = ("uuid", "ulid", "snowflake")


def _time(ms: int | None) -> JSONValue:
    return None if ms is None else iso_of_ms(ms)


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import ids  # imported on first use: the page imports every tool at start-up

    kind = str(inp["kind"])
    text = str(inp["id"]).strip()
    if kind == "uuid":
        u = ids.parse_uuid(text)
        return {"uuid": str(u.uuid), "version": u.version, "variant": u.variant, "timestamp_ms": u.timestamp_ms,
                "time": _time(u.timestamp_ms), "hex": u.hex, "as_ulid": ids.uuid_to_ulid(u.uuid)}
    if kind == "ulid":
        parts = ids.decode_ulid(text)
        return {"timestamp_ms": parts.timestamp_ms, "time": _time(parts.timestamp_ms), "random": parts.random.hex(),
                "as_uuid": str(ids.ulid_to_uuid(text))}
    if kind == "snowflake":
        s = ids.decode_snowflake(text, epoch_ms=inp["epoch_ms"])  # type: ignore[arg-type]
        return {"timestamp_ms": s.timestamp_ms, "time": _time(s.timestamp_ms), "datacenter_id": s.datacenter_id,
                "worker_id": s.worker_id, "sequence": s.sequence}
    raise InfraError.validation(f"kind must be one of {', '.join(KINDS)}", field="kind")
