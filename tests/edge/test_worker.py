"""The edge worker inside workerd: SDK routes, Python-backed routes (Pyodide inside workerd), the
shared error contract, and the Worker-style constraint that importing the core touches nothing."""

from __future__ import annotations

import json
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode

import pytest

from llm_infra.conformance._site import tool_pairs
from llm_infra.conformance._workerd import http_json
from llm_infra.errors import InfraError, RetryPolicy
from tests.conftest import REPO

# workerd's clock only advances on I/O (a Spectre mitigation) and Pyodide reads it through
# Emscripten, so a timestamp made in the worker can trail this process's clock by a millisecond.
CLOCK_SLACK_MS = 20


def get(worker: str, path: str, **query: Any) -> tuple[int, Any]:
    return http_json("GET", worker + path.lstrip("/") + (f"?{urlencode(query)}" if query else ""), timeout=120)


def test_index_lists_every_route_of_the_routes_folder(worker: str) -> None:
    status, body = get(worker, "/")
    assert status == 200 and body["runtime"] == "workerd"
    paths = {(r["method"], r["path"]) for r in body["routes"]}
    assert {("GET", "/errors/retry-delays"), ("POST", "/errors/error"), ("POST", "/conformance/run")} <= paths
    status, body = get(worker, "/py/")
    assert status == 200 and body["runtime"] == "workerd-pyodide"
    py_paths = {(r["method"], r["path"]) for r in body["routes"]}
    want = {("GET", "/py/errors/retry-delays"), ("POST", "/py/errors/error"), ("POST", "/py/conformance/run")}
    assert want <= py_paths
    assert len(tool_pairs(REPO / "edge" / "routes", need_both=False)) >= 1


@pytest.mark.parametrize("prefix", ["", "/py"])
@pytest.mark.parametrize("query", [
    {"initial_ms": 100, "multiplier": 2, "max_ms": 1000, "max_attempts": 6, "jitter": "none"},
    {"initial_ms": 250, "multiplier": 1.5, "max_ms": 900, "max_attempts": 5, "jitter": "full",
     "random": "0.5,0.25,0.999,0"},
    {"initial_ms": 80, "max_attempts": "3.0", "jitter": "equal", "random": "0.1, 0.9"},
])
def test_retry_delays_match_cpython(worker: str, prefix: str, query: dict[str, Any]) -> None:
    status, body = get(worker, f"{prefix}/errors/retry-delays", **query)
    q = dict(query)
    stream = [float(x) for x in str(q.pop("random", "")).split(",") if x.strip()]
    q.setdefault("max_ms", 10_000)
    q.setdefault("multiplier", 2)
    q["max_attempts"] = int(float(q["max_attempts"]))
    assert status == 200, body
    assert body == {"delays_ms": RetryPolicy(**q).delays(stream)}


@pytest.mark.parametrize(("query", "field", "message"), [
    ({"multiplier": "0.5"}, "multiplier", "RetryPolicy.multiplier must be >= 1, got 0.5"),
    ({"multiplier": "fast"}, "multiplier", 'query parameter multiplier must be a number, got "fast"'),
    ({"random": "0.5,x", "jitter": "full"}, "random", 'query parameter random must be a number, got "x"'),
    ({"max_attempts": "4", "random": "0.5"}, "random", "random stream exhausted"),
])
def test_bad_queries_are_400_with_the_same_error_in_both(worker: str, query: dict[str, str], field: str,
                                                         message: str) -> None:
    answers = [get(worker, f"{prefix}/errors/retry-delays", **query) for prefix in ("", "/py")]
    for status, body in answers:
        assert status == 400, body
        err = InfraError.from_dict(body["error"])
        assert err.kind.value == "validation" and err.context == {"field": field} and err.message == message
    assert answers[0] == answers[1]


