"""Generate conformance/vectors/crypto/jwt_*.json (ops crypto.jwt.sign / verify / check / decode_unverified).

Expectations never come from llm_infra:

* **Tokens** are built here from the documented serialization with independent parts: the header
  and claims as RFC 8785 canonical JSON — ``json.dumps(sort_keys=True, separators=(",", ":"),
  ensure_ascii=False)`` where that equals RFC 8785 (ASCII/BMP keys, no floats, integers within
  ±2^53), else Node's ``JSON.stringify`` with members in UTF-16 order; every canonical text is
  also checked against ``JSON.stringify`` — base64url from ``base64``, HMAC from the standard
  library's ``hmac``, Ed25519 from **pynacl** (libsodium). Every signed token is cross-checked
  with **PyJWT** (ASCII claims, whose ``json.dumps`` bytes equal the canonical ones when the
  dict is pre-sorted; EdDSA through ``cryptography``) and with npm **jose** (``SignJWT`` over
  objects built in sorted order, via node).
* **Known answers**: RFC 7515 A.1 (HS256), RFC 7520 §4.4 (HS256, a non-JSON payload) and
  RFC 8037 A.4/A.5 (EdDSA, a non-JSON payload) from ../shared/vectors/rfc/jws_vectors.json.
* **Verdicts** follow the rules of docs/crypto.md and are checked against PyJWT 2.x and jose:
  cases without ``now`` (``jwt_verify.json``, ``jwt_verify_rfc.json``) must get the same verdict
  from exactly the PyJWT call ``../shared/tools/crosscheck.py`` makes (it reads the wall clock, so
  their times are far in the past or after 2100); cases with ``now`` (``jwt_verify_time.json``)
  are judged by PyJWT under a frozen clock (``enforce_minimum_key_length``, ``require``,
  ``subject``) and by jose's ``jwtVerify`` with ``currentDate`` / ``clockTolerance`` /
  ``maxTokenAge`` / ``requiredClaims`` / ``typ``. Where a peer answers differently by design the
  case's note says which and why (the generator fails if an undocumented difference appears).
  ``jwt_verify_strict.json`` holds the cases PyJWT accepts and this library rejects (short HMAC
  keys, duplicate JSON keys, non-canonical base64url, NaN, ...): crosscheck reports them as
  disagreements, each explained in its note. ``jwt_verify_arguments.json``: bad allow-lists and
  options (``validation``), which crosscheck's fixed call does not model.
* ``crypto.jwt.check`` repeats every verify case and pins the reason code of each rejection, as
  assigned by construction here (the tampered signature is ``signature``, the expired token is
  ``expired``, ...).

Random keys and claims come from ``random.Random`` with fixed seeds. Run:
python conformance/generators/crypto_jwt_vectors.py
"""

from __future__ import annotations

import base64
import hmac
import json
import random
import subprocess
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt as pyjwt
import jwt.api_jwt as pyjwt_api
from _common import write
from cryptography.hazmat.primitives.asymmetric import ed25519 as crypto_ed25519
from nacl.signing import SigningKey

HERE = Path(__file__).resolve().parent
RFC = Path(__file__).resolve().parents[3] / "shared" / "vectors" / "rfc"
HASH = {"HS256": "sha256", "HS384": "sha384", "HS512": "sha512"}
MAX_TOKEN_LENGTH = 65536
T0 = 1700000000
FAR = 4102444800  # 2100-01-01: "not expired" for the wall-clock cases
PAST = 1300000000

warnings.simplefilter("ignore")  # PyJWT's InsecureKeyLengthWarning on the short-key cases


def _rfc(name: str) -> dict:
    path = RFC / name
    if not path.exists():
        path = Path("/work/shared/vectors/rfc") / name
    return json.loads(path.read_text(encoding="utf-8"))


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def node(task: str, items: list[Any]) -> list[dict[str, Any]]:
    proc = subprocess.run(["node", str(HERE / "_jwt_node_peers.mjs")], input=json.dumps({"task": task, "items": items}),
                          capture_output=True, text=True, check=True, cwd=HERE)
    return json.loads(proc.stdout)["results"]


# -- key material -----------------------------------------------------------------------------------

RNG = random.Random(0x4A5754)


def rb(n: int) -> bytes:
    return bytes(RNG.getrandbits(8) for _ in range(n))


JWS = {c["name"].split(" - ")[0]: c for c in _rfc("jws_vectors.json")["cases"]}
A1 = JWS["RFC 7515 Appendix A.1"]
R7520 = JWS["RFC 7520 Section 4.4"]
R8037 = JWS["RFC 8037 Appendix A.4/A.5"]
A1_KEY = b64d(A1["key_jwk"]["k"])
R7520_KEY = b64d(R7520["key_jwk"]["k"])
RFC_SEED = b64d(R8037["private_key_jwk"]["d"])
RFC_PUB = b64d(R8037["public_key_jwk"]["x"])
assert bytes(SigningKey(RFC_SEED).verify_key) == RFC_PUB

K256, K384, K512, KLONG = rb(32), rb(48), rb(64), rb(100)
KEYS = {"HS256": K256, "HS384": K384, "HS512": K512}
SEED2 = rb(32)
PUB2 = bytes(SigningKey(SEED2).verify_key)
OTHER_SEED = rb(32)


# -- canonical JSON, independently ------------------------------------------------------------------

def _simple(v: Any) -> bool:
    """Values whose sorted ``json.dumps`` is exactly RFC 8785."""
    if v is None or isinstance(v, (bool, str)):
        return not isinstance(v, str) or all(ord(c) < 0x10000 and not 0xD800 <= ord(c) < 0xE000 for c in v)
    if isinstance(v, int):
        return -(2**53) <= v <= 2**53
    if isinstance(v, list):
        return all(_simple(x) for x in v)
    if isinstance(v, dict):
        return all(_simple(k) and _simple(x) for k, x in v.items())
    return False


_CANON: dict[str, str] = {}
_CHECK: list[str] = []


def prefetch(values: list[Any]) -> None:
    """Canonical texts of non-simple values from JSON.stringify (one node call)."""
    texts = [json.dumps(v) for v in values]
    for text, r in zip(texts, node("stringify_sorted", texts), strict=True):
        _CANON[text] = r["ok"]


def canon(v: Any) -> str:
    text = json.dumps(v)
    if text in _CANON:
        return _CANON[text]
    assert _simple(v), f"prefetch the canonical form of {text[:80]}"
    out = json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    _CANON[text] = out
    _CHECK.append(text)
    return out


def check_canon_with_node() -> None:
    for text, r in zip(_CHECK, node("stringify_sorted", _CHECK), strict=True):
        assert r["ok"] == _CANON[text], (text, r, _CANON[text])


# -- tokens -----------------------------------------------------------------------------------------

def sig_bytes(alg: str, key: bytes, signing_input: bytes) -> bytes:
    if alg == "EdDSA":
        return SigningKey(key).sign(signing_input).signature
    return hmac.new(key, signing_input, HASH[alg]).digest()


def header_of(alg: str, extra: dict | None = None) -> dict:
    return {"typ": "JWT", **(extra or {}), "alg": alg}


