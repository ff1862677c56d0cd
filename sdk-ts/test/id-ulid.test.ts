import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { UlidGenerator, decodeUlid, encodeUlid, monotonicUlid, ulid, ulidTimestamp, ulidToUuid, uuidToUlid } from "@llm-dev-ops/infra/id";
import { Stream, Ticks, bytes, hex, isValidation, seeded } from "./id-util.js";

const MAX48 = 2 ** 48 - 1;
const YY = bytes("f7bdef7bdef7bdef7bde"); // 80 bits of 'Y'

describe("ULID encoding", () => {
  it("matches the spec and ulid/javascript examples", () => {
    assert.equal(decodeUlid("01ARZ3NDEKTSV4RRFFQ69G5FAV").timestampMs, 1469922850259);
    assert.equal(ulidTimestamp("01AN4Z07BY79KA1307SR9X4MV3"), 1465824320894);
    assert.equal(ulidTimestamp("01ARYZ6S41TSV4RRFFQ69G5FAV"), 1469918176385);
    assert.equal(encodeUlid(MAX48, new Uint8Array(10).fill(255)), "7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
    assert.equal(encodeUlid(0, new Uint8Array(10)), "0".repeat(26));
    assert.equal(encodeUlid(1469918176385, YY), "01ARYZ6S41YYYYYYYYYYYYYYYY");
    assert.equal(ulidToUuid("01ARYZ6S41TSV4RRFFQ69G5FAV"), "01563df3-6481-d676-4c61-efb99302bd5b");
    assert.equal(uuidToUlid("0195C9A4-2E32-C014-5F4F-A7CEF5BE83D5"), "01JQ4T8BHJR0A5YKX7SVTVX0YN");
    assert.equal(hex(decodeUlid("01an4z07by79ka1307sr9x4mv3").random), "3a66a08c07ce13d25363");
  });

  it("round-trips timestamps, bytes and UUIDs in any case", () => {
    for (let i = 0; i < 500; i++) {
      const raw = crypto.getRandomValues(new Uint8Array(16));
      const ms = Number(BigInt("0x" + hex(raw.slice(0, 6))));
      const text = encodeUlid(ms, raw.slice(6));
      assert.match(text, /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
      for (const t of [text, text.toLowerCase()]) {
        const parts = decodeUlid(t);
        assert.equal(parts.timestampMs, ms);
        assert.equal(hex(parts.random), hex(raw.slice(6)));
      }
      assert.equal(ulidToUuid(text).replaceAll("-", ""), hex(raw));
      assert.equal(uuidToUlid(ulidToUuid(text).toUpperCase()), text);
    }
  });

  const badChars: Array<[string, number]> = [
    ["01ARZ3NDEKTSV4RRFFQ69G5FAI", 25], ["01ARZ3NDEKTSV4RRFFQ69G5FAL", 25], ["01ARZ3NDEKTSV4RRFFQ69G5FAO", 25],
    ["01ARZ3NDEKTSV4RRFFQ69G5FAU", 25], ["01ARZ3NDEK-SV4RRFFQ69G5FAV", 10], [" 1ARZ3NDEKTSV4RRFFQ69G5FAV", 0],
    ["01ARZ3NDEKTSV4RRFFQ69G5FAÄ", 25], ["０1ARZ3NDEKTSV4RRFFQ69G5FAV", 0],
  ];
  for (const [text, position] of badChars) {
    it(`names the bad character of ${text}`, () => {
      assert.throws(() => decodeUlid(text), (e: unknown) => e instanceof InfraError && e.kind === "validation" &&
        e.context["field"] === "ulid" && e.context["position"] === position);
    });
  }

  for (const text of ["", "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVV", "80000000000000000000000000",
    "ZZZZZZZZZZZZZZZZZZZZZZZZZZ", "8zzzzzzzzzzzzzzzzzzzzzzzzz"]) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      for (const fn of [decodeUlid, ulidTimestamp, ulidToUuid]) assert.throws(() => fn(text), isValidation("ulid"));
    });
  }

  it("rejects bad encode input and non-strings", () => {
    assert.throws(() => encodeUlid(-1, new Uint8Array(10)), isValidation("timestamp_ms"));
    assert.throws(() => encodeUlid(MAX48 + 1, new Uint8Array(10)), isValidation("timestamp_ms"));
    assert.throws(() => encodeUlid(0.5, new Uint8Array(10)), isValidation("timestamp_ms"));
    assert.throws(() => encodeUlid(0, new Uint8Array(9)), isValidation("random"));
    assert.throws(() => decodeUlid(5 as unknown as string), isValidation("ulid"));
    assert.throws(() => uuidToUlid("01ARZ3NDEKTSV4RRFFQ69G5FAV"), isValidation("uuid"));
  });
});

