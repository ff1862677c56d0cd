"""Playground tool (Python side): a retry policy's delays for a given random stream."""

from __future__ import annotations

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import RetryPolicy


def run(inp: JSONObject) -> JSONValue:
    policy = RetryPolicy.from_dict({k: v for k, v in inp.items() if k != "random"})
    random = inp["random"]
    delays = policy.delays(random if isinstance(random, list) else [])  # type: ignore[arg-type]
    return {"delays_ms": list(delays), "total_ms": sum(delays), "retries": len(delays)}
