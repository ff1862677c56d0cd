"""JWT: serialization, every verification rule and its order, bad arguments, fuzzing of the parser.

Runs unchanged in Pyodide (stdlib + pytest + hypothesis). PyJWT agreement: test_jwt_pyjwt.py.
"""

from __future__ import annotations

import base64
import hmac
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.crypto import (
    JWT_ALGORITHMS,
    MAX_TOKEN_LENGTH,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    jwt_decode_unverified,
    jwt_sign,
    jwt_verify,
)
from llm_infra.crypto import _jwt as jwt_module
from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import canonical_bytes

SECRET = bytes(range(32))
SECRETS = {"HS256": SECRET, "HS384": bytes(range(48)), "HS512": bytes(range(64))}
SEED = bytes(range(100, 132))
KEY = Ed25519PrivateKey.from_seed(SEED)
PUB = KEY.public_key()
NOW = 1_700_000_000
CLAIMS = {"sub": "user-42", "iss": "https://auth.example", "aud": "api", "iat": NOW, "exp": NOW + 600}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hs_token(header: bytes, payload: bytes, key: bytes = SECRET, hash_name: str = "sha256") -> str:
    """A token assembled by hand (any header/payload bytes), signed with the standard library."""
    signing_input = b64(header) + "." + b64(payload)
    return signing_input + "." + b64(hmac.new(key, signing_input.encode(), hash_name).digest())


def verify(token: str, key: Any = SECRET, **kw: Any) -> dict:
    kw.setdefault("algorithms", ["HS256"])
    kw.setdefault("now", NOW)
    return jwt_verify(token, key, **kw)


def fails(fn: Callable[[], object], kind: ErrorKind = ErrorKind.AUTH, reason: str | None = None) -> InfraError:
    with pytest.raises(InfraError) as info:
        fn()
    assert info.value.kind is kind, (info.value.kind, info.value.message)
    if reason is not None:
        assert info.value.context.get("reason") == reason, info.value.message
    return info.value


# -- serialization ----------------------------------------------------------------------------------

@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_token_is_canonical_header_and_claims_signed_with_the_stdlib(alg: str) -> None:
    token = jwt_sign(CLAIMS, SECRETS[alg], alg=alg)  # type: ignore[arg-type]
    head, payload, sig = token.split(".")
    assert unb64(head) == f'{{"alg":"{alg}","typ":"JWT"}}'.encode()
    assert unb64(payload) == canonical_bytes(CLAIMS)
    want = hmac.new(SECRETS[alg], f"{head}.{payload}".encode(), "sha" + alg[2:]).digest()
    assert unb64(sig) == want
    assert "=" not in token


def test_eddsa_token_is_the_ed25519_signature_of_the_signing_input() -> None:
    token = jwt_sign(CLAIMS, KEY, alg="EdDSA")
    head, payload, sig = token.split(".")
    assert unb64(head) == b'{"alg":"EdDSA","typ":"JWT"}'
    assert PUB.verify(unb64(sig), f"{head}.{payload}".encode())
    assert jwt_sign(CLAIMS, Ed25519PrivateKey.from_seed(SEED), alg="EdDSA") == token  # deterministic


def test_key_order_and_numbers_follow_rfc_8785() -> None:
    claims = {"b": 1.0, "a": [1e21, -0.0, 1e-7], "\ue000": 1, "\U0001f600": 2, "é": "\u2028\n"}
    payload = unb64(jwt_sign(claims, SECRET, alg="HS256").split(".")[1])
    assert payload == '{"a":[1e+21,0,1e-7],"b":1,"é":"\u2028\\n","\U0001f600":2,"\ue000":1}'.encode()


def test_header_members_are_merged_and_sorted() -> None:
    token = jwt_sign({}, SECRET, alg="HS256", header={"kid": "k1", "typ": "at+jwt", "x5t": {"b": 1, "a": 2}})
    assert unb64(token.split(".")[0]) == b'{"alg":"HS256","kid":"k1","typ":"at+jwt","x5t":{"a":2,"b":1}}'
    header = {"alg": "HS256", "kid": "k1", "typ": "at+jwt", "x5t": {"a": 2, "b": 1}}
    assert jwt_decode_unverified(token).header == header


def test_sign_accepts_bytearray_and_memoryview_secrets() -> None:
    token = jwt_sign(CLAIMS, SECRET, alg="HS256")
    assert jwt_sign(CLAIMS, bytearray(SECRET), alg="HS256") == token
    assert jwt_sign(CLAIMS, memoryview(SECRET), alg="HS256") == token
    assert verify(token, bytearray(SECRET), audience="api") == CLAIMS


