"""Edge routes of the json module, Python side (Pyodide inside workerd); served under ``/py``.

Bodies are read by the library's strict ``parse`` (duplicate keys, NaN, lone surrogates are 400
serialization errors), as on the TypeScript side."""

from __future__ import annotations

from llm_infra_edge import Request, route

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError
from llm_infra.json import apply_patch, canonicalize, diff, merge_patch_apply, parse, pointer_get


def _members(req: Request, *names: str) -> JSONObject:
    body = parse(req.body)
    if not isinstance(body, dict):
        raise InfraError.validation("body must be a JSON object", field="body")
    for name in names:
        if name not in body:
            raise InfraError.validation(f"body.{name} is required", field=name)
    return body


@route("POST", "/json/diff", "RFC 6902 patch from one document to another: {from, to} → {patch}")
def json_diff(req: Request) -> JSONValue:
    b = _members(req, "from", "to")
    return {"patch": diff(b["from"], b["to"])}  # type: ignore[dict-item]


@route("POST", "/json/patch", "Apply an RFC 6902 patch (atomic): {document, patch} → {document}")
def json_patch(req: Request) -> JSONValue:
    b = _members(req, "document", "patch")
    if not isinstance(b["patch"], list):
        raise InfraError.validation("body.patch must be an array of operations", field="patch")
    return {"document": apply_patch(b["document"], b["patch"])}


@route("POST", "/json/merge-patch", "Apply an RFC 7396 merge patch: {document, patch} → {document}")
def json_merge_patch(req: Request) -> JSONValue:
    b = _members(req, "document", "patch")
    return {"document": merge_patch_apply(b["document"], b["patch"])}


@route("POST", "/json/canonicalize", "RFC 8785 canonical JSON of the body (any JSON document) → {canonical}")
def json_canonicalize(req: Request) -> JSONValue:
    return {"canonical": canonicalize(parse(req.body))}


@route("POST", "/json/pointer", "Resolve an RFC 6901 pointer: {document, pointer} → {value}")
def json_pointer(req: Request) -> JSONValue:
    b = _members(req, "document", "pointer")
    if not isinstance(b["pointer"], str):
        raise InfraError.validation("body.pointer must be a string", field="pointer")
    return {"value": pointer_get(b["document"], b["pointer"])}
