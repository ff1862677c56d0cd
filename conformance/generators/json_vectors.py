"""Generate conformance/vectors/json/*.json — never from llm_infra.json itself.

Where each expectation comes from:

- RFC data in ``data/``: RFC 6901 §5 (pointers), RFC 6902 Appendix A (patches), RFC 7396 §1, §3 and
  Appendix A (merge patches), RFC 8785 §3.2.2, §3.2.3, Appendix B and the JCS authors' test data
  (canonical JSON). Each is also recomputed by the peers below and must agree.
- Python peers: ``jsonpointer`` (get, parse, format), ``jsonpatch`` (apply; ``test`` for JSON
  equality), ``json_merge_patch`` and RFC 7396's own pseudo-code (merge apply/create), ``json``
  (parse).
- JavaScript peers through ``_node_peers.mjs`` (node): ``fast-json-patch`` (apply),
  ``json-merge-patch`` (apply, generate), ``JSON.stringify`` (canonical text with sorted members,
  and the number formatting of every double in ``number_format.json``), ``JSON.parse``.
- ``json.diff``: the patch is defined by the algorithm (docs/json.md), so the expectation comes
  from :func:`ref_diff` below — a second, deliberately plain implementation written from that
  description — and every expected patch is *applied* with ``jsonpatch`` and ``fast-json-patch``
  and must turn ``from`` into ``to``. Hand-written cases carry a note justifying their patch.
- Where a rule of ours is stricter than the peers (reserved names, ``-`` outside ``add``, leading
  zeros for fast-json-patch, nulls a merge patch cannot express), the case lives in a ``*_strict``
  file with a note citing the rule, and the generator records which peer deviates and why.

Random inputs come from ``random.Random`` with fixed seeds. Run: python conformance/generators/json_vectors.py
"""

from __future__ import annotations

import copy
import json
import math
import random
import struct
import subprocess
from pathlib import Path
from typing import Any

import json_merge_patch
import jsonpatch
import jsonpointer
from _common import write

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REPO = HERE.parent.parent
RESERVED = ("__proto__", "constructor", "prototype")
MAX_DEPTH = 256
MAX_ARRAY_WORK = 1 << 18


# -- peers ---------------------------------------------------------------------------------------------

