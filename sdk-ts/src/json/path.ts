/**
 * Dot paths (`"db.replicas.0.host"`): the short way to address configuration values — the same
 * syntax and rules as Python's `path_get` / `path_set`.
 *
 * Segments are separated by `.`; inside a segment `\.` is a literal dot and `\\` a literal
 * backslash (any other backslash is an error); `""` is the whole document; empty segments are
 * errors. On an array a segment must be an index; on an object it is a key. `pathSet` creates
 * missing intermediate *objects* (never arrays), appends when the index equals the array length,
 * and never overwrites a non-container on the way.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { arrayIndex, type InPlaceOptions, Ref, walk } from "./pointer.js";
import { checkName, clone, FORBIDDEN_NAMES, isPlainObject, setOwn, typeName } from "./values.js";

const INDEX = /^(?:0|[1-9][0-9]*)$/;
const CACHE_SIZE = 4096;
const cache = new Map<string, readonly string[]>();

/** Parsed segments of `path` (cached); malformed paths throw `InfraError("validation")`. */
export function pathTokens(path: unknown): readonly string[] {
  if (typeof path !== "string") throw InfraError.validation(`a dot path must be a string, got ${typeName(path)}`, { field: "path" });
  const hit = cache.get(path);
  if (hit !== undefined) return hit;
  const segments = parseUncached(path);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(path, segments);
  return segments;
}

function parseUncached(path: string): readonly string[] {
  if (path === "") return Object.freeze([]);
  let segments: string[];
  if (!path.includes("\\")) {
    segments = path.split(".");
  } else {
    segments = [];
    let cur = "";
    for (let i = 0; i < path.length; i++) {
      const c = path[i]!;
      if (c === "\\") {
        const next = path[i + 1];
        if (next !== "." && next !== "\\") {
          throw InfraError.validation(`path '${path}': '\\' at offset ${i} must be followed by '.' or '\\'`, { path, offset: i });
        }
        cur += next;
        i++;
      } else if (c === ".") {
        segments.push(cur);
        cur = "";
      } else {
        cur += c;
      }
    }
    segments.push(cur);
  }
  segments.forEach((s, i) => {
    if (s === "") {
      throw InfraError.validation(
        `path '${path}': segment ${i} is empty (no leading, trailing or doubled dots; use a JSON Pointer for an empty key)`,
        { path, segment: i },
      );
    }
    if (FORBIDDEN_NAMES.has(s)) checkName(s, "path segment", `'${path}'`);
  });
  return Object.freeze(segments);
}

/**
 * The segments of a dot path, unescaped.
 *
 * @example
 * ```ts
 * import { pathParse } from "@llm-dev-ops/infra/json";
 * pathParse("a.b\\.c.0"); // ["a", "b.c", "0"]
 * ```
 */
export function pathParse(path: string): string[] {
  return [...pathTokens(path)];
}

/**
 * The dot path for `segments` (`\` → `\\`, `.` → `\.`); empty segments are an error.
 *
 * @example
 * ```ts
 * import { pathFormat } from "@llm-dev-ops/infra/json";
 * pathFormat(["a", "b.c", "0"]); // "a.b\\.c.0"
 * ```
 */
export function pathFormat(segments: readonly string[]): string {
  if (!Array.isArray(segments)) {
    throw InfraError.validation(`path segments must be a list of strings, got ${typeName(segments)}`, { field: "segments" });
  }
  return segments
    .map((s: unknown, i) => {
      if (typeof s !== "string") throw InfraError.validation(`path segment ${i} must be a string, got ${typeName(s)}`, { field: `segments[${i}]` });
      if (s === "") {
        throw InfraError.validation(`path segment ${i} is empty: a dot path cannot name an empty key (use a JSON Pointer)`, {
          field: `segments[${i}]`,
        });
      }
      checkName(s, "path segment", `segments[${i}]`);
      return s.replace(/\\/g, "\\\\").replace(/\./g, "\\.");
    })
    .join(".");
}

/**
 * The value at dot path `path` in `doc` (a reference, not a copy); `fallback` (when passed) if
 * nothing is there, else `InfraError("not_found")`. A malformed path throws `InfraError("validation")`.
 *
 * @example
 * ```ts
 * import { pathGet } from "@llm-dev-ops/infra/json";
 * const cfg = { db: { hosts: ["a", "b"], "pool.size": 5 } };
 * pathGet(cfg, "db.hosts.1");          // "b"
 * pathGet(cfg, "db.pool\\.size");      // 5
 * pathGet(cfg, "db.port", 5432);       // 5432
 * ```
 */
export function pathGet(doc: JsonValue, path: string): JsonValue;
export function pathGet<T>(doc: JsonValue, path: string, fallback: T): JsonValue | T;
export function pathGet(doc: JsonValue, path: string, ...fallback: unknown[]): unknown {
  const tokens = pathTokens(path);
  try {
    return walk(doc, tokens, tokens.length, new Ref(path, "path"));
  } catch (e) {
    if (fallback.length > 0 && e instanceof InfraError && e.kind === "not_found") return fallback[0];
    throw e;
  }
}

/**
 * Set the value at `path`, creating missing intermediate objects; returns the new document
 * (`doc` is untouched unless `{ inPlace: true }`). `value` is copied.
 *
 * @example
 * ```ts
 * import { pathSet } from "@llm-dev-ops/infra/json";
 * pathSet({}, "db.port", 5432);          // { db: { port: 5432 } }
 * pathSet({ tags: ["a"] }, "tags.1", "b"); // { tags: ["a", "b"] }
 * ```
 */
export function pathSet(doc: JsonValue, path: string, value: JsonValue, options?: InPlaceOptions): JsonValue {
  const tokens = pathTokens(path);
  const owned = clone(value);
  if (tokens.length === 0) return owned;
  const ref = new Ref(path, "path");
  const root = options?.inPlace === true ? doc : clone(doc);
  let node: JsonValue = root;
  const last = tokens.length - 1;
  for (let i = 0; i <= last; i++) {
    const t = tokens[i]!;
    if (Array.isArray(node)) {
      if (i === last && INDEX.test(t) && Number(t) === node.length) {
        node.push(owned);
      } else {
        const idx = arrayIndex(t, node.length, ref, tokens, i, false);
        if (i === last) node[idx] = owned;
        else node = node[idx]!;
      }
    } else if (isPlainObject(node) || (typeof node === "object" && node !== null)) {
      const obj = node as JsonObject;
      if (i === last) {
        setOwn(obj, t, owned);
      } else if (Object.hasOwn(obj, t)) {
        node = obj[t]!;
      } else {
        // Build the missing branch first and attach it last, so a failure leaves no trace.
        const branch: JsonObject = {};
        let tip = branch;
        for (const t2 of tokens.slice(i + 1, last)) {
          const next: JsonObject = {};
          setOwn(tip, t2, next);
          tip = next;
        }
        setOwn(tip, tokens[last]!, owned);
        setOwn(obj, t, branch);
        break;
      }
    } else {
      throw ref.error(
        "validation",
        `cannot set '${t}' inside the ${typeName(node)} at ${ref.prefix(tokens, i)} (pathSet never overwrites a non-container on the way)`,
        { token: t },
      );
    }
  }
  return root;
}
