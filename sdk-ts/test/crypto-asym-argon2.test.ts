import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { argon2id, argon2idAsync, hashPassword, needsRehash, verifyPassword } from "@llm-dev-ops/infra/crypto";
import { InfraError } from "@llm-dev-ops/infra/errors";

const VECTORS = new URL("../../../conformance/vectors/crypto/", import.meta.url);
const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
const toHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const te = new TextEncoder();
const OK = { timeCost: 1, memoryKib: 8, parallelism: 1, length: 16 };
const isKind = (kind: string, field?: string) => (e: unknown): boolean =>
  e instanceof InfraError && e.kind === kind && (field === undefined || e.context["field"] === field);

interface A2Input {
  password: string; salt: string; secret: string; ad: string;
  time_cost: number; memory_kib: number; parallelism: number; length: number;
}

describe("Argon2id", () => {
  it("reproduces RFC 9106 §5.3 (secret and associated data), sync and async", async () => {
    const doc = JSON.parse(readFileSync(new URL("argon2_argon2id.json", VECTORS), "utf8")) as { cases: { input: A2Input; expect: { tag: string } }[] };
    const c = doc.cases[0]!;
    const opts = { timeCost: c.input.time_cost, memoryKib: c.input.memory_kib, parallelism: c.input.parallelism,
      length: c.input.length, secret: hex(c.input.secret), ad: hex(c.input.ad) };
    const tag = argon2id(hex(c.input.password), hex(c.input.salt), opts);
    assert.equal(toHex(tag), "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    assert.deepEqual(await argon2idAsync(hex(c.input.password), hex(c.input.salt), opts), tag);
  });

  it("matches the module example", () => {
    assert.equal(toHex(argon2id(te.encode("password"), te.encode("somesalt"), { ...OK, length: 8 })), "e755ed69be270f28");
  });

  const bad: [Record<string, unknown>, string][] = [
    [{ salt: new Uint8Array(7) }, "salt"], [{ salt: "saltsalt" }, "salt"], [{ password: "pw" }, "password"],
    [{ timeCost: 0 }, "time_cost"], [{ timeCost: 2 ** 32 }, "time_cost"], [{ timeCost: 1.5 }, "time_cost"],
    [{ parallelism: 0 }, "parallelism"], [{ parallelism: 2 ** 24 }, "parallelism"],
    [{ memoryKib: 7 }, "memory_kib"], [{ memoryKib: 15, parallelism: 2 }, "memory_kib"], [{ memoryKib: 2 ** 32 }, "memory_kib"],
    [{ memoryKib: "8" }, "memory_kib"], [{ length: 3 }, "length"], [{ length: 2 ** 32 }, "length"],
    [{ secret: "k" }, "secret"], [{ ad: 5 }, "ad"],
  ];
  for (const [change, field] of bad) {
    it(`rejects ${JSON.stringify(change)} with a validation error on ${field}`, async () => {
      const { password = te.encode("pw"), salt = te.encode("saltsalt"), ...rest } = { ...OK, ...change } as Record<string, unknown>;
      assert.throws(() => argon2id(password as Uint8Array, salt as Uint8Array, rest as typeof OK), isKind("validation", field));
      await assert.rejects(argon2idAsync(password as Uint8Array, salt as Uint8Array, rest as typeof OK), isKind("validation", field));
    });
  }

  it("reports memory it cannot allocate as a crypto error", () => {
    assert.throws(() => argon2id(te.encode("pw"), te.encode("saltsalt"), { ...OK, memoryKib: 2 ** 32 - 1 }), isKind("crypto", "memory_kib"));
  });
});

describe("password hashing", () => {
  it("round-trips strings and bytes, salts freshly, follows OWASP defaults", async () => {
    const phc = await hashPassword("pässwörd ✓", { timeCost: 1, memoryKib: 8 });
    assert.equal(await verifyPassword(phc, "pässwörd ✓"), true);
    assert.equal(await verifyPassword(phc, te.encode("pässwörd ✓")), true);
    assert.equal(await verifyPassword(phc, "pässwörd"), false);
    assert.notEqual(await hashPassword("pw", { timeCost: 1, memoryKib: 8 }), await hashPassword("pw", { timeCost: 1, memoryKib: 8 }));
    const owasp = await hashPassword("pw");
    assert.match(owasp, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.equal(needsRehash(owasp), false);
    assert.equal(needsRehash(phc), true);
  });

  it("produces the documented PHC string for a fixed salt (same as Python)", async () => {
    const phc = await hashPassword("correct horse", { timeCost: 1, memoryKib: 8, salt: te.encode("0123456789abcdef") });
    assert.equal(phc, "$argon2id$v=19$m=8,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$M7jw0GQI4Kfcxf+xPldfNRYttP89scc9XVAYAcaZ0U0");
    const want = { timeCost: 1, memoryKib: 8, parallelism: 1, length: 32, saltLength: 16 };
    assert.equal(needsRehash(phc, want), false);
    for (const [k, v] of Object.entries({ timeCost: 2, memoryKib: 16, parallelism: 2, length: 16, saltLength: 8 })) {
      assert.equal(needsRehash(phc, { ...want, [k]: v }), true, k);
    }
  });

  it("rejects malformed PHC strings and bad passwords with validation errors", async () => {
    const good = "$argon2id$v=19$m=8,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$M7jw0GQI4Kfcxf+xPldfNRYttP89scc9XVAYAcaZ0U0";
    const malformed = ["", good.replace("argon2id", "argon2i"), good.replace("$v=19", ""), good.replace("v=19", "v=16"),
      good.replace("m=8", "m=08"), good.replace("m=8,t=1", "t=1,m=8"), good.replace("p=1", "p=0"), good + "=", good + "\n",
      good + "$", good.slice(0, -1) + "-", good.slice(0, -1) + "1", good.replace("MDEyMzQ1Njc4OWFiY2RlZg", "MDEyMzQ1Ng")];
    for (const phc of malformed) {
      await assert.rejects(verifyPassword(phc, "correct horse"), isKind("validation", "phc"), phc);
      assert.throws(() => needsRehash(phc), isKind("validation", "phc"), phc);
    }
    await assert.rejects(verifyPassword(5 as unknown as string, "pw"), isKind("validation", "phc"));
    await assert.rejects(hashPassword("\ud800", { timeCost: 1, memoryKib: 8 }), isKind("validation", "password"));
    await assert.rejects(hashPassword("pw", { timeCost: 1, memoryKib: 8, saltLength: 7 }), isKind("validation", "salt_length"));
  });

  it("never throws anything but a validation InfraError on arbitrary or mutated PHC strings (fuzz)", async () => {
    const good = "$argon2id$v=19$m=8,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$M7jw0GQI4Kfcxf+xPldfNRYttP89scc9XVAYAcaZ0U0";
    const alphabet = "$argon2idv=19mtp,0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/=-_ \n".split("");
    const check = (fn: () => unknown): void => {
      try {
        assert.equal(typeof fn(), "boolean");
      } catch (e) {
        assert.ok(isKind("validation", "phc")(e), String(e));
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => check(() => needsRehash(s))), { numRuns: 300 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("replace", "insert", "delete"), fc.nat(200), fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 4 }),
        (ops) => {
          const chars = good.split("");
          for (const [op, pos, ch] of ops) {
            const i = pos % chars.length;
            if (op === "delete" && chars.length > 1) chars.splice(i, 1);
            else if (op === "insert") chars.splice(i, 0, ch);
            else chars[i] = ch;
          }
          check(() => needsRehash(chars.join("")));
        }),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
        try {
          assert.equal(typeof (await verifyPassword(s, "pw")), "boolean");
        } catch (e) {
          assert.ok(isKind("validation", "phc")(e), String(e));
        }
      }),
      { numRuns: 200 },
    );
  });
});