@pytest.mark.parametrize(
    ("header", "field"),
    [({"alg": "HS256"}, "header.alg"), ({"crit": ["exp"]}, "header.crit"), ({"b64": False}, "header.b64"),
     ({"typ": 1}, "header.typ"), ({"kid": None}, "header.kid"), (["kid"], "header"), ("kid", "header")],
)
def test_sign_refuses_bad_headers(header: Any, field: str) -> None:
    err = fails(lambda: jwt_sign({}, SECRET, alg="HS256", header=header), ErrorKind.VALIDATION)
    assert err.context["field"] == field


@pytest.mark.parametrize(
    ("claims", "field"),
    [([], "claims"), ("x", "claims"), (None, "claims"), ({"exp": "1"}, "claims.exp"), ({"nbf": True}, "claims.nbf"),
     ({"iat": None}, "claims.iat"), ({"iss": 1}, "claims.iss"), ({"sub": []}, "claims.sub"),
     ({"jti": {}}, "claims.jti"),
     ({"aud": 1}, "claims.aud"), ({"aud": ["a", None]}, "claims.aud")],
)
def test_sign_refuses_bad_claims(claims: Any, field: str) -> None:
    err = fails(lambda: jwt_sign(claims, SECRET, alg="HS256"), ErrorKind.VALIDATION)
    assert err.context["field"] == field


def test_sign_refuses_non_json_claims_naming_the_path() -> None:
    err = fails(lambda: jwt_sign({"a": [1, float("nan")]}, SECRET, alg="HS256"), ErrorKind.VALIDATION)
    assert err.context["path"] == "/a/1"
    fails(lambda: jwt_sign({"a": object()}, SECRET, alg="HS256"), ErrorKind.VALIDATION)
    fails(lambda: jwt_sign({1: "a"}, SECRET, alg="HS256"), ErrorKind.VALIDATION)  # type: ignore[dict-item]


@pytest.mark.parametrize("alg", ["none", "None", "RS256", "hs256", 256, None, "HS256 "])
def test_sign_refuses_unknown_algorithms(alg: Any) -> None:
    err = fails(lambda: jwt_sign({}, SECRET, alg=alg), ErrorKind.VALIDATION)
    assert err.context["field"] == "alg"


@pytest.mark.parametrize(("alg", "minimum"), [("HS256", 32), ("HS384", 48), ("HS512", 64)])
def test_sign_refuses_short_hmac_keys(alg: str, minimum: int) -> None:
    err = fails(lambda: jwt_sign({}, bytes(minimum - 1), alg=alg), ErrorKind.CRYPTO)  # type: ignore[arg-type]
    assert err.context == {"field": "key", "length": minimum - 1, "minimum": minimum}
    assert "RFC 7518" in err.message
    jwt_sign({}, bytes(minimum), alg=alg)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("alg", "key"),
    [("HS256", "a-text-secret-of-more-than-32-chars!"), ("HS256", KEY), ("HS256", None), ("EdDSA", SEED),
     ("EdDSA", PUB), ("EdDSA", "seed")],
)
def test_sign_refuses_keys_of_the_wrong_type(alg: str, key: Any) -> None:
    err = fails(lambda: jwt_sign({}, key, alg=alg), ErrorKind.VALIDATION)  # type: ignore[arg-type]
    assert err.context["field"] == "key"


def test_sign_refuses_tokens_over_the_size_limit() -> None:
    ok = jwt_sign({"d": "x" * 47_000}, SECRET, alg="HS256")
    assert len(ok) <= MAX_TOKEN_LENGTH
    err = fails(lambda: jwt_sign({"d": "x" * 49_200}, SECRET, alg="HS256"), ErrorKind.VALIDATION)
    assert err.context["limit"] == MAX_TOKEN_LENGTH


def test_sign_reads_no_clock_and_adds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jwt_module.time, "time", lambda: pytest.fail("the clock was read"))
    assert jwt_decode_unverified(jwt_sign({"a": 1}, SECRET, alg="HS256")).claims == {"a": 1}


# -- verification: the happy paths -----------------------------------------------------------------

