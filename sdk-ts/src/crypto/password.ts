/**
 * Password hashing with Argon2id in PHC string format — `hashPassword` / `verifyPassword` /
 * `needsRehash`, interchangeable with Python's `llm_infra.crypto` (and with argon2-cffi,
 * libsodium and the Argon2 reference implementation):
 *
 * ```
 * $argon2id$v=19$m=19456,t=2,p=1$<salt, base64>$<tag, base64>
 * ```
 *
 * Defaults follow OWASP: `timeCost` 2, `memoryKib` 19456 (19 MiB), `parallelism` 1, a 16-byte
 * random salt and a 32-byte tag. Parsing is strict — only `argon2id`, only `v=19`, parameters
 * exactly `m=…,t=…,p=…` as decimals without sign or leading zeros and within RFC 9106's ranges,
 * salt ≥ 8 bytes, tag ≥ 4 bytes, canonical unpadded standard base64 — and every deviation is
 * `InfraError("validation")` with `field: "phc"`. `verifyPassword` resolves `false` only for a
 * well-formed hash whose password differs, and compares tags in constant time. Hashing runs on
 * `argon2idAsync`, so the event loop keeps turning (≈ 0.25 s per OWASP hash on Node 20).
 *
 * @example
 * ```ts
 * import { hashPassword, verifyPassword, needsRehash } from "@llm-dev-ops/infra/crypto";
 * const phc = await hashPassword("correct horse");
 * await verifyPassword(phc, "correct horse"); // true
 * needsRehash(phc); // false with the defaults
 * ```
 * @module
 */
import { InfraError } from "../errors/index.js";
import { argon2idAsync, MAX_PARALLELISM, MAX_U32, MIN_LENGTH, MIN_SALT_LENGTH } from "./argon2.js";
import { asBytes, asInt, asSecret, equalBytesCt } from "./_asym-inputs.js";

/** OWASP's passes (t). @example `hashPassword(pw, { timeCost: DEFAULT_TIME_COST + 1 })` */
export const DEFAULT_TIME_COST = 2;
/** OWASP's memory in KiB (19 MiB). @example `needsRehash(phc, { memoryKib: DEFAULT_MEMORY_KIB })` */
export const DEFAULT_MEMORY_KIB = 19456;
/** OWASP's lanes (p). @example `needsRehash(phc, { parallelism: DEFAULT_PARALLELISM })` */
export const DEFAULT_PARALLELISM = 1;
/** Tag bytes in a new hash. @example `needsRehash(phc, { length: DEFAULT_LENGTH })` */
export const DEFAULT_LENGTH = 32;
/** Salt bytes in a new hash. @example `needsRehash(phc, { saltLength: DEFAULT_SALT_LENGTH })` */
export const DEFAULT_SALT_LENGTH = 16;

/** Cost parameters of a password hash (all optional: OWASP defaults). */
export interface PasswordHashOptions {
  timeCost?: number;
  memoryKib?: number;
  parallelism?: number;
  length?: number;
  saltLength?: number;
}

