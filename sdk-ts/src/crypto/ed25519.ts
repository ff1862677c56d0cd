/**
 * Ed25519 signatures (RFC 8032): keys from a 32-byte seed, deterministic signing, strict verification —
 * byte-for-byte and verdict-for-verdict the same as Python's `llm_infra.crypto`.
 *
 * Runs on WebCrypto's `Ed25519` where the runtime has it (Node ≥ 20, Chromium, Firefox, Safari,
 * workerd, Deno, Bun; checked once against RFC 8032's TEST 1), else on `@noble/curves`.
 *
 * **Verification rules** (strict RFC 8032 §5.1.7, *cofactorless*; identical to libsodium's and to Python):
 * 1. the public key is 32 bytes and the signature 64 bytes — anything else is invalid (`false`);
 * 2. S < L: S ≥ L (including the malleable S + L) is invalid;
 * 3. A and R are canonical (y < p) and A decodes to a curve point;
 * 4. A and R are not of small order (order 1, 2, 4 or 8, in any encoding);
 * 5. encode([S]B − [k]A) must equal the bytes of R, with k = SHA-512(R ‖ A ‖ M) mod L.
 *
 * Rules 1–4 are checked here, on the bytes, before WebCrypto is called, because runtimes differ in
 * those corners (OpenSSL, behind Node's WebCrypto, accepts small-order keys, for one). The
 * `@noble/curves` path computes rule 5 itself (noble's own `verify` is cofactored). Every runtime's
 * WebCrypto known to us (OpenSSL, BoringSSL) verifies cofactorlessly, as rule 5 demands; the
 * conformance vectors include mixed-order cases that prove it per runtime.
 *
 * A seed or key of the wrong length given to a constructor, or a non-`Uint8Array` argument, is
 * `InfraError("validation")`; `verify` never throws for a bad signature, `verifyOrThrow` throws
 * `InfraError("crypto")`.
 *
 * @example
 * ```ts
 * import { Ed25519PrivateKey, ed25519Verify } from "@llm-dev-ops/infra/crypto";
 * const key = await Ed25519PrivateKey.fromSeed(new Uint8Array(32));
 * const sig = await key.sign(new TextEncoder().encode("hello"));
 * await key.publicKey.verify(sig, new TextEncoder().encode("hello")); // true
 * await ed25519Verify(key.publicKey.publicBytes(), new TextEncoder().encode("hellO"), sig); // false
 * ```
 * @module
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sha512 } from "@noble/hashes/sha2.js";
import { InfraError } from "../errors/index.js";
import { asBytes, concat, equalBytesCt, leToBigint } from "./_asym-inputs.js";

/** Bytes in an Ed25519 seed (RFC 8032's private key). @example `new Uint8Array(SEED_SIZE)` */
export const SEED_SIZE = 32;
/** Bytes in an encoded public key. @example `publicKey.length === PUBLIC_KEY_SIZE` */
export const PUBLIC_KEY_SIZE = 32;
/** Bytes in a signature R ‖ S. @example `signature.length === SIGNATURE_SIZE` */
export const SIGNATURE_SIZE = 64;

