"""crypto, asymmetric half: Ed25519 and Argon2id, ours (pure and auto) against the usual peers.

* pure Ed25519 vs **pure25519** (a pure-Python Ed25519; targets: sign and verify >= 3x), in
  CPython and inside Pyodide;
* auto Ed25519 vs **pynacl** called directly, auto Argon2id / ``verify_password`` vs
  **argon2-cffi** called directly (target: within 1.2x), CPython only;
* pure Argon2id at OWASP's parameters (t=2, m=19 MiB, p=1; target <= 8 s per hash on CPython),
  next to argon2-cffi for scale; in Pyodide (no native peer) it shows what a browser pays.

Ed25519 messages are 100 bytes; key objects are reused (both sides), so per-key decoding is not
timed in the key-object cases — the "function form" case shows the cost with it. Each case pins
the backend it times through ``LLM_INFRA_BACKEND`` (switched only when a case starts).
"""

from __future__ import annotations

import os

from benchmarks._harness import Case, Impl, version_of
from llm_infra.crypto import (
    Ed25519PrivateKey,
    argon2id,
    ed25519_verify,
    hash_password,
    reset_backends,
    verify_password,
)

MSG = bytes(range(100))
SEED = bytes(range(7, 39))
OWASP = {"time_cost": 2, "memory_kib": 19456, "parallelism": 1, "length": 32}
SALT = b"0123456789abcdef"
_current: dict[str, str | None] = {"mode": None}


def _use(mode: str) -> None:
    if _current["mode"] != mode:
        os.environ["LLM_INFRA_BACKEND"] = mode
        reset_backends()
        _current["mode"] = mode


def _ours(mode: str, fn: object) -> object:
    def run() -> object:
        _use(mode)
        return fn()  # type: ignore[operator]

    return run


def cases(runtime: str) -> list[Case]:
    key = Ed25519PrivateKey.from_seed(SEED)
    pub = key.public_key()
    pub_bytes = pub.public_bytes()
    sig = key.sign(MSG)
    out: list[Case] = []

    p25519_sign = p25519_verify = None
    try:
        from pure25519 import ed25519_oop

        sk = ed25519_oop.SigningKey(SEED)
        vk = sk.get_verifying_key()
        assert sk.sign(MSG) == sig
        p25519_sign = Impl(version_of("pure25519"), lambda: sk.sign(MSG))
        p25519_verify = Impl(version_of("pure25519"), lambda: vk.verify(sig, MSG))
    except ImportError:
        pass
    out += [
        Case("crypto", "Ed25519 sign 100 B (pure)", Impl("llm_infra.crypto pure", _ours("pure", lambda: key.sign(MSG))),
             p25519_sign),
        Case("crypto", "Ed25519 verify 100 B, key object (pure)",
             Impl("llm_infra.crypto pure", _ours("pure", lambda: pub.verify(sig, MSG))), p25519_verify),
        Case("crypto", "Ed25519 verify 100 B, function form (pure)",
             Impl("llm_infra.crypto pure", _ours("pure", lambda: ed25519_verify(pub_bytes, MSG, sig))), p25519_verify),
    ]

    if runtime == "cpython":
        try:
            import nacl.signing

            nsk = nacl.signing.SigningKey(SEED)
            nvk = nsk.verify_key
            out += [
                Case("crypto", "Ed25519 sign 100 B (auto)",
                     Impl("llm_infra.crypto auto", _ours("auto", lambda: key.sign(MSG))),
                     Impl(version_of("pynacl"), lambda: nsk.sign(MSG).signature)),
                Case("crypto", "Ed25519 verify 100 B (auto)",
                     Impl("llm_infra.crypto auto", _ours("auto", lambda: pub.verify(sig, MSG))),
                     Impl(version_of("pynacl"), lambda: nvk.verify(MSG, sig))),
            ]
        except ImportError:
            pass

    cffi_raw = cffi_verify = None
    phc = None
    try:
        import argon2
        from argon2.low_level import Type, hash_secret_raw

        cffi_raw = Impl(version_of("argon2-cffi"),
                        lambda: hash_secret_raw(b"password", SALT, 2, 19456, 1, 32, Type.ID))
        hasher = argon2.PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16)
        phc = hasher.hash(b"password", salt=SALT)
        cffi_verify = Impl(version_of("argon2-cffi"), lambda: hasher.verify(phc, b"password"))
    except ImportError:
        pass
    out.append(Case("crypto", "Argon2id t=2 m=19 MiB p=1 (pure)",
                    Impl("llm_infra.crypto pure", _ours("pure", lambda: argon2id(b"password", SALT, **OWASP))),
                    cffi_raw, budget_scale=0.01, notes={"seconds_per_hash": "1 / ours"}))
    if runtime == "cpython" and cffi_raw is not None and cffi_verify is not None:
        ours_phc = hash_password(b"password", salt=SALT)
        out += [
            Case("crypto", "Argon2id t=2 m=19 MiB p=1 (auto)",
                 Impl("llm_infra.crypto auto", _ours("auto", lambda: argon2id(b"password", SALT, **OWASP))), cffi_raw),
            Case("crypto", "verify_password, OWASP PHC (auto)",
                 Impl("llm_infra.crypto auto", _ours("auto", lambda: verify_password(ours_phc, b"password"))),
                 cffi_verify),
        ]
    return out
