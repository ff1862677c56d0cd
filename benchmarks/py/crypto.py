"""crypto: our pure and auto backends against the well-known packages, primitive by primitive.

Each group of cases lives in its own function (``_aes_gcm_cases``, ``_blake3_cases``, ...) so that
more primitives merge in as more functions; :func:`cases` concatenates them.

* AES-256-GCM, pure: against pyaes AES-256-CTR (the pure-Python AES everyone reaches for), although
  GCM also authenticates; auto: against ``cryptography``'s AESGCM called directly.
* BLAKE3, pure and auto: against the ``blake3`` package (no pure-Python BLAKE3 package exists).
* SHA-256 and HMAC-SHA-256: ours (a thin layer over the standard library) against hashlib / hmac.

In Pyodide only pure peers exist: pyaes (built into a wheel, see ``benchmarks/pyodide-peers.txt``),
hashlib and hmac.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os
from collections.abc import Callable, Iterator

from benchmarks._harness import Case, Impl, version_of
from llm_infra.crypto import AESGCM, blake3_hash, digest, hmac_digest, random_bytes
from llm_infra.crypto._backend import using_backend
from llm_infra.crypto._gcm import PureAESGCM
from llm_infra.crypto._hash import _PURE as _PURE_BLAKE3

MIB = 1 << 20
KEY = bytes(range(32))


def _encryptor(box: AESGCM, data: bytes) -> Callable[[], bytes]:
    nonces = itertools.count()  # a fresh nonce per call: AESGCM refuses to reuse one

    def run() -> bytes:
        return box.encrypt(next(nonces).to_bytes(12, "big"), data, b"")

    return run


def _aes_gcm_cases(runtime: str) -> list[Case]:
    out: list[Case] = []
    try:
        import pyaes
    except ImportError:
        pyaes = None
    for size, label in ((MIB, "1 MiB"), (1024, "1 KiB")):
        data = os.urandom(size)
        with using_backend("pure"):
            pure = AESGCM(KEY)
        peer = None
        if pyaes is not None:
            def ctr(data: bytes = data) -> bytes:
                return pyaes.AESModeOfOperationCTR(KEY, pyaes.Counter(1)).encrypt(data)  # type: ignore[no-any-return]

            peer = Impl(f"{version_of('pyaes')} AES-256-CTR (no authentication)", ctr)
        out.append(Case("crypto", f"AES-256-GCM encrypt {label} (pure) vs pure AES-256-CTR", Impl(
            "llm_infra.crypto AESGCM (pure)", _encryptor(pure, data)), peer, unit="MB/s", bytes_per_call=size,
            budget_scale=4.0 if size == MIB else 1.0))
    out.append(Case("crypto", "seal 64 B, new key object per call (pure)",
                    Impl("llm_infra.crypto seal (pure)", _pure_seal(os.urandom(64))), None))
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM as NativeAESGCM  # noqa: N811
    except ImportError:
        return out
    native = NativeAESGCM(KEY)
    for size, label in ((MIB, "1 MiB"), (64, "64 B")):
        data = os.urandom(size)
        with using_backend("auto"):
            auto = AESGCM(KEY)
        nonces = itertools.count()

        def direct(data: bytes = data, nonces: Iterator[int] = nonces) -> bytes:
            return native.encrypt(next(nonces).to_bytes(12, "big"), data, b"")

        out.append(Case("crypto", f"AES-256-GCM encrypt {label} (auto) vs cryptography direct",
                        Impl("llm_infra.crypto AESGCM (auto: cryptography)", _encryptor(auto, data)),
                        Impl(f"{version_of('cryptography')} AESGCM", direct), unit="MB/s", bytes_per_call=size))
    return out


def _pure_seal(data: bytes) -> Callable[[], bytes]:
    """What ``seal`` does under the pure backend: a new key object (key schedule, hash key) per message."""

    def run() -> bytes:
        nonce = random_bytes(12)
        return nonce + PureAESGCM(KEY).encrypt(nonce, data, b"")

    return run


def _blake3_cases(runtime: str) -> list[Case]:
    out: list[Case] = []
    try:
        import blake3 as native
    except ImportError:
        native = None
    for size, label in ((MIB, "1 MiB"), (64, "64 B")):
        data = os.urandom(size)
        peer = None if native is None else Impl(f"{version_of('blake3')} (Rust)",
                                                lambda data=data: native.blake3(data).digest())

        def pure(data: bytes = data) -> bytes:
            return _PURE_BLAKE3.hash(data, None, None, 32)

        out.append(Case("crypto", f"BLAKE3 {label} (pure) vs blake3 package", Impl("llm_infra.crypto blake3 (pure)",
                        pure), peer, unit="MB/s", bytes_per_call=size))
        if native is not None:
            out.append(Case("crypto", f"BLAKE3 {label} (auto) vs blake3 package direct",
                            Impl("llm_infra.crypto blake3 (auto: blake3)", lambda data=data: blake3_hash(data)),
                            peer, unit="MB/s", bytes_per_call=size))
    data = os.urandom(MIB)

    def streamed() -> bytes:
        h = _PURE_BLAKE3.new(b"", None, None)
        for i in range(0, MIB, 4096):
            h.update(data[i:i + 4096])
        return h.digest(32)

    out.append(Case("crypto", "BLAKE3 1 MiB streamed in 4 KiB updates (pure)", Impl("llm_infra.crypto Hasher (pure)",
                    streamed), None, unit="MB/s", bytes_per_call=MIB))
    return out


def _sha2_hmac_cases(runtime: str) -> list[Case]:
    data = os.urandom(MIB)
    small = os.urandom(1024)
    return [
        Case("crypto", "SHA-256 1 MiB vs hashlib", Impl("llm_infra.crypto digest", lambda: digest("sha256", data)),
             Impl("hashlib.sha256", lambda: hashlib.sha256(data).digest()), unit="MB/s", bytes_per_call=MIB),
        Case("crypto", "HMAC-SHA-256 1 KiB vs hmac", Impl("llm_infra.crypto hmac_digest",
                                                          lambda: hmac_digest("sha256", KEY, small)),
             Impl("hmac.digest", lambda: hmac.digest(KEY, small, "sha256"))),
    ]


def cases(runtime: str) -> list[Case]:
    return [*_aes_gcm_cases(runtime), *_blake3_cases(runtime), *_sha2_hmac_cases(runtime)]