def make(alg: str, key: bytes, claims: Any, header: Any = None, *, sign_alg: str | None = None) -> str:
    """A compact token. ``header``/``claims``: a dict (canonicalized) or raw bytes, taken as is."""
    h = header if isinstance(header, bytes) else canon(header_of(alg) if header is None else header).encode()
    p = claims if isinstance(claims, bytes) else canon(claims).encode()
    si = b64e(h) + "." + b64e(p)
    return si + "." + b64e(sig_bytes(sign_alg or alg, key, si.encode()))


def swap_char(text: str, i: int) -> str:
    """``text`` with the character at ``i`` replaced by another base64url character of the same low bits."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    v = alphabet.index(text[i])
    return text[:i] + alphabet[v ^ 0b100000] + text[i + 1:]


def part(token: str, n: int) -> str:
    return token.split(".")[n]


def replace_part(token: str, n: int, seg: str) -> str:
    parts = token.split(".")
    parts[n] = seg
    return ".".join(parts)


def truncate_signature(token: str) -> str:
    return replace_part(token, 2, b64e(b64d(part(token, 2))[:-3]))


def public_of(seed: bytes) -> bytes:
    return bytes(SigningKey(seed).verify_key)


# -- claims -----------------------------------------------------------------------------------------

C1 = {"sub": "user-42", "iss": "https://auth.example.com", "aud": "api", "iat": T0, "exp": FAR, "scope": "read write"}
C2 = {"sub": "svc-7", "aud": ["api", "billing"], "nbf": 1500000000, "jti": "0b8f6c52-1d2e", "roles": ["admin", "dev"],
      "n": 0, "nested": {"b": [1, 2, {"c": None}], "a": True}}
C4 = {"iss": "joe", "exp": 1300819380, "http://example.com/is_root": True}
U1 = {"name": "Zoë", "emoji": "😀", "\ue000": 1, "😀": 2, "é": "é", "ctl": "\u0000\b\t\n\f\r\u001f\u007f\u2028\"\\/",
      "zh": "中文"}
F1 = {"f": [1.0, -0.0, 1e21, 1e-7, 0.000001, 1.5, 5e-324, 1.7976931348623157e308, 0.1, 2**53 + 1, -(2**53) - 2],
      "exp": FAR + 0.5, "iat": T0 + 0.25}
prefetch([U1, F1, {**U1, "sub": "u"}, header_of("HS512", {"kid": "ключ-😀"}), {"exp": FAR + 0.5, "nbf": 1.5},
          {"sub": "a", "exp": T0 + 0.5}])


# -- sign cases -------------------------------------------------------------------------------------

@dataclass
class Sign:
    id: str
    alg: Any
    key: bytes
    claims: Any
    header: Any = None
    error: str | None = None
    note: str = ""


def sign_cases() -> list[Sign]:
    out = [
        Sign("hs256", "HS256", K256, C1), Sign("hs384", "HS384", K384, C1), Sign("hs512", "HS512", K512, C1),
        Sign("hs256-key-100-bytes", "HS256", KLONG, C2, note="a key longer than the 64-byte block is hashed first"),
        Sign("hs512-key-100-bytes", "HS512", KLONG, C2),
        Sign("hs384-key-200-bytes", "HS384", KLONG * 2, C1, note="a key longer than the 128-byte block"),
        Sign("hs256-empty-claims", "HS256", K256, {}),
        Sign("hs256-rfc7515-claims", "HS256", A1_KEY, C4,
             note="RFC 7515 A.1's claims and key: canonical JSON, so not the RFC's token bytes"),
        Sign("hs256-kid", "HS256", K256, C1, {"kid": "2024-06-key-1"}),
        Sign("hs256-typ-replaced", "HS256", K256, C1, {"typ": "at+jwt"}, note="RFC 9068 access-token type"),
        Sign("hs384-extra-header-members", "HS384", K384, C2, {"kid": "k", "cty": "x", "x-custom": {"b": 1, "a": [True]}}),
        Sign("hs256-unicode-claims", "HS256", K256, U1,
             note="UTF-8, no \\u escapes above U+001F, keys in UTF-16 order (U+1F600 sorts before U+E000)"),
        Sign("hs512-unicode-header", "HS512", K512, {**U1, "sub": "u"}, {"kid": "ключ-😀"}),
        Sign("hs256-numbers", "HS256", K256, F1,
             note="ECMAScript number form: 1, 0 (for -0.0), 1e+21, 1e-7, 0.000001; 2^53+1 rounds to 2^53"),
        Sign("hs256-near-size-limit", "HS256", K256, {"data": "x" * 47_900}),
        Sign("eddsa-rfc8037-key", "EdDSA", RFC_SEED, C1, note="RFC 8037 A.1's key (RFC 8032 TEST 1 seed)"),
        Sign("eddsa", "EdDSA", SEED2, C2), Sign("eddsa-kid", "EdDSA", SEED2, C1, {"kid": "ed-1"}),
        Sign("eddsa-unicode-claims", "EdDSA", SEED2, U1), Sign("eddsa-numbers", "EdDSA", RFC_SEED, F1),
        Sign("eddsa-empty-claims", "EdDSA", RFC_SEED, {}),
    ]
    errors = [
        Sign("alg-none", "none", K256, C1, error="validation"), Sign("alg-None", "None", K256, C1, error="validation"),
        Sign("alg-rs256", "RS256", K256, C1, error="validation"),
        Sign("alg-lowercase", "hs256", K256, C1, error="validation", note="alg values are case-sensitive"),
        Sign("alg-not-a-string", 256, K256, C1, error="validation"),
        Sign("hs256-key-31", "HS256", K256[:31], C1, error="crypto", note="RFC 7518 §3.2: at least 32 bytes"),
        Sign("hs256-key-empty", "HS256", b"", C1, error="crypto"),
        Sign("hs384-key-47", "HS384", K384[:47], C1, error="crypto"),
        Sign("hs512-key-63", "HS512", K512[:63], C1, error="crypto"),
        Sign("hs512-key-32", "HS512", K256, C1, error="crypto"),
        Sign("eddsa-seed-31", "EdDSA", SEED2[:31], C1, error="validation"),
        Sign("header-alg-given", "HS256", K256, C1, {"alg": "HS512"}, error="validation"),
        Sign("header-alg-none-given", "HS256", K256, C1, {"alg": "none"}, error="validation"),
        Sign("header-crit", "HS256", K256, C1, {"crit": ["exp"], "exp": 1}, error="validation"),
        Sign("header-b64", "HS256", K256, C1, {"b64": False}, error="validation"),
        Sign("header-typ-not-string", "HS256", K256, C1, {"typ": 1}, error="validation"),
        Sign("header-kid-not-string", "HS256", K256, C1, {"kid": ["a"]}, error="validation"),
        Sign("header-not-object", "HS256", K256, C1, ["kid"], error="validation"),
        Sign("claims-array", "HS256", K256, ["sub"], error="validation"),
        Sign("claims-string", "HS256", K256, "sub", error="validation"),
        Sign("claims-null", "HS256", K256, None, error="validation"),
        Sign("claims-exp-string", "HS256", K256, {"exp": "4102444800"}, error="validation"),
        Sign("claims-exp-bool", "HS256", K256, {"exp": True}, error="validation"),
        Sign("claims-iat-null", "HS256", K256, {"iat": None}, error="validation"),
        Sign("claims-iss-number", "HS256", K256, {"iss": 5}, error="validation"),
        Sign("claims-sub-object", "HS256", K256, {"sub": {}}, error="validation"),
        Sign("claims-aud-number-list", "HS256", K256, {"aud": ["a", 1]}, error="validation"),
        Sign("claims-too-large", "HS256", K256, {"data": "x" * 49_200}, error="validation",
             note=f"the token would exceed MAX_TOKEN_LENGTH ({MAX_TOKEN_LENGTH} characters)"),
    ]
    return out + errors


def pyjwt_encode(s: Sign) -> str | None:
    """PyJWT's token for the same input, when its json.dumps bytes are the canonical ones."""
    if not (_simple(s.claims) and _simple(s.header or {})) or not all(ord(c) < 128 for c in json.dumps(s.claims)):
        return None
    sorted_claims = json.loads(canon(s.claims))  # an insertion-ordered (sorted) dict, recursively
    key: Any = s.key if s.alg != "EdDSA" else crypto_ed25519.Ed25519PrivateKey.from_private_bytes(s.key)
    return pyjwt.encode(sorted_claims, key, algorithm=s.alg, headers=s.header)


