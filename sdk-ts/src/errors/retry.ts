/**
 * Exponential backoff: `RetryPolicy` and the async `retry` loop — the same delays as Python's
 * `llm_infra.errors.RetryPolicy`, to the millisecond (vector op `errors.retry.delays`):
 *
 * 1. `base_0 = min(initialMs, maxMs)`, `base_n = min(base_{n-1} * multiplier, maxMs)` — repeated
 *    multiplication, never `Math.pow` (libm and V8 may differ in the last bit);
 * 2. jitter with `r` in `[0, 1)`: `none` → `base` (draws nothing); `full` → `r * base`;
 *    `equal` → `base / 2 + r * (base / 2)`;
 * 3. round half up to whole milliseconds: `Math.floor(x + 0.5)`.
 *
 * An error whose context carries `retry_after_ms` (ms) or `retry_after` (seconds) is retried no
 * sooner than that; a hint longer than `maxMs` ends the loop at once.
 */
import { InfraError } from "./error.js";

/** How the computed delay is randomised. */
export type Jitter = "none" | "full" | "equal";
const JITTERS: readonly Jitter[] = ["none", "full", "equal"];

/** Constructor options of {@link RetryPolicy} (camelCase; the JSON form uses snake_case). */
export interface RetryPolicyOptions {
  initialMs?: number;
  multiplier?: number;
  maxMs?: number;
  maxAttempts?: number;
  jitter?: Jitter;
}

/** The JSON form of a policy, as in the conformance vectors and Python's `RetryPolicy.from_dict`. */
export interface RetryPolicyJSON {
  initial_ms?: number;
  multiplier?: number;
  max_ms?: number;
  max_attempts?: number;
  jitter?: Jitter;
}

/** A float in [0, 1) from the platform CSPRNG (`crypto.getRandomValues`), 53 random bits. */
export function systemRandom(): number {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return ((words[0]! >>> 5) * 67108864 + (words[1]! >>> 6)) / 9007199254740992;
}

function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

function checkNumber(name: string, value: unknown, minimum: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw InfraError.validation(`RetryPolicy.${name} must be a finite number, got ${String(value)}`, { field: name });
  }
  if (value < minimum) {
    throw InfraError.validation(`RetryPolicy.${name} must be >= ${minimum}, got ${value}`, { field: name });
  }
  return value;
}

/**
 * How often and how long to wait between attempts. `maxAttempts` counts every attempt,
 * the first included (`1` = no retry).
 *
 * @example
 * ```ts
 * import { RetryPolicy } from "@llm-dev-ops/infra/errors";
 * new RetryPolicy({ initialMs: 100, maxMs: 1000, maxAttempts: 5, jitter: "none" }).delays(); // [100, 200, 400, 800]
 * new RetryPolicy({ initialMs: 100, maxAttempts: 3, jitter: "full" }).delays([0.5, 0.25]); // [50, 50]
 * ```
 */
export class RetryPolicy {
  readonly initialMs: number;
  readonly multiplier: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
  readonly jitter: Jitter;

  constructor(options: RetryPolicyOptions = {}) {
    this.initialMs = checkNumber("initial_ms", options.initialMs ?? 100, 0);
    this.multiplier = checkNumber("multiplier", options.multiplier ?? 2, 1);
    this.maxMs = checkNumber("max_ms", options.maxMs ?? 10_000, 0);
    const attempts = options.maxAttempts ?? 3;
    if (typeof attempts !== "number" || !Number.isInteger(attempts) || attempts < 1) {
      throw InfraError.validation(`RetryPolicy.max_attempts must be an integer >= 1, got ${String(attempts)}`, {
        field: "max_attempts",
      });
    }
    this.maxAttempts = attempts;
    const jitter = options.jitter ?? "full";
    if (!JITTERS.includes(jitter)) {
      throw InfraError.validation(`RetryPolicy.jitter must be one of none, full, equal, got ${String(jitter)}`, {
        field: "jitter",
      });
    }
    this.jitter = jitter;
    Object.freeze(this);
  }

