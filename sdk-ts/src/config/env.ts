/**
 * The environment source: `PREFIX` + names joined by a separator → nested keys; values coerced
 * from strict JSON when they parse (else kept as strings) — exactly as Python's `llm_infra.config`.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { FORBIDDEN_NAMES, parse } from "../json/index.js";
import { asciiLower, isPlainObject, quote, unsafeIntegerLiteral } from "./text.js";

const STARTS = new Set('-0123456789tfn"[{ \t\r\n');

/**
 * The JSON value of `raw` when it is strict JSON text (and exact in every runtime), else `raw`.
 *
 * @example
 * ```ts
 * import { coerceEnvValue } from "@llm-dev-ops/infra/config";
 * coerceEnvValue("8080"); // 8080
 * coerceEnvValue("NaN");  // "NaN"
 * ```
 */
export function coerceEnvValue(raw: string): JsonValue {
  if (raw === "" || !STARTS.has(raw[0] as string)) return raw;
  let value: JsonValue;
  try {
    value = parse(raw);
  } catch (e) {
    if (e instanceof InfraError) return raw;
    throw e;
  }
  if (unsafeIntegerLiteral(raw) !== null) return raw;
  // "-0" is the integer 0 (as Python reads it); "-0.0" stays the double -0, as in Python.
  return Object.is(value, -0) && !/[.eE]/.test(raw) ? 0 : value;
}

function utf16Compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The config object the variables of `vars` that start with `prefix` describe. */
export function envDocument(vars: Readonly<Record<string, string>>, prefix: string, separator: string): JsonObject {
  if (typeof prefix !== "string") throw InfraError.config(`env prefix must be a string, got ${typeof prefix}`, { field: "prefix" });
  if (typeof separator !== "string" || separator === "") throw InfraError.config("env separator must be a non-empty string", { field: "separator" });
  const names = Object.keys(vars).filter((n) => n.startsWith(prefix)).sort(utf16Compare);
  const doc: JsonObject = {};
  for (const name of names) {
    const raw = vars[name];
    if (typeof raw !== "string") {
      throw InfraError.config(`environment variable ${quote(name)}: the value must be a string, got ${raw === null ? "NoneType" : typeof raw}`, { variable: name });
    }
    const segments = name.slice(prefix.length).split(separator).map(asciiLower);
    if (segments.includes("")) {
      throw InfraError.config(
        `environment variable ${quote(name)}: empty name segment after prefix ${quote(prefix)} and separator ${quote(separator)}`,
        { variable: name },
      );
    }
    for (const s of segments) {
      if (FORBIDDEN_NAMES.has(s)) throw InfraError.config(`environment variable ${quote(name)}: the name segment ${quote(s)} is not allowed`, { variable: name });
    }
    let node = doc;
    for (const s of segments.slice(0, -1)) {
      let next = Object.hasOwn(node, s) ? node[s] : undefined;
      if (!isPlainObject(next)) {
        next = {};
        node[s] = next;
      }
      node = next as JsonObject;
    }
    node[segments[segments.length - 1] as string] = coerceEnvValue(raw);
  }
  return doc;
}
