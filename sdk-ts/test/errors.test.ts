import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ERROR_KINDS, ErrorKind, InfraError, MAX_CAUSE_DEPTH, type InfraErrorJSON } from "@llm-dev-ops/infra/errors";

const ctor: Record<string, (m: string, c?: Record<string, unknown>) => InfraError> = {
  config: InfraError.config, validation: InfraError.validation, io: InfraError.io, http: InfraError.http,
  auth: InfraError.auth, external: InfraError.external, crypto: InfraError.crypto, serialization: InfraError.serialization,
  message_queue: InfraError.messageQueue, vector: InfraError.vector, schema: InfraError.schema, timeout: InfraError.timeout,
  not_found: InfraError.notFound, internal: InfraError.internal,
};

describe("InfraError", () => {
  it("has the DESIGN.md kinds in order", () => {
    assert.deepEqual(ERROR_KINDS, [
      "config", "validation", "io", "http", "auth", "external", "crypto", "serialization",
      "message_queue", "vector", "schema", "timeout", "not_found", "internal",
    ]);
    assert.equal(ErrorKind.NOT_FOUND, "not_found");
  });

  for (const kind of ERROR_KINDS) {
    it(`constructs kind ${kind}`, () => {
      const err = ctor[kind]!.call(InfraError, "failed", { field: "x" });
      assert.ok(err instanceof InfraError && err instanceof Error);
      assert.equal(err.kind, kind);
      assert.equal(err.message, "failed");
      assert.equal(err.name, "InfraError");
      assert.deepEqual({ ...err.context }, { field: "x" });
      assert.equal(err.retryable, kind === "timeout");
    });
  }

  it("defaults http retryability from the status", () => {
    assert.equal(InfraError.http("x", { status: 503 }).retryable, true);
    assert.equal(InfraError.http("x", { status: 404 }).retryable, false);
    assert.equal(InfraError.http("x", { status: "503" }).retryable, false);
  });

  it("rejects an unknown kind with a validation error", () => {
    assert.throws(() => new InfraError("fatal", "x"), (e: unknown) => e instanceof InfraError && e.kind === "validation");
  });

  it("serialises to the shared JSON form, key order included", () => {
    const err = InfraError.validation("port out of range", { field: "db.port" });
    assert.equal(
      JSON.stringify(err),
      '{"kind":"validation","message":"port out of range","retryable":false,"context":{"field":"db.port"},"cause":null}',
    );
  });

  it("coerces context to JSON and keeps __proto__ as data", () => {
    const ctx = JSON.parse('{"__proto__": {"polluted": 1}, "n": 1}') as Record<string, unknown>;
    const err = InfraError.internal("x", { ...ctx, big: 10n, nan: NaN, fn: () => 1, undef: undefined, date: new Date(0) });
    assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
    const json = err.toJSON();
    assert.deepEqual(Object.keys(json.context), ["__proto__", "n", "big", "nan", "fn", "date"]);
    assert.deepEqual(json.context["__proto__"], { polluted: 1 });
    assert.equal(json.context["big"], "10");
    assert.equal(json.context["nan"], "NaN");
    const withProto = InfraError.fromJSON('{"kind":"io","message":"m","context":{"__proto__":{"polluted":1}}}');
    assert.deepEqual(Object.keys(withProto.context), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(withProto.context), Object.prototype);
    assert.equal(JSON.stringify(withProto.toJSON().context), '{"__proto__":{"polluted":1}}');
  });

  it("converts foreign causes and follows their cause chain", () => {
    const root = Object.assign(new Error("reset"), { code: "ECONNRESET" });
    const mid = new Error("read timed out", { cause: root });
    mid.name = "TimeoutError";
    const err = InfraError.http("gateway", { status: 502 }, { cause: mid });
    const json = err.toJSON();
    assert.equal(json.cause?.kind, "timeout");
    assert.equal(json.cause?.cause?.kind, "io");
    assert.equal(json.cause?.cause?.retryable, true);
    assert.deepEqual(InfraError.fromJSON(json).toJSON(), json);
  });

  it("cuts cyclic cause chains", () => {
    const a = InfraError.io("a");
    const b = InfraError.io("b", {}, { cause: a });
    Object.defineProperty(a, "cause", { value: b });
    let depth = 0;
    for (let n: InfraErrorJSON | null = a.toJSON(); n !== null; n = n.cause) depth++;
    assert.equal(depth, MAX_CAUSE_DEPTH);
  });

  it("maps common failures in from()", () => {
    const cases: Array<[unknown, string, boolean]> = [
      [Object.assign(new Error("t"), { name: "TimeoutError" }), "timeout", true],
      [new SyntaxError("Unexpected token"), "serialization", false],
      [Object.assign(new Error("x"), { code: "ECONNREFUSED" }), "io", true],
      [Object.assign(new Error("x"), { code: "ENOENT", path: "/a" }), "io", false],
      [Object.assign(new Error("x"), { code: "ETIMEDOUT" }), "timeout", true],
      [new TypeError("bad"), "validation", false],
      [new RangeError("bad"), "validation", false],
      [new Error("other"), "internal", false],
      ["a string", "internal", false],
    ];
    for (const [thrown, kind, retryable] of cases) {
      const err = InfraError.from(thrown);
      assert.equal(err.kind, kind, String(thrown));
      assert.equal(err.retryable, retryable, String(thrown));
      assert.equal(err.cause, thrown);
    }
    const original = InfraError.auth("no");
    assert.equal(InfraError.from(original), original);
  });

  for (const [data, path] of [
    [[1], "$"], [{ kind: "io" }, "$.message"], [{ message: "m" }, "$.kind"], [{ kind: "nope", message: "m" }, "$.kind"],
    [{ kind: "io", message: 1 }, "$.message"], [{ kind: "io", message: "m", retryable: 1 }, "$.retryable"],
    [{ kind: "io", message: "m", context: [] }, "$.context"], [{ kind: "io", message: "m", extra: 1 }, "$.extra"],
    [{ kind: "io", message: "m", cause: { kind: "io" } }, "$.cause.message"],
  ] as Array<[unknown, string]>) {
    it(`fromJSON rejects ${JSON.stringify(data)} naming ${path}`, () => {
      assert.throws(
        () => InfraError.fromJSON(data),
        (e: unknown) => e instanceof InfraError && e.kind === "serialization" && e.context["path"] === path && e.message.includes(path),
      );
    });
  }

  it("fromJSON rejects invalid JSON text and too-deep chains", () => {
    assert.throws(() => InfraError.fromJSON("{nope"), (e: unknown) => e instanceof InfraError && e.kind === "serialization");
    let deep: unknown = null;
    for (let i = 0; i <= MAX_CAUSE_DEPTH; i++) deep = { kind: "internal", message: String(i), cause: deep };
    assert.throws(() => InfraError.fromJSON(deep), /deeper/);
  });

  it("withContext copies", () => {
    const err = InfraError.io("x", { a: 1 });
    const more = err.withContext({ b: 2 });
    assert.deepEqual({ ...more.context }, { a: 1, b: 2 });
    assert.deepEqual({ ...err.context }, { a: 1 });
  });

  it("round-trips arbitrary error JSON (property)", () => {
    const jsonValue = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const leaf = fc.record({
      kind: fc.constantFrom(...ERROR_KINDS), message: fc.string(), retryable: fc.boolean(),
      context: fc.dictionary(fc.string({ maxLength: 5 }), jsonValue, { maxKeys: 3 }), cause: fc.constant(null),
    });
    const chain = fc.array(leaf, { minLength: 1, maxLength: 4 }).map((items) =>
      items.reduce<unknown>((cause, e) => ({ ...e, cause }), null),
    );
    fc.assert(fc.property(chain, (data) => {
      const text = JSON.stringify(data);
      assert.equal(JSON.stringify(InfraError.fromJSON(data)), text);
      assert.equal(JSON.stringify(InfraError.fromJSON(text)), text);
    }));
  });
});