def node(task: str, items: list[Any]) -> list[dict[str, Any]]:
    """Run one batch through _node_peers.mjs: each result is {"ok": value} or {"error": text}."""
    proc = subprocess.run(["node", str(HERE / "_node_peers.mjs")], input=json.dumps({"task": task, "items": items}),
                          capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(proc.stdout)["results"]


def strict_equal(a: Any, b: Any) -> bool:
    """JSON equality, independent of ours: numbers by value, booleans only equal booleans."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(strict_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def jp_apply(doc: Any, patch: list[Any]) -> dict[str, Any]:
    try:
        return {"ok": jsonpatch.apply_patch(copy.deepcopy(doc), copy.deepcopy(patch))}
    except Exception as exc:  # noqa: BLE001 -- any peer failure means "error"
        return {"error": f"{type(exc).__name__}: {exc}"}


def rfc_merge(target: Any, patch: Any) -> Any:
    """RFC 7396 §2 MergePatch, as written there."""
    if isinstance(patch, dict):
        if not isinstance(target, dict):
            target = {}
        target = dict(target)
        for k, v in patch.items():
            if v is None:
                target.pop(k, None)
            else:
                target[k] = rfc_merge(target.get(k), v)
        return target
    return copy.deepcopy(patch)


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def utf16_sorted(keys: Any) -> list[str]:
    return sorted(keys, key=lambda k: k.encode("utf-16-be", "surrogatepass"))


# -- random documents ----------------------------------------------------------------------------------

KEYS = ["a", "b", "c", "id", "name", "tags", "x/y", "m~n", "", " ", "é", "€", "\U0001F600", "\ufb33", "0", "10", "-"]
SCALARS: list[Any] = [0, 1, -1, 2, 1.5, -0.25, 1e-7, 1e21, 123456789, True, False, None, "", "a", "b", "hello", "1", "é€"]


def rand_value(rng: random.Random, depth: int = 0, keys: list[str] = KEYS) -> Any:
    r = rng.random()
    if depth >= 4 or r < 0.45:
        return rng.choice(SCALARS)
    if r < 0.72:
        return [rand_value(rng, depth + 1, keys) for _ in range(rng.randint(0, 5))]
    return {rng.choice(keys): rand_value(rng, depth + 1, keys) for _ in range(rng.randint(0, 5))}


def rand_doc(rng: random.Random) -> Any:
    return {rng.choice(KEYS): rand_value(rng, 1) for _ in range(rng.randint(1, 6))}


def mutate(rng: random.Random, v: Any, depth: int = 0) -> Any:
    """A value near ``v``: array inserts/deletes/edits, object adds/removes/edits, or a new value."""
    r = rng.random()
    if isinstance(v, list) and r < 0.85:
        v = list(v)
        for _ in range(rng.randint(1, 3)):
            c = rng.random()
            if c < 0.3 and v:
                del v[rng.randrange(len(v))]
            elif c < 0.65:
                v.insert(rng.randint(0, len(v)), rand_value(rng, depth + 1))
            elif v:
                i = rng.randrange(len(v))
                v[i] = mutate(rng, v[i], depth + 1)
        return v
    if isinstance(v, dict) and r < 0.85:
        v = dict(v)
        for k in list(v):
            c = rng.random()
            if c < 0.2:
                del v[k]
            elif c < 0.55:
                v[k] = mutate(rng, v[k], depth + 1)
        if rng.random() < 0.4:
            v[rng.choice(KEYS)] = rand_value(rng, depth + 1)
        return v
    return rand_value(rng, depth) if r < 0.95 else copy.deepcopy(v)


def pointers_in(doc: Any, prefix: str = "") -> list[str]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += pointers_in(v, prefix + "/" + escape(k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += pointers_in(v, f"{prefix}/{i}")
    return out


# -- the reference diff (written from docs/json.md, independent of llm_infra.json._diff) ------------------

def nodes(v: Any) -> int:
    if isinstance(v, dict):
        return 1 + sum(nodes(x) for x in v.values())
    if isinstance(v, list):
        return 1 + sum(nodes(x) for x in v)
    return 1


def op_cost(op: dict[str, Any]) -> int:
    return 1 if op["op"] == "remove" else 1 + nodes(op["value"])


def ref_diff(a: Any, b: Any, path: str = "") -> list[dict[str, Any]]:
    if strict_equal(a, b):
        return []
    if isinstance(a, dict) and isinstance(b, dict):
        changed = [k for k in set(a) | set(b) if k not in a or k not in b or not strict_equal(a[k], b[k])]
        if any(k in RESERVED for k in changed):
            return [{"op": "replace", "path": path, "value": copy.deepcopy(b)}]
        ops: list[dict[str, Any]] = []
        for k in utf16_sorted(changed):
            p = path + "/" + escape(k)
            if k not in b:
                ops.append({"op": "remove", "path": p})
            elif k not in a:
                ops.append({"op": "add", "path": p, "value": copy.deepcopy(b[k])})
            else:
                ops += ref_diff(a[k], b[k], p)
        return smaller(ops, path, b)
    if isinstance(a, list) and isinstance(b, list):
        return smaller(ref_array(a, b, path), path, b)
    return [{"op": "replace", "path": path, "value": copy.deepcopy(b)}]


def smaller(ops: list[dict[str, Any]], path: str, b: Any) -> list[dict[str, Any]]:
    if len(ops) >= 2 and sum(op_cost(o) for o in ops) > 1 + nodes(b):
        return [{"op": "replace", "path": path, "value": copy.deepcopy(b)}]
    return ops


def myers(xs: list[Any], ys: list[Any]) -> list[str] | None:
    """The edit script ('=' keep, '-' delete, '+' insert) of Myers' greedy algorithm, or None past the budget."""
    n, m = len(xs), len(ys)
    v = {1: 0}
    trace = []
    work = 0
    for d in range(n + m + 1):
        trace.append(dict(v))
        for k in range(-d, d + 1, 2):
            work += 1
            x = v[k + 1] if k == -d or (k != d and v[k - 1] < v[k + 1]) else v[k - 1] + 1
            y = x - k
            while x < n and y < m and strict_equal(xs[x], ys[y]):
                x, y, work = x + 1, y + 1, work + 1
            v[k] = x
            if x >= n and y >= m:
                return backtrack(trace, n, m)
        if work > MAX_ARRAY_WORK:
            return None
    raise AssertionError("unreachable")


def backtrack(trace: list[dict[int, int]], x: int, y: int) -> list[str]:
    script = []
    for d in range(len(trace) - 1, -1, -1):
        v = trace[d]
        k = x - y
        pk = k + 1 if k == -d or (k != d and v[k - 1] < v[k + 1]) else k - 1
        px = v[pk]
        py = px - pk
        while x > px and y > py:
            script.append("=")
            x, y = x - 1, y - 1
        if d > 0:
            script.append("+" if pk == k + 1 else "-")
        x, y = px, py
    return script[::-1]


def ref_array(a: list[Any], b: list[Any], path: str) -> list[dict[str, Any]]:
    n, m = len(a), len(b)
    s = 0
    while s < min(n, m) and strict_equal(a[s], b[s]):
        s += 1
    e = 0
    while e < min(n, m) - s and strict_equal(a[n - 1 - e], b[m - 1 - e]):
        e += 1
    xs, ys = a[s:n - e], b[s:m - e]
    script = myers(xs, ys) if xs and ys else None
    runs = []
    if script is None:
        runs = [(0, len(xs), 0, len(ys))] if xs or ys else []
    else:
        i = j = 0
        q = 0
        while q < len(script):
            if script[q] == "=":
                i, j, q = i + 1, j + 1, q + 1
                continue
            a0, b0 = i, j
            while q < len(script) and script[q] != "=":
                if script[q] == "-":
                    i += 1
                else:
                    j += 1
                q += 1
            runs.append((a0, i, b0, j))
    ops: list[dict[str, Any]] = []
    pos, done = s, 0
    for a0, a1, b0, b1 in runs:
        pos += a0 - done
        pairs = min(a1 - a0, b1 - b0)
        for t in range(pairs):
            ops += ref_diff(xs[a0 + t], ys[b0 + t], f"{path}/{pos}")
            pos += 1
        ops += [{"op": "remove", "path": f"{path}/{pos}"} for _ in range(a1 - a0 - pairs)]
        for t in range(pairs, b1 - b0):
            ops.append({"op": "add", "path": f"{path}/{pos}", "value": copy.deepcopy(ys[b0 + t])})
            pos += 1
        done = a1
    return ops


# -- case helpers --------------------------------------------------------------------------------------

def ok(cid: str, inp: dict[str, Any], expect: dict[str, Any], note: str | None = None) -> dict[str, Any]:
    case: dict[str, Any] = {"id": cid, "input": inp, "expect": expect}
    if note:
        case["note"] = note
    return case


def err(cid: str, inp: dict[str, Any], kind: str | None, note: str | None = None) -> dict[str, Any]:
    case: dict[str, Any] = {"id": cid, "input": inp, "error": {} if kind is None else {"kind": kind}}
    if note:
        case["note"] = note
    return case


def nest(depth: int, leaf: Any = 0) -> Any:
    v: Any = leaf
    for i in range(depth):
        v = [v] if i % 2 else {"a": v}
    return v


# -- json.pointer.* ------------------------------------------------------------------------------------

def pointer_vectors() -> None:
    rfc = json.loads((DATA / "rfc6901_examples.json").read_text(encoding="utf-8"))
    doc = rfc["document"]
    cases = []
    for i, c in enumerate(rfc["cases"]):
        assert strict_equal(jsonpointer.resolve_pointer(doc, c["pointer"]), c["expected"])
        cases.append(ok(f"rfc6901-{i}", {"doc": doc, "pointer": c["pointer"]}, {"value": c["expected"]},
                        f"RFC 6901 §5: {c['pointer']!r}"))
    bad = [
        ("missing-member", {"a": 1}, "/b", "not_found"),
        ("missing-nested", {"a": {"b": 1}}, "/a/c/d", "not_found"),
        ("index-out-of-range", {"a": [1, 2]}, "/a/2", "not_found"),
        ("index-huge", {"a": [1]}, "/a/99999999999999999999", "not_found"),
        ("into-number", {"a": 1}, "/a/b", "not_found"),
        ("into-string", {"a": "text"}, "/a/0", "not_found"),
        ("into-null", {"a": None}, "/a/b", "not_found"),
        ("leading-zero-index", {"a": [1, 2]}, "/a/01", "validation"),
        ("negative-index", {"a": [1, 2]}, "/a/-1", "validation"),
        ("non-numeric-index", {"a": [1, 2]}, "/a/x", "validation"),
        ("plus-index", {"a": [1, 2]}, "/a/+1", "validation"),
        ("no-leading-slash", {"a": 1}, "a", "validation"),
        ("bad-escape-2", {"a": 1}, "/~2", "validation"),
        ("bad-escape-end", {"a": 1}, "/a~", "validation"),
        ("bad-escape-double-tilde", {"~~1": 1}, "/~~1", "validation"),
    ]
    for cid, d, p, kind in bad:
        try:
            jsonpointer.resolve_pointer(d, p)
            raise AssertionError(f"jsonpointer accepted {cid}")
        except (jsonpointer.JsonPointerException, KeyError, IndexError, TypeError):
            pass
        cases.append(err(cid, {"doc": d, "pointer": p}, kind))
    cases.append(ok("escape-order", {"doc": {"~1": "tilde-one", "/": "slash"}, "pointer": "/~01"}, {"value": "tilde-one"},
                    "RFC 6901 §4: ~1 is decoded before ~0, so ~01 is the key '~1'"))
    cases.append(ok("empty-key", {"doc": {"": {"": 5}}, "pointer": "//"}, {"value": 5}))
    cases.append(ok("dash-is-a-key-in-objects", {"doc": {"-": 1}, "pointer": "/-"}, {"value": 1}))
    cases.append(ok("unicode-key", {"doc": {"€": {"\U0001F600": True}}, "pointer": "/€/\U0001F600"}, {"value": True}))
    rng = random.Random(46011)
    for i in range(40):
        d = rand_doc(rng)
        p = rng.choice(pointers_in(d))
        cases.append(ok(f"gen-{i:02d}", {"doc": d, "pointer": p}, {"value": jsonpointer.resolve_pointer(d, p)}))
    write("json", "pointer_get", "json.pointer.get",
          "RFC 6901 §5 examples; generated pointers resolved with the jsonpointer library (seed 46011); "
          "error cases rejected by jsonpointer, kinds per docs/json.md (malformed: validation, absent: not_found)", cases)

    strict = [
        err("dash-on-get", {"doc": {"a": [1, 2]}, "pointer": "/a/-"}, "not_found",
            "RFC 6901 §4: '-' names the nonexistent element after the last; jsonpointer returns a sentinel instead"),
        err("dash-in-middle", {"doc": {"a": [{"b": 1}]}, "pointer": "/a/-/b"}, "not_found", "RFC 6901 §4"),
    ] + [
        err(f"reserved-{name.strip('_')}", {"doc": {name: {"x": 1}}, "pointer": f"/{name}/x"}, "validation",
            "reserved navigation name (prototype pollution guard, docs/json.md); jsonpointer has no such rule")
        for name in RESERVED
    ]
    write("json", "pointer_get_strict", "json.pointer.get",
          "RFC 6901 §4 ('-' is never an existing element) and the reserved-name rule of docs/json.md; "
          "the jsonpointer library is laxer on both, so these are justified by the spec text, not by a peer", strict)

    # parse / format: RFC table both ways, plus generated tokens checked with jsonpointer
    pcases, fcases = [], []
    for i, c in enumerate(rfc["cases"]):
        parts = jsonpointer.JsonPointer(c["pointer"]).parts
        pcases.append(ok(f"rfc6901-{i}", {"pointer": c["pointer"]}, {"tokens": parts}))
        fcases.append(ok(f"rfc6901-{i}", {"tokens": parts}, {"pointer": c["pointer"]}))
    rng = random.Random(46012)
    alphabet = ["a", "b", "~", "/", "0", "1", "~0", "~1", "é", " ", "-", "\U0001F600"]
    for i in range(30):
        tokens = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 4))]
        ptr = jsonpointer.JsonPointer.from_parts(tokens).path
        assert jsonpointer.JsonPointer(ptr).parts == tokens
        pcases.append(ok(f"gen-{i:02d}", {"pointer": ptr}, {"tokens": tokens}))
        fcases.append(ok(f"gen-{i:02d}", {"tokens": tokens}, {"pointer": ptr}))
    pcases += [
        ok("root", {"pointer": ""}, {"tokens": []}),
        ok("empty-token", {"pointer": "/"}, {"tokens": [""]}),
        ok("tilde-zero-one", {"pointer": "/~01"}, {"tokens": ["~1"]}, "RFC 6901 §4: ~1 first, then ~0"),
        err("no-slash", {"pointer": "a/b"}, "validation"),
        err("bad-escape", {"pointer": "/a~2b"}, "validation"),
        err("lone-tilde", {"pointer": "/~"}, "validation"),
        err("tilde-tilde-one", {"pointer": "/~~1"}, "validation", "the first '~' is followed by '~'"),
        err("reserved-proto", {"pointer": "/__proto__"}, "validation", "reserved navigation name (docs/json.md)"),
        err("reserved-constructor", {"pointer": "/a/constructor/prototype"}, "validation"),
    ]
    fcases += [
        ok("root", {"tokens": []}, {"pointer": ""}),
        err("reserved-proto", {"tokens": ["__proto__"]}, "validation", "reserved navigation name (docs/json.md)"),
        err("not-strings", {"tokens": ["a", 1]}, "validation"),
    ]
    write("json", "pointer_parse", "json.pointer.parse",
          "RFC 6901 §5 pointers and generated tokens, parsed with the jsonpointer library (seed 46012); syntax errors per RFC 6901 §3-4",
          pcases)
    write("json", "pointer_format", "json.pointer.format",
          "RFC 6901 §5 pointers and generated tokens, formatted with the jsonpointer library (seed 46012)", fcases)

    # add / replace / remove: each one is a one-operation RFC 6902 patch, applied by jsonpatch and fast-json-patch
    rng = random.Random(46013)
    prims: dict[str, list[dict[str, Any]]] = {"add": [], "replace": [], "remove": []}
    inputs = []
    for i in range(90):
        d = rand_doc(rng)
        opname = ("add", "replace", "remove")[i % 3]
        ptrs = [p for p in pointers_in(d) if p]
        p = rng.choice(ptrs)
        if opname == "add" and rng.random() < 0.5:
            parent = jsonpointer.resolve_pointer(d, p)
            if isinstance(parent, list):
                p += "/" + rng.choice(["-", str(len(parent)), "0"])
            elif isinstance(parent, dict):
                p += "/" + escape(rng.choice(KEYS))
        op = {"op": opname, "path": p}
        if opname != "remove":
            op["value"] = rand_value(rng, 2)
        inputs.append((i, opname, d, op))
    fjp = node("fjp_apply", [{"doc": d, "patch": [op]} for _, _, d, op in inputs])
    for (i, opname, d, op), js in zip(inputs, fjp, strict=True):
        mine = jp_apply(d, [op])
        assert ("ok" in mine) == ("ok" in js) and ("ok" not in mine or strict_equal(mine["ok"], js["ok"])), (op, mine, js)
        inp = {"doc": d, "pointer": op["path"]}
        if opname != "remove":
            inp["value"] = op["value"]
        if "ok" in mine:
            prims[opname].append(ok(f"gen-{i:02d}", inp, {"doc": mine["ok"]}))
    fixed = {
        "add": [
            ok("append-dash", {"doc": [1, 2], "pointer": "/-", "value": 3}, {"doc": [1, 2, 3]}),
            ok("insert-front", {"doc": [1, 2], "pointer": "/0", "value": 0}, {"doc": [0, 1, 2]}),
            ok("at-length", {"doc": [1, 2], "pointer": "/2", "value": 3}, {"doc": [1, 2, 3]}),
            ok("replace-root", {"doc": {"a": 1}, "pointer": "", "value": [1]}, {"doc": [1]}),
            ok("existing-member-replaced", {"doc": {"a": 1}, "pointer": "/a", "value": 2}, {"doc": {"a": 2}}),
            ok("null-value", {"doc": {}, "pointer": "/a", "value": None}, {"doc": {"a": None}}),
            err("past-end", {"doc": [1, 2], "pointer": "/3", "value": 0}, "not_found"),
            err("missing-parent", {"doc": {}, "pointer": "/a/b", "value": 0}, "not_found"),
            err("leading-zero", {"doc": [1, 2], "pointer": "/01", "value": 0}, "validation",
                "RFC 6901 §4: no leading zeros (fast-json-patch accepts it; jsonpatch rejects it)"),
            err("into-scalar", {"doc": {"a": 1}, "pointer": "/a/b", "value": 0}, "not_found"),
        ],
        "replace": [
            ok("root", {"doc": {"a": 1}, "pointer": "", "value": 5}, {"doc": 5}),
            ok("array-element", {"doc": [1, 2], "pointer": "/1", "value": [3]}, {"doc": [1, [3]]}),
            err("missing", {"doc": {"a": 1}, "pointer": "/b", "value": 0}, "not_found"),
            err("dash", {"doc": [1], "pointer": "/-", "value": 0}, "not_found", "'-' only for add (RFC 6902 §4.1)"),
            err("past-end", {"doc": [1], "pointer": "/1", "value": 0}, "not_found"),
        ],
        "remove": [
            ok("array-middle", {"doc": [1, 2, 3], "pointer": "/1"}, {"doc": [1, 3]}),
            ok("member", {"doc": {"a": 1, "b": 2}, "pointer": "/a"}, {"doc": {"b": 2}}),
            err("root", {"doc": {"a": 1}, "pointer": ""}, "validation", "a document cannot be removed (jsonpatch: same)"),
            err("missing", {"doc": {"a": 1}, "pointer": "/b"}, "not_found"),
            err("dash", {"doc": [1], "pointer": "/-"}, "not_found"),
        ],
    }
    for opname in ("add", "replace", "remove"):
        for c in fixed[opname]:
            patch_op = {"op": opname, "path": c["input"]["pointer"]}
            if "value" in c["input"]:
                patch_op["value"] = c["input"]["value"]
            got = jp_apply(c["input"]["doc"], [patch_op])
            assert ("ok" in got) == ("expect" in c), (opname, c["id"], got)
            if "expect" in c:
                assert strict_equal(got["ok"], c["expect"]["doc"]), (opname, c["id"])
        write("json", f"pointer_{opname}", f"json.pointer.{opname}",
              f"one-operation RFC 6902 '{opname}' patches applied with jsonpatch and cross-checked with fast-json-patch "
              "(seed 46013; hand-written edge cases checked with jsonpatch)", prims[opname] + fixed[opname])


