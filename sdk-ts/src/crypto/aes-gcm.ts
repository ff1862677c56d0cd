/**
 * AES-GCM: the low-level {@link AESGCM} (shaped like Python's `cryptography` AESGCM) and the
 * high-level {@link seal} / {@link open}. Async, because Web Crypto is.
 *
 * - `new AESGCM(key)` with a 16-, 24- or 32-byte key; `encrypt(nonce, data, associatedData)`
 *   returns `ciphertext ‖ tag` (16-byte tag); `decrypt` returns the plaintext or throws
 *   `InfraError("crypto")` — never a partial plaintext. Any nonce of at least one byte works.
 * - Engines: Web Crypto for the key sizes and nonce lengths this runtime's Web Crypto accepts
 *   (probed once per pair: Node 20 accepts 12..128-byte nonces, Chromium every nonce length but no
 *   192-bit keys); `@noble/ciphers`' GCM for the others with nonces of 8 bytes or more; below 8 bytes (which noble's GCM refuses) GCM is composed from noble's AES-ECB,
 *   AES-CTR and GHASH exactly as NIST SP 800-38D defines it. All give the same bytes as Python.
 * - Nonce-reuse guard: an object remembers the last {@link NONCE_MEMORY} nonces it encrypted with
 *   and refuses to encrypt with one again. It cannot see reuse across objects or processes.
 * - `seal(key, plaintext, aad)` draws a random 96-bit nonce and returns `nonce ‖ ciphertext ‖ tag`,
 *   the format Python's `seal` produces; `open` reverses it.
 *
 * @example
 * ```ts
 * import { AESGCM, open, seal } from "@llm-dev-ops/infra/crypto";
 * const key = AESGCM.generateKey(256);
 * const box = new AESGCM(key);
 * const ct = await box.encrypt(nonce12, plaintext, header);
 * const pt = await box.decrypt(nonce12, ct, header);
 * const sealed = await seal(key, plaintext);
 * await open(key, sealed); // plaintext
 * ```
 * @module
 */
import { ctr, ecb, gcm } from "@noble/ciphers/aes.js";
import { ghash } from "@noble/ciphers/_polyval.js";
import { InfraError } from "../errors/index.js";
import { bufferSource, bytesArg, concat, optBytesArg, subtle } from "./checks.js";
import { constantTimeEqual, hexEncode } from "./encoding.js";
import { randomBytes } from "./random.js";

/** The AES key sizes in bytes. */
export const KEY_SIZES: readonly number[] = Object.freeze([16, 24, 32]);
/** How many of its most recent encryption nonces one `AESGCM` object remembers. */
export const NONCE_MEMORY = 4096;
/** `seal` nonces: 96 bits, the size GCM is designed around. */
export const SEAL_NONCE_LEN = 12;
const TAG_LEN = 16;
/** SP 800-38D §5.2.1.1: at most 2^39 - 256 bits of plaintext per invocation. */
const MAX_PLAINTEXT = 2 ** 36 - 32;

function keyArg(key: unknown): Uint8Array {
  const k = bytesArg(key, "key");
  if (!KEY_SIZES.includes(k.length)) {
    throw InfraError.crypto(`an AES-GCM key must be 16, 24 or 32 bytes, got ${k.length}`, { field: "key", length: k.length });
  }
  return k;
}

function nonceArg(nonce: unknown): Uint8Array {
  const n = bytesArg(nonce, "nonce");
  if (n.length === 0) throw InfraError.crypto("an AES-GCM nonce must be at least 1 byte (12 recommended)", { field: "nonce", length: 0 });
  return n;
}

function tagMismatch(): InfraError {
  return InfraError.crypto("AES-GCM authentication failed: the tag does not match", { field: "ciphertext" });
}

function tooShort(length: number): InfraError {
  return InfraError.crypto("AES-GCM ciphertext is shorter than its 16-byte tag", { field: "ciphertext", length });
}

// -- which key sizes and nonce lengths this runtime's Web Crypto accepts (probed lazily, once per
// pair: Chromium refuses 192-bit keys, Node refuses nonces outside 12..128 bytes) ------------------

const webcryptoProbes = new Map<string, Promise<boolean>>();
const webcryptoAccepts = new Map<string, boolean>(); // the settled probes: no await on the hot path

