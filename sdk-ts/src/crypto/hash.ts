/**
 * Hashing: SHA-256/384/512 and BLAKE3 (hash, keyed hash, key derivation, any output length, streaming).
 *
 * One-shot SHA-2 goes through Web Crypto (`crypto.subtle.digest`, hence async) from 8 KiB up and
 * `@noble/hashes` below (a Web Crypto call costs more than hashing that much in JavaScript);
 * streaming SHA-2 and all of BLAKE3 use `@noble/hashes` (synchronous, audited, pure JS). The bytes
 * equal Python's `llm_infra.crypto` — the conformance vectors prove it in every runtime.
 *
 * @example
 * ```ts
 * import { Hasher, blake3Hash, sha256 } from "@llm-dev-ops/infra/crypto";
 * const d = await sha256(new TextEncoder().encode("abc"));
 * const x = blake3Hash(new TextEncoder().encode("abc"), 64);      // 64 bytes of XOF output
 * const s = new Hasher("blake3").update(part1).update(part2).digest();
 * ```
 * @module
 */
import { blake3 } from "@noble/hashes/blake3.js";
import { sha256 as nobleSha256, sha384 as nobleSha384, sha512 as nobleSha512 } from "@noble/hashes/sha2.js";
import { InfraError } from "../errors/index.js";
import { WEBCRYPTO_MIN_BYTES, bufferSource, bytesArg, lengthArg, strArg, subtle } from "./checks.js";

/** The algorithms of {@link digest} and {@link Hasher}. */
export type HashAlgorithm = "sha256" | "sha384" | "sha512" | "blake3";
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = Object.freeze(["sha256", "sha384", "sha512", "blake3"]);
const WEBCRYPTO_NAME = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" } as const;
const NOBLE_SHA2 = { sha256: nobleSha256, sha384: nobleSha384, sha512: nobleSha512 } as const;
const BLAKE3_KEY_LEN = 32;

function algArg(alg: unknown): HashAlgorithm {
  if (typeof alg !== "string" || !(HASH_ALGORITHMS as readonly string[]).includes(alg)) {
    throw InfraError.validation(`alg must be one of ${HASH_ALGORITHMS.join(", ")}; got ${JSON.stringify(alg)}`, {
      field: "alg",
      value: String(alg),
    });
  }
  return alg as HashAlgorithm;
}

function blake3Key(key: unknown): Uint8Array {
  const k = bytesArg(key, "key");
  if (k.length !== BLAKE3_KEY_LEN) {
    throw InfraError.crypto(`a BLAKE3 key must be 32 bytes, got ${k.length}`, { field: "key", length: k.length });
  }
  return k;
}

const utf8 = new TextEncoder();

async function sha2(name: "sha256" | "sha384" | "sha512", data: unknown): Promise<Uint8Array> {
  const bytes = bytesArg(data, "data");
  const s = subtle();
  if (s === undefined || bytes.length < WEBCRYPTO_MIN_BYTES) return NOBLE_SHA2[name](bytes);
  return new Uint8Array(await s.digest(WEBCRYPTO_NAME[name], bufferSource(bytes)));
}

/**
 * SHA-256 (FIPS 180-4) of `data`.
 * @example
 * ```ts
 * await sha256(new Uint8Array(0)); // e3b0c442...
 * ```
 */
export function sha256(data: Uint8Array): Promise<Uint8Array> {
  return sha2("sha256", data);
}

/**
 * SHA-384 (FIPS 180-4) of `data`.
 * @example
 * ```ts
 * await sha384(new TextEncoder().encode("abc"));
 * ```
 */
export function sha384(data: Uint8Array): Promise<Uint8Array> {
  return sha2("sha384", data);
}

/**
 * SHA-512 (FIPS 180-4) of `data`.
 * @example
 * ```ts
 * await sha512(new TextEncoder().encode("abc"));
 * ```
 */
export function sha512(data: Uint8Array): Promise<Uint8Array> {
  return sha2("sha512", data);
}

/**
 * BLAKE3 of `data`, `length` bytes long (0 .. 16 MiB; 32 is the standard digest).
 * @example
 * ```ts
 * blake3Hash(new TextEncoder().encode("abc")).length; // 32
 * ```
 */
export function blake3Hash(data: Uint8Array, length = 32): Uint8Array {
  const d = bytesArg(data, "data");
  // the standard length skips noble's options object: the hot path of short messages
  return length === 32 ? blake3(d) : blake3(d, { dkLen: lengthArg(length) });
}

/**
 * BLAKE3 in keyed-hash mode (a MAC / PRF) under a 32-byte `key`.
 * @example
 * ```ts
 * const tag = blake3KeyedHash(key32, message);
 * ```
 */
