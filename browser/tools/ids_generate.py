"""Playground tool (Python side): generate IDs from one clock reading and one stream of random bytes."""

from __future__ import annotations

from collections.abc import Callable

from llm_infra_page_kit import bytes_of_hex, integer

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError

KINDS = ("uuid7", "uuid4", "ulid", "nanoid", "snowflake")


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import ids  # imported on first use: the page imports every tool at start-up

    kind = str(inp["kind"])
    count = integer(inp["count"], "count", 1, 10)
    ms = inp["timestamp_ms"]
    stream = bytes_of_hex(inp["random"], "random")
    used = 0

    def random(n: int) -> bytes:
        nonlocal used
        if used + n > len(stream):
            raise InfraError.validation(
                f"random: the {len(stream)} bytes given are used up ({used} read, {n} more needed); "
                "add bytes or lower the count", field="random")
        used += n
        return stream[used - n:used]

    def clock() -> int:
        return ms  # type: ignore[return-value]  # the library checks it

    nxt: Callable[[], str]
    if kind == "uuid7":
        nxt = ids.Uuid7Generator(clock=clock, random=random).next_str
    elif kind == "uuid4":
        nxt = ids.Uuid4Generator(random=random).next_str
    elif kind == "ulid":
        nxt = ids.UlidGenerator(clock=clock, random=random).next
    elif kind == "nanoid":
        nxt = ids.custom_random(str(inp["alphabet"]), inp["size"], random)  # type: ignore[arg-type]
    elif kind == "snowflake":
        nxt = ids.SnowflakeGenerator(inp["datacenter_id"], inp["worker_id"], clock=clock).next_str  # type: ignore[arg-type]
    else:
        raise InfraError.validation(f"kind must be one of {', '.join(KINDS)}", field="kind")
    out: list[JSONValue] = [nxt() for _ in range(count)]
    return {"kind": kind, "ids": out, "random_bytes_read": used}
