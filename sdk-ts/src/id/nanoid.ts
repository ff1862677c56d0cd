/**
 * NanoID: short random IDs over an alphabet, compatible with npm `nanoid` 5.1.16.
 *
 * {@link customRandom} is npm `nanoid`'s `customRandom` step for step (so the same byte stream
 * gives the same ID here, in npm `nanoid` and in Python's `llm_infra.ids.custom_random`):
 * - `n = alphabet.length`, `cutoff = 256 - 256 % n`;
 * - `cutoff === 256` (`n` a power of two): each round reads `size` bytes and walks them from the
 *   last to the first, taking `alphabet[b & (n - 1)]`;
 * - otherwise each round reads `step = Math.ceil((1.6 * 256 * defaultSize) / cutoff)` bytes and
 *   walks them from the last to the first, skipping bytes `>= cutoff`, taking `alphabet[b % n]`,
 *   until `size` characters are taken; `size` 0 gives `""` without reading.
 *
 * {@link nanoid} and {@link customAlphabet} draw from a pooled `crypto.getRandomValues` instead
 * (same distribution, not npm's byte order). Alphabets have 2..256 distinct characters from the
 * Basic Multilingual Plane (one UTF-16 unit each); anything else throws `InfraError("validation")`.
 * @module
 */
import { type RandomSource, RandomPool, bad, checkInt, checkStr, readRandom } from "./_base.js";

/**
 * npm `nanoid`'s `urlAlphabet`: the 64 URL-safe characters, in its order.
 *
 * @example
 * ```ts
 * import { URL_ALPHABET, customRandom } from "@llm-dev-ops/infra/id";
 * customRandom(URL_ALPHABET, 4, (n) => new Uint8Array(n))(); // "uuuu"
 * ```
 */
export const URL_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";

const MAX_SIZE = 2 ** 20;

/** A NanoID function: `gen()` or `gen(size)`. */
export type NanoidFunction = (size?: number) => string;

function checkAlphabet(alphabet: unknown): string {
  const a = checkStr(alphabet, "alphabet");
  if (a.length < 2 || a.length > 256) bad("alphabet", `must have 2 to 256 characters, got ${a.length}`, { length: a.length });
  const seen = new Set<string>();
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      bad("alphabet", `character at position ${i} is outside the Basic Multilingual Plane`, { position: i });
    }
    if (seen.has(a[i]!)) bad("alphabet", `has a repeated character ${JSON.stringify(a[i])}`);
    seen.add(a[i]!);
  }
  return a;
}

function checkSize(size: unknown, field = "size"): number {
  return checkInt(size, field, 0, MAX_SIZE);
}

/**
 * npm `nanoid`'s `customRandom`: IDs from your `random(n) -> Uint8Array` (see the module doc).
 *
 * @example
 * ```ts
 * import { customRandom } from "@llm-dev-ops/infra/id";
 * const gen = customRandom("0123456789abcdef", 8, (n) => Uint8Array.from({ length: n }, (_, i) => i));
 * gen(); // "76543210"
 * ```
 */
export function customRandom(alphabet: string, size: number, random: RandomSource): NanoidFunction {
  const a = checkAlphabet(alphabet);
  const defaultSize = checkSize(size);
  if (typeof random !== "function") bad("random", `must be a function random(n) -> Uint8Array, got ${typeof random}`);
  const n = a.length;
  const cutoff = 256 - (256 % n);
  if (cutoff === 256) {
    const mask = n - 1;
    return (callSize?: number) => {
      const want = callSize === undefined ? defaultSize : checkSize(callSize);
      if (want === 0) return "";
      let id = "";
      for (;;) {
        const bytes = readRandom(random, want);
        let i = want;
        while (i--) {
          id += a[bytes[i]! & mask];
          if (id.length >= want) return id;
        }
      }
    };
  }
  const step = Math.max(1, Math.ceil((1.6 * 256 * defaultSize) / cutoff));
  return (callSize?: number) => {
    const want = callSize === undefined ? defaultSize : checkSize(callSize);
    if (want === 0) return "";
    let id = "";
    for (;;) {
      const bytes = readRandom(random, step);
      let i = step;
      while (i--) {
        const b = bytes[i]!;
        if (b < cutoff) {
          id += a[b % n];
          if (id.length >= want) return id;
        }
      }
    }
  };
}

/**
 * A NanoID function over `alphabet` drawing from `crypto.getRandomValues`.
 *
 * @example
 * ```ts
 * import { customAlphabet } from "@llm-dev-ops/infra/id";
 * const hexId = customAlphabet("0123456789abcdef", 12);
 * hexId(); // e.g. "4f9a0c3e12bd"
 * ```
 */
export function customAlphabet(alphabet: string, size = 21): NanoidFunction {
  const a = checkAlphabet(alphabet);
  const defaultSize = checkSize(size);
  const n = a.length;
  const cutoff = 256 - (256 % n);
  const pool = new RandomPool(undefined);
  if (cutoff === 256) {
    const mask = n - 1;
    // two characters per lookup for alphabets of up to 64 symbols (4096 pairs)
    const pairs = n <= 64 ? Array.from({ length: n * n }, (_, i) => a[Math.floor(i / n)]! + a[i % n]!) : undefined;
    return (callSize?: number) => {
      const want = callSize === undefined ? defaultSize : checkSize(callSize);
      if (want === 0) return "";
      const o = pool.reserve(want);
      const b = pool.buf;
      let id = "";
      let i = o;
      const end = o + want;
      if (pairs !== undefined) {
        if (want & 1) id = a[b[i++]! & mask]!;
        for (; i < end; i += 2) id += pairs[(b[i]! & mask) * n + (b[i + 1]! & mask)]!;
      } else {
        for (; i < end; i++) id += a[b[i]! & mask]!;
      }
      return id;
    };
  }
  return (callSize?: number) => {
    const want = callSize === undefined ? defaultSize : checkSize(callSize);
    let id = "";
    while (id.length < want) {
      const take = Math.max(1, Math.ceil(((want - id.length) * 256 * 1.25) / cutoff));
      const o = pool.reserve(take);
      const b = pool.buf;
      for (let i = o; i < o + take && id.length < want; i++) {
        const v = b[i]!;
        if (v < cutoff) id += a[v % n]!;
      }
    }
    return id;
  };
}

let urlId: NanoidFunction | undefined;

/**
 * A URL-safe random ID (`URL_ALPHABET`, 21 characters: 126 random bits).
 *
 * @example
 * ```ts
 * import { nanoid } from "@llm-dev-ops/infra/id";
 * nanoid();   // e.g. "V1StGXR8_Z5jdHi6B-myT"
 * nanoid(10); // 10 characters
 * ```
 */
export function nanoid(size?: number): string {
  return (urlId ??= customAlphabet(URL_ALPHABET, 21))(size);
}