export function blake3KeyedHash(key: Uint8Array, data: Uint8Array, length = 32): Uint8Array {
  const k = blake3Key(key);
  return blake3(bytesArg(data, "data"), { key: k, dkLen: lengthArg(length) });
}

/**
 * BLAKE3 key derivation: a key for `context` (a hard-coded, globally unique string) from `keyMaterial`.
 * @example
 * ```ts
 * const k = blake3DeriveKey("example.com 2026-01-01 session tokens", masterSecret);
 * ```
 */
export function blake3DeriveKey(context: string, keyMaterial: Uint8Array, length = 32): Uint8Array {
  const ctx = utf8.encode(strArg(context, "context"));
  return blake3(bytesArg(keyMaterial, "key_material"), { context: ctx, dkLen: lengthArg(length) });
}

/**
 * The `alg` digest of `data`; `length` (BLAKE3 only) asks for extended output.
 * @example
 * ```ts
 * await digest("sha384", data);
 * await digest("blake3", data, { length: 64 });
 * ```
 */
export async function digest(alg: HashAlgorithm, data: Uint8Array, opts: { length?: number } = {}): Promise<Uint8Array> {
  const a = algArg(alg);
  if (a === "blake3") return blake3Hash(data, opts.length ?? 32);
  if (opts.length !== undefined) throw InfraError.validation(`length applies to blake3 only, not ${a}`, { field: "length" });
  return sha2(a, data);
}

/** Options of {@link Hasher} (BLAKE3 only): keyed-hash mode or key-derivation mode. */
export interface HasherOptions {
  /** A 32-byte key: BLAKE3 keyed hash. */
  key?: Uint8Array;
  /** A context string: BLAKE3 key derivation (the data is the key material). */
  deriveKeyContext?: string;
}

interface NobleHash {
  update(data: Uint8Array): unknown;
  digest(): Uint8Array;
  clone(): NobleHash;
}

/**
 * A streaming hash: `update()` any number of times (it returns the hasher), then `digest()`.
 *
 * `digest` does not end the stream: more data may follow, and `copy()` forks it. For `blake3`,
 * `digest(length)` gives any output length.
 * @example
 * ```ts
 * const h = new Hasher("sha256");
 * h.update(a).update(b);
 * const d = h.digest();
 * const x = new Hasher("blake3", { key }).update(msg).digest(64);
 * ```
 */
export class Hasher {
  readonly alg: HashAlgorithm;
  #state: NobleHash;

  constructor(alg: HashAlgorithm, opts: HasherOptions = {}) {
    this.alg = algArg(alg);
    const { key, deriveKeyContext } = opts;
    if (this.alg !== "blake3") {
      if (key !== undefined || deriveKeyContext !== undefined) {
        throw InfraError.validation("key and deriveKeyContext apply to blake3 only", {
          field: key !== undefined ? "key" : "derive_key_context",
        });
      }
      this.#state = NOBLE_SHA2[this.alg].create() as unknown as NobleHash;
      return;
    }
    if (key !== undefined && deriveKeyContext !== undefined) {
      throw InfraError.validation("give key or deriveKeyContext, not both", { field: "key" });
    }
    if (key !== undefined) this.#state = blake3.create({ key: blake3Key(key) }) as unknown as NobleHash;
    else if (deriveKeyContext !== undefined) {
      const context = utf8.encode(strArg(deriveKeyContext, "derive_key_context"));
      this.#state = blake3.create({ context }) as unknown as NobleHash;
    } else this.#state = blake3.create({}) as unknown as NobleHash;
  }

  /** Absorb `data`; returns this hasher. */
  update(data: Uint8Array): this {
    this.#state.update(bytesArg(data, "data"));
    return this;
  }

  /** The digest so far; `length` (BLAKE3 only, default 32) asks for extended output. */
  digest(length?: number): Uint8Array {
    if (this.alg === "blake3") {
      const n = length === undefined ? 32 : lengthArg(length);
      return (this.#state.clone() as unknown as { xof(n: number): Uint8Array }).xof(n);
    }
    if (length !== undefined) throw InfraError.validation(`length applies to blake3 only, not ${this.alg}`, { field: "length" });
    return this.#state.clone().digest();
  }

  /** The digest as lowercase hex. */
  hexDigest(length?: number): string {
    let s = "";
    for (const b of this.digest(length)) s += b.toString(16).padStart(2, "0");
    return s;
  }

  /** An independent copy of this hasher's state. */
  copy(): Hasher {
    const other = new Hasher(this.alg);
    other.#state = this.#state.clone();
    return other;
  }
}