const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** y-coordinates of the 8 small-order points (libsodium's blocklist, taken mod p). */
const SMALL_ORDER_Y = new Set<bigint>([
  0n,
  1n,
  P - 1n,
  0x05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826n,
  0x7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7n,
]);
const PKCS8_PREFIX = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
const ALG = { name: "Ed25519" } as const;

/** Which implementation signs and verifies. */
export type Ed25519Backend = "webcrypto" | "noble";

let forced: Ed25519Backend | "auto" = "auto";
let detected: Promise<Ed25519Backend> | undefined;
let resolved: Ed25519Backend | undefined;

function ab(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

async function detect(): Promise<Ed25519Backend> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return "noble";
  try {
    // RFC 8032 §7.1 TEST 1: the runtime must produce exactly this signature of the empty message.
    const seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const key = await subtle.importKey("pkcs8", ab(concat(PKCS8_PREFIX, seed)), ALG, false, ["sign"]);
    const sig = new Uint8Array(await subtle.sign(ALG, key, new Uint8Array(0)));
    const want = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    return toHex(sig) === want ? "webcrypto" : "noble";
  } catch {
    return "noble";
  }
}

function hex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function toHex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

/**
 * The implementation in use: `"webcrypto"` when the runtime's WebCrypto has Ed25519, else `"noble"`.
 *
 * @example
 * ```ts
 * import { ed25519Backend } from "@llm-dev-ops/infra/crypto";
 * await ed25519Backend(); // "webcrypto" on Node 20+
 * ```
 */
export async function ed25519Backend(): Promise<Ed25519Backend> {
  if (forced !== "auto") return forced;
  detected ??= detect().then((b) => (resolved = b));
  return detected;
}

/** The backend without waiting, once known (saves a promise turn on every call). */
function knownBackend(): Ed25519Backend | undefined {
  return forced !== "auto" ? forced : resolved;
}

/**
 * Force an implementation (`"auto"` restores detection) — for tests and benchmarks that must cover
 * both paths; the answers are the same either way.
 * @internal
 * @example
 * ```ts
 * import { _setEd25519Backend } from "@llm-dev-ops/infra/crypto";
 * _setEd25519Backend("noble"); // … run the checks … then
 * _setEd25519Backend("auto");
 * ```
 */
export function _setEd25519Backend(mode: Ed25519Backend | "auto"): void {
  forced = mode;
}

function seedOf(value: unknown): Uint8Array {
  const seed = asBytes(value, "seed");
  if (seed.length !== SEED_SIZE) {
    throw InfraError.validation(`seed must be ${SEED_SIZE} bytes, got ${seed.length}`, { field: "seed", length: seed.length });
  }
  return seed;
}

const L_BYTES = leBytes(L);
const SMALL_ORDER_ENCODINGS = [...SMALL_ORDER_Y].map(leBytes);

function leBytes(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** S < L, comparing little-endian bytes from the most significant end (no bigint on the hot path). */
function scalarCanonical(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    if (s[i]! !== L_BYTES[i]!) return s[i]! < L_BYTES[i]!;
  }
  return false;
}

/** y < p and y not the y of a small-order point (the sign bit is ignored). */
function pointEncodingOk(enc: Uint8Array): boolean {
  // y >= p = 2^255 - 19 exactly when bytes 1..30 are 0xff, byte 31 (sign masked) is 0x7f and byte 0 >= 0xed
  let ones = (enc[31]! & 0x7f) === 0x7f;
  for (let i = 30; ones && i >= 1; i--) ones = enc[i] === 0xff;
  if (ones && enc[0]! >= 0xed) return false;
  for (const bad of SMALL_ORDER_ENCODINGS) {
    let same = (enc[31]! & 0x7f) === bad[31];
    for (let i = 0; same && i < 31; i++) same = enc[i] === bad[i];
    if (same) return false;
  }
  return true;
}

/** Rules 1–4 of the module documentation, on the bytes alone. */
function strictEncodingsOk(publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== PUBLIC_KEY_SIZE || signature.length !== SIGNATURE_SIZE) return false;
  return scalarCanonical(signature.subarray(32)) && pointEncodingOk(publicKey) && pointEncodingOk(signature.subarray(0, 32));
}

type NoblePoint = ReturnType<typeof ed25519.Point.fromBytes>;

/** Rule 5 with @noble/curves' point arithmetic: cofactorless, R compared as bytes. */
function nobleVerify(point: NoblePoint, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const r = signature.subarray(0, 32);
  const s = leToBigint(signature.subarray(32));
  const k = leToBigint(sha512(concat(r, publicKey, message))) % L;
  const check = ed25519.Point.BASE.multiplyUnsafe(s).subtract(point.multiplyUnsafe(k));
  return equalBytesCt(check.toBytes(), r);
}

