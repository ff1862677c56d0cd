/**
 * Argument checks shared by Ed25519, Argon2id and password hashing: bad input is
 * `InfraError("validation")` naming the field, as in Python's `llm_infra.crypto._asym_inputs`.
 * @internal
 * @module
 */
import { InfraError } from "../errors/index.js";

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? ((value as object).constructor?.name ?? "object") : typeof value;
}

/** `value` if it is a `Uint8Array`, else `InfraError("validation")`. */
export function asBytes(value: unknown, field: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw InfraError.validation(`${field} must be a Uint8Array, got ${typeName(value)}`, { field });
}

/** Like {@link asBytes}, but a string is encoded as UTF-8 (a lone surrogate is rejected, as in Python). */
export function asSecret(value: unknown, field: string): Uint8Array {
  if (typeof value === "string") {
    if (!isWellFormed(value)) throw InfraError.validation(`${field} is not valid Unicode (lone surrogate)`, { field });
    return new TextEncoder().encode(value);
  }
  return asBytes(value, field);
}

function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** `value` as an integer in `[lo, hi]`, else `InfraError("validation")`. */
export function asInt(value: unknown, field: string, lo: number, hi: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw InfraError.validation(`${field} must be an integer, got ${typeName(value)}`, { field });
  }
  if (value < lo || value > hi) {
    throw InfraError.validation(`${field} must be in [${lo}, ${hi}], got ${value}`, { field, value });
  }
  return value;
}

/** Little-endian bytes → bigint. */
export function leToBigint(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

/** Constant-time equality of two byte strings (the lengths are not secret). */
export function equalBytesCt(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** `a ‖ b ‖ …` as one new array. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