def build_sign() -> list[dict]:
    specs = sign_cases()
    good = [s for s in specs if s.error is None]
    tokens = {s.id: make(s.alg, s.key, s.claims, header_of(s.alg, s.header)) for s in good}
    jose = node("jose_sign", [{"alg": s.alg, "key": s.key.hex(), "header": json.dumps(header_of(s.alg, s.header)),
                               "claims": json.dumps(s.claims)} for s in good])
    cases = []
    for s in specs:
        inp: dict[str, Any] = {"alg": s.alg, "key": s.key.hex(), "claims": s.claims}
        if s.header is not None:
            inp = {"alg": s.alg, "key": s.key.hex(), "header": s.header, "claims": s.claims}
        case: dict[str, Any] = {"id": s.id, "input": inp}
        if s.error is None:
            token = tokens[s.id]
            assert len(token) <= MAX_TOKEN_LENGTH
            j = jose[good.index(s)]
            assert j.get("ok") == token, (s.id, j, token)
            checked = ["jose"]
            peer = pyjwt_encode(s)
            if peer is not None:
                assert peer == token, (s.id, peer, token)
                checked.insert(0, "PyJWT")
            case["expect"] = {"token": token}
            s.note = (s.note + "; " if s.note else "") + f"same token from {' and '.join(checked)}"
        else:
            if s.id == "claims-too-large":
                assert len(make("HS256", K256, s.claims)) > MAX_TOKEN_LENGTH
            case["error"] = {"kind": s.error}
        if s.note:
            case["note"] = s.note
        cases.append(case)
    return cases


# -- verify cases -----------------------------------------------------------------------------------

@dataclass
class Verify:
    group: str  # rfc | main | strict | time | arguments
    id: str
    alg: str
    key: bytes
    token: str
    reason: str | None = None  # None: valid; "validation": an argument error
    opts: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    pyjwt: str = ""  # why PyJWT (frozen clock, full options) answers differently, if it does
    jose: str = ""  # why jose answers differently, if it does
    claims: Any = None

    def input(self) -> dict[str, Any]:
        return {"alg": self.alg, "key": self.key.hex(), "token": self.token, **self.opts}


def payload_claims(token: str) -> Any:
    return json.loads(b64d(part(token, 1)))


