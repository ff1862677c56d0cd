// The shared conformance vectors, run through the SDK's runner: one subtest per vector case.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { handlerFor, jsonEqual, register, runDocument, runText } from "@llm-dev-ops/infra/conformance";
import { InfraError } from "@llm-dev-ops/infra/errors";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const VECTORS = join(ROOT, "conformance", "vectors");

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : name.endsWith(".json") ? [p] : [];
  });
}

interface Doc { op: string; cases: Array<{ id: string }> }

describe("conformance vectors", () => {
  const all = files(VECTORS);
  it("finds vector files", () => assert.ok(all.length >= 3));
  for (const file of all) {
    const doc = JSON.parse(readFileSync(file, "utf8")) as Doc;
    describe(relative(VECTORS, file), () => {
      it(`implements ${doc.op}`, () => assert.ok(handlerFor(doc.op), `${doc.op} is not implemented in TypeScript`));
      for (const c of doc.cases) {
        it(c.id, async () => {
          const r = await runDocument({ ...doc, cases: [c] }, file);
          assert.equal(r.failed, 0, r.failures[0]?.detail);
          assert.equal(r.passed, 1);
        });
      }
    });
  }
});

const doc = (op: string, ...cases: unknown[]) => ({ format: "llm-infra-vectors/1", op, source: "test", cases });

describe("runner semantics", () => {
  register("test.echo", (input) => {
    if ("raise" in input) throw new InfraError(String(input["raise"]), "asked to fail");
    if ("crash" in input) throw new TypeError("crash");
    return { value: input["value"] ?? null };
  });

  it("passes, fails and checks error kinds", async () => {
    const r = await runDocument(doc("test.echo",
      { id: "pass", input: { value: 1 }, expect: { value: 1 } },
      { id: "fail", input: { value: 1 }, expect: { value: true } },
      { id: "err-any", input: { raise: "io" }, error: {} },
      { id: "err-kind", input: { raise: "io" }, error: { kind: "io" } },
      { id: "err-wrong-kind", input: { raise: "io" }, error: { kind: "auth" } },
      { id: "err-missing", input: { value: 2 }, error: { kind: "io" } },
      { id: "foreign", input: { crash: 1 }, error: {} },
    ));
    assert.deepEqual([r.passed, r.failed, r.unsupported], [3, 4, false]);
    assert.deepEqual(r.failures.map((f) => f.id), ["fail", "err-wrong-kind", "err-missing", "foreign"]);
    assert.match(r.failures[3]!.detail, /not an InfraError/);
  });

  it("reports unknown ops as unsupported, never passed", async () => {
    const r = await runDocument(doc("no.such.op", { id: "a", input: {}, expect: {} }));
    assert.deepEqual([r.passed, r.failed, r.unsupported], [0, 0, true]);
  });

  it("reports malformed files as one failure", async () => {
    for (const bad of [
      { ...doc("test.echo", { id: "a", input: {}, expect: {} }), format: "x" },
      doc("test.echo"),
      doc("test.echo", { id: "a", input: {} }),
      doc("test.echo", { id: "a", input: {}, expect: {}, error: {} }),
      doc("test.echo", { id: "a", input: {}, error: { kind: "boom" } }),
      doc("test.echo", { id: "a", input: {}, expect: {} }, { id: "a", input: {}, expect: {} }),
    ]) {
      const r = await runDocument(bad);
      assert.equal(r.failed, 1, JSON.stringify(bad));
      assert.match(r.failures[0]!.detail, /invalid vector file/);
    }
    const r = await runText("{", "broken.json");
    assert.equal(r.failed, 1);
    assert.equal(r.file, "broken.json");
  });

  it("compares JSON exactly", () => {
    assert.ok(jsonEqual({ a: [1, { b: null }] }, { a: [1.0, { b: null }] }));
    assert.ok(!jsonEqual(true, 1));
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!jsonEqual([1], [1, 1]));
    assert.ok(!jsonEqual(NaN, NaN));
    assert.ok(!jsonEqual({}, []));
  });
});
