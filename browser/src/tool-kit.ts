/**
 * Small helpers the playground tools share on the TypeScript side; `llm_infra_page_kit.py` is their
 * Python twin, with the same messages, so both sides fail on a bad field with the same error.
 *
 * @example
 * ```ts
 * import { bytesOfHex, hexOf, isoOfMs } from "../src/tool-kit.js";
 * hexOf(bytesOfHex("0B 0b", "key")); // "0b0b"
 * isoOfMs(0);                         // "1970-01-01T00:00:00.000Z"
 * ```
 * @module
 */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { InfraError } from "@llm-dev-ops/infra/errors";

const encoder = new TextEncoder();

/** The bytes of hex text (whitespace ignored, any case); else `InfraError(validation)` naming `field`. */
export function bytesOfHex(text: JsonValue | undefined, field: string): Uint8Array {
  if (typeof text !== "string") throw InfraError.validation(`${field} must be hex text`, { field });
  const s = text.replace(/\s+/g, "");
  const at = s.search(/[^0-9a-fA-F]/);
  if (at >= 0) throw InfraError.validation(`${field} is not hex: character ${JSON.stringify(s[at])} at index ${at}`, { field });
  if (s.length % 2) throw InfraError.validation(`${field} is not hex: odd length ${s.length}`, { field });
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Lowercase hex of `bytes`. */
export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** UTF-8 of text (a lone surrogate becomes U+FFFD, as `TextEncoder` does). */
export function utf8(text: JsonValue | undefined): Uint8Array {
  return encoder.encode(String(text ?? ""));
}

/** Text as typed (`text`) or the bytes of hex (`hex`), per the tool's encoding select. */
export function bytesOf(text: JsonValue | undefined, encoding: JsonValue | undefined, field: string): Uint8Array {
  return encoding === "hex" ? bytesOfHex(text, field) : utf8(text);
}

/** Integer Unix milliseconds as ISO 8601 UTC with milliseconds (`toISOString`; ±YYYYYY outside 0000–9999). */
export function isoOfMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** A text field's value, or `undefined` when it is empty (an optional input). */
export function optional(text: JsonValue | undefined): string | undefined {
  const s = String(text ?? "").trim();
  return s === "" ? undefined : s;
}

/** A whole number field in [lo, hi]; else `InfraError(validation)` naming `field`. */
export function integer(value: JsonValue | undefined, field: string, lo: number, hi: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi) {
    throw InfraError.validation(`${field} must be a whole number from ${lo} to ${hi}, got ${JSON.stringify(value ?? null)}`, { field });
  }
  return value;
}

/** A JSON object field; else `InfraError(validation)` naming `field`. */
export function object(value: JsonValue | undefined, field: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw InfraError.validation(`${field} must be a JSON object`, { field });
  return value;
}

/**
 * A JSON document typed into a field, parsed by the library's strict parser (`parse`: duplicate keys,
 * NaN and lone surrogates are errors); its error is prefixed with the field's name.
 */
export function documentOf(text: JsonValue | undefined, field: string, parse: (text: string) => JsonValue): JsonValue {
  try {
    return parse(String(text ?? ""));
  } catch (e) {
    if (!(e instanceof InfraError)) throw e;
    throw new InfraError(e.kind, `${field}: ${e.message}`, { context: { field, ...e.context } });
  }
}
