"""Playground tool (Python side): the RFC 6902 patch and the RFC 7396 merge patch from one document to another."""

from __future__ import annotations

from llm_infra_page_kit import document_of

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import ErrorKind, InfraError


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import json as j  # imported on first use: the page imports every tool at start-up

    old = document_of(inp["from"], "from")
    new = document_of(inp["to"], "to")
    patch = j.diff(old, new)
    out: JSONObject = {"patch": patch, "patch_gives_to": j.json_equal(j.apply_patch(old, patch), new)}  # type: ignore[dict-item]
    try:
        merge = j.merge_patch_create(old, new)
        out["merge_patch"] = merge
        out["merge_patch_gives_to"] = j.json_equal(j.merge_patch_apply(old, merge), new)
    except InfraError as exc:
        # a merge patch cannot set a member to null (null deletes): shown next to the JSON Patch that can
        if exc.kind is not ErrorKind.VALIDATION:
            raise
        out["merge_patch"] = None
        out["merge_patch_error"] = exc.message
    return out
