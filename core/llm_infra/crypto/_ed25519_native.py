"""Ed25519 through pynacl (libsodium), loaded lazily by the backend selector when installed.

Same interface as :mod:`._ed25519_pure` (``keypair``, ``sign``, ``prepare``, ``verify``) and
byte-identical results: Ed25519 signing is deterministic, and libsodium's verification is the
strict, cofactorless RFC 8032 check with small-order A and R rejected, which is exactly this
library's rule. The public API still runs its own byte-level strictness checks before calling
in (:func:`llm_infra.crypto._ed25519._strict_encodings_ok`), so the verdicts do not depend on how
the installed libsodium was built (``ED25519_COMPAT`` builds are laxer).
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["NaclEd25519", "load"]


class NaclEd25519:
    """The pynacl-backed implementation (``nacl.bindings``)."""

    __slots__ = ("_b", "_bad")

    def __init__(self, bindings: ModuleType, bad_signature: type[Exception]) -> None:
        self._b = bindings
        self._bad = bad_signature

    def keypair(self, seed: bytes) -> tuple[bytes, bytes]:
        public, secret = self._b.crypto_sign_seed_keypair(seed)
        return bytes(public), bytes(secret)

    def sign(self, state: bytes, message: bytes) -> bytes:
        return bytes(self._b.crypto_sign(message, state)[:64])

    def prepare(self, public_key: bytes) -> bytes:
        return public_key

    def verify(self, key: object, public_key: bytes, message: bytes, signature: bytes) -> bool:
        try:
            self._b.crypto_sign_open(signature + message, public_key)
        except self._bad:
            return False
        return True


def load() -> NaclEd25519 | None:
    """The pynacl backend, or ``None`` when pynacl is not installed (Pyodide, minimal installs)."""
    try:
        import nacl.bindings
        import nacl.exceptions
    except ImportError:
        return None
    return NaclEd25519(nacl.bindings, nacl.exceptions.BadSignatureError)
