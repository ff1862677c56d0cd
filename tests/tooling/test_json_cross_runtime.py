"""json: Python against JavaScript at scale — number formatting over 100,000 doubles versus
``JSON.stringify``, and diff / merge-patch / canonicalize / parse on 1,500 random document pairs
versus the TypeScript SDK (same bytes, same error kinds). Fixed seeds; the vectors hold a sample.
"""

from __future__ import annotations

import json
import math
import random
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from llm_infra.conformance._runtimes import sdk_dist
from llm_infra.errors import InfraError
from llm_infra.json import canonicalize, diff, format_number, merge_patch_create, parse
from tests.conftest import REPO

NUMBERS_JS = r"""
import { readFileSync } from "node:fs";
const dv = new DataView(new ArrayBuffer(8));
const bits = JSON.parse(readFileSync(process.argv[1], "utf8"));
const format = (h) => {
  dv.setBigUint64(0, BigInt("0x" + h));
  return JSON.stringify(dv.getFloat64(0));
};
console.log(JSON.stringify(bits.map(format)));
"""

PARITY_JS = r"""
import { readFileSync } from "node:fs";
import { canonicalize, diff, mergePatchCreate, parse } from "@llm-dev-ops/infra/json";
import { InfraError } from "@llm-dev-ops/infra/errors";
const run = (f) => {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof InfraError) return { error: e.kind };
    throw e;
  }
};
const cases = JSON.parse(readFileSync(process.argv[1], "utf8"));
console.log(JSON.stringify(cases.map(({ a, b, text }) => [
  run(() => diff(a, b)), run(() => mergePatchCreate(a, b)),
  run(() => canonicalize(a)), run(() => canonicalize(parse(text))),
])));
"""


def _node(script: str, data: object, tmp_path: Path) -> Any:
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script, str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(out.stdout)


def _doubles(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 4 == 0:  # decimal-looking values, where shortest-digit ties and layout edges live
            v = float(f"{rng.randint(1, 10 ** rng.randint(1, 17))}e{rng.randint(-330, 310)}")
            out.append(struct.pack(">d", v).hex())
        else:
            out.append(f"{rng.getrandbits(64):016x}")
    return out


def test_format_number_matches_json_stringify_over_100k_doubles(node: str, tmp_path: Path) -> None:
    bits = _doubles(100_000, 20260412)
    expected = _node(NUMBERS_JS, bits, tmp_path)
    mismatches = []
    for b, want in zip(bits, expected, strict=True):
        (v,) = struct.unpack(">d", bytes.fromhex(b))
        if not math.isfinite(v):
            assert want == "null"
            continue
        if format_number(v) != want:
            mismatches.append((b, format_number(v), want))
    assert mismatches == [], mismatches[:10]


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    keys = ["", "a", "b", "0", "10", "x/y", "m~n", "é", "\ue000", "\U0001f600", "__proto__", "constructor"]
    r = rng.random()
    if depth > 3 or r < 0.45:
        return rng.choice(
            [0, 1, -1, 1.5, 2**53 - 1, 1e21, 1e-7, -0.0, True, False, None, "", "s", "é\n\u2028", "\U0001f600"]
        )
    if r < 0.72:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    return {rng.choice(keys): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def _near(rng: random.Random, v: Any) -> Any:
    if isinstance(v, list) and rng.random() < 0.8:
        v = list(v)
        for _ in range(rng.randint(1, 3)):
            c = rng.random()
            if c < 0.3 and v:
                del v[rng.randrange(len(v))]
            elif c < 0.6:
                v.insert(rng.randint(0, len(v)), _random_value(rng, 2))
            elif v:
                i = rng.randrange(len(v))
                v[i] = _near(rng, v[i])
        return v
    if isinstance(v, dict) and rng.random() < 0.8:
        v = {k: (_near(rng, x) if rng.random() < 0.3 else x) for k, x in v.items() if rng.random() > 0.15}
        if rng.random() < 0.4:
            v[rng.choice(["a", "n", "10"])] = _random_value(rng, 2)
        return v
    return _random_value(rng)


def _py(fn: Any, *args: Any) -> dict[str, Any]:
    try:
        return {"ok": fn(*args)}
    except InfraError as exc:
        return {"error": exc.kind.value}


@pytest.mark.slow
def test_python_and_typescript_agree_on_random_documents(node: str, tmp_path: Path) -> None:
    sdk_dist(REPO)
    rng = random.Random(4)
    cases = []
    for i in range(1500):
        a = _random_value(rng)
        b = _near(rng, a) if i % 5 else _random_value(rng)
        text = json.dumps(a, ensure_ascii=bool(i % 2)) if i % 7 else json.dumps(a)[:-1]  # some malformed texts
        cases.append({"a": a, "b": b, "text": text})
    js = _node(PARITY_JS, cases, tmp_path)
    for case, got in zip(cases, js, strict=True):
        a, b, text = case["a"], case["b"], case["text"]
        mine = [
            _py(diff, a, b),
            _py(merge_patch_create, a, b),
            _py(canonicalize, a),
            _py(lambda t: canonicalize(parse(t)), text),
        ]
        # canonical text of each result: the same bytes, not just the same value
        assert [_canon(x) for x in mine] == [_canon(x) for x in got], (a, b, text)


def _canon(result: dict[str, Any]) -> str:
    return "error:" + result["error"] if "error" in result else canonicalize(result["ok"])