def verify_cases() -> list[Verify]:
    v: list[Verify] = []
    add = v.append
    a1 = A1["expected_compact"]
    # RFC known answers
    add(Verify("rfc", "rfc7515-a1", "HS256", A1_KEY, a1, opts={"now": 1300819000},
               note="RFC 7515 A.1 (non-canonical header and payload bytes are fine to verify)"))
    add(Verify("rfc", "rfc7515-a1-wall-clock", "HS256", A1_KEY, a1, "expired", note="exp 1300819380 is in 2011"))
    add(Verify("rfc", "rfc7515-a1-at-exp", "HS256", A1_KEY, a1, "expired", opts={"now": 1300819380},
               note="exp <= now is expired"))
    add(Verify("rfc", "rfc7515-a1-leeway-enough", "HS256", A1_KEY, a1, opts={"now": 1300819390, "leeway": 11}))
    add(Verify("rfc", "rfc7515-a1-leeway-short", "HS256", A1_KEY, a1, "expired", opts={"now": 1300819390, "leeway": 10}))
    add(Verify("rfc", "rfc7515-a1-only-hs384-allowed", "HS384", A1_KEY, a1, "alg_not_allowed", opts={"now": 1300819000}))
    add(Verify("rfc", "rfc7515-a1-tampered-signature", "HS256", A1_KEY, swap_char(a1, len(a1) - 10), "signature",
               opts={"now": 1300819000}))
    tampered_payload = b64d(part(a1, 1)).replace(b"1300819380", b"1300819999")
    add(Verify("rfc", "rfc7515-a1-tampered-payload", "HS256", A1_KEY, replace_part(a1, 1, b64e(tampered_payload)),
               "signature", opts={"now": 1300819000}, note="exp extended, signature kept"))
    add(Verify("rfc", "rfc7520-4.4", "HS256", R7520_KEY, R7520["expected_compact"], "malformed",
               note="RFC 7520 §4.4: a valid HS256 JWS whose payload is text, not JWT claims"))
    add(Verify("rfc", "rfc8037-a4", "EdDSA", RFC_PUB, R8037["expected_compact"], "malformed",
               note="RFC 8037 A.4/A.5: a valid EdDSA JWS whose payload is text, not JWT claims (check: reason "
                    "'malformed', not 'signature')"))
    r8037 = R8037["expected_compact"]
    add(Verify("rfc", "rfc8037-a4-tampered-signature", "EdDSA", RFC_PUB, swap_char(r8037, len(r8037) - 20), "signature"))
    add(Verify("rfc", "rfc8037-a4-as-hmac", "HS256", RFC_PUB, r8037, "alg_not_allowed",
               note="the EdDSA token offered to an HS256 verifier whose secret is the Ed25519 public key"))

    # main: crosscheck (PyJWT, wall clock) gives the same verdict
    t1 = {alg: make(alg, KEYS[alg], C1) for alg in KEYS}
    aud_iss = {"audience": "api", "issuer": "https://auth.example.com"}
    for alg, tok in t1.items():
        add(Verify("main", f"{alg.lower()}-valid", alg, KEYS[alg], tok, opts=dict(aud_iss)))
    tok = t1["HS256"]
    add(Verify("main", "hs256-no-time-claims", "HS256", K256, make("HS256", K256, {"sub": "a", "role": "x"})))
    t2 = make("HS256", K256, C2)
    add(Verify("main", "hs256-aud-list-matches", "HS256", K256, t2, opts={"audience": "billing"}))
    add(Verify("main", "hs256-audience-list-matches", "HS256", K256, tok, opts={"audience": ["other", "api"]}))
    add(Verify("main", "hs256-issuer-list-matches", "HS256", K256, tok,
               opts={"audience": "api", "issuer": ["a", "https://auth.example.com"]}))
    add(Verify("main", "hs256-key-100-bytes", "HS256", KLONG, make("HS256", KLONG, C2), opts={"audience": "api"}))
    add(Verify("main", "hs512-key-100-bytes", "HS512", KLONG, make("HS512", KLONG, C2), opts={"audience": "api"}))
    add(Verify("main", "hs256-kid-and-typ", "HS256", K256,
               make("HS256", K256, C1, header_of("HS256", {"kid": "k1", "typ": "at+jwt"})), opts=dict(aud_iss)))
    add(Verify("main", "hs256-unicode-claims", "HS256", K256, make("HS256", K256, U1)))
    add(Verify("main", "hs256-float-dates", "HS256", K256, make("HS256", K256, {"exp": FAR + 0.5, "nbf": 1.5})))
    add(Verify("main", "hs256-whitespace-in-json", "HS256", K256,
               make("HS256", K256, b'\n{"sub" : "a"}\r\n', b' {"typ":"JWT",\r\n "alg":"HS256"} '),
               note="JSON whitespace is allowed in tokens made elsewhere"))
    add(Verify("main", "hs256-without-typ", "HS256", K256, make("HS256", K256, {"sub": "a"}, b'{"alg":"HS256"}')))
    add(Verify("main", "hs256-extra-header-members", "HS256", K256,
               make("HS256", K256, {"sub": "a"}, b'{"alg":"HS256","jku":"https://evil.example/keys","x5u":"x"}'),
               note="jku/x5u are ignored: the key is always the caller's"))
    e1 = make("EdDSA", SEED2, C1)
    add(Verify("main", "eddsa-valid", "EdDSA", PUB2, e1, opts=dict(aud_iss)))
    add(Verify("main", "eddsa-rfc8037-key", "EdDSA", RFC_PUB, make("EdDSA", RFC_SEED, {"sub": "a"})))
    add(Verify("main", "eddsa-kid", "EdDSA", PUB2, make("EdDSA", SEED2, C2, header_of("EdDSA", {"kid": "ed-1"})),
               opts={"audience": ["api"]}))
    # signatures
    add(Verify("main", "hs256-tampered-signature", "HS256", K256, swap_char(tok, len(tok) - 20), "signature",
               opts=dict(aud_iss)))
    add(Verify("main", "hs256-tampered-header", "HS256", K256,
               replace_part(tok, 0, b64e(canon(header_of("HS256", {"kid": "x"})).encode())), "signature",
               opts=dict(aud_iss)))
    add(Verify("main", "hs256-tampered-payload", "HS256", K256,
               replace_part(tok, 1, b64e(canon({**C1, "sub": "admin"}).encode())), "signature", opts=dict(aud_iss)))
    add(Verify("main", "hs256-other-key", "HS256", K256, make("HS256", KLONG[:32], C1), "signature", opts=dict(aud_iss)))
    add(Verify("main", "hs256-signature-truncated", "HS256", K256, truncate_signature(tok), "signature",
               opts=dict(aud_iss), note="the first 29 bytes of the MAC"))
    add(Verify("main", "hs256-signature-extended", "HS256", K256, tok + "AAAA", "signature", opts=dict(aud_iss)))
    add(Verify("main", "hs256-signature-empty", "HS256", K256, replace_part(tok, 2, ""), "signature", opts=dict(aud_iss)))
    add(Verify("main", "hs256-header-says-hs256-signed-hs512", "HS256", K256, make("HS256", K256, C1, sign_alg="HS512"),
               "signature", opts=dict(aud_iss)))
    add(Verify("main", "hs512-tampered-signature", "HS512", K512, swap_char(t1["HS512"], len(t1["HS512"]) - 5),
               "signature", opts=dict(aud_iss)))
    add(Verify("main", "eddsa-tampered-signature", "EdDSA", PUB2, swap_char(e1, len(e1) - 30), "signature",
               opts=dict(aud_iss)))
    add(Verify("main", "eddsa-other-key", "EdDSA", public_of(OTHER_SEED), e1, "signature", opts=dict(aud_iss)))
    add(Verify("main", "eddsa-signature-truncated", "EdDSA", PUB2, truncate_signature(e1), "signature",
               opts=dict(aud_iss), note="the first 61 bytes of the signature"))
    add(Verify("main", "eddsa-tampered-payload", "EdDSA", PUB2,
               replace_part(e1, 1, b64e(canon({**C1, "sub": "admin"}).encode())), "signature", opts=dict(aud_iss)))
    # alg none and the allow-list
    body = part(tok, 1)
    for spelling in ("none", "None", "NONE", "nOnE"):
        add(Verify("main", f"alg-{spelling}", "HS256", K256, b64e(canon({"alg": spelling, "typ": "JWT"}).encode())
                   + "." + body + ".", "alg_none", opts=dict(aud_iss), note="an unsecured JWT (empty signature)"))
    add(Verify("main", "alg-none-with-signature", "HS256", K256, make("HS256", K256, C1, {"alg": "none"}), "alg_none",
               opts=dict(aud_iss), note="alg none whose signature segment holds a valid HMAC"))
    add(Verify("main", "alg-not-allowed-hs512", "HS256", K256, make("HS512", K512, C1), "alg_not_allowed",
               opts=dict(aud_iss)))
    add(Verify("main", "alg-not-allowed-hs256", "HS384", K384, make("HS256", K384[:32], C1), "alg_not_allowed",
               opts=dict(aud_iss)))
    add(Verify("main", "alg-rs256", "HS256", K256, make("HS256", K256, C1, {"alg": "RS256"}), "alg_not_allowed",
               opts=dict(aud_iss)))
    add(Verify("main", "alg-lowercase", "HS256", K256, make("HS256", K256, C1, {"alg": "hs256"}), "alg_not_allowed",
               opts=dict(aud_iss), note="alg values are case-sensitive (RFC 7515 §4.1.1)"))
    add(Verify("main", "alg-missing", "HS256", K256, make("HS256", K256, C1, {"typ": "JWT"}), "malformed",
               opts=dict(aud_iss)))
    add(Verify("main", "alg-not-a-string", "HS256", K256, make("HS256", K256, C1, b'{"alg":["HS256"]}'), "malformed",
               opts=dict(aud_iss)))
    add(Verify("main", "eddsa-token-to-hmac-verifier", "HS256", K256, e1, "alg_not_allowed", opts=dict(aud_iss)))
    add(Verify("main", "hmac-token-to-eddsa-verifier", "EdDSA", PUB2, tok, "alg_not_allowed", opts=dict(aud_iss)))
    add(Verify("main", "confusion-hs256-signed-with-the-public-key", "EdDSA", PUB2, make("HS256", PUB2, C1),
               "key_mismatch", opts={**aud_iss, "algorithms": ["EdDSA", "HS256"]},
               note="the classic attack: an HS256 token whose secret is the verifier's Ed25519 public key; an "
                    "Ed25519 public key never verifies an HMAC, whatever the allow-list"))
    add(Verify("main", "confusion-eddsa-token-hmac-key", "HS256", K256, e1, "key_mismatch",
               opts={**aud_iss, "algorithms": ["HS256", "EdDSA"]}, note="an HMAC secret never verifies EdDSA"))
    # claims and times (wall clock: far past / after 2100)
    add(Verify("main", "expired", "HS256", K256, make("HS256", K256, {"sub": "a", "exp": PAST}), "expired"))
    add(Verify("main", "not-yet-valid", "HS256", K256, make("HS256", K256, {"sub": "a", "nbf": FAR}), "not_yet_valid"))
    add(Verify("main", "iat-in-the-future", "HS256", K256, make("HS256", K256, {"sub": "a", "iat": FAR}), "iat_future"))
    add(Verify("main", "exp-bool", "HS256", K256, make("HS256", K256, {"exp": True}), "claim_type"))
    add(Verify("main", "exp-null", "HS256", K256, make("HS256", K256, {"exp": None}), "claim_type"))
    add(Verify("main", "nbf-object", "HS256", K256, make("HS256", K256, {"nbf": {}}), "claim_type"))
    add(Verify("main", "sub-number", "HS256", K256, make("HS256", K256, {"sub": 42}), "claim_type"))
    add(Verify("main", "jti-number", "HS256", K256, make("HS256", K256, {"jti": 7}), "claim_type"))
    add(Verify("main", "aud-number-list", "HS256", K256, make("HS256", K256, {"aud": ["api", 1]}), "claim_type",
               opts={"audience": "api"}))
    add(Verify("main", "iss-number", "HS256", K256, make("HS256", K256, {"iss": 5}), "claim_type",
               opts={"issuer": "5"}))
    add(Verify("main", "wrong-audience", "HS256", K256, tok, "audience", opts={**aud_iss, "audience": "web"}))
    add(Verify("main", "aud-list-no-match", "HS256", K256, t2, "audience", opts={"audience": ["web", "mobile"]}))
    add(Verify("main", "audience-but-no-aud", "HS256", K256, make("HS256", K256, {"sub": "a"}), "claim_missing",
               opts={"audience": "api"}))
    add(Verify("main", "wrong-issuer", "HS256", K256, tok, "issuer", opts={**aud_iss, "issuer": "https://evil.example"}))
    add(Verify("main", "issuer-but-no-iss", "HS256", K256, make("HS256", K256, {"sub": "a"}), "claim_missing",
               opts={"issuer": "https://auth.example.com"}))
    add(Verify("main", "eddsa-expired", "EdDSA", PUB2, make("EdDSA", SEED2, {"exp": PAST}), "expired"))
    add(Verify("main", "eddsa-wrong-audience", "EdDSA", PUB2, e1, "audience", opts={**aud_iss, "audience": "web"}))
    # malformed
    h, p, s = tok.split(".")
    for cid, text in [("empty-token", ""), ("one-segment", h), ("two-segments", f"{h}.{p}"),
                      ("four-segments", f"{tok}.{s}"), ("five-segments-jwe", f"{h}.{p}.{s}.{s}.{s}"),
                      ("header-bad-character", f"{h[:5]}!{h[6:]}.{p}.{s}"),
                      ("signature-bad-character", f"{h}.{p}.{s[:-3]}*{s[-2:]}")]:
        add(Verify("main", cid, "HS256", K256, text, "malformed", opts=dict(aud_iss)))
    for cid, raw in [("header-not-json", b"{alg: HS256}"), ("header-json-array", b'["HS256"]'),
                     ("header-json-string", b'"HS256"'), ("header-empty", b"")]:
        add(Verify("main", cid, "HS256", K256, make("HS256", K256, C1, raw), "malformed", opts=dict(aud_iss)))
    for cid, raw in [("payload-json-array", b'["a"]'), ("payload-json-number", b"42"), ("payload-not-utf8", b'{"a":"\xff"}'),
                     ("payload-empty", b""), ("payload-not-json", b"sub=a")]:
        add(Verify("main", cid, "HS256", K256, make("HS256", K256, raw), "malformed",
                   note="correctly signed, but the payload is not a JSON object"))
    add(Verify("main", "header-kid-not-string", "HS256", K256,
               make("HS256", K256, C1, b'{"alg":"HS256","kid":5}'), "malformed", opts=dict(aud_iss)))
    add(Verify("main", "header-crit", "HS256", K256,
               make("HS256", K256, C1, b'{"alg":"HS256","crit":["exp"],"exp":1}'), "crit", opts=dict(aud_iss),
               note="no crit extension is understood (RFC 7515 §4.1.11)"))
    return v + strict_cases() + time_cases() + argument_cases()