# -- json.path.* ---------------------------------------------------------------------------------------

def path_to_tokens(path: str) -> list[str]:
    """Dot path → segments, per docs/json.md (a separate implementation from the library's)."""
    if path == "":
        return []
    segs, cur, escaped = [], "", False
    for ch in path:
        if escaped:
            assert ch in ".\\", path
            cur += ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ".":
            segs.append(cur)
            cur = ""
        else:
            cur += ch
    assert not escaped
    segs.append(cur)
    assert all(segs), path
    return segs


def tokens_to_path(tokens: list[str]) -> str:
    return ".".join(t.replace("\\", "\\\\").replace(".", "\\.") for t in tokens)


def path_vectors() -> None:
    rng = random.Random(46021)
    keys = ["a", "b", "db", "port", "a.b", "x\\y", "0", "10", "é", "-", " "]
    gets, sets, parses, formats = [], [], [], []
    for i in range(40):
        d = {rng.choice(keys): rand_value(rng, 1, keys) for _ in range(rng.randint(1, 5))}
        ptrs = [p for p in pointers_in(d) if p]
        tokens = jsonpointer.JsonPointer(rng.choice(ptrs)).parts
        if any(t == "" for t in tokens):
            continue
        path = tokens_to_path(tokens)
        assert path_to_tokens(path) == tokens
        gets.append(ok(f"gen-{i:02d}", {"doc": d, "path": path},
                       {"value": jsonpointer.resolve_pointer(d, jsonpointer.JsonPointer.from_parts(tokens).path)}))
        parses.append(ok(f"gen-{i:02d}", {"path": path}, {"segments": tokens}))
        formats.append(ok(f"gen-{i:02d}", {"segments": tokens}, {"path": path}))
    cfg = {"db": {"hosts": ["a", "b"], "pool.size": 5, "port": None}, "a\\b": 1, "0": {"1": "x"}}
    gets += [
        ok("nested-array", {"doc": cfg, "path": "db.hosts.1"}, {"value": "b"}),
        ok("escaped-dot", {"doc": cfg, "path": "db.pool\\.size"}, {"value": 5}),
        ok("escaped-backslash", {"doc": cfg, "path": "a\\\\b"}, {"value": 1}),
        ok("digits-on-object-are-keys", {"doc": cfg, "path": "0.1"}, {"value": "x"}),
        ok("null-is-a-value", {"doc": cfg, "path": "db.port", "default": 5432}, {"value": None},
           "a present null is returned, the default is only for absent values"),
        ok("root", {"doc": cfg, "path": ""}, {"value": cfg}),
        ok("default-when-missing", {"doc": cfg, "path": "db.user", "default": "admin"}, {"value": "admin"}),
        ok("default-when-out-of-range", {"doc": cfg, "path": "db.hosts.5", "default": None}, {"value": None}),
        err("missing", {"doc": cfg, "path": "db.user"}, "not_found"),
        err("leading-zero", {"doc": cfg, "path": "db.hosts.01", "default": 0}, "validation",
            "a malformed index is an error even with a default"),
        err("empty-segment", {"doc": cfg, "path": "db..hosts"}, "validation"),
        err("trailing-dot", {"doc": cfg, "path": "db."}, "validation"),
        err("bad-escape", {"doc": cfg, "path": "db\\x"}, "validation"),
        err("reserved", {"doc": {"constructor": 1}, "path": "constructor"}, "validation", "reserved navigation name"),
    ]
    for c in gets:
        if "expect" in c and c["id"] != "root" and "default" not in c["input"]:
            ptr = jsonpointer.JsonPointer.from_parts(path_to_tokens(c["input"]["path"])).path
            assert strict_equal(jsonpointer.resolve_pointer(c["input"]["doc"], ptr), c["expect"]["value"]), c["id"]
    write("json", "path_get", "json.path.get",
          "dot paths converted to JSON Pointers by the generator's own parser of the docs/json.md syntax and "
          "resolved with the jsonpointer library (seed 46021); hand-written config cases checked the same way", gets)
    parses += [
        ok("escapes", {"path": "a.b\\.c.d\\\\e"}, {"segments": ["a", "b.c", "d\\e"]}),
        ok("root", {"path": ""}, {"segments": []}),
        err("leading-dot", {"path": ".a"}, "validation"),
        err("lone-backslash", {"path": "a\\"}, "validation"),
        err("reserved", {"path": "a.__proto__"}, "validation"),
    ]
    formats += [
        ok("escapes", {"segments": ["a", "b.c", "d\\e"]}, {"path": "a.b\\.c.d\\\\e"}),
        err("empty-segment", {"segments": ["a", ""]}, "validation", "a dot path cannot name an empty key"),
        err("reserved", {"segments": ["prototype"]}, "validation"),
    ]
    write("json", "path_parse", "json.path.parse", "the docs/json.md dot-path syntax, generated paths round-tripped through "
          "jsonpointer (seed 46021)", parses)
    write("json", "path_format", "json.path.format", "the docs/json.md dot-path syntax (seed 46021)", formats)

    # path.set: expectations by jsonpatch — an 'add' of {} for every missing object level, then add/replace
    def reference_set(doc: Any, path: str, value: Any) -> dict[str, Any]:
        tokens = path_to_tokens(path)
        if not tokens:
            return {"ok": value}
        ops, node_, missing = [], doc, False
        for i, t in enumerate(tokens):
            ptr = jsonpointer.JsonPointer.from_parts(tokens[: i + 1]).path
            last = i == len(tokens) - 1
            if missing:
                ops.append({"op": "add", "path": ptr, "value": value if last else {}})
                continue
            if isinstance(node_, dict):
                if last:
                    ops.append({"op": "add", "path": ptr, "value": value})
                elif t in node_:
                    node_ = node_[t]
                else:
                    missing = True
                    ops.append({"op": "add", "path": ptr, "value": {}})
            elif isinstance(node_, list):
                if not (t.isdigit() and (t == "0" or t[0] != "0")):
                    return {"error": "validation"}
                idx = int(t)
                if last and idx == len(node_):
                    ops.append({"op": "add", "path": ptr, "value": value})
                elif idx < len(node_):
                    if last:
                        ops.append({"op": "replace", "path": ptr, "value": value})
                    else:
                        node_ = node_[idx]
                else:
                    return {"error": "not_found"}
            else:
                return {"error": "validation"}
        got = jp_apply(doc, ops)
        assert "ok" in got, (doc, path, got)
        return got

    rng = random.Random(46022)
    for i in range(30):
        d = {rng.choice(keys): rand_value(rng, 1, keys) for _ in range(rng.randint(1, 4))}
        ptrs = [p for p in pointers_in(d) if p]
        tokens = jsonpointer.JsonPointer(rng.choice(ptrs)).parts
        if rng.random() < 0.5:
            tokens = tokens + [rng.choice(["new", "deep"]) for _ in range(rng.randint(1, 2))]
        if any(t == "" for t in tokens):
            continue
        path = tokens_to_path(tokens)
        value = rand_value(rng, 2)
        got = reference_set(d, path, value)
        inp = {"doc": d, "path": path, "value": value}
        sets.append(ok(f"gen-{i:02d}", inp, {"doc": got["ok"]}) if "ok" in got else err(f"gen-{i:02d}", inp, got["error"]))
    fixed = [
        ("create-intermediate", {}, "db.port", 5432),
        ("append", {"tags": ["a"]}, "tags.1", "b"),
        ("replace-element", {"tags": ["a", "b"]}, "tags.0", "z"),
        ("replace-root", {"a": 1}, "", [1]),
        ("escaped-key", {}, "a\\.b.c", True),
        ("overwrite-member", {"a": {"b": 1}}, "a", 2),
        ("past-end", {"tags": []}, "tags.1", "x"),
        ("through-scalar", {"a": 1}, "a.b", 2),
        ("through-null", {"a": None}, "a.b", 2),
        ("bad-index", {"tags": []}, "tags.x", 1),
    ]
    for cid, d, path, value in fixed:
        got = reference_set(d, path, value)
        inp = {"doc": d, "path": path, "value": value}
        sets.append(ok(cid, inp, {"doc": got["ok"]}) if "ok" in got else err(cid, inp, got["error"]))
    sets.append(err("reserved", {"doc": {}, "path": "a.__proto__.polluted", "value": 1}, "validation",
                    "reserved navigation name (prototype pollution guard)"))
    write("json", "path_set", "json.path.set",
          "docs/json.md path_set semantics expressed as RFC 6902 operations ('add' {} for each missing object level, then "
          "add/replace) applied with jsonpatch (seed 46022)", sets)