function decodePoint(publicKey: Uint8Array): NoblePoint | null {
  try {
    return ed25519.Point.fromBytes(publicKey, false);
  } catch {
    return null;
  }
}

/**
 * A 32-byte Ed25519 public key; verification follows the module's strict, cofactorless rules.
 *
 * @example
 * ```ts
 * import { Ed25519PublicKey } from "@llm-dev-ops/infra/crypto";
 * const key = Ed25519PublicKey.fromBytes(publicKeyBytes);
 * if (!(await key.verify(signature, message))) throw new Error("bad signature");
 * ```
 */
export class Ed25519PublicKey {
  readonly #bytes: Uint8Array;
  #cryptoKey: CryptoKey | null | undefined;
  #point: NoblePoint | null | undefined;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** The key encoded by `publicKey` (32 bytes, else `InfraError("validation")`). */
  static fromBytes(publicKey: Uint8Array): Ed25519PublicKey {
    const bytes = asBytes(publicKey, "public_key");
    if (bytes.length !== PUBLIC_KEY_SIZE) {
      throw InfraError.validation(`public_key must be ${PUBLIC_KEY_SIZE} bytes, got ${bytes.length}`, { field: "public_key", length: bytes.length });
    }
    return new Ed25519PublicKey(new Uint8Array(bytes));
  }

