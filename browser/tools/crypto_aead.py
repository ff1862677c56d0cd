"""Playground tool (Python side): AES-GCM seal (encrypt) and open (decrypt and authenticate)."""

from __future__ import annotations

from llm_infra_page_kit import bytes_of_hex, utf8

from llm_infra._json_types import JSONObject, JSONValue


def run(inp: JSONObject) -> JSONValue:
    from llm_infra.crypto import AESGCM  # imported on first use: the page imports every tool at start-up

    box = AESGCM(bytes_of_hex(inp["key"], "key"))
    nonce = bytes_of_hex(inp["nonce"], "nonce")
    aad = utf8(inp["aad"])
    if inp["action"] == "open":
        plain = box.decrypt(nonce, bytes_of_hex(inp["data"], "data"), aad)
        try:
            text: str | None = plain.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        return {"authentic": True, "plaintext": text, "plaintext_hex": plain.hex()}
    sealed = box.encrypt(nonce, utf8(inp["data"]), aad)
    return {"ciphertext": sealed[:-16].hex(), "tag": sealed[-16:].hex(), "ciphertext_and_tag": sealed.hex()}
