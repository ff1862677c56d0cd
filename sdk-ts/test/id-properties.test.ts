// Property tests (fast-check): round trips, parsers that only ever return or throw InfraError, and
// monotonic generators that sort in creation order under frozen, backwards and wandering clocks.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InfraError } from "@llm-dev-ops/infra/errors";
import {
  SnowflakeGenerator,
  UlidGenerator,
  Uuid7Generator,
  decodeSnowflake,
  decodeUlid,
  encodeSnowflake,
  encodeUlid,
  parseUuid,
  ulidToUuid,
  uuidFromBigInt,
  uuidToBigInt,
  uuidToUlid,
} from "@llm-dev-ops/infra/id";
import { Stream, hex, seeded } from "./id-util.js";

const MAX48 = 2 ** 48 - 1;
const T = 1_700_000_000_000;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const frozen = fc.integer({ min: T - 5, max: T + 5 }).map((t) => Array<number>(40).fill(t));
const backwards = fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 })
  .map((steps) => steps.map((_, i) => T - steps.slice(0, i).reduce((a, b) => a + b, 0)));
const wandering = fc.array(fc.integer({ min: T - 20, max: T + 20 }), { minLength: 1, maxLength: 40 });
const clocks = fc.oneof(frozen, backwards, wandering);
const streams = fc.tuple(fc.uint8Array({ maxLength: 24 }), fc.integer()).map(([head, seed]) => new Uint8Array([...head, ...seeded(seed, 4096)]));

/** The script's readings, then a clock moving on by 1 ms per read (every wait ends). */
function ticks(script: number[]): () => number {
  let i = 0;
  let last = script[0]!;
  return () => (last = i < script.length ? script[i++]! : last + 1);
}

function catching(fn: () => void, check: (e: InfraError) => void): void {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InfraError, `not an InfraError: ${String(e)}`);
    check(e);
  }
}

describe("id properties", () => {
  it("ULID round-trips", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX48 }), fc.uint8Array({ minLength: 10, maxLength: 10 }), (ms, raw) => {
      const text = encodeUlid(ms, raw);
      for (const t of [text, text.toLowerCase()]) {
        const p = decodeUlid(t);
        assert.equal(p.timestampMs, ms);
        assert.equal(hex(p.random), hex(raw));
      }
      assert.equal(uuidToUlid(ulidToUuid(text)), text);
    }));
  });

  it("decodeUlid only returns or throws InfraError", () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-zILOU-]{24,28}$/));
    fc.assert(fc.property(text, (t) => {
      let ok = false;
      catching(() => {
        const p = decodeUlid(t);
        ok = true;
        assert.equal(encodeUlid(p.timestampMs, p.random), t.toUpperCase());
      }, (e) => assert.equal(e.context["field"], "ulid"));
      if (ok) assert.ok([...t.toUpperCase()].every((c) => CROCKFORD.includes(c)));
    }), { numRuns: 300 });
  });

  it("UUID forms agree", () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (n) => {
      const u = uuidFromBigInt(n);
      const h = u.replaceAll("-", "");
      for (const text of [u, u.toUpperCase(), h, `{${u}}`, `urn:uuid:${u}`]) {
        const info = parseUuid(text);
        assert.equal(info.uuid, u);
        assert.equal(info.hex, h);
        assert.equal(info.version, Number((n >> 76n) & 15n));
      }
      assert.equal(uuidToBigInt(u), n);
    }));
  });

  it("parseUuid only returns or throws InfraError", () => {
    const text = fc.oneof(fc.string({ maxLength: 50 }), fc.stringMatching(/^[0-9a-fA-F{}urn:id-]{30,46}$/));
    fc.assert(fc.property(text, (t) => catching(() => void parseUuid(t), (e) => assert.equal(e.context["field"], "text"))),
      { numRuns: 300 });
  });

  it("Snowflake round-trips and decode only returns or throws InfraError", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX48 }), fc.integer({ min: 0, max: 2 ** 41 - 1 }), fc.integer({ min: 0, max: 31 }),
      fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0, max: 4095 }), (epoch, delta, datacenterId, workerId, sequence) => {
        const p = { timestampMs: epoch + delta, datacenterId, workerId, sequence };
        assert.deepEqual(decodeSnowflake(encodeSnowflake(p, epoch).toString(), epoch), p);
      }));
    fc.assert(fc.property(fc.oneof(fc.stringMatching(/^[0-9 +_x-]{0,22}$/), fc.string({ maxLength: 5 })), (t) => catching(() => {
      const p = decodeSnowflake(t, 0);
      assert.equal(encodeSnowflake(p, 0).toString(), t);
    }, (e) => assert.equal(e.context["field"], "id"))));
  });

  it("UUIDv7 sequences sort in creation order", () => {
    fc.assert(fc.property(clocks, streams, (script, data) => {
      const gen = new Uuid7Generator({ clock: ticks(script), random: new Stream(data).take });
      const ids = Array.from({ length: script.length + 20 }, () => gen.next());
      assert.deepEqual(ids, [...ids].sort());
      assert.equal(new Set(ids).size, ids.length);
    }));
  });

  it("ULID sequences sort in creation order", () => {
    fc.assert(fc.property(clocks, streams, (script, data) => {
      const gen = new UlidGenerator({ clock: ticks(script), random: new Stream(data).take });
      const ids: string[] = [];
      catching(() => { for (let i = 0; i < script.length + 20; i++) ids.push(gen.next()); }, (e) => assert.equal(e.kind, "internal"));
      assert.deepEqual(ids, [...ids].sort());
      assert.equal(new Set(ids).size, ids.length);
    }));
  });

  it("Snowflake sequences never repeat", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 60 }), (steps) => {
      const script = steps.map((_, i) => T + steps.slice(0, i + 1).reduce((a, b) => a + b, 0));
      const gen = new SnowflakeGenerator({ datacenterId: 1, workerId: 1, clock: ticks(script), maxBackwardMs: 4 });
      const ids: bigint[] = [];
      catching(() => { for (let i = 0; i < script.length; i++) ids.push(gen.next()); }, (e) => assert.equal(e.kind, "external"));
      for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!);
    }));
  });
});
