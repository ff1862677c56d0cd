"""Playground tool (Python side): RFC 8785 canonical JSON (JCS) of a document."""

from __future__ import annotations

import hashlib

from llm_infra_page_kit import document_of

from llm_infra._json_types import JSONObject, JSONValue


def run(inp: JSONObject) -> JSONValue:
    from llm_infra.json import canonical_bytes  # imported on first use: the page imports every tool at start-up

    data = canonical_bytes(document_of(inp["document"], "document"))
    return {"canonical": data.decode("utf-8"), "utf8_bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
