/**
 * Canonical JSON (RFC 8785, JCS): `JSON.stringify` with every object's keys sorted by UTF-16
 * code units — byte-identical to Python's `canonicalize`. Numbers are ECMAScript
 * Number::toString (`1e+21`, `1e-7`, `-0` → `0`); NaN, infinities, lone surrogates and
 * non-JSON values are `InfraError("validation")` naming the path.
 * @module
 */
import { InfraError } from "../errors/index.js";
import { diagnose, hasLoneSurrogate, isPlainObject, MAX_DEPTH, NotJson } from "./values.js";

function encode(v: unknown, depth: number, out: string[]): void {
  switch (typeof v) {
    case "string":
      if (hasLoneSurrogate(v)) throw new NotJson();
      out.push(JSON.stringify(v));
      return;
    case "number":
      if (!Number.isFinite(v)) throw new NotJson();
      out.push(JSON.stringify(v));
      return;
    case "boolean":
      out.push(v ? "true" : "false");
      return;
    case "object":
      break;
    default:
      throw new NotJson();
  }
  if (v === null) {
    out.push("null");
    return;
  }
  if (depth >= MAX_DEPTH) throw new NotJson();
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push("[]");
      return;
    }
    out.push("[");
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(",");
      encode(v[i], depth + 1, out);
    }
    out.push("]");
    return;
  }
  if (!isPlainObject(v)) throw new NotJson();
  const keys = Object.keys(v).sort();
  if (keys.length === 0) {
    out.push("{}");
    return;
  }
  let sep = "{";
  for (const k of keys) {
    if (hasLoneSurrogate(k)) throw new NotJson();
    out.push(sep, JSON.stringify(k), ":");
    sep = ",";
    encode((v as Record<string, unknown>)[k], depth + 1, out);
  }
  out.push("}");
}

/**
 * The RFC 8785 canonical JSON text of `value`.
 *
 * @example
 * ```ts
 * import { canonicalize } from "@llm-dev-ops/infra/json";
 * canonicalize({ b: [1.0, 2.5e-7, true], a: "€\n", c: null });
 * // '{"a":"€\\n","b":[1,2.5e-7,true],"c":null}'
 * ```
 */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  try {
    encode(value, 0, out);
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    diagnose(value, true);
    throw InfraError.internal("canonicalize rejected a value that diagnose accepts");
  }
  return out.join("");
}

const encoder = new TextEncoder();

/**
 * {@link canonicalize} encoded as UTF-8: the bytes to hash or sign.
 *
 * @example
 * ```ts
 * import { canonicalBytes } from "@llm-dev-ops/infra/json";
 * canonicalBytes({ "€": 1 }); // Uint8Array [123, 34, 226, 130, 172, 34, 58, 49, 125]
 * ```
 */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalize(value));
}

/**
 * ECMAScript Number::toString of a finite number — the number form RFC 8785 uses (here it is
 * the engine's own; Python re-implements it).
 *
 * @example
 * ```ts
 * import { formatNumber } from "@llm-dev-ops/infra/json";
 * [1.0, -0, 1e21, 1e-7, 0.000001, 5e-324].map(formatNumber); // ["1", "0", "1e+21", "1e-7", "0.000001", "5e-324"]
 * ```
 */
export function formatNumber(x: number): string {
  if (typeof x !== "number") throw InfraError.validation(`formatNumber needs a number, got ${typeof x}`, { field: "x" });
  if (!Number.isFinite(x)) throw InfraError.validation(`${x} has no JSON representation (not a finite double)`, { field: "x" });
  return JSON.stringify(x);
}
