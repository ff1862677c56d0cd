import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import {
  _setEd25519Backend,
  Ed25519PrivateKey,
  Ed25519PublicKey,
  ed25519Backend,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
} from "@llm-dev-ops/infra/crypto";
import { InfraError } from "@llm-dev-ops/infra/errors";

const VECTORS = new URL("../../../conformance/vectors/crypto/", import.meta.url);
const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const te = new TextEncoder();
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const le = (n: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
};
const leNum = (b: Uint8Array): bigint => b.reduceRight((acc, x) => (acc << 8n) | BigInt(x), 0n);
const cat = (a: Uint8Array, b: Uint8Array): Uint8Array => new Uint8Array([...a, ...b]);

interface Case { id: string; input: Record<string, string>; expect?: Record<string, unknown> }
const load = (name: string): Case[] => (JSON.parse(readFileSync(new URL(name, VECTORS), "utf8")) as { cases: Case[] }).cases;

function expectInfraError(fn: () => unknown, kind: string, field?: string): void {
  assert.throws(fn, (e: unknown) => e instanceof InfraError && e.kind === kind && (field === undefined || e.context["field"] === field));
}

async function rejectsInfraError(p: Promise<unknown>, kind: string, field?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof InfraError && e.kind === kind && (field === undefined || e.context["field"] === field));
}

after(() => _setEd25519Backend("auto"));

it("detects WebCrypto Ed25519 on Node", async () => {
  _setEd25519Backend("auto");
  assert.equal(await ed25519Backend(), "webcrypto");
});

