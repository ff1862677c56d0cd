"""JSON Web Tokens (RFC 7519) in JWS compact serialization (RFC 7515): HS256/384/512 and EdDSA.

:func:`jwt_sign` makes a token, :func:`jwt_verify` checks one and returns its claims,
:func:`jwt_decode_unverified` reads a token's header and claims *without* checking anything
(to pick a key by ``kid``, say — never to trust the claims).

**Serialization (fixed, identical in the TypeScript SDK):** the header is ``{"alg": <alg>,
"typ": "JWT"}`` plus the caller's extra members; header and claims are each written as RFC 8785
canonical JSON (:func:`llm_infra.json.canonical_bytes`: keys sorted by UTF-16 code units, no
whitespace, ECMAScript number form, minimal string escapes, UTF-8) and encoded as base64url
without padding; the token is ``header.payload.signature``. The same header and claims give the
same token bytes in every runtime (EdDSA is deterministic too).

**Keys are typed, so an algorithm family can never be confused with another:** ``bytes`` are an
HMAC secret and only ever verify HS256/384/512; an :class:`~llm_infra.crypto.Ed25519PrivateKey`
signs and an :class:`~llm_infra.crypto.Ed25519PublicKey` verifies EdDSA only. An HMAC secret must
be at least as long as the hash output (RFC 7518 §3.2: 32, 48, 64 bytes), on sign and on verify.

**Verification** demands an explicit allow-list (``algorithms=["HS256"]``; ``none`` can never be
listed) and checks, in this order: the size (:data:`MAX_TOKEN_LENGTH`); three segments of
base64url characters; a header that is canonical base64url of a strict-JSON object (no duplicate
keys) with a string ``alg``; ``alg`` is not ``none`` (any spelling), is allowed, and fits the key's
family; no ``crit``; ``typ``/``kid`` are strings (and ``typ`` matches, if asked for); the HMAC key
length; the signature (constant-time for HMAC); a claims object; the types of the registered
claims (``exp``/``nbf``/``iat`` numbers; ``iss``/``sub``/``jti`` strings; ``aud`` a string or an
array of strings); the ``required`` claims; ``exp`` (``exp <= now - leeway`` is expired), ``nbf``
(``nbf > now + leeway``), ``iat`` (``iat > now + leeway`` is in the future), ``max_age``
(``now - iat - leeway > max_age``); ``iss``, ``sub``, ``aud`` (a token with ``aud`` needs an
``audience`` to be accepted, RFC 7519 §4.1.3). ``now`` (seconds) is injectable; by default the
clock is read once, only if a time check needs it. Every failure of the token is
``InfraError(auth)`` whose ``context["reason"]`` is a stable code (``malformed``, ``alg_none``,
``signature``, ``expired``, …, listed in docs/crypto.md); a wrong argument is
``InfraError(validation)``; a key too short to sign with is ``InfraError(crypto)``.

**What is written here, and why not PyJWT.** PyJWT is a pure wheel, but it does not fit the core:
its EdDSA needs ``cryptography`` (not available in Pyodide); it only *warns* about short HMAC keys
(``InsecureKeyLengthWarning``) unless told otherwise; it reads the wall clock (no injectable
``now``); its JSON is ``json.dumps`` (claims in insertion order, ``ensure_ascii`` escapes,
``1.0`` for a float one), so its token bytes differ from the TypeScript SDK's; and it accepts
duplicate JSON keys, NaN, a byte-order mark and string dates. So the compact JWS/JWT layer (about 300 lines) is
written here on top of this package's own HMAC (``hmac`` from the standard library), Ed25519
(pure or pynacl) and :mod:`llm_infra.json`'s canonical form and strict parser. PyJWT is the test
reference and the benchmark peer. Not implemented: RSA/ECDSA, JWE, JWK/JWKS, unencoded payloads
(RFC 7797), any ``crit`` extension.

    >>> from llm_infra.crypto import jwt_sign, jwt_verify
    >>> secret = bytes(range(32))
    >>> token = jwt_sign({"sub": "user-42", "exp": 4102444800}, secret, alg="HS256")
    >>> token.split(".")[0]
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'
    >>> jwt_verify(token, secret, algorithms=["HS256"], now=1700000000)
    {'exp': 4102444800, 'sub': 'user-42'}
    >>> jwt_verify(token, secret, algorithms=["HS256"], now=4102444800)
    Traceback (most recent call last):
    ...
    llm_infra.errors._error.InfraError: token expired: exp 4102444800 <= now 4102444800 - leeway 0
"""

