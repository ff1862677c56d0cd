"""Playground tool (Python side): sign a JWT and/or verify one — decoded header and claims, the validation result."""

from __future__ import annotations

from typing import Any

from llm_infra_page_kit import bytes_of_hex, obj, optional

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import ErrorKind, InfraError


def run(inp: JSONObject) -> JSONValue:
    from llm_infra import crypto  # imported on first use: the page imports every tool at start-up

    alg = str(inp["alg"])
    key_bytes = bytes_of_hex(inp["key"], "key")
    signer: Any = crypto.Ed25519PrivateKey.from_seed(key_bytes) if alg == "EdDSA" else key_bytes
    if inp["mode"] == "sign, then verify":
        token = crypto.jwt_sign(obj(inp["claims"], "claims"), signer, alg=alg,  # type: ignore[arg-type]
                                header=obj(inp["header"], "header"))
    else:
        token = str(inp["token"] or "").strip()
    options: dict[str, Any] = {"algorithms": [alg], "now": inp["now"], "leeway": inp["leeway"]}
    for name in ("audience", "issuer"):
        value = optional(inp[name])
        if value is not None:
            options[name] = value
    verifier = signer.public_key() if isinstance(signer, crypto.Ed25519PrivateKey) else signer
    verification: JSONObject
    try:
        verification = {"valid": True, "claims": crypto.jwt_verify(token, verifier, **options)}
    except InfraError as exc:
        if exc.kind is not ErrorKind.AUTH:
            raise
        verification = {"valid": False, "reason": exc.context.get("reason"), "error": exc.to_dict()}
    decoded: JSONValue = None
    try:
        d = crypto.jwt_decode_unverified(token)
        decoded = {"header": d.header, "claims": d.claims}
    except InfraError as exc:
        if exc.kind is not ErrorKind.AUTH:
            raise
    return {"token": token, "decoded_unverified": decoded, "verification": verification}
