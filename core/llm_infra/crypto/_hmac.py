"""HMAC-SHA-256/384/512 (RFC 2104) with a constant-time verify.

The standard library's ``hmac`` module computes it in every runtime (CPython and Pyodide both
ship it, over ``hashlib``); ``LLM_INFRA_BACKEND`` does not apply. Keys of any length are accepted,
as RFC 2104 allows; protocols that demand a minimum (JWT: RFC 7518 §3.2) check it themselves.

    >>> from llm_infra.crypto import hmac_digest, hmac_verify
    >>> mac = hmac_digest("sha256", b"key", b"message")
    >>> mac.hex()[:16]
    '6e9ef29b75fffc5b'
    >>> hmac_verify("sha256", b"key", b"message", mac), hmac_verify("sha256", b"key", b"messagE", mac)
    (True, False)
"""

from __future__ import annotations

import hmac
from typing import Literal

from ..errors import InfraError
from ._checks import as_bytes

__all__ = ["HMAC_ALGORITHMS", "HmacAlgorithm", "hmac_digest", "hmac_verify"]

HmacAlgorithm = Literal["sha256", "sha384", "sha512"]
HMAC_ALGORITHMS: tuple[HmacAlgorithm, ...] = ("sha256", "sha384", "sha512")


def _alg(alg: object) -> HmacAlgorithm:
    if alg not in HMAC_ALGORITHMS:
        raise InfraError.validation(f"alg must be one of {', '.join(HMAC_ALGORITHMS)}; got {alg!r}", field="alg",
                                    value=str(alg))
    return alg


def hmac_digest(alg: HmacAlgorithm, key: bytes, data: bytes) -> bytes:
    """HMAC of ``data`` under ``key`` with SHA-256, SHA-384 or SHA-512."""
    return hmac.digest(as_bytes(key, "key"), as_bytes(data, "data"), _alg(alg))


def hmac_verify(alg: HmacAlgorithm, key: bytes, data: bytes, mac: bytes) -> bool:
    """Whether ``mac`` is the HMAC of ``data`` under ``key``, compared in constant time.

    A ``mac`` of the wrong length (a truncated MAC, say) is simply ``False``.
    """
    expected = hmac_digest(alg, key, data)
    return hmac.compare_digest(expected, as_bytes(mac, "mac"))
