"""Edge routes of the crypto module, Python side (Pyodide inside workerd): hashes, JWT sign/verify; under ``/py``."""

from __future__ import annotations

import re
from typing import Any

from llm_infra_edge import Request, route

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.crypto import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
    blake3_keyed_hash,
    digest,
    hmac_digest,
    jwt_sign,
    jwt_verify,
)
from llm_infra.errors import InfraError

_HEX = re.compile(r"(?:[0-9a-fA-F]{2})*")
#: Optional verify options, passed through as given: the library checks their types and words the errors.
_VERIFY_OPTIONS = ("audience", "issuer", "subject", "leeway", "now", "max_age", "required", "typ")


def _body_object(req: Request) -> JSONObject:
    body = req.json()
    if not isinstance(body, dict):
        raise InfraError.validation("body must be a JSON object", field="body")
    return body


def _hex_field(body: JSONObject, name: str) -> bytes:
    v = body.get(name)
    if not isinstance(v, str) or _HEX.fullmatch(v) is None:
        raise InfraError.validation(f"body.{name} must be hex text (pairs of 0-9 a-f)", field=name)
    return bytes.fromhex(v)


def _string_field(body: JSONObject, name: str) -> str:
    v = body.get(name)
    if not isinstance(v, str):
        raise InfraError.validation(f"body.{name} must be a string", field=name)
    return v


@route("POST", "/crypto/hash",
       "A digest as hex: {alg: sha256|sha384|sha512|blake3, data (text) or data_hex, key_hex? (HMAC / keyed BLAKE3)}")
def hash_(req: Request) -> JSONValue:
    body = _body_object(req)
    alg = _string_field(body, "alg")
    data = _hex_field(body, "data_hex") if "data_hex" in body else _string_field(body, "data").encode("utf-8")
    if "key_hex" not in body:
        return {"alg": alg, "hex": digest(alg, data).hex()}  # type: ignore[arg-type]  # the library checks it
    key = _hex_field(body, "key_hex")
    if alg == "blake3":
        return {"alg": "blake3-keyed", "hex": blake3_keyed_hash(key, data).hex()}
    return {"alg": f"hmac-{alg}", "hex": hmac_digest(alg, key, data).hex()}  # type: ignore[arg-type]


@route("POST", "/jwt/sign",
       "Sign claims: {alg: HS256|HS384|HS512|EdDSA, key_hex (HMAC secret or Ed25519 seed), claims, header?} → {token}")
def sign(req: Request) -> JSONValue:
    body = _body_object(req)
    alg = _string_field(body, "alg")
    secret = _hex_field(body, "key_hex")
    key: Any = Ed25519PrivateKey.from_seed(secret) if alg == "EdDSA" else secret
    return {"token": jwt_sign(body.get("claims"), key, alg=alg, header=body.get("header"))}  # type: ignore[arg-type]


@route("POST", "/jwt/verify",
       "Verify a token: {token, algorithms, key_hex (HMAC secret, or the Ed25519 public key for EdDSA), "
       "audience?, issuer?, subject?, leeway?, now?, max_age?, required?, typ?} → {claims}; "
       "a rejected token is 401 with its reason")
def verify(req: Request) -> JSONValue:
    body = _body_object(req)
    algorithms = body.get("algorithms")
    raw = _hex_field(body, "key_hex")
    key: Any = Ed25519PublicKey.from_bytes(raw) if isinstance(algorithms, list) and "EdDSA" in algorithms else raw
    options = {name: body[name] for name in _VERIFY_OPTIONS if name in body}
    return {"claims": jwt_verify(body.get("token"), key, algorithms=algorithms, **options)}  # type: ignore[arg-type]