def strict_cases() -> list[Verify]:
    v: list[Verify] = []
    add = v.append
    lax = "PyJWT accepts it"
    for alg, n in [("HS256", 31), ("HS256", 16), ("HS256", 0), ("HS384", 47), ("HS512", 63), ("HS512", 32)]:
        key = (KLONG + KLONG)[:n]
        why = (f"RFC 7518 §3.2: {alg} keys are at least {HASH[alg][3:]} bits; " + (
            "PyJWT rejects the empty key too" if n == 0 else
            f"{lax} with an InsecureKeyLengthWarning unless enforce_minimum_key_length is set"))
        add(Verify("main" if n == 0 else "strict", f"{alg.lower()}-key-{n}-bytes", alg, key, make(alg, key, {"sub": "a"}),
                   "key_too_short", note=why))
    add(Verify("strict", "duplicate-key-header", "HS256", K256,
               make("HS256", K256, {"sub": "a"}, b'{"alg":"none","alg":"HS256"}'), "malformed",
               note=f"duplicate JSON keys: two parsers may see two documents; {lax} (last one wins)"))
    add(Verify("strict", "duplicate-key-payload", "HS256", K256, make("HS256", K256, b'{"sub":"admin","sub":"guest"}'),
               "malformed", note=f"duplicate JSON keys; {lax} (last one wins)"))
    add(Verify("strict", "payload-nan", "HS256", K256, make("HS256", K256, b'{"sub":"a","score":NaN}'), "malformed",
               note=f"NaN is not JSON; {lax} (json.loads reads NaN)"))
    add(Verify("strict", "payload-byte-order-mark", "HS256", K256, make("HS256", K256, b'\xef\xbb\xbf{"sub":"a"}'),
               "malformed", note=f"a BOM is not JSON text; {lax}"))
    add(Verify("strict", "header-typ-not-string", "HS256", K256, make("HS256", K256, {"sub": "a"}, b'{"alg":"HS256","typ":5}'),
               "malformed", note=f"typ must be a string (RFC 7515 §4.1.9); {lax}"))
    add(Verify("strict", "exp-string", "HS256", K256, make("HS256", K256, {"sub": "a", "exp": str(FAR)}), "claim_type",
               note=f"NumericDate is a JSON number; {lax} (int('4102444800'))"))
    add(Verify("strict", "iat-string", "HS256", K256, make("HS256", K256, {"sub": "a", "iat": "1"}), "claim_type",
               note=f"NumericDate is a JSON number; {lax}"))
    add(Verify("strict", "aud-without-audience", "HS256", K256, make("HS256", K256, {"sub": "a", "aud": "api"}),
               "audience", note="RFC 7519 §4.1.3: a verifier that does not identify itself with aud rejects the token; "
                                "PyJWT's default (verify_aud) agrees, but crosscheck.py turns verify_aud off without an "
                                "audience"))
    tok = make("HS256", K256, {"sub": "a", "pad": "xx"})
    h, p, s = tok.split(".")
    padded = [(n, seg) for n, seg in enumerate((h, p, s)) if len(seg) % 4]
    n, seg = padded[0]
    add(Verify("main", "padded-segment", "HS256", K256, replace_part(tok, n, seg + "=" * (-len(seg) % 4)), "malformed",
               note="base64url in JWS has no padding (RFC 7515 §2)"))
    sig = s if len(s) % 4 else None
    assert sig is not None
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet[alphabet.index(sig[-1]) | 1]
    add(Verify("main", "signature-non-canonical-base64url", "HS256", K256, replace_part(tok, 2, sig[:-1] + last),
               "malformed", note="non-zero unused bits in the last character: the same bytes, another text"))
    big = make("HS256", K256, {"data": "x" * 49_200})
    assert len(big) > MAX_TOKEN_LENGTH
    add(Verify("strict", "token-too-large", "HS256", K256, big, "too_large",
               note=f"longer than MAX_TOKEN_LENGTH ({MAX_TOKEN_LENGTH}); {lax}"))
    return v