# -- json.patch.apply ----------------------------------------------------------------------------------

#: Cases where fast-json-patch (validate=true) is laxer than RFC 6902 and jsonpatch; recorded, not silenced.
FJP_DEVIATIONS = {
    "remove-root": "fast-json-patch removes the whole document (result undefined); a JSON document must have a value",
}

def patch_vectors() -> None:
    spec = json.loads((DATA / "rfc6902_appendix_a.json").read_text(encoding="utf-8"))
    cases, strict = [], []
    checks: list[tuple[dict[str, Any], bool]] = []  # (case, fast-json-patch must agree)
    for c in spec["cases"]:
        inp = {"doc": c["doc"], "patch": c["patch"]}
        case = ok(f"rfc6902-{c['id']}", inp, {"doc": c["expected"]}, c["comment"]) if "expected" in c else \
            err(f"rfc6902-{c['id']}", inp, c["error"], c["comment"])
        cases.append(case)
        checks.append((case, True))
    hand = [
        ("empty-patch", {"a": 1}, [], {"a": 1}),
        ("test-number-equals-float", {"a": 1}, [{"op": "test", "path": "/a", "value": 1.0}], {"a": 1}),
        ("test-key-order-irrelevant", {"a": {"x": 1, "y": [1, {"p": 1, "q": 2}]}},
         [{"op": "test", "path": "/a", "value": {"y": [1, {"q": 2, "p": 1}], "x": 1}}], None),
        ("test-null", {"a": None}, [{"op": "test", "path": "/a", "value": None}], None),
        ("test-whole-document", {"a": 1}, [{"op": "test", "path": "", "value": {"a": 1}}], None),
        ("move-same-location", {"a": 1}, [{"op": "move", "from": "/a", "path": "/a"}], {"a": 1}),
        ("move-to-root", {"a": {"b": 1}}, [{"op": "move", "from": "/a", "path": ""}], {"b": 1}),
        ("copy-deep", {"a": {"b": [1]}}, [{"op": "copy", "from": "/a", "path": "/c"}, {"op": "add", "path": "/c/b/-", "value": 2}],
         {"a": {"b": [1]}, "c": {"b": [1, 2]}}),
        ("add-replaces-member", {"a": 1}, [{"op": "add", "path": "/a", "value": 2}], {"a": 2}),
        ("replace-root-scalar", {"a": 1}, [{"op": "replace", "path": "", "value": "x"}], "x"),
        ("top-level-array", [], [{"op": "add", "path": "/0", "value": "foo"}], ["foo"]),
        ("empty-key", {}, [{"op": "add", "path": "/", "value": 1}], {"": 1}),
        ("sequence", {"a": [1, 2, 3]}, [{"op": "remove", "path": "/a/0"}, {"op": "add", "path": "/a/-", "value": 4},
                                        {"op": "move", "from": "/a/0", "path": "/b"}, {"op": "test", "path": "/b", "value": 2}],
         {"a": [3, 4], "b": 2}),
    ]
    for cid, d, p, expected in hand:
        got = jp_apply(d, p)
        assert "ok" in got, (cid, got)
        if expected is not None:
            assert strict_equal(got["ok"], expected), cid
        case = ok(cid, {"doc": d, "patch": p}, {"doc": got["ok"]})
        cases.append(case)
        checks.append((case, True))
    bad = [
        ("test-true-vs-1", {"a": True}, [{"op": "test", "path": "/a", "value": 1}], "validation", "JSON equality: true is not 1"),
        ("test-1-vs-true", {"a": 1}, [{"op": "test", "path": "/a", "value": True}], "validation", None),
        ("test-0-vs-false", {"a": 0}, [{"op": "test", "path": "/a", "value": False}], "validation", None),
        ("test-string-vs-number", {"a": "1"}, [{"op": "test", "path": "/a", "value": 1}], "validation", None),
        ("test-array-vs-object", {"a": []}, [{"op": "test", "path": "/a", "value": {}}], "validation", None),
        ("test-missing", {"a": 1}, [{"op": "test", "path": "/b", "value": 1}], "not_found", None),
        ("move-into-own-child", {"a": {"b": 1}}, [{"op": "move", "from": "/a", "path": "/a/b/c"}], "validation",
         "RFC 6902 §4.4: from must not be a proper prefix of path"),
        ("move-missing-from", {"a": 1}, [{"op": "move", "from": "/b", "path": "/c"}], "not_found", None),
        ("copy-missing-from", {"a": 1}, [{"op": "copy", "from": "/b", "path": "/c"}], "not_found", None),
        ("remove-missing", {"a": 1}, [{"op": "remove", "path": "/b"}], "not_found", None),
        ("replace-missing", {"a": 1}, [{"op": "replace", "path": "/b", "value": 1}], "not_found", None),
        ("add-past-end", {"a": [1]}, [{"op": "add", "path": "/a/2", "value": 1}], "not_found", None),
        ("add-negative-index", {"a": [1]}, [{"op": "add", "path": "/a/-1", "value": 1}], "validation", None),
        ("add-to-scalar", {"a": 1}, [{"op": "add", "path": "/a/b", "value": 1}], "not_found", None),
        ("remove-root", {"a": 1}, [{"op": "remove", "path": ""}], "validation", None),
        ("unknown-op", {"a": 1}, [{"op": "merge", "path": "/a", "value": 1}], "validation", None),
        ("missing-op", {"a": 1}, [{"path": "/a", "value": 1}], "validation", None),
        ("missing-path", {"a": 1}, [{"op": "add", "value": 1}], "validation", None),
        ("missing-value", {"a": 1}, [{"op": "add", "path": "/b"}], "validation", None),
        ("missing-from", {"a": 1}, [{"op": "copy", "path": "/b"}], "validation", None),
        ("path-not-string", {"a": 1}, [{"op": "remove", "path": 1}], "validation", None),
        ("op-not-object", {"a": 1}, ["remove"], "validation", None),
        ("patch-not-array", {"a": 1}, {"op": "remove", "path": "/a"}, "validation", None),
        ("bad-pointer", {"a": 1}, [{"op": "remove", "path": "a"}], "validation", None),
        ("atomic-late-failure", {"a": 1}, [{"op": "add", "path": "/b", "value": 2}, {"op": "test", "path": "/a", "value": 2}],
         "validation", "the whole patch fails: no partial result"),
    ]
    for cid, d, p, kind, note in bad:
        got = jp_apply(d, p) if isinstance(p, list) else {"error": "not a list"}
        assert "error" in got, (cid, got)
        case = err(cid, {"doc": d, "patch": p}, kind, note)
        cases.append(case)
        checks.append((case, isinstance(p, list) and cid not in FJP_DEVIATIONS))
    # Generated: random documents, then a random valid patch built against the evolving document.
    rng = random.Random(46031)
    for i in range(70):
        d = rand_doc(rng)
        cur = copy.deepcopy(d)
        patch = []
        for _ in range(rng.randint(1, 6)):
            ptrs = pointers_in(cur)
            opname = rng.choice(["add", "add", "remove", "replace", "move", "copy", "test"])
            target = rng.choice(ptrs)
            if opname == "add":
                parent_ptr = rng.choice([p for p in ptrs if isinstance(jsonpointer.resolve_pointer(cur, p), (dict, list))])
                parent = jsonpointer.resolve_pointer(cur, parent_ptr)
                last = rng.choice(["-", str(len(parent)), "0"]) if isinstance(parent, list) else escape(rng.choice(KEYS))
                op = {"op": "add", "path": parent_ptr + "/" + last, "value": rand_value(rng, 2)}
            elif opname in ("remove", "replace"):
                if target == "" and opname == "remove":
                    continue
                op = {"op": opname, "path": target}
                if opname == "replace":
                    op["value"] = rand_value(rng, 2)
            elif opname == "test":
                op = {"op": "test", "path": target, "value": copy.deepcopy(jsonpointer.resolve_pointer(cur, target))}
            else:
                frm = rng.choice([p for p in ptrs if p]) if len(ptrs) > 1 else None
                if frm is None:
                    continue
                dest_parent = rng.choice([p for p in ptrs if isinstance(jsonpointer.resolve_pointer(cur, p), dict)] or [""])
                if not isinstance(jsonpointer.resolve_pointer(cur, dest_parent), dict):
                    continue
                dest = dest_parent + "/" + escape(rng.choice(KEYS))
                if opname == "move" and (dest + "/").startswith(frm + "/"):
                    continue
                op = {"op": opname, "from": frm, "path": dest}
            got = jp_apply(cur, [op])
            if "ok" not in got:
                continue
            patch.append(op)
            cur = got["ok"]
        full = jp_apply(d, patch)
        assert "ok" in full and strict_equal(full["ok"], cur)
        case = ok(f"gen-{i:02d}", {"doc": d, "patch": patch}, {"doc": cur})
        cases.append(case)
        checks.append((case, True))
        if patch and i % 3 == 0:  # the same patch with one fault injected after its first operation
            broken = copy.deepcopy(patch)
            broken.insert(1, {"op": "test", "path": "", "value": "not the document"})
            bcase = err(f"gen-{i:02d}-fault", {"doc": d, "patch": broken}, "validation", "a failing test: nothing applies")
            assert "error" in jp_apply(d, broken)
            cases.append(bcase)
            checks.append((bcase, True))
    fjp = node("fjp_apply", [c["input"] for c, _ in checks])
    for (c, must_agree), js in zip(checks, fjp, strict=True):
        if not must_agree:
            continue
        if "expect" in c:
            assert "ok" in js and strict_equal(js["ok"], c["expect"]["doc"]), (c["id"], js)
        else:
            assert "error" in js, (c["id"], js)
    write("json", "patch_apply", "json.patch.apply",
          "RFC 6902 Appendix A (A.1-A.12 from json-patch-tests spec_tests.json, A.14-A.16 from the RFC; A.13 is in "
          "json/parse.json); hand-written and generated patches (seed 46031) applied with jsonpatch and cross-checked "
          "with fast-json-patch; error kinds per docs/json.md", cases)

    strict = [
        err("leading-zero-index", {"doc": {"a": [1, 2]}, "patch": [{"op": "add", "path": "/a/01", "value": 0}]}, "validation",
            "RFC 6901 §4 forbids leading zeros; jsonpatch rejects it, fast-json-patch treats '01' as 1"),
        err("test-dash", {"doc": {"a": [1]}, "patch": [{"op": "test", "path": "/a/-", "value": 1}]}, "not_found",
            "RFC 6901 §4: '-' names a nonexistent element"),
    ] + [
        err(f"reserved-{name.strip('_')}-{opname}", {"doc": {"a": {}}, "patch": [op]}, "validation",
            "reserved navigation name (prototype pollution guard, docs/json.md); jsonpatch allows it")
        for name in RESERVED
        for opname, op in (("add", {"op": "add", "path": f"/{name}/polluted", "value": True}),
                           ("copy", {"op": "copy", "from": "/a", "path": f"/a/{name}"}))
    ]
    write("json", "patch_apply_strict", "json.patch.apply",
          "RFC 6901 §4 index and '-' rules, and the reserved-name rule of docs/json.md, where the peers are laxer", strict)


