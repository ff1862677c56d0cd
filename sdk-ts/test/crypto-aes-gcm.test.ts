// crypto: AES-GCM in every engine (Web Crypto, noble's GCM, the short-nonce composition) against node:crypto.
import assert from "node:assert/strict";
import { createCipheriv } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { AESGCM, NONCE_MEMORY, open, seal } from "@llm-dev-ops/infra/crypto";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const isInfra = (kind: string, field?: string) => (e: unknown): boolean =>
  e instanceof InfraError && e.kind === kind && (field === undefined || e.context["field"] === field);

/** node:crypto's AES-GCM (OpenSSL): accepts IVs of 1..128 bytes. */
function reference(key: Uint8Array, nonce: Uint8Array, data: Uint8Array, aad: Uint8Array): string {
  const c = createCipheriv(`aes-${key.length * 8}-gcm` as "aes-256-gcm", key, nonce);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
  return ct.toString("hex");
}

/** Run `fn` as a runtime without Web Crypto would (crypto.getRandomValues only): the noble engines. */
async function withoutSubtle<T>(fn: () => Promise<T>): Promise<T> {
  const desc = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
  const real = globalThis.crypto;
  Object.defineProperty(globalThis, "crypto", { value: { getRandomValues: real.getRandomValues.bind(real) }, configurable: true });
  try {
    return await fn();
  } finally {
    Object.defineProperty(globalThis, "crypto", desc);
  }
}

const NONCE_LENGTHS = [1, 2, 7, 8, 11, 12, 16, 60, 128];
const ENGINES: [string, <T>(fn: () => Promise<T>) => Promise<T>][] = [
  ["web crypto where accepted", (fn) => fn()],
  ["noble only", withoutSubtle],
];

for (const [engine, run] of ENGINES) {
  describe(`AES-GCM (${engine})`, () => {
    it("McGrew-Viega test case 2 and the CAVP 1-byte nonce", () =>
      run(async () => {
        const ct = await new AESGCM(new Uint8Array(16)).encrypt(new Uint8Array(12), new Uint8Array(16));
        assert.equal(hex(ct), "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf");
        const box = new AESGCM(Buffer.from("1672c3537afa82004c6b8a46f6f0d026", "hex"));
        assert.equal(hex(await box.encrypt(new Uint8Array([5]), new Uint8Array(0))), "8e2ad721f9455f74d8b53d3141f27e8e");
      }));

    for (const n of NONCE_LENGTHS) {
      it(`matches node:crypto with a ${n}-byte nonce`, () =>
        run(() =>
          fc.assert(
            fc.asyncProperty(
              fc.constantFrom(16, 24, 32),
              fc.uint8Array({ minLength: n, maxLength: n }),
              fc.uint8Array({ maxLength: 700 }),
              fc.uint8Array({ maxLength: 100 }),
              async (klen, nonce, data, aad) => {
                const key = crypto.getRandomValues(new Uint8Array(klen));
                const ct = await new AESGCM(key).encrypt(nonce, data, aad);
                assert.equal(hex(ct), reference(key, nonce, data, aad));
                assert.deepEqual(await new AESGCM(key).decrypt(nonce, ct, aad), data);
              },
            ),
            { numRuns: 12 },
          ),
        ));
    }

    it("handles nonces longer than 128 bytes (round trip) and the 32-bit counter wrap", () =>
      run(async () => {
        const key = new Uint8Array(32).fill(7);
        for (const n of [129, 200, 1024]) {
          const nonce = new Uint8Array(n).fill(n & 255);
          const data = new Uint8Array(300).fill(1);
          const box = new AESGCM(key);
          assert.deepEqual(await box.decrypt(nonce, await box.encrypt(nonce, data, null), undefined), data);
        }
        // Go's TestGCMCounterWrap: zero key, 4-byte nonce, 273 zero bytes; the counter wraps inside
        const ct = await new AESGCM(new Uint8Array(16)).encrypt(Buffer.from("0fa72e25", "hex"), new Uint8Array(273));
        assert.equal(hex(ct.subarray(273)), "37e1948cdfff09fbde0c40ad99fee4a7");
      }));

    it("any alteration fails with kind crypto and yields no plaintext", () =>
      run(async () => {
        for (const n of [1, 12, 60]) {
          const key = crypto.getRandomValues(new Uint8Array(16));
          const nonce = crypto.getRandomValues(new Uint8Array(n));
          const aad = new TextEncoder().encode("header");
          const box = new AESGCM(key);
          const ct = await box.encrypt(nonce, new TextEncoder().encode("attack at dawn"), aad);
          const flip = (b: Uint8Array, i: number): Uint8Array => {
            const c = b.slice();
            c[i]! ^= 1;
            return c;
          };
          const attempts: [Uint8Array, Uint8Array, Uint8Array][] = [
            [nonce, flip(ct, 0), aad], [nonce, flip(ct, ct.length - 1), aad], [nonce, ct, flip(aad, 0)],
            [nonce, ct, new Uint8Array(0)], [flip(nonce, 0), ct, aad], [nonce, ct.subarray(0, ct.length - 1), aad],
          ];
          for (const [nn, cc, aa] of attempts) await assert.rejects(box.decrypt(nn, cc, aa), isInfra("crypto"));
        }
      }));
  });
}

