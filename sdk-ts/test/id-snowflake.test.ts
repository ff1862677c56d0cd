import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { SnowflakeGenerator, TWITTER_EPOCH_MS, decodeSnowflake, encodeSnowflake } from "@llm-dev-ops/infra/id";
import { Ticks, isValidation } from "./id-util.js";

const EP = TWITTER_EPOCH_MS;
const T = EP + 1_000_000;
const MAX_ID = (1n << 63n) - 1n;
const parts = (id: bigint) => { const p = decodeSnowflake(id); return [p.timestampMs, p.sequence]; };

describe("Snowflake layout", () => {
  it("encodes the edges", () => {
    assert.equal(encodeSnowflake({ timestampMs: EP, datacenterId: 0, workerId: 0, sequence: 0 }), 0n);
    assert.equal(encodeSnowflake({ timestampMs: EP, datacenterId: 31, workerId: 31, sequence: 4095 }), (1n << 22n) - 1n);
    assert.equal(encodeSnowflake({ timestampMs: EP + 2 ** 41 - 1, datacenterId: 31, workerId: 31, sequence: 4095 }), MAX_ID);
    assert.deepEqual(decodeSnowflake(MAX_ID), { timestampMs: EP + 2 ** 41 - 1, datacenterId: 31, workerId: 31, sequence: 4095 });
    assert.deepEqual(decodeSnowflake("0", 5), { timestampMs: 5, datacenterId: 0, workerId: 0, sequence: 0 });
  });

  it("round-trips", () => {
    for (let i = 0; i < 500; i++) {
      const epoch = Math.floor(Math.random() * 2 ** 48);
      const p = { timestampMs: epoch + Math.floor(Math.random() * 2 ** 41), datacenterId: i % 32, workerId: (i * 7) % 32, sequence: (i * 131) % 4096 };
      const id = encodeSnowflake(p, epoch);
      assert.ok(id >= 0n && id <= MAX_ID);
      assert.deepEqual(decodeSnowflake(id, epoch), p);
      assert.deepEqual(decodeSnowflake(id.toString(), epoch), p);
    }
  });

  const badParts: Array<[Record<string, unknown>, string]> = [
    [{ timestampMs: EP - 1 }, "timestamp_ms"], [{ timestampMs: EP + 2 ** 41 }, "timestamp_ms"], [{ datacenterId: 32 }, "datacenter_id"],
    [{ datacenterId: -1 }, "datacenter_id"], [{ workerId: 32 }, "worker_id"], [{ sequence: 4096 }, "sequence"],
    [{ sequence: -1 }, "sequence"], [{ timestampMs: EP + 0.5 }, "timestamp_ms"], [{ datacenterId: true }, "datacenter_id"],
    [{ workerId: "1" }, "worker_id"],
  ];
  for (const [override, field] of badParts) {
    it(`rejects ${JSON.stringify(override)}`, () => {
      const p = { timestampMs: EP, datacenterId: 0, workerId: 0, sequence: 0, ...override };
      assert.throws(() => encodeSnowflake(p as never), isValidation(field));
    });
  }

  for (const epoch of [-1, 2 ** 48, 1.5, null]) {
    it(`rejects epoch ${String(epoch)}`, () => assert.throws(() => decodeSnowflake("0", epoch as number), isValidation("epoch_ms")));
  }

  for (const id of ["-1", (1n << 63n).toString(), "01", " 1", "+1", "1_000", "١٢", "1".repeat(20), "", "1e3", "0x1", -1n, 1n << 63n, 5, null]) {
    it(`rejects id ${String(id)}`, () => assert.throws(() => decodeSnowflake(id as string), isValidation("id")));
  }
});

