/**
 * Argument checks shared by the crypto modules: every bad argument becomes an `InfraError` naming it.
 * Types are `validation` errors; sizes of cryptographic material (keys, nonces, tags) are `crypto`
 * errors — the same split as Python's `llm_infra.crypto`.
 * @internal
 * @module
 */
import { InfraError } from "../errors/index.js";

/**
 * Inputs shorter than this are hashed / MACed with `@noble/hashes` rather than Web Crypto: a Web
 * Crypto call costs a thread hop (and, for HMAC, a key import) that exceeds hashing a few KiB in
 * JavaScript (measured crossover: 8-16 KiB on Node 20). The bytes are the same either way.
 */
export const WEBCRYPTO_MIN_BYTES = 8192;

/** The largest output a caller may request at once (BLAKE3 XOF length, random bytes): 16 MiB. */
export const MAX_OUTPUT_LEN = 1 << 24;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}

/** `value` must be a `Uint8Array` (subclasses included). */
export function bytesArg(value: unknown, field: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw InfraError.validation(`${field} must be a Uint8Array, got ${typeName(value)}`, { field });
}

/** `undefined`/`null` mean empty bytes (optional associated data). */
export function optBytesArg(value: unknown, field: string): Uint8Array {
  return value === undefined || value === null ? new Uint8Array(0) : bytesArg(value, field);
}

export function strArg(value: unknown, field: string): string {
  if (typeof value !== "string") throw InfraError.validation(`${field} must be a string, got ${typeName(value)}`, { field });
  return value;
}

/** An integer in `[minimum, maximum]`. */
export function lengthArg(value: unknown, field = "length", minimum = 0, maximum = MAX_OUTPUT_LEN): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw InfraError.validation(`${field} must be an integer, got ${typeName(value)}`, { field });
  }
  if (value < minimum || value > maximum) {
    throw InfraError.validation(`${field} must be between ${minimum} and ${maximum}, got ${value}`, { field, value });
  }
  return value;
}

/** Concatenate byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** The Web Crypto `SubtleCrypto` of this runtime, or `undefined` (e.g. a browser page over plain http). */
export function subtle(): SubtleCrypto | undefined {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  return c?.subtle;
}

/** `bytes` as a Web Crypto `BufferSource`: as is over an `ArrayBuffer`, copied if it views a `SharedArrayBuffer`. */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