describe("UlidGenerator", () => {
  it("behaves like ulid/javascript's monotonicFactory", () => {
    const clock = new Ticks([1469918176385, 1469918176385, 100000000, 10000, 1469918176386]);
    const stream = new Stream(new Uint8Array([...YY, ...YY]));
    const gen = new UlidGenerator({ clock: clock.read, random: stream.take });
    assert.deepEqual(Array.from({ length: 5 }, () => gen.next()), [
      "01ARYZ6S41YYYYYYYYYYYYYYYY", "01ARYZ6S41YYYYYYYYYYYYYYYZ", "01ARYZ6S41YYYYYYYYYYYYYYZ0",
      "01ARYZ6S41YYYYYYYYYYYYYYZ1", "01ARYZ6S42YYYYYYYYYYYYYYYY",
    ]);
    assert.deepEqual(stream.calls, [10, 10]);
    assert.equal(clock.reads, 5);
  });

  it("carries from the low 40 bits into the high 40 bits", () => {
    const gen = new UlidGenerator({ clock: () => 5, random: new Stream(bytes("0000000001ffffffffff")).take });
    const [a, b] = [gen.next(), gen.next()];
    assert.equal(hex(decodeUlid(a).random), "0000000001ffffffffff");
    assert.equal(hex(decodeUlid(b).random), "00000000020000000000");
  });

  it("throws internal (retryable) on overflow, keeps its state, recovers next millisecond", () => {
    const stream = new Stream(new Uint8Array([...new Uint8Array(9).fill(255), 254, ...Array.from({ length: 10 }, (_, i) => i)]));
    const gen = new UlidGenerator({ clock: new Ticks([5, 5, 5, 5, 6]).read, random: stream.take });
    const [a, b] = [gen.next(), gen.next()];
    assert.ok(a.endsWith("ZZZZZZZZZZZZZZZY") && b.endsWith("Z".repeat(16)));
    for (let i = 0; i < 2; i++) {
      assert.throws(() => gen.next(), (e: unknown) => e instanceof InfraError && e.kind === "internal" && e.retryable);
    }
    assert.equal(gen.next(), encodeUlid(6, Uint8Array.from({ length: 10 }, (_, i) => i)));
  });

  for (const script of [[1000], [1000, 999, 998, 0, 1000, 1000, 1001], [5, 4, 3, 2, 1]]) {
    it(`increases with clock ${JSON.stringify(script)}`, () => {
      const gen = new UlidGenerator({ clock: new Ticks(script).read, random: new Stream(seeded(7, 4000)).take });
      const ids = Array.from({ length: 300 }, () => gen.next());
      assert.deepEqual(ids, [...ids].sort());
      assert.equal(new Set(ids).size, 300);
      assert.equal(decodeUlid(ids.at(-1)!).timestampMs, Math.max(...script));
    });
  }

  it("monotonic: false reads 10 fresh bytes and the clock as is", () => {
    const stream = new Stream(seeded(8, 30));
    const gen = new UlidGenerator({ clock: new Ticks([10, 10, 9]).read, random: stream.take, monotonic: false });
    const ids = [gen.next(), gen.next(), gen.next()];
    assert.deepEqual(ids, [10, 10, 9].map((ms, i) => encodeUlid(ms, stream.data.slice(10 * i, 10 * i + 10))));
  });

  it("checks options and readings", () => {
    assert.throws(() => new UlidGenerator({ monotonic: 1 as unknown as boolean }), isValidation("monotonic"));
    for (const reading of [-1, MAX48 + 1, 2.5, null, "1"]) {
      assert.throws(() => new UlidGenerator({ clock: () => reading as number }).next(), isValidation("clock"));
    }
    assert.throws(() => new UlidGenerator({ random: () => new Uint8Array(1) }).next(), isValidation("random"));
  });

  it("ulid() and monotonicUlid() use the wall clock", () => {
    const before = Date.now();
    const fresh = Array.from({ length: 2000 }, () => ulid());
    const mono = Array.from({ length: 2000 }, () => monotonicUlid());
    const after = Date.now();
    assert.equal(new Set(fresh).size, 2000);
    assert.deepEqual(mono, [...mono].sort());
    assert.equal(new Set(mono).size, 2000);
    for (const u of [...fresh, ...mono]) assert.ok(before <= ulidTimestamp(u) && ulidTimestamp(u) <= after);
  });
});