def test_error_route_builds_the_same_json_in_both(worker: str) -> None:
    payload = {"kind": "http", "message": "upstream busy", "context": {"status": 503, "ü": [1, None]}}
    ts = http_json("POST", worker + "errors/error", payload)
    py = http_json("POST", worker + "py/errors/error", payload)
    expected = InfraError("http", "upstream busy", context={"status": 503, "ü": [1, None]}).to_dict()
    assert ts == py == (200, {"error": expected})
    assert expected["retryable"] is True
    for path in ("errors/error", "py/errors/error"):
        status, body = http_json("POST", worker + path, {"kind": "nope", "message": "x"})
        assert status == 400 and body["error"]["kind"] == "validation"
        assert "unknown error kind" in body["error"]["message"]


def test_both_sides_answer_with_the_same_bytes(worker: str) -> None:
    import urllib.request

    def raw(path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(worker + path, timeout=120) as res:
                return res.status, res.read()
        except HTTPError as exc:
            return exc.code, exc.read()

    for query in ("initial_ms=100&max_attempts=5&jitter=equal&random=0.5,0.25,0.125,0.0625", "multiplier=0.5"):
        ts, py = raw(f"errors/retry-delays?{query}"), raw(f"py/errors/retry-delays?{query}")
        assert ts == py, (ts, py)


def test_unknown_routes_methods_and_bodies(worker: str) -> None:
    for path in ("nope", "py/nope"):
        status, body = get(worker, path)
        assert status == 404 and body["error"]["kind"] == "not_found" and "no route GET /" in body["error"]["message"]
    for path in ("errors/error", "py/errors/error"):
        status, body = get(worker, path)
        assert status == 405 and "allowed: POST" in body["error"]["message"]
    import urllib.request

    for path in ("errors/error", "py/errors/error"):
        req = urllib.request.Request(worker + path, data=b"{not json", method="POST")
        try:
            urllib.request.urlopen(req, timeout=60)
            raise AssertionError("a bad body must be refused")
        except HTTPError as exc:
            assert exc.code == 400
            assert json.loads(exc.read())["error"]["kind"] == "serialization"


def test_importing_the_core_in_workerd_touches_nothing(worker: str) -> None:
    """The Worker constraint, measured inside a Worker runtime: no randomness, no I/O, no fetch."""
    status, report = get(worker, "/py/_import")
    assert status == 200
    core = {p.relative_to(REPO / "core").with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
            for p in (REPO / "core" / "llm_infra").rglob("*.py")}
    from llm_infra.conformance import TOOLING_MODULES

    expected = {m for m in core if m.rsplit(".", 1)[-1] not in TOOLING_MODULES}
    assert set(report["modules"]) == expected
    assert report["random_calls"] == 0, "crypto.getRandomValues was called while importing the core"
    assert report["fetch_calls"] == 0 and report["opened"] == [] and report["random_imported"] == []
    assert report["threads"] == 1
    assert report["python"].startswith("3.14") and report["pyodide"]


def test_conformance_routes_run_vector_files(worker: str) -> None:
    text = (REPO / "conformance" / "vectors" / "errors" / "retry_delays.json").read_text()
    bad = {"file": "bad.json", "text": "{"}
    for path, runtime in (("conformance/run", "workerd"), ("py/conformance/run", "workerd-pyodide")):
        status, body = http_json("POST", worker + path, {"files": [{"file": "r.json", "text": text}, bad]})
        assert status == 200 and body["runtime"] == runtime
        good, broken = body["results"]
        assert good["op"] == "errors.retry.delays" and good["failed"] == 0 and good["passed"] == 45
        assert broken["failed"] == 1 and "not JSON" in broken["failures"][0]["detail"]
        status, body = http_json("POST", worker + path, {"files": "nope"})
        assert status == 400 and body["error"]["context"] == {"field": "files"}


def test_generated_config_embeds_only_built_files(worker: str) -> None:
    # `worker` builds build/edge (and starts it): without it this test depends on running after one that does.
    config = (REPO / "build" / "edge" / "config.capnp").read_text()
    for rel in [line.split('embed "', 1)[1].split('"', 1)[0] for line in config.splitlines() if 'embed "' in line]:
        assert (REPO / "build" / "edge" / rel).is_file(), rel
    entry = (REPO / "build" / "edge" / "gen" / "worker-entry.ts").read_text()
    for ident, ts, _ in tool_pairs(REPO / "edge" / "routes", need_both=False):
        assert ts is None or str(ts) in entry, ident


# -- ids, crypto and json routes (TypeScript and their Python twins under /py) ----------------------

def raw_post(worker: str, path: str, data: bytes) -> tuple[int, bytes]:
    import urllib.request

    req = urllib.request.Request(worker + path.lstrip("/"), data=data, method="POST",
                                 headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            return res.status, res.read()
    except HTTPError as exc:
        return exc.code, exc.read()


def both(worker: str, method: str, path: str, body: Any = None) -> list[tuple[int, Any]]:
    """The TypeScript route and its Python twin (``/py`` + path) on the same request."""
    if method == "GET":
        return [get(worker, prefix + path) for prefix in ("", "/py")]
    return [http_json(method, worker + prefix.lstrip("/") + path.lstrip("/"), body, timeout=120)
            for prefix in ("", "py/")]


def assert_error(answer: tuple[int, Any], status: int, kind: str, **context: Any) -> InfraError:
    code, body = answer
    assert code == status, answer
    err = InfraError.from_dict(body["error"])
    assert err.kind.value == kind, answer
    for k, v in context.items():
        assert err.context.get(k) == v, (k, answer)
    return err


def test_new_routes_are_listed_on_both_sides(worker: str) -> None:
    _, ts = get(worker, "/")
    _, py = get(worker, "/py/")
    ts_paths = {(r["method"], r["path"]) for r in ts["routes"]}
    py_paths = {(r["method"], r["path"]) for r in py["routes"]}
    twins = {("GET", p) for p in ("/id/ulid", "/id/uuid7", "/id/uuid4", "/id/nanoid", "/id/ulid/decode",
                                  "/id/uuid/parse", "/id/snowflake/decode")}
    twins |= {("POST", p) for p in ("/crypto/hash", "/jwt/sign", "/jwt/verify", "/json/diff", "/json/patch",
                                   "/json/merge-patch", "/json/canonicalize", "/json/pointer")}
    assert twins <= ts_paths
    assert {(m, "/py" + p) for m, p in twins} | {("GET", "/py/ulid")} <= py_paths


@pytest.mark.parametrize("path", ["/id/ulid", "/py/id/ulid", "/py/ulid"])
def test_a_new_ulid_decodes_to_a_time_within_the_request(worker: str, path: str) -> None:
    import math
    import time

    from llm_infra.ids import decode_ulid

    get(worker, path)  # the first /py request starts Pyodide: time the second one
    before = math.floor(time.time() * 1000) - CLOCK_SLACK_MS
    status, body = get(worker, path)
    after = math.ceil(time.time() * 1000) + CLOCK_SLACK_MS
    assert status == 200, body
    assert before <= decode_ulid(body["ulid"]).timestamp_ms <= after, (before, body, after)


@pytest.mark.parametrize("prefix", ["", "/py"])
def test_new_uuids_and_nanoids_are_well_formed(worker: str, prefix: str) -> None:
    import math
    import time

    from llm_infra.ids import URL_ALPHABET, parse_uuid

    before = math.floor(time.time() * 1000) - CLOCK_SLACK_MS
    v7 = parse_uuid(get(worker, f"{prefix}/id/uuid7")[1]["uuid"])
    after = math.ceil(time.time() * 1000) + CLOCK_SLACK_MS
    assert v7.version == 7 and v7.variant == "rfc9562" and before <= v7.timestamp_ms <= after
    uuids = {get(worker, f"{prefix}/id/uuid4")[1]["uuid"] for _ in range(3)}
    assert len(uuids) == 3 and all(parse_uuid(u).version == 4 for u in uuids)
    ids = [get(worker, f"{prefix}/id/nanoid")[1]["nanoid"] for _ in range(3)]
    assert len(set(ids)) == 3 and all(len(i) == 21 and set(i) <= set(URL_ALPHABET) for i in ids)
    status, body = get(worker, f"{prefix}/id/nanoid", size=12, alphabet="xyz")
    assert status == 200 and len(body["nanoid"]) == 12 and set(body["nanoid"]) <= set("xyz")
    assert_error(get(worker, f"{prefix}/id/nanoid", alphabet="aa"), 400, "validation", field="alphabet")


def test_decode_routes_match_cpython(worker: str) -> None:
    from llm_infra.ids import decode_snowflake, decode_ulid, parse_uuid

    def iso(ms: int) -> str:
        from datetime import UTC, datetime

        return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    text = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
    parts = decode_ulid(text)
    want = {"timestamp_ms": parts.timestamp_ms, "time": iso(parts.timestamp_ms), "random": parts.random.hex()}
    assert both(worker, "GET", f"/id/ulid/decode?ulid={text}") == [(200, want)] * 2
    assert want["time"] == "2016-07-30T23:54:10.259Z"
    status, body = get(worker, "/py/id/ulid/decode", ulid="7ZZZZZZZZZZZZZZZZZZZZZZZZZ")  # past year 9999
    assert status == 200 and body["time"] == "+010889-08-02T05:31:50.655Z"
    assert get(worker, "/id/ulid/decode", ulid="7ZZZZZZZZZZZZZZZZZZZZZZZZZ") == (status, body)
    for text in ("017F22E2-79B0-7CC3-98C4-DC0C0C07398F", "c232ab00-9414-11ec-b3c8-9f6bdeced846",
                 "919108f7-52d1-4320-9bac-f847db4148a8"):
        u = parse_uuid(text)
        want = {"uuid": str(u.uuid), "version": u.version, "variant": u.variant, "timestamp_ms": u.timestamp_ms,
                "time": None if u.timestamp_ms is None else iso(u.timestamp_ms)}
        assert both(worker, "GET", f"/id/uuid/parse?uuid={text}") == [(200, want)] * 2, text
    s = decode_snowflake("1541815603606036480")
    want = {"timestamp_ms": s.timestamp_ms, "time": iso(s.timestamp_ms), "datacenter_id": s.datacenter_id,
            "worker_id": s.worker_id, "sequence": s.sequence}
    assert both(worker, "GET", "/id/snowflake/decode?id=1541815603606036480") == [(200, want)] * 2


def test_bad_ids_are_400_validation_naming_the_field(worker: str) -> None:
    for answer in both(worker, "GET", "/id/ulid/decode?ulid=01ARZ3NDEKTSV4RRFFQ69G5FA!"):
        err = assert_error(answer, 400, "validation", field="ulid", position=25)
        assert "invalid Crockford base32 character" in err.message
    for answer in both(worker, "GET", "/id/uuid/parse?uuid=not-a-uuid"):
        assert_error(answer, 400, "validation")
    for answer in both(worker, "GET", "/id/uuid/parse"):
        assert_error(answer, 400, "validation", field="uuid")
    for answer in both(worker, "GET", "/id/snowflake/decode?id=-5"):
        assert_error(answer, 400, "validation")


@pytest.mark.parametrize(("body", "alg", "digest_hex"), [
    # RFC 4231 test case 1 (HMAC-SHA-256 and HMAC-SHA-512)
    ({"alg": "sha256", "data": "Hi There", "key_hex": "0b" * 20}, "hmac-sha256",
     "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    ({"alg": "sha512", "data_hex": "4869205468657265", "key_hex": "0b" * 20}, "hmac-sha512",
     "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f17"
     "02e696c203a126854"),
    # FIPS 180-2 "abc"
    ({"alg": "sha384", "data": "abc"}, "sha384",
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
])
def test_hash_route_gives_the_published_digests(worker: str, body: dict[str, Any], alg: str, digest_hex: str) -> None:
    assert both(worker, "POST", "/crypto/hash", body) == [(200, {"alg": alg, "hex": digest_hex})] * 2


def test_hash_route_blake3_matches_cpython_and_rejects_bad_input(worker: str) -> None:
    from llm_infra.crypto import blake3_hash, blake3_keyed_hash

    key = bytes(range(32))
    assert both(worker, "POST", "/crypto/hash", {"alg": "blake3", "data": "hello"}) == [
        (200, {"alg": "blake3", "hex": blake3_hash(b"hello").hex()})] * 2
    assert both(worker, "POST", "/crypto/hash", {"alg": "blake3", "data": "hello", "key_hex": key.hex()}) == [
        (200, {"alg": "blake3-keyed", "hex": blake3_keyed_hash(key, b"hello").hex()})] * 2
    for answer in both(worker, "POST", "/crypto/hash", {"alg": "md5", "data": "x"}):
        assert_error(answer, 400, "validation", field="alg")
    for answer in both(worker, "POST", "/crypto/hash", {"alg": "sha256", "data_hex": "0g"}):
        assert_error(answer, 400, "validation", field="data_hex")
    for answer in both(worker, "POST", "/crypto/hash", {"alg": "blake3", "data": "x", "key_hex": "00"}):
        assert_error(answer, 400, "crypto", field="key")


SECRET = bytes(range(64))
SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")  # RFC 8032 test 1
CLAIMS = {"sub": "ada", "aud": "api", "iss": "https://auth.example", "iat": 1700000000, "exp": 1700003600,
          "scope": ["read", "write"], "ü": 1.5}


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512", "EdDSA"])
def test_jwt_signed_by_the_python_core_verifies_in_both_routes_and_back(worker: str, alg: str) -> None:
    from llm_infra.crypto import Ed25519PrivateKey, jwt_sign, jwt_verify

    private = Ed25519PrivateKey.from_seed(SEED)
    sign_key: Any = private if alg == "EdDSA" else SECRET
    verify_key: Any = private.public_key() if alg == "EdDSA" else SECRET
    verify_hex = private.public_key().public_bytes().hex() if alg == "EdDSA" else SECRET.hex()
    token = jwt_sign(CLAIMS, sign_key, alg=alg, header={"kid": "k1"})
    request = {"token": token, "algorithms": [alg], "key_hex": verify_hex, "audience": "api",
               "issuer": "https://auth.example", "now": 1700000100}
    assert both(worker, "POST", "/jwt/verify", request) == [(200, {"claims": CLAIMS})] * 2
    # and the other way: tokens signed by each route verify in the CPython core, byte-identical to its own
    secret_hex = SEED.hex() if alg == "EdDSA" else SECRET.hex()
    signed = both(worker, "POST", "/jwt/sign", {"alg": alg, "key_hex": secret_hex, "claims": CLAIMS,
                                                "header": {"kid": "k1"}})
    for status, body in signed:
        assert status == 200, body
        assert body["token"] == token
        assert jwt_verify(body["token"], verify_key, algorithms=[alg], audience="api", now=1700000100) == CLAIMS


@pytest.mark.parametrize(("change", "reason"), [
    ({"now": 1800000000}, "expired"),
    ({"audience": "billing"}, "audience"),
    ({"issuer": "https://evil.example"}, "issuer"),
    ({"algorithms": ["HS512"]}, "alg_not_allowed"),
    ({"token": "a.b"}, "malformed"),
    ({"flip": True}, "signature"),
])
def test_rejected_tokens_are_401_auth_with_the_reason_in_both(worker: str, change: dict[str, Any],
                                                              reason: str) -> None:
    from llm_infra.crypto import jwt_sign

    token = jwt_sign(CLAIMS, SECRET, alg="HS256")
    if change.pop("flip", False):
        head, payload, sig = token.split(".")
        token = f"{head}.{payload}.{sig[:10]}{'A' if sig[10] != 'A' else 'B'}{sig[11:]}"
    request = {"token": token, "algorithms": ["HS256"], "key_hex": SECRET.hex(), "audience": "api",
               "issuer": "https://auth.example", "now": 1700000100, **change}
    answers = both(worker, "POST", "/jwt/verify", request)
    for answer in answers:
        assert_error(answer, 401, "auth", reason=reason)
    assert answers[0] == answers[1]


def test_jwt_routes_bad_input_is_400_validation(worker: str) -> None:
    for answer in both(worker, "POST", "/jwt/verify", {"token": "x.y.z", "key_hex": SECRET.hex()}):
        assert_error(answer, 400, "validation", field="algorithms")
    for answer in both(worker, "POST", "/jwt/sign", {"alg": "HS256", "key_hex": "zz", "claims": {}}):
        assert_error(answer, 400, "validation", field="key_hex")
    for answer in both(worker, "POST", "/jwt/sign", {"alg": "none", "key_hex": SECRET.hex(), "claims": {}}):
        assert_error(answer, 400, "validation")
    for answer in both(worker, "POST", "/jwt/sign", {"alg": "HS256", "key_hex": SECRET.hex(), "claims": {"exp": "x"}}):
        assert_error(answer, 400, "validation", field="claims.exp")


def test_json_routes_match_cpython_with_the_same_bytes(worker: str) -> None:
    from llm_infra.json import apply_patch, diff, merge_patch_apply, pointer_get

    old = {"name": "api", "replicas": 2, "ports": [80], "ratio": 0.5, "env": {"LOG": "info", "DEBUG": True}}
    new = {"name": "api", "replicas": 3, "ports": [443, 80], "ratio": 1e-7, "env": {"LOG": "debug"}}
    answers = both(worker, "POST", "/json/diff", {"from": old, "to": new})
    assert answers == [(200, {"patch": diff(old, new)})] * 2
    assert apply_patch(old, answers[0][1]["patch"]) == new
    patch = answers[0][1]["patch"]
    assert both(worker, "POST", "/json/patch", {"document": old, "patch": patch}) == [(200, {"document": new})] * 2
    merge = {"env": {"DEBUG": None}, "extra": [1]}
    assert both(worker, "POST", "/json/merge-patch", {"document": old, "patch": merge}) == [
        (200, {"document": merge_patch_apply(old, merge)})] * 2
    assert both(worker, "POST", "/json/pointer", {"document": old, "pointer": "/env/LOG"}) == [
        (200, {"value": pointer_get(old, "/env/LOG")})] * 2
    # floats print as JSON.stringify prints them on both sides: the same bytes
    body = json.dumps({"from": {"a": 1.0, "b": 0.1}, "to": {"a": 2.5, "b": 1e-7, "c": 1e21}}).encode()
    ts, py = raw_post(worker, "/json/diff", body), raw_post(worker, "/py/json/diff", body)
    assert ts == py and ts[0] == 200, (ts, py)
    assert b'"b":1e-7' in ts[1] and b'"c":1e+21' in ts[1]  # json.dumps would print 1e-07


def test_canonicalize_route_gives_rfc_8785_output(worker: str) -> None:
    from llm_infra.json import canonicalize, parse

    # RFC 8785 section 3.2.2's example input, and the output given there
    text = ('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], '
            r'"string": "\u20ac$\u000F\u000aA' "'" r'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}')
    expected = ('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
                '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')
    assert canonicalize(parse(text)) == expected
    ts, py = (raw_post(worker, path, text.encode()) for path in ("/json/canonicalize", "/py/json/canonicalize"))
    assert ts == py, (ts, py)
    assert ts[0] == 200 and json.loads(ts[1]) == {"canonical": expected}


def test_json_routes_bad_input_is_4xx_with_the_kind(worker: str) -> None:
    for path in ("/json/canonicalize", "/py/json/canonicalize"):
        status, raw = raw_post(worker, path, b'{"a": 1, "a": 2}')
        err = InfraError.from_dict(json.loads(raw)["error"])
        assert status == 400 and err.kind.value == "serialization" and "duplicate key" in err.message, raw
    removal = {"document": {"a": 1}, "patch": [{"op": "remove", "path": "/b"}]}
    for answer in both(worker, "POST", "/json/patch", removal):
        assert_error(answer, 404, "not_found", pointer="/b", index=0)
    for answer in both(worker, "POST", "/json/patch", {"document": {"a": 1}, "patch": [{"op": "test", "path": "/a",
                                                                                      "value": 2}]}):
        assert_error(answer, 400, "validation", op="test")
    for answer in both(worker, "POST", "/json/diff", {"from": 1}):
        assert_error(answer, 400, "validation", field="to")
    for answer in both(worker, "POST", "/json/pointer", {"document": {}, "pointer": "a"}):
        assert_error(answer, 400, "validation", pointer="a")


# -- config routes --------------------------------------------------------------------------------

CONFIG_BODY: dict[str, Any] = {
    "sources": [
        {"type": "defaults", "data": {"server": {"port": 8000, "timeout": "30s"}, "db": {"password": "dev"}}},
        {"type": "toml", "text": '[server]\nhost = "edge"\n[db]\nhost = "db.internal"\nport = 5432\n',
         "label": "app.toml"},
        {"type": "json", "text": '{"ratio": 0.5, "tiny": 1e-7, "features": ["a"]}', "label": "prod.json",
         "priority": 5},
        {"type": "memory", "data": {"ratio": 0.25, "db": {"pool": 4}}, "label": "overrides"},
        {"type": "env", "prefix": "APP_", "separator": "__",
         "vars": {"APP_DB__PORT": "6432", "APP_DB__PASSWORD": "s3cret", "HOME": "/root"}},
    ],
    "rules": [{"rule": "required", "path": "db.host"}, {"rule": "range", "path": "db.port", "min": 1, "max": 65535},
              {"rule": "type", "path": "ratio", "type": "number"}],
}


def config_of(body: dict[str, Any]) -> Any:
    """The route's answer computed in CPython with the core's ConfigBuilder."""
    from llm_infra.config import ConfigBuilder

    b = ConfigBuilder()
    for s in body["sources"]:
        opts = {k: s[k] for k in ("label", "priority") if k in s}
        if s["type"] == "defaults":
            b.add_defaults(s["data"], **opts)
        elif s["type"] == "memory":
            b.add_memory(s["data"], **opts)
        elif s["type"] in ("json", "toml"):
            (b.add_json if s["type"] == "json" else b.add_toml)(s["text"], **opts)
        else:
            b.add_env(s.get("prefix", ""), separator=s.get("separator", "__"), vars=s["vars"], **opts)
    cfg = b.add_rules(body.get("rules", [])).build()
    return {"config": cfg.to_dict(redact=True), "explain": cfg.explain_all(), "sources": list(cfg.sources)}


def test_config_routes_resolve_like_cpython_with_the_same_bytes(worker: str) -> None:
    want = config_of(CONFIG_BODY)
    # prod.json has priority 5: it wins over the later memory source (priority 0) for ratio
    assert want["config"]["ratio"] == 0.5 and want["explain"]["ratio"] == "prod.json"
    assert want["config"]["db"] == {"password": "***", "host": "db.internal", "port": 6432, "pool": 4}
    assert want["explain"]["db.port"] == "env:APP_" and want["sources"][-1] == "prod.json"
    assert both(worker, "POST", "/config/resolve", CONFIG_BODY) == [(200, want)] * 2
    body = json.dumps(CONFIG_BODY).encode()
    ts, py = raw_post(worker, "/config/resolve", body), raw_post(worker, "/py/config/resolve", body)
    assert ts == py and ts[0] == 200, (ts, py)
    assert b"s3cret" not in ts[1] and b'"tiny":1e-7' in ts[1]
    _, ts_index = get(worker, "/")
    _, py_index = get(worker, "/py/")
    assert ("POST", "/config/resolve") in {(r["method"], r["path"]) for r in ts_index["routes"]}
    assert ("POST", "/py/config/resolve") in {(r["method"], r["path"]) for r in py_index["routes"]}


def test_config_routes_failing_rules_are_400_config_with_every_violation(worker: str) -> None:
    rules = [{"rule": "range", "path": "db.port", "max": 1024}, {"rule": "required", "path": "db.user"},
             {"rule": "pattern", "path": "db.password", "pattern": "[0-9]+"}]
    with pytest.raises(InfraError) as want:
        config_of({**CONFIG_BODY, "rules": rules})
    assert len(want.value.context["violations"]) == 3
    answers = both(worker, "POST", "/config/resolve", {**CONFIG_BODY, "rules": rules})
    for answer in answers:
        err = assert_error(answer, 400, "config", violations=want.value.context["violations"])
        assert err.message == want.value.message and "s3cret" not in err.message
        assert "db.password: *** does not match the pattern" in err.message
    assert answers[0] == answers[1]


def test_config_routes_bad_input_is_4xx_naming_the_source_or_field(worker: str) -> None:
    toml = {"sources": [{"type": "toml", "text": "[db]\nport 5432", "label": "app.toml"}]}
    answers = both(worker, "POST", "/config/resolve", toml)
    for answer in answers:
        err = assert_error(answer, 400, "config", source="app.toml", format="toml", line=2, column=6)
        assert err.message.startswith('config source "app.toml": invalid TOML at line 2 column 6: '), err.message
    for answer in both(worker, "POST", "/config/resolve", {"sources": [{"type": "json", "text": "[1]"}]}):
        err = assert_error(answer, 400, "config", source="json")
        assert err.message == 'config source "json": the top level must be an object (a table), got array'
    env = {"sources": [{"type": "env", "prefix": "APP_", "vars": {"APP_DB____PORT": "1"}}]}
    for answer in both(worker, "POST", "/config/resolve", env):
        assert_error(answer, 400, "config", variable="APP_DB____PORT")
    for answer in both(worker, "POST", "/config/resolve", {"sources": [], "rules": [{"rule": "between", "path": "a"}]}):
        assert_error(answer, 400, "config", field="rules[0].rule")
    cases = [
        ({"sources": {"type": "json"}}, "sources", "body.sources must be an array of sources"),
        ({"sources": [{"type": "yaml", "text": ""}]}, "sources[0].type",
         "body.sources[0].type must be one of defaults, memory, json, toml, env"),
        ({"sources": [{"type": "toml"}]}, "sources[0].text", "body.sources[0].text is required for a toml source"),
        ({"sources": [{"type": "json", "text": 1}]}, "sources[0].text", "body.sources[0].text must be a string"),
        ({"sources": [{"type": "defaults", "data": {}, "priority": 1}]}, "sources[0].priority",
         'body.sources[0]: unknown member "priority" for a defaults source (data, label)'),
        ({"sources": [{"type": "env", "vars": {"APP_X": 1}}]}, "sources[0].vars",
         'body.sources[0].vars: the value of "APP_X" must be a string'),
        ({"sources": [{"type": "env", "vars": {}, "prefix": 3}]}, "sources[0].prefix",
         "body.sources[0].prefix must be a string"),
        ({"sources": [], "rules": {"rule": "required"}}, "rules", "body.rules must be an array of rule objects"),
        ([], "body", "body must be a JSON object"),
    ]
    for body, field, message in cases:
        answers = both(worker, "POST", "/config/resolve", body)
        for answer in answers:
            err = assert_error(answer, 400, "validation", field=field)
            assert err.message == message, answer
        assert answers[0] == answers[1]
    for path in ("/config/resolve", "/py/config/resolve"):
        status, raw = raw_post(worker, path, b'{"sources": [], "sources": []}')
        err = InfraError.from_dict(json.loads(raw)["error"])
        assert status == 400 and err.kind.value == "serialization" and "duplicate key" in err.message, raw
