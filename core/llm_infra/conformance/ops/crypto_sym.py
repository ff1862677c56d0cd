"""Vector ops of ``llm_infra.crypto``'s symmetric half: hashing, BLAKE3, HMAC, AES-GCM and the encodings.

``crypto.hash``, ``crypto.blake3.keyed_hash``, ``crypto.blake3.derive_key``, ``crypto.hmac``,
``crypto.aes_gcm.encrypt`` and ``crypto.aes_gcm.decrypt`` are DESIGN.md's catalog; the others
(``crypto.hash.stream``, ``crypto.hmac.verify``, ``crypto.aes_gcm.open``, ``crypto.base64url.*``,
``crypto.hex.*``, ``crypto.constant_time_equal``) extend it.
"""

from __future__ import annotations

from ... import crypto
from ..._json_types import JSONObject
from .._registry import register
from ._inputs import opt, opt_bytes, req_bytes, req_int, req_list, req_str

__all__: list[str] = []


def _length(inp: JSONObject) -> int | None:
    return None if opt(inp, "length") is None else req_int(inp, "length")


@register("crypto.hash")
def hash_(inp: JSONObject) -> JSONObject:
    digest = crypto.digest(req_str(inp, "alg"), req_bytes(inp, "data"), length=_length(inp))  # type: ignore[arg-type]
    return {"digest": digest.hex()}


@register("crypto.hash.stream")
def hash_stream(inp: JSONObject) -> JSONObject:
    chunks = [req_bytes({"chunk": c}, "chunk") for c in req_list(inp, "chunks")]
    repeat = 1 if opt(inp, "repeat") is None else req_int(inp, "repeat")
    key = None if opt(inp, "key") is None else req_bytes(inp, "key")
    context = None if opt(inp, "context") is None else req_str(inp, "context")
    h = crypto.Hasher(req_str(inp, "alg"), key=key, derive_key_context=context)  # type: ignore[arg-type]
    for _ in range(repeat):
        for c in chunks:
            h.update(c)
    return {"digest": h.digest(_length(inp)).hex()}


@register("crypto.blake3.keyed_hash")
def blake3_keyed_hash(inp: JSONObject) -> JSONObject:
    length = _length(inp)
    digest = crypto.blake3_keyed_hash(req_bytes(inp, "key"), req_bytes(inp, "data"), 32 if length is None else length)
    return {"digest": digest.hex()}


@register("crypto.blake3.derive_key")
def blake3_derive_key(inp: JSONObject) -> JSONObject:
    length = _length(inp)
    context = opt(inp, "context")  # handed over as is: a non-string context is the API's to reject
    key = crypto.blake3_derive_key(context, req_bytes(inp, "key_material"), 32 if length is None else length)  # type: ignore[arg-type]
    return {"key": key.hex()}


@register("crypto.hmac")
def hmac_(inp: JSONObject) -> JSONObject:
    mac = crypto.hmac_digest(req_str(inp, "alg"), req_bytes(inp, "key"), req_bytes(inp, "data"))  # type: ignore[arg-type]
    return {"mac": mac.hex()}


@register("crypto.hmac.verify")
def hmac_verify(inp: JSONObject) -> JSONObject:
    valid = crypto.hmac_verify(req_str(inp, "alg"), req_bytes(inp, "key"), req_bytes(inp, "data"),  # type: ignore[arg-type]
                               req_bytes(inp, "mac"))
    return {"valid": valid}


@register("crypto.aes_gcm.encrypt")
def aes_gcm_encrypt(inp: JSONObject) -> JSONObject:
    box = crypto.AESGCM(req_bytes(inp, "key"))
    ciphertext = box.encrypt(req_bytes(inp, "nonce"), req_bytes(inp, "plaintext"), opt_bytes(inp, "aad"))
    return {"ciphertext": ciphertext.hex()}


@register("crypto.aes_gcm.decrypt")
def aes_gcm_decrypt(inp: JSONObject) -> JSONObject:
    box = crypto.AESGCM(req_bytes(inp, "key"))
    plaintext = box.decrypt(req_bytes(inp, "nonce"), req_bytes(inp, "ciphertext"), opt_bytes(inp, "aad"))
    return {"plaintext": plaintext.hex()}


@register("crypto.aes_gcm.open")
def aes_gcm_open(inp: JSONObject) -> JSONObject:
    return {"plaintext": crypto.open(req_bytes(inp, "key"), req_bytes(inp, "sealed"), opt_bytes(inp, "aad")).hex()}


@register("crypto.base64url.encode")
def base64url_encode(inp: JSONObject) -> JSONObject:
    return {"text": crypto.b64url_encode(req_bytes(inp, "data"))}


@register("crypto.base64url.decode")
def base64url_decode(inp: JSONObject) -> JSONObject:
    return {"data": crypto.b64url_decode(req_str(inp, "text")).hex()}


@register("crypto.hex.encode")
def hex_encode(inp: JSONObject) -> JSONObject:
    return {"text": crypto.hex_encode(req_bytes(inp, "data"))}


@register("crypto.hex.decode")
def hex_decode(inp: JSONObject) -> JSONObject:
    return {"data": crypto.hex_decode(req_str(inp, "text")).hex()}


@register("crypto.constant_time_equal")
def constant_time_equal(inp: JSONObject) -> JSONObject:
    return {"equal": crypto.constant_time_equal(req_bytes(inp, "a"), req_bytes(inp, "b"))}
