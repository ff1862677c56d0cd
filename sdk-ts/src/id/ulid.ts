/**
 * ULID (https://github.com/ulid/spec): 48-bit Unix-ms timestamp + 80 random bits, Crockford base32.
 *
 * Text is 26 characters of `0123456789ABCDEFGHJKMNPQRSTVWXYZ` (written uppercase, read in any
 * case; first character at most `7`). Decoding is strict: no `I L O U`, no hyphens, no aliases.
 *
 * The monotonic generator follows the spec, exactly as Python's `UlidGenerator`: a new millisecond
 * reads 10 random bytes (the 80 random bits, big-endian); the same millisecond — or a clock that
 * went backwards, whose last timestamp is kept — adds one to the previous random value. Past
 * `2**80 - 1` it throws `InfraError("internal", retryable)`, never carrying into the timestamp;
 * its state is unchanged, so the next millisecond succeeds.
 * @module
 */
import { InfraError } from "../errors/index.js";
import {
  type Clock,
  type RandomSource,
  RandomPool,
  bad,
  checkBytes,
  checkClock,
  checkMs,
  checkSource,
  checkStr,
  preview,
  typeName,
} from "./_base.js";
import { uuidFromBytes, uuidHex } from "./uuid.js";

/** A decoded ULID. */
export interface UlidParts {
  /** Unix milliseconds (48 bits). */
  timestampMs: number;
  /** The 80 random bits as 10 big-endian bytes. */
  random: Uint8Array;
}

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// 10-bit value -> two characters: a ULID is 13 lookups
const PAIRS: readonly string[] = Array.from({ length: 1024 }, (_, i) => ALPHABET[i >> 5]! + ALPHABET[i & 31]!);
const P30 = 2 ** 30;
const P20 = 2 ** 20;
const P32 = 2 ** 32;
const P40 = 2 ** 40;
const MAX_40 = P40 - 1;
// char code -> Crockford value, -1 for anything else (both cases)
const VALUES: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 32; i++) {
    t[ALPHABET.charCodeAt(i)] = i;
    t[ALPHABET.toLowerCase().charCodeAt(i)] = i;
  }
  return t;
})();

function text40(x: number): string {
  return PAIRS[Math.floor(x / P30)]! + PAIRS[Math.floor(x / P20) & 1023]! + PAIRS[Math.floor(x / 1024) & 1023]! + PAIRS[x & 1023]!;
}

function tsText(ms: number): string {
  return PAIRS[Math.floor(ms / P40)]! + text40(ms % P40);
}

function word40(b: Uint8Array, o: number): number {
  return b[o]! * P32 + (((b[o + 1]! << 24) | (b[o + 2]! << 16) | (b[o + 3]! << 8) | b[o + 4]!) >>> 0);
}

function put40(out: Uint8Array, o: number, x: number): void {
  out[o] = Math.floor(x / P32);
  const low = x % P32;
  out[o + 1] = low >>> 24;
  out[o + 2] = (low >>> 16) & 255;
  out[o + 3] = (low >>> 8) & 255;
  out[o + 4] = low & 255;
}

/**
 * The ULID text of a 48-bit millisecond timestamp and 10 random bytes.
 *
 * @example
 * ```ts
 * import { encodeUlid } from "@llm-dev-ops/infra/id";
 * const random = Uint8Array.from([0xd6, 0x76, 0x4c, 0x61, 0xef, 0xb9, 0x93, 0x02, 0xbd, 0x5b]);
 * encodeUlid(1469922850259, random); // "01ARZ3NDEKTSV4RRFFQ69G5FAV"
 * ```
 */
export function encodeUlid(timestampMs: number, random: Uint8Array): string {
  const ms = checkMs(timestampMs);
  const r = checkBytes(random, "random", 10);
  return tsText(ms) + text40(word40(r, 0)) + text40(word40(r, 5));
}

/** [timestamp, random high 40 bits, random low 40 bits] of ULID text. */
function decode(text: unknown, field = "ulid"): [number, number, number] {
  const s = checkStr(text, field);
  if (s.length !== 26) bad(field, `a ULID is 26 characters, got ${s.length}: ${preview(s)}`, { length: s.length });
  const v: number[] = new Array<number>(26);
  for (let i = 0; i < 26; i++) {
    const code = s.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) bad(field, `invalid Crockford base32 character ${JSON.stringify(s[i])} at position ${i}`, { position: i });
    v[i] = value;
  }
  if (v[0]! > 7) bad(field, `value above 7ZZZZZZZZZZZZZZZZZZZZZZZZZ (more than 128 bits): ${preview(s)}`);
  let ts = 0;
  for (let i = 0; i < 10; i++) ts = ts * 32 + v[i]!;
  let hi = 0;
  for (let i = 10; i < 18; i++) hi = hi * 32 + v[i]!;
  let lo = 0;
  for (let i = 18; i < 26; i++) lo = lo * 32 + v[i]!;
  return [ts, hi, lo];
}

function toBytes(ts: number, hi: number, lo: number): Uint8Array {
  const out = new Uint8Array(16);
  out[0] = Math.floor(ts / P40);
  put40(out, 1, ts % P40);
  put40(out, 6, hi);
  put40(out, 11, lo);
  return out;
}

/**
 * Split ULID text (any case) into its timestamp and random bytes.
 *
 * @example
 * ```ts
 * import { decodeUlid } from "@llm-dev-ops/infra/id";
 * decodeUlid("01an4z07by79ka1307sr9x4mv3").timestampMs; // 1465824320894
 * ```
 */
