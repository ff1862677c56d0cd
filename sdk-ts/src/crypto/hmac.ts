/**
 * HMAC-SHA-256/384/512 (RFC 2104) with a constant-time verify.
 *
 * Web Crypto computes it (async) for messages from 8 KiB up; shorter ones, and the empty key (which
 * Web Crypto refuses), go to `@noble/hashes`, which is faster there (Web Crypto imports the key on
 * every call). Keys of any length are accepted, as RFC 2104 allows. Protocols that demand a minimum key
 * length (JWT: RFC 7518 §3.2) check it themselves. Same bytes as Python's `llm_infra.crypto`.
 *
 * @example
 * ```ts
 * import { hmacDigest, hmacVerify } from "@llm-dev-ops/infra/crypto";
 * const mac = await hmacDigest("sha256", key, message);
 * await hmacVerify("sha256", key, message, mac); // true
 * ```
 * @module
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2.js";
import { InfraError } from "../errors/index.js";
import { WEBCRYPTO_MIN_BYTES, bufferSource, bytesArg, subtle } from "./checks.js";
import { constantTimeEqual } from "./encoding.js";

/** The hash functions HMAC is offered with. */
export type HmacAlgorithm = "sha256" | "sha384" | "sha512";
export const HMAC_ALGORITHMS: readonly HmacAlgorithm[] = Object.freeze(["sha256", "sha384", "sha512"]);
const WEBCRYPTO_NAME = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" } as const;
const NOBLE = { sha256, sha384, sha512 } as const;

function algArg(alg: unknown): HmacAlgorithm {
  if (typeof alg !== "string" || !(HMAC_ALGORITHMS as readonly string[]).includes(alg)) {
    throw InfraError.validation(`alg must be one of ${HMAC_ALGORITHMS.join(", ")}; got ${JSON.stringify(alg)}`, {
      field: "alg",
      value: String(alg),
    });
  }
  return alg as HmacAlgorithm;
}

/**
 * HMAC of `data` under `key` with SHA-256, SHA-384 or SHA-512.
 * @example
 * ```ts
 * const mac = await hmacDigest("sha512", key, data); // 64 bytes
 * ```
 */
export async function hmacDigest(alg: HmacAlgorithm, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const a = algArg(alg);
  const k = bytesArg(key, "key");
  const d = bytesArg(data, "data");
  const s = subtle();
  if (s === undefined || k.length === 0 || d.length < WEBCRYPTO_MIN_BYTES) return hmac(NOBLE[a], k, d);
  const ck = await s.importKey("raw", bufferSource(k), { name: "HMAC", hash: WEBCRYPTO_NAME[a] }, false, ["sign"]);
  return new Uint8Array(await s.sign("HMAC", ck, bufferSource(d)));
}

/**
 * Whether `mac` is the HMAC of `data` under `key`, compared in constant time; a `mac` of the
 * wrong length (a truncated MAC, say) is simply `false`.
 * @example
 * ```ts
 * if (!(await hmacVerify("sha256", key, body, signature))) throw new Error("bad signature");
 * ```
 */
export async function hmacVerify(alg: HmacAlgorithm, key: Uint8Array, data: Uint8Array, mac: Uint8Array): Promise<boolean> {
  const expected = await hmacDigest(alg, key, data);
  return constantTimeEqual(expected, bytesArg(mac, "mac"));
}
