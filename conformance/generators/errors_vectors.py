"""Generate conformance/vectors/errors/*.json.

``errors.retry.delays`` expectations are computed here with exact rational arithmetic
(``fractions.Fraction``), independently of ``llm_infra.errors``: the float implementations
must agree with the exact result, so random cases whose exact value lies within 1e-6 of a
rounding tie are skipped (deliberate, exactly representable ties are written by hand).
The random streams come from ``random.Random(20261124)``: fixed seed, reproducible.

Run: python conformance/generators/errors_vectors.py
"""

from __future__ import annotations

import math
import random
from fractions import Fraction

from _common import write

KINDS = ["config", "validation", "io", "http", "auth", "external", "crypto", "serialization",
         "message_queue", "vector", "schema", "timeout", "not_found", "internal"]


def exact_delays(policy: dict, stream: list[float]) -> list[int] | None:
    initial, mult, cap = (Fraction(policy[k]) for k in ("initial_ms", "multiplier", "max_ms"))
    base = min(initial, cap)
    out, it = [], iter(stream)
    for _ in range(policy["max_attempts"] - 1):
        if policy["jitter"] == "none":
            x = base
        elif policy["jitter"] == "full":
            x = Fraction(next(it)) * base
        else:
            x = base / 2 + Fraction(next(it)) * (base / 2)
        frac = x - math.floor(x)
        if abs(frac - Fraction(1, 2)) < Fraction(1, 10**6) and x.denominator > 2:
            return None  # too close to a tie for a float implementation to be pinned down
        out.append(math.floor(x + Fraction(1, 2)))
        base = min(base * mult, cap)
    return out