@pytest.mark.parametrize("alg", JWT_ALGORITHMS)
def test_round_trip(alg: str) -> None:
    sign_key: Any = KEY if alg == "EdDSA" else SECRETS[alg]
    verify_key: Any = PUB if alg == "EdDSA" else SECRETS[alg]
    token = jwt_sign(CLAIMS, sign_key, alg=alg)  # type: ignore[arg-type]
    assert jwt_verify(token, verify_key, algorithms=[alg], audience="api", issuer="https://auth.example",
                      subject="user-42", now=NOW, max_age=600, required=["sub", "iat"]) == CLAIMS


@pytest.mark.parametrize("mode", ["pure", "auto"])
def test_eddsa_under_both_backends(mode: str, use_backend: Callable[[str], None]) -> None:
    use_backend(mode)
    token = jwt_sign({"sub": "a"}, Ed25519PrivateKey.from_seed(SEED), alg="EdDSA")
    assert jwt_verify(token, Ed25519PublicKey(PUB.public_bytes()), algorithms=["EdDSA"]) == {"sub": "a"}
    fails(lambda: jwt_verify(token[:-3] + "AAA", PUB, algorithms=["EdDSA"]), reason="signature")


def test_allow_list_may_hold_several_algorithms_and_families() -> None:
    for alg in ("HS256", "HS512"):
        token = jwt_sign({}, SECRETS["HS512"], alg=alg)  # type: ignore[arg-type]
        assert verify(token, SECRETS["HS512"], algorithms=("HS256", "HS512")) == {}
    token = jwt_sign({}, KEY, alg="EdDSA")
    assert verify(token, PUB, algorithms=["HS256", "EdDSA"]) == {}


def test_audience_and_issuer_accept_strings_and_lists() -> None:
    token = jwt_sign({"aud": ["a", "b"], "iss": "i"}, SECRET, alg="HS256")
    for audience in ("b", ["x", "a"], ("b",), {"a"}):
        assert verify(token, audience=audience, issuer=["j", "i"]) == {"aud": ["a", "b"], "iss": "i"}
    fails(lambda: verify(token, audience=["x", "y"]), reason="audience")


def test_returned_claims_are_a_fresh_parse() -> None:
    token = jwt_sign({"n": [1, {"x": None}]}, SECRET, alg="HS256")
    a = verify(token)
    a["n"].append(2)
    assert verify(token) == {"n": [1, {"x": None}]}


def test_the_clock_is_read_only_when_a_time_check_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []

    def clock() -> float:
        reads.append(1)
        return NOW

    monkeypatch.setattr(jwt_module.time, "time", clock)
    assert jwt_verify(jwt_sign({"sub": "a"}, SECRET, alg="HS256"), SECRET, algorithms=["HS256"]) == {"sub": "a"}
    assert reads == []
    jwt_verify(jwt_sign({"exp": NOW + 1}, SECRET, alg="HS256"), SECRET, algorithms=["HS256"])
    assert reads == [1]
    fails(lambda: jwt_verify(jwt_sign({"exp": NOW}, SECRET, alg="HS256"), SECRET, algorithms=["HS256"]),
          reason="expired")


def test_typ_is_compared_case_insensitively_without_the_media_type_prefix() -> None:
    token = jwt_sign({}, SECRET, alg="HS256", header={"typ": "at+jwt"})
    for typ in ("at+jwt", "AT+JWT", "application/at+jwt", "Application/At+Jwt"):
        assert verify(token, typ=typ) == {}
    fails(lambda: verify(token, typ="JWT"), reason="typ")
    fails(lambda: verify(hs_token(b'{"alg":"HS256"}', b"{}"), typ="JWT"), reason="typ")


# -- verification: every rejection, with its reason -------------------------------------------------

def test_alg_none_in_every_spelling_is_rejected_before_anything_else() -> None:
    payload = b64(b'{"sub":"admin"}')
    for spelling in ("none", "None", "NONE", "nOnE"):
        token = b64(json.dumps({"alg": spelling}).encode()) + "." + payload + "."
        err = fails(lambda token=token: verify(token, algorithms=["HS256", "HS384"]), reason="alg_none")
        assert err.context["alg"] == spelling
    # even with a short key (the key check comes later) and a "signature"
    token = hs_token(b'{"alg":"none"}', b"{}", key=b"k")
    fails(lambda: verify(token, b"k"), reason="alg_none")


def test_alg_not_in_the_allow_list() -> None:
    token = jwt_sign({}, SECRETS["HS512"], alg="HS512")
    err = fails(lambda: verify(token, SECRETS["HS512"], algorithms=["HS256", "HS384"]), reason="alg_not_allowed")
    assert err.message == 'token alg "HS512" is not allowed (allowed: HS256, HS384)'
    for alg in ("RS256", "hs256", "HS256 ", "ES256"):
        fails(lambda alg=alg: verify(hs_token(json.dumps({"alg": alg}).encode(), b"{}")), reason="alg_not_allowed")