from __future__ import annotations

import base64
import math
import re
import time
from collections.abc import Callable
from typing import Any, Literal, NamedTuple, cast

from .._json_types import JSONObject
from ..errors import ErrorKind, InfraError
from ..json import canonical_bytes, canonicalize, format_number, parse
from ._ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from ._encoding import constant_time_equal
from ._hmac import hmac_digest

__all__ = [
    "JWT_ALGORITHMS",
    "MAX_TOKEN_LENGTH",
    "DecodedJwt",
    "JwtAlgorithm",
    "jwt_decode_unverified",
    "jwt_sign",
    "jwt_verify",
]

JwtAlgorithm = Literal["HS256", "HS384", "HS512", "EdDSA"]
#: The algorithms offered (``alg`` values, case-sensitive as RFC 7515 §4.1.1 says).
JWT_ALGORITHMS: tuple[JwtAlgorithm, ...] = ("HS256", "HS384", "HS512", "EdDSA")
#: The longest token accepted or produced, in characters (a token is ASCII). Larger is ``auth``/``validation``.
MAX_TOKEN_LENGTH = 65536

# alg -> (hash, minimum key bytes = hash output length, RFC 7518 §3.2)
_HMAC: dict[str, tuple[Literal["sha256", "sha384", "sha512"], int]] = {
    "HS256": ("sha256", 32), "HS384": ("sha384", 48), "HS512": ("sha512", 64),
}
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-.]*")
_B64_VALUE = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}
_NUMERIC_DATES = ("exp", "nbf", "iat")
_STRING_CLAIMS = ("iss", "sub", "jti")
_HEADER_CACHE: dict[str, JSONObject] = {}  # header segment -> parsed header (verifiers see few distinct ones)
_HEADER_CACHE_SIZE = 256
_HEADER_CACHE_MAX_SEGMENT = 1024  # longer headers are parsed every time: the cache stays small (< 1 MB)
_DEFAULT_HEADER: dict[str, str] = {}  # alg -> encoded default header segment


class DecodedJwt(NamedTuple):
    """A token's header and claims as written — **not verified**."""

    header: JSONObject
    claims: JSONObject


# -- helpers --------------------------------------------------------------------------------------

