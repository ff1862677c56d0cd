/**
 * JSON Patch (RFC 6902): `add`, `remove`, `replace`, `move`, `copy`, `test` — atomic, and
 * non-mutating unless `{ inPlace: true }` (then every mutation is logged and rolled back on
 * failure, key order included). Same semantics and error kinds as Python's `apply_patch`.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { type InPlaceOptions, type Log, primAdd, primRemove, primReplace, Ref, rollback, tokensOf, walk } from "./pointer.js";
import { clone, isPlainObject, jsonEqual, typeName } from "./values.js";

/** One RFC 6902 operation. */
export type PatchOperation =
  | { op: "add" | "replace" | "test"; path: string; value: JsonValue }
  | { op: "remove"; path: string }
  | { op: "move" | "copy"; from: string; path: string };

const OPS = ["add", "remove", "replace", "move", "copy", "test"];

function owned(value: JsonValue): JsonValue {
  return typeof value === "string" || typeof value === "boolean" || value === null ? value : clone(value);
}

function field(op: JsonObject, name: string, opname: string): JsonValue {
  if (!Object.hasOwn(op, name)) throw InfraError.validation(`a '${opname}' operation needs a '${name}' member`, { field: name });
  return op[name]!;
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length <= 80 ? text : text.slice(0, 77) + "...";
}

function applyOne(root: JsonValue, op: unknown, log: Log | undefined): JsonValue {
  if (!isPlainObject(op)) throw InfraError.validation(`an operation must be an object, got ${typeName(op)}`, { field: "op" });
  const name = Object.hasOwn(op, "op") ? op["op"] : undefined;
  if (typeof name !== "string" || !OPS.includes(name)) {
    const shown = typeof name === "string" ? `'${name}'` : Object.hasOwn(op, "op") ? `a ${typeName(name)}` : "missing";
    throw InfraError.validation(`'op' must be one of ${OPS.join(", ")}; got ${shown}`, { field: "op" });
  }
  const path = field(op, "path", name);
  const tokens = tokensOf(path);
  const ref = new Ref(path as string);
  switch (name) {
    case "add":
      return primAdd(root, tokens, owned(field(op, "value", name)), ref, log);
    case "remove":
      primRemove(root, tokens, ref, log);
      return root;
    case "replace":
      return primReplace(root, tokens, owned(field(op, "value", name)), ref, log);
    case "test": {
      const expected = field(op, "value", name);
      const actual = walk(root, tokens, tokens.length, ref);
      if (!jsonEqual(actual, expected)) {
        throw InfraError.validation(`test failed: the value at '${path as string}' is ${show(actual)}, not ${show(expected)}`, {
          pointer: path,
        });
      }
      return root;
    }
  }
  const from = field(op, "from", name);
  const ftokens = tokensOf(from);
  const fref = new Ref(from as string);
  if (name === "copy") return primAdd(root, tokens, clone(walk(root, ftokens, ftokens.length, fref)), ref, log);
  // move
  if (ftokens.length === tokens.length && ftokens.every((t, i) => t === tokens[i])) {
    walk(root, ftokens, ftokens.length, fref); // must exist; moving a value onto itself changes nothing
    return root;
  }
  if (ftokens.length < tokens.length && ftokens.every((t, i) => t === tokens[i])) {
    throw InfraError.validation(`cannot move '${from as string}' into its own child '${path as string}'`, { pointer: path, from });
  }
  const value = primRemove(root, ftokens, fref, log);
  return primAdd(root, tokens, value, ref, log);
}

/**
 * Apply the RFC 6902 `patch` to `doc` and return the result. `doc` is untouched unless
 * `{ inPlace: true }`; either way a failing patch changes nothing. Errors: malformed patch,
 * pointer or failed `test` → `InfraError("validation")`; a path naming nothing →
 * `InfraError("not_found")`; message and context name the operation's index and pointer.
 *
 * @example
 * ```ts
 * import { applyPatch } from "@llm-dev-ops/infra/json";
 * applyPatch({ a: [1, 2] }, [
 *   { op: "add", path: "/a/0", value: 0 },
 *   { op: "test", path: "/a/2", value: 2 },
 * ]); // { a: [0, 1, 2] }
 * ```
 */
export function applyPatch(doc: JsonValue, patch: readonly PatchOperation[] | readonly JsonValue[], options?: InPlaceOptions): JsonValue {
  if (!Array.isArray(patch)) {
    throw InfraError.validation(`a JSON Patch must be an array of operations, got ${typeName(patch)}`, { field: "patch" });
  }
  const log: Log | undefined = options?.inPlace === true ? { entries: [], seen: new Set() } : undefined;
  let root: JsonValue = log !== undefined ? doc : clone(doc);
  let i = 0;
  try {
    for (i = 0; i < patch.length; i++) root = applyOne(root, patch[i], log);
  } catch (e) {
    if (log !== undefined) rollback(log);
    if (!(e instanceof InfraError)) throw e;
    const op: unknown = patch[i];
    const name = isPlainObject(op) && typeof op["op"] === "string" ? op["op"] : undefined;
    const path = isPlainObject(op) && typeof op["path"] === "string" ? op["path"] : undefined;
    const what = name !== undefined && path !== undefined ? `${name} '${path}'` : "operation";
    const context: Record<string, unknown> = { ...e.context, index: i };
    if (name !== undefined) context["op"] = name;
    throw new InfraError(e.kind, `patch[${i}] (${what}): ${e.message}`, { context, cause: e });
  }
  return root;
}