def test_algorithm_confusion_public_key_used_as_an_hmac_secret() -> None:
    """An attacker signs HS256 with the verifier's public key bytes: an Ed25519 key never checks an HMAC."""
    forged = hs_token(b'{"alg":"HS256"}', b'{"sub":"admin"}', key=PUB.public_bytes())
    err = fails(lambda: verify(forged, PUB, algorithms=["EdDSA", "HS256"]), reason="key_mismatch")
    assert "algorithm confusion" in err.message
    fails(lambda: verify(forged, PUB, algorithms=["EdDSA"]), reason="alg_not_allowed")
    # the same bytes as a *secret* would verify it: that is why key types are not interchangeable
    assert verify(forged, PUB.public_bytes()) == {"sub": "admin"}


def test_algorithm_confusion_hmac_secret_offered_an_eddsa_token() -> None:
    token = jwt_sign({}, KEY, alg="EdDSA")
    fails(lambda: verify(token, SECRET, algorithms=["HS256", "EdDSA"]), reason="key_mismatch")
    fails(lambda: verify(token, SECRET), reason="alg_not_allowed")


@pytest.mark.parametrize(("alg", "minimum"), [("HS256", 32), ("HS384", 48), ("HS512", 64)])
def test_short_hmac_keys_reject_every_token(alg: str, minimum: int) -> None:
    key = bytes(range(minimum - 1))
    token = hs_token(json.dumps({"alg": alg}).encode(), b"{}", key=key, hash_name="sha" + alg[2:])
    err = fails(lambda: verify(token, key, algorithms=[alg]), reason="key_too_short")
    assert err.context["minimum"] == minimum and err.context["length"] == minimum - 1
    long_enough = bytes(range(minimum))
    good = hs_token(json.dumps({"alg": alg}).encode(), b"{}", key=long_enough, hash_name="sha" + alg[2:])
    assert verify(good, long_enough, algorithms=[alg]) == {}


def test_a_key_fine_for_hs256_is_too_short_for_hs512() -> None:
    token = hs_token(b'{"alg":"HS512"}', b"{}", key=SECRET, hash_name="sha512")
    fails(lambda: verify(token, SECRET, algorithms=["HS256", "HS512"]), reason="key_too_short")


def test_crit_headers_are_never_understood() -> None:
    for crit in (["exp"], [], "b64", None):
        token = hs_token(json.dumps({"alg": "HS256", "crit": crit}).encode(), b"{}")
        fails(lambda token=token: verify(token), reason="crit")


@pytest.mark.parametrize(
    "header",
    [b'{"alg":"HS256","typ":1}', b'{"alg":"HS256","kid":["k"]}', b'{"typ":"JWT"}', b'{"alg":null}', b'{"alg":1}',
     b"[]", b'"HS256"', b"null", b"", b"{", b'{"alg":"HS256","alg":"HS256"}', b'\xef\xbb\xbf{"alg":"HS256"}',
     b'{"alg":"HS256","x":NaN}', b'{"alg":"\xff"}', b'{"alg":"HS256","x":"\\ud800"}'],
)
def test_malformed_headers(header: bytes) -> None:
    err = fails(lambda: verify(hs_token(header, b"{}")), reason="malformed")
    assert err.context["part"] == "header"


@pytest.mark.parametrize(
    "payload", [b"[]", b"1", b'"sub"', b"null", b"", b"sub=a", b'{"a":1,"a":1}', b'{"a":1e400}', b'{"a":"\xc3"}'],
)
def test_malformed_payloads_are_found_after_the_signature(payload: bytes) -> None:
    err = fails(lambda: verify(hs_token(b'{"alg":"HS256"}', payload)), reason="malformed")
    assert err.context["part"] == "payload"
    # with a wrong signature, the signature is what fails
    token = hs_token(b'{"alg":"HS256"}', payload, key=bytes(32))
    fails(lambda: verify(token), reason="signature")


