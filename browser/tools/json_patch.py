"""Playground tool (Python side): apply a JSON Patch (RFC 6902, atomic) or a Merge Patch (RFC 7396)."""

from __future__ import annotations

from llm_infra_page_kit import document_of

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import json as j  # imported on first use: the page imports every tool at start-up

    doc = document_of(inp["document"], "document")
    patch = document_of(inp["patch"], "patch")
    if inp["kind"] == "Merge Patch (RFC 7396)":
        return {"result": j.merge_patch_apply(doc, patch)}
    if not isinstance(patch, list):
        raise InfraError.validation("patch: a JSON Patch is an array of operations", field="patch")
    return {"result": j.apply_patch(doc, patch)}
