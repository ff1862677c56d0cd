import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InfraError, RetryPolicy, retry, retryAfterMs, systemRandom } from "@llm-dev-ops/infra/errors";

const noSleep = (log: number[]) => async (ms: number): Promise<void> => { log.push(ms); };

describe("RetryPolicy", () => {
  for (const [opts, field] of [
    [{ initialMs: -1 }, "initial_ms"], [{ initialMs: Infinity }, "initial_ms"], [{ multiplier: 0.99 }, "multiplier"],
    [{ maxMs: -0.5 }, "max_ms"], [{ maxAttempts: 0 }, "max_attempts"], [{ maxAttempts: 1.5 }, "max_attempts"],
    [{ jitter: "bogus" }, "jitter"],
  ] as Array<[Record<string, unknown>, string]>) {
    it(`rejects ${JSON.stringify(opts)} naming ${field}`, () => {
      assert.throws(() => new RetryPolicy(opts), (e: unknown) => e instanceof InfraError && e.kind === "validation" && e.context["field"] === field);
    });
  }

  it("computes capped exponential delays", () => {
    assert.deepEqual(new RetryPolicy({ initialMs: 100, maxMs: 1000, maxAttempts: 7, jitter: "none" }).delays(), [100, 200, 400, 800, 1000, 1000]);
    assert.deepEqual(new RetryPolicy({ maxAttempts: 1 }).delays(), []);
  });

  it("draws one random number per jittered delay and rounds half up", () => {
    let draws = 0;
    const rnd = (): number => { draws++; return 0.5; };
    assert.deepEqual(new RetryPolicy({ initialMs: 100, maxAttempts: 4, jitter: "full" }).delays(rnd), [50, 100, 200]);
    assert.equal(draws, 3);
    assert.deepEqual(new RetryPolicy({ initialMs: 100, maxAttempts: 3, jitter: "none" }).delays(rnd), [100, 200]);
    assert.equal(draws, 3);
    assert.deepEqual(new RetryPolicy({ initialMs: 101, multiplier: 1, maxAttempts: 2, jitter: "full" }).delays([0.5]), [51]);
    assert.deepEqual(new RetryPolicy({ initialMs: 3, multiplier: 1, maxAttempts: 2, jitter: "equal" }).delays([0]), [2]);
  });

  it("rejects random values outside [0, 1) and exhausted streams", () => {
    for (const bad of [1, -0.1, NaN]) {
      assert.throws(() => new RetryPolicy({ jitter: "full" }).delays(() => bad), /random source/);
    }
    assert.throws(() => new RetryPolicy({ maxAttempts: 3, jitter: "full" }).delays([0.1]), /exhausted/);
  });

  it("round-trips its JSON form and rejects unknown fields", () => {
    const p = RetryPolicy.fromJSON({ initial_ms: 5, max_attempts: 2, jitter: "none" });
    assert.deepEqual(p.toJSON(), { initial_ms: 5, multiplier: 2, max_ms: 10000, max_attempts: 2, jitter: "none" });
    assert.throws(() => RetryPolicy.fromJSON({ initial: 5 }), (e: unknown) => e instanceof InfraError && e.context["field"] === "initial");
    assert.throws(() => RetryPolicy.fromJSON([]), InfraError);
  });

  it("keeps every delay within [0, cap] (property)", () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 10000, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 100000, noNaN: true }), fc.integer({ min: 1, max: 30 }), fc.constantFrom("none", "full", "equal"),
      (initialMs, multiplier, maxMs, maxAttempts, jitter) => {
        const p = new RetryPolicy({ initialMs, multiplier, maxMs, maxAttempts, jitter: jitter as "none" });
        const delays = p.delays(() => 0.999);
        assert.equal(delays.length, maxAttempts - 1);
        for (const d of delays) assert.ok(d >= 0 && d <= maxMs + 0.5);
      },
    ));
  });

  it("systemRandom stays in [0, 1)", () => {
    for (let i = 0; i < 1000; i++) {
      const r = systemRandom();
      assert.ok(r >= 0 && r < 1);
    }
  });
});

describe("retry", () => {
  it("retries retryable errors until success", async () => {
    const slept: number[] = [];
    const seen: Array<[number, string, number]> = [];
    let calls = 0;
    const value = await retry(async () => {
      calls++;
      if (calls === 1) throw InfraError.timeout("a");
      if (calls === 2) throw Object.assign(new Error("b"), { name: "TimeoutError" });
      return "ok";
    }, new RetryPolicy({ initialMs: 10, maxAttempts: 3, jitter: "none" }), {
      sleep: noSleep(slept), onRetry: (n, e, d) => seen.push([n, e.kind, d]),
    });
    assert.equal(value, "ok");
    assert.deepEqual(slept, [10, 20]);
    assert.deepEqual(seen, [[1, "timeout", 10], [2, "timeout", 20]]);
  });

  it("re-throws the last error unchanged when attempts run out", async () => {
    const last = InfraError.timeout("third");
    let calls = 0;
    await assert.rejects(retry(() => {
      calls++;
      throw calls === 3 ? last : InfraError.timeout(String(calls));
    }, { maxAttempts: 3, jitter: "none", initialMs: 0 }, { sleep: noSleep([]) }), (e: unknown) => e === last);
    assert.equal(calls, 3);
  });

  it("does not retry non-retryable errors unless told to", async () => {
    let calls = 0;
    await assert.rejects(retry(() => { calls++; throw InfraError.validation("bad"); }, { maxAttempts: 5 }, { sleep: noSleep([]) }));
    assert.equal(calls, 1);
    calls = 0;
    const v = await retry(() => { if (++calls < 3) throw InfraError.validation("bad"); return calls; },
      { maxAttempts: 3 }, { sleep: noSleep([]), shouldRetry: () => true });
    assert.equal(v, 3);
  });

  it("honours retry_after hints and gives up on hints beyond maxMs", async () => {
    const slept: number[] = [];
    let calls = 0;
    await retry(() => {
      calls++;
      if (calls === 1) throw InfraError.http("busy", { status: 429, retry_after: 2 });
      if (calls === 2) throw InfraError.http("busy", { status: 503, retry_after_ms: 5 });
      return "ok";
    }, { initialMs: 100, maxMs: 10000, maxAttempts: 3, jitter: "none" }, { sleep: noSleep(slept) });
    assert.deepEqual(slept, [2000, 200]);
    calls = 0;
    await assert.rejects(retry(() => { calls++; throw InfraError.http("busy", { status: 429, retry_after: 60 }); },
      { maxMs: 1000, maxAttempts: 5 }, { sleep: noSleep([]) }));
    assert.equal(calls, 1);
    assert.equal(retryAfterMs(InfraError.http("x", { retry_after: "soon" })), null);
  });

  it("stops when its signal aborts", async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = retry(() => { calls++; throw InfraError.timeout("t"); },
      { initialMs: 10_000, maxAttempts: 5, jitter: "none" }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 10);
    await assert.rejects(run, /stop/);
    assert.equal(calls, 1);
  });

  it("waits with the default timer", async () => {
    let calls = 0;
    const t0 = performance.now();
    await retry(() => { if (++calls < 2) throw InfraError.timeout("t"); }, { initialMs: 20, maxAttempts: 2, jitter: "none" });
    assert.ok(performance.now() - t0 >= 15);
  });
});