describe("SnowflakeGenerator", () => {
  it("counts within a millisecond and restarts on the next", () => {
    const gen = new SnowflakeGenerator({ datacenterId: 3, workerId: 4, clock: new Ticks([T, T, T, T + 1, T + 1, T + 9]).read });
    const ids = Array.from({ length: 6 }, () => gen.next());
    assert.deepEqual(ids.map((i) => decodeSnowflake(i)), [[T, 0], [T, 1], [T, 2], [T + 1, 0], [T + 1, 1], [T + 9, 0]].map(
      ([ts, sequence]) => ({ timestampMs: ts, datacenterId: 3, workerId: 4, sequence })));
    assert.equal(gen.nextString(), encodeSnowflake({ timestampMs: T + 9, datacenterId: 3, workerId: 4, sequence: 1 }).toString());
  });

  it("waits for the next millisecond when the sequence is exhausted", () => {
    const clock = new Ticks([...Array<number>(4096).fill(T), T, T, T, T + 1]);
    const gen = new SnowflakeGenerator({ datacenterId: 0, workerId: 0, clock: clock.read });
    const ids = Array.from({ length: 4097 }, () => gen.next());
    assert.deepEqual(parts(ids[4095]!), [T, 4095]);
    assert.deepEqual(parts(ids[4096]!), [T + 1, 0]);
    assert.equal(clock.reads, 4100);
    assert.equal(new Set(ids).size, 4097);
  });

  it("waits out a small regression, then takes the same-millisecond branch", () => {
    const clock = new Ticks([T, T - 4, T - 3, T - 1, T, T]);
    const gen = new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: clock.read, maxBackwardMs: 5 });
    assert.deepEqual([gen.next(), gen.next(), gen.next()].map(parts), [[T, 0], [T, 1], [T, 2]]);
    assert.equal(clock.reads, 6);
  });

  it("throws external (retryable) on a large regression", () => {
    const gen = new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: new Ticks([T, T - 11]).read, maxBackwardMs: 10 });
    gen.next();
    assert.throws(() => gen.next(), (e: unknown) => e instanceof InfraError && e.kind === "external" && e.retryable &&
      e.context["behind_ms"] === 11 && e.context["max_backward_ms"] === 10);
    const strict = new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: new Ticks([T, T - 1]).read, maxBackwardMs: 0 });
    strict.next();
    assert.throws(() => strict.next(), (e: unknown) => e instanceof InfraError && e.kind === "external");
  });

  it("checks the regression before the same-millisecond branch", () => {
    const gen = new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: new Ticks([T, T + 1, T, T + 1, T + 1]).read });
    assert.deepEqual(Array.from({ length: 4 }, () => parts(gen.next())), [[T, 0], [T + 1, 0], [T + 1, 1], [T + 1, 2]]);
  });

  it("times out on a stuck clock instead of spinning forever", () => {
    const gen = new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: () => T });
    for (let i = 0; i < 4096; i++) gen.next();
    assert.throws(() => gen.next(), (e: unknown) => e instanceof InfraError && e.kind === "timeout" && e.context["field"] === "clock");
  });

  for (const reading of [EP - 1, EP + 2 ** 41, T + 0.5, null, "1"]) {
    it(`rejects clock reading ${String(reading)}`, () => {
      assert.throws(() => new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: () => reading as number }).next(), isValidation("clock"));
    });
  }

  const badOptions: Array<[Record<string, unknown>, string]> = [
    [{ datacenterId: 32, workerId: 0 }, "datacenter_id"], [{ datacenterId: 0, workerId: -1 }, "worker_id"],
    [{ datacenterId: 0, workerId: 0, epochMs: -1 }, "epoch_ms"], [{ datacenterId: 0, workerId: 0, maxBackwardMs: 60_001 }, "max_backward_ms"],
    [{ datacenterId: 0, workerId: 0, maxBackwardMs: -1 }, "max_backward_ms"], [{ datacenterId: 0, workerId: 0, clock: 5 }, "clock"],
    [{ datacenterId: "0", workerId: 0 }, "datacenter_id"],
  ];
  for (const [options, field] of badOptions) {
    it(`rejects ${JSON.stringify(options)}`, () => assert.throws(() => new SnowflakeGenerator(options as never), isValidation(field)));
  }

  it("uses the wall clock by default", () => {
    const gen = new SnowflakeGenerator({ datacenterId: 7, workerId: 9 });
    const before = Date.now();
    const ids = Array.from({ length: 10_000 }, () => gen.next());
    const after = Date.now();
    assert.equal(new Set(ids).size, 10_000);
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!);
    const first = decodeSnowflake(ids[0]!);
    assert.ok(before <= first.timestampMs && decodeSnowflake(ids.at(-1)!).timestampMs <= after);
    assert.deepEqual([first.datacenterId, first.workerId, gen.datacenterId, gen.workerId, gen.epochMs], [7, 9, 7, 9, EP]);
  });
});