def test_malformed_token_shapes() -> None:
    good = jwt_sign({}, SECRET, alg="HS256")
    h, p, s = good.split(".")
    cases = {
        "": "3 dot-separated segments", h: "got 1", f"{h}.{p}": "got 2", f"{good}.x": "got 4",
        f"{h}.{p}.{s}.{s}.{s}": "JWE", f"{h}=.{p}.{s}": "character outside", f" {good}": "character outside",
        f"{good}\n": "character outside", f"{h}.{p}.{s[:-1]}+": "character outside", f"{h}.{p}é.{s}": "character",
        f"{h}.{p}.{s}AA": "impossible", f"{h}x.{p}.{s}": "impossible",
    }
    for token, words in cases.items():
        err = fails(lambda token=token: verify(token), reason="malformed")
        assert words in err.message, (token, err.message)


def test_non_canonical_base64url_is_rejected() -> None:
    good = jwt_sign({"a": "xy"}, SECRET, alg="HS256")
    h, p, s = good.split(".")
    assert len(s) % 4 == 3
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    twin = s[:-1] + alphabet[alphabet.index(s[-1]) | 1]
    assert unb64(twin) == unb64(s)  # the same bytes: another text of them
    err = fails(lambda: verify(f"{h}.{p}.{twin}"), reason="malformed")
    assert "canonical" in err.message and err.context["part"] == "signature"


def test_oversize_tokens_are_rejected_before_parsing() -> None:
    err = fails(lambda: verify("x" * (MAX_TOKEN_LENGTH + 1)), reason="too_large")
    assert err.context == {"reason": "too_large", "length": MAX_TOKEN_LENGTH + 1, "limit": MAX_TOKEN_LENGTH}


@pytest.mark.parametrize(
    "tamper",
    [lambda h, p, s: (b64(b'{"alg":"HS256","kid":"x"}'), p, s),
     lambda h, p, s: (h, b64(b'{"sub":"admin"}'), s),
     lambda h, p, s: (h, p, s[:10] + ("A" if s[10] != "A" else "B") + s[11:]),
     lambda h, p, s: (h, p, b64(unb64(s)[:-1])),
     lambda h, p, s: (h, p, b64(unb64(s) + b"\0")),
     lambda h, p, s: (h, p, "")],
    ids=["header", "payload", "signature", "truncated", "extended", "empty"],
)
@pytest.mark.parametrize("alg", JWT_ALGORITHMS)
def test_tampering_breaks_the_signature(alg: str, tamper: Callable[[str, str, str], tuple[str, str, str]]) -> None:
    key: Any = KEY if alg == "EdDSA" else SECRETS[alg]
    vkey: Any = PUB if alg == "EdDSA" else SECRETS[alg]
    h, p, s = jwt_sign({"sub": "user"}, key, alg=alg).split(".")  # type: ignore[arg-type]
    th, tp, ts = tamper(h, p, s)
    if th != h:
        th = b64(json.dumps({"alg": alg, "kid": "x"}).encode())
    err = fails(lambda: verify(f"{th}.{tp}.{ts}", vkey, algorithms=[alg]), reason="signature")
    assert err.message == "token signature is invalid"


def test_wrong_keys_fail_the_signature() -> None:
    fails(lambda: verify(jwt_sign({}, SECRET, alg="HS256"), bytes(32)), reason="signature")
    other = Ed25519PrivateKey.from_seed(bytes(32)).public_key()
    fails(lambda: verify(jwt_sign({}, KEY, alg="EdDSA"), other, algorithms=["EdDSA"]), reason="signature")


@pytest.mark.parametrize(
    ("claims", "claim"),
    [({"exp": "1"}, "exp"), ({"nbf": True}, "nbf"), ({"iat": None}, "iat"), ({"exp": [1]}, "exp"), ({"iss": 1}, "iss"),
     ({"sub": None}, "sub"), ({"jti": 1.5}, "jti"), ({"aud": {}}, "aud"), ({"aud": ["a", 1]}, "aud")],
)
def test_registered_claims_must_have_their_types(claims: dict, claim: str) -> None:
    token = hs_token(b'{"alg":"HS256"}', json.dumps(claims).encode())
    err = fails(lambda: verify(token, audience="a"), reason="claim_type")
    assert err.context["claim"] == claim


