import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InfraError } from "@llm-dev-ops/infra/errors";
import {
  applyPatch, canonicalBytes, canonicalize, clone, diff, FORBIDDEN_NAMES, formatNumber, jsonEqual, MAX_DEPTH,
  mergePatchApply, mergePatchCreate, parse, pathFormat, pathGet, pathParse, pathSet, pointerAdd, pointerFormat,
  pointerGet, pointerParse, pointerRemove, pointerReplace, type JsonValue, type PatchOperation,
} from "@llm-dev-ops/infra/json";


function throwsKind(fn: () => unknown, kind: string, check?: (e: InfraError) => void): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InfraError, `expected an InfraError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    check?.(e);
    return true;
  });
}

function nest(depth: number): JsonValue {
  let v: JsonValue = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const RFC_DOC = { foo: ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, 'k"l': 6, " ": 7, "m~n": 8 };

describe("JSON Pointer", () => {
  it("resolves the RFC 6901 §5 examples", () => {
    const table: Array<[string, unknown]> = [["", RFC_DOC], ["/foo", ["bar", "baz"]], ["/foo/0", "bar"], ["/", 0], ["/a~1b", 1],
      ["/c%d", 2], ["/e^f", 3], ["/g|h", 4], ["/i\\j", 5], ['/k"l', 6], ["/ ", 7], ["/m~0n", 8]];
    for (const [p, v] of table) assert.deepEqual(pointerGet(RFC_DOC, p), v);
  });
  it("decodes ~1 before ~0", () => {
    assert.deepEqual(pointerParse("/~01"), ["~1"]);
    assert.equal(pointerFormat(["~1", "a/b"]), "/~01/a~1b");
  });
  it("rejects malformed pointers as validation", () => {
    for (const p of ["a", "/~2", "/a~", "/~~1"]) throwsKind(() => pointerParse(p), "validation", (e) => assert.equal(e.context["pointer"], p));
    throwsKind(() => pointerGet({}, 1 as unknown as string), "validation");
  });
  it("names pointer and token, with kinds per failure", () => {
    const cases: Array<[JsonValue, string, string, string]> = [
      [{ a: 1 }, "/b", "not_found", "b"], [{ a: [1, 2] }, "/a/2", "not_found", "2"], [{ a: [1] }, "/a/-", "not_found", "-"],
      [{ a: 1 }, "/a/b", "not_found", "b"], [{ a: [1, 2] }, "/a/01", "validation", "01"], [{ a: [1] }, "/a/x", "validation", "x"],
    ];
    for (const [doc, p, kind, token] of cases) {
      throwsKind(() => pointerGet(doc, p), kind, (e) => {
        assert.equal(e.context["pointer"], p);
        assert.equal(e.context["token"], token);
        assert.ok(e.message.includes(`'${p}'`));
      });
    }
  });
  it("returns the fallback only for absent values", () => {
    assert.equal(pointerGet({ a: null }, "/a", 5), null);
    assert.equal(pointerGet({ a: 1 }, "/b", 5), 5);
    throwsKind(() => pointerGet({ a: [1] }, "/a/01", null), "validation");
  });
  it("adds, replaces and removes without mutating unless inPlace", () => {
    const doc = { a: [1, 2] };
    assert.deepEqual(pointerAdd(doc, "/a/-", 3), { a: [1, 2, 3] });
    assert.deepEqual(pointerAdd(doc, "/a/0", 0), { a: [0, 1, 2] });
    assert.deepEqual(pointerAdd(doc, "", 7), 7);
    assert.deepEqual(pointerReplace(doc, "/a/1", [9]), { a: [1, [9]] });
    assert.deepEqual(pointerRemove(doc, "/a/0"), { a: [2] });
    assert.deepEqual(doc, { a: [1, 2] });
    throwsKind(() => pointerAdd(doc, "/a/3", 0), "not_found");
    throwsKind(() => pointerReplace(doc, "/a/-", 0), "not_found");
    throwsKind(() => pointerRemove(doc, ""), "validation");
    const same = pointerRemove(doc, "/a/0", { inPlace: true });
    assert.equal(same, doc);
    assert.deepEqual(doc, { a: [2] });
  });
  it("refuses the reserved names everywhere", () => {
    for (const name of FORBIDDEN_NAMES) {
      for (const fn of [() => pointerGet({}, `/${name}`), () => pointerAdd({}, `/${name}/x`, 1), () => pointerFormat([name]),
        () => pathSet({}, `a.${name}.b`, 1), () => mergePatchApply({}, { a: { [name]: 1 } })]) {
        throwsKind(fn, "validation");
      }
    }
    // defineProperty, not assignment: a literal "__proto__" key in a patch value is just data
    const polluted = JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue;
    const out = applyPatch({}, [{ op: "add", path: "/x", value: polluted }]) as Record<string, Record<string, unknown>>;
    assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
    assert.equal(Object.getPrototypeOf(out["x"]), Object.prototype);
    assert.ok(Object.hasOwn(out["x"]!, "__proto__"));
  });
});

describe("dot paths", () => {
  const cfg = { db: { hosts: ["a", "b"], "pool.size": 5, port: null }, "a\\b": 1, "0": { "1": "x" } };
  it("gets with escapes and defaults", () => {
    assert.equal(pathGet(cfg, "db.hosts.1"), "b");
    assert.equal(pathGet(cfg, "db.pool\\.size"), 5);
    assert.equal(pathGet(cfg, "a\\\\b"), 1);
    assert.equal(pathGet(cfg, "0.1"), "x");
    assert.equal(pathGet(cfg, "db.port", 5432), null);
    assert.equal(pathGet(cfg, "db.user", "admin"), "admin");
    throwsKind(() => pathGet(cfg, "db.user"), "not_found", (e) => assert.equal(e.context["path"], "db.user"));
    for (const p of ["a..b", ".a", "a.", "a\\x"]) throwsKind(() => pathParse(p), "validation");
  });
  it("parses and formats", () => {
    assert.deepEqual(pathParse("a.b\\.c.d\\\\e"), ["a", "b.c", "d\\e"]);
    assert.equal(pathFormat(["a", "b.c", "d\\e"]), "a.b\\.c.d\\\\e");
    throwsKind(() => pathFormat(["a", ""]), "validation");
  });
  it("sets, creating objects, never through scalars, atomically", () => {
    assert.deepEqual(pathSet({}, "db.port", 5432), { db: { port: 5432 } });
    assert.deepEqual(pathSet({ tags: ["a"] }, "tags.1", "b"), { tags: ["a", "b"] });
    const doc = { a: 1, t: [] as JsonValue[] };
    throwsKind(() => pathSet(doc, "a.b", 1, { inPlace: true }), "validation");
    throwsKind(() => pathSet(doc, "t.1", 1, { inPlace: true }), "not_found");
    assert.deepEqual(doc, { a: 1, t: [] });
  });
});

describe("applyPatch", () => {
  it("implements the six operations", () => {
    assert.deepEqual(applyPatch({ foo: ["all", "grass", "cows", "eat"] }, [{ op: "move", from: "/foo/1", path: "/foo/3" }]),
      { foo: ["all", "cows", "eat", "grass"] });
    assert.deepEqual(applyPatch({ a: { b: [1] } }, [{ op: "copy", from: "/a", path: "/c" }, { op: "add", path: "/c/b/-", value: 2 }]),
      { a: { b: [1] }, c: { b: [1, 2] } });
    assert.deepEqual(applyPatch({ "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: 10 }]), { "/": 9, "~1": 10 });
    throwsKind(() => applyPatch({ a: { b: 1 } }, [{ op: "move", from: "/a", path: "/a/b/c" }]), "validation");
  });
  it("test uses JSON equality", () => {
    applyPatch({ a: { x: 1, y: [1, 2] } }, [{ op: "test", path: "/a", value: { y: [1, 2.0], x: 1 } }]);
    for (const [actual, expected] of [[true, 1], [0, false], ["1", 1], [[], {}], [null, false]] as Array<[JsonValue, JsonValue]>) {
      throwsKind(() => applyPatch({ v: actual }, [{ op: "test", path: "/v", value: expected }]), "validation");
    }
  });
  it("rejects malformed patches, naming the operation", () => {
    const bad: unknown[] = [{ op: "add", path: "/a" }, [{ op: "merge", path: "/a" }], [{ path: "/a" }], [{ op: "add", path: "/b" }],
      ["remove"], [{ op: "remove", path: 3 }], [{ op: "add", path: "/b", value: NaN }], [{ op: "add", path: "/b", value: new Date() }]];
    for (const p of bad) throwsKind(() => applyPatch({ a: 1 }, p as PatchOperation[]), "validation");
    throwsKind(() => applyPatch({ a: [1] }, [{ op: "add", path: "/b", value: 1 }, { op: "remove", path: "/a/5" }]), "not_found", (e) => {
      assert.equal(e.context["index"], 1);
      assert.equal(e.context["op"], "remove");
      assert.ok(e.message.startsWith("patch[1] (remove '/a/5')"));
    });
  });
  it("does not mutate and shares nothing by default", () => {
    const doc = { a: { b: [1, 2] }, c: [{ d: 1 }] };
    const value = { n: [1] };
    const out = applyPatch(doc, [{ op: "add", path: "/x", value }]) as typeof doc & { x: { n: number[] } };
    assert.deepEqual(doc, { a: { b: [1, 2] }, c: [{ d: 1 }] });
    assert.notEqual(out.c, doc.c);
    value.n.push(2);
    assert.deepEqual(out.x, { n: [1] });
  });
  it("rolls back in place, key order included", () => {
    const doc: Record<string, JsonValue> = { z: 1, a: { k1: 1, k2: 2, k3: 3 }, m: [1, 2, 3], b: true };
    const snapshot = JSON.stringify(doc);
    throwsKind(() => applyPatch(doc, [
      { op: "remove", path: "/a/k1" }, { op: "add", path: "/a/k1", value: "again" }, { op: "move", from: "/z", path: "/a/z" },
      { op: "replace", path: "/m/1", value: 20 }, { op: "remove", path: "/m/0" }, { op: "copy", from: "/a", path: "/copy" },
      { op: "add", path: "/b", value: false }, { op: "test", path: "/b", value: true },
    ], { inPlace: true }), "validation", (e) => assert.equal(e.context["index"], 7));
    assert.equal(JSON.stringify(doc), snapshot);
  });
});

describe("diff", () => {
  it("inserts at the front with one add", () => {
    assert.deepEqual(diff([1, 2, 3, 4], [0, 1, 2, 3, 4]), [{ op: "add", path: "/0", value: 0 }]);
  });
  it("matches the documented examples", () => {
    assert.deepEqual(diff([1, 2, 3, 4, 5], [1, 4, 5]), [{ op: "remove", path: "/1" }, { op: "remove", path: "/1" }]);
    assert.deepEqual(diff([{ id: 1, v: "a" }, { id: 2, v: "b" }], [{ id: 1, v: "a" }, { id: 2, v: "c" }]),
      [{ op: "replace", path: "/1/v", value: "c" }]);
    assert.deepEqual(diff({ a: true }, { a: 1 }), [{ op: "replace", path: "/a", value: 1 }]);
    assert.deepEqual(diff({ a: { x: 1, y: 2, z: 3 } }, { a: { p: 1 } }), [{ op: "replace", path: "/a", value: { p: 1 } }]);
    assert.deepEqual(diff({}, { "\ufb33": 1, "\u{1F600}": 2 }).map((op) => op.path), ["/\u{1F600}", "/\ufb33"]);
    // integer-like keys come first in JS objects; the patch order is UTF-16 order anyway
    const keep = { c: 1, d: 1, e: 1, f: 1 };
    assert.deepEqual(diff({ b: 1, "10": 1, "9": 1, ...keep }, keep).map((op) => op.path), ["/10", "/9", "/b"]);
  });
  it("replaces an object whose reserved key changed", () => {
    const a = JSON.parse('{"a": {"__proto__": 1, "b": 1}}') as JsonValue;
    const b = JSON.parse('{"a": {"__proto__": 2, "b": 1}}') as JsonValue;
    const patch = diff(a, b);
    assert.equal(patch.length, 1);
    assert.equal(patch[0]!.path, "/a");
    assert.ok(jsonEqual(applyPatch(a, patch), b));
    const same = JSON.parse('{"__proto__": {"x": [1]}, "b": 1}') as JsonValue;
    const changed = JSON.parse('{"__proto__": {"x": [1]}, "b": 2}') as JsonValue;
    assert.deepEqual(diff(same, changed), [{ op: "replace", path: "/b", value: 2 }]);
  });
  it("rejects non-JSON and too-deep input", () => {
    throwsKind(() => diff({ a: 1 }, { a: NaN }), "validation");
    throwsKind(() => diff({ a: 1 }, { a: new Map() as unknown as JsonValue }), "validation");
    throwsKind(() => diff([nest(MAX_DEPTH)], [nest(MAX_DEPTH)]), "validation");
  });
});

describe("merge patch", () => {
  it("applies the RFC 7396 examples", () => {
    const table: Array<[JsonValue, JsonValue, JsonValue]> = [
      [{ a: "b" }, { a: "c" }, { a: "c" }], [{ a: "b" }, { a: null }, {}], [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
      [{ a: "b" }, ["c"], ["c"]], [{ a: "foo" }, null, null], [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: "b", c: null }, { a: "b" }], [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [t, p, e] of table) assert.deepEqual(mergePatchApply(t, p), e);
  });
  it("keeps nulls in arrays, validates in-place patches first", () => {
    assert.deepEqual(mergePatchApply({}, { a: [null] }), { a: [null] });
    const target = { a: { b: 1 }, z: 1 };
    throwsKind(() => mergePatchApply(target, { a: { b: null }, y: NaN }, { inPlace: true }), "validation");
    assert.deepEqual(target, { a: { b: 1 }, z: 1 });
    assert.equal(mergePatchApply(target, { z: null }, { inPlace: true }), target);
    assert.deepEqual(target, { a: { b: 1 } });
  });
  it("creates patches and refuses to set null", () => {
    assert.deepEqual(mergePatchCreate({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2, d: 4 }, e: [null] }), { a: null, b: { d: 4 }, e: [null] });
    throwsKind(() => mergePatchCreate({ a: 1 }, { a: null }), "validation", (e) => assert.equal(e.context["path"], "/a"));
    throwsKind(() => mergePatchCreate({}, { x: { y: null } }), "validation", (e) => assert.equal(e.context["path"], "/x/y"));
  });
});

describe("canonical JSON", () => {
  it("formats numbers as ECMAScript does", () => {
    assert.deepEqual([1.0, -0, 1e21, 1e-7, 0.000001, 5e-324, 2 ** 53 + 1].map(formatNumber),
      ["1", "0", "1e+21", "1e-7", "0.000001", "5e-324", "9007199254740992"]);
    throwsKind(() => formatNumber(NaN), "validation");
  });
  it("sorts keys by UTF-16 code units and escapes only what JCS escapes", () => {
    const doc = { "\u20ac": 1, "\r": 2, "\ufb33": 3, "1": 4, "\u{1F600}": 5, "\u0080": 6, "\u00f6": 7 };
    assert.equal(canonicalize(doc), '{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\u{1F600}":5,"\ufb33":3}');
    assert.equal(canonicalize("\u0000\b\t\n\u000b\f\r\u001f\"\\/\u007f\u2028"), '"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f\\"\\\\/\u007f\u2028"');
    assert.deepEqual([...canonicalBytes({ "€": [1.0] })], [...new TextEncoder().encode('{"€":[1]}')]);
  });
  it("rejects what JSON cannot carry, naming the path", () => {
    const bad: Array<[unknown, string]> = [[{ a: [1, NaN] }, "/a/1"], [{ a: "\ud800" }, "/a"], [{ a: undefined }, "/a"],
      [{ a: 1n }, "/a"], [{ a: new Date(0) }, "/a"], [{ a: () => 1 }, "/a"], [[1, , 2], "/1"]];
    for (const [v, path] of bad) throwsKind(() => canonicalize(v), "validation", (e) => assert.equal(e.context["path"], path));
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    throwsKind(() => canonicalize(cyclic), "validation");
    assert.equal(canonicalize(nest(MAX_DEPTH - 1)), "[".repeat(MAX_DEPTH - 1) + "0" + "]".repeat(MAX_DEPTH - 1));
    throwsKind(() => canonicalize(nest(MAX_DEPTH + 1)), "validation");
  });
});

describe("parse", () => {
  it("parses strict JSON; __proto__ stays data", () => {
    assert.deepEqual(parse('{"a": [1, 2.5, -0, true, false, null, "x"]}'), { a: [1, 2.5, -0, true, false, null, "x"] });
    assert.equal(parse('"\\ud83d\\ude00"'), "\u{1F600}");
    const o = parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(o), Object.prototype);
    assert.ok(Object.hasOwn(o, "__proto__"));
    assert.deepEqual(parse(new TextEncoder().encode('{"é": 1}')), { é: 1 });
  });
  it("rejects what I-JSON rejects, with Python's error kinds", () => {
    for (const t of ['{"a": 1, "a": 2}', "[NaN]", "Infinity", "-Infinity", "1e400", "1" + "0".repeat(400), '"\\ud800"', '"\\udc00\\ud800"',
      "\ufeff{}", "[1,]", "[01]", "{'a': 1}", '"a\tb"', '"\\x"', '{"a": "b', "{} {}", "", "tru", '"\ud800"']) {
      throwsKind(() => parse(t), "serialization");
    }
    throwsKind(() => parse(new Uint8Array([0xff])), "serialization");
    throwsKind(() => parse(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), "serialization");
    for (const t of ["[".repeat(MAX_DEPTH + 1) + "]".repeat(MAX_DEPTH + 1), '{"a":'.repeat(300) + "1" + "}".repeat(300), "[".repeat(300) + "x"]) {
      throwsKind(() => parse(t), "validation");
    }
    assert.deepEqual(parse(JSON.stringify(["[".repeat(1000)])), ["[".repeat(1000)]);
  });
});

describe("clone and jsonEqual", () => {
  it("copies deeply and validates", () => {
    const src = { a: [1, { b: null }] };
    const dst = clone(src);
    assert.deepEqual(dst, src);
    assert.notEqual(dst.a, src.a);
    throwsKind(() => clone({ d: new Date() } as unknown as JsonValue), "validation", (e) => assert.equal(e.context["path"], "/d"));
  });
  it("compares as JSON", () => {
    assert.ok(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2.0], a: 1 }));
    assert.ok(!jsonEqual(true, 1));
    assert.ok(!jsonEqual([], {}));
    assert.ok(jsonEqual(0, -0));
  });
});