/** {@link hashPassword}'s options; `salt` fixes the salt — for tests and vectors only, never reuse one. */
export interface HashPasswordOptions extends PasswordHashOptions {
  salt?: Uint8Array;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const NUM = "(0|[1-9][0-9]{0,9})";
const PHC = new RegExp(`^\\$argon2id\\$v=${NUM}\\$m=${NUM},t=${NUM},p=${NUM}\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$`);

interface Phc {
  memoryKib: number;
  timeCost: number;
  parallelism: number;
  salt: Uint8Array;
  tag: Uint8Array;
}

function bad(reason: string): InfraError {
  return InfraError.validation(`invalid Argon2id PHC string: ${reason}`, { field: "phc" });
}

function b64encode(data: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = data.length - i;
  if (rest === 1) {
    const n = data[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]!;
  }
  return out;
}

function b64decode(text: string, what: string): Uint8Array {
  if (text.length % 4 === 1) throw bad(`${what} is not valid base64`);
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) throw bad(`${what} is not valid base64`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw bad(`${what} is not canonical base64 (unused bits must be zero)`);
  return out;
}

function parse(phc: unknown): Phc {
  if (typeof phc !== "string") throw InfraError.validation(`phc must be a string, got ${phc === null ? "null" : typeof phc}`, { field: "phc" });
  const match = PHC.exec(phc);
  if (match === null) {
    if (!phc.startsWith("$argon2id$")) throw bad("only $argon2id$ hashes are supported");
    throw bad("expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>");
  }
  const [version, m, t, p] = [match[1], match[2], match[3], match[4]].map((g) => Number(g)) as [number, number, number, number];
  if (version !== 19) throw bad(`unsupported version v=${version} (only v=19)`);
  if (p < 1 || p > MAX_PARALLELISM) throw bad(`p must be in [1, ${MAX_PARALLELISM}]`);
  if (m < 8 * p || m > MAX_U32) throw bad(`m must be in [8*p, ${MAX_U32}]`);
  if (t < 1 || t > MAX_U32) throw bad(`t must be in [1, ${MAX_U32}]`);
  const salt = b64decode(match[5]!, "salt");
  const tag = b64decode(match[6]!, "hash");
  if (salt.length < MIN_SALT_LENGTH) throw bad(`salt must be at least ${MIN_SALT_LENGTH} bytes`);
  if (tag.length < MIN_LENGTH) throw bad(`hash must be at least ${MIN_LENGTH} bytes`);
  return { memoryKib: m, timeCost: t, parallelism: p, salt, tag };
}

/**
 * The PHC string of `password` (a string is hashed as UTF-8) under a fresh random salt.
 *
 * @example
 * ```ts
 * import { hashPassword } from "@llm-dev-ops/infra/crypto";
 * const phc = await hashPassword("hunter2"); // "$argon2id$v=19$m=19456,t=2,p=1$…$…"
 * ```
 */
export async function hashPassword(password: string | Uint8Array, options: HashPasswordOptions = {}): Promise<string> {
  const pwd = asSecret(password, "password");
  const timeCost = options.timeCost ?? DEFAULT_TIME_COST;
  const memoryKib = options.memoryKib ?? DEFAULT_MEMORY_KIB;
  const parallelism = options.parallelism ?? DEFAULT_PARALLELISM;
  const length = options.length ?? DEFAULT_LENGTH;
  let salt: Uint8Array;
  if (options.salt === undefined) {
    salt = crypto.getRandomValues(new Uint8Array(asInt(options.saltLength ?? DEFAULT_SALT_LENGTH, "salt_length", MIN_SALT_LENGTH, 1024)));
  } else {
    salt = asBytes(options.salt, "salt");
  }
  const tag = await argon2idAsync(pwd, salt, { timeCost, memoryKib, parallelism, length });
  return `$argon2id$v=19$m=${memoryKib},t=${timeCost},p=${parallelism}$${b64encode(salt)}$${b64encode(tag)}`;
}

/**
 * Whether `password` matches the PHC string; a malformed string throws `InfraError("validation")`.
 *
 * @example
 * ```ts
 * import { verifyPassword } from "@llm-dev-ops/infra/crypto";
 * if (!(await verifyPassword(storedPhc, attempt))) throw new Error("wrong password");
 * ```
 */
export async function verifyPassword(phc: string, password: string | Uint8Array): Promise<boolean> {
  const parsed = parse(phc);
  const pwd = asSecret(password, "password");
  const tag = await argon2idAsync(pwd, parsed.salt, {
    timeCost: parsed.timeCost,
    memoryKib: parsed.memoryKib,
    parallelism: parsed.parallelism,
    length: parsed.tag.length,
  });
  return equalBytesCt(tag, parsed.tag);
}

/**
 * Whether the hash was made with parameters other than these (check after a successful verify).
 *
 * @example
 * ```ts
 * import { needsRehash, hashPassword } from "@llm-dev-ops/infra/crypto";
 * if (needsRehash(storedPhc)) storedPhc = await hashPassword(attempt);
 * ```
 */
export function needsRehash(phc: string, options: PasswordHashOptions = {}): boolean {
  const parsed = parse(phc);
  const wanted = [
    asInt(options.memoryKib ?? DEFAULT_MEMORY_KIB, "memory_kib", 8, MAX_U32),
    asInt(options.timeCost ?? DEFAULT_TIME_COST, "time_cost", 1, MAX_U32),
    asInt(options.parallelism ?? DEFAULT_PARALLELISM, "parallelism", 1, MAX_PARALLELISM),
    asInt(options.length ?? DEFAULT_LENGTH, "length", MIN_LENGTH, MAX_U32),
    asInt(options.saltLength ?? DEFAULT_SALT_LENGTH, "salt_length", MIN_SALT_LENGTH, MAX_U32),
  ];
  const have = [parsed.memoryKib, parsed.timeCost, parsed.parallelism, parsed.tag.length, parsed.salt.length];
  return wanted.some((v, i) => v !== have[i]);
}