def test_time_rules_and_their_boundaries() -> None:
    exp = jwt_sign({"exp": NOW}, SECRET, alg="HS256")
    assert verify(exp, now=NOW - 1) == {"exp": NOW}
    fails(lambda: verify(exp, now=NOW), reason="expired")
    fails(lambda: verify(exp, now=NOW + 5, leeway=5), reason="expired")
    assert verify(exp, now=NOW + 5, leeway=5.5) == {"exp": NOW}
    nbf = jwt_sign({"nbf": NOW}, SECRET, alg="HS256")
    assert verify(nbf, now=NOW) == {"nbf": NOW}
    fails(lambda: verify(nbf, now=NOW - 0.5), reason="not_yet_valid")
    assert verify(nbf, now=NOW - 1, leeway=1) == {"nbf": NOW}
    iat = jwt_sign({"iat": NOW}, SECRET, alg="HS256")
    fails(lambda: verify(iat, now=NOW - 1), reason="iat_future")
    assert verify(iat, now=NOW - 1, leeway=1) == {"iat": NOW}
    assert verify(iat, now=NOW + 60, max_age=60) == {"iat": NOW}
    err = fails(lambda: verify(iat, now=NOW + 61, max_age=60), reason="too_old")
    assert err.message == "token too old: now 1700000061 - iat 1700000000 - leeway 0 > max_age 60"
    assert verify(iat, now=NOW + 61, max_age=60, leeway=1) == {"iat": NOW}
    fails(lambda: verify(exp, now=NOW - 10, max_age=60), reason="claim_missing")


def test_fractional_dates_compare_exactly() -> None:
    token = jwt_sign({"exp": NOW + 0.5}, SECRET, alg="HS256")
    assert verify(token, now=NOW + 0.25) == {"exp": NOW + 0.5}
    err = fails(lambda: verify(token, now=NOW + 0.5), reason="expired")
    assert err.message == "token expired: exp 1700000000.5 <= now 1700000000.5 - leeway 0"


def test_required_claims_are_present_keys() -> None:
    token = jwt_sign({"sub": "a", "email": None}, SECRET, alg="HS256")
    assert verify(token, required=["sub", "email"]) == {"sub": "a", "email": None}
    err = fails(lambda: verify(token, required=["sub", "scope"]), reason="claim_missing")
    assert err.context["claim"] == "scope"


def test_issuer_subject_and_audience() -> None:
    token = jwt_sign(CLAIMS, SECRET, alg="HS256")
    fails(lambda: verify(token, audience="api", issuer="https://evil"), reason="issuer")
    fails(lambda: verify(token, audience="api", subject="user-7"), reason="subject")
    fails(lambda: verify(token, audience="web"), reason="audience")
    err = fails(lambda: verify(token), reason="audience")
    assert "RFC 7519" in err.message  # an aud claim needs an audience to check it against
    bare = jwt_sign({"exp": NOW + 1}, SECRET, alg="HS256")
    for kw, claim in (({"issuer": "i"}, "iss"), ({"subject": "s"}, "sub"), ({"audience": "a"}, "aud")):
        err = fails(lambda kw=kw: verify(bare, **kw), reason="claim_missing")
        assert err.context["claim"] == claim


def test_the_order_of_the_checks() -> None:
    """Each pair: a token failing two rules reports the one documented first."""
    expired_wrong_aud = jwt_sign({"exp": NOW - 1, "aud": "x"}, SECRET, alg="HS256")
    fails(lambda: verify(expired_wrong_aud, audience="y"), reason="expired")
    fails(lambda: verify(jwt_sign({"exp": NOW - 1, "nbf": NOW + 1}, SECRET, alg="HS256")), reason="expired")
    fails(lambda: verify(jwt_sign({"nbf": NOW + 1, "iat": NOW + 1}, SECRET, alg="HS256")), reason="not_yet_valid")
    fails(lambda: verify(hs_token(b'{"alg":"HS256"}', b'{"exp":"x","iss":"evil"}'), issuer="i"), reason="claim_type")
    fails(lambda: verify(jwt_sign({"iss": "evil"}, SECRET, alg="HS256"), issuer="i", required=["jti"]),
          reason="claim_missing")
    bad_sig_expired = jwt_sign({"exp": NOW - 1}, bytes(32), alg="HS256")
    fails(lambda: verify(bad_sig_expired), reason="signature")
    short = hs_token(b'{"alg":"HS256","crit":["x"]}', b"{}", key=b"k")
    fails(lambda: verify(short, b"k"), reason="crit")
    fails(lambda: verify(hs_token(b'{"alg":"HS256"}', b"{}", key=b"k")[:-1] + "*", b"k"), reason="malformed")
    fails(lambda: verify(hs_token(b'{"alg":"HS256"}', b"{}", key=b"k"), b"k"), reason="key_too_short")
    fails(lambda: verify(jwt_sign({}, KEY, alg="EdDSA"), SECRET, algorithms=["HS256", "EdDSA"]), reason="key_mismatch")


