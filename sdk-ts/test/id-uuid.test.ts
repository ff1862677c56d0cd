import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InfraError } from "@llm-dev-ops/infra/errors";
import {
  Uuid4Generator,
  Uuid7Generator,
  encodeUuid4,
  encodeUuid7,
  parseUuid,
  uuid4,
  uuid7,
  uuidFromBigInt,
  uuidFromBytes,
  uuidToBigInt,
  uuidToBytes,
} from "@llm-dev-ops/infra/id";
import { Stream, Ticks, bytes, hex, isValidation, seeded } from "./id-util.js";

const T = 1645557742000;
const MAX48 = 2 ** 48 - 1;
const COUNTER_MAX = bytes("0fff3fffffff");

/** [timestamp, 42-bit counter, 32-bit tail] of a UUIDv7. */
function parts(u: string): [number, number, number] {
  const h = u.replaceAll("-", "");
  const ts = parseInt(h.slice(0, 12), 16);
  const randA = parseInt(h.slice(13, 16), 16);
  const top30 = parseInt(h.slice(16, 24), 16) & 0x3fffffff;
  return [ts, randA * 2 ** 30 + top30, parseInt(h.slice(24), 16)];
}

describe("UUID encoders", () => {
  it("encode the RFC 9562 examples", () => {
    assert.equal(encodeUuid4(bytes("919108f752d133205bacf847db4148a8")), "919108f7-52d1-4320-9bac-f847db4148a8");
    assert.equal(encodeUuid7(T, bytes("0cc318c4dc0c0c07398f")), "017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
    assert.equal(encodeUuid7(0, new Uint8Array(10)), "00000000-0000-7000-8000-000000000000");
    assert.equal(encodeUuid7(MAX48, new Uint8Array(10).fill(255)), "ffffffff-ffff-7fff-bfff-ffffffffffff");
    assert.equal(encodeUuid4(new Uint8Array(16).fill(255)), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  });

  for (const ts of [-1, MAX48 + 1, 1.5, "1", null, 10n]) {
    it(`rejects timestamp ${String(ts)}`, () => {
      assert.throws(() => encodeUuid7(ts as number, new Uint8Array(10)), isValidation("timestamp_ms"));
    });
  }
  for (const random of [new Uint8Array(9), new Uint8Array(11), "00".repeat(10), null, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]) {
    it(`rejects random ${Object.prototype.toString.call(random)} of the wrong shape`, () => {
      assert.throws(() => encodeUuid7(T, random as Uint8Array), isValidation("random"));
      assert.throws(() => encodeUuid4(random as Uint8Array), isValidation("random"));
    });
  }
});

describe("Uuid4Generator", () => {
  it("reads 16 bytes per ID", () => {
    const data = seeded(1, 64);
    const gen = new Uuid4Generator({ random: new Stream(data).take });
    const ids = [gen.next(), gen.next(), gen.next(), gen.next()];
    assert.deepEqual(ids, [0, 16, 32, 48].map((o) => encodeUuid4(data.slice(o, o + 16))));
  });

  it("uuid4() is random v4", () => {
    const ids = new Set(Array.from({ length: 5000 }, () => uuid4()));
    assert.equal(ids.size, 5000);
    for (const u of ids) {
      const info = parseUuid(u);
      assert.equal(info.version, 4);
      assert.equal(info.variant, "rfc9562");
    }
  });
});

describe("Uuid7Generator", () => {
  it("makes the first ID of a millisecond with encodeUuid7", () => {
    const stream = new Stream(seeded(2, 100));
    const gen = new Uuid7Generator({ clock: new Ticks([T, T + 5]).read, random: stream.take });
    assert.equal(gen.next(), encodeUuid7(T, stream.data.slice(0, 10)));
    assert.equal(gen.next(), encodeUuid7(T + 5, stream.data.slice(10, 20)));
    assert.deepEqual(stream.calls, [10, 10]);
  });

  it("counts up within a millisecond with 4 fresh bytes per ID", () => {
    const stream = new Stream(seeded(3, 400));
    const gen = new Uuid7Generator({ clock: new Ticks([T]).read, random: stream.take });
    const ids = Array.from({ length: 50 }, () => gen.next());
    assert.deepEqual(stream.calls, [10, ...Array<number>(49).fill(4)]);
    const p = ids.map(parts);
    assert.deepEqual(new Set(p.map((x) => x[0])), new Set([T]));
    assert.deepEqual(p.map((x) => x[1]), p.map((_, i) => p[0]![1] + i));
    assert.deepEqual(ids, [...ids].sort());
  });

  it("keeps the last timestamp when the clock goes backwards", () => {
    const gen = new Uuid7Generator({ clock: new Ticks([T, T - 1, T - 5000, 0, T, T + 1]).read, random: new Stream(seeded(4, 200)).take });
    const ids = Array.from({ length: 6 }, () => gen.next());
    assert.deepEqual(ids.map((u) => parts(u)[0]), [T, T, T, T, T, T + 1]);
    assert.deepEqual(ids, [...ids].sort());
  });

  it("borrows the next millisecond when the counter rolls over", () => {
    const stream = new Stream(new Uint8Array([...COUNTER_MAX, 0, 0, 0, 0, ...Array.from({ length: 10 }, (_, i) => i), ...new Uint8Array(100)]));
    const gen = new Uuid7Generator({ clock: new Ticks([T, T, T, T + 1, T + 2]).read, random: stream.take });
    const ids = Array.from({ length: 5 }, () => gen.next());
    assert.deepEqual(ids.map((u) => parts(u)[0]), [T, T + 1, T + 1, T + 1, T + 2]);
    assert.equal(parts(ids[0]!)[1], 2 ** 42 - 1);
    assert.equal(ids[1], encodeUuid7(T + 1, Uint8Array.from({ length: 10 }, (_, i) => i)));
    assert.deepEqual(stream.calls, [10, 10, 4, 4, 10]);
  });

  it("throws at the last millisecond instead of wrapping, keeping its state", () => {
    const gen = new Uuid7Generator({ clock: () => MAX48, random: new Stream(new Uint8Array([...COUNTER_MAX, ...new Uint8Array(104)])).take });
    const first = gen.next();
    assert.throws(() => gen.next(), isValidation("timestamp_ms"));
    assert.throws(() => gen.next(), isValidation("timestamp_ms"));
    assert.deepEqual(parts(first).slice(0, 2), [MAX48, 2 ** 42 - 1]);
  });

  for (const reading of [1.5, -1, MAX48 + 1, "1645557742000", null, 5n]) {
    it(`rejects clock reading ${String(reading)}`, () => {
      const gen = new Uuid7Generator({ clock: () => reading as number });
      assert.throws(() => gen.next(), isValidation("clock"));
    });
  }

  for (const result of [new Uint8Array(9), "x".repeat(10), null, [1, 2, 3]]) {
    it(`checks what the random source returns (${Object.prototype.toString.call(result)})`, () => {
      assert.throws(() => new Uuid7Generator({ clock: () => T, random: () => result as Uint8Array }).next(), isValidation("random"));
      assert.throws(() => new Uuid4Generator({ random: () => result as Uint8Array }).next(), isValidation("random"));
    });
  }

  it("rejects non-function options", () => {
    assert.throws(() => new Uuid7Generator({ clock: 5 as unknown as () => number }), isValidation("clock"));
    assert.throws(() => new Uuid7Generator({ random: new Uint8Array(3) as unknown as () => Uint8Array }), isValidation("random"));
  });

  it("changes the cached text when the counter crosses 2**16", () => {
    const start = 2 ** 16 - 2;
    const head = bytes(start.toString(16).padStart(12, "0"));
    const gen = new Uuid7Generator({ clock: () => T, random: new Stream(new Uint8Array([...head, 0, 0, 0, 0, ...seeded(5, 40)])).take });
    const ids = Array.from({ length: 4 }, () => gen.next());
    assert.deepEqual(ids.map((u) => parts(u)[1]), [start, start + 1, start + 2, start + 3]);
    assert.deepEqual(ids, [...ids].sort());
  });

  it("uuid7() uses the wall clock and increases", () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => uuid7());
    const after = Date.now();
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, 5000);
    assert.ok(before <= parts(ids[0]!)[0] && parts(ids.at(-1)!)[0] <= after + 1);
  });
});