def time_cases() -> list[Verify]:
    v: list[Verify] = []
    add = v.append
    jose_iat = "jose checks a future iat only with maxTokenAge"
    no_max_age = "PyJWT has no max_age"
    no_typ = "PyJWT has no typ check"
    k = K256
    exp_tok = make("HS256", k, {"sub": "a", "exp": T0 + 60})
    for cid, now, leeway, reason in [("exp-before", T0, None, None), ("exp-one-second-before", T0 + 59, None, None),
                                      ("exp-at", T0 + 60, None, "expired"), ("exp-after-leeway-short", T0 + 70, 10, "expired"),
                                      ("exp-after-leeway-enough", T0 + 70, 11, None)]:
        add(Verify("time", cid, "HS256", k, exp_tok, reason, opts={"now": now, **({"leeway": leeway} if leeway else {})}))
    nbf_tok = make("HS256", k, {"sub": "a", "nbf": T0})
    add(Verify("time", "nbf-at", "HS256", k, nbf_tok, opts={"now": T0}))
    add(Verify("time", "nbf-one-second-early", "HS256", k, nbf_tok, "not_yet_valid", opts={"now": T0 - 1}))
    add(Verify("time", "nbf-early-within-leeway", "HS256", k, nbf_tok, opts={"now": T0 - 1, "leeway": 1}))
    iat_tok = make("HS256", k, {"sub": "a", "iat": T0})
    add(Verify("time", "iat-now", "HS256", k, iat_tok, opts={"now": T0}))
    add(Verify("time", "iat-one-second-ahead", "HS256", k, iat_tok, "iat_future", opts={"now": T0 - 1}, jose=jose_iat))
    add(Verify("time", "iat-ahead-within-leeway", "HS256", k, iat_tok, opts={"now": T0 - 1, "leeway": 1}))
    add(Verify("time", "max-age-exact", "HS256", k, iat_tok, opts={"now": T0 + 3600, "max_age": 3600}))
    add(Verify("time", "max-age-exceeded", "HS256", k, iat_tok, "too_old", opts={"now": T0 + 3600, "max_age": 3599},
               pyjwt=no_max_age))
    add(Verify("time", "max-age-within-leeway", "HS256", k, iat_tok, opts={"now": T0 + 3600, "max_age": 3599, "leeway": 1}))
    add(Verify("time", "max-age-without-iat", "HS256", k, exp_tok, "claim_missing", opts={"now": T0, "max_age": 60},
               pyjwt=no_max_age))
    add(Verify("time", "max-age-iat-in-the-future", "HS256", k, iat_tok, "iat_future",
               opts={"now": T0 - 10, "max_age": 60}))
    all_tok = make("HS256", k, {"sub": "a", "iat": T0, "nbf": T0, "exp": T0 + 300})
    add(Verify("time", "all-dates-valid", "HS256", k, all_tok, opts={"now": T0 + 100, "max_age": 200}))
    add(Verify("time", "expired-and-too-old", "HS256", k, all_tok, "expired", opts={"now": T0 + 400, "max_age": 200},
               note="exp is checked before max_age"))
    flt = make("HS256", k, {"sub": "a", "exp": T0 + 0.5})
    trunc = "PyJWT truncates a fractional NumericDate (int(exp))"
    add(Verify("time", "float-exp-before", "HS256", k, flt, opts={"now": T0 + 0.25}, pyjwt=trunc,
               jose="jose floors currentDate to whole seconds (same verdict here)"))
    add(Verify("time", "float-exp-at", "HS256", k, flt, "expired", opts={"now": T0 + 0.5},
               jose="jose floors currentDate to whole seconds, so it sees now = 1700000000 < exp"))
    add(Verify("time", "float-now", "HS256", k, exp_tok, opts={"now": T0 + 59.75}))
    add(Verify("time", "float-leeway", "HS256", k, exp_tok, opts={"now": T0 + 60.5, "leeway": 0.75},
               jose="jose floors currentDate to whole seconds (same verdict here)"))
    rq = make("HS256", k, {"sub": "a", "jti": "j", "email": None, "exp": T0 + 60})
    add(Verify("time", "required-present", "HS256", k, rq, opts={"now": T0, "required": ["sub", "jti", "exp"]}))
    add(Verify("time", "required-missing", "HS256", k, rq, "claim_missing", opts={"now": T0, "required": ["sub", "scope"]}))
    add(Verify("time", "required-null-counts-as-present", "HS256", k, rq, opts={"now": T0, "required": ["email"]},
               pyjwt="PyJWT treats a null claim as missing (payload.get(claim) is None)"))
    sub_tok = make("HS256", k, {"sub": "user-42", "exp": T0 + 60})
    add(Verify("time", "subject-matches", "HS256", k, sub_tok, opts={"now": T0, "subject": "user-42"}))
    add(Verify("time", "subject-differs", "HS256", k, sub_tok, "subject", opts={"now": T0, "subject": "user-7"}))
    add(Verify("time", "subject-missing", "HS256", k, make("HS256", k, {"exp": T0 + 60}), "claim_missing",
               opts={"now": T0, "subject": "a"}, pyjwt="PyJWT checks sub only when the token has one"))
    at = make("HS256", k, {"sub": "a", "exp": T0 + 60}, header_of("HS256", {"typ": "at+jwt"}))
    add(Verify("time", "typ-matches", "HS256", k, at, opts={"now": T0, "typ": "at+jwt"}))
    add(Verify("time", "typ-matches-with-media-type", "HS256", k, at, opts={"now": T0, "typ": "application/AT+JWT"}))
    add(Verify("time", "typ-differs", "HS256", k, exp_tok, "typ", opts={"now": T0, "typ": "at+jwt"}, pyjwt=no_typ))
    add(Verify("time", "typ-absent", "HS256", k, make("HS256", k, {"exp": T0 + 60}, b'{"alg":"HS256"}'), "typ",
               opts={"now": T0, "typ": "JWT"}, pyjwt=no_typ))
    add(Verify("time", "allow-list-two-hmac", "HS512", K512, make("HS512", K512, {"exp": T0 + 60}),
               opts={"now": T0, "algorithms": ["HS256", "HS512"]}))
    add(Verify("time", "allow-list-both-families", "EdDSA", PUB2, make("EdDSA", SEED2, {"exp": T0 + 60}),
               opts={"now": T0, "algorithms": ["HS256", "EdDSA"]}))
    add(Verify("time", "issuer-list-no-match", "HS256", k, make("HS256", k, {"iss": "c", "exp": T0 + 60}), "issuer",
               opts={"now": T0, "issuer": ["a", "b"]}))
    add(Verify("time", "aud-without-audience", "HS256", k, make("HS256", k, {"aud": "api", "exp": T0 + 60}), "audience",
               opts={"now": T0}, jose="jose checks aud only when given an audience; RFC 7519 §4.1.3 says reject"))
    add(Verify("time", "expired-and-wrong-audience", "HS256", k, make("HS256", k, {"aud": "api", "exp": T0}), "expired",
               opts={"now": T0, "audience": "web"}, note="times are checked before the audience"))
    ed = make("EdDSA", SEED2, {"sub": "a", "exp": T0 + 60, "nbf": T0})
    add(Verify("time", "eddsa-valid", "EdDSA", PUB2, ed, opts={"now": T0}))
    add(Verify("time", "eddsa-expired", "EdDSA", PUB2, ed, "expired", opts={"now": T0 + 60}))
    add(Verify("time", "eddsa-not-yet-valid", "EdDSA", PUB2, ed, "not_yet_valid", opts={"now": T0 - 1}))
    add(Verify("time", "eddsa-tampered-exp", "EdDSA", PUB2,
               replace_part(ed, 1, b64e(canon({"sub": "a", "exp": T0 + 6000, "nbf": T0}).encode())), "signature",
               opts={"now": T0 + 100}))
    add(Verify("time", "short-key-within-time", "HS256", K256[:20], make("HS256", K256[:20], {"exp": T0 + 60}),
               "key_too_short", opts={"now": T0}))
    return v


