"""Vector ops of ``llm_infra.crypto``'s asymmetric half: Ed25519, Argon2id and PHC password hashing.

``crypto.ed25519.public_key`` / ``.sign`` / ``.verify`` and ``crypto.argon2id`` (DESIGN.md's
catalog, exact fields), plus ``crypto.password.hash`` (deterministic with an explicit salt),
``crypto.password.verify`` and ``crypto.password.needs_rehash``.
"""

from __future__ import annotations

from ..._json_types import JSONObject
from ...crypto import (
    argon2id,
    ed25519_public_key,
    ed25519_sign,
    ed25519_verify,
    hash_password,
    needs_rehash,
    verify_password,
)
from .._registry import register
from ._inputs import opt_bytes, req_bytes, req_int, req_str


@register("crypto.ed25519.public_key")
def ed25519_public_key_op(inp: JSONObject) -> JSONObject:
    return {"public_key": ed25519_public_key(req_bytes(inp, "seed")).hex()}


@register("crypto.ed25519.sign")
def ed25519_sign_op(inp: JSONObject) -> JSONObject:
    return {"signature": ed25519_sign(req_bytes(inp, "seed"), req_bytes(inp, "message")).hex()}


@register("crypto.ed25519.verify")
def ed25519_verify_op(inp: JSONObject) -> JSONObject:
    valid = ed25519_verify(req_bytes(inp, "public_key"), req_bytes(inp, "message"), req_bytes(inp, "signature"))
    return {"valid": valid}


def _params(inp: JSONObject) -> dict[str, int]:
    return {name: req_int(inp, name) for name in ("time_cost", "memory_kib", "parallelism", "length")}


@register("crypto.argon2id")
def argon2id_op(inp: JSONObject) -> JSONObject:
    tag = argon2id(req_bytes(inp, "password"), req_bytes(inp, "salt"), secret=opt_bytes(inp, "secret"),
                   ad=opt_bytes(inp, "ad"), **_params(inp))
    return {"tag": tag.hex()}


@register("crypto.password.hash")
def password_hash_op(inp: JSONObject) -> JSONObject:
    return {"phc": hash_password(req_bytes(inp, "password"), salt=req_bytes(inp, "salt"), **_params(inp))}


@register("crypto.password.verify")
def password_verify_op(inp: JSONObject) -> JSONObject:
    return {"valid": verify_password(req_str(inp, "phc"), req_bytes(inp, "password"))}


@register("crypto.password.needs_rehash")
def password_needs_rehash_op(inp: JSONObject) -> JSONObject:
    names = ("time_cost", "memory_kib", "parallelism", "length", "salt_length")
    return {"needs_rehash": needs_rehash(req_str(inp, "phc"), **{n: req_int(inp, n) for n in names})}