  /** The 32-byte encoding (a copy). */
  publicBytes(): Uint8Array {
    return new Uint8Array(this.#bytes);
  }

  /** `true` only for a valid signature of `message` by this key; never throws for a bad one. */
  async verify(signature: Uint8Array, message: Uint8Array): Promise<boolean> {
    const sig = asBytes(signature, "signature");
    const msg = asBytes(message, "message");
    if (!strictEncodingsOk(this.#bytes, sig)) return false;
    if ((knownBackend() ?? (await ed25519Backend())) === "noble") {
      if (this.#point === undefined) this.#point = decodePoint(this.#bytes);
      return this.#point !== null && nobleVerify(this.#point, this.#bytes, msg, sig);
    }
    if (this.#cryptoKey === undefined) {
      this.#cryptoKey = await crypto.subtle.importKey("raw", ab(this.#bytes), ALG, false, ["verify"]).catch(() => null);
    }
    if (this.#cryptoKey === null) return false;
    try {
      return await crypto.subtle.verify(ALG, this.#cryptoKey, ab(sig), ab(msg));
    } catch {
      return false;
    }
  }

  /** Like {@link Ed25519PublicKey.verify}, but an invalid signature throws `InfraError("crypto")`. */
  async verifyOrThrow(signature: Uint8Array, message: Uint8Array): Promise<void> {
    if (!(await this.verify(signature, message))) throw InfraError.crypto("invalid Ed25519 signature", { field: "signature" });
  }

  /** Whether `other` is the same key. */
  equals(other: Ed25519PublicKey): boolean {
    return toHex(other.#bytes) === toHex(this.#bytes);
  }
}

/**
 * An Ed25519 signing key built from its 32-byte seed (RFC 8032's "private key").
 *
 * @example
 * ```ts
 * import { Ed25519PrivateKey } from "@llm-dev-ops/infra/crypto";
 * const key = await Ed25519PrivateKey.generate();
 * const signature = await key.sign(new TextEncoder().encode("payload"));
 * key.publicKey.publicBytes(); // 32 bytes to publish
 * ```
 */
export class Ed25519PrivateKey {
  readonly #seed: Uint8Array;
  /** The matching public key. */
  readonly publicKey: Ed25519PublicKey;
  #cryptoKey: CryptoKey | undefined;

  private constructor(seed: Uint8Array, publicKey: Uint8Array) {
    this.#seed = seed;
    this.publicKey = Ed25519PublicKey.fromBytes(publicKey);
  }

  /** The key of a 32-byte seed (else `InfraError("validation")`). */
  static async fromSeed(seed: Uint8Array): Promise<Ed25519PrivateKey> {
    const s = new Uint8Array(seedOf(seed));
    return new Ed25519PrivateKey(s, await derivePublic(s));
  }

  /** A new key from 32 bytes of `crypto.getRandomValues`. */
  static async generate(): Promise<Ed25519PrivateKey> {
    return Ed25519PrivateKey.fromSeed(crypto.getRandomValues(new Uint8Array(SEED_SIZE)));
  }

  /** The 32-byte seed (a copy). Keep it secret. */
  privateBytes(): Uint8Array {
    return new Uint8Array(this.#seed);
  }

  /** The deterministic 64-byte signature R ‖ S of `message`. */
  async sign(message: Uint8Array): Promise<Uint8Array> {
    const msg = asBytes(message, "message");
    if ((knownBackend() ?? (await ed25519Backend())) === "noble") return ed25519.sign(msg, this.#seed);
    this.#cryptoKey ??= await importSigningKey(this.#seed);
    return new Uint8Array(await crypto.subtle.sign(ALG, this.#cryptoKey, ab(msg)));
  }

  /** Never prints the seed. */
  toString(): string {
    return "Ed25519PrivateKey(<secret>)";
  }
}

function importSigningKey(seed: Uint8Array, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", ab(concat(PKCS8_PREFIX, seed)), ALG, extractable, ["sign"]);
}

async function derivePublic(seed: Uint8Array): Promise<Uint8Array> {
  if ((await ed25519Backend()) === "noble") return ed25519.getPublicKey(seed);
  const jwk = await crypto.subtle.exportKey("jwk", await importSigningKey(seed, true));
  return base64UrlDecode(jwk.x ?? "");
}

function base64UrlDecode(text: string): Uint8Array {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw InfraError.internal("WebCrypto returned a malformed JWK");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return new Uint8Array(out);
}

/**
 * The 32-byte public key of a 32-byte seed.
 *
 * @example
 * ```ts
 * import { ed25519PublicKey } from "@llm-dev-ops/infra/crypto";
 * await ed25519PublicKey(new Uint8Array(32)); // 3b6a27bc…
 * ```
 */
export async function ed25519PublicKey(seed: Uint8Array): Promise<Uint8Array> {
  return derivePublic(seedOf(seed));
}

/**
 * The 64-byte signature of `message` by the key of `seed` (imports the key on every call; keep an
 * {@link Ed25519PrivateKey} to sign many messages).
 *
 * @example
 * ```ts
 * import { ed25519Sign } from "@llm-dev-ops/infra/crypto";
 * const sig = await ed25519Sign(seed, new TextEncoder().encode("payload"));
 * ```
 */
export async function ed25519Sign(seed: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const s = seedOf(seed);
  const msg = asBytes(message, "message");
  if ((await ed25519Backend()) === "noble") return ed25519.sign(msg, s);
  return new Uint8Array(await crypto.subtle.sign(ALG, await importSigningKey(s), ab(msg)));
}

/**
 * `true` only for a valid signature; a malformed key or a signature of any wrong length is `false`.
 *
 * @example
 * ```ts
 * import { ed25519Verify } from "@llm-dev-ops/infra/crypto";
 * if (!(await ed25519Verify(publicKey, message, signature))) throw new Error("bad signature");
 * ```
 */
export async function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const pub = asBytes(publicKey, "public_key");
  const msg = asBytes(message, "message");
  const sig = asBytes(signature, "signature");
  if (!strictEncodingsOk(pub, sig)) return false;
  if ((knownBackend() ?? (await ed25519Backend())) === "noble") {
    const point = decodePoint(pub);
    return point !== null && nobleVerify(point, pub, msg, sig);
  }
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey("raw", ab(pub), ALG, false, ["verify"]);
    return await crypto.subtle.verify(ALG, key, ab(sig), ab(msg));
  } catch {
    return false;
  }
}
