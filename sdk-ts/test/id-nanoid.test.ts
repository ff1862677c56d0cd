// NanoID: npm `nanoid`'s own customRandom run against the shared vectors (and against ours on
// random alphabets and streams), plus the pooled path and validation.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { customRandom as npmCustomRandom } from "nanoid";
import { URL_ALPHABET, customAlphabet, customRandom, nanoid } from "@llm-dev-ops/infra/id";
import { Stream, bytes, isValidation, seeded } from "./id-util.js";

const VECTORS = join(fileURLToPath(new URL("../../../", import.meta.url)), "conformance", "vectors", "ids");
const DIGITS = "0123456789";

interface Case { id: string; input: { random: string; alphabet: string; size: number; calls?: Array<number | null> }; expect?: { id?: string; ids?: string[]; random_bytes_read?: number } }

function load(name: string): Case[] {
  return (JSON.parse(readFileSync(join(VECTORS, name), "utf8")) as { cases: Case[] }).cases;
}

describe("npm nanoid's customRandom reproduces the vectors", () => {
  const generate = load("nanoid_generate.json").filter((c) => c.expect);
  const sequence = load("nanoid_sequence.json");
  it("has cases", () => assert.ok(generate.length >= 15 && sequence.length >= 3));
  for (const c of generate) {
    it(`ids.nanoid.generate ${c.id}`, () => {
      const stream = new Stream(bytes(c.input.random));
      assert.equal(npmCustomRandom(c.input.alphabet, c.input.size, stream.take)(), c.expect!.id);
      assert.equal(stream.pos, stream.data.length, "npm read exactly the vector's bytes");
    });
  }
  for (const c of sequence) {
    it(`ids.nanoid.sequence ${c.id}`, () => {
      const stream = new Stream(bytes(c.input.random));
      const gen = npmCustomRandom(c.input.alphabet, c.input.size, stream.take);
      assert.deepEqual(c.input.calls!.map((s) => (s === null ? gen() : gen(s))), c.expect!.ids);
      assert.equal(stream.pos, c.expect!.random_bytes_read);
    });
  }
});

describe("customRandom", () => {
  it("matches npm's customRandom on random alphabets, sizes and streams", () => {
    const alphabet = fc.uniqueArray(fc.integer({ min: 0x20, max: 0xd7ff }), { minLength: 2, maxLength: 256 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(alphabet, fc.integer({ min: 1, max: 120 }), fc.integer(), fc.array(fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }), { maxLength: 4 }),
      (a, size, seed, calls) => {
        const data = seeded(seed, 20_000);
        const ours = new Stream(data);
        const theirs = new Stream(data);
        const g1 = customRandom(a, size, ours.take);
        const g2 = npmCustomRandom(a, size, theirs.take);
        for (const s of [null, ...calls]) assert.equal(s === null ? g1() : g1(s), s === null ? g2() : g2(s));
        assert.deepEqual(ours.calls, theirs.calls);
      }), { numRuns: 200 });
  });

  it("walks power-of-two bytes backwards and skips bytes above the cutoff", () => {
    assert.equal(customRandom(URL_ALPHABET, 5, new Stream(Uint8Array.from({ length: 64 }, (_, i) => i)).take)(),
      [4, 3, 2, 1, 0].map((b) => URL_ALPHABET[b & 63]).join(""));
    const stream = new Stream(new Uint8Array([1, 2, 250, 3, 255, 13, 251, 9, 8, 7, 6, 5, 4, 3]));
    assert.equal(customRandom(DIGITS, 4, stream.take)(), "3321");
    assert.deepEqual(stream.calls, [7]);
  });

  it("size 0 reads nothing; a default size 0 still ends", () => {
    const stream = new Stream(new Uint8Array(0));
    assert.equal(customRandom(DIGITS, 0, stream.take)(), "");
    assert.deepEqual(stream.calls, []);
    assert.equal(customRandom(DIGITS, 0, new Stream(seeded(1, 100)).take)(5).length, 5);
  });

  it("checks what the random source returns", () => {
    assert.throws(() => customRandom(DIGITS, 5, (n) => new Uint8Array(n - 1))(), isValidation("random"));
    assert.throws(() => customRandom(DIGITS, 5, "nope" as unknown as () => Uint8Array), isValidation("random"));
  });
});

describe("customAlphabet and nanoid", () => {
  it("produce IDs of the alphabet", () => {
    for (const [a, size] of [[DIGITS, 30], ["0123456789abcdef", 16], ["αβγδεζηθικλμνξοπρστυφχψω", 40], [URL_ALPHABET, 21], ["ab", 1]] as const) {
      const gen = customAlphabet(a, size);
      for (let i = 0; i < 200; i++) {
        const id = gen();
        assert.equal(id.length, size);
        for (const ch of id) assert.ok(a.includes(ch));
      }
      assert.equal(gen(3).length, 3);
      assert.equal(gen(0), "");
    }
    const long = customAlphabet(DIGITS, 100_000)();
    for (const d of DIGITS) assert.ok(long.split(d).length - 1 > 8000); // every symbol appears ~10000 times
  });

  it("nanoid() is 21 URL-safe characters, unique", () => {
    const ids = new Set(Array.from({ length: 5000 }, () => nanoid()));
    assert.equal(ids.size, 5000);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{21}$/);
    assert.equal(nanoid(7).length, 7);
  });

  for (const a of ["", "a", "abca", Array.from({ length: 257 }, (_, i) => String.fromCharCode(0x4e00 + i)).join(""), "ab\u{1F600}", "ab\ud800", null, ["a", "b"]]) {
    it(`rejects alphabet ${JSON.stringify(a)?.slice(0, 20)}`, () => {
      assert.throws(() => customAlphabet(a as string), isValidation("alphabet"));
      assert.throws(() => customRandom(a as string, 5, new Stream(seeded(1, 10)).take), isValidation("alphabet"));
    });
  }

  for (const size of [-1, 1.5, "5", null, true, 2 ** 20 + 1]) {
    it(`rejects size ${String(size)}`, () => {
      assert.throws(() => customAlphabet(DIGITS, size as number), isValidation("size"));
      assert.throws(() => customAlphabet(DIGITS)(size as number), isValidation("size"));
      assert.throws(() => nanoid(size as number), isValidation("size"));
    });
  }
});