# -- json.diff -----------------------------------------------------------------------------------------

def diff_vectors() -> None:
    cases = []

    def add(cid: str, a: Any, b: Any, note: str | None = None, expected: list[dict[str, Any]] | None = None) -> None:
        patch = ref_diff(a, b)
        if expected is not None:
            assert patch == expected, (cid, patch)
        got = jp_apply(a, patch)
        assert "ok" in got and strict_equal(got["ok"], b), (cid, patch, got)
        cases.append(ok(cid, {"from": a, "to": b}, {"patch": patch}, note))

    add("equal", {"a": [1, {"b": 2}]}, {"a": [1, {"b": 2}]}, "equal documents: empty patch", [])
    add("equal-number-forms", {"a": 1}, {"a": 1.0}, "1 and 1.0 are the same JSON number", [])
    add("bool-vs-number", {"a": True}, {"a": 1}, "true is not 1: replace", [{"op": "replace", "path": "/a", "value": 1}])
    add("insert-front", [1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], "an insert at the front is one add", [{"op": "add", "path": "/0", "value": 0}])
    add("insert-middle", ["a", "b", "d"], ["a", "b", "c", "d"], None, [{"op": "add", "path": "/2", "value": "c"}])
    add("append", [1, 2], [1, 2, 3], None, [{"op": "add", "path": "/2", "value": 3}])
    add("remove-front", [0, 1, 2, 3], [1, 2, 3], None, [{"op": "remove", "path": "/0"}])
    add("remove-two-middle", [1, 2, 3, 4, 5], [1, 4, 5], "repeated removes at the same index",
        [{"op": "remove", "path": "/1"}, {"op": "remove", "path": "/1"}])
    add("change-element-nested", [{"id": 1, "v": "a"}, {"id": 2, "v": "b"}], [{"id": 1, "v": "a"}, {"id": 2, "v": "c"}],
        "a changed element is diffed recursively", [{"op": "replace", "path": "/1/v", "value": "c"}])
    add("swap-scalars", [1, 2], [2, 1], "Myers keeps 2 (its first match found), deletes 1 and re-adds it after",
        [{"op": "remove", "path": "/0"}, {"op": "add", "path": "/1", "value": 1}])
    add("object-ops-sorted", {"b": 1, "a": 1, "c": 1, "e": 1, "f": 1, "g": 1}, {"c": 2, "a": 1, "d": 1, "b0": 1, "e": 1, "f": 1, "g": 1},
        "object keys in UTF-16 order: b (removed), b0 (added), c (changed), d (added); cost 7 < whole 1 + 8",
        [{"op": "remove", "path": "/b"}, {"op": "add", "path": "/b0", "value": 1},
         {"op": "replace", "path": "/c", "value": 2}, {"op": "add", "path": "/d", "value": 1}])
    add("utf16-key-order", {}, {"\ufb33": 1, "\U0001F600": 2}, "U+1F600 is D83D DE00 in UTF-16, before U+FB33",
        [{"op": "add", "path": "/\U0001F600", "value": 2}, {"op": "add", "path": "/\ufb33", "value": 1}])
    add("escaped-keys", {"a/b": 1, "m~n": 1}, {"a/b": 2, "m~n": 3}, None,
        [{"op": "replace", "path": "/a~1b", "value": 2}, {"op": "replace", "path": "/m~0n", "value": 3}])
    add("kind-change", {"a": [1]}, {"a": {"0": 1}}, "array to object: replace", [{"op": "replace", "path": "/a", "value": {"0": 1}}])
    add("root-scalar", 1, "1", None, [{"op": "replace", "path": "", "value": "1"}])
    add("whole-when-cheaper", {"a": {"x": 1, "y": 2, "z": 3}}, {"a": {"p": 1}},
        "3 removes + 1 add (cost 6) > replacing /a whole (cost 1 + 2 values)", [{"op": "replace", "path": "/a", "value": {"p": 1}}])
    add("nested-when-tie", {"x": 1, "y": 2}, {"x": 3, "y": 4}, "2 replaces cost 4 = whole replace cost 4: nested wins ties",
        [{"op": "replace", "path": "/x", "value": 3}, {"op": "replace", "path": "/y", "value": 4}])
    add("reserved-key-replaces-object", {"a": {"__proto__": 1, "b": 1}}, {"a": {"__proto__": 2, "b": 1}},
        "a reserved key cannot be a pointer token: the object holding it is replaced",
        [{"op": "replace", "path": "/a", "value": {"__proto__": 2, "b": 1}}])
    add("reserved-key-unchanged", {"constructor": 1, "b": 1}, {"constructor": 1, "b": 2}, "an unchanged reserved key is fine",
        [{"op": "replace", "path": "/b", "value": 2}])
    add("reserved-key-unchanged-container", {"__proto__": {"x": [1]}, "b": 1}, {"__proto__": {"x": [1]}, "b": 2},
        "an unchanged reserved key holding a container does not force a whole replace",
        [{"op": "replace", "path": "/b", "value": 2}])
    add("null-values", {"a": None}, {"a": None, "b": None}, None, [{"op": "add", "path": "/b", "value": None}])
    add("deep", nest(40, 1), nest(40, 2), "40 levels deep: one replace at the bottom")
    add("replace-run", [1, 2, 3, 4], [1, "x", "y", 4], "a run of 2 deletions and 2 insertions pairs them: 2 replaces",
        [{"op": "replace", "path": "/1", "value": "x"}, {"op": "replace", "path": "/2", "value": "y"}])
    big_a = [{"id": i} for i in range(600)]
    big_b = [{"id": 10_000 + i} for i in range(600)]
    add("budget-fallback", big_a, big_b, f"the middle needs more than {MAX_ARRAY_WORK} steps: paired by position")
    rng = random.Random(46041)
    for i in range(140):
        a = rand_value(rng) if i % 5 == 0 else rand_doc(rng)
        b = mutate(rng, a) if rng.random() < 0.85 else rand_doc(rng)
        add(f"gen-{i:03d}", a, b)
    fjp = node("fjp_apply", [{"doc": c["input"]["from"], "patch": c["expect"]["patch"]} for c in cases])
    for c, js in zip(cases, fjp, strict=True):
        assert "ok" in js and strict_equal(js["ok"], c["input"]["to"]), (c["id"], js)
    write("json", "diff", "json.diff",
          "the diff algorithm of docs/json.md computed by the generator's own reference implementation (ref_diff), "
          "hand-written cases with the expected patch asserted and justified in their note, generated pairs (seed 46041); "
          "every expected patch applied with jsonpatch and fast-json-patch turns 'from' into 'to'", cases)


