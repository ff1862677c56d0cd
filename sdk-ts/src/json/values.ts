/**
 * JSON values: validation, deep copies, JSON equality, the depth bound and the reserved names —
 * the same rules as Python's `llm_infra.json._values`.
 *
 * Accepted: plain objects (prototype `Object.prototype` or `null`), arrays, strings, finite
 * numbers, booleans and `null`. Everything else (`undefined`, functions, symbols, bigints, `NaN`,
 * `Infinity`, class instances such as `Date` or `Map`, array holes, cycles) is
 * `InfraError("validation")` naming the JSON Pointer of the offending value.
 *
 * Prototype pollution: copies are built with own data properties only (a `"__proto__"` key is
 * defined, never assigned), lookups use `Object.hasOwn`, and the reserved names are refused as
 * navigation steps (pointer tokens, path segments, merge-patch members).
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";

/**
 * Containers nested deeper than this are rejected with `InfraError("validation")` by every
 * function of the module, exactly as in Python. `[]` has depth 1, `[[]]` depth 2.
 *
 * @example
 * ```ts
 * import { MAX_DEPTH } from "@llm-dev-ops/infra/json";
 * MAX_DEPTH; // 256
 * ```
 */
export const MAX_DEPTH = 256;

/**
 * Names that may not be used to navigate a document (pointer tokens, dot-path segments,
 * merge-patch member names): they reach `Object.prototype` in JavaScript. Python rejects them too.
 *
 * @example
 * ```ts
 * import { FORBIDDEN_NAMES } from "@llm-dev-ops/infra/json";
 * FORBIDDEN_NAMES.has("__proto__"); // true
 * ```
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Internal signal of the fast paths; the public function then calls {@link diagnose}. */
export class NotJson extends Error {
  constructor() {
    super("not JSON");
    this.name = "NotJson";
  }
}

/** The JSON name of a value's type. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return isPlainObject(value) ? "object" : ((value as object).constructor?.name ?? "object");
  return typeof value;
}

/** A plain object: what `JSON.parse` makes (prototype `Object.prototype`, or `null`). */
export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Set an own data property: a `"__proto__"` key stays data, the prototype is never touched. */
export function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** One JSON Pointer reference token, escaped (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string): string {
  return token.includes("~") || token.includes("/") ? token.replace(/~/g, "~0").replace(/\//g, "~1") : token;
}

/** Reject a navigation name in {@link FORBIDDEN_NAMES}. */
export function checkName(name: string, what: string, where: string): void {
  if (FORBIDDEN_NAMES.has(name)) {
    throw InfraError.validation(
      `${what} '${name}' in ${where} is not allowed: __proto__, constructor, prototype are reserved names ` +
        "(prototype pollution guard, identical in every runtime)",
      { token: name, path: where },
    );
  }
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const hasIsWellFormed = typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === "function";

/** Whether `s` holds a UTF-16 surrogate that is not part of a pair. */
export function hasLoneSurrogate(s: string): boolean {
  return hasIsWellFormed ? !(s as unknown as { isWellFormed(): boolean }).isWellFormed() : LONE_SURROGATE.test(s);
}

function fail(path: string, problem: string): never {
  throw InfraError.validation(`not a JSON value at ${path === "" ? "(root)" : path}: ${problem}`, { path });
}

/**
 * Throw `InfraError("validation")` for the first thing in `value` JSON cannot carry; with
 * `canonical`, lone surrogates in strings and keys too (RFC 8785).
 */
export function diagnose(value: unknown, canonical = false): void {
  const stack: Array<[unknown, string, number]> = [[value, "", 0]];
  while (stack.length > 0) {
    const [v, path, depth] = stack.pop()!;
    if (v === null || typeof v === "boolean") continue;
    if (typeof v === "string") {
      if (canonical && hasLoneSurrogate(v)) fail(path, "string contains a lone UTF-16 surrogate");
      continue;
    }
    if (typeof v === "number") {
      if (!Number.isFinite(v)) fail(path, `${v} is not a JSON number (NaN and infinities are not allowed)`);
      continue;
    }
    if (Array.isArray(v) || isPlainObject(v)) {
      if (depth >= MAX_DEPTH) {
        throw InfraError.validation(`JSON value nested deeper than ${MAX_DEPTH} levels at ${path === "" ? "(root)" : path}`, {
          path,
          max_depth: MAX_DEPTH,
        });
      }
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) fail(`${path}/${i}`, "array hole (undefined) is not a JSON value");
          stack.push([v[i], `${path}/${i}`, depth + 1]);
        }
      } else {
        for (const k of Object.keys(v)) {
          if (canonical && hasLoneSurrogate(k)) fail(`${path}/${escapeToken(k)}`, "object key contains a lone UTF-16 surrogate");
          stack.push([(v as JsonObject)[k], `${path}/${escapeToken(k)}`, depth + 1]);
        }
      }
      continue;
    }
    fail(path, `${v === undefined ? "undefined" : typeName(v)} is not a JSON type (use objects, arrays, strings, finite numbers, booleans or null)`);
  }
}

