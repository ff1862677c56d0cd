"""Edge routes of the errors module, Python side (Pyodide inside workerd); served under ``/py``."""

from __future__ import annotations

from llm_infra_edge import Request, route

from llm_infra._json_types import JSONValue
from llm_infra.errors import InfraError, RetryPolicy


@route("GET", "/errors/retry-delays",
       "A RetryPolicy's delays: ?initial_ms&multiplier&max_ms&max_attempts&jitter&random=0.5,0.25")
def retry_delays(req: Request) -> JSONValue:
    policy = RetryPolicy.from_dict({
        "initial_ms": req.number("initial_ms", 100),
        "multiplier": req.number("multiplier", 2),
        "max_ms": req.number("max_ms", 10_000),
        "max_attempts": req.number("max_attempts", 3),
        "jitter": req.string("jitter", "full"),
    })
    delays: list[JSONValue] = list(policy.delays(req.numbers("random", [])))
    return {"delays_ms": delays}


@route("POST", "/errors/error", "An InfraError's JSON from {kind, message, context?, retryable?}")
def error(req: Request) -> JSONValue:
    body = req.json()
    if not isinstance(body, dict):
        raise InfraError.validation("body must be a JSON object", field="body")
    kind, message = body.get("kind"), body.get("message")
    context, retryable = body.get("context"), body.get("retryable")
    if not isinstance(kind, str) or not isinstance(message, str):
        raise InfraError.validation("body.kind and body.message must be strings", field="body")
    if context is not None and not isinstance(context, dict):
        raise InfraError.validation("body.context must be a JSON object", field="context")
    if retryable is not None and not isinstance(retryable, bool):
        raise InfraError.validation("body.retryable must be a boolean", field="retryable")
    return {"error": InfraError(kind, message, context=context, retryable=retryable).to_dict()}
