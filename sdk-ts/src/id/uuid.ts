/**
 * UUID version 4 and 7 (RFC 9562) as lowercase hyphenated strings: generators, parsing, conversions.
 *
 * UUIDv7 generators are monotonic — RFC 9562 §6.2 Method 1, a 42-bit counter in `rand_a` and the
 * top 30 bits of `rand_b`, exactly as Python's `llm_infra.ids.Uuid7Generator`:
 * - a new millisecond (the clock reads more than the last timestamp used) reads 10 random bytes `r`:
 *   the UUID is `encodeUuid7(ms, r)` and the counter is the 42 bits it left in place;
 * - the same millisecond, or a clock that went backwards, keeps the last timestamp, adds one to the
 *   counter and reads 4 fresh bytes for the low 32 bits of `rand_b`;
 * - a counter past `2**42 - 1` borrows the next millisecond and starts over as a new millisecond;
 *   past the 48-bit range it throws `InfraError("validation")`.
 * @module
 */
import { InfraError } from "../errors/index.js";
import {
  type Clock,
  HEX,
  MAX_48,
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

/** The variant field: `ncs` (0xx), `rfc9562` (10x), `microsoft` (110), `future` (111). */
export type UuidVariant = "ncs" | "rfc9562" | "microsoft" | "future";

/** What {@link parseUuid} finds in a UUID. */
export interface UuidInfo {
  /** The UUID, lowercase and hyphenated. */
  uuid: string;
  /** The version nibble, whatever the variant: 0 for Nil, 15 for Max. */
  version: number;
  variant: UuidVariant;
  /** Unix ms of an RFC 9562 v1, v6 or v7 UUID (v1/v6 floored, negative before 1970), else `null`. */
  timestampMs: number | null;
  /** The 32 lowercase hex digits. */
  hex: string;
}

const COUNTER_MAX = 2 ** 42 - 1;
const GREGORIAN_OFFSET = 0x01b21dd213814000n;
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HEX32_RE = /^[0-9a-fA-F]{32}$/;
const MAX_128 = (1n << 128n) - 1n;

function format(b: Uint8Array, o: number): string {
  return (
    HEX[b[o]!]! + HEX[b[o + 1]!]! + HEX[b[o + 2]!]! + HEX[b[o + 3]!]! + "-" + HEX[b[o + 4]!]! + HEX[b[o + 5]!]! + "-" +
    HEX[b[o + 6]!]! + HEX[b[o + 7]!]! + "-" + HEX[b[o + 8]!]! + HEX[b[o + 9]!]! + "-" + HEX[b[o + 10]!]! +
    HEX[b[o + 11]!]! + HEX[b[o + 12]!]! + HEX[b[o + 13]!]! + HEX[b[o + 14]!]! + HEX[b[o + 15]!]!
  );
}

function formatV4(b: Uint8Array, o: number): string {
  return (
    HEX[b[o]!]! + HEX[b[o + 1]!]! + HEX[b[o + 2]!]! + HEX[b[o + 3]!]! + "-" + HEX[b[o + 4]!]! + HEX[b[o + 5]!]! + "-" +
    HEX[(b[o + 6]! & 0x0f) | 0x40]! + HEX[b[o + 7]!]! + "-" + HEX[(b[o + 8]! & 0x3f) | 0x80]! + HEX[b[o + 9]!]! + "-" +
    HEX[b[o + 10]!]! + HEX[b[o + 11]!]! + HEX[b[o + 12]!]! + HEX[b[o + 13]!]! + HEX[b[o + 14]!]! + HEX[b[o + 15]!]!
  );
}

function hex12(ms: number): string {
  const h = ms.toString(16).padStart(12, "0");
  return h.slice(0, 8) + "-" + h.slice(8);
}

function formatHex(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The UUIDv4 of 16 random bytes, version and variant bits overwritten (RFC 9562 §5.4).
 *
 * @example
 * ```ts
 * import { encodeUuid4 } from "@llm-dev-ops/infra/id";
 * encodeUuid4(new Uint8Array(16)); // "00000000-0000-4000-8000-000000000000"
 * ```
 */
export function encodeUuid4(random: Uint8Array): string {
  return formatV4(checkBytes(random, "random", 16), 0);
}

/**
 * The UUIDv7 of a 48-bit Unix-ms timestamp and 10 bytes for UUID bytes 6..15 (their version and
 * variant bits are overwritten, RFC 9562 §5.7).
 *
 * @example
 * ```ts
 * import { encodeUuid7 } from "@llm-dev-ops/infra/id";
 * const random = Uint8Array.from([0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
 * encodeUuid7(1645557742000, random); // "017f22e2-79b0-7cc3-98c4-dc0c0c07398f" (RFC 9562 A.6)
 * ```
 */
export function encodeUuid7(timestampMs: number, random: Uint8Array): string {
  const ms = checkMs(timestampMs);
  const r = checkBytes(random, "random", 10);
  return (
    hex12(ms) + "-" + HEX[(r[0]! & 0x0f) | 0x70]! + HEX[r[1]!]! + "-" + HEX[(r[2]! & 0x3f) | 0x80]! + HEX[r[3]!]! + "-" +
    HEX[r[4]!]! + HEX[r[5]!]! + HEX[r[6]!]! + HEX[r[7]!]! + HEX[r[8]!]! + HEX[r[9]!]!
  );
}

/** Options of the UUID generators. */
export interface UuidGeneratorOptions {
  /** Integer Unix milliseconds (UUIDv7 only; default `Date.now`). */
  clock?: Clock;
  /** `random(n)` returns `n` bytes (default: a pool filled by `crypto.getRandomValues`). */
  random?: RandomSource;
}

/**
 * Random UUIDs (v4), 16 bytes each.
 *
 * @example
 * ```ts
 * import { Uuid4Generator } from "@llm-dev-ops/infra/id";
 * const gen = new Uuid4Generator({ random: (n) => new Uint8Array(n).fill(255) });
 * gen.next(); // "ffffffff-ffff-4fff-bfff-ffffffffffff"
 * ```
 */
export class Uuid4Generator {
  private readonly pool: RandomPool;

  constructor(options: { random?: RandomSource } = {}) {
    this.pool = new RandomPool(checkSource(options.random));
  }

  /** The next UUIDv4. */
  next(): string {
    const o = this.pool.reserve(16);
    return formatV4(this.pool.buf, o);
  }
}

/**
 * Time-ordered UUIDs (v7) that strictly increase within the generator (see the module doc);
 * one clock read per ID.
 *
 * @example
 * ```ts
 * import { Uuid7Generator } from "@llm-dev-ops/infra/id";
 * const gen = new Uuid7Generator({ clock: () => 1645557742000, random: (n) => new Uint8Array(n) });
 * gen.next(); // "017f22e2-79b0-7000-8000-000000000000"
 * gen.next(); // "017f22e2-79b0-7000-8000-000100000000"
 * ```
 */
export class Uuid7Generator {
  private readonly pool: RandomPool;
  private readonly clock: Clock | undefined;
  private last = -1;
  private counter = 0;
  private prefixMs = -1;
  private prefixHi = -1;
  private prefix = "";

  constructor(options: UuidGeneratorOptions = {}) {
    this.clock = checkClock(options.clock);
    this.pool = new RandomPool(checkSource(options.random));
  }

  private fresh(ms: number): string {
    const o = this.pool.reserve(10);
    const b = this.pool.buf;
    this.last = ms;
    this.counter = (b[o]! & 0x0f) * 2 ** 38 + b[o + 1]! * 2 ** 30 + (b[o + 2]! & 0x3f) * 2 ** 24 + b[o + 3]! * 65536 +
      b[o + 4]! * 256 + b[o + 5]!;
    return HEX[b[o + 6]!]! + HEX[b[o + 7]!]! + HEX[b[o + 8]!]! + HEX[b[o + 9]!]!;
  }

  /** The next UUIDv7. */
  next(): string {
    const ms = this.clock === undefined ? Date.now() : checkMs(this.clock(), "clock");
    let tail: string;
    if (ms > this.last) {
      tail = this.fresh(ms);
    } else if (this.counter >= COUNTER_MAX) {
      if (this.last >= MAX_48) {
        throw InfraError.validation("timestamp_ms: the UUIDv7 counter rolled over at the last 48-bit millisecond", {
          field: "timestamp_ms",
          timestamp_ms: this.last,
        });
      }
      tail = this.fresh(this.last + 1);
    } else {
      this.counter++;
      const o = this.pool.reserve(4);
      const b = this.pool.buf;
      tail = HEX[b[o]!]! + HEX[b[o + 1]!]! + HEX[b[o + 2]!]! + HEX[b[o + 3]!]!;
    }
    const c = this.counter;
    const hi = Math.floor(c / 65536);
    if (hi !== this.prefixHi || this.last !== this.prefixMs) {
      const randA = Math.floor(c / 2 ** 30);
      this.prefix = hex12(this.last) + "-7" + randA.toString(16).padStart(3, "0") + "-" + (0x8000 | (hi & 0x3fff)).toString(16) + "-";
      this.prefixHi = hi;
      this.prefixMs = this.last;
    }
    const lo = c % 65536;
    return this.prefix + HEX[lo >> 8]! + HEX[lo & 255]! + tail;
  }
}

let defaultV4: Uuid4Generator | undefined;
let defaultV7: Uuid7Generator | undefined;

/**
 * A random UUID (version 4) from `crypto.getRandomValues`.
 *
 * @example
 * ```ts
 * import { uuid4 } from "@llm-dev-ops/infra/id";
 * uuid4(); // e.g. "9f1c2a4e-3b7d-4c5e-8f01-23456789abcd"
 * ```
 */
export function uuid4(): string {
  return (defaultV4 ??= new Uuid4Generator()).next();
}

/**
 * A time-ordered UUID (version 7) from the module-wide monotonic generator.
 *
 * @example
 * ```ts
 * import { uuid7 } from "@llm-dev-ops/infra/id";
 * const a = uuid7(), b = uuid7();
 * a < b; // true
 * ```
 */
export function uuid7(): string {
  return (defaultV7 ??= new Uuid7Generator()).next();
}

/**
 * The 32 lowercase hex digits of UUID text; `InfraError("validation")` for anything else.
 * Accepted (any case): `8-4-4-4-12` hex groups, the same in `{braces}` or after `urn:uuid:`, or 32
 * hex digits. Nothing else.
 * @internal
 */
export function uuidHex(text: unknown, field = "text"): string {
  const s = checkStr(text, field);
  let body = s;
  if (s.length === 38 && s[0] === "{" && s[37] === "}") body = s.slice(1, -1);
  else if (s.length === 45 && s.slice(0, 9).toLowerCase() === "urn:uuid:") body = s.slice(9);
  if (body.length === 36) {
    if (body[8] !== "-" || body[13] !== "-" || body[18] !== "-" || body[23] !== "-") {
      bad(field, `not a UUID: hyphens must follow hex digits 8, 12, 16 and 20, got ${preview(s)}`);
    }
    if (!UUID_RE.test(body)) bad(field, `not a UUID: only hex digits may appear between the hyphens, got ${preview(s)}`);
    return (body.slice(0, 8) + body.slice(9, 13) + body.slice(14, 18) + body.slice(19, 23) + body.slice(24)).toLowerCase();
  }
  if (s.length === 32) {
    if (!HEX32_RE.test(s)) bad(field, `not a UUID: only hex digits may appear between the hyphens, got ${preview(s)}`);
    return s.toLowerCase();
  }
  return bad(field, `not a UUID: expected 36 characters (8-4-4-4-12 hex), got ${s.length}: ${preview(s)}`, {
    length: s.length,
  });
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/**
 * Parse UUID text (any version, any case; braces and `urn:uuid:` accepted).
 *
 * @example
 * ```ts
 * import { parseUuid } from "@llm-dev-ops/infra/id";
 * parseUuid("017F22E2-79B0-7CC3-98C4-DC0C0C07398F");
 * // { uuid: "017f22e2-79b0-7cc3-98c4-dc0c0c07398f", version: 7, variant: "rfc9562",
 * //   timestampMs: 1645557742000, hex: "017f22e279b07cc398c4dc0c0c07398f" }
 * ```
 */
export function parseUuid(text: string): UuidInfo {
  const h = uuidHex(text);
  const version = parseInt(h[12]!, 16);
  const b8 = parseInt(h.slice(16, 18), 16);
  const variant: UuidVariant = b8 < 0x80 ? "ncs" : b8 < 0xc0 ? "rfc9562" : b8 < 0xe0 ? "microsoft" : "future";
  let timestampMs: number | null = null;
  if (variant === "rfc9562") {
    if (version === 7) {
      timestampMs = parseInt(h.slice(0, 12), 16);
    } else if (version === 1 || version === 6) {
      const t60 = BigInt("0x" + (version === 1 ? h.slice(13, 16) + h.slice(8, 12) + h.slice(0, 8) : h.slice(0, 12) + h.slice(13, 16)));
      timestampMs = Number(floorDiv(t60 - GREGORIAN_OFFSET, 10000n));
    }
  }
  return { uuid: formatHex(h), version, variant, timestampMs, hex: h };
}

/**
 * The UUID of 16 big-endian bytes (any version).
 *
 * @example
 * ```ts
 * import { uuidFromBytes } from "@llm-dev-ops/infra/id";
 * uuidFromBytes(new Uint8Array(16)); // "00000000-0000-0000-0000-000000000000"
 * ```
 */
export function uuidFromBytes(bytes: Uint8Array): string {
  return format(checkBytes(bytes, "bytes", 16), 0);
}

/**
 * The 16 big-endian bytes of UUID text.
 *
 * @example
 * ```ts
 * import { uuidToBytes } from "@llm-dev-ops/infra/id";
 * uuidToBytes("00000000-0000-0000-0000-0000000000ff")[15]; // 255
 * ```
 */
export function uuidToBytes(text: string): Uint8Array {
  const h = uuidHex(text, "uuid");
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * The UUID of an integer in `[0, 2**128)`.
 *
 * @example
 * ```ts
 * import { uuidFromBigInt } from "@llm-dev-ops/infra/id";
 * uuidFromBigInt(1n); // "00000000-0000-0000-0000-000000000001"
 * ```
 */
export function uuidFromBigInt(value: bigint): string {
  if (typeof value !== "bigint") bad("int", `must be a bigint, got ${typeName(value)}`);
  if (value < 0n || value > MAX_128) bad("int", `must be in [0, 2**128 - 1], got ${value}`);
  return formatHex(value.toString(16).padStart(32, "0"));
}

/**
 * The 128-bit integer of UUID text.
 *
 * @example
 * ```ts
 * import { uuidToBigInt } from "@llm-dev-ops/infra/id";
 * uuidToBigInt("00000000-0000-0000-0000-0000000000ff"); // 255n
 * ```
 */
export function uuidToBigInt(text: string): bigint {
  return BigInt("0x" + uuidHex(text, "uuid"));
}