describe("AESGCM arguments and the nonce-reuse guard", () => {
  it("rejects bad keys, empty nonces, short ciphertexts and non-bytes", async () => {
    for (const n of [0, 15, 17, 33]) assert.throws(() => new AESGCM(new Uint8Array(n)), isInfra("crypto", "key"));
    const box = new AESGCM(new Uint8Array(16));
    await assert.rejects(box.encrypt(new Uint8Array(0), new Uint8Array(1)), isInfra("crypto", "nonce"));
    await assert.rejects(box.decrypt(new Uint8Array(0), new Uint8Array(16)), isInfra("crypto", "nonce"));
    for (const n of [0, 1, 15]) await assert.rejects(box.decrypt(new Uint8Array(12), new Uint8Array(n)), isInfra("crypto", "ciphertext"));
    await assert.rejects(box.encrypt("n" as unknown as Uint8Array, new Uint8Array(0)), isInfra("validation", "nonce"));
    await assert.rejects(box.encrypt(new Uint8Array(1), [1] as unknown as Uint8Array), isInfra("validation", "data"));
    assert.throws(() => AESGCM.generateKey(64), isInfra("validation"));
    assert.equal(AESGCM.generateKey(192).length, 24);
  });

  it("fuzzed ciphertexts only ever raise kind crypto", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ minLength: 1, maxLength: 20 }), async (data, nonce) => {
        await assert.rejects(new AESGCM(new Uint8Array(16)).decrypt(nonce, data), isInfra("crypto"));
      }),
      { numRuns: 60 },
    );
  });

  it("refuses to encrypt twice with one nonce on one object, and forgets the oldest", async () => {
    const box = new AESGCM(new Uint8Array(16));
    const nonce = new TextEncoder().encode("nonce-123456");
    await box.encrypt(nonce, new Uint8Array(1));
    await assert.rejects(box.encrypt(nonce, new Uint8Array(1)), isInfra("crypto", "nonce"));
    await new AESGCM(new Uint8Array(16)).encrypt(nonce, new Uint8Array(1)); // other objects cannot see it
    const many = new AESGCM(new Uint8Array(16));
    const n = (i: number): Uint8Array => {
      const b = new Uint8Array(12);
      new DataView(b.buffer).setUint32(8, i);
      return b;
    };
    for (let i = 0; i <= NONCE_MEMORY; i++) await many.encrypt(n(i), new Uint8Array(0));
    await many.encrypt(n(0), new Uint8Array(0));
    await assert.rejects(many.encrypt(n(NONCE_MEMORY), new Uint8Array(0)), isInfra("crypto", "nonce"));
  });
});

describe("seal / open", () => {
  it("round-trips; the format is nonce ‖ ciphertext ‖ tag", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), fc.uint8Array({ maxLength: 50 }), async (pt, aad) => {
        const key = new Uint8Array(32).fill(9);
        const sealed = await seal(key, pt, aad);
        assert.equal(sealed.length, 12 + pt.length + 16);
        assert.deepEqual(await open(key, sealed, aad), pt);
        assert.deepEqual(await new AESGCM(key).decrypt(sealed.subarray(0, 12), sealed.subarray(12), aad), pt);
      }),
      { numRuns: 40 },
    );
  });

  it("fresh nonces; wrong AAD and short inputs fail with kind crypto", async () => {
    const key = AESGCM.generateKey();
    const pt = new TextEncoder().encode("payload");
    assert.notDeepEqual(await seal(key, pt), await seal(key, pt));
    await assert.rejects(open(key, await seal(key, pt, new Uint8Array([1])), new Uint8Array([2])), isInfra("crypto"));
    for (const n of [0, 27]) await assert.rejects(open(key, new Uint8Array(n)), isInfra("crypto", "sealed"));
    await assert.rejects(seal(new Uint8Array(20), pt), isInfra("crypto", "key"));
  });
});