def _type(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _q(value: object) -> str:
    """A value as JSON text for messages (the same text the TypeScript SDK writes)."""
    try:
        return canonicalize(value)
    except InfraError:
        return repr(value)


def _num(x: float) -> str:
    return format_number(x)


def _date(claims: JSONObject, name: str) -> float | None:
    """A NumericDate claim (its type already checked), or ``None`` when absent."""
    value = claims.get(name)
    return None if value is None else cast(float, value)


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _fail(reason: str, message: str, **context: object) -> InfraError:
    return InfraError(ErrorKind.AUTH, message, context={"reason": reason, **context})


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _claim_type_problem(claims: JSONObject) -> tuple[str, str] | None:
    """The first registered claim of the wrong type, as (claim, what it must be)."""
    for name in _NUMERIC_DATES:
        if name in claims and not _is_number(claims[name]):
            return name, "a number (NumericDate, seconds since the epoch)"
    for name in _STRING_CLAIMS:
        if name in claims and not isinstance(claims[name], str):
            return name, "a string"
    if "aud" in claims:
        aud = claims["aud"]
        if not isinstance(aud, str) and not (isinstance(aud, list) and all(isinstance(a, str) for a in aud)):
            return "aud", "a string or an array of strings"
    return None


# -- signing ----------------------------------------------------------------------------------------

def _sign_alg(alg: object) -> JwtAlgorithm:
    if alg not in JWT_ALGORITHMS:
        if isinstance(alg, str) and alg.lower() == "none":
            raise InfraError.validation("alg none (an unsecured JWT) is never produced", field="alg")
        raise InfraError.validation(f"alg must be one of {', '.join(JWT_ALGORITHMS)}; got {_q(alg)}", field="alg")
    return alg


def _signer(alg: JwtAlgorithm, key: object) -> Callable[[bytes], bytes]:
    if alg == "EdDSA":
        if not isinstance(key, Ed25519PrivateKey):
            hint = " (bytes are HMAC secrets; use Ed25519PrivateKey.from_seed(seed))" if isinstance(
                key, (bytes, bytearray, memoryview)) else ""
            raise InfraError.validation(f"EdDSA signs with an Ed25519PrivateKey, got {_type(key)}{hint}", field="key")
        return key.sign
    if not isinstance(key, (bytes, bytearray, memoryview)):
        hint = " (encode a text secret explicitly)" if isinstance(key, str) else ""
        raise InfraError.validation(f"{alg} signs with an HMAC secret (bytes), got {_type(key)}{hint}", field="key")
    secret = bytes(key)
    hash_name, minimum = _HMAC[alg]
    if len(secret) < minimum:
        raise InfraError.crypto(
            f"the HMAC key is {len(secret)} bytes; {alg} needs at least {minimum} (RFC 7518 §3.2)",
            field="key", length=len(secret), minimum=minimum,
        )
    return lambda data: hmac_digest(hash_name, secret, data)


def _header_segment(alg: JwtAlgorithm, header: object) -> str:
    if header is None:
        seg = _DEFAULT_HEADER.get(alg)
        if seg is None:
            seg = _DEFAULT_HEADER[alg] = _b64e(canonical_bytes({"alg": alg, "typ": "JWT"}))
        return seg
    if not isinstance(header, dict):
        raise InfraError.validation(f"header must be a JSON object (dict), got {_type(header)}", field="header")
    if "alg" in header:
        raise InfraError.validation("header.alg may not be given: it is set from alg", field="header.alg")
    for name in ("crit", "b64"):
        if name in header:
            raise InfraError.validation(f"header.{name} is not supported (no JWS extensions are implemented)",
                                        field=f"header.{name}")
    for name in ("typ", "kid"):
        if name in header and not isinstance(header[name], str):
            raise InfraError.validation(f"header.{name} must be a string, got {_type(header[name])}",
                                        field=f"header.{name}")
    full: dict[str, Any] = {"typ": "JWT", **header, "alg": alg}
    return _b64e(canonical_bytes(full))


def jwt_sign(claims: JSONObject, key: bytes | bytearray | memoryview | Ed25519PrivateKey, *, alg: JwtAlgorithm,
             header: JSONObject | None = None) -> str:
    """The compact JWT of ``claims`` signed with ``key`` under ``alg``.

    ``key`` is the HMAC secret (``bytes``, at least 32/48/64 bytes for HS256/384/512) or an
    :class:`Ed25519PrivateKey` for EdDSA. ``header`` adds members to ``{"alg", "typ": "JWT"}``:
    ``typ`` may be replaced by another string (``"at+jwt"``), ``kid`` must be a string, ``alg``,
    ``crit`` and ``b64`` may not be given. Registered claims must have their RFC 7519 types
    (``exp``/``nbf``/``iat`` numbers, ``iss``/``sub``/``jti`` strings, ``aud`` a string or a list of
    strings). Nothing is added: set ``iat``/``exp`` yourself (no clock is read).

        >>> jwt_sign({"sub": "a"}, bytes(32), alg="HS256")
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhIn0._CLbi6HIoW5uwvWZgz0sxF9AvqHtgTlVmrvUjV0ahaA'
    """
    alg = _sign_alg(alg)
    sign = _signer(alg, key)
    head = _header_segment(alg, header)
    if not isinstance(claims, dict):
        raise InfraError.validation(f"claims must be a JSON object (dict), got {_type(claims)}", field="claims")
    problem = _claim_type_problem(claims)
    if problem is not None:
        raise InfraError.validation(f"claims.{problem[0]} must be {problem[1]}", field=f"claims.{problem[0]}")
    signing_input = head + "." + _b64e(canonical_bytes(claims))
    token = signing_input + "." + _b64e(sign(signing_input.encode("ascii")))
    if len(token) > MAX_TOKEN_LENGTH:
        raise InfraError.validation(
            f"the token would be {len(token)} characters; the limit is {MAX_TOKEN_LENGTH}", field="claims",
            length=len(token), limit=MAX_TOKEN_LENGTH,
        )
    return token


# -- parsing ----------------------------------------------------------------------------------------

def _segments(token: object) -> tuple[str, str, str]:
    if not isinstance(token, str):
        raise InfraError.validation(f"token must be a str, got {_type(token)}", field="token")
    token = str.__str__(token)
    if len(token) > MAX_TOKEN_LENGTH:
        raise _fail("too_large", f"token is {len(token)} characters; the limit is {MAX_TOKEN_LENGTH}",
                    length=len(token), limit=MAX_TOKEN_LENGTH)
    parts = token.split(".")
    if len(parts) != 3:
        hint = " (an encrypted JWE has 5; only signed JWS tokens are supported)" if len(parts) == 5 else ""
        raise _fail("malformed", f"token must have 3 dot-separated segments (header.payload.signature), "
                    f"got {len(parts)}{hint}", part="token")
    if _TOKEN_CHARS.fullmatch(token) is None:
        names = ("header", "payload", "signature")
        offset = 0
        for name, seg in zip(names, parts, strict=True):
            for i, c in enumerate(seg):
                if c not in _B64_VALUE:
                    raise _fail("malformed", f"token {name} is not base64url: a character outside A-Z a-z 0-9 - _ "
                                f"at index {offset + i}", part=name, index=offset + i)
            offset += len(seg) + 1
    return parts[0], parts[1], parts[2]


def _b64d(seg: str, part: str) -> bytes:
    rest = len(seg) & 3
    if rest:
        if rest == 1:
            raise _fail("malformed", f"token {part} is not base64url: a length of {len(seg)} is impossible", part=part)
        if _B64_VALUE[seg[-1]] & (15 if rest == 2 else 3):
            raise _fail("malformed", f"token {part} is not canonical base64url: its unused trailing bits are not zero",
                        part=part)
        seg += "==" if rest == 2 else "="
    return base64.urlsafe_b64decode(seg)


def _json_object(seg: str, part: str) -> JSONObject:
    data = _b64d(seg, part)
    try:
        value = parse(data)
    except InfraError as exc:
        detail = exc.message.removeprefix("invalid JSON")
        detail = detail if detail[:1] in (":", " ") else ": " + detail
        raise _fail("malformed", f"token {part} is not valid JSON{detail}", part=part) from None
    if not isinstance(value, dict):
        what = "claims" if part == "payload" else part
        raise _fail("malformed", f"token {part} ({what}) must be a JSON object, got {_json_type(value)}", part=part)
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string" if isinstance(value, str) else "array" if isinstance(value, list) else "object"


def _header(seg: str) -> JSONObject:
    cached = _HEADER_CACHE.get(seg)
    if cached is not None:
        return cached
    header = _json_object(seg, "header")
    if len(seg) > _HEADER_CACHE_MAX_SEGMENT:
        return header
    if len(_HEADER_CACHE) >= _HEADER_CACHE_SIZE:
        _HEADER_CACHE.clear()
    _HEADER_CACHE[seg] = header
    return header


def jwt_decode_unverified(token: str) -> DecodedJwt:
    """The header and claims of ``token`` **without verifying anything** but its shape.

    For routing only (which key? which tenant?): the values are attacker-controlled until
    :func:`jwt_verify` accepts the token. A malformed token is ``InfraError(auth)``.

        >>> jwt_decode_unverified(jwt_sign({"sub": "a"}, bytes(32), alg="HS256", header={"kid": "k1"})).header
        {'alg': 'HS256', 'kid': 'k1', 'typ': 'JWT'}
    """
    head, payload, signature = _segments(token)
    header = dict(_header(head))
    claims = _json_object(payload, "payload")
    _b64d(signature, "signature")
    return DecodedJwt(header, claims)


# -- verification -----------------------------------------------------------------------------------

def _name_list(value: object, field: str, *, allow_str: bool) -> tuple[str, ...]:
    if isinstance(value, str):
        if allow_str:
            return (value,)
        raise InfraError.validation(f"{field} must be a list of names, not a single string", field=field)
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise InfraError.validation(f"{field} must be a list of strings, got {_type(value)}", field=field)
    names = tuple(value)
    for v in names:
        if not isinstance(v, str):
            raise InfraError.validation(f"{field} must contain only strings, got {_type(v)}", field=field)
    return names


def _number(value: object, field: str, *, minimum: float | None = 0) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and (
            minimum is None or value >= minimum):
        return value
    what = "a finite number" if minimum is None else f"a finite number >= {minimum}"
    raise InfraError.validation(f"{field} must be {what}, got {_q(value)}", field=field)


def _allow_list(algorithms: object, key: object) -> tuple[frozenset[str], bytes | Ed25519PublicKey]:
    """The allowed algorithms and the key (an HMAC secret as ``bytes`` or a public key), or a validation error."""
    if algorithms is None:
        raise InfraError.validation(
            'algorithms is required: the list of algorithms this key may verify, e.g. ["HS256"]', field="algorithms")
    names = _name_list(algorithms, "algorithms", allow_str=False)
    if not names:
        raise InfraError.validation("algorithms must not be empty", field="algorithms")
    for name in names:
        if name.lower() == "none":
            raise InfraError.validation("algorithms: none (unsecured JWTs) can never be allowed", field="algorithms")
        if name not in JWT_ALGORITHMS:
            raise InfraError.validation(
                f"algorithms: unsupported algorithm {_q(name)} (supported: {', '.join(JWT_ALGORITHMS)})",
                field="algorithms")
    typed: bytes | Ed25519PublicKey
    if isinstance(key, (bytes, bytearray, memoryview)):
        typed = bytes(key)
    elif isinstance(key, Ed25519PublicKey):
        typed = key
    elif isinstance(key, Ed25519PrivateKey):
        raise InfraError.validation("EdDSA verifies with the Ed25519PublicKey (key.public_key()), not the private key",
                                    field="key")
    else:
        hint = " (encode a text secret explicitly)" if isinstance(key, str) else ""
        raise InfraError.validation(
            f"key must be bytes (an HMAC secret) or an Ed25519PublicKey, got {_type(key)}{hint}", field="key")
    eddsa = isinstance(typed, Ed25519PublicKey)
    if not any((n == "EdDSA") == eddsa for n in names):
        what = "an Ed25519 public key" if eddsa else "an HMAC secret"
        raise InfraError.validation(f"the key is {what}, but algorithms lists no algorithm that uses it",
                                    field="algorithms")
    return frozenset(names), typed


def _norm_typ(typ: str) -> str:
    t = typ.lower()
    return t[12:] if t.startswith("application/") else t


def jwt_verify(
    token: str,
    key: bytes | bytearray | memoryview | Ed25519PublicKey,
    *,
    algorithms: list[str] | tuple[str, ...] | None = None,
    audience: str | list[str] | tuple[str, ...] | None = None,
    issuer: str | list[str] | tuple[str, ...] | None = None,
    subject: str | None = None,
    leeway: float = 0,
    now: float | None = None,
    max_age: float | None = None,
    required: list[str] | tuple[str, ...] = (),
    typ: str | None = None,
) -> JSONObject:
    """The claims of ``token`` once its signature and claims check out; else ``InfraError(auth)``.

    ``algorithms`` (required, non-empty, never ``none``) lists the ``alg`` values accepted;
    ``key`` is the HMAC secret (``bytes``) or an :class:`Ed25519PublicKey` and is only ever used
    with its own family. ``audience``/``issuer``: a string or a list (any one matches);
    ``subject``: a string; ``leeway`` (seconds) widens every time check; ``now`` (seconds since
    the epoch) replaces the clock; ``max_age`` (seconds) requires ``iat`` and bounds the token's
    age; ``required`` names claims that must be present; ``typ`` demands that header value
    (compared case-insensitively, an ``application/`` prefix ignored). The order of the checks is
    in the module docstring; the first failure is raised with ``context["reason"]``.
    """
    allowed, typed_key = _allow_list(algorithms, key)
    audiences = None if audience is None else _name_list(audience, "audience", allow_str=True)
    if audiences is not None and not audiences:
        raise InfraError.validation("audience must not be empty", field="audience")
    issuers = None if issuer is None else _name_list(issuer, "issuer", allow_str=True)
    if subject is not None and not isinstance(subject, str):
        raise InfraError.validation(f"subject must be a str, got {_type(subject)}", field="subject")
    if typ is not None and not isinstance(typ, str):
        raise InfraError.validation(f"typ must be a str, got {_type(typ)}", field="typ")
    leeway = _number(leeway, "leeway")
    if now is not None:
        now = _number(now, "now", minimum=None)
    if max_age is not None:
        max_age = _number(max_age, "max_age")
    needed = _name_list(required, "required", allow_str=False)

    head, payload, signature = _segments(token)
    header = _header(head)
    if "alg" not in header:
        raise _fail("malformed", "token header has no alg", part="header")
    alg = header["alg"]
    if not isinstance(alg, str):
        raise _fail("malformed", "token header alg must be a string", part="header")
    if alg.lower() == "none":
        raise _fail("alg_none", "token alg none (an unsecured JWT) is never accepted", alg=alg)
    if alg not in allowed:
        raise _fail("alg_not_allowed", f"token alg {_q(alg)} is not allowed (allowed: "
                    f"{', '.join(a for a in JWT_ALGORITHMS if a in allowed)})", alg=alg)
    if (alg == "EdDSA") != isinstance(typed_key, Ed25519PublicKey):
        needs = "an Ed25519 public key" if alg == "EdDSA" else "an HMAC secret"
        has = "an Ed25519 public key" if alg != "EdDSA" else "an HMAC secret"
        raise _fail("key_mismatch", f"token alg {_q(alg)} needs {needs}, but the key is {has} "
                    "(algorithm confusion)", alg=alg)
    if "crit" in header:
        raise _fail("crit", f"token header crit lists extensions this verifier does not understand: "
                    f"{_q(header['crit'])}", part="header")
    for name in ("typ", "kid"):
        if name in header and not isinstance(header[name], str):
            raise _fail("malformed", f"token header {name} must be a string", part="header")
    if typ is not None:
        got = header.get("typ")
        if not isinstance(got, str) or _norm_typ(got) != _norm_typ(typ):
            raise _fail("typ", f"token typ {_q(got) if isinstance(got, str) else '(absent)'} is not {_q(typ)}",
                        part="header")

    signing_input = (head + "." + payload).encode("ascii")
    if isinstance(typed_key, Ed25519PublicKey):
        valid = typed_key.verify(_b64d(signature, "signature"), signing_input)
    else:
        hash_name, minimum = _HMAC[alg]
        if len(typed_key) < minimum:
            raise _fail("key_too_short", f"the HMAC key is {len(typed_key)} bytes; {alg} needs at least {minimum} "
                        "(RFC 7518 §3.2)", alg=alg, length=len(typed_key), minimum=minimum)
        sig = _b64d(signature, "signature")
        valid = constant_time_equal(hmac_digest(hash_name, typed_key, signing_input), sig)
    if not valid:
        raise _fail("signature", "token signature is invalid", alg=alg)

    claims = _json_object(payload, "payload")
    _check_claims(claims, needed, audiences, issuers, subject, leeway, now, max_age)
    return claims


def _check_claims(claims: JSONObject, needed: tuple[str, ...], audiences: tuple[str, ...] | None,
                  issuers: tuple[str, ...] | None, subject: str | None, leeway: float, now: float | None,
                  max_age: float | None) -> None:
    problem = _claim_type_problem(claims)
    if problem is not None:
        raise _fail("claim_type", f"claim {problem[0]} must be {problem[1]}", claim=problem[0])
    for name in needed:
        if name not in claims:
            raise _fail("claim_missing", f"required claim {name} is missing", claim=name)
    if max_age is not None and "iat" not in claims:
        raise _fail("claim_missing", "claim iat is required to check max_age", claim="iat")
    exp, nbf, iat = _date(claims, "exp"), _date(claims, "nbf"), _date(claims, "iat")
    if exp is not None or nbf is not None or iat is not None:
        t = time.time() if now is None else now
        lw = _num(leeway)
        if exp is not None and exp <= t - leeway:
            raise _fail("expired", f"token expired: exp {_num(exp)} <= now {_num(t)} - leeway {lw}", claim="exp")
        if nbf is not None and nbf > t + leeway:
            raise _fail("not_yet_valid", f"token not valid yet: nbf {_num(nbf)} > now {_num(t)} + leeway {lw}",
                        claim="nbf")
        if iat is not None and iat > t + leeway:
            raise _fail("iat_future", f"token issued in the future: iat {_num(iat)} > now {_num(t)} + leeway {lw}",
                        claim="iat")
        if iat is not None and max_age is not None and t - iat - leeway > max_age:
            raise _fail("too_old", f"token too old: now {_num(t)} - iat {_num(iat)} - leeway {lw} > max_age "
                        f"{_num(max_age)}", claim="iat")
    if issuers is not None:
        if "iss" not in claims:
            raise _fail("claim_missing", "claim iss is required to check the issuer", claim="iss")
        if claims["iss"] not in issuers:
            raise _fail("issuer", f"token iss {_q(claims['iss'])} is not an accepted issuer", claim="iss")
    if subject is not None:
        if "sub" not in claims:
            raise _fail("claim_missing", "claim sub is required to check the subject", claim="sub")
        if claims["sub"] != subject:
            raise _fail("subject", f"token sub {_q(claims['sub'])} is not the expected subject", claim="sub")
    if audiences is None:
        if "aud" in claims:
            raise _fail("audience", "token has an aud claim but no audience was given to check it against "
                        "(RFC 7519 §4.1.3)", claim="aud")
    else:
        if "aud" not in claims:
            raise _fail("claim_missing", "claim aud is required to check the audience", claim="aud")
        aud = claims["aud"]
        if not any(a in audiences for a in ([aud] if isinstance(aud, str) else cast(list[str], aud))):
            raise _fail("audience", f"token aud {_q(aud)} does not include an accepted audience", claim="aud")