def argument_cases() -> list[Verify]:
    v: list[Verify] = []
    add = v.append
    tok = make("HS256", K256, {"sub": "a"})
    note = "a caller error, not a token failure; crosscheck.py always calls PyJWT with algorithms=[alg]"
    for cid, opts in [("algorithms-empty", {"algorithms": []}), ("algorithms-none", {"algorithms": ["none"]}),
                      ("algorithms-none-uppercase", {"algorithms": ["HS256", "NONE"]}),
                      ("algorithms-unsupported", {"algorithms": ["RS256"]}),
                      ("algorithms-a-string", {"algorithms": "HS256"}),
                      ("algorithms-no-hmac-for-a-secret", {"algorithms": ["EdDSA"]}),
                      ("leeway-negative", {"leeway": -1}), ("leeway-string", {"leeway": "10"}),
                      ("now-string", {"now": "1700000000"}), ("max-age-negative", {"max_age": -5}),
                      ("audience-empty-list", {"audience": []}), ("audience-number", {"audience": 5}),
                      ("issuer-number-list", {"issuer": [1]}), ("required-a-string", {"required": "sub"}),
                      ("subject-number", {"subject": 1}), ("typ-number", {"typ": 1})]:
        add(Verify("arguments", cid, "HS256", K256, tok, "validation", opts=opts, note=note))
    add(Verify("arguments", "token-not-a-string", "HS256", K256, tok, "validation", note=note))
    v[-1].token = None  # type: ignore[assignment]
    add(Verify("arguments", "eddsa-public-key-31-bytes", "EdDSA", PUB2[:31], make("EdDSA", SEED2, {"sub": "a"}),
               "validation", note="an Ed25519 public key is 32 bytes"))
    return v


# -- peers ------------------------------------------------------------------------------------------

class _FrozenClock:
    def __init__(self, t: float) -> None:
        self.t = t

    def now(self, tz: Any = None) -> _FrozenClock:
        return self

    def timestamp(self) -> float:
        return self.t


def _pyjwt_key(alg: str, key: bytes) -> Any:
    return crypto_ed25519.Ed25519PublicKey.from_public_bytes(key) if alg == "EdDSA" else key


def pyjwt_crosscheck(c: Verify) -> Any:
    """Exactly crosscheck.py's call (wall clock): claims, 'ERR', or None when it skips the case."""
    i = c.input()
    if not i["alg"].startswith("HS") or "now" in i:
        return None
    opts: dict = {}
    kw: dict = {"algorithms": [i["alg"]], "leeway": i.get("leeway", 0)}
    if "audience" in i:
        kw["audience"] = i["audience"]
    else:
        opts["verify_aud"] = False
    if "issuer" in i:
        kw["issuer"] = i["issuer"]
    try:
        return pyjwt.decode(i["token"], bytes.fromhex(i["key"]), options=opts, **kw)
    except Exception:  # noqa: BLE001 - crosscheck.py counts any exception as a rejection
        return "ERR"


def pyjwt_full(c: Verify) -> Any:
    """PyJWT with every option it has, under a frozen clock when the case has ``now``."""
    o = c.opts
    options: dict[str, Any] = {"enforce_minimum_key_length": True, "require": o.get("required", [])}
    kw: dict[str, Any] = {"algorithms": o.get("algorithms", [c.alg]), "leeway": o.get("leeway", 0), "options": options}
    for name in ("audience", "issuer", "subject"):
        if name in o:
            kw[name] = o[name]
    saved = pyjwt_api.datetime
    if "now" in o:
        pyjwt_api.datetime = _FrozenClock(o["now"])  # type: ignore[assignment]
    try:
        return pyjwt.decode(c.token, _pyjwt_key(c.alg, c.key), **kw)
    except Exception as exc:  # noqa: BLE001 - any PyJWT exception is a rejection
        return f"ERR {type(exc).__name__}"
    finally:
        pyjwt_api.datetime = saved


def jose_inputs(c: Verify) -> dict[str, Any]:
    o = c.opts
    options: dict[str, Any] = {"algorithms": o.get("algorithms", [c.alg])}
    for ours, theirs in [("audience", "audience"), ("issuer", "issuer"), ("subject", "subject"), ("leeway", "clockTolerance"),
                         ("now", "currentDate"), ("max_age", "maxTokenAge"), ("required", "requiredClaims"), ("typ", "typ")]:
        if ours in o:
            options[theirs] = o[ours]
    return {"alg": c.alg, "key": c.key.hex(), "token": c.token, "options": options}


def judge(cases: list[Verify]) -> None:
    """Fill expected claims; compare with PyJWT and jose; fail on any undocumented difference."""
    peers = [c for c in cases if c.group != "arguments"]
    jose = dict(zip([(c.group, c.id) for c in peers], node("jose_verify", [jose_inputs(c) for c in peers]), strict=True))
    problems = []
    for c in cases:
        if c.reason is None:
            c.claims = payload_claims(c.token)
        if c.group == "arguments":
            continue
        valid = c.reason is None
        cc = pyjwt_crosscheck(c)
        if c.group in ("main", "rfc") and cc is not None and not ((cc == c.claims) if valid else cc == "ERR"):
            problems.append(("crosscheck would disagree", c.group, c.id, cc))
        if c.group == "strict" and (cc is None or cc == "ERR"):
            problems.append(("PyJWT is expected to accept", c.group, c.id, cc))
        full = pyjwt_full(c)
        pyjwt_agrees = (full == c.claims) if valid else isinstance(full, str) and full.startswith("ERR")
        if c.group != "strict" and pyjwt_agrees == bool(c.pyjwt):
            problems.append(("PyJWT", c.group, c.id, full, c.pyjwt))
        j = jose[(c.group, c.id)]
        jose_agrees = (j.get("ok") == c.claims) if valid else "error" in j
        documented = bool(c.jose) and "same verdict" not in c.jose
        if not jose_agrees and not documented:
            why = _jose_difference(c)
            if why is None:
                problems.append(("undocumented jose difference", c.group, c.id, c.reason, j))
            c.jose = why or ""
        elif jose_agrees and documented:
            problems.append(("jose agrees but a difference is documented", c.group, c.id, j))
        notes = [c.note] if c.note else []
        if c.pyjwt:
            notes.append(f"PyJWT differs: {c.pyjwt}")
        if c.jose and not jose_agrees:
            notes.append(f"jose differs: {c.jose}")
        elif c.jose:
            notes.append(c.jose)
        c.note = "; ".join(notes)
    assert not problems, "\n".join(map(str, problems))