describe("parseUuid", () => {
  const rfc: Array<[string, number, number | null]> = [
    ["C232AB00-9414-11EC-B3C8-9F6BDECED846", 1, T],
    ["5df41881-3aed-3515-88a7-2f4a814cf09e", 3, null],
    ["919108f7-52d1-4320-9bac-f847db4148a8", 4, null],
    ["2ed6657d-e927-568b-95e1-2665a8aea6a2", 5, null],
    ["1EC9414C-232A-6B00-B3C8-9F6BDECED846", 6, T],
    ["017F22E2-79B0-7CC3-98C4-DC0C0C07398F", 7, T],
    ["2489E9AD-2EE2-8E00-8EC9-32D5F69181C0", 8, null],
  ];
  for (const [text, version, ts] of rfc) {
    it(`parses RFC 9562 v${version}`, () => {
      const info = parseUuid(text);
      assert.deepEqual([info.version, info.variant, info.timestampMs], [version, "rfc9562", ts]);
      assert.equal(info.uuid, text.toLowerCase());
      assert.equal(info.hex, text.replaceAll("-", "").toLowerCase());
    });
  }

  it("parses Nil, Max, other variants and pre-1970 v1", () => {
    const pick = (t: string) => { const i = parseUuid(t); return [i.version, i.variant, i.timestampMs]; };
    assert.deepEqual(pick("00000000-0000-0000-0000-000000000000"), [0, "ncs", null]);
    assert.deepEqual(pick("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"), [15, "future", null]);
    assert.deepEqual(pick("017f22e2-79b0-7cc3-c8c4-dc0c0c07398f"), [7, "microsoft", null]);
    assert.deepEqual(pick("00000000-0000-1000-8000-000000000000"), [1, "rfc9562", -12219292800000]);
  });

  for (const form of ["{017F22E2-79B0-7CC3-98C4-DC0C0C07398F}", "urn:uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "URN:Uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "017f22e279b07cc398c4dc0c0c07398f", "017F22E279B07CC398C4DC0C0C07398F"]) {
    it(`accepts ${form}`, () => assert.equal(parseUuid(form).uuid, "017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
  }

  for (const text of ["", "017f22e2-79b0-7cc3-98c4-dc0c0c07398", "017f22e2-79b0-7cc3-98c4-dc0c0c07398f0",
    "017f22e279b0-7cc3-98c4-dc0c0c07398f-", "017f22e2-79b0-7cc3-98c4-dc0c0c07398g", "{017f22e279b07cc398c4dc0c0c07398f}",
    "urn:uuid:017f22e279b07cc398c4dc0c0c07398f", " 017f22e2-79b0-7cc3-98c4-dc0c0c07398f", "+17f22e279b07cc398c4dc0c0c07398f",
    "017f_2e279b07cc398c4dc0c0c07398f", "０17f22e2-79b0-7cc3-98c4-dc0c0c07398f", "{017f22e2-79b0-7cc3-98c4-dc0c0c07398f",
    "uuid:017f22e2-79b0-7cc3-98c4-dc0c0c07398f"]) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.throws(() => parseUuid(text), isValidation("text")));
  }

  for (const value of [null, 5, new Uint8Array(16), undefined]) {
    it(`rejects a ${typeof value}`, () => assert.throws(() => parseUuid(value as unknown as string), isValidation("text")));
  }

  it("keeps messages short for huge input", () => {
    try {
      parseUuid("x".repeat(100_000));
      assert.fail("no error");
    } catch (e) {
      assert.ok(e instanceof InfraError && e.message.length < 200);
    }
  });
});

