"""Vector ops of ``llm_infra.errors``: ``errors.retry.delays``, ``errors.error.create``, ``errors.error.roundtrip``."""

from __future__ import annotations

from ..._json_types import JSONObject
from ...errors import InfraError, RetryPolicy
from .._registry import register
from ._inputs import opt, req, req_float_list, req_obj, req_str


@register("errors.retry.delays")
def retry_delays(inp: JSONObject) -> JSONObject:
    policy = RetryPolicy.from_dict(req_obj(inp, "policy"))
    stream = req_float_list(inp, "random") if "random" in inp else []
    return {"delays_ms": list(policy.delays(stream))}


@register("errors.error.create")
def error_create(inp: JSONObject) -> JSONObject:
    context = opt(inp, "context")
    if context is not None and not isinstance(context, dict):
        raise InfraError.validation("input.context must be an object", field="context")
    retryable = opt(inp, "retryable")
    if retryable is not None and not isinstance(retryable, bool):
        raise InfraError.validation("input.retryable must be a boolean", field="retryable")
    err = InfraError(req_str(inp, "kind"), req_str(inp, "message"), context=context, retryable=retryable)
    return {"error": err.to_dict()}


@register("errors.error.roundtrip")
def error_roundtrip(inp: JSONObject) -> JSONObject:
    return {"error": InfraError.from_dict(req(inp, "error")).to_dict()}
