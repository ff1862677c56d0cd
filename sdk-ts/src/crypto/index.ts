/**
 * `@llm-dev-ops/infra/crypto` — the same results as Python's `llm_infra.crypto`, on Web standards.
 *
 * This file holds the asymmetric half (Ed25519, Argon2id, password hashing); the symmetric half
 * (SHA-2, BLAKE3, HMAC, AES-GCM, helpers) is exported alongside it.
 *
 * @example
 * ```ts
 * import { Ed25519PrivateKey, hashPassword, verifyPassword } from "@llm-dev-ops/infra/crypto";
 * const key = await Ed25519PrivateKey.fromSeed(new Uint8Array(32));
 * const sig = await key.sign(new TextEncoder().encode("hi"));
 * const phc = await hashPassword("hunter2");
 * await verifyPassword(phc, "hunter2"); // true
 * ```
 * @module
 */
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