def retry_cases() -> list[dict]:
    cases = []

    def add(cid: str, policy: dict, stream: list[float], note: str | None = None) -> None:
        delays = exact_delays(policy, stream)
        assert delays is not None, cid
        case = {"id": cid, "input": {"policy": policy, "random": stream}, "expect": {"delays_ms": delays}}
        if note:
            case["note"] = note
        cases.append(case)

    p = {"initial_ms": 100, "multiplier": 2, "max_ms": 1000, "max_attempts": 6, "jitter": "none"}
    add("none-doubling-capped", p, [], "100, 200, 400, 800, then capped at max_ms")
    add("none-single-attempt", {**p, "max_attempts": 1}, [], "max_attempts 1: no retry, no delay")
    add("none-initial-above-max", {**p, "initial_ms": 5000}, [], "initial above max_ms is capped")
    add("none-fractional-multiplier", {"initial_ms": 10, "multiplier": 1.5, "max_ms": 100000, "max_attempts": 8,
                                        "jitter": "none"}, [], "10, 15, 22.5 -> 23 (half up), 33.75 -> 34, ...")
    add("none-multiplier-one", {"initial_ms": 250, "multiplier": 1, "max_ms": 1000, "max_attempts": 4,
                                "jitter": "none"}, [], "constant backoff")
    add("none-zero-initial", {"initial_ms": 0, "multiplier": 3, "max_ms": 10, "max_attempts": 3, "jitter": "none"}, [])
    add("full-half", {"initial_ms": 100, "multiplier": 2, "max_ms": 10000, "max_attempts": 4, "jitter": "full"},
        [0.5, 0.5, 0.5])
    add("full-zero-random", {"initial_ms": 100, "multiplier": 2, "max_ms": 10000, "max_attempts": 3, "jitter": "full"},
        [0.0, 0.0], "r = 0 gives a zero delay")
    add("full-tie-rounds-up", {"initial_ms": 101, "multiplier": 1, "max_ms": 10000, "max_attempts": 2,
                               "jitter": "full"}, [0.5], "50.5 rounds half up to 51 (not banker's 50)")
    add("equal-tie-rounds-up", {"initial_ms": 3, "multiplier": 1, "max_ms": 10, "max_attempts": 2,
                                "jitter": "equal"}, [0.0], "1.5 rounds half up to 2")
    add("equal-quarter", {"initial_ms": 200, "multiplier": 2, "max_ms": 1000, "max_attempts": 5, "jitter": "equal"},
        [0.25, 0.75, 0.5, 0.99])
    add("full-capped-long", {"initial_ms": 50, "multiplier": 3, "max_ms": 30000, "max_attempts": 12,
                             "jitter": "full"}, [i / 11 for i in range(11)])
    rng = random.Random(20261124)
    n = 0
    while n < 24:
        policy = {
            "initial_ms": rng.choice([1, 10, 50, 100, 250, 333, 1000]),
            "multiplier": rng.choice([1, 1.5, 2, 2.5, 3, 1.1]),
            "max_ms": rng.choice([100, 1000, 5000, 60000]),
            "max_attempts": rng.randint(2, 10),
            "jitter": rng.choice(["full", "equal"]),
        }
        stream = [rng.random() for _ in range(policy["max_attempts"] - 1)]
        if exact_delays(policy, stream) is None:
            continue
        add(f"seeded-{n:02d}", policy, stream)
        n += 1
    cases.append({"id": "err-negative-initial", "input": {"policy": {**p, "initial_ms": -1}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-multiplier-below-one", "input": {"policy": {**p, "multiplier": 0.5}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-zero-attempts", "input": {"policy": {**p, "max_attempts": 0}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-fractional-attempts", "input": {"policy": {**p, "max_attempts": 2.5}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-unknown-jitter", "input": {"policy": {**p, "jitter": "decorrelated"}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-unknown-field", "input": {"policy": {**p, "base_ms": 1}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-string-initial", "input": {"policy": {**p, "initial_ms": "100"}, "random": []},
                  "error": {"kind": "validation"}})
    cases.append({"id": "err-random-out-of-range", "input": {"policy": {**p, "jitter": "full"}, "random": [1.0] * 5},
                  "error": {"kind": "validation"}, "note": "random values must lie in [0, 1)"})
    cases.append({"id": "err-random-exhausted", "input": {"policy": {**p, "jitter": "full"}, "random": [0.5]},
                  "error": {"kind": "validation"}})
    return cases


def err(kind: str, message: str, retryable: bool, context: dict | None = None, cause: dict | None = None) -> dict:
    return {"kind": kind, "message": message, "retryable": retryable, "context": context or {}, "cause": cause}


def create_cases() -> list[dict]:
    cases = []
    for kind in KINDS:
        cases.append({"id": f"default-{kind}", "input": {"kind": kind, "message": f"a {kind} failure"},
                      "expect": {"error": err(kind, f"a {kind} failure", kind == "timeout")}})
    for status, retry in [(429, True), (503, True), (500, True), (408, True), (404, False), (400, False),
                          (501, False)]:
        ctx = {"status": status, "url": "https://api.example/v1"}
        cases.append({"id": f"http-{status}", "input": {"kind": "http", "message": "upstream", "context": ctx},
                      "expect": {"error": err("http", "upstream", retry, ctx)},
                      "note": "http errors are retryable by default for 408/425/429/500/502/503/504"})
    ctx = {"field": "db.port", "limits": [1, 65535], "nested": {"a": None, "b": True, "c": 1.5}, "__proto__": "x"}
    cases.append({"id": "context-json-values", "input": {"kind": "validation", "message": "m", "context": ctx},
                  "expect": {"error": err("validation", "m", False, ctx)},
                  "note": "a '__proto__' context key is plain data"})
    cases.append({"id": "override-retryable", "input": {"kind": "io", "message": "m", "retryable": True},
                  "expect": {"error": err("io", "m", True)}})
    cases.append({"id": "override-not-retryable", "input": {"kind": "timeout", "message": "m", "retryable": False},
                  "expect": {"error": err("timeout", "m", False)}})
    cases.append({"id": "unicode-message", "input": {"kind": "config", "message": "clé manquante 🔑"},
                  "expect": {"error": err("config", "clé manquante 🔑", False)}})
    cases.append({"id": "err-unknown-kind", "input": {"kind": "fatal", "message": "m"}, "error": {"kind": "validation"}})
    cases.append({"id": "err-uppercase-kind", "input": {"kind": "IO", "message": "m"}, "error": {"kind": "validation"}})
    cases.append({"id": "err-missing-message", "input": {"kind": "io"}, "error": {"kind": "validation"}})
    cases.append({"id": "err-context-not-object", "input": {"kind": "io", "message": "m", "context": [1]},
                  "error": {"kind": "validation"}})
    return cases


def roundtrip_cases() -> list[dict]:
    chain = err("http", "gateway failed", True, {"status": 502},
                err("timeout", "upstream read timed out", True, {"after_ms": 30000},
                    err("io", "ECONNRESET", False, {"exception": "ConnectionResetError", "errno": 104})))
    cases = [
        {"id": "full-chain", "input": {"error": chain}, "expect": {"error": chain}},
        {"id": "defaults-filled", "input": {"error": {"kind": "timeout", "message": "slow"}},
         "expect": {"error": err("timeout", "slow", True)}, "note": "omitted retryable/context/cause take defaults"},
        {"id": "null-context-and-cause", "input": {"error": {"kind": "auth", "message": "denied", "context": None,
                                                              "cause": None}},
         "expect": {"error": err("auth", "denied", False)}},
        {"id": "explicit-retryable-kept", "input": {"error": err("not_found", "gone", True)},
         "expect": {"error": err("not_found", "gone", True)}},
        {"id": "proto-key-in-context", "input": {"error": err("validation", "m", False, {"__proto__": {"polluted": 1}})},
         "expect": {"error": err("validation", "m", False, {"__proto__": {"polluted": 1}})}},
    ]
    deep = None
    for i in range(32):
        deep = err("internal", f"level {i}", False, None, deep)
    cases.append({"id": "depth-32-ok", "input": {"error": deep}, "expect": {"error": deep},
                  "note": "a chain of 32 errors (MAX_CAUSE_DEPTH) round-trips"})
    too_deep = err("internal", "level 32", False, None, deep)
    bad = [
        ("err-depth-33", too_deep),
        ("err-not-object", [1, 2]),
        ("err-string", "boom"),
        ("err-unknown-key", {**err("io", "m", False), "code": "E1"}),
        ("err-unknown-kind", {"kind": "panic", "message": "m"}),
        ("err-missing-kind", {"message": "m"}),
        ("err-missing-message", {"kind": "io"}),
        ("err-message-number", {"kind": "io", "message": 5}),
        ("err-retryable-string", {"kind": "io", "message": "m", "retryable": "yes"}),
        ("err-context-array", {"kind": "io", "message": "m", "context": []}),
        ("err-bad-cause", {"kind": "io", "message": "m", "cause": {"kind": "io"}}),
        ("err-cause-not-object", {"kind": "io", "message": "m", "cause": 3}),
    ]
    for cid, value in bad:
        cases.append({"id": cid, "input": {"error": value}, "error": {"kind": "serialization"}})
    return cases


if __name__ == "__main__":
    write("errors", "retry_delays", "errors.retry.delays",
          "exact rational computation of DESIGN.md's backoff formula (conformance/generators/errors_vectors.py), "
          "random streams from random.Random(20261124)", retry_cases())
    write("errors", "error_create", "errors.error.create",
          "the InfraError JSON contract (docs/errors.md): default retryable per kind, context kept as JSON",
          create_cases())
    write("errors", "error_roundtrip", "errors.error.roundtrip",
          "the InfraError JSON contract (docs/errors.md): round trip, defaults, strict rejection",
          roundtrip_cases())