export function decodeUlid(text: string): UlidParts {
  const [ts, hi, lo] = decode(text);
  return { timestampMs: ts, random: toBytes(ts, hi, lo).slice(6) };
}

/**
 * The Unix-millisecond timestamp of a ULID.
 *
 * @example
 * ```ts
 * import { ulidTimestamp } from "@llm-dev-ops/infra/id";
 * ulidTimestamp("01ARYZ6S41TSV4RRFFQ69G5FAV"); // 1469918176385
 * ```
 */
export function ulidTimestamp(text: string): number {
  return decode(text)[0];
}

/**
 * The UUID with the same 128 bits (lowercase text, any version).
 *
 * @example
 * ```ts
 * import { ulidToUuid } from "@llm-dev-ops/infra/id";
 * ulidToUuid("01ARYZ6S41TSV4RRFFQ69G5FAV"); // "01563df3-6481-d676-4c61-efb99302bd5b"
 * ```
 */
export function ulidToUuid(text: string): string {
  const [ts, hi, lo] = decode(text);
  return uuidFromBytes(toBytes(ts, hi, lo));
}

/**
 * The ULID with the same 128 bits as UUID text (any form `parseUuid` reads).
 *
 * @example
 * ```ts
 * import { uuidToUlid } from "@llm-dev-ops/infra/id";
 * uuidToUlid("0195C9A4-2E32-C014-5F4F-A7CEF5BE83D5"); // "01JQ4T8BHJR0A5YKX7SVTVX0YN"
 * ```
 */
export function uuidToUlid(text: string): string {
  const h = uuidHex(text, "uuid");
  const ts = parseInt(h.slice(0, 12), 16);
  return tsText(ts) + text40(parseInt(h.slice(12, 22), 16)) + text40(parseInt(h.slice(22), 16));
}

/** Options of {@link UlidGenerator}. */
export interface UlidGeneratorOptions {
  /** Integer Unix milliseconds (default `Date.now`). */
  clock?: Clock;
  /** `random(n)` returns `n` bytes (default: a pool filled by `crypto.getRandomValues`). */
  random?: RandomSource;
  /** Same millisecond → previous + 1 (default `true`); `false` draws 80 fresh bits every time. */
  monotonic?: boolean;
}

/**
 * ULIDs from a clock and a random source; monotonic by default (see the module doc). One clock
 * read per ID.
 *
 * @example
 * ```ts
 * import { UlidGenerator } from "@llm-dev-ops/infra/id";
 * const gen = new UlidGenerator({ clock: () => 1469918176385, random: (n) => new Uint8Array(n) });
 * gen.next(); // "01ARYZ6S410000000000000000"
 * gen.next(); // "01ARYZ6S410000000000000001"
 * ```
 */
export class UlidGenerator {
  private readonly pool: RandomPool;
  private readonly clock: Clock | undefined;
  private readonly monotonic: boolean;
  private last = -1;
  private hi = 0;
  private lo = 0;
  private prefixMs = -1;
  private prefixHi = -1;
  private prefix = "";

  constructor(options: UlidGeneratorOptions = {}) {
    const monotonic = options.monotonic ?? true;
    if (typeof monotonic !== "boolean") bad("monotonic", `must be a boolean, got ${typeName(monotonic)}`);
    this.clock = checkClock(options.clock);
    this.pool = new RandomPool(checkSource(options.random));
    this.monotonic = monotonic;
  }

  /** The next ULID. */
  next(): string {
    let ms = this.clock === undefined ? Date.now() : checkMs(this.clock(), "clock");
    let hi: number;
    let lo: number;
    if (ms > this.last || !this.monotonic) {
      const o = this.pool.reserve(10);
      const b = this.pool.buf;
      hi = word40(b, o);
      lo = word40(b, o + 5);
      if (this.monotonic) {
        this.last = ms;
        this.hi = hi;
        this.lo = lo;
      }
    } else {
      ms = this.last;
      hi = this.hi;
      lo = this.lo;
      if (lo < MAX_40) {
        lo++;
      } else if (hi < MAX_40) {
        hi++;
        lo = 0;
      } else {
        throw InfraError.internal("ULID random component overflow: 2**80 ULIDs in one millisecond; retry in the next one", {
          timestamp_ms: ms,
        }, { retryable: true });
      }
      this.hi = hi;
      this.lo = lo;
    }
    if (ms !== this.prefixMs || hi !== this.prefixHi) {
      this.prefix = tsText(ms) + text40(hi);
      this.prefixMs = ms;
      this.prefixHi = hi;
    }
    return this.prefix + text40(lo);
  }
}

let defaultFresh: UlidGenerator | undefined;
let defaultMonotonic: UlidGenerator | undefined;

/**
 * A new ULID: `Date.now()` and 80 fresh bits from `crypto.getRandomValues`.
 *
 * @example
 * ```ts
 * import { ulid } from "@llm-dev-ops/infra/id";
 * ulid(); // e.g. "01JQ4T8BHJR0A5YKX7SVTVX0YN"
 * ```
 */
export function ulid(): string {
  return (defaultFresh ??= new UlidGenerator({ monotonic: false })).next();
}

/**
 * A ULID from the module-wide monotonic generator: strictly increasing within this realm.
 *
 * @example
 * ```ts
 * import { monotonicUlid } from "@llm-dev-ops/infra/id";
 * monotonicUlid() < monotonicUlid(); // true
 * ```
 */
export function monotonicUlid(): string {
  return (defaultMonotonic ??= new UlidGenerator()).next();
}
