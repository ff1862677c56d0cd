"""Vector ops of ``llm_infra.crypto``'s JWT layer.

``crypto.jwt.sign`` (alg, key, header?, claims → token) and ``crypto.jwt.verify`` (alg, key,
token, now?, leeway?, audience?, issuer? → claims, or an ``auth`` error) are DESIGN.md's catalog
with its exact fields. ``key`` is bytes: the HMAC secret, or for ``EdDSA`` the Ed25519 seed (sign)
/ public key (verify), wrapped here in the typed key object the API wants. Added fields of verify:
``algorithms`` (the allow-list; default ``[alg]``), ``required``, ``max_age``, ``subject``, ``typ``.
Added ops: ``crypto.jwt.check`` (verify's input → ``{"valid": true, "claims"}`` or
``{"valid": false, "reason"}``, pinning *why* a token fails) and ``crypto.jwt.decode_unverified``
(token → header, claims).
"""

from __future__ import annotations

from typing import Any

from ..._json_types import JSONObject
from ...crypto import Ed25519PrivateKey, Ed25519PublicKey, jwt_decode_unverified, jwt_sign, jwt_verify
from ...errors import ErrorKind, InfraError
from .._registry import register
from ._inputs import opt, req, req_bytes, req_str


@register("crypto.jwt.sign")
def jwt_sign_op(inp: JSONObject) -> JSONObject:
    alg = req(inp, "alg")
    seed_or_secret = req_bytes(inp, "key")
    key = Ed25519PrivateKey.from_seed(seed_or_secret) if alg == "EdDSA" else seed_or_secret
    return {"token": jwt_sign(req(inp, "claims"), key, alg=alg, header=opt(inp, "header"))}  # type: ignore[arg-type]


def _verify(inp: JSONObject) -> JSONObject:
    alg = req_str(inp, "alg")
    raw = req_bytes(inp, "key")
    key = Ed25519PublicKey(raw) if alg == "EdDSA" else raw
    options: dict[str, Any] = {"algorithms": opt(inp, "algorithms", [alg])}
    for name in ("now", "leeway", "audience", "issuer", "subject", "max_age", "required", "typ"):
        if name in inp:
            options[name] = inp[name]
    return jwt_verify(req(inp, "token"), key, **options)  # type: ignore[arg-type]


@register("crypto.jwt.verify")
def jwt_verify_op(inp: JSONObject) -> JSONObject:
    return {"claims": _verify(inp)}


@register("crypto.jwt.check")
def jwt_check_op(inp: JSONObject) -> JSONObject:
    try:
        return {"valid": True, "claims": _verify(inp)}
    except InfraError as exc:
        if exc.kind is not ErrorKind.AUTH:
            raise
        return {"valid": False, "reason": exc.context.get("reason")}


@register("crypto.jwt.decode_unverified")
def jwt_decode_unverified_op(inp: JSONObject) -> JSONObject:
    header, claims = jwt_decode_unverified(req(inp, "token"))  # type: ignore[arg-type]
    return {"header": header, "claims": claims}
