/**
 * JSON Merge Patch (RFC 7396): apply, and create the patch between two documents — the same
 * rules as Python's `merge_patch_apply` / `merge_patch_create`.
 *
 * Object members merge recursively, a `null` member deletes, anything else (arrays included)
 * replaces whole, so `null` inside arrays is kept. **A merge patch cannot set a value to `null`**:
 * `mergePatchCreate` throws `InfraError("validation")` when `to` has a new or changed `null` member.
 * Patch member names are navigation steps: `__proto__`, `constructor`, `prototype` are refused.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import type { InPlaceOptions } from "./pointer.js";
import { checkName, clone, cloneFast, diagnose, equalAt, escapeToken, FORBIDDEN_NAMES, isPlainObject, MAX_DEPTH, NotJson, setOwn, sortKeys } from "./values.js";

function isObj(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function tooDeep(what: string, path: string): InfraError {
  return InfraError.validation(`${what} nested deeper than ${MAX_DEPTH} levels at ${path === "" ? "(root)" : path}`, {
    path,
    max_depth: MAX_DEPTH,
  });
}

/** Merge the validated, owned `patch` into `obj` (owned by the caller); also config's layering. @internal */
export function mergeInto(obj: JsonObject, patch: JsonObject): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k]!;
    if (v === null) {
      if (Object.hasOwn(obj, k)) delete obj[k];
    } else if (isObj(v)) {
      const cur = Object.hasOwn(obj, k) ? obj[k] : undefined;
      if (isObj(cur)) {
        mergeInto(cur, v);
      } else {
        const into: JsonObject = {};
        mergeInto(into, v);
        setOwn(obj, k, into);
      }
    } else {
      setOwn(obj, k, v);
    }
  }
}

/** Reject reserved member names at every level the merge walks (objects inside objects). */
function checkNames(patch: JsonObject, path: string): void {
  for (const k of Object.keys(patch)) {
    if (FORBIDDEN_NAMES.has(k)) checkName(k, "merge patch member", `'${path}/${k}'`);
    const v = patch[k];
    if (isObj(v)) checkNames(v, path + "/" + escapeToken(k));
  }
}

/**
 * The result of applying the RFC 7396 merge `patch` to `target`. Neither is modified unless
 * `{ inPlace: true }` (then an object `target` is merged into directly, and returned). The patch is
 * validated and copied completely first, so a bad patch changes nothing.
 *
 * @example
 * ```ts
 * import { mergePatchApply } from "@llm-dev-ops/infra/json";
 * mergePatchApply({ a: "b", c: { d: "e", f: "g" } }, { a: "z", c: { f: null } }); // { a: "z", c: { d: "e" } }
 * mergePatchApply({ a: [1, 2] }, { a: [null] });                                 // { a: [null] }
 * ```
 */
export function mergePatchApply(target: JsonValue, patch: JsonValue, options?: InPlaceOptions): JsonValue {
  const owned = clone(patch);
  if (!isObj(owned)) return owned;
  checkNames(owned, "");
  const result: JsonObject = options?.inPlace === true && isObj(target) ? target : isObj(target) ? (clone(target) as JsonObject) : {};
  mergeInto(result, owned);
  return result;
}

function nullMember(p: string): InfraError {
  return InfraError.validation(`a merge patch cannot set '${p}' to null (null deletes a member); use a JSON Patch`, { path: p });
}

function create(a: unknown, b: unknown, path: string, depth: number): JsonValue {
  if (!isObj(b)) return cloneFast(b, depth);
  if (depth >= MAX_DEPTH) throw tooDeep("JSON value", path);
  if (!isPlainObject(b)) throw new NotJson();
  if (!isObj(a)) return whole(b, path, depth);
  if (!isPlainObject(a)) throw new NotJson();
  const out: JsonObject = {};
  const keys = Object.keys(a).filter((k) => !Object.hasOwn(b, k));
  keys.push(...Object.keys(b));
  for (const k of sortKeys(keys)) {
    const p = path + "/" + escapeToken(k);
    if (!Object.hasOwn(b, k)) {
      checkName(k, "merge patch member", `'${p}'`);
      setOwn(out, k, null);
      continue;
    }
    const vb = b[k]!;
    const inA = Object.hasOwn(a, k);
    if (inA && equalAt(a[k], vb, depth + 1)) continue;
    if (vb === null) throw nullMember(p);
    checkName(k, "merge patch member", `'${p}'`);
    setOwn(out, k, inA ? create(a[k], vb, p, depth + 1) : wholeValue(vb, p, depth + 1));
  }
  return out;
}

function wholeValue(v: JsonValue, path: string, depth: number): JsonValue {
  return isObj(v) ? whole(v, path, depth) : cloneFast(v, depth);
}

function whole(b: JsonObject, path: string, depth: number): JsonObject {
  if (depth >= MAX_DEPTH) throw tooDeep("JSON value", path);
  if (!isPlainObject(b)) throw new NotJson();
  const out: JsonObject = {};
  for (const k of sortKeys(Object.keys(b))) {
    const p = path + "/" + escapeToken(k);
    const v = b[k]!;
    if (v === null) throw nullMember(p);
    checkName(k, "merge patch member", `'${p}'`);
    setOwn(out, k, wholeValue(v, p, depth + 1));
  }
  return out;
}

/**
 * The merge patch that turns `from` into `to` (`mergePatchApply(from, p)` equals `to`); members
 * in UTF-16 order. Throws `InfraError("validation")` naming the path when `to` has a new or
 * changed `null` member (a merge patch cannot set null) or a reserved member name.
 *
 * @example
 * ```ts
 * import { mergePatchCreate } from "@llm-dev-ops/infra/json";
 * mergePatchCreate({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2, d: 4 }, e: [null] });
 * // { a: null, b: { d: 4 }, e: [null] }
 * ```
 */
export function mergePatchCreate(from: JsonValue, to: JsonValue): JsonValue {
  try {
    return create(from, to, "", 0);
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    diagnose(from);
    diagnose(to);
    throw InfraError.internal("mergePatchCreate rejected values that diagnose accepts");
  }
}
