// Regression tests for bugs found by the property and bad-input tests (mirrors
// tests/core/config/test_regressions.py).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigBuilder, coerceEnvValue } from "@llm-dev-ops/infra/config";
import { InfraError } from "@llm-dev-ops/infra/errors";

const SECRET = "hunter2";

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InfraError, String(e));
    assert.equal(e.kind, "config");
    return e.message + JSON.stringify(e.context);
  }
  assert.fail("expected an InfraError");
}

describe("config regressions", () => {
  it("returns a fallback as given only for a missing path", () => {
    const cfg = new ConfigBuilder().addMemory({ retries: 3, t: 30, flag: 1 }).build();
    assert.equal(cfg.getStr("retries", "3"), "3");
    assert.equal(cfg.getDuration("t", 30), 30000);
    assert.equal(cfg.getBool("flag", true), true);
    assert.equal(cfg.getStr("nope", "x"), "x");
  });

  it("redacts the text of a secret duration", () => {
    const cfg = new ConfigBuilder().addMemory({ api_token: SECRET }).build();
    const msg = messageOf(() => cfg.getDuration("api_token"));
    assert.ok(!msg.includes(SECRET) && msg.includes("***") && msg.includes("api_token"), msg);
  });

  for (const getter of ["getStr", "getInt", "getFloat", "getBool", "getDuration", "getList"] as const) {
    it(`${getter} on an object holding a secret redacts it`, () => {
      const cfg = new ConfigBuilder().addMemory({ db: { host: "h", password: SECRET } }).build();
      const msg = messageOf(() => cfg[getter]("db"));
      assert.ok(!msg.includes(SECRET) && msg.includes('"db"'), msg);
    });
  }

  it("redacts secrets inside an object a rule message shows", () => {
    const builder = new ConfigBuilder().addMemory({ db: { host: "h", password: SECRET } }).oneOf("db", [1]);
    const msg = messageOf(() => builder.build());
    assert.ok(!msg.includes(SECRET) && msg.includes('"password":"***"'), msg);
  });

  for (const priority of [Number.NaN, Infinity, -Infinity]) {
    it(`refuses priority ${priority}`, () => {
      const msg = messageOf(() => new ConfigBuilder().addMemory({ a: 1 }, { label: "src", priority }));
      assert.ok(msg.includes("src") && msg.includes('"field":"priority"'), msg);
    });
  }

  it("reads env text -0 as the integer 0 and -0.0 as the double -0, as Python does", () => {
    assert.ok(Object.is(coerceEnvValue("-0"), 0));
    assert.ok(Object.is(coerceEnvValue("-0.0"), -0));
  });
});
