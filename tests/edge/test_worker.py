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


def test_generated_config_embeds_only_built_files() -> None:
    config = (REPO / "build" / "edge" / "config.capnp").read_text()
    for rel in [line.split('embed "', 1)[1].split('"', 1)[0] for line in config.splitlines() if 'embed "' in line]:
        assert (REPO / "build" / "edge" / rel).is_file(), rel
    entry = (REPO / "build" / "edge" / "gen" / "worker-entry.ts").read_text()
    for ident, ts, _ in tool_pairs(REPO / "edge" / "routes", need_both=False):
        assert ts is None or str(ts) in entry, ident