describe("UUID conversions", () => {
  it("round-trip bytes, bigint and text", () => {
    for (let i = 0; i < 200; i++) {
      const raw = crypto.getRandomValues(new Uint8Array(16));
      const u = uuidFromBytes(raw);
      assert.equal(hex(uuidToBytes(u)), hex(raw));
      assert.equal(hex(uuidToBytes(u.toUpperCase())), hex(raw));
      assert.equal(uuidFromBigInt(uuidToBigInt(u)), u);
      assert.equal(uuidToBigInt(u), BigInt("0x" + hex(raw)));
    }
    assert.equal(uuidFromBigInt((1n << 128n) - 1n), "ffffffff-ffff-ffff-ffff-ffffffffffff");
  });

  it("reject bad input", () => {
    assert.throws(() => uuidFromBytes(new Uint8Array(15)), isValidation("bytes"));
    assert.throws(() => uuidFromBigInt(-1n), isValidation("int"));
    assert.throws(() => uuidFromBigInt(1n << 128n), isValidation("int"));
    assert.throws(() => uuidFromBigInt(5 as unknown as bigint), isValidation("int"));
    assert.throws(() => uuidToBytes("nope"), isValidation("uuid"));
    assert.throws(() => uuidToBigInt(5 as unknown as string), isValidation("uuid"));
  });
});
