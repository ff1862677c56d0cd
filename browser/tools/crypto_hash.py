"""Playground tool (Python side): SHA-2 / BLAKE3 digests, HMAC and keyed BLAKE3, as hex."""

from __future__ import annotations

from llm_infra_page_kit import bytes_of, bytes_of_hex, integer, optional

from llm_infra._json_types import JSONObject, JSONValue

NAMES = {"sha256": "SHA-256", "sha384": "SHA-384", "sha512": "SHA-512", "blake3": "BLAKE3"}


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import crypto  # imported on first use: the page imports every tool at start-up

    alg = str(inp["alg"])
    data = bytes_of(inp["data"], inp["encoding"], "data")
    key_text = optional(inp["key"])
    key = None if key_text is None else bytes_of_hex(key_text, "key")
    if alg == "blake3":
        length = integer(inp["length"], "length", 0, 1024)
        out = crypto.blake3_hash(data, length) if key is None else crypto.blake3_keyed_hash(key, data, length)
        algorithm = "BLAKE3" if key is None else "BLAKE3 (keyed)"
    elif key is None:
        out = crypto.digest(alg, data)  # type: ignore[arg-type]  # the library checks it
        algorithm = NAMES.get(alg, alg)
    else:
        out = crypto.hmac_digest(alg, key, data)  # type: ignore[arg-type]
        algorithm = f"HMAC-{NAMES.get(alg, alg)}"
    return {"algorithm": algorithm, "data_bytes": len(data), "key_bytes": 0 if key is None else len(key),
            "hex": out.hex()}
