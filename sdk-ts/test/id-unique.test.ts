// One generator, 1,000,000 IDs: all distinct and, for the monotonic ones, in creation order.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UlidGenerator, Uuid7Generator } from "@llm-dev-ops/infra/id";

const N = 1_000_000;

function increasing(ids: string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
}

describe("a million IDs", () => {
  it("monotonic ULIDs are unique and ordered", () => {
    const gen = new UlidGenerator();
    const ids = Array.from({ length: N }, () => gen.next());
    assert.equal(new Set(ids).size, N);
    assert.ok(increasing(ids));
  });

  it("random ULIDs are unique", () => {
    const gen = new UlidGenerator({ monotonic: false });
    assert.equal(new Set(Array.from({ length: N }, () => gen.next())).size, N);
  });

  it("UUIDv7s are unique and ordered", () => {
    const gen = new Uuid7Generator();
    const ids = Array.from({ length: N }, () => gen.next());
    assert.equal(new Set(ids).size, N);
    assert.ok(increasing(ids));
  });
});
