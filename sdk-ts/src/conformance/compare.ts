/** JSON equality as the vector format defines it, and compact key-sorted dumps for failure messages. */
import type { JsonValue } from "../_internal/json-value.js";

/**
 * Exact JSON equality: same keys, same values; `true` never equals `1`.
 *
 * @example
 * ```ts
 * jsonEqual({ a: [1, 2] }, { a: [1, 2] }); // true
 * jsonEqual(true, 1);                      // false
 * ```
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a !== typeof b) return false;
  if (typeof a === "number") return Number.isFinite(a) && a === b;
  if (typeof a === "boolean" || typeof a === "string") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.length !== kb.length) return false;
    const rb = b as Record<string, unknown>;
    const ra = a as Record<string, unknown>;
    return ka.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k], rb[k]));
  }
  return false;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      Object.defineProperty(out, k, { value: sortKeys((value as Record<string, unknown>)[k]), enumerable: true });
    }
    return out;
  }
  return value;
}

/** Compact, key-sorted JSON, cut to `limit` characters. */
export function dumpJson(value: JsonValue | unknown, limit = 600): string {
  let text: string;
  try {
    text = JSON.stringify(sortKeys(value), (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? "undefined";
  } catch (e) {
    text = `<not JSON: ${(e as Error).message}>`;
  }
  return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
}
