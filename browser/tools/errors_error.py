"""Playground tool (Python side): build an ``InfraError`` from kind, message, context and retry hint; show its JSON."""

from __future__ import annotations

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError


def run(inp: JSONObject) -> JSONValue:
    context = inp["context"]
    if not isinstance(context, dict):
        raise InfraError.validation("context must be a JSON object", field="context")
    retryable = inp["retryable"]
    err = InfraError(str(inp["kind"]), str(inp["message"]), context=context,
                     retryable=retryable if isinstance(retryable, bool) else None)
    return {"error": err.to_dict(), "wire": err.to_json()}
