"""Playground tool (Python side): the RFC 6902 patch and the RFC 7396 merge patch from one document to another."""

from __future__ import annotations

from llm_infra_page_kit import document_of

from llm_infra._json_types import JSONObject, JSONValue


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import json as j  # imported on first use: the page imports every tool at start-up

    old = document_of(inp["from"], "from")
    new = document_of(inp["to"], "to")
    patch = j.diff(old, new)
    merge = j.merge_patch_create(old, new)
    return {
        "patch": patch,  # type: ignore[dict-item]
        "merge_patch": merge,
        "patch_gives_to": j.json_equal(j.apply_patch(old, patch), new),
        "merge_patch_gives_to": j.json_equal(j.merge_patch_apply(old, merge), new),
    }