# -- json.merge_patch.* --------------------------------------------------------------------------------

def merge_vectors() -> None:
    rfc = json.loads((DATA / "rfc7396_examples.json").read_text(encoding="utf-8"))
    applies, creates = [], []
    inputs = []
    for i, c in enumerate(rfc["cases"]):
        assert strict_equal(rfc_merge(c["target"], c["patch"]), c["expected"])
        applies.append(ok(f"rfc7396-{i:02d}", {"target": c["target"], "patch": c["patch"]}, {"doc": c["expected"]}, c["name"]))
        inputs.append((c["target"], c["patch"]))
    rng = random.Random(46051)
    for i in range(60):
        t = rand_doc(rng) if i % 6 else rand_value(rng)
        p = rand_value(rng) if i % 7 == 0 else rand_doc(rng)
        expected = rfc_merge(t, p)
        peer = json_merge_patch.merge(copy.deepcopy(t), copy.deepcopy(p)) if isinstance(t, dict) and isinstance(p, dict) else None
        if peer is not None:
            assert strict_equal(peer, expected), (t, p, peer, expected)
        applies.append(ok(f"gen-{i:02d}", {"target": t, "patch": p}, {"doc": expected}))
        inputs.append((t, p))
    applies += [
        ok("nulls-in-arrays-kept", {"target": {}, "patch": {"a": [None, {"b": None}]}}, {"doc": {"a": [None, {"b": None}]}},
           "arrays are values, replaced whole: nulls inside them stay"),
        ok("delete-missing-is-noop", {"target": {"a": 1}, "patch": {"b": None}}, {"doc": {"a": 1}}),
        ok("object-into-scalar", {"target": {"a": 1}, "patch": {"a": {"b": {"c": None, "d": 1}}}}, {"doc": {"a": {"b": {"d": 1}}}}),
    ]
    js = node("jmp_apply", [{"target": c["input"]["target"], "patch": c["input"]["patch"]} for c in applies])
    for c, r in zip(applies, js, strict=True):
        assert "ok" in r and strict_equal(r["ok"], c["expect"]["doc"]), (c["id"], r)
    write("json", "merge_patch_apply", "json.merge_patch.apply",
          "RFC 7396 §1, §3 and Appendix A examples; generated targets and patches (seed 46051) merged by the RFC 7396 §2 "
          "pseudo-code, cross-checked with json_merge_patch (PyPI) and json-merge-patch (npm)", applies)
    write("json", "merge_patch_apply_strict", "json.merge_patch.apply",
          "the reserved-name rule of docs/json.md (member names of a merge patch are navigation steps); "
          "RFC 7396's pseudo-code has no such rule", [
              err(f"reserved-{name.strip('_')}", {"target": {}, "patch": {"a": {name: {"polluted": True}}}}, "validation",
                  "reserved navigation name (prototype pollution guard)")
              for name in RESERVED
          ] + [ok("reserved-inside-array-value", {"target": {}, "patch": {"a": [{"__proto__": 1}]}},
                  {"doc": {"a": [{"__proto__": 1}]}}, "inside a replaced value a reserved name is just data")])

    # create: the patch between two documents, by json-merge-patch (npm) generate and json_merge_patch (PyPI)
    pairs = []
    rng = random.Random(46052)
    for i in range(60):
        a = rand_doc(rng) if i % 8 else rand_value(rng)
        b = mutate(rng, a) if rng.random() < 0.85 else rand_doc(rng)
        pairs.append((f"gen-{i:02d}", a, b))
    for i, c in enumerate(rfc["cases"]):
        pairs.append((f"rfc7396-{i:02d}", c["target"], c["expected"]))
    pairs += [
        ("equal", {"a": [1]}, {"a": [1]}),
        ("delete", {"a": 1, "b": 2}, {"b": 2}),
        ("nested", {"a": {"b": 1, "c": 2}}, {"a": {"b": 1, "c": 3}}),
        ("array-whole", {"a": [1, 2, 3]}, {"a": [1, 2]}),
        ("to-scalar", {"a": 1}, 7),
        ("from-scalar", 7, {"a": [None]}),
        ("to-null", {"a": 1}, None),
    ]
    peer = node("jmp_generate", [{"from": a, "to": b} for _, a, b in pairs])
    for (cid, a, b), r in zip(pairs, peer, strict=True):
        reaches = "ok" in r and strict_equal(rfc_merge(a, r["ok"]), b)
        if reaches:
            if isinstance(a, dict) and isinstance(b, dict):
                py = json_merge_patch.create_patch(copy.deepcopy(a), copy.deepcopy(b))
                assert strict_equal(py, r["ok"]), (cid, py, r)
            creates.append(ok(cid, {"from": a, "to": b}, {"patch": r["ok"]}))
        else:
            # No merge patch reaches b: b holds a null object member that a lacks (null means delete).
            creates.append(err(cid, {"from": a, "to": b}, "validation",
                               "unreachable: a merge patch cannot set a member to null (json-merge-patch's patch loses it)"))
    creates += [
        err("set-null", {"from": {"a": 1}, "to": {"a": None}}, "validation", "a merge patch cannot set a value to null"),
        err("new-null", {"from": {}, "to": {"a": {"b": None}}}, "validation", "the nested null would be dropped by the merge"),
        ok("null-unchanged", {"from": {"a": None, "b": 1}, "to": {"a": None, "b": 2}}, {"patch": {"b": 2}},
           "an unchanged null member needs no patch member"),
        ok("null-in-array", {"from": {}, "to": {"a": [None]}}, {"patch": {"a": [None]}}),
        err("reserved", {"from": {}, "to": {"__proto__": 1}}, "validation", "reserved navigation name"),
    ]
    for c in creates[-5:]:
        if "expect" in c:
            assert strict_equal(rfc_merge(c["input"]["from"], c["expect"]["patch"]), c["input"]["to"])
    write("json", "merge_patch_create", "json.merge_patch.create",
          "patches from json-merge-patch (npm) generate, cross-checked with json_merge_patch (PyPI) create_patch and "
          "verified to reach 'to' with the RFC 7396 §2 pseudo-code; pairs no merge patch can reach are errors (seed 46052)",
          creates)


