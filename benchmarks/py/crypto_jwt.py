"""crypto, JWT: sign and verify with llm_infra.crypto against PyJWT, in the same run.

* HS256 sign + verify (target: >= 1x PyJWT), and each half alone — in CPython and inside Pyodide
  (PyJWT is a pure wheel; its HMAC needs only the standard library);
* EdDSA sign and verify, ours pure and auto (pynacl) against PyJWT + ``cryptography`` (OpenSSL),
  CPython only (``cryptography`` has no Pyodide wheel).

Both sides do the same work: the same claims (subject, issuer, audience, issued-at, expiry, a
scope) and on verify the same checks (signature, exp/nbf/iat against the wall clock, audience,
issuer). Key objects are made once, outside the timed calls, on both sides.
"""

from __future__ import annotations

import os
import time

from benchmarks._harness import Case, Impl, version_of
from llm_infra.crypto import Ed25519PrivateKey, jwt_sign, jwt_verify, reset_backends

SECRET = bytes(range(32))
SEED = bytes(range(7, 39))
_current: dict[str, str | None] = {"mode": None}


def _claims() -> dict[str, object]:
    now = int(time.time())
    return {"sub": "user-42", "iss": "https://auth.example.com", "aud": "api", "iat": now, "exp": now + 3600,
            "scope": "read write"}


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
    claims = _claims()
    checks = {"audience": "api", "issuer": "https://auth.example.com"}
    token = jwt_sign(claims, SECRET, alg="HS256")
    out: list[Case] = []

    def ours_hs() -> object:
        return jwt_verify(jwt_sign(claims, SECRET, alg="HS256"), SECRET, algorithms=["HS256"], **checks)

    peer_both = peer_sign = peer_verify = None
    try:
        import jwt as pyjwt

        name = version_of("PyJWT")
        ptoken = pyjwt.encode(claims, SECRET, algorithm="HS256")
        assert pyjwt.decode(token, SECRET, algorithms=["HS256"], **checks) == claims
        assert jwt_verify(ptoken, SECRET, algorithms=["HS256"], **checks) == claims
        peer_both = Impl(name, lambda: pyjwt.decode(pyjwt.encode(claims, SECRET, algorithm="HS256"), SECRET,
                                                    algorithms=["HS256"], **checks))
        peer_sign = Impl(name, lambda: pyjwt.encode(claims, SECRET, algorithm="HS256"))
        peer_verify = Impl(name, lambda: pyjwt.decode(ptoken, SECRET, algorithms=["HS256"], **checks))
    except ImportError:
        pass
    out += [
        Case("crypto", "JWT HS256 sign + verify", Impl("llm_infra.crypto", ours_hs), peer_both),
        Case("crypto", "JWT HS256 sign", Impl("llm_infra.crypto", lambda: jwt_sign(claims, SECRET, alg="HS256")),
             peer_sign),
        Case("crypto", "JWT HS256 verify",
             Impl("llm_infra.crypto", lambda: jwt_verify(token, SECRET, algorithms=["HS256"], **checks)), peer_verify),
    ]

    key = Ed25519PrivateKey.from_seed(SEED)
    pub = key.public_key()
    etoken = jwt_sign(claims, key, alg="EdDSA")
    ed_sign = ed_verify = None
    if runtime == "cpython":
        try:
            import jwt as pyjwt
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey as CryptoKey

            ck = CryptoKey.from_private_bytes(SEED)
            cpub = ck.public_key()
            assert pyjwt.decode(etoken, cpub, algorithms=["EdDSA"], **checks) == claims
            ptoken_ed = pyjwt.encode(claims, ck, algorithm="EdDSA")
            assert jwt_verify(ptoken_ed, pub, algorithms=["EdDSA"], **checks) == claims
            name = f"{version_of('PyJWT')} + {version_of('cryptography')}"
            ed_sign = Impl(name, lambda: pyjwt.encode(claims, ck, algorithm="EdDSA"))
            ed_verify = Impl(name, lambda: pyjwt.decode(etoken, cpub, algorithms=["EdDSA"], **checks))
        except ImportError:
            pass
    modes = ["pure", "auto"] if runtime == "cpython" else ["pure"]
    for mode in modes:
        out += [
            Case("crypto", f"JWT EdDSA sign ({mode})",
                 Impl(f"llm_infra.crypto {mode}", _ours(mode, lambda: jwt_sign(claims, key, alg="EdDSA"))), ed_sign),
            Case("crypto", f"JWT EdDSA verify ({mode})",
                 Impl(f"llm_infra.crypto {mode}",
                      _ours(mode, lambda: jwt_verify(etoken, pub, algorithms=["EdDSA"], **checks))), ed_verify),
        ]
    return out