function webcryptoSupports(s: SubtleCrypto, keyLength: number, nonceLength: number): boolean | Promise<boolean> {
  const id = `${keyLength}:${nonceLength}`;
  const settled = webcryptoAccepts.get(id);
  if (settled !== undefined) return settled;
  let probe = webcryptoProbes.get(id);
  if (probe === undefined) {
    probe = s
      .importKey("raw", new Uint8Array(keyLength), "AES-GCM", false, ["encrypt"])
      .then((k) => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(nonceLength) }, k, new Uint8Array(0)))
      .then(() => true, () => false)
      .then((ok) => {
        webcryptoAccepts.set(id, ok);
        return ok;
      });
    webcryptoProbes.set(id, probe);
  }
  return probe;
}

// -- GCM composed from noble's primitives, for nonces shorter than 8 bytes --------------------------

function lengthsBlock(a: number, b: number): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setBigUint64(0, BigInt(a) * 8n);
  v.setBigUint64(8, BigInt(b) * 8n);
  return out;
}

function aesBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return ecb(key, { disablePadding: true }).encrypt(block);
}

/** CTR with GCM's inc32: only the low 32 bits of the counter block count, wrapping modulo 2^32. */
function ctr32(key: Uint8Array, j0: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  const counter = j0.slice();
  const view = new DataView(counter.buffer);
  view.setUint32(12, (view.getUint32(12) + 1) >>> 0);
  let off = 0;
  while (off < data.length) {
    const untilWrap = (2 ** 32 - view.getUint32(12)) * 16;
    const take = Math.min(data.length - off, untilWrap);
    out.set(ctr(key, counter.slice()).encrypt(data.subarray(off, off + take)), off);
    off += take;
    view.setUint32(12, 0);
  }
  return out;
}

function shortNonceGcm(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, aad: Uint8Array, decrypt: boolean): Uint8Array {
  const h = aesBlock(key, new Uint8Array(16));
  const j0 = ghash.create(h).update(nonce).update(lengthsBlock(0, nonce.length)).digest();
  const mask = aesBlock(key, j0);
  const tagOf = (ciphertext: Uint8Array): Uint8Array => {
    const s = ghash.create(h).update(aad).update(ciphertext).update(lengthsBlock(aad.length, ciphertext.length)).digest();
    for (let i = 0; i < 16; i++) s[i]! ^= mask[i]!;
    return s;
  };
  if (!decrypt) {
    const ciphertext = ctr32(key, j0, data);
    return concat(ciphertext, tagOf(ciphertext));
  }
  const ciphertext = data.subarray(0, data.length - TAG_LEN);
  if (!constantTimeEqual(tagOf(ciphertext), data.subarray(data.length - TAG_LEN))) throw tagMismatch();
  return ctr32(key, j0, ciphertext);
}

// -- the public API ------------------------------------------------------------------------------

/**
 * AES-GCM under one key (16, 24 or 32 bytes), 16-byte tags, any nonce length >= 1.
 * @example
 * ```ts
 * const box = new AESGCM(key);
 * const ct = await box.encrypt(nonce, new TextEncoder().encode("hello"), aad);
 * ```
 */
export class AESGCM {
  readonly #key: Uint8Array;
  #cryptoKey: Promise<CryptoKey> | undefined;
  #cryptoKeyReady: CryptoKey | undefined;
  readonly #used = new Set<string>(); // the remembered nonces (hex) ...
  readonly #ring: string[] = []; // ... in a ring, oldest at #next once full
  #next = 0;

  constructor(key: Uint8Array) {
    this.#key = keyArg(key).slice();
  }

  /**
   * A fresh random key of 128, 192 or 256 bits.
   * @example
   * ```ts
   * const key = AESGCM.generateKey(); // 32 bytes
   * ```
   */
  static generateKey(bitLength = 256): Uint8Array {
    if (bitLength !== 128 && bitLength !== 192 && bitLength !== 256) {
      throw InfraError.validation(`bit_length must be 128, 192 or 256, got ${String(bitLength)}`, { field: "bit_length" });
    }
    return randomBytes(bitLength / 8);
  }

