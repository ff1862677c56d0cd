"""Vectors for ``config.*``: layering, priority, env nesting and coercion, rules, errors, getters, explain.

Expectations are computed here without ``llm_infra``: sources are decoded with the standard
library (``json.loads``, ``tomllib``) and, for TOML, also with the npm ``smol-toml`` (the two must
agree, including error line/column, or the case carries no position); layers are folded with a
textbook RFC 7396 merge written below and cross-checked with the npm ``json-merge-patch``; env
variables are mapped by the rules of docs/config.md re-implemented below; violation messages are
written out literally from the documented formats. Deterministic (no randomness).
"""

from __future__ import annotations

import copy
import json
import math
import subprocess
import tomllib
from pathlib import Path
from typing import Any

from _common import write

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAFE = 2**53 - 1


def node_peers(toml_texts: list[str], merges: list[list[dict]]) -> dict[str, Any]:
    proc = subprocess.run(
        ["node", str(HERE / "_config_node_peers.mjs")],
        input=json.dumps({"toml": toml_texts, "merges": merges}),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(proc.stdout)


# -- independent reference ---------------------------------------------------------------------


def rfc7396(target: Any, patch: Any) -> Any:
    """RFC 7396 §2 pseudocode, literally."""
    if isinstance(patch, dict):
        if not isinstance(target, dict):
            target = {}
        target = dict(target)
        for k, v in patch.items():
            if v is None:
                target.pop(k, None)
            else:
                target[k] = rfc7396(target.get(k), v)
        return target
    return copy.deepcopy(patch)


def no_dups(pairs: list) -> dict:
    if len({k for k, _ in pairs}) != len(pairs):
        raise ValueError("duplicate key")
    return dict(pairs)


def env_value(raw: str) -> Any:
    try:
        v = json.loads(raw, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)), object_pairs_hook=no_dups)
    except ValueError:
        return raw

    def bad(x: Any) -> bool:
        if isinstance(x, float) and not math.isfinite(x):
            return True
        if isinstance(x, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in x):
            return True
        if isinstance(x, int) and not isinstance(x, bool) and abs(x) > SAFE:
            return True
        if isinstance(x, dict):
            return any(bad(y) for y in x.values())
        if isinstance(x, list):
            return any(bad(y) for y in x)
        return False

    return raw if bad(v) else v


def env_doc(vars_: dict[str, str], prefix: str, sep: str) -> dict:
    doc: dict = {}
    for name in sorted((n for n in vars_ if n.startswith(prefix)), key=lambda s: s.encode("utf-16-be")):
        segs = [
            s.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
            for s in name[len(prefix) :].split(sep)
        ]
        assert "" not in segs
        node = doc
        for s in segs[:-1]:
            if not isinstance(node.get(s), dict):
                node[s] = {}
            node = node[s]
        node[segs[-1]] = env_value(vars_[name])
    return doc


TOML_SEEN: dict[str, Any] = {}


def layer(src: dict) -> dict:
    t = src["type"]
    if t in ("memory", "defaults"):
        return src["data"]
    if t == "json":
        return json.loads(src["text"])
    if t == "toml":
        TOML_SEEN[src["text"]] = tomllib.loads(src["text"])
        return TOML_SEEN[src["text"]]
    return env_doc(src["vars"], src.get("prefix", ""), src.get("separator", "__"))


def ordered(sources: list[dict]) -> list[dict]:
    return [
        s
        for _, s in sorted(
            enumerate(sources), key=lambda p: (p[1]["type"] != "defaults", p[1].get("priority", 0), p[0])
        )
    ]


MERGES: list[list[dict]] = []


def resolve(sources: list[dict]) -> dict:
    layers = [layer(s) for s in ordered(sources)]
    MERGES.append(layers)
    out: Any = {}
    for lay in layers:
        out = rfc7396(out, lay)
    return out


def label_of(s: dict) -> str:
    if s.get("label"):
        return s["label"]
    return f"env:{s.get('prefix', '')}" if s["type"] == "env" else s["type"]


def explain(sources: list[dict]) -> dict:
    """Leaf path → label of the last layer that wrote it (or an ancestor), by brute force."""
    final = resolve(sources)
    ords = ordered(sources)
    layers = [layer(s) for s in ords]
    out: dict[str, str] = {}

    def leaves(v: Any, p: list[str]):
        if isinstance(v, dict) and (v or not p):
            for k, x in v.items():
                yield from leaves(x, [*p, k])
        else:
            yield p, v

    for p, _v in leaves(final, []):
        who = None
        for i, lay in enumerate(layers):
            node: Any = lay
            for depth, k in enumerate(p):
                if not isinstance(node, dict) or k not in node or node[k] is None:
                    break
                node = node[k]
                if depth == len(p) - 1 or not isinstance(node, dict):
                    who = i
                    break
        out[".".join(k.replace("\\", "\\\\").replace(".", "\\.") for k in p)] = label_of(ords[who])
    return out


REDACT_KEYS = ("password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credential")


def redact(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: "***" if any(s in k.lower() for s in REDACT_KEYS) else redact(x) for k, x in v.items()}
    if isinstance(v, list):
        return [redact(x) for x in v]
    return v


def mem(data: dict, **kw: Any) -> dict:
    return {"type": "memory", "data": data, **kw}


def env(vars_: dict[str, str], prefix: str = "APP_", **kw: Any) -> dict:
    return {"type": "env", "prefix": prefix, "separator": kw.pop("separator", "__"), "vars": vars_, **kw}


# -- cases -------------------------------------------------------------------------------------