# -- json.canonicalize, json.number.format, json.parse, json.equal -------------------------------------

def canonical_vectors() -> None:
    data = json.loads((DATA / "rfc8785_examples.json").read_text(encoding="utf-8"))
    cases = []
    texts = [(t["id"], t["input"], t["output"]) for t in data["texts"]]
    for hex_, expected in data["numbers"]:
        if expected is not None:
            (value,) = struct.unpack(">d", bytes.fromhex(hex_))
            texts.append((f"rfc8785-B-{hex_}", repr(value) if math.isfinite(value) else "", expected))
    rng = random.Random(46061)
    for i in range(60):
        v = rand_value(rng, 0, [*KEYS, "\u0080", "\ue000", "\U00010000", "\x7f", "\u2028", "a\nb", '"q"', "\\"])
        if i % 3 == 0:
            v = {"n": [rng.uniform(-1e6, 1e6), 2 ** rng.randint(0, 80), rng.random() * 10 ** rng.randint(-30, 30)], "v": v}
        texts.append((f"gen-{i:02d}", json.dumps(v, ensure_ascii=bool(i % 2), indent=None if i % 4 else 2), None))
    texts += [
        ("big-integer", "[9007199254740993, 18446744073709551615, -9007199254740995]", None),
        ("minus-zero", "[-0, -0.0, 0e5]", None),
        ("exponents", "[1E2, 1e-7, 1e21, 1e+21, 123e-20, 0.1e1]", None),
        ("escapes", '"\\u0000\\u001f\\u007f\\u2028\\ud83d\\ude00\\/"', None),
        ("empty-containers", "[{}, [], {\"a\": {}}]", None),
    ]
    peer = node("stringify_sorted", [t for _, t, _ in texts])
    for (cid, text, expected), r in zip(texts, peer, strict=True):
        assert "ok" in r, (cid, r)
        if expected is not None:
            assert r["ok"] == expected, (cid, r["ok"], expected)
        cases.append(ok(cid, {"text": text}, {"text": r["ok"]}))
    cases += [
        err("duplicate-key", {"text": '{"a": 1, "a": 2}'}, "serialization", "I-JSON (RFC 7493 §2.3): names must be unique"),
        err("nan", {"text": "[NaN]"}, "serialization", "not JSON (RFC 8259 §6)"),
        err("infinity-literal", {"text": "[Infinity]"}, "serialization"),
        err("overflow", {"text": "[1e400]"}, "serialization", "beyond IEEE-754 double range (RFC 8785 §3.2.2.3: error)"),
        err("lone-surrogate", {"text": '"\\ud800"'}, "serialization", "RFC 8785 §3.2.2.2: lone surrogates are errors"),
        err("lone-low-surrogate-key", {"text": '{"\\udc00": 1}'}, "serialization"),
        err("too-deep", {"text": "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)}, "validation", f"deeper than {MAX_DEPTH}"),
        ok("max-depth", {"text": "[" * MAX_DEPTH + "]" * MAX_DEPTH}, {"text": "[" * MAX_DEPTH + "]" * MAX_DEPTH}),
    ]
    write("json", "canonicalize", "json.canonicalize",
          "RFC 8785 §3.2.2, §3.2.3 and Appendix B, the JCS authors' testdata (cyberphone/json-canonicalization), and "
          "generated documents (seed 46061); every expected text is also JSON.stringify's (node) with members sorted "
          "by UTF-16 code units; errors per RFC 8785 §3.2.2 and I-JSON", cases)

    # number formatting over many doubles: bit patterns from several classes, expected = JSON.stringify
    rng = random.Random(46062)
    bits: list[str] = [h for h, _ in data["numbers"]]
    for _ in range(600):
        bits.append(f"{rng.getrandbits(64):016x}")
    for _ in range(300):  # "nice" decimals and their neighbours
        v = float(f"{rng.randint(1, 99999)}e{rng.randint(-30, 30)}")
        b = struct.unpack(">Q", struct.pack(">d", v))[0] + rng.choice([-1, 0, 0, 1])
        bits.append(f"{b:016x}")
    for e in range(-330, 310, 3):  # powers of ten and their neighbours across the whole range
        v = float(f"1e{e}")
        if v and math.isfinite(v):
            b = struct.unpack(">Q", struct.pack(">d", v))[0]
            bits += [f"{b - 1:016x}", f"{b:016x}", f"{b + 1:016x}"]
    for n in [0, 1, 2**52, 2**53 - 1, 2**53 + 2, 2**63, 10**21, 10**21 - 2**17, 10**15 + 0.5, 5e-7, 1e-6]:
        bits.append(struct.pack(">d", float(n)).hex())
    seen: set[str] = set()
    uniq = [b for b in bits if not (b in seen or seen.add(b))]
    peer = node("format_bits", uniq)
    ncases = []
    for i, (b, r) in enumerate(zip(uniq, peer, strict=True)):
        (v,) = struct.unpack(">d", bytes.fromhex(b))
        if not math.isfinite(v):
            ncases.append(err(f"n{i:04d}", {"bits": b}, "validation", "NaN and infinities have no JSON form"))
        else:
            ncases.append(ok(f"n{i:04d}", {"bits": b}, {"text": r["ok"]}))
    rfc_expect = dict(data["numbers"])
    for c in ncases:
        b = c["input"]["bits"]
        if b in rfc_expect and rfc_expect[b] is not None:
            assert c["expect"]["text"] == rfc_expect[b], b
    write("json", "number_format", "json.number.format",
          "ECMAScript Number::toString as computed by JSON.stringify in node for IEEE-754 doubles given as bits: RFC 8785 "
          "Appendix B, random bit patterns, decimal-looking values and powers of ten with their neighbours (seed 46062)", ncases)


def parse_vectors() -> None:
    a13 = json.loads((DATA / "rfc6902_appendix_a.json").read_text(encoding="utf-8"))["a13_text"]
    good = [
        ("object", '{"a": [1, 2.5, -0, 1e2, true, false, null, "x"]}'),
        ("scalar", "  42  "),
        ("string-escapes", '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"'),
        ("big-int", "12345678901234567890"),
        ("empty-key", '{"": {"": []}}'),
        ("proto-key-is-data", '{"__proto__": {"polluted": true}}'),
        ("raw-unicode", '["é€\U0001F600"]'),
        ("whitespace", ' \t\n\r[ 1 , 2 ] \n'),
        ("max-depth", "[" * MAX_DEPTH + "]" * MAX_DEPTH),
    ]
    cases = []
    peer = node("parse", [t for _, t in good])
    for (cid, text), r in zip(good, peer, strict=True):
        value = json.loads(text)
        assert "ok" in r and (strict_equal(r["ok"], value) or cid == "big-int"), (cid, r)
        cases.append(ok(cid, {"text": text}, {"value": value},
                        "Python keeps the integer exact, JavaScript rounds it: equal as JSON numbers here" if cid == "big-int" else None))
    bad = [
        ("rfc6902-A.13", a13, "serialization", "RFC 6902 A.13: an operation with two 'op' members is invalid (duplicate key)"),
        ("duplicate-key", '{"a": 1, "b": 2, "a": 3}', "serialization", "I-JSON (RFC 7493 §2.3)"),
        ("duplicate-nested", '[{"x": {"k": 1, "k": 1}}]', "serialization", None),
        ("nan", "NaN", "serialization", None),
        ("minus-infinity", "-Infinity", "serialization", None),
        ("overflow", "1e400", "serialization", "beyond the range of a double (I-JSON §2.2)"),
        ("overflow-integer", "1" + "0" * 400, "serialization", None),
        ("lone-surrogate", '["\\udead"]', "serialization", "I-JSON §2.1: no lone surrogates"),
        ("reversed-pair", '"\\ude00\\ud83d"', "serialization", None),
        ("bom", "\ufeff{}", "serialization", "RFC 8259 §8.1: no byte order mark"),
        ("trailing-comma", "[1, 2,]", "serialization", None),
        ("leading-zero", "[01]", "serialization", None),
        ("single-quotes", "{'a': 1}", "serialization", None),
        ("control-char", '"a\tb"', "serialization", "RFC 8259 §7: control characters must be escaped"),
        ("bad-escape", '"\\x41"', "serialization", None),
        ("unterminated", '{"a": "b', "serialization", None),
        ("extra-data", "{} {}", "serialization", None),
        ("empty", "", "serialization", None),
        ("too-deep", "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "validation", f"nesting deeper than {MAX_DEPTH}"),
        ("too-deep-objects", '{"a":' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1), "validation", None),
        ("too-deep-and-malformed", "[" * 300 + "x", "validation", "depth is checked first, on the bracket structure"),
    ]
    for cid, text, kind, note in bad:
        if cid not in ("nan", "minus-infinity", "overflow", "overflow-integer", "lone-surrogate", "reversed-pair",
                       "duplicate-key", "duplicate-nested", "rfc6902-A.13", "too-deep", "too-deep-objects"):
            try:
                json.loads(text)
                raise AssertionError(f"json.loads accepted {cid}")
            except ValueError:
                pass
        cases.append(err(cid, {"text": text}, kind, note))
    write("json", "parse", "json.parse",
          "RFC 8259 grammar with the I-JSON (RFC 7493) restrictions: valid texts decoded by Python's json and node's JSON.parse; "
          "invalid texts rejected by json.loads, or by the I-JSON rule cited in the note; RFC 6902 A.13", cases)


def equal_vectors() -> None:
    pairs = [
        ("int-float", 1, 1.0), ("true-1", True, 1), ("false-0", False, 0), ("null-false", None, False),
        ("string-number", "1", 1), ("array-object", [], {}), ("key-order", {"a": 1, "b": [1, 2]}, {"b": [1, 2.0], "a": 1}),
        ("array-order", [1, 2], [2, 1]), ("nested-bool", {"a": [True]}, {"a": [1]}), ("minus-zero", 0, -0.0),
        ("extra-key", {"a": 1}, {"a": 1, "b": None}), ("unicode", "é", "e\u0301"),
    ]
    rng = random.Random(46071)
    for i in range(30):
        a = rand_value(rng)
        pairs.append((f"gen-{i:02d}", a, mutate(rng, a) if i % 2 else copy.deepcopy(a)))
    cases = []
    for cid, a, b in pairs:
        peer = "ok" in jp_apply({"v": a}, [{"op": "test", "path": "/v", "value": b}])
        assert peer == strict_equal(a, b), (cid, a, b)
        cases.append(ok(cid, {"a": a, "b": b}, {"equal": peer}))
    write("json", "equal", "json.equal",
          "JSON equality as jsonpatch's 'test' operation decides it (RFC 6902 §4.6), generated pairs (seed 46071)", cases)


def main() -> None:
    pointer_vectors()
    path_vectors()
    patch_vectors()
    diff_vectors()
    merge_vectors()
    canonical_vectors()
    parse_vectors()
    equal_vectors()


if __name__ == "__main__":
    main()