JOSE_LAX = {  # cases where jose accepts what the documented rules reject, and why (kept explicit)
    "signature-non-canonical-base64url": "jose decodes non-canonical base64url",
    "duplicate-key-header": "jose's JSON.parse keeps the last duplicate",
    "duplicate-key-payload": "jose's JSON.parse keeps the last duplicate",
    "payload-byte-order-mark": "jose's decoder drops the BOM",
    "header-typ-not-string": "jose ignores typ unless asked",
    "header-kid-not-string": "jose ignores kid",
    "token-too-large": "jose has no size limit",
    "iat-in-the-future": "jose checks a future iat only with maxTokenAge",
    "aud-without-audience": "jose checks aud only when given an audience; RFC 7519 §4.1.3 says reject",
    "sub-number": "jose checks sub only when given a subject",
    "jti-number": "jose does not check jti",
    "aud-number-list": "jose does not check the types of aud's members",
}


def _jose_difference(c: Verify) -> str | None:
    if c.id in JOSE_LAX:
        return JOSE_LAX[c.id]
    if c.reason == "key_too_short":
        return "jose accepts HMAC keys of any length"
    return None


def verify_docs(cases: list[Verify]) -> tuple[list[dict], list[dict]]:
    """The verify case dicts and the check case dicts."""
    out, check = [], []
    for c in cases:
        base: dict[str, Any] = {"id": c.id, "input": c.input()}
        if c.token is None:
            base["input"]["token"] = None
        if c.reason is None:
            v_case = {**base, "expect": {"claims": c.claims}}
            k_case = {**base, "id": f"{c.group}/{c.id}", "expect": {"valid": True, "claims": c.claims}}
        elif c.reason == "validation":
            v_case = {**base, "error": {"kind": "validation"}}
            k_case = {**base, "id": f"{c.group}/{c.id}", "error": {"kind": "validation"}}
        else:
            v_case = {**base, "error": {"kind": "auth"}}
            k_case = {**base, "id": f"{c.group}/{c.id}", "expect": {"valid": False, "reason": c.reason}}
        if c.note:
            v_case["note"] = k_case["note"] = c.note
        out.append(v_case)
        check.append(k_case)
    return out, check


# -- decode_unverified ------------------------------------------------------------------------------

def _strict_loads(data: bytes) -> Any:
    def pairs(items: list) -> dict:
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(items)

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs)


def decode_cases() -> list[dict]:
    tok = make("HS256", K256, C1, header_of("HS256", {"kid": "k1"}))
    none_tok = b64e(b'{"alg":"none"}') + "." + part(tok, 1) + "."
    items = [("hs256-kid", tok), ("rfc7515-a1", A1["expected_compact"]), ("eddsa", make("EdDSA", SEED2, C2)),
             ("alg-none-is-only-read", none_tok), ("unicode", make("HS256", K256, U1)),
             ("wrong-signature-is-not-checked", tok[:-6] + "AAAAAA")]
    cases = []
    for cid, t in items:
        h, p, _ = t.split(".")
        cases.append({"id": cid, "input": {"token": t},
                      "expect": {"header": _strict_loads(b64d(h)), "claims": _strict_loads(b64d(p))}})
    h, p, s = tok.split(".")
    bad = [("two-segments", f"{h}.{p}"), ("header-bad-base64url", f"{h[:3]}+{h[4:]}.{p}.{s}"),
           ("header-array", b64e(b"[]") + f".{p}.{s}"), ("payload-not-json", R8037["expected_compact"]),
           ("duplicate-key", b64e(b'{"alg":"HS256","alg":"none"}') + f".{p}.{s}"),
           ("signature-bad-length", f"{h}.{p}.{s}AA"), ("not-a-token", "hello")]
    for cid, t in bad:
        cases.append({"id": cid, "input": {"token": t}, "error": {"kind": "auth"}})
    return cases


def main() -> None:
    sign = build_sign()
    cases = verify_cases()
    judge(cases)
    check_canon_with_node()
    docs, check = verify_docs(cases)
    by_group = {g: [d for d, c in zip(docs, cases, strict=True) if c.group == g]
                for g in ("rfc", "main", "time", "strict", "arguments")}
    peers = ("expectations from the documented rules (docs/crypto.md), tokens built with hmac/pynacl over "
             "canonical JSON checked against JSON.stringify; verdicts checked with PyJWT 2 and npm jose")
    write("crypto", "jwt_sign", "crypto.jwt.sign",
          "tokens built independently (stdlib json/base64/hmac, pynacl; RFC 8785 form checked against Node's "
          "JSON.stringify), each equal to PyJWT's (ASCII claims) and npm jose's SignJWT; errors per docs/crypto.md "
          "(RFC 7518 §3.2 key sizes)", sign)
    write("crypto", "jwt_verify_rfc", "crypto.jwt.verify",
          "RFC 7515 A.1, RFC 7520 §4.4, RFC 8037 A.4/A.5 (../shared/vectors/rfc/jws_vectors.json); " + peers,
          by_group["rfc"])
    write("crypto", "jwt_verify", "crypto.jwt.verify",
          "valid, tampered, alg none / not allowed / family confusion, claim and malformed cases without 'now' "
          "(times in 2011 or after 2100): crosscheck.py's PyJWT call gives every verdict; " + peers, by_group["main"])
    write("crypto", "jwt_verify_time", "crypto.jwt.verify",
          "exp/nbf/iat/max_age boundaries with leeway, required, subject, typ, allow-lists, at an injected 'now': "
          "PyJWT under a frozen clock and jose's jwtVerify(currentDate) — differences by design in the notes; "
          + peers, by_group["time"])
    write("crypto", "jwt_verify_strict", "crypto.jwt.verify",
          "tokens PyJWT accepts and the documented rules reject (short HMAC keys, duplicate JSON keys, NaN, BOM, "
          "padding, non-canonical base64url, string dates, aud without audience, oversize): crosscheck.py "
          "reports each as a disagreement, explained in its note", by_group["strict"])
    write("crypto", "jwt_verify_arguments", "crypto.jwt.verify",
          "bad allow-lists and options are InfraError(validation) (docs/crypto.md); crosscheck.py's fixed "
          "PyJWT call does not model these fields", by_group["arguments"])
    write("crypto", "jwt_check", "crypto.jwt.check",
          "every crypto.jwt.verify case above (ids prefixed by file), with the reason code each rejection must "
          "carry, assigned by how the case was built; " + peers, check)
    write("crypto", "jwt_decode_unverified", "crypto.jwt.decode_unverified",
          "header and claims decoded with base64 + json (duplicate keys refused); malformed tokens -> auth",
          decode_cases())


if __name__ == "__main__":
    main()