def resolve_cases() -> list[dict]:
    ok: list[tuple[str, dict]] = [
        ("later-wins", {"sources": [mem({"a": 1, "b": {"c": 1, "d": 2}}), mem({"a": 2, "b": {"c": 3}})]}),
        (
            "deep-merge-three",
            {
                "sources": [
                    mem({"db": {"host": "h", "pool": {"min": 1, "max": 5}}}),
                    {"type": "json", "text": '{"db": {"pool": {"max": 20}}, "x": true}'},
                    {"type": "toml", "text": '[db]\nhost = "prod"\n[db.pool]\nmin = 2\n'},
                ]
            },
        ),
        (
            "null-deletes",
            {
                "sources": [
                    mem({"a": 1, "b": {"c": 1, "d": 2}}),
                    {"type": "json", "text": '{"a": null, "b": {"d": null}}'},
                ]
            },
        ),
        ("null-deletes-object", {"sources": [mem({"db": {"host": "h"}}), mem({"db": None})]}),
        ("null-in-first-layer-vanishes", {"sources": [mem({"a": None, "b": 1})]}),
        ("null-inside-array-kept", {"sources": [mem({"a": [1, None]})]}),
        ("arrays-replaced-whole", {"sources": [mem({"hosts": ["a", "b", "c"]}), mem({"hosts": ["d"]})]}),
        ("object-replaces-scalar", {"sources": [mem({"a": 1}), mem({"a": {"b": 2}})]}),
        ("scalar-replaces-object", {"sources": [mem({"a": {"b": 2}}), mem({"a": "x"})]}),
        ("array-replaces-object", {"sources": [mem({"a": {"b": 2}}), mem({"a": [1]})]}),
        ("empty-object-patch-creates", {"sources": [mem({}), mem({"a": {}})]}),
        ("defaults-lowest", {"sources": [mem({"a": 1}), {"type": "defaults", "data": {"a": 0, "b": 0}}]}),
        ("priority-higher-wins", {"sources": [mem({"a": 1}, priority=10), mem({"a": 2})]}),
        (
            "priority-ties-by-order",
            {"sources": [mem({"a": 1}, priority=5), mem({"a": 2}, priority=5), mem({"a": 3}, priority=-1)]},
        ),
        ("priority-fractional", {"sources": [mem({"a": 1}, priority=0.5), mem({"a": 2}, priority=0.25)]}),
        (
            "priority-below-defaults-still-above",
            {"sources": [{"type": "defaults", "data": {"a": 0}}, mem({"a": 1}, priority=-100)]},
        ),
        ("env-nesting", {"sources": [env({"APP_DB__PORT": "5432", "APP_DB__HOST": "db", "OTHER": "x", "app_x": "y"})]}),
        ("env-prefix-case-sensitive", {"sources": [env({"app_A": "1", "APP_B": "2"})]}),
        ("env-lowercases-ascii", {"sources": [env({"APP_MiXeD__KeY": "v", "APP_ÄB": "u"})]}),
        ("env-single-underscore-separator", {"sources": [env({"APP_DB_PORT": "1"}, separator="_")]}),
        ("env-custom-separator", {"sources": [env({"APP_DB.PORT": "1", "APP_DB.POOL.MAX": "9"}, separator=".")]}),
        ("env-empty-prefix", {"sources": [env({"A__B": "1", "C": "x"}, prefix="")]}),
        (
            "env-over-files",
            {
                "sources": [
                    {"type": "toml", "text": '[server]\nport = 80\nhost = "0.0.0.0"\n'},
                    env({"APP_SERVER__PORT": "8080"}),
                ]
            },
        ),
        ("env-null-deletes", {"sources": [mem({"db": {"port": 1, "host": "h"}}), env({"APP_DB__PORT": "null"})]}),
        (
            "env-specific-wins-inside-general",
            {"sources": [env({"APP_DB": '{"port": 1, "host": "a"}', "APP_DB__PORT": "2"})]},
        ),
        ("env-nested-replaces-scalar", {"sources": [env({"APP_DB": "5", "APP_DB__PORT": "2"})]}),
        ("env-index-is-object-key", {"sources": [mem({"hosts": ["a"]}), env({"APP_HOSTS__0": "b"})]}),
        (
            "redact",
            {
                "sources": [
                    mem(
                        {
                            "db": {"password": "p", "user": "u"},
                            "API_KEY": "k",
                            "Secrets": {"a": 1},
                            "tokens": ["x"],
                            "list": [{"auth_token": "t"}],
                        }
                    )
                ],
                "redact": True,
            },
        ),
        (
            "redact-custom-keys",
            {"sources": [mem({"pin": 1, "password": "visible"})], "redact": True, "secret_keys": ["PIN"]},
        ),
        ("json-unicode", {"sources": [{"type": "json", "text": '{"name": "caf\\u00e9 ☕", "k": "\\ud83d\\ude00"}'}]}),
        (
            "toml-types",
            {
                "sources": [
                    {
                        "type": "toml",
                        "text": 'a = 1\nb = 1.5\nc = true\nd = "s"\ne = [1, "x", [2]]\nf = { g = 1 }\n[[t]]\nx = 1\n[[t]]\nx = 2\n',
                    }
                ]
            },
        ),
        ("toml-float-integral", {"sources": [{"type": "toml", "text": "a = 1.0\nb = -0.0\nc = 1e3\n"}]}),
        ("toml-quoted-dotted-key", {"sources": [{"type": "toml", "text": '"a.b" = 1\nc.d = 2\n'}]}),
        ("toml-safe-integer-max", {"sources": [{"type": "toml", "text": f"a = {SAFE}\nb = -{SAFE}\n"}]}),
        ("json-safe-integer-max", {"sources": [{"type": "json", "text": f'{{"a": {SAFE}}}'}]}),
    ]
    edges = [
        "8080",
        "-0",
        " 1 ",
        "\t[1, 2]\n",
        "true",
        "false",
        "null",
        '"x"',
        '""',
        "",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "1e308",
        "1.5",
        "1E2",
        "0x10",
        "01",
        "+1",
        ".5",
        "1.",
        "tru",
        "[1,]",
        '{"a":1,"a":2}',
        '"\\ud800"',
        str(SAFE),
        str(SAFE + 1),
        f"[{SAFE + 1}]",
        "-9007199254740992",
        "hello world",
        "[",
        "'x'",
        "{}",
        "[]",
        '{"k": null}',
    ]
    ok.append(("env-coercion-edges", {"sources": [env({f"APP_V{i:02d}": e for i, e in enumerate(edges)})]}))
    cases = []
    for cid, inp in ok:
        expect = resolve(inp["sources"])
        if inp.get("redact"):
            keys = inp.get("secret_keys")
            if keys:
                expect = {k: ("***" if any(s.lower() in k.lower() for s in keys) else v) for k, v in expect.items()}
            else:
                expect = redact(expect)
        cases.append({"id": cid, "input": inp, "expect": {"config": expect}})
    errors = [
        ("env-empty-segment", {"sources": [env({"APP_DB____PORT": "1"})]}),
        ("env-empty-name", {"sources": [env({"APP_": "1"})]}),
        ("env-leading-separator", {"sources": [env({"APP___X": "1"})]}),
        ("env-forbidden-segment", {"sources": [env({"APP_CONSTRUCTOR": "1"})]}),
        ("env-empty-separator", {"sources": [env({"APP_X": "1"}, separator="")]}),
        ("json-top-level-array", {"sources": [{"type": "json", "text": "[1]"}]}),
        ("json-duplicate-key", {"sources": [{"type": "json", "text": '{"a": 1, "a": 2}'}]}),
        ("json-nan", {"sources": [{"type": "json", "text": '{"a": NaN}'}]}),
        ("json-big-integer", {"sources": [{"type": "json", "text": f'{{"a": {SAFE + 1}}}'}]}),
        ("json-proto-key", {"sources": [{"type": "json", "text": '{"__proto__": {"x": 1}}'}]}),
        ("toml-big-integer", {"sources": [{"type": "toml", "text": f"a = {SAFE + 2}\n"}]}),
        ("toml-datetime", {"sources": [{"type": "toml", "text": "d = 1979-05-27T07:32:00Z\n"}]}),
        ("toml-local-date", {"sources": [{"type": "toml", "text": "d = 1979-05-27\n"}]}),
        ("toml-inf", {"sources": [{"type": "toml", "text": "i = inf\n"}]}),
        ("toml-nan", {"sources": [{"type": "toml", "text": "i = nan\n"}]}),
        ("toml-redefine", {"sources": [{"type": "toml", "text": "a = 1\na = 2\n"}]}),
        ("toml-unterminated-string", {"sources": [{"type": "toml", "text": 'a = "x'}]}),
        ("rule-fails", {"sources": [mem({"a": 1})], "rules": [{"rule": "range", "path": "a", "min": 2}]}),
        ("rule-unknown", {"sources": [mem({"a": 1})], "rules": [{"rule": "nope", "path": "a"}]}),
    ]
    for cid, inp in errors:
        cases.append({"id": cid, "input": inp, "error": {"kind": "config"}})
    return cases


