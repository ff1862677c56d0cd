// crypto: SHA-2, BLAKE3, HMAC, encodings and random bytes — against node:crypto and published values.
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InfraError } from "@llm-dev-ops/infra/errors";
import {
  Hasher,
  b64urlDecode,
  b64urlEncode,
  blake3DeriveKey,
  blake3Hash,
  blake3KeyedHash,
  constantTimeEqual,
  digest,
  hexDecode,
  hexEncode,
  hmacDigest,
  hmacVerify,
  randomBytes,
  sha256,
  sha384,
  sha512,
  type HashAlgorithm,
} from "@llm-dev-ops/infra/crypto";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const pattern = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i % 251);
const isInfra = (kind: string, field?: string) => (e: unknown): boolean =>
  e instanceof InfraError && e.kind === kind && (field === undefined || e.context["field"] === field);

// Published with the BLAKE3 specification (test_vectors.json): input i % 251, first 32 output bytes.
const OFFICIAL: Record<number, string> = {
  0: "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
  1: "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
  1024: "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
  1025: "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
};

describe("SHA-2", () => {
  it("matches node:crypto", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (data) => {
        assert.equal(hex(await sha256(data)), createHash("sha256").update(data).digest("hex"));
        assert.equal(hex(await sha384(data)), createHash("sha384").update(data).digest("hex"));
        assert.equal(hex(await sha512(data)), createHash("sha512").update(data).digest("hex"));
        assert.equal(hex(await digest("sha384", data)), createHash("sha384").update(data).digest("hex"));
      }),
      { numRuns: 60 },
    );
  });

  it("rejects a length for SHA-2 and unknown algorithms", async () => {
    await assert.rejects(digest("sha256", new Uint8Array(0), { length: 32 }), isInfra("validation", "length"));
    for (const alg of ["md5", "SHA256", "", 5]) {
      await assert.rejects(digest(alg as HashAlgorithm, new Uint8Array(0)), isInfra("validation", "alg"));
      assert.throws(() => new Hasher(alg as HashAlgorithm), isInfra("validation", "alg"));
    }
    assert.throws(() => new Hasher("sha256").digest(64), isInfra("validation", "length"));
    assert.throws(() => new Hasher("sha256", { key: new Uint8Array(32) }), isInfra("validation"));
  });
});

describe("BLAKE3", () => {
  for (const [n, expected] of Object.entries(OFFICIAL)) {
    it(`published value for ${n} bytes`, () => {
      assert.equal(hex(blake3Hash(pattern(Number(n)))), expected);
      assert.equal(hex(blake3Hash(pattern(Number(n)), 131).subarray(0, 32)), expected);
    });
  }

  it("XOF outputs are prefixes of each other", () => {
    const long = blake3Hash(new Uint8Array([1, 2, 3]), 2000);
    for (const n of [0, 1, 63, 64, 65, 1000]) {
      assert.deepEqual(blake3Hash(new Uint8Array([1, 2, 3]), n), long.subarray(0, n));
      assert.deepEqual(new Hasher("blake3").update(new Uint8Array([1, 2, 3])).digest(n), long.subarray(0, n));
    }
  });

  it("keyed and derive modes differ from plain hashing and match their hashers", () => {
    const key = pattern(32);
    const m = new TextEncoder().encode("m");
    assert.deepEqual(new Hasher("blake3", { key }).update(m).digest(40), blake3KeyedHash(key, m, 40));
    assert.deepEqual(new Hasher("blake3", { deriveKeyContext: "ctx" }).update(m).digest(), blake3DeriveKey("ctx", m));
    assert.notDeepEqual(blake3KeyedHash(key, m), blake3Hash(m));
    assert.notDeepEqual(blake3DeriveKey("ctx", m), blake3DeriveKey("ctx2", m));
  });

  it("rejects keys that are not 32 bytes, bad lengths and bad types", () => {
    for (const n of [0, 16, 31, 33]) {
      assert.throws(() => blake3KeyedHash(new Uint8Array(n), new Uint8Array(0)), isInfra("crypto", "key"));
      assert.throws(() => new Hasher("blake3", { key: new Uint8Array(n) }), isInfra("crypto", "key"));
    }
    for (const len of [-1, 1.5, 2 ** 24 + 1, Number.NaN, "32"]) {
      assert.throws(() => blake3Hash(new Uint8Array(0), len as number), isInfra("validation", "length"));
    }
    assert.throws(() => blake3Hash("abc" as unknown as Uint8Array), isInfra("validation", "data"));
    assert.throws(() => blake3DeriveKey(5 as unknown as string, new Uint8Array(0)), isInfra("validation", "context"));
    assert.throws(() => new Hasher("blake3", { key: new Uint8Array(32), deriveKeyContext: "c" }), isInfra("validation"));
  });
});

