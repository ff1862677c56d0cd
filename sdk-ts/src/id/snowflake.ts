/**
 * Snowflake IDs: 63-bit integers of 41-bit ms timestamp | 5-bit datacenter | 5-bit worker | 12-bit sequence.
 *
 * `id = (timestampMs - epochMs) << 22 | datacenterId << 17 | workerId << 12 | sequence`, a `bigint`
 * here and a decimal string on the wire (`"0"` or digits without a leading 0, below 2**63).
 *
 * The generator, exactly as Python's `SnowflakeGenerator`, reads the clock once per ID plus once
 * per poll while it waits:
 * 1. `now < last` (the clock went backwards) is checked first: more than `maxBackwardMs` behind
 *    throws `InfraError("external", retryable)`; otherwise it polls until `now >= last`;
 * 2. `now === last`: the sequence goes up by one; after 4095 it polls until `now > last`;
 * 3. a new millisecond starts the sequence at 0.
 *
 * A wait that makes no progress — the clock does not reach its target within the needed time plus
 * one second, or real time itself stands still (as inside a Cloudflare Worker between I/O, where at
 * most 4096 IDs per millisecond value can be made) — throws `InfraError("timeout")` instead of
 * spinning forever. Give every process its own (datacenter, worker) pair.
 * @module
 */
import { InfraError } from "../errors/index.js";
import { type Clock, MAX_48, bad, checkClock, checkInt, preview, typeName } from "./_base.js";

/**
 * Twitter's Snowflake epoch, 2010-11-04T01:42:54.657Z: the default `epochMs`.
 *
 * @example
 * ```ts
 * import { TWITTER_EPOCH_MS, decodeSnowflake } from "@llm-dev-ops/infra/id";
 * decodeSnowflake("0").timestampMs === TWITTER_EPOCH_MS; // true
 * ```
 */
export const TWITTER_EPOCH_MS = 1288834974657;

const MAX_ID = (1n << 63n) - 1n;
const MAX_DELTA = 2 ** 41 - 1;
const MAX_BACKWARD_MS = 60_000;
const FROZEN_POLLS = 2 ** 20;
const DECIMAL_RE = /^(?:0|[1-9][0-9]{0,18})$/;

/** The four fields of a Snowflake ID. */
export interface SnowflakeParts {
  timestampMs: number;
  datacenterId: number;
  workerId: number;
  sequence: number;
}

function checkEpoch(epochMs: unknown): number {
  return checkInt(epochMs, "epoch_ms", 0, MAX_48);
}

/**
 * The Snowflake ID of its four fields; every field is range-checked.
 *
 * @example
 * ```ts
 * import { encodeSnowflake } from "@llm-dev-ops/infra/id";
 * encodeSnowflake({ timestampMs: 1288834974658, datacenterId: 1, workerId: 2, sequence: 3 }); // 4333571n
 * ```
 */
export function encodeSnowflake(parts: SnowflakeParts, epochMs: number = TWITTER_EPOCH_MS): bigint {
  const epoch = checkEpoch(epochMs);
  if (typeof parts !== "object" || parts === null) bad("parts", `must be an object, got ${typeName(parts)}`);
  const ts = checkInt(parts.timestampMs, "timestamp_ms", epoch, epoch + MAX_DELTA);
  const dc = checkInt(parts.datacenterId, "datacenter_id", 0, 31);
  const worker = checkInt(parts.workerId, "worker_id", 0, 31);
  const seq = checkInt(parts.sequence, "sequence", 0, 4095);
  return (BigInt(ts - epoch) << 22n) | BigInt(dc * 131072 + worker * 4096 + seq);
}

function idFrom(value: unknown): bigint {
  if (typeof value === "string") {
    if (!DECIMAL_RE.test(value)) {
      bad("id", `a Snowflake ID is a decimal string without sign or leading zeros, got ${preview(value)}`);
    }
    const n = BigInt(value);
    if (n > MAX_ID) bad("id", `must be below 2**63, got ${value}`);
    return n;
  }
  if (typeof value !== "bigint") bad("id", `must be a bigint or a decimal string, got ${typeName(value)}`);
  if (value < 0n || value > MAX_ID) bad("id", `must be in [0, 2**63 - 1], got ${value}`);
  return value;
}

/**
 * Split a Snowflake ID (a `bigint` or its decimal string) into its fields.
 *
 * @example
 * ```ts
 * import { decodeSnowflake } from "@llm-dev-ops/infra/id";
 * decodeSnowflake("4333571"); // { timestampMs: 1288834974658, datacenterId: 1, workerId: 2, sequence: 3 }
 * ```
 */
