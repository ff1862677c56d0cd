/**
 * Shared internals of the ID generators: input checks, the pooled CSPRNG, clocks.
 *
 * Each generator owns a pool of {@link POOL_BYTES} bytes filled by `crypto.getRandomValues`
 * and refilled when used up — one call per many IDs. The pool is created on the first ID, never
 * at import time (edge runtimes snapshot module state). An injected random source is called for
 * exactly the bytes each ID needs, in order, and what it returns is checked.
 * @module
 */
import { InfraError } from "../errors/index.js";

/** A clock: integer milliseconds since the Unix epoch. */
export type Clock = () => number;
/** A random source: `random(n)` returns exactly `n` bytes. */
export type RandomSource = (n: number) => Uint8Array;

/** Bytes fetched per refill of a generator's pool. */
export const POOL_BYTES = 4096;
/** The largest 48-bit millisecond timestamp (UUIDv7, ULID). */
export const MAX_48 = 2 ** 48 - 1;
// crypto.getRandomValues fills at most 65536 bytes per call
const GRV_LIMIT = 65536;

/** Two lowercase hex digits per byte value. */
export const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Uint8Array) return "Uint8Array";
  return typeof value;
}

/** `JSON.stringify(value)` cut to `limit` characters, for messages about untrusted input. */
export function preview(value: unknown, limit = 64): string {
  let text: string;
  try {
    text = typeof value === "bigint" ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length <= limit ? text : text.slice(0, limit - 3) + "...";
}

/** Throw `InfraError("validation")` naming `field`. */
export function bad(field: string, message: string, context: Record<string, unknown> = {}): never {
  throw InfraError.validation(`${field}: ${message}`, { field, ...context });
}

/** An integer `number` in `[lo, hi]`, else `InfraError("validation")`. */
export function checkInt(value: unknown, field: string, lo: number, hi: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) bad(field, `must be an integer, got ${typeName(value)}`);
  if (value < lo || value > hi) bad(field, `must be in [${lo}, ${hi}], got ${value}`, { value });
  return value;
}

/** A 48-bit millisecond timestamp. */
export function checkMs(value: unknown, field = "timestamp_ms"): number {
  return checkInt(value, field, 0, MAX_48);
}

export function checkStr(value: unknown, field: string): string {
  if (typeof value !== "string") bad(field, `must be a string, got ${typeName(value)}`);
  return value;
}

/** A `Uint8Array` (of `length` bytes when given). */
export function checkBytes(value: unknown, field: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) bad(field, `must be a Uint8Array, got ${typeName(value)}`);
  if (length !== undefined && value.length !== length) {
    bad(field, `must be ${length} bytes, got ${value.length}`, { length: value.length });
  }
  return value;
}

export function checkClock(clock: unknown): Clock | undefined {
  if (clock !== undefined && typeof clock !== "function") {
    bad("clock", `must be a function returning integer milliseconds, got ${typeName(clock)}`);
  }
  return clock as Clock | undefined;
}

export function checkSource(random: unknown): RandomSource | undefined {
  if (random !== undefined && typeof random !== "function") {
    bad("random", `must be a function random(n) -> Uint8Array, got ${typeName(random)}`);
  }
  return random as RandomSource | undefined;
}

/** Call an injected random source for `n` bytes and check what it returned. */
export function readRandom(source: RandomSource, n: number): Uint8Array {
  const data = source(n);
  if (!(data instanceof Uint8Array) || data.length !== n) {
    const got = data instanceof Uint8Array ? `${data.length} bytes` : typeName(data);
    throw InfraError.validation(`random: the random source must return ${n} bytes, got ${got}`, { field: "random" });
  }
  return data;
}

function fillRandom(buf: Uint8Array): void {
  for (let i = 0; i < buf.length; i += GRV_LIMIT) crypto.getRandomValues(buf.subarray(i, i + GRV_LIMIT));
}

/**
 * Where a generator's random bytes come from: `reserve(n)` returns an offset into `buf` where `n`
 * fresh bytes start (the pool), or calls the injected source and returns 0.
 */
export class RandomPool {
  buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  readonly source: RandomSource | undefined;

  constructor(source: RandomSource | undefined) {
    this.source = source;
  }

  reserve(n: number): number {
    if (this.source !== undefined) {
      this.buf = readRandom(this.source, n);
      return 0;
    }
    let p = this.pos;
    if (p + n > this.buf.length) {
      if (this.buf.length < n || this.buf.length < POOL_BYTES) this.buf = new Uint8Array(Math.max(POOL_BYTES, n));
      fillRandom(this.buf);
      p = 0;
    }
    this.pos = p + n;
    return p;
  }
}