describe("Hasher", () => {
  it("streaming equals one-shot for every algorithm and any cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(3000), { maxLength: 4 }),
        fc.constantFrom<HashAlgorithm>("sha256", "sha384", "sha512", "blake3"),
        async (data, cuts, alg) => {
          const h = new Hasher(alg);
          let prev = 0;
          for (const c of cuts.map((c) => Math.min(c, data.length)).sort((a, b) => a - b)) {
            h.update(data.subarray(prev, c));
            prev = c;
          }
          h.update(data.subarray(prev));
          assert.deepEqual(h.digest(), await digest(alg, data));
        },
      ),
      { numRuns: 80 },
    );
  });

  it("digest does not end the stream; copy forks it", () => {
    const h = new Hasher("blake3").update(new Uint8Array([1, 2]));
    const first = h.digest();
    assert.deepEqual(h.digest(), first);
    const fork = h.copy();
    h.update(new Uint8Array([3]));
    assert.deepEqual(h.digest(), blake3Hash(new Uint8Array([1, 2, 3])));
    assert.deepEqual(fork.digest(), first);
    assert.equal(fork.hexDigest(), hex(first));
  });
});

describe("HMAC", () => {
  it("RFC 4231 test case 1", async () => {
    const mac = await hmacDigest("sha256", new Uint8Array(20).fill(0x0b), new TextEncoder().encode("Hi There"));
    assert.equal(hex(mac), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  });

  it("matches node:crypto (empty keys included) and verifies in constant time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("sha256", "sha384", "sha512") as fc.Arbitrary<"sha256" | "sha384" | "sha512">,
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 300 }),
        async (alg, key, data) => {
          const mac = await hmacDigest(alg, key, data);
          assert.equal(hex(mac), createHmac(alg, key).update(data).digest("hex"));
          assert.equal(await hmacVerify(alg, key, data, mac), true);
          assert.equal(await hmacVerify(alg, key, data, mac.subarray(0, mac.length - 1)), false);
          const flipped = mac.slice();
          flipped[0]! ^= 1;
          assert.equal(await hmacVerify(alg, key, data, flipped), false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rejects unknown algorithms and non-bytes", async () => {
    for (const alg of ["sha1", "md5", "blake3"]) {
      await assert.rejects(hmacDigest(alg as "sha256", new Uint8Array(1), new Uint8Array(0)), isInfra("validation", "alg"));
    }
    await assert.rejects(hmacDigest("sha256", "k" as unknown as Uint8Array, new Uint8Array(0)), isInfra("validation", "key"));
    await assert.rejects(hmacVerify("sha256", new Uint8Array(1), new Uint8Array(0), "m" as unknown as Uint8Array), isInfra("validation", "mac"));
  });
});

describe("encodings", () => {
  it("base64url matches Buffer's and round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const text = b64urlEncode(data);
        assert.equal(text, Buffer.from(data).toString("base64url"));
        assert.deepEqual(b64urlDecode(text), data);
      }),
    );
  });

  it("base64url decoding is strict", () => {
    for (const text of ["Zg==", "Zm8=", "Zm9v+A", "Zm9v/A", "Zm9v Yg", "Z", "Zm9vY", "Zh", "Zm9", "Zm9vé", "Zg\n"]) {
      assert.throws(() => b64urlDecode(text), isInfra("serialization", "text"), text);
    }
  });

  it("base64url decoding of arbitrary text gives canonical bytes or a serialization error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          assert.equal(b64urlEncode(b64urlDecode(text)), text);
        } catch (e) {
          assert.ok(isInfra("serialization")(e), String(e));
        }
      }),
    );
  });

  it("hex round-trips, accepts both cases, rejects the rest", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (data) => {
        assert.equal(hexEncode(data), hex(data));
        assert.deepEqual(hexDecode(hex(data).toUpperCase()), data);
      }),
    );
    for (const text of ["abc", "zz", "ab cd", "0x00", "١٢"]) assert.throws(() => hexDecode(text), isInfra("serialization", "text"));
    assert.throws(() => hexDecode(5 as unknown as string), isInfra("validation", "text"));
  });

  it("constantTimeEqual is equality", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        assert.equal(constantTimeEqual(a, b), Buffer.from(a).equals(Buffer.from(b)));
        assert.equal(constantTimeEqual(a, a.slice()), true);
      }),
    );
  });

  it("randomBytes", () => {
    assert.equal(randomBytes(0).length, 0);
    assert.equal(randomBytes(70000).length, 70000); // above getRandomValues' 65536-byte limit
    assert.notDeepEqual(randomBytes(32), randomBytes(32));
    for (const n of [-1, 1.5, 2 ** 24 + 1]) assert.throws(() => randomBytes(n), isInfra("validation", "n"));
  });
});
