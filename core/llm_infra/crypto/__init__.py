"""``llm_infra.crypto``: hashing, MACs, AEAD, signatures, password hashing and JWT.

Pure Python everywhere (the implementation Pyodide runs), native packages on CPython when
installed; ``LLM_INFRA_BACKEND=pure|native|auto`` forces a choice and :func:`backends` reports it.
"""

from ._backend import backend_mode, backends, reset_backends

__all__ = ["backend_mode", "backends", "reset_backends"]

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