def test_error_messages_name_the_problem() -> None:
    token = jwt_sign({"exp": NOW, "iss": "a", "aud": ["x"]}, SECRET, alg="HS256")
    assert fails(lambda: verify(token, now=NOW + 1.25, leeway=0.25)).message == (
        "token expired: exp 1700000000 <= now 1700000001.25 - leeway 0.25")
    assert fails(lambda: verify(token, now=0, issuer="b")).message == 'token iss "a" is not an accepted issuer'
    assert fails(lambda: verify(token, now=0, issuer="a", audience="y")).message == (
        'token aud ["x"] does not include an accepted audience')
    header = b64(b'{"alg":"HS256","alg":"none"}')
    msg = fails(lambda: verify(f"{header}.e30.")).message
    assert msg.startswith("token header is not valid JSON: duplicate key")


# -- bad arguments ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kw", "field"),
    [({"algorithms": None}, "algorithms"), ({"algorithms": []}, "algorithms"), ({"algorithms": "HS256"}, "algorithms"),
     ({"algorithms": ["none"]}, "algorithms"), ({"algorithms": ["HS256", "NoNe"]}, "algorithms"),
     ({"algorithms": ["RS256"]}, "algorithms"), ({"algorithms": [256]}, "algorithms"),
     ({"algorithms": ["EdDSA"]}, "algorithms"), ({"algorithms": {"HS256": 1}}, "algorithms"),
     ({"leeway": -1}, "leeway"), ({"leeway": "5"}, "leeway"), ({"leeway": True}, "leeway"),
     ({"leeway": float("inf")}, "leeway"), ({"now": "1"}, "now"), ({"now": float("nan")}, "now"),
     ({"now": False}, "now"), ({"max_age": -1}, "max_age"), ({"max_age": "1"}, "max_age"),
     ({"audience": []}, "audience"), ({"audience": 5}, "audience"), ({"audience": ["a", 5]}, "audience"),
     ({"issuer": 5}, "issuer"), ({"subject": 5}, "subject"), ({"typ": 5}, "typ"), ({"required": "sub"}, "required"),
     ({"required": [1]}, "required")],
)
def test_bad_options_are_validation_errors(kw: dict, field: str) -> None:
    token = jwt_sign({}, SECRET, alg="HS256")
    err = fails(lambda: verify(token, **kw), ErrorKind.VALIDATION)
    assert err.context["field"] == field


def test_none_means_not_given_where_it_is_the_default() -> None:
    token = jwt_sign({"sub": "a"}, SECRET, alg="HS256")
    nones: dict[str, Any] = dict.fromkeys(("audience", "issuer", "subject", "typ", "now", "max_age"))
    assert jwt_verify(token, SECRET, algorithms=["HS256"], **nones) == {"sub": "a"}
    fails(lambda: verify(token, leeway=None), ErrorKind.VALIDATION)
    fails(lambda: verify(token, required=None), ErrorKind.VALIDATION)


def test_algorithms_is_required() -> None:
    err = fails(lambda: jwt_verify(jwt_sign({}, SECRET, alg="HS256"), SECRET), ErrorKind.VALIDATION)
    assert err.context["field"] == "algorithms"


@pytest.mark.parametrize("key", ["secret-as-text-of-32-characters!", None, 1, KEY, [1, 2]])
def test_bad_keys_are_validation_errors(key: Any) -> None:
    err = fails(lambda: jwt_verify(jwt_sign({}, SECRET, alg="HS256"), key, algorithms=["HS256"]), ErrorKind.VALIDATION)
    assert err.context["field"] == "key"


@pytest.mark.parametrize("token", [None, b"a.b.c", 1, ["a", "b", "c"]])
def test_a_token_must_be_a_string(token: Any) -> None:
    err = fails(lambda: jwt_verify(token, SECRET, algorithms=["HS256"]), ErrorKind.VALIDATION)
    assert err.context["field"] == "token"
    fails(lambda: jwt_decode_unverified(token), ErrorKind.VALIDATION)


# -- decode_unverified ------------------------------------------------------------------------------

