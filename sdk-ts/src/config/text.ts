/** Shared helpers: quoting, type names and value formatting identical to Python's `llm_infra.config._text`. */
import type { JsonValue } from "../_internal/json-value.js";
import { canonicalize } from "../json/index.js";

/** Integers beyond this magnitude are refused (Python holds them exactly, JavaScript cannot). */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** What a secret value is replaced with. */
export const REDACTED = "***";

export function quote(text: string): string {
  return JSON.stringify(text);
}

export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text;
}

export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value;
}

export function fmtValue(value: unknown): string {
  try {
    return canonicalize(value as JsonValue);
  } catch {
    return String(value);
  }
}

export function fmtPath(segments: readonly string[]): string {
  return segments.length ? segments.map((s) => s.replaceAll("\\", "\\\\").replaceAll(".", "\\.")).join(".") : "(root)";
}

const STRINGS = /"(?:[^"\\]|\\.)*"/g;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;

/** The first integer literal (no fraction, no exponent) beyond ±(2^53 − 1) in JSON `text`, or `null` (as Python decides it). */
export function unsafeIntegerLiteral(text: string): string | null {
  if (!/[0-9]{16}/.test(text)) return null;
  for (const m of text.replace(STRINGS, '""').matchAll(NUMBER)) {
    if (m[1] === undefined && m[2] === undefined && BigInt(m[0]) > BigInt(MAX_SAFE) || (m[1] === undefined && m[2] === undefined && -BigInt(m[0]) > BigInt(MAX_SAFE))) return m[0];
  }
  return null;
}

export function isPlainObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
