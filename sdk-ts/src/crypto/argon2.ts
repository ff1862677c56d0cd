/**
 * Argon2id (RFC 9106, version 0x13) as a raw key-derivation function, with optional secret and
 * associated data — the same bytes as Python's `llm_infra.crypto.argon2id`, computed by
 * `@noble/hashes/argon2.js` (WebCrypto has no Argon2).
 *
 * Parameters are checked before any work, with the same ranges and `InfraError("validation")`
 * fields as Python: `timeCost` 1..2^32-1, `memoryKib` 8·parallelism..2^32-1 (rounded down to a
 * multiple of 4·parallelism by the algorithm), `parallelism` 1..2^24-1, `length` 4..2^32-1,
 * `salt` 8..2^32-1 bytes; a memory size the runtime cannot allocate is `InfraError("crypto")`.
 * For password storage use {@link hashPassword} (PHC strings, random salts, OWASP defaults).
 *
 * `argon2id` blocks the thread for the whole computation (OWASP parameters: ≈ 0.25 s on Node 20);
 * `argon2idAsync` yields to the event loop every few milliseconds.
 *
 * @example
 * ```ts
 * import { argon2id } from "@llm-dev-ops/infra/crypto";
 * const te = new TextEncoder();
 * argon2id(te.encode("password"), te.encode("somesalt"), { timeCost: 1, memoryKib: 8, parallelism: 1, length: 8 });
 * // e755ed69be270f28 as bytes
 * ```
 * @module
 */
import { argon2id as nobleArgon2id, argon2idAsync as nobleArgon2idAsync } from "@noble/hashes/argon2.js";
import { InfraError } from "../errors/index.js";
import { asBytes, asInt } from "./_asym-inputs.js";

/** Largest time cost, memory, tag and input length (RFC 9106 §3.1). */
export const MAX_U32 = 2 ** 32 - 1;
/** Largest number of lanes. */
export const MAX_PARALLELISM = 2 ** 24 - 1;
/** Shortest salt in bytes. */
export const MIN_SALT_LENGTH = 8;
/** Shortest tag in bytes. */
export const MIN_LENGTH = 4;

/** Argon2id cost parameters and optional inputs. */
export interface Argon2idOptions {
  /** Passes over memory (t), 1..2^32-1. */
  timeCost: number;
  /** Memory in KiB (m), 8·parallelism..2^32-1. */
  memoryKib: number;
  /** Lanes (p), 1..2^24-1. */
  parallelism: number;
  /** Tag length in bytes (T), 4..2^32-1. */
  length: number;
  /** Argon2's optional secret key K (a pepper); default empty. */
  secret?: Uint8Array;
  /** Argon2's optional associated data X; default empty. */
  ad?: Uint8Array;
}

interface Checked {
  password: Uint8Array;
  salt: Uint8Array;
  opts: { t: number; m: number; p: number; dkLen: number; key: Uint8Array; personalization: Uint8Array; maxmem: number };
}

function lengthChecked(value: unknown, field: string, minimum = 0): Uint8Array {
  const data = asBytes(value, field);
  if (data.length < minimum || data.length > MAX_U32) {
    throw InfraError.validation(`${field} must be ${minimum}..${MAX_U32} bytes, got ${data.length}`, { field, length: data.length });
  }
  return data;
}

function check(password: unknown, salt: unknown, options: Argon2idOptions): Checked {
  const pwd = lengthChecked(password, "password");
  const s = lengthChecked(salt, "salt", MIN_SALT_LENGTH);
  const o = (options ?? {}) as Partial<Argon2idOptions>;
  const key = lengthChecked(o.secret ?? new Uint8Array(0), "secret");
  const ad = lengthChecked(o.ad ?? new Uint8Array(0), "ad");
  const t = asInt(o.timeCost, "time_cost", 1, MAX_U32);
  const p = asInt(o.parallelism, "parallelism", 1, MAX_PARALLELISM);
  const m = asInt(o.memoryKib, "memory_kib", 8 * p, MAX_U32);
  const dkLen = asInt(o.length, "length", MIN_LENGTH, MAX_U32);
  // noble refuses to allocate more than `maxmem` bytes (and at most 2^32 - 1): ask for what m needs.
  const maxmem = Math.min(Math.floor(m / (4 * p)) * 4 * p * 1024, MAX_U32);
  return { password: pwd, salt: s, opts: { t, m, p, dkLen, key, personalization: ad, maxmem } };
}

function failed(error: unknown, m: number): InfraError {
  if (error instanceof InfraError) return error;
  return InfraError.crypto(`cannot compute Argon2id with ${m} KiB: ${error instanceof Error ? error.message : String(error)}`, {
    field: "memory_kib",
    value: m,
  }, { cause: error });
}

/**
 * The `length`-byte Argon2id tag of `password` (synchronous: blocks until done).
 *
 * @example
 * ```ts
 * import { argon2id } from "@llm-dev-ops/infra/crypto";
 * const key = argon2id(password, salt, { timeCost: 2, memoryKib: 19456, parallelism: 1, length: 32 });
 * ```
 */
export function argon2id(password: Uint8Array, salt: Uint8Array, options: Argon2idOptions): Uint8Array {
  const c = check(password, salt, options);
  try {
    return nobleArgon2id(c.password, c.salt, c.opts);
  } catch (error) {
    throw failed(error, c.opts.m);
  }
}

/**
 * Like {@link argon2id}, but yields to the event loop while it works (same bytes).
 *
 * @example
 * ```ts
 * import { argon2idAsync } from "@llm-dev-ops/infra/crypto";
 * const tag = await argon2idAsync(password, salt, { timeCost: 2, memoryKib: 19456, parallelism: 1, length: 32 });
 * ```
 */
export async function argon2idAsync(password: Uint8Array, salt: Uint8Array, options: Argon2idOptions): Promise<Uint8Array> {
  const c = check(password, salt, options);
  try {
    return await nobleArgon2idAsync(c.password, c.salt, c.opts);
  } catch (error) {
    throw failed(error, c.opts.m);
  }
}
