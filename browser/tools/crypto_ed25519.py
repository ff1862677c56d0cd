"""Playground tool (Python side): an Ed25519 key pair from a seed, a signature, and a verification."""

from __future__ import annotations

from llm_infra_page_kit import bytes_of, bytes_of_hex, optional

from llm_infra._json_types import JSONObject, JSONValue


def run(inp: JSONObject) -> JSONValue:
    from llm_infra.crypto import Ed25519PrivateKey  # imported on first use: the page imports every tool at start-up

    key = Ed25519PrivateKey.from_seed(bytes_of_hex(inp["seed"], "seed"))
    message = bytes_of(inp["message"], inp["encoding"], "message")
    signature = key.sign(message)
    given = optional(inp["signature"])
    checked = signature if given is None else bytes_of_hex(given, "signature")
    public = key.public_key()
    return {
        "public_key": public.public_bytes().hex(),
        "signature": signature.hex(),
        "verified": {"signature": "the signature above" if given is None else checked.hex(),
                     "valid": public.verify(checked, message)},
    }
