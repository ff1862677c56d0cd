/**
 * Cryptography for `@llm-dev-ops/infra`, byte-identical to Python's `llm_infra.crypto`.
 *
 * - Hashing: {@link sha256}, {@link sha384}, {@link sha512}, {@link digest} (Web Crypto, async),
 *   streaming {@link Hasher}; BLAKE3 {@link blake3Hash}, {@link blake3KeyedHash}, {@link blake3DeriveKey}
 *   (`@noble/hashes`, any output length).
 * - MACs: {@link hmacDigest}, {@link hmacVerify} (constant-time) with SHA-256/384/512.
 * - AEAD: {@link AESGCM} (`encrypt(nonce, data, associatedData)` / `decrypt`, any nonce length),
 *   {@link seal} / {@link open} (random 96-bit nonce, `nonce ‖ ciphertext ‖ tag`).
 * - JWT (HS256/384/512, EdDSA): {@link jwtSign}, {@link jwtVerify} (explicit allow-list, typed keys,
 *   canonical JSON: the same token bytes as Python), {@link jwtDecodeUnverified}.
 * - Helpers: {@link randomBytes}, {@link b64urlEncode} / {@link b64urlDecode} (no padding),
 *   {@link hexEncode} / {@link hexDecode}, {@link constantTimeEqual}.
 *
 * Bad arguments throw `InfraError`: `validation` for a wrong type or option, `crypto` for unusable
 * keys, nonces or tags and for failed authentication, `serialization` for bad text.
 *
 * @example
 * ```ts
 * import { AESGCM, blake3Hash, b64urlEncode, open, seal } from "@llm-dev-ops/infra/crypto";
 * b64urlEncode(blake3Hash(new TextEncoder().encode("hello"), 6)); // "6o8WPbOG"
 * const key = AESGCM.generateKey(256);
 * await open(key, await seal(key, new TextEncoder().encode("secret")));
 * ```
 * @module
 */
// one line per primitive module (merge-friendly: add yours below)
export { AESGCM, KEY_SIZES, NONCE_MEMORY, SEAL_NONCE_LEN, open, seal } from "./aes-gcm.js";
export { b64urlDecode, b64urlEncode, constantTimeEqual, hexDecode, hexEncode } from "./encoding.js";
export {
  HASH_ALGORITHMS,
  Hasher,
  blake3DeriveKey,
  blake3Hash,
  blake3KeyedHash,
  digest,
  sha256,
  sha384,
  sha512,
  type HashAlgorithm,
  type HasherOptions,
} from "./hash.js";
export { HMAC_ALGORITHMS, hmacDigest, hmacVerify, type HmacAlgorithm } from "./hmac.js";
export { randomBytes } from "./random.js";
export { MAX_OUTPUT_LEN } from "./checks.js";
// --- asymmetric half: Ed25519, Argon2id, password hashing (branch crypto-asym) ----------------
export {
  _setEd25519Backend,
  Ed25519PrivateKey,
  Ed25519PublicKey,
  ed25519Backend,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  PUBLIC_KEY_SIZE,
  SEED_SIZE,
  SIGNATURE_SIZE,
  type Ed25519Backend,
} from "./ed25519.js";
export { argon2id, argon2idAsync, type Argon2idOptions } from "./argon2.js";
export {
  DEFAULT_LENGTH,
  DEFAULT_MEMORY_KIB,
  DEFAULT_PARALLELISM,
  DEFAULT_SALT_LENGTH,
  DEFAULT_TIME_COST,
  hashPassword,
  needsRehash,
  verifyPassword,
  type HashPasswordOptions,
  type PasswordHashOptions,
} from "./password.js";
// --- end of the asymmetric half -------------------------------------------------------------------
// --- JWT: HS256/384/512 and EdDSA compact tokens (branch jwt) -------------------------------------
export {
  JWT_ALGORITHMS,
  MAX_TOKEN_LENGTH,
  jwtDecodeUnverified,
  jwtSign,
  jwtVerify,
  type DecodedJwt,
  type JwtAlgorithm,
  type JwtSignOptions,
  type JwtVerifyOptions,
} from "./jwt.js";
// --- end of JWT -----------------------------------------------------------------------------------
