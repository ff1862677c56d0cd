"""``llm_infra.crypto``: hashing, MACs, AEAD, encodings, signatures, password hashing, JWT.

Every primitive runs in pure Python everywhere (the implementation Pyodide uses) and picks up a
native package on CPython when one is installed; results are byte-identical, and the
TypeScript SDK (``@llm-dev-ops/infra/crypto``) produces the same bytes.

* Hashing: :func:`sha256`, :func:`sha384`, :func:`sha512`, :func:`digest`, streaming :class:`Hasher`;
  BLAKE3 :func:`blake3_hash`, :func:`blake3_keyed_hash`, :func:`blake3_derive_key` (any output length).
* MACs: :func:`hmac_digest`, :func:`hmac_verify` (constant-time) with SHA-256/384/512.
* AEAD: :class:`AESGCM` (``encrypt(nonce, data, associated_data)`` / ``decrypt``), :func:`seal` /
  :func:`open` (random 96-bit nonce, ``nonce ‖ ciphertext ‖ tag``).
* JWT (HS256/384/512, EdDSA): :func:`jwt_sign`, :func:`jwt_verify` (explicit allow-list, typed
  keys, canonical JSON so Python and TypeScript produce the same token bytes),
  :func:`jwt_decode_unverified`.
* Helpers: :func:`random_bytes`, :func:`b64url_encode` / :func:`b64url_decode` (no padding),
  :func:`hex_encode` / :func:`hex_decode`, :func:`constant_time_equal`.
* Backends: ``LLM_INFRA_BACKEND=pure|native|auto`` (default ``auto``) and :func:`backends`. SHA-2
  and HMAC always come from the standard library (``hashlib``/``hmac``, present in Pyodide too).

Bad arguments raise ``InfraError``: ``validation`` for a wrong type or option, ``crypto`` for
unusable keys, nonces or tags and for failed authentication, ``serialization`` for bad text.
The pure-Python code is not constant-time: with secret keys prefer a native backend.

    >>> from llm_infra.crypto import AESGCM, blake3_hash, b64url_encode, hmac_verify, open, seal
    >>> b64url_encode(blake3_hash(b"hello", length=6))
    '6o8WPbOG'
    >>> key = AESGCM.generate_key(256)
    >>> open(key, seal(key, b"secret"))
    b'secret'
"""

# one line per primitive module (merge-friendly: add yours below)
from ._aes_gcm import AESGCM, open, seal
from ._backend import backend_mode, backends, reset_backends
from ._encoding import b64url_decode, b64url_encode, constant_time_equal, hex_decode, hex_encode
from ._hash import (
    HASH_ALGORITHMS,
    HashAlgorithm,
    Hasher,
    blake3_derive_key,
    blake3_hash,
    blake3_keyed_hash,
    digest,
    sha256,
    sha384,
    sha512,
)
from ._hmac import HMAC_ALGORITHMS, HmacAlgorithm, hmac_digest, hmac_verify
from ._random import random_bytes

__all__ = [
    "AESGCM",
    "HASH_ALGORITHMS",
    "HMAC_ALGORITHMS",
    "HashAlgorithm",
    "Hasher",
    "HmacAlgorithm",
    "b64url_decode",
    "b64url_encode",
    "backend_mode",
    "backends",
    "blake3_derive_key",
    "blake3_hash",
    "blake3_keyed_hash",
    "constant_time_equal",
    "digest",
    "hex_decode",
    "hex_encode",
    "hmac_digest",
    "hmac_verify",
    "open",
    "random_bytes",
    "reset_backends",
    "seal",
    "sha256",
    "sha384",
    "sha512",
]

# --- asymmetric half: Ed25519, Argon2id, password hashing (branch crypto-asym) ----------------
from ._argon2 import argon2id
from ._ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
    ed25519_public_key,
    ed25519_sign,
    ed25519_verify,
)
from ._password import hash_password, needs_rehash, verify_password

__all__ += [
    "Ed25519PrivateKey",
    "Ed25519PublicKey",
    "argon2id",
    "ed25519_public_key",
    "ed25519_sign",
    "ed25519_verify",
    "hash_password",
    "needs_rehash",
    "verify_password",
]
# --- end of the asymmetric half -------------------------------------------------------------------

# --- JWT: HS256/384/512 and EdDSA compact tokens (branch jwt) -------------------------------------
from ._jwt import (  # noqa: E402 - sections per branch, merge-friendly
    JWT_ALGORITHMS,
    MAX_TOKEN_LENGTH,
    DecodedJwt,
    JwtAlgorithm,
    jwt_decode_unverified,
    jwt_sign,
    jwt_verify,
)

__all__ += [
    "JWT_ALGORITHMS",
    "MAX_TOKEN_LENGTH",
    "DecodedJwt",
    "JwtAlgorithm",
    "jwt_decode_unverified",
    "jwt_sign",
    "jwt_verify",
]
# --- end of JWT -----------------------------------------------------------------------------------