def V(path: str, rule: str, message: str) -> dict:  # noqa: N802
    return {"path": path, "rule": rule, "message": f"{path}: {message}"}


def violations(vs: list[dict]) -> dict:
    n = len(vs)
    return {
        "ok": False,
        "error": {
            "kind": "config",
            "context": {"violations": vs},
            "message": f"invalid configuration ({n} violation{'s' if n != 1 else ''}): "
            + "; ".join(v["message"] for v in vs),
        },
    }


BASE = {
    "name": "api-gw",
    "port": 8080,
    "ratio": 0.5,
    "debug": False,
    "tags": ["a", "b"],
    "mode": "prod",
    "db": {"host": "db1", "password": "hunter2", "pool": 10},
    "empty": "",
    "ff": 8080.0,
    "nothing": [None],
}


def check_cases() -> list[dict]:
    src = [mem(BASE)]
    passing = [
        {"rule": "required", "path": "name"},
        {"rule": "required", "path": "nothing.0"},
        {"rule": "type", "path": "name", "type": "string"},
        {"rule": "type", "path": "port", "type": "integer"},
        {"rule": "type", "path": "ff", "type": "integer"},
        {"rule": "type", "path": "port", "type": "number"},
        {"rule": "type", "path": "ratio", "type": "number"},
        {"rule": "type", "path": "debug", "type": "boolean"},
        {"rule": "type", "path": "db", "type": "object"},
        {"rule": "type", "path": "tags", "type": "array"},
        {"rule": "type", "path": "nothing.0", "type": "null"},
        {"rule": "range", "path": "port", "min": 1, "max": 65535},
        {"rule": "range", "path": "port", "min": 8080},
        {"rule": "range", "path": "port", "max": 8080},
        {"rule": "range", "path": "ratio", "min": 0.5, "max": 0.5},
        {"rule": "length", "path": "name", "min": 6, "max": 6},
        {"rule": "length", "path": "tags", "max": 2},
        {"rule": "length", "path": "empty", "max": 0},
        {"rule": "pattern", "path": "name", "pattern": "^[a-z][a-z0-9-]*$"},
        {"rule": "pattern", "path": "mode", "pattern": "prod|staging"},
        {"rule": "pattern", "path": "db.host", "pattern": "\\w+\\d"},
        {"rule": "pattern", "path": "empty", "pattern": "a*"},
        {"rule": "pattern", "path": "name", "pattern": "(?:api|web)-.{2}"},
        {"rule": "pattern", "path": "name", "pattern": "[^\\s]{3,}"},
        {"rule": "enum", "path": "mode", "values": ["prod", "staging"]},
        {"rule": "one_of", "path": "port", "values": [8080.0]},
        {"rule": "enum", "path": "tags", "values": [["a", "b"]]},
        {"rule": "range", "path": "missing", "min": 1},
        {"rule": "pattern", "path": "missing.x", "pattern": "x"},
    ]
    cases = [
        {"id": "all-rules-pass", "input": {"sources": src, "rules": passing}, "expect": {"ok": True, "config": BASE}}
    ]
    fails: list[tuple[str, dict, list[dict]]] = [
        (
            "required-missing",
            {"rule": "required", "path": "db.user"},
            [V("db.user", "required", "is required but not set")],
        ),
        (
            "required-array-index",
            {"rule": "required", "path": "tags.2"},
            [V("tags.2", "required", "is required but not set")],
        ),
        (
            "required-below-scalar",
            {"rule": "required", "path": "port.x"},
            [V("port.x", "required", "is required but not set")],
        ),
        (
            "type-string",
            {"rule": "type", "path": "port", "type": "string"},
            [V("port", "type", "must be of type string, got integer")],
        ),
        (
            "type-integer",
            {"rule": "type", "path": "ratio", "type": "integer"},
            [V("ratio", "type", "must be of type integer, got number")],
        ),
        (
            "type-number-bool",
            {"rule": "type", "path": "debug", "type": "number"},
            [V("debug", "type", "must be of type number, got boolean")],
        ),
        (
            "type-object",
            {"rule": "type", "path": "tags", "type": "object"},
            [V("tags", "type", "must be of type object, got array")],
        ),
        (
            "type-array",
            {"rule": "type", "path": "db", "type": "array"},
            [V("db", "type", "must be of type array, got object")],
        ),
        (
            "type-null",
            {"rule": "type", "path": "empty", "type": "null"},
            [V("empty", "type", "must be of type null, got string")],
        ),
        (
            "type-boolean",
            {"rule": "type", "path": "nothing.0", "type": "boolean"},
            [V("nothing.0", "type", "must be of type boolean, got null")],
        ),
        (
            "range-min",
            {"rule": "range", "path": "port", "min": 9000},
            [V("port", "range", "8080 is below the minimum 9000")],
        ),
        (
            "range-max",
            {"rule": "range", "path": "ratio", "max": 0.25},
            [V("ratio", "range", "0.5 is above the maximum 0.25")],
        ),
        (
            "range-max-exponent",
            {"rule": "range", "path": "port", "max": 1e-7},
            [V("port", "range", "8080 is above the maximum 1e-7")],
        ),
        (
            "range-not-number",
            {"rule": "range", "path": "name", "min": 1},
            [V("name", "range", "must be a number to check its range, got string")],
        ),
        (
            "range-bool",
            {"rule": "range", "path": "debug", "min": 0},
            [V("debug", "range", "must be a number to check its range, got boolean")],
        ),
        (
            "range-secret",
            {"rule": "range", "path": "db.password", "min": 0},
            [V("db.password", "range", "must be a number to check its range, got string")],
        ),
        (
            "length-min",
            {"rule": "length", "path": "name", "min": 7},
            [V("name", "length", "length 6 is below the minimum 7")],
        ),
        (
            "length-max-array",
            {"rule": "length", "path": "tags", "max": 1},
            [V("tags", "length", "length 2 is above the maximum 1")],
        ),
        (
            "length-not-string",
            {"rule": "length", "path": "port", "min": 1},
            [V("port", "length", "must be a string or an array to check its length, got integer")],
        ),
        (
            "pattern-mismatch",
            {"rule": "pattern", "path": "name", "pattern": "[a-z]+"},
            [V("name", "pattern", '"api-gw" does not match the pattern "[a-z]+"')],
        ),
        (
            "pattern-full-match",
            {"rule": "pattern", "path": "mode", "pattern": "pro"},
            [V("mode", "pattern", '"prod" does not match the pattern "pro"')],
        ),
        (
            "pattern-not-string",
            {"rule": "pattern", "path": "port", "pattern": "\\d+"},
            [V("port", "pattern", "must be a string to match a pattern, got integer")],
        ),
        (
            "pattern-secret-redacted",
            {"rule": "pattern", "path": "db.password", "pattern": "\\d+"},
            [V("db.password", "pattern", '*** does not match the pattern "\\\\d+"')],
        ),
        (
            "enum-mismatch",
            {"rule": "enum", "path": "mode", "values": ["dev", "staging"]},
            [V("mode", "enum", '"prod" is not one of ["dev","staging"]')],
        ),
        (
            "enum-true-is-not-1",
            {"rule": "one_of", "path": "debug", "values": [0, 1]},
            [V("debug", "enum", "false is not one of [0,1]")],
        ),
        (
            "enum-secret-redacted",
            {"rule": "enum", "path": "db.password", "values": ["x"]},
            [V("db.password", "enum", '*** is not one of ["x"]')],
        ),
        (
            "enum-object",
            {"rule": "enum", "path": "db", "values": [{"host": "db1"}]},
            [V("db", "enum", '{"host":"db1","password":"***","pool":10} is not one of [{"host":"db1"}]')],
        ),
    ]
    for cid, rule, expect in fails:
        cases.append({"id": cid, "input": {"sources": src, "rules": [rule]}, "expect": violations(expect)})
    multi = [
        {"rule": "range", "path": "port", "max": 80},
        {"rule": "required", "path": "zeta"},
        {"rule": "required", "path": "alpha"},
        {"rule": "type", "path": "name", "type": "integer"},
        {"rule": "range", "path": "port", "min": 1},
        {"rule": "pattern", "path": "db.password", "pattern": "[0-9]+"},
    ]
    cases.append(
        {
            "id": "multiple-violations-in-declaration-order",
            "input": {"sources": src, "rules": multi},
            "expect": violations(
                [
                    V("port", "range", "8080 is above the maximum 80"),
                    V("zeta", "required", "is required but not set"),
                    V("alpha", "required", "is required but not set"),
                    V("name", "type", "must be of type integer, got string"),
                    V("db.password", "pattern", '*** does not match the pattern "[0-9]+"'),
                ]
            ),
        }
    )
    cases.append(
        {
            "id": "rules-after-layering",
            "input": {
                "sources": [mem({"port": 0}), env({"APP_PORT": "443"})],
                "rules": [{"rule": "range", "path": "port", "min": 1}],
            },
            "expect": {"ok": True, "config": {"port": 443}},
        }
    )
    cases.append(
        {
            "id": "env-string-fails-type",
            "input": {
                "sources": [env({"APP_PORT": "80a"})],
                "rules": [{"rule": "type", "path": "port", "type": "integer"}],
            },
            "expect": violations([V("port", "type", "must be of type integer, got string")]),
        }
    )
    cases.append(
        {
            "id": "custom-secret-keys-in-messages",
            "input": {
                "sources": [mem({"pin": 12})],
                "secret_keys": ["pin"],
                "rules": [{"rule": "range", "path": "pin", "max": 9}],
            },
            "expect": violations([V("pin", "range", "*** is above the maximum 9")]),
        }
    )
    cases.append(
        {
            "id": "length-code-points",
            "input": {"sources": [mem({"s": "😀é"})], "rules": [{"rule": "length", "path": "s", "max": 1}]},
            "expect": violations([V("s", "length", "length 2 is above the maximum 1")]),
        }
    )
    cases.append(
        {
            "id": "pattern-dot-not-newline",
            "input": {"sources": [mem({"s": "a\nb"})], "rules": [{"rule": "pattern", "path": "s", "pattern": "a.b"}]},
            "expect": violations([V("s", "pattern", '"a\\nb" does not match the pattern "a.b"')]),
        }
    )
    cases.append(
        {
            "id": "pattern-unicode-digit-not-d",
            "input": {"sources": [mem({"s": "١٢"})], "rules": [{"rule": "pattern", "path": "s", "pattern": "\\d+"}]},
            "expect": violations([V("s", "pattern", '"١٢" does not match the pattern "\\\\d+"')]),
        }
    )
    cases.append(
        {
            "id": "pattern-astral-dot",
            "input": {"sources": [mem({"s": "😀"})], "rules": [{"rule": "pattern", "path": "s", "pattern": "."}]},
            "expect": {"ok": True, "config": {"s": "😀"}},
        }
    )

    # Rule declaration errors (messages are ours): checked in both languages.
    bad_rules = [
        (
            "rule-unknown-name",
            {"rule": "nope", "path": "a"},
            'rules[0]: unknown rule "nope" (required, type, range, length, pattern, enum, one_of)',
            {"field": "rules[0].rule"},
        ),
        (
            "rule-unknown-key",
            {"rule": "range", "path": "a", "min": 1, "step": 2},
            'rules[0]: unknown key "step" for rule range',
            {"field": "rules[0].step"},
        ),
        (
            "rule-bad-type",
            {"rule": "type", "path": "a", "type": "int"},
            'rules[0] (type on "a"): type must be one of string, integer, number, boolean, object, array, null',
            {"field": "rules[0].type"},
        ),
        (
            "rule-range-no-bounds",
            {"rule": "range", "path": "a"},
            'rules[0] (range on "a"): give min, max or both',
            {"field": "rules[0]"},
        ),
        (
            "rule-range-bool-bound",
            {"rule": "range", "path": "a", "min": True},
            'rules[0] (range on "a"): min must be a number',
            {"field": "rules[0].min"},
        ),
        (
            "rule-length-negative",
            {"rule": "length", "path": "a", "max": -1},
            'rules[0] (length on "a"): max must be a non-negative integer',
            {"field": "rules[0].max"},
        ),
        (
            "rule-enum-empty",
            {"rule": "enum", "path": "a", "values": []},
            'rules[0] (enum on "a"): values must be a non-empty array',
            {"field": "rules[0].values"},
        ),
        (
            "rule-pattern-lookahead",
            {"rule": "pattern", "path": "a", "pattern": "(?=x)"},
            'rules[0] (pattern on "a"): pattern "(?=x)": a special group at offset 0 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
        (
            "rule-pattern-backref",
            {"rule": "pattern", "path": "a", "pattern": "(a)\\1"},
            'rules[0] (pattern on "a"): pattern "(a)\\\\1": the escape \\1 at offset 3 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
        (
            "rule-pattern-brace",
            {"rule": "pattern", "path": "a", "pattern": "a{,3}"},
            'rules[0] (pattern on "a"): pattern "a{,3}": a \'{\' that is not a quantifier at offset 1 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
        (
            "rule-pattern-double-quantifier",
            {"rule": "pattern", "path": "a", "pattern": "a**"},
            'rules[0] (pattern on "a"): pattern "a**": a quantifier with nothing to repeat at offset 2 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
        (
            "rule-pattern-inner-anchor",
            {"rule": "pattern", "path": "a", "pattern": "a^b"},
            'rules[0] (pattern on "a"): pattern "a^b": an unescaped \'^\' at offset 1 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
        (
            "rule-pattern-unclosed",
            {"rule": "pattern", "path": "a", "pattern": "(ab"},
            'rules[0] (pattern on "a"): pattern "(ab": an unclosed \'(\' at offset 3 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
        (
            "rule-pattern-word-boundary",
            {"rule": "pattern", "path": "a", "pattern": "\\bx"},
            'rules[0] (pattern on "a"): pattern "\\\\bx": the escape \\b at offset 0 (outside the portable subset)',
            {"field": "rules[0].pattern"},
        ),
    ]
    for cid, rule, msg, ctx in bad_rules:
        cases.append(
            {
                "id": cid,
                "input": {"sources": src, "rules": [rule]},
                "expect": {"ok": False, "error": {"kind": "config", "context": ctx, "message": msg}},
            }
        )

    # Source errors whose messages are ours.
    own = [
        (
            "env-empty-segment-named",
            [env({"APP_DB____PORT": "1"})],
            'environment variable "APP_DB____PORT": empty name segment after prefix "APP_" and separator "__"',
            {"variable": "APP_DB____PORT"},
        ),
        (
            "env-forbidden-segment-named",
            [env({"APP___PROTO__": "1"}, separator="_")],
            'environment variable "APP___PROTO__": empty name segment after prefix "APP_" and separator "_"',
            {"variable": "APP___PROTO__"},
        ),
        (
            "env-prototype-segment",
            [env({"APP_PROTOTYPE": "1"})],
            'environment variable "APP_PROTOTYPE": the name segment "prototype" is not allowed',
            {"variable": "APP_PROTOTYPE"},
        ),
        (
            "top-level-not-object",
            [{"type": "json", "text": '"x"', "label": "base.json"}],
            'config source "base.json": the top level must be an object (a table), got string',
            {"source": "base.json"},
        ),
        (
            "toml-datetime-named",
            [{"type": "toml", "text": "[a]\nwhen = 1979-05-27T07:32:00Z\n", "label": "app.toml"}],
            'config source "app.toml": date/time value at a.when is not supported (quote it as a string)',
            {"source": "app.toml", "path": "a.when"},
        ),
        (
            "toml-inf-named",
            [{"type": "toml", "text": "x = [1, -inf]\n"}],
            'config source "toml": number at x.1 is not finite',
            {"source": "toml", "path": "x.1"},
        ),
        (
            "json-big-int-named",
            [{"type": "json", "text": '{"a": {"b": 9007199254740993}, "s": "12345678901234567890"}'}],
            'config source "json": the integer 9007199254740993 is beyond ±(2^53 - 1)',
            {"source": "json", "format": "json"},
        ),
        ("json-big-float-ok", [{"type": "json", "text": '{"a": 1e308, "b": 12345678901234567890.5}'}], None, None),
        (
            "json-proto-named",
            [{"type": "json", "text": '{"a": {"__proto__": 1}}'}],
            'config source "json": member name "__proto__" is not allowed (at a.__proto__)',
            {"source": "json"},
        ),
        (
            "memory-constructor-named",
            [mem({"constructor": {}})],
            'config source "memory": member name "constructor" is not allowed (at constructor)',
            {"source": "memory"},
        ),
    ]
    for cid, sources, msg, ctx in own:
        if msg is None:
            cases.append({"id": cid, "input": {"sources": sources}, "expect": {"ok": True, "config": resolve(sources)}})
            continue
        cases.append(
            {
                "id": cid,
                "input": {"sources": sources},
                "expect": {"ok": False, "error": {"kind": "config", "context": ctx, "message": msg}},
            }
        )

    # Malformed text: the position must agree between the runtimes' parsers.
    json_bad = [
        '{"a": }',
        '{"a": 1,}',
        '{\n  "a": 1\n  "b": 2\n}',
        '{"a": [1, 2}',
        '{"a": tru}',
        "",
        '{"a": "x\n"}',
        '{"a":1} x',
        "{\n\n   ]",
    ]
    for i, text in enumerate(json_bad):
        try:
            json.loads(text)
            raise AssertionError(text)
        except json.JSONDecodeError as e:
            line, col = e.lineno, e.colno
        if text == '{"a": 1,}':  # CPython ≥ 3.13 reports the comma; the documented position is the brace after it
            line, col = 1, 9
        cases.append(
            {
                "id": f"json-malformed-{i}",
                "input": {"sources": [{"type": "json", "text": text, "label": "prod.json"}]},
                "expect": {
                    "ok": False,
                    "error": {
                        "kind": "config",
                        "context": {"source": "prod.json", "format": "json", "line": line, "column": col},
                    },
                },
            }
        )
    toml_bad = [
        "a = ",
        "a = 1\nb = ",
        "a = 1 2",
        "x = [1,\n 2,,]",
        "= 1",
        "k = tru",
        "[x]\ny = 1\n[x]",
        "s = 'é' x",
        "a = 1\n[t\n",
        "a = {b = }\n",
    ]
    peers = node_peers(toml_bad, [])["toml"]
    import re

    for i, (text, peer) in enumerate(zip(toml_bad, peers, strict=False)):
        try:
            tomllib.loads(text)
            raise AssertionError(text)
        except tomllib.TOMLDecodeError as e:
            msg = str(e)
        m = re.search(r"\(at line (\d+), column (\d+)\)$", msg)
        if m:
            pos = (int(m.group(1)), int(m.group(2)))
        else:
            assert msg.endswith("(at end of document)")
            pos = (text.count("\n") + 1, len(text) - text.rfind("\n"))
        js = (peer["error"]["line"], peer["error"]["column"])
        inp = {"sources": [{"type": "toml", "text": text, "label": "base.toml"}]}
        if pos == js:
            cases.append(
                {
                    "id": f"toml-malformed-{i}",
                    "input": inp,
                    "expect": {
                        "ok": False,
                        "error": {
                            "kind": "config",
                            "context": {"source": "base.toml", "format": "toml", "line": pos[0], "column": pos[1]},
                        },
                    },
                }
            )
        else:
            print(f"  toml position differs (python {pos}, smol-toml {js}); no position vectored: {text!r}")
            UNPOSITIONED.append((f"toml-malformed-{i}", inp))
    return cases


UNPOSITIONED: list[tuple[str, dict]] = []


def get_cases() -> list[dict]:
    data = {
        "port": 8080,
        "port_s": "8080",
        "port_f": 8080.0,
        "neg": "-12",
        "plus": "+7",
        "ratio": 0.25,
        "ratio_s": "1e3",
        "b": {
            k: v
            for k, v in [
                ("t1", "true"),
                ("t2", "YES"),
                ("t3", "On"),
                ("t4", "1"),
                ("t5", True),
                ("t6", 1),
                ("f1", "false"),
                ("f2", "No"),
                ("f3", "OFF"),
                ("f4", "0"),
                ("f5", False),
                ("f6", 0),
                ("bad1", "maybe"),
                ("bad2", 2),
                ("bad3", ""),
            ]
        },
        "d": {
            "n": 30,
            "f": 1.5,
            "tiny": 0.0004,
            "half": 0.0005,
            "s": "30s",
            "ms": "250ms",
            "hm": "1h30m",
            "dd": "1d",
            "m": "2m",
            "frac": "1.5h",
            "fracms": "2.5ms",
            "rep": "1m1m",
            "num": "45",
            "numf": "0.25",
            "bad1": "30",
            "bad2": "1w",
            "bad3": "-5s",
            "bad4": "",
            "bad5": "1 h",
            "bad6": -1,
            "bad7": True,
            "bad8": "1.2345s",
            "big": "104249991375d",
        },
        "list": ["a", 1],
        "csv": " a, b ,,c ",
        "csv_empty": "",
        "secret_token": "abc",
        "obj": {"x": [1]},
        "flag": True,
        "n": None,
    }
    data["d"]["bad1"] = "3O"
    src = [mem(data)]
    rows: list[tuple[str, str, str, Any]] = [
        ("int", "port", "int", 8080),
        ("int-text", "port_s", "int", 8080),
        ("int-integral-float", "port_f", "int", 8080),
        ("int-negative-text", "neg", "int", -12),
        ("int-plus-text", "plus", "int", 7),
        ("float", "ratio", "float", 0.25),
        ("float-from-int", "port", "float", 8080),
        ("float-text", "ratio_s", "float", 1000),
        ("str", "csv", "str", " a, b ,,c "),
        ("str-from-int", "port", "str", "8080"),
        ("str-from-float", "ratio", "str", "0.25"),
        ("str-from-bool", "flag", "str", "true"),
        ("list", "list", "list", ["a", 1]),
        ("list-csv", "csv", "list", ["a", "b", "c"]),
        ("list-csv-empty", "csv_empty", "list", []),
        ("any-object", "obj", "any", {"x": [1]}),
        ("any-array-index", "obj.x.0", "any", 1),
    ]
    for k in data["b"]:
        if not k.startswith("bad"):
            rows.append((f"bool-{k}", f"b.{k}", "bool", k.startswith("t")))
    durations = {
        "n": 30000,
        "f": 1500,
        "tiny": 0,
        "half": 1,
        "s": 30000,
        "ms": 250,
        "hm": 5400000,
        "dd": 86400000,
        "m": 120000,
        "frac": 5400000,
        "fracms": 3,
        "rep": 120000,
        "num": 45000,
        "numf": 250,
    }
    for k, v in durations.items():
        rows.append((f"duration-{k}", f"d.{k}", "duration", v))
    cases = [
        {"id": cid, "input": {"sources": src, "path": p, "as": t}, "expect": {"value": v}} for cid, p, t, v in rows
    ]
    cases.append(
        {
            "id": "default-when-missing",
            "input": {"sources": src, "path": "nope.x", "as": "int", "default": 5},
            "expect": {"value": 5},
        }
    )
    cases.append(
        {
            "id": "default-not-used",
            "input": {"sources": src, "path": "port", "as": "int", "default": 5},
            "expect": {"value": 8080},
        }
    )
    # A default is returned as given for a missing path only: a present value equal to the default
    # is still converted (get_str of 8080 with default 8080 is "8080").
    for cid, p, t, d, v in [
        ("default-equal-value-str", "port", "str", 8080, "8080"),
        ("default-equal-value-duration", "d.n", "duration", 30, 30000),
        ("default-equal-value-bool", "b.t6", "bool", 1, True),
        ("default-kept-as-given", "nope", "str", 8080, 8080),
    ]:
        cases.append({"id": cid, "input": {"sources": src, "path": p, "as": t, "default": d}, "expect": {"value": v}})
    errs: list[tuple[str, str, str, str]] = [
        ("missing", "nope", "any", 'config value "nope" is not set'),
        ("missing-index", "list.5", "any", 'config value "list.5" is not set'),
        ("int-bool", "flag", "int", 'config value "flag" must be an integer, got boolean true'),
        ("int-fraction", "ratio", "int", 'config value "ratio" must be an integer, got number 0.25'),
        ("int-text-fraction", "ratio_s", "int", 'config value "ratio_s" must be an integer, got string "1e3"'),
        ("float-bool", "flag", "float", 'config value "flag" must be a number, got boolean true'),
        ("str-object", "obj", "str", 'config value "obj" must be a string, got object {"x":[1]}'),
        (
            "str-secret-redacted",
            "secret_token",
            "int",
            'config value "secret_token" must be an integer, got string ***',
        ),
        (
            "list-number",
            "port",
            "list",
            'config value "port" must be an array or a comma-separated string, got integer 8080',
        ),
    ]
    for k, v in data["b"].items():
        if k.startswith("bad"):
            errs.append(
                (
                    f"bool-{k}",
                    f"b.{k}",
                    "bool",
                    f'config value "b.{k}" must be a boolean (true/yes/on/1 or false/no/off/0), got {"integer" if isinstance(v, int) else "string"} {json.dumps(v)}',
                )
            )
    dur_err = {
        "bad1": 'config value "d.bad1" is not a duration: "3O" (use e.g. 1h30m, 250ms, 30s, 2m, 1d)',
        "bad2": 'config value "d.bad2" is not a duration: "1w" (use e.g. 1h30m, 250ms, 30s, 2m, 1d)',
        "bad3": 'config value "d.bad3" is not a duration: "-5s" (use e.g. 1h30m, 250ms, 30s, 2m, 1d)',
        "bad4": 'config value "d.bad4" is not a duration: ""',
        "bad5": 'config value "d.bad5" is not a duration: "1 h" (use e.g. 1h30m, 250ms, 30s, 2m, 1d)',
        "bad6": 'config value "d.bad6" must be a non-negative duration',
        "bad7": 'config value "d.bad7" must be a duration, got boolean',
        "bad8": 'config value "d.bad8" is not a duration: "1.2345s" (use e.g. 1h30m, 250ms, 30s, 2m, 1d)',
        "big": 'config value "d.big" is a duration beyond 2^53 - 1 ms',
    }
    for k, msg in dur_err.items():
        errs.append((f"duration-{k}", f"d.{k}", "duration", msg))
    # Errors are compared through config.check-like detail: config.get has only the kind in vectors,
    # so the message is pinned with a second op-less trick: we emit them as error cases here and the
    # messages in get_error_cases() below (op config.get.error).
    for cid, p, t, _msg in errs:
        cases.append({"id": cid, "input": {"sources": src, "path": p, "as": t}, "error": {"kind": "config"}})
    GET_ERRORS.extend(({"sources": src, "path": p, "as": t}, cid, msg) for cid, p, t, msg in errs)
    return cases


GET_ERRORS: list[tuple[dict, str, str]] = []


def explain_cases() -> list[dict]:
    sets = [
        (
            "three-layers",
            [
                {"type": "defaults", "data": {"db": {"host": "localhost", "port": 5432}, "debug": False}},
                {"type": "toml", "text": '[db]\nhost = "db.internal"\n', "label": "base.toml"},
                {"type": "json", "text": '{"features": ["a"], "db": {"pool": 5}}', "label": "production.json"},
                env({"APP_DB__PORT": "6432", "APP_DEBUG": "true"}),
            ],
        ),
        (
            "deleted-then-set",
            [
                mem({"a": {"b": 1, "c": 2}}, label="one"),
                mem({"a": None}, label="two"),
                mem({"a": {"c": 3}}, label="three"),
            ],
        ),
        (
            "replaced-subtree",
            [mem({"a": {"b": 1}}, label="one"), mem({"a": 5}, label="two"), mem({"a": {"d": 1}}, label="three")],
        ),
        ("array-leaf", [mem({"a": [1, 2]}, label="one"), mem({"b": 1}, label="two")]),
        ("empty-object-leaf", [mem({"a": {}}, label="one")]),
        ("priority", [mem({"a": 1}, label="high", priority=2), mem({"a": 2, "b": 2}, label="low")]),
        ("dotted-key", [mem({"a.b": {"c": 1}}, label="one")]),
    ]
    cases = []
    for cid, sources in sets:
        origins = explain(sources)
        labels = [label_of(s) for s in ordered(sources)]
        cases.append({"id": cid, "input": {"sources": sources}, "expect": {"origins": origins, "sources": labels}})
    return cases


def main() -> None:
    res = resolve_cases()
    chk = check_cases()
    for cid, inp in UNPOSITIONED:
        res.append(
            {
                "id": cid,
                "input": inp,
                "error": {"kind": "config"},
                "note": "tomllib and smol-toml report different positions; only the kind is pinned",
            }
        )
    gets = get_cases()
    exp = explain_cases()
    # Cross-check every fold against json-merge-patch (npm) and every TOML text against smol-toml.
    texts = sorted(TOML_SEEN)
    peer = node_peers(texts, MERGES)
    for layers, merged in zip(MERGES, peer["merges"], strict=False):
        out: Any = {}
        for lay in layers:
            out = rfc7396(out, lay)
        as_f = lambda v: json.loads(json.dumps(v), parse_int=float)  # noqa: E731 -- JS numbers are doubles
        assert as_f(out) == as_f(merged), (layers, merged)
    for text, p in zip(texts, peer["toml"], strict=False):
        assert p.get("ok") == TOML_SEEN[text], (text, p)
    src = (
        "independent: stdlib json/tomllib + textbook RFC 7396 fold and env mapping in config_vectors.py, "
        "cross-checked with npm json-merge-patch and smol-toml; messages written out from docs/config.md"
    )
    write("config", "resolve", "config.resolve", src, res)
    write("config", "check", "config.check", src, chk)
    write("config", "get", "config.get", src, gets)
    write("config", "explain", "config.explain", src + "; explain by brute force over the layers", exp)


if __name__ == "__main__":
    main()