for (const backend of ["webcrypto", "noble"] as const) {
  describe(`Ed25519 (${backend})`, () => {
    const use = (): void => _setEd25519Backend(backend);

    it("reproduces RFC 8032 §7.1 with the key objects and the functions", async () => {
      use();
      for (const c of load("ed25519_sign.json").filter((c) => c.id.startsWith("rfc8032"))) {
        const seed = hex(c.input["seed"]!);
        const msg = hex(c.input["message"]!);
        const key = await Ed25519PrivateKey.fromSeed(seed);
        const sig = await key.sign(msg);
        assert.equal(toHex(sig), c.expect!["signature"]);
        assert.equal(toHex(await ed25519Sign(seed, msg)), c.expect!["signature"]);
        assert.deepEqual(await ed25519PublicKey(seed), key.publicKey.publicBytes());
        assert.equal(await key.publicKey.verify(sig, msg), true);
      }
    });

    it("signs and verifies any message; any flipped bit fails (property)", async () => {
      use();
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 200 }), fc.nat(511),
          async (seed, msg, bit) => {
            const key = await Ed25519PrivateKey.fromSeed(seed);
            const sig = await key.sign(msg);
            assert.equal(await key.publicKey.verify(sig, msg), true);
            const bad = new Uint8Array(sig);
            bad[bit >> 3]! ^= 1 << (bit & 7);
            assert.equal(await key.publicKey.verify(bad, msg), false);
            assert.equal(await ed25519Verify(key.publicKey.publicBytes(), msg, bad), false);
          }),
        { numRuns: 40 },
      );
    });

    it("rejects S >= L, small-order and non-canonical points, wrong lengths", async () => {
      use();
      const key = await Ed25519PrivateKey.fromSeed(new Uint8Array(32).fill(9));
      const pub = key.publicKey.publicBytes();
      const msg = te.encode("strict");
      const sig = await key.sign(msg);
      const r = sig.subarray(0, 32);
      const s = leNum(sig.subarray(32));
      assert.equal(await ed25519Verify(pub, msg, sig), true);
      for (const badS of [s + L, s + 2n * L, L, 2n ** 256n - 1n, s | (1n << 255n)]) {
        assert.equal(await ed25519Verify(pub, msg, cat(r, le(badS))), false);
      }
      const small = [0n, 1n, P - 1n, P, P + 1n,
        0x05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826n,
        0x7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7n];
      for (const y of small) {
        for (const sign of [0n, 1n]) {
          const enc = le(y | (sign << 255n));
          assert.equal(await ed25519Verify(enc, msg, sig), false, `A y=${y}`);
          assert.equal(await ed25519Verify(pub, msg, cat(enc, sig.subarray(32))), false, `R y=${y}`);
          assert.equal(await Ed25519PublicKey.fromBytes(enc).verify(sig, msg), false);
        }
      }
      for (const y of [P + 2n, 2n ** 255n - 1n]) {
        assert.equal(await ed25519Verify(le(y), msg, sig), false);
        assert.equal(await ed25519Verify(pub, msg, cat(le(y), sig.subarray(32))), false);
      }
      for (const n of [0, 31, 33, 64]) assert.equal(await ed25519Verify(new Uint8Array(n), msg, sig), false);
      for (const n of [0, 32, 63, 65, 128]) assert.equal(await ed25519Verify(pub, msg, new Uint8Array(n)), false);
      assert.equal(await ed25519Verify(pub, msg, cat(sig, new Uint8Array(1))), false);
    });

    it("throws validation errors for bad arguments and crypto for verifyOrThrow", async () => {
      use();
      for (const n of [0, 31, 33]) {
        await rejectsInfraError(Ed25519PrivateKey.fromSeed(new Uint8Array(n)), "validation", "seed");
        await rejectsInfraError(ed25519Sign(new Uint8Array(n), new Uint8Array(0)), "validation", "seed");
        await rejectsInfraError(ed25519PublicKey(new Uint8Array(n)), "validation", "seed");
        expectInfraError(() => Ed25519PublicKey.fromBytes(new Uint8Array(n)), "validation", "public_key");
      }
      const key = await Ed25519PrivateKey.fromSeed(new Uint8Array(32));
      for (const bad of ["00", 7, null, [0, 1]]) {
        await rejectsInfraError(key.sign(bad as unknown as Uint8Array), "validation", "message");
        await rejectsInfraError(key.publicKey.verify(bad as unknown as Uint8Array, new Uint8Array(0)), "validation", "signature");
        await rejectsInfraError(ed25519Verify(bad as unknown as Uint8Array, new Uint8Array(0), new Uint8Array(64)), "validation", "public_key");
      }
      const sig = await key.sign(te.encode("m"));
      await key.publicKey.verifyOrThrow(sig, te.encode("m"));
      await rejectsInfraError(key.publicKey.verifyOrThrow(sig, te.encode("M")), "crypto", "signature");
    });

    it("passes every verify vector (taming the many EdDSAs, CCTV)", async () => {
      use();
      for (const c of load("ed25519_verify.json")) {
        const got = await ed25519Verify(hex(c.input["public_key"]!), hex(c.input["message"]!), hex(c.input["signature"]!));
        assert.equal(got, c.expect!["valid"], c.id);
      }
    });
  });
}

describe("Ed25519 key objects", () => {
  it("copy their bytes, hide the seed and compare by value", async () => {
    const seed = new Uint8Array(32).fill(3);
    const key = await Ed25519PrivateKey.fromSeed(seed);
    seed[0] = 99;
    assert.equal(key.privateBytes()[0], 3);
    key.privateBytes()[1] = 77;
    assert.equal(key.privateBytes()[1], 3);
    assert.equal(String(key), "Ed25519PrivateKey(<secret>)");
    assert.ok(key.publicKey.equals(Ed25519PublicKey.fromBytes(key.publicKey.publicBytes())));
    assert.ok(!key.publicKey.equals((await Ed25519PrivateKey.generate()).publicKey));
  });

  it("WebCrypto and @noble/curves agree on signatures and verdicts (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 100 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.boolean(), async (seed, msg, noise, tamper) => {
          _setEd25519Backend("webcrypto");
          const a = await ed25519Sign(seed, msg);
          const pub = await ed25519PublicKey(seed);
          const sig = tamper ? noise : a;
          const va = await ed25519Verify(pub, msg, sig);
          _setEd25519Backend("noble");
          assert.deepEqual(await ed25519Sign(seed, msg), a);
          assert.deepEqual(await ed25519PublicKey(seed), pub);
          assert.equal(await ed25519Verify(pub, msg, sig), va);
          assert.equal(va, !tamper || toHex(noise) === toHex(a));
        }),
      { numRuns: 40 },
    );
    _setEd25519Backend("auto");
  });
});