def test_decode_unverified_reads_without_checking() -> None:
    token = jwt_sign({"sub": "a", "exp": 1}, bytes(64), alg="HS512", header={"kid": "k"})
    decoded = jwt_decode_unverified(token[:-5] + "AAAAA")
    assert decoded == ({"alg": "HS512", "kid": "k", "typ": "JWT"}, {"sub": "a", "exp": 1})
    decoded.header["alg"] = "changed"  # a copy: the verifier's header cache is not touched
    assert jwt_decode_unverified(token).header["alg"] == "HS512"
    assert jwt_verify(token, bytes(64), algorithms=["HS512"], now=0) == {"sub": "a", "exp": 1}
    fails(lambda: jwt_decode_unverified("a.b"), reason="malformed")
    fails(lambda: jwt_decode_unverified(f"{token.split('.')[0]}.WzFd.x"), reason="malformed")  # [1]: not an object


def test_header_cache_is_bounded_and_per_segment() -> None:
    for i in range(jwt_module._HEADER_CACHE_SIZE + 10):
        token = jwt_sign({}, SECRET, alg="HS256", header={"kid": str(i)})
        assert verify(token) == {}
        assert jwt_decode_unverified(token).header["kid"] == str(i)
    assert len(jwt_module._HEADER_CACHE) <= jwt_module._HEADER_CACHE_SIZE
    jwt_module._HEADER_CACHE.clear()
    long_header = jwt_sign({}, SECRET, alg="HS256", header={"kid": "k" * 2000})
    assert verify(long_header) == {}
    assert jwt_module._HEADER_CACHE == {}  # long headers are parsed each time, never kept


# -- properties and fuzzing -------------------------------------------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20) | st.floats(
    allow_nan=False, allow_infinity=False)
JSON = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=8), inner, max_size=4), max_leaves=12)
REGISTERED = {"exp", "nbf", "iat", "iss", "sub", "jti", "aud"}
CLAIM_SETS = st.dictionaries(st.text(max_size=10).filter(lambda k: k not in REGISTERED), JSON, max_size=6)


@settings(max_examples=150)
@given(CLAIM_SETS, st.sampled_from(JWT_ALGORITHMS))
def test_sign_then_verify_returns_the_canonical_claims(claims: dict, alg: str) -> None:
    key: Any = KEY if alg == "EdDSA" else SECRETS[alg]
    vkey: Any = PUB if alg == "EdDSA" else SECRETS[alg]
    token = jwt_sign(claims, key, alg=alg)  # type: ignore[arg-type]
    out = jwt_verify(token, vkey, algorithms=[alg])
    assert canonical_bytes(out) == canonical_bytes(claims)
    assert jwt_sign(out, key, alg=alg) == token  # a fixed point  # type: ignore[arg-type]


def _outcome(token: str) -> object:
    try:
        return jwt_verify(token, SECRET, algorithms=["HS256", "HS512"], audience="api", now=NOW)
    except InfraError as exc:
        assert exc.kind is ErrorKind.AUTH, exc
        assert isinstance(exc.context.get("reason"), str)
        return exc.context["reason"]


@settings(max_examples=400)
@given(st.text(max_size=300))
def test_any_string_is_claims_or_an_auth_error(text: str) -> None:
    assert isinstance(_outcome(text), (dict, str))
    try:
        jwt_decode_unverified(text)
    except InfraError as exc:
        assert exc.kind is ErrorKind.AUTH


TOKEN = jwt_sign(CLAIMS, SECRET, alg="HS256")
MUTATIONS = st.lists(st.tuples(st.sampled_from(["replace", "insert", "delete"]), st.integers(0, len(TOKEN)),
                               st.sampled_from([*"AZaz09-_.=+/ \né\x00", "eyJ", ".."])), min_size=1, max_size=4)


@settings(max_examples=400)
@given(MUTATIONS)
def test_mutated_tokens_are_claims_or_an_auth_error(mutations: list[tuple[str, int, str]]) -> None:
    token = TOKEN
    for what, at, s in mutations:
        i = min(at, len(token))
        token = token[:i] + s + token[i + 1:] if what == "replace" else (
            token[:i] + s + token[i:] if what == "insert" else token[:i] + token[i + 1:])
    result = _outcome(token)
    if isinstance(result, dict):
        assert token == TOKEN or result == CLAIMS  # a mutation that verifies gave back the same claims


@settings(max_examples=200)
@given(st.binary(max_size=80), st.binary(max_size=80))
def test_arbitrary_signed_bytes_are_claims_or_an_auth_error(header: bytes, payload: bytes) -> None:
    _outcome(hs_token(header, payload))
    _outcome(hs_token(b'{"alg":"HS256"}', payload))


def test_docstring_examples_run() -> None:
    import doctest

    result = doctest.testmod(jwt_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