  #webcryptoKey(s: SubtleCrypto): CryptoKey | Promise<CryptoKey> {
    if (this.#cryptoKeyReady !== undefined) return this.#cryptoKeyReady;
    this.#cryptoKey ??= s.importKey("raw", bufferSource(this.#key), "AES-GCM", false, ["encrypt", "decrypt"]).then((k) => {
      this.#cryptoKeyReady = k;
      return k;
    });
    return this.#cryptoKey;
  }

  /**
   * `ciphertext ‖ tag` of `data`; refuses a nonce this object encrypted with recently.
   * @example
   * ```ts
   * const ct = await box.encrypt(nonce, data, aad);
   * ```
   */
  async encrypt(nonce: Uint8Array, data: Uint8Array, associatedData?: Uint8Array | null): Promise<Uint8Array> {
    const n = nonceArg(nonce);
    const d = bytesArg(data, "data");
    const aad = optBytesArg(associatedData, "associated_data");
    if (d.length > MAX_PLAINTEXT) throw InfraError.crypto("AES-GCM plaintext exceeds 2^36 - 32 bytes", { field: "data", length: d.length });
    const id = hexEncode(n);
    if (this.#used.has(id)) throw InfraError.crypto("AES-GCM nonce reuse: this object already encrypted with this nonce", { field: "nonce" });
    this.#used.add(id);
    if (this.#ring.length < NONCE_MEMORY) this.#ring.push(id);
    else {
      this.#used.delete(this.#ring[this.#next]!);
      this.#ring[this.#next] = id;
      this.#next = (this.#next + 1) % NONCE_MEMORY;
    }
    return this.#run(n, d, aad, false);
  }

  /**
   * The plaintext of `data` (`ciphertext ‖ tag`), or `InfraError("crypto")` if it is not authentic.
   * @example
   * ```ts
   * const pt = await box.decrypt(nonce, ct, aad);
   * ```
   */
  async decrypt(nonce: Uint8Array, data: Uint8Array, associatedData?: Uint8Array | null): Promise<Uint8Array> {
    const n = nonceArg(nonce);
    const d = bytesArg(data, "data");
    const aad = optBytesArg(associatedData, "associated_data");
    if (d.length < TAG_LEN) throw tooShort(d.length);
    return this.#run(n, d, aad, true);
  }

  async #run(nonce: Uint8Array, data: Uint8Array, aad: Uint8Array, decrypt: boolean): Promise<Uint8Array> {
    const s = subtle();
    if (s !== undefined && (await webcryptoSupports(s, this.#key.length, nonce.length))) {
      const params = { name: "AES-GCM", iv: bufferSource(nonce), additionalData: bufferSource(aad), tagLength: 128 };
      const key = await this.#webcryptoKey(s);
      if (!decrypt) return new Uint8Array(await s.encrypt(params, key, bufferSource(data)));
      try {
        return new Uint8Array(await s.decrypt(params, key, bufferSource(data)));
      } catch {
        throw tagMismatch();
      }
    }
    if (nonce.length < 8) return shortNonceGcm(this.#key, nonce, data, aad, decrypt);
    const cipher = gcm(this.#key, nonce, aad);
    if (!decrypt) return cipher.encrypt(data);
    try {
      return cipher.decrypt(data);
    } catch {
      throw tagMismatch();
    }
  }
}

/**
 * Encrypt with a fresh random 96-bit nonce: `nonce ‖ ciphertext ‖ tag` (28 bytes + plaintext).
 * @example
 * ```ts
 * const sealed = await seal(key, new TextEncoder().encode("secret"), context);
 * ```
 */
export async function seal(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array | null): Promise<Uint8Array> {
  const box = new AESGCM(key);
  const data = bytesArg(plaintext, "plaintext");
  const extra = optBytesArg(aad, "aad");
  const nonce = randomBytes(SEAL_NONCE_LEN);
  return concat(nonce, await box.encrypt(nonce, data, extra));
}

/**
 * The plaintext of a {@link seal} output, or `InfraError("crypto")` if it is not authentic.
 * @example
 * ```ts
 * const plaintext = await open(key, sealed, context);
 * ```
 */
export async function open(key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array | null): Promise<Uint8Array> {
  const box = new AESGCM(key);
  const s = bytesArg(sealed, "sealed");
  const extra = optBytesArg(aad, "aad");
  if (s.length < SEAL_NONCE_LEN + TAG_LEN) {
    throw InfraError.crypto(`sealed data must be at least ${SEAL_NONCE_LEN + TAG_LEN} bytes (nonce and tag), got ${s.length}`, {
      field: "sealed",
      length: s.length,
    });
  }
  return box.decrypt(s.subarray(0, SEAL_NONCE_LEN), s.subarray(SEAL_NONCE_LEN), extra);
}
