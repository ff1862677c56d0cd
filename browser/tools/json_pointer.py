"""Playground tool (Python side): resolve an RFC 6901 JSON Pointer in a document."""

from __future__ import annotations

from llm_infra_page_kit import document_of

from llm_infra._json_types import JSONObject, JSONValue


def run(inp: JSONObject) -> JSONValue:
    from llm_infra.json import pointer_get, pointer_parse  # imported on first use, not at the page's start

    doc = document_of(inp["document"], "document")
    pointer = str(inp["pointer"])
    return {"tokens": list(pointer_parse(pointer)), "value": pointer_get(doc, pointer)}