/** Deep copy of a JSON value with type and depth checks; throws {@link NotJson} on any problem. */
export function cloneFast(v: unknown, depth = 0): JsonValue {
  if (typeof v !== "object" || v === null) {
    if (typeof v === "string" || typeof v === "boolean" || v === null) return v;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    throw new NotJson();
  }
  if (depth >= MAX_DEPTH) throw new NotJson();
  if (Array.isArray(v)) {
    const n = v.length;
    const out: JsonValue[] = new Array<JsonValue>(n);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      out[i] = typeof x === "string" || typeof x === "boolean" || x === null ? x : cloneFast(x, depth + 1);
    }
    return out;
  }
  if (!isPlainObject(v)) throw new NotJson();
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    const x: unknown = (v as JsonObject)[k];
    const c = typeof x === "string" || typeof x === "boolean" || x === null ? x : cloneFast(x, depth + 1);
    if (k === "__proto__") setOwn(out, k, c);
    else out[k] = c;
  }
  return out;
}

/**
 * A deep copy of `value` that shares nothing with it, after checking it is JSON.
 *
 * @example
 * ```ts
 * import { clone } from "@llm-dev-ops/infra/json";
 * const src = { a: [1, { b: null }] };
 * const dst = clone(src); // equal to src, no shared objects
 * clone({ d: new Date() }); // throws InfraError("validation"): not a JSON value at /d
 * ```
 */
export function clone<T extends JsonValue>(value: T): T;
export function clone(value: unknown): JsonValue;
export function clone(value: unknown): JsonValue {
  try {
    return cloneFast(value);
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    diagnose(value);
    throw InfraError.internal("clone rejected a value that diagnose accepts");
  }
}

/**
 * JSON equality (RFC 6902 `test`): `1 === 1.0`, `true !== 1`, object key order ignored.
 *
 * @example
 * ```ts
 * import { jsonEqual } from "@llm-dev-ops/infra/json";
 * jsonEqual({ a: [1, 2] }, { a: [1.0, 2] }); // true
 * jsonEqual(true, 1);                         // false
 * ```
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return equalAt(a, b, 0);
}

/** {@link jsonEqual} for values at nesting depth `depth`. */
export function equalAt(a: unknown, b: unknown, depth: number): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return a === b;
  if (depth >= MAX_DEPTH) {
    throw InfraError.validation(`JSON value nested deeper than ${MAX_DEPTH} levels`, { max_depth: MAX_DEPTH });
  }
  const aa = Array.isArray(a);
  if (aa !== Array.isArray(b)) return false;
  if (aa) {
    const xa = a as unknown[];
    const xb = b as unknown[];
    if (xa.length !== xb.length) return false;
    for (let i = 0; i < xa.length; i++) {
      const x = xa[i];
      const y = xb[i];
      if (x === y && (typeof x !== "object" || x === null)) continue;
      if (!equalAt(x, y, depth + 1)) return false;
    }
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka) {
    if (!Object.hasOwn(rb, k)) return false;
    const x = ra[k];
    const y = rb[k];
    if (x === y && (typeof x !== "object" || x === null)) continue;
    if (!equalAt(x, y, depth + 1)) return false;
  }
  return true;
}

/** Sort keys in place by UTF-16 code units (RFC 8785 §3.2.3) — JavaScript's default sort order. */
export function sortKeys(keys: string[]): string[] {
  return keys.sort();
}

/** The number of JSON values in `value` (itself included); counting stops at `limit`. */
export function nodesUpto(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    count++;
    if (count >= limit) return count;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (typeof v === "object" && v !== null) {
      for (const k of Object.keys(v)) stack.push((v as JsonObject)[k]);
    }
  }
  return count;
}