export function decodeSnowflake(id: bigint | string, epochMs: number = TWITTER_EPOCH_MS): SnowflakeParts {
  const n = idFrom(id);
  const epoch = checkEpoch(epochMs);
  const low = Number(n & 0x3fffffn);
  return {
    timestampMs: Number(n >> 22n) + epoch,
    datacenterId: low >>> 17,
    workerId: (low >>> 12) & 31,
    sequence: low & 4095,
  };
}

/** Options of {@link SnowflakeGenerator}. */
export interface SnowflakeGeneratorOptions {
  datacenterId: number;
  workerId: number;
  /** Default {@link TWITTER_EPOCH_MS}. */
  epochMs?: number;
  /** Integer Unix milliseconds (default `Date.now`). */
  clock?: Clock;
  /** How far back the clock may jump and be waited out (default 10, at most 60000). */
  maxBackwardMs?: number;
}

/**
 * Snowflake IDs for one (datacenter, worker) pair; see the module doc for the algorithm.
 *
 * @example
 * ```ts
 * import { SnowflakeGenerator } from "@llm-dev-ops/infra/id";
 * const ticks = [1288834974658, 1288834974658];
 * const gen = new SnowflakeGenerator({ datacenterId: 1, workerId: 2, clock: () => ticks.shift()! });
 * gen.next();       // 4333568n
 * gen.nextString(); // "4333569"
 * ```
 */
export class SnowflakeGenerator {
  readonly datacenterId: number;
  readonly workerId: number;
  readonly epochMs: number;
  private readonly maxBackward: number;
  private readonly clock: Clock | undefined;
  private readonly base: number;
  private last = -1;
  private seq = 0;

  constructor(options: SnowflakeGeneratorOptions) {
    if (typeof options !== "object" || options === null) bad("options", `must be an object, got ${typeName(options)}`);
    this.datacenterId = checkInt(options.datacenterId, "datacenter_id", 0, 31);
    this.workerId = checkInt(options.workerId, "worker_id", 0, 31);
    this.epochMs = checkEpoch(options.epochMs ?? TWITTER_EPOCH_MS);
    this.maxBackward = checkInt(options.maxBackwardMs ?? 10, "max_backward_ms", 0, MAX_BACKWARD_MS);
    this.clock = checkClock(options.clock);
    this.base = this.datacenterId * 131072 + this.workerId * 4096;
  }

  private read(): number {
    const ms = this.clock === undefined ? Date.now() : this.clock();
    if (typeof ms !== "number" || !Number.isInteger(ms)) bad("clock", `must return integer milliseconds, got ${typeName(ms)}`);
    if (ms < this.epochMs) bad("clock", `reads ${ms}, before the epoch ${this.epochMs}`, { value: ms });
    if (ms - this.epochMs > MAX_DELTA) bad("clock", `reads ${ms}, past the 41-bit range of epoch ${this.epochMs}`, { value: ms });
    return ms;
  }

  private waitUntil(target: number, now: number): number {
    const budgetMs = target - now + 1000;
    let polls = 0;
    let started = -1;
    while (now < target) {
      polls++;
      if ((polls & 1023) === 0) {
        const t = performance.now();
        if (started < 0) started = t;
        else if (t - started > budgetMs || (polls >= FROZEN_POLLS && t === started)) {
          throw InfraError.timeout(`clock: did not reach ${target} ms (still ${now}) while waiting for the next millisecond`, {
            field: "clock",
            target_ms: target,
            now_ms: now,
          });
        }
      }
      now = this.read();
    }
    return now;
  }

  /** The next ID. */
  next(): bigint {
    let now = this.read();
    const last = this.last;
    if (now < last) {
      const behind = last - now;
      if (behind > this.maxBackward) {
        throw InfraError.external(`clock moved backwards by ${behind} ms (more than max_backward_ms=${this.maxBackward})`, {
          last_ms: last,
          now_ms: now,
          behind_ms: behind,
          max_backward_ms: this.maxBackward,
        }, { retryable: true });
      }
      now = this.waitUntil(last, now);
    }
    let seq: number;
    if (now === last) {
      seq = (this.seq + 1) & 4095;
      if (seq === 0) now = this.waitUntil(last + 1, now);
    } else {
      seq = 0;
    }
    this.last = now;
    this.seq = seq;
    return (BigInt(now - this.epochMs) << 22n) | BigInt(this.base + seq);
  }

  /** The next ID as a decimal string (its JSON form). */
  nextString(): string {
    return this.next().toString();
  }
}