  /** Build a policy from its snake_case JSON form; unknown keys are rejected. */
  static fromJSON(data: unknown): RetryPolicy {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      throw InfraError.validation("retry policy must be an object", { field: "policy" });
    }
    const known = ["initial_ms", "multiplier", "max_ms", "max_attempts", "jitter"];
    const unknown = Object.keys(data).filter((k) => !known.includes(k)).sort();
    if (unknown.length > 0) {
      throw InfraError.validation(`unknown retry policy field '${unknown[0]}'`, { field: unknown[0] });
    }
    const d = data as RetryPolicyJSON;
    return new RetryPolicy({
      initialMs: d.initial_ms,
      multiplier: d.multiplier,
      maxMs: d.max_ms,
      maxAttempts: d.max_attempts,
      jitter: d.jitter,
    });
  }

  /** The snake_case JSON form. */
  toJSON(): Required<RetryPolicyJSON> {
    return {
      initial_ms: this.initialMs,
      multiplier: this.multiplier,
      max_ms: this.maxMs,
      max_attempts: this.maxAttempts,
      jitter: this.jitter,
    };
  }

  /** The un-jittered delays (ms, unrounded) before each retry, `maxAttempts - 1` of them. */
  *bases(): Generator<number, void, undefined> {
    let base = Math.min(this.initialMs, this.maxMs);
    for (let i = 0; i < this.maxAttempts - 1; i++) {
      yield base;
      base = Math.min(base * this.multiplier, this.maxMs);
    }
  }

  /** One delay in whole milliseconds from an un-jittered base. */
  applyJitter(baseMs: number, random: () => number): number {
    if (this.jitter === "none") return roundHalfUp(baseMs);
    const r = random();
    if (typeof r !== "number" || !(r >= 0 && r < 1)) {
      throw InfraError.validation(`random source must return a number in [0, 1), got ${String(r)}`, { field: "random" });
    }
    if (this.jitter === "full") return roundHalfUp(r * baseMs);
    const half = baseMs / 2;
    return roundHalfUp(half + r * half);
  }

  /** Every delay (ms) this policy would wait; `random` is a `() => number` or a finite list of numbers. */
  delays(random?: (() => number) | Iterable<number>): number[] {
    const source = asSource(random);
    return Array.from(this.bases(), (base) => this.applyJitter(base, source));
  }
}

function asSource(random: (() => number) | Iterable<number> | undefined): () => number {
  if (random === undefined) return systemRandom;
  if (typeof random === "function") return random;
  const it = random[Symbol.iterator]();
  return () => {
    const next = it.next();
    if (next.done) throw InfraError.validation("random stream exhausted", { field: "random" });
    return next.value;
  };
}

/** A server's wait hint in ms from `context.retry_after_ms` or `context.retry_after` (seconds), else `null`. */
export function retryAfterMs(error: InfraError): number | null {
  for (const [key, scale] of [["retry_after_ms", 1], ["retry_after", 1000]] as const) {
    const value = error.context[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value * scale;
  }
  return null;
}

/** Options of {@link retry}. */
export interface RetryOptions {
  /** Decide whether an error is retried (default: `error.retryable`). */
  shouldRetry?: (error: InfraError) => boolean;
  /** Wait `ms` milliseconds (default: `setTimeout`, aborted by `signal`). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<unknown>;
  /** Jitter source, numbers in [0, 1) (default: the CSPRNG). */
  random?: () => number;
  /** Called before each wait with the attempt that failed (1-based), its error and the delay. */
  onRetry?: (attempt: number, error: InfraError, delayMs: number) => void;
  /** Stops waiting and retrying; the abort reason is thrown. */
  signal?: AbortSignal;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Call `fn` until it succeeds or the policy says stop; the last error is re-thrown unchanged.
 * Non-`InfraError` throws are classified with {@link InfraError.from} (so a `TimeoutError` is
 * retried) but re-thrown as they are.
 *
 * @example
 * ```ts
 * import { retry, RetryPolicy, InfraError } from "@llm-dev-ops/infra/errors";
 * let calls = 0;
 * const value = await retry(async () => {
 *   if (++calls < 3) throw InfraError.timeout("slow");
 *   return "ok";
 * }, new RetryPolicy({ maxAttempts: 3, jitter: "none", initialMs: 1 }));
 * ```
 */
export async function retry<T>(
  fn: () => T | Promise<T>,
  policy: RetryPolicy | RetryPolicyOptions = new RetryPolicy(),
  options: RetryOptions = {},
): Promise<T> {
  const p = policy instanceof RetryPolicy ? policy : new RetryPolicy(policy);
  const bases = p.bases();
  const random = options.random ?? systemRandom;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return await fn();
    } catch (thrown) {
      if (attempt >= p.maxAttempts) throw thrown;
      const error = InfraError.from(thrown);
      const wanted = options.shouldRetry ? options.shouldRetry(error) : error.retryable;
      if (!wanted) throw thrown;
      let delay = p.applyJitter(bases.next().value as number, random);
      const hint = retryAfterMs(error);
      if (hint !== null) {
        if (hint > p.maxMs) throw thrown;
        delay = Math.max(delay, roundHalfUp(hint));
      }
      options.onRetry?.(attempt, error, delay);
      await sleep(delay, options.signal);
    }
  }
}
