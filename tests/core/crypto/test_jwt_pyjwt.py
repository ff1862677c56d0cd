"""Agreement with PyJWT, the well-known Python JWT library (CPython; not installed in Pyodide).

PyJWT writes ``json.dumps`` with the claims in insertion order and the header sorted; for ASCII
claims whose dict is already in canonical (sorted) order, those are exactly our RFC 8785 bytes, so
the tokens must be identical. Either side must verify the other's tokens (PyJWT's, in any key
order, are not canonical — verification does not care). EdDSA through PyJWT needs
``cryptography``.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import Ed25519PrivateKey, jwt_sign, jwt_verify
from llm_infra.errors import ErrorKind, InfraError

_ABSENT = "a test reference of the dev venv (not installed in Pyodide or the wheel-test venvs)"
pyjwt = pytest.importorskip("jwt", reason=f"PyJWT is {_ABSENT}")

SECRETS = {"HS256": bytes(range(1, 33)), "HS384": bytes(range(1, 49)), "HS512": bytes(range(1, 65))}
NOW = 1_700_000_000
ASCII = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12)
SCALARS = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | ASCII
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ASCII, inner, max_size=3),
                      max_leaves=8)
CLAIMS = st.fixed_dictionaries({}, optional={
    "sub": ASCII, "iss": ASCII, "jti": ASCII, "exp": st.integers(NOW + 1, NOW + 10**6),
    "nbf": st.integers(0, NOW), "iat": st.integers(0, NOW), "data": VALUES, "n": st.integers(-(2**53), 2**53),
})


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


@settings(max_examples=200)
@given(CLAIMS, st.sampled_from(sorted(SECRETS)), st.none() | st.fixed_dictionaries({"kid": ASCII}))
def test_hmac_tokens_are_identical_to_pyjwts(claims: dict, alg: str, header: dict | None) -> None:
    key = SECRETS[alg]
    ours = jwt_sign(claims, key, alg=alg, header=header)  # type: ignore[arg-type]
    theirs = pyjwt.encode(_sorted(claims), key, algorithm=alg, headers=header)
    assert ours == theirs
    no_clock = {"verify_aud": False, "verify_exp": False, "verify_nbf": False, "verify_iat": False}
    assert pyjwt.decode(ours, key, algorithms=[alg], options=no_clock) == claims


@settings(max_examples=100)
@given(CLAIMS, st.sampled_from(sorted(SECRETS)))
def test_pyjwt_tokens_in_any_key_order_verify_here(claims: dict, alg: str) -> None:
    key = SECRETS[alg]
    shuffled = dict(reversed(list(claims.items())))
    token = pyjwt.encode(shuffled, key, algorithm=alg, headers={"kid": "k"}, sort_headers=False)
    assert jwt_verify(token, key, algorithms=[alg], now=NOW) == claims


def test_eddsa_tokens_agree_with_pyjwt_and_cryptography() -> None:
    ed = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.ed25519", reason=f"cryptography is {_ABSENT}")
    seed = bytes(range(32))
    key = Ed25519PrivateKey.from_seed(seed)
    claims = {"aud": ["a", "b"], "exp": NOW + 60, "sub": "x"}
    ours = jwt_sign(claims, key, alg="EdDSA")
    theirs = pyjwt.encode(claims, ed.Ed25519PrivateKey.from_private_bytes(seed), algorithm="EdDSA")
    assert ours == theirs
    public = ed.Ed25519PrivateKey.from_private_bytes(seed).public_key()
    assert pyjwt.decode(ours, public, algorithms=["EdDSA"], audience="a", leeway=10**9) == claims
    assert jwt_verify(theirs, key.public_key(), algorithms=["EdDSA"], audience="b", now=NOW) == claims


@pytest.mark.parametrize(
    ("claims", "kw", "pyjwt_error"),
    [({"exp": NOW - 1}, {}, "ExpiredSignatureError"), ({"nbf": NOW + 1}, {}, "ImmatureSignatureError"),
     ({"iat": NOW + 1}, {}, "ImmatureSignatureError"), ({"aud": "x"}, {"audience": "y"}, "InvalidAudienceError"),
     ({"iss": "x"}, {"issuer": "y"}, "InvalidIssuerError"),
     ({"sub": "a"}, {"audience": "y"}, "MissingRequiredClaimError")],
)
def test_rejections_agree_with_pyjwt_under_a_frozen_clock(claims: dict, kw: dict, pyjwt_error: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    class Clock:
        @staticmethod
        def now(tz: object = None) -> Clock:
            return Clock()

        @staticmethod
        def timestamp() -> float:
            return NOW

    token = jwt_sign(claims, SECRETS["HS256"], alg="HS256")
    monkeypatch.setattr(pyjwt.api_jwt, "datetime", Clock)
    with pytest.raises(pyjwt.PyJWTError) as theirs:
        pyjwt.decode(token, SECRETS["HS256"], algorithms=["HS256"], **kw)
    assert type(theirs.value).__name__ == pyjwt_error
    with pytest.raises(InfraError) as ours:
        jwt_verify(token, SECRETS["HS256"], algorithms=["HS256"], now=NOW, **kw)
    assert ours.value.kind is ErrorKind.AUTH


def test_short_keys_pyjwt_only_warns_we_refuse() -> None:
    key = bytes(16)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        token = pyjwt.encode({"a": 1}, key, algorithm="HS256")
        assert pyjwt.decode(token, key, algorithms=["HS256"]) == {"a": 1}
    with pytest.raises(InfraError) as err:
        jwt_verify(token, key, algorithms=["HS256"])
    assert err.value.context["reason"] == "key_too_short"
    assert json.loads(json.dumps(err.value.context))["minimum"] == 32
