// Property tests and fuzzing of the json module: round trips hold, and hostile input only ever
// produces a result or an InfraError.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InfraError } from "@llm-dev-ops/infra/errors";
import {
  applyPatch, canonicalize, diff, FORBIDDEN_NAMES, jsonEqual, mergePatchApply, mergePatchCreate, parse, pathGet, pathSet,
  pointerAdd, pointerFormat, pointerGet, pointerParse, pointerRemove, type JsonValue, type PatchOperation,
} from "@llm-dev-ops/infra/json";


const key = fc.oneof(
  fc.constantFrom("", "a", "b", "0", "10", "-", "~", "/", "a/b", "m~n", "é", "\ue000", "\u{1F600}", "a.b", "\\"),
  fc.string({ maxLength: 4 }),
).filter((k) => !FORBIDDEN_NAMES.has(k) && !/[\uD800-\uDFFF]/u.test(k));
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }).filter((s) => !/[\uD800-\uDFFF]/u.test(s)));
const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar,
    fc.array(tie("value"), { maxLength: 5 }), fc.dictionary(key, tie("value"), { maxKeys: 5 })) as fc.Arbitrary<JsonValue>,
}));

function near(v: JsonValue, rnd: () => number, depth = 0): JsonValue {
  if (depth < 4 && Array.isArray(v) && rnd() < 0.7) {
    const out = [...v];
    const n = Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const c = rnd();
      if (c < 0.3 && out.length > 0) out.splice(Math.floor(rnd() * out.length), 1);
      else if (c < 0.65) out.splice(Math.floor(rnd() * (out.length + 1)), 0, Math.floor(rnd() * 100));
      else if (out.length > 0) {
        const j = Math.floor(rnd() * out.length);
        out[j] = near(out[j] as JsonValue, rnd, depth + 1);
      }
    }
    return out;
  }
  if (depth < 4 && v !== null && typeof v === "object" && !Array.isArray(v) && rnd() < 0.7) {
    const out: Record<string, JsonValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, JsonValue>)) {
      const c = rnd();
      if (c < 0.2) continue;
      out[k] = c < 0.5 ? near(x, rnd, depth + 1) : x;
    }
    if (rnd() < 0.4) out[`k${Math.floor(rnd() * 5)}`] = "new";
    return out;
  }
  return rnd() < 0.5 ? v : Math.floor(rnd() * 10);
}

const pair = fc.tuple(value, fc.integer(), fc.boolean()).map(([a, seed, far]) => {
  let s = seed >>> 0 || 1;
  const rnd = (): number => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  return [a, far ? near(near(a, rnd), rnd) : near(a, rnd)] as [JsonValue, JsonValue];
});
const pairAny = fc.oneof(pair, fc.tuple(value, value));

function nodes(v: unknown): number {
  if (Array.isArray(v)) return 1 + v.reduce((n: number, x) => n + nodes(x), 0);
  if (v !== null && typeof v === "object") return 1 + Object.values(v).reduce((n: number, x) => n + nodes(x), 0);
  return 1;
}

function onlyInfraErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InfraError)) throw e;
  }
}

describe("json properties", () => {
  it("applyPatch(a, diff(a, b)) equals b; diff is deterministic, pure and never costlier than a whole replace", () => {
    fc.assert(fc.property(pairAny, ([a, b]) => {
      const before = JSON.stringify([a, b]);
      const patch = diff(a, b);
      assert.ok(jsonEqual(applyPatch(a, patch), b));
      assert.equal(JSON.stringify([a, b]), before);
      assert.deepEqual(diff(a, b), patch);
      if (jsonEqual(a, b)) assert.deepEqual(patch, []);
      const cost = patch.reduce((n, op) => n + (op.op === "remove" ? 1 : 1 + nodes((op as { value: unknown }).value)), 0);
      assert.ok(cost <= 1 + nodes(b));
    }), { numRuns: 400 });
  });
  it("mergePatchApply(a, mergePatchCreate(a, b)) equals b wherever a merge patch exists", () => {
    fc.assert(fc.property(pairAny, ([a, b]) => {
      let patch: JsonValue;
      try {
        patch = mergePatchCreate(a, b);
      } catch (e) {
        assert.ok(e instanceof InfraError && e.kind === "validation" && e.message.includes("null"));
        return;
      }
      assert.ok(jsonEqual(mergePatchApply(a, patch), b));
    }), { numRuns: 300 });
  });
  it("canonicalize is idempotent, parseable and independent of key order", () => {
    fc.assert(fc.property(value, (v) => {
      const text = canonicalize(v);
      assert.equal(canonicalize(parse(text)), text);
      assert.equal(canonicalize(JSON.parse(text)), text);
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        const reversed = Object.fromEntries(Object.entries(v).reverse());
        assert.equal(canonicalize(reversed), text);
      }
    }), { numRuns: 300 });
  });
  it("pointer format/parse round-trips and every pointer of a document resolves", () => {
    fc.assert(fc.property(fc.array(key, { maxLength: 5 }), (tokens) => assert.deepEqual(pointerParse(pointerFormat(tokens)), tokens)));
    fc.assert(fc.property(value, (doc) => {
      const walk = (v: unknown, tokens: string[]): void => {
        assert.equal(pointerGet(doc, pointerFormat(tokens)), v);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...tokens, String(i)]));
        else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...tokens, k]);
      };
      walk(doc, []);
    }));
  });
  it("a failing in-place patch leaves the document exactly as it was", () => {
    const op = fc.record({
      op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test"),
      path: fc.array(fc.oneof(key, fc.constantFrom("0", "1", "-")), { maxLength: 3 }).map((t) => (t.length ? "/" + t.join("/") : "")),
      from: fc.array(key, { maxLength: 2 }).map((t) => "/" + t.join("/")),
      value,
    });
    fc.assert(fc.property(value, fc.array(op, { minLength: 1, maxLength: 6 }), (doc, patch) => {
      const snapshot = JSON.stringify(doc);
      let copied: unknown = "failed";
      try {
        copied = applyPatch(doc, patch as PatchOperation[]);
      } catch (e) {
        assert.ok(e instanceof InfraError);
      }
      assert.equal(JSON.stringify(doc), snapshot);
      const work = JSON.parse(snapshot) as JsonValue;
      try {
        const out = applyPatch(work, patch as PatchOperation[], { inPlace: true });
        assert.ok(copied !== "failed" && jsonEqual(out, copied));
      } catch (e) {
        assert.ok(e instanceof InfraError);
        assert.equal(copied, "failed");
        assert.equal(JSON.stringify(work), snapshot);
      }
    }), { numRuns: 300 });
  });
});

