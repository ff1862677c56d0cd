// Regression: an in-place patch that adds a key, removes it, then fails must roll back to the
// original document (the key order saved at the first removal may name keys the patch added).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyPatch, type PatchOperation } from "@llm-dev-ops/infra/json";

const PATCHES: PatchOperation[][] = [
  [{ op: "add", path: "/", value: null }, { op: "remove", path: "/" }, { op: "add", path: "//", value: null }],
  [{ op: "add", path: "/x", value: 1 }, { op: "remove", path: "/a" }, { op: "test", path: "/x", value: 2 }],
  [{ op: "add", path: "/x", value: 1 }, { op: "move", from: "/x", path: "/y" }, { op: "remove", path: "/q" }],
];

describe("in-place rollback after add then remove", () => {
  for (const [i, patch] of PATCHES.entries()) {
    it(`patch ${i}`, () => {
      const doc = { a: 1, b: { c: 2 } };
      assert.throws(() => applyPatch(doc, patch, { inPlace: true }));
      assert.deepStrictEqual(doc, { a: 1, b: { c: 2 } });
      assert.deepStrictEqual(Object.keys(doc), ["a", "b"]);
    });
  }
});