describe("json fuzzing: only results or InfraErrors", () => {
  const junk = fc.oneof(fc.anything({ maxDepth: 3 }), value, fc.constantFrom(NaN, Infinity, -0, undefined, 1n, new Date(0), [1, , 2]));
  const pointers = fc.oneof(fc.string({ maxLength: 12 }),
    fc.array(fc.constantFrom("a", "0", "-", "~0", "~1", "~", "01", "", "__proto__", "constructor"), { maxLength: 4 }).map((t) => "/" + t.join("/")));
  const ops = fc.record({ op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test", "bogus"), path: pointers, from: pointers, value: junk },
    { requiredKeys: ["op"] });
  it("applyPatch", () => {
    fc.assert(fc.property(junk, fc.oneof(fc.array(fc.oneof(ops, junk), { maxLength: 5 }), junk), fc.boolean(), (doc, patch, inPlace) => {
      onlyInfraErrors(() => applyPatch(doc as JsonValue, patch as PatchOperation[], { inPlace }));
    }), { numRuns: 500 });
  });
  it("pointers and paths", () => {
    fc.assert(fc.property(junk, pointers, fc.string({ maxLength: 12 }), junk, (doc, p, path, v) => {
      onlyInfraErrors(() => pointerGet(doc as JsonValue, p));
      onlyInfraErrors(() => pointerAdd(doc as JsonValue, p, v as JsonValue));
      onlyInfraErrors(() => pointerRemove(doc as JsonValue, p));
      onlyInfraErrors(() => pathGet(doc as JsonValue, path, null));
      onlyInfraErrors(() => pathSet(doc as JsonValue, path, v as JsonValue));
    }), { numRuns: 500 });
  });
  it("diff, merge, canonicalize", () => {
    fc.assert(fc.property(junk, junk, (a, b) => {
      onlyInfraErrors(() => diff(a as JsonValue, b as JsonValue));
      onlyInfraErrors(() => mergePatchApply(a as JsonValue, b as JsonValue));
      onlyInfraErrors(() => mergePatchApply(a as JsonValue, b as JsonValue, { inPlace: true }));
      onlyInfraErrors(() => mergePatchCreate(a as JsonValue, b as JsonValue));
      onlyInfraErrors(() => canonicalize(a));
    }), { numRuns: 500 });
  });
  it("parse", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.json(), fc.uint8Array({ maxLength: 40 })), (t) => {
      onlyInfraErrors(() => parse(t));
    }), { numRuns: 1000 });
  });
  it("no prototype pollution from any input", () => {
    fc.assert(fc.property(junk, (v) => {
      for (const text of ['{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"polluted": 1}}}']) {
        const hostile = JSON.parse(text) as JsonValue;
        onlyInfraErrors(() => applyPatch({}, [{ op: "add", path: "/x", value: hostile }]));
        onlyInfraErrors(() => mergePatchApply(v as JsonValue, hostile));
        onlyInfraErrors(() => mergePatchApply({}, { a: hostile }));
        onlyInfraErrors(() => diff({}, hostile));
        onlyInfraErrors(() => parse(text));
        onlyInfraErrors(() => pathSet({}, "__proto__.polluted", 1));
      }
      assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
      assert.equal((Object.prototype as Record<string, unknown>)["polluted"], undefined);
    }), { numRuns: 100 });
  });
});
