import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import { SignJWT, jwtVerify as joseVerify } from "jose";
import {
  _setEd25519Backend,
  Ed25519PrivateKey,
  Ed25519PublicKey,
  JWT_ALGORITHMS,
  MAX_TOKEN_LENGTH,
  jwtDecodeUnverified,
  jwtSign,
  jwtVerify,
  type JwtAlgorithm,
} from "@llm-dev-ops/infra/crypto";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { canonicalize } from "@llm-dev-ops/infra/json";

const te = new TextEncoder();
const seq = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i + from) & 0xff);
const SECRET = seq(32);
const SECRETS: Record<string, Uint8Array> = { HS256: SECRET, HS384: seq(48), HS512: seq(64) };
const SEED = seq(32, 100);
const NOW = 1_700_000_000;
const CLAIMS = { sub: "user-42", iss: "https://auth.example", aud: "api", iat: NOW, exp: NOW + 600 };
const b64 = (b: Uint8Array | string): string => Buffer.from(typeof b === "string" ? te.encode(b) : b).toString("base64url");
const unb64 = (s: string): string => Buffer.from(s, "base64url").toString("utf8");
const HASH: Record<string, string> = { HS256: "sha256", HS384: "sha384", HS512: "sha512" };

function hsToken(header: string | Uint8Array, payload: string | Uint8Array, key: Uint8Array = SECRET, alg = "HS256"): string {
  const si = `${b64(header)}.${b64(payload)}`;
  return `${si}.${createHmac(HASH[alg]!, key).update(si).digest("base64url")}`;
}

type Opts = Parameters<typeof jwtVerify>[2];
const verify = (token: string, key: Uint8Array | Ed25519PublicKey = SECRET, opts: Partial<Opts> = {}) =>
  jwtVerify(token, key, { algorithms: ["HS256"], now: NOW, ...opts } as Opts);

async function fails(p: Promise<unknown> | (() => Promise<unknown>), kind = "auth", reason?: string): Promise<InfraError> {
  let caught: unknown;
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof InfraError, `expected an InfraError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  if (reason !== undefined) assert.equal(caught.context["reason"], reason, caught.message);
  return caught;
}

let KEY: Ed25519PrivateKey;
let PUB: Ed25519PublicKey;
const ready = (async () => {
  KEY = await Ed25519PrivateKey.fromSeed(SEED);
  PUB = KEY.publicKey;
})();

after(() => _setEd25519Backend("auto"));

describe("JWT serialization", () => {
  for (const alg of ["HS256", "HS384", "HS512"] as const) {
    it(`${alg}: canonical header and claims, HMAC by node:crypto`, async () => {
      const token = await jwtSign(CLAIMS, SECRETS[alg]!, { alg });
      const [h, p, s] = token.split(".");
      assert.equal(unb64(h!), `{"alg":"${alg}","typ":"JWT"}`);
      assert.equal(unb64(p!), canonicalize(CLAIMS));
      assert.equal(s, createHmac(HASH[alg]!, SECRETS[alg]!).update(`${h}.${p}`).digest("base64url"));
    });
  }

  it("EdDSA: the Ed25519 signature of the signing input, deterministic, both backends", async () => {
    await ready;
    const token = await jwtSign(CLAIMS, KEY, { alg: "EdDSA" });
    const [h, p, s] = token.split(".");
    assert.equal(unb64(h!), '{"alg":"EdDSA","typ":"JWT"}');
    assert.ok(await PUB.verify(new Uint8Array(Buffer.from(s!, "base64url")), te.encode(`${h}.${p}`)));
    _setEd25519Backend("noble");
    try {
      const key = await Ed25519PrivateKey.fromSeed(SEED);
      assert.equal(await jwtSign(CLAIMS, key, { alg: "EdDSA" }), token);
      assert.deepEqual(await jwtVerify(token, Ed25519PublicKey.fromBytes(PUB.publicBytes()), { algorithms: ["EdDSA"], now: NOW, audience: "api" }), CLAIMS);
    } finally {
      _setEd25519Backend("auto");
    }
  });

  it("RFC 8785 order and numbers", async () => {
    const claims = { b: 1.0, a: [1e21, -0, 1e-7], "\ue000": 1, "\u{1f600}": 2, é: "\u2028\n" };
    const payload = unb64((await jwtSign(claims, SECRET, { alg: "HS256" })).split(".")[1]!);
    assert.equal(payload, '{"a":[1e+21,0,1e-7],"b":1,"é":"\u2028\\n","\u{1f600}":2,"\ue000":1}');
  });

  it("header members are merged and sorted; typ may be replaced", async () => {
    const token = await jwtSign({}, SECRET, { alg: "HS256", header: { kid: "k1", typ: "at+jwt", x5t: { b: 1, a: 2 } } });
    assert.equal(unb64(token.split(".")[0]!), '{"alg":"HS256","kid":"k1","typ":"at+jwt","x5t":{"a":2,"b":1}}');
  });

  it("bad headers, claims, algorithms and keys are refused", async () => {
    for (const [header, field] of [[{ alg: "HS256" }, "header.alg"], [{ crit: ["exp"] }, "header.crit"], [{ b64: false }, "header.b64"],
      [{ typ: 1 }, "header.typ"], [{ kid: null }, "header.kid"], [["kid"], "header"]] as const) {
      const e = await fails(jwtSign({}, SECRET, { alg: "HS256", header: header as never }), "validation");
      assert.equal(e.context["field"], field);
    }
    for (const [claims, field] of [[[], "claims"], ["x", "claims"], [null, "claims"], [{ exp: "1" }, "claims.exp"], [{ nbf: true }, "claims.nbf"],
      [{ iss: 1 }, "claims.iss"], [{ aud: ["a", 1] }, "claims.aud"], [{ a: Number.NaN }, "claims"], [{ a: undefined }, "claims"]] as const) {
      const e = await fails(jwtSign(claims as never, SECRET, { alg: "HS256" }), "validation");
      if (field !== "claims") assert.equal(e.context["field"], field);
    }
    for (const alg of ["none", "None", "RS256", "hs256", 256, undefined]) {
      const e = await fails(jwtSign({}, SECRET, { alg: alg as never }), "validation");
      assert.equal(e.context["field"], "alg");
    }
    await ready;
    for (const [alg, key] of [["HS256", "a-text-secret-of-more-than-32-chars!"], ["HS256", KEY], ["EdDSA", SEED], ["EdDSA", PUB]] as const) {
      const e = await fails(jwtSign({}, key as never, { alg: alg as JwtAlgorithm }), "validation");
      assert.equal(e.context["field"], "key");
    }
  });

  it("short HMAC keys cannot sign (RFC 7518 §3.2)", async () => {
    for (const [alg, minimum] of [["HS256", 32], ["HS384", 48], ["HS512", 64]] as const) {
      const e = await fails(jwtSign({}, new Uint8Array(minimum - 1), { alg }), "crypto");
      assert.deepEqual(e.context, { field: "key", length: minimum - 1, minimum });
      await jwtSign({}, new Uint8Array(minimum), { alg });
    }
  });

  it("the token size limit", async () => {
    assert.ok((await jwtSign({ d: "x".repeat(47_000) }, SECRET, { alg: "HS256" })).length <= MAX_TOKEN_LENGTH);
    const e = await fails(jwtSign({ d: "x".repeat(49_200) }, SECRET, { alg: "HS256" }), "validation");
    assert.equal(e.context["limit"], MAX_TOKEN_LENGTH);
    await fails(verify("x".repeat(MAX_TOKEN_LENGTH + 1)), "auth", "too_large");
  });
});

describe("JWT verification", () => {
  it("round trips every algorithm with every claim check", async () => {
    await ready;
    for (const alg of JWT_ALGORITHMS) {
      const token = await jwtSign(CLAIMS, alg === "EdDSA" ? KEY : SECRETS[alg]!, { alg });
      const claims = await jwtVerify(token, alg === "EdDSA" ? PUB : SECRETS[alg]!, {
        algorithms: [alg], audience: "api", issuer: "https://auth.example", subject: "user-42", now: NOW, maxAge: 600, required: ["sub", "iat"],
      });
      assert.deepEqual(claims, CLAIMS);
    }
  });

  it("alg none in every spelling is rejected first", async () => {
    for (const alg of ["none", "None", "NONE", "nOnE"]) {
      const token = `${b64(JSON.stringify({ alg }))}.${b64('{"sub":"admin"}')}.`;
      const e = await fails(verify(token, SECRET, { algorithms: ["HS256", "HS384"] }), "auth", "alg_none");
      assert.equal(e.context["alg"], alg);
    }
    await fails(verify(hsToken('{"alg":"none"}', "{}", te.encode("k")), te.encode("k")), "auth", "alg_none");
  });

  it("the allow-list and algorithm confusion", async () => {
    await ready;
    const hs512 = await jwtSign({}, SECRETS.HS512!, { alg: "HS512" });
    const e = await fails(verify(hs512, SECRETS.HS512!, { algorithms: ["HS256", "HS384"] }), "auth", "alg_not_allowed");
    assert.equal(e.message, 'token alg "HS512" is not allowed (allowed: HS256, HS384)');
    for (const alg of ["RS256", "hs256", "HS256 "]) await fails(verify(hsToken(JSON.stringify({ alg }), "{}")), "auth", "alg_not_allowed");
    const forged = hsToken('{"alg":"HS256"}', '{"sub":"admin"}', PUB.publicBytes());
    const c = await fails(verify(forged, PUB, { algorithms: ["EdDSA", "HS256"] }), "auth", "key_mismatch");
    assert.match(c.message, /algorithm confusion/);
    assert.deepEqual(await verify(forged, PUB.publicBytes()), { sub: "admin" }); // the same bytes as a secret: hence typed keys
    const ed = await jwtSign({}, KEY, { alg: "EdDSA" });
    await fails(verify(ed, SECRET, { algorithms: ["HS256", "EdDSA"] }), "auth", "key_mismatch");
    await fails(verify(ed, SECRET), "auth", "alg_not_allowed");
  });

  it("short keys reject every token; crit is never understood", async () => {
    for (const [alg, minimum] of [["HS256", 32], ["HS384", 48], ["HS512", 64]] as const) {
      const key = seq(minimum - 1);
      const e = await fails(verify(hsToken(JSON.stringify({ alg }), "{}", key, alg), key, { algorithms: [alg] }), "auth", "key_too_short");
      assert.equal(e.context["minimum"], minimum);
    }
    for (const crit of [["exp"], [], "b64", null]) await fails(verify(hsToken(JSON.stringify({ alg: "HS256", crit }), "{}")), "auth", "crit");
  });

  it("malformed headers, payloads and shapes", async () => {
    for (const header of ['{"alg":"HS256","typ":1}', '{"alg":"HS256","kid":["k"]}', '{"typ":"JWT"}', '{"alg":null}', "[]", '"HS256"', "", "{",
      '{"alg":"HS256","alg":"HS256"}', '\ufeff{"alg":"HS256"}', '{"alg":"HS256","x":NaN}', '{"alg":"HS256","x":"\\ud800"}']) {
      const e = await fails(verify(hsToken(header, "{}")), "auth", "malformed");
      assert.equal(e.context["part"], "header", header);
    }
    for (const payload of ["[]", "1", "null", "", "sub=a", '{"a":1,"a":1}', '{"a":1e400}']) {
      const e = await fails(verify(hsToken('{"alg":"HS256"}', payload)), "auth", "malformed");
      assert.equal(e.context["part"], "payload");
      await fails(verify(hsToken('{"alg":"HS256"}', payload, new Uint8Array(32))), "auth", "signature");
    }
    await fails(verify(hsToken('{"alg":"HS256"}', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))), "auth", "malformed");
    const good = await jwtSign({}, SECRET, { alg: "HS256" });
    const [h, p, s] = good.split(".") as [string, string, string];
    const shapes: Record<string, string> = {
      "": "3 dot-separated segments", [h]: "got 1", [`${h}.${p}`]: "got 2", [`${good}.x`]: "got 4", [`${h}.${p}.${s}.${s}.${s}`]: "JWE",
      [`${h}=.${p}.${s}`]: "character outside", [` ${good}`]: "character outside", [`${good}\n`]: "character outside",
      [`${h}.${p}é.${s}`]: "character", [`${h}.${p}.${s}AA`]: "impossible", [`${h}x.${p}.${s}`]: "impossible",
    };
    for (const [token, words] of Object.entries(shapes)) {
      const e = await fails(verify(token), "auth", "malformed");
      assert.ok(e.message.includes(words), `${JSON.stringify(token)}: ${e.message}`);
    }
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = s.slice(0, -1) + alphabet[alphabet.indexOf(s.at(-1)!) | 1];
    const e = await fails(verify(`${h}.${p}.${twin}`), "auth", "malformed");
    assert.match(e.message, /canonical/);
  });

  it("tampering breaks the signature for every algorithm", async () => {
    await ready;
    for (const alg of JWT_ALGORITHMS) {
      const [h, p, s] = (await jwtSign({ sub: "user" }, alg === "EdDSA" ? KEY : SECRETS[alg]!, { alg })).split(".") as [string, string, string];
      const sig = Buffer.from(s, "base64url");
      const variants = [
        `${b64(JSON.stringify({ alg, kid: "x" }))}.${p}.${s}`, `${h}.${b64('{"sub":"admin"}')}.${s}`,
        `${h}.${p}.${s.slice(0, 10)}${s[10] === "A" ? "B" : "A"}${s.slice(11)}`, `${h}.${p}.${b64(sig.subarray(0, -1))}`,
        `${h}.${p}.${b64(Buffer.concat([sig, Buffer.from([0])]))}`, `${h}.${p}.`,
      ];
      for (const t of variants) {
        const e = await fails(verify(t, alg === "EdDSA" ? PUB : SECRETS[alg]!, { algorithms: [alg] }), "auth", "signature");
        assert.equal(e.message, "token signature is invalid");
      }
    }
  });

  it("claim types, times and their boundaries, required, issuer, subject, audience, typ", async () => {
    for (const [claims, claim] of [[{ exp: "1" }, "exp"], [{ nbf: true }, "nbf"], [{ iat: null }, "iat"], [{ iss: 1 }, "iss"], [{ sub: null }, "sub"],
      [{ jti: 1.5 }, "jti"], [{ aud: {} }, "aud"], [{ aud: ["a", 1] }, "aud"]] as const) {
      const e = await fails(verify(hsToken('{"alg":"HS256"}', JSON.stringify(claims)), SECRET, { audience: "a" }), "auth", "claim_type");
      assert.equal(e.context["claim"], claim);
    }
    const exp = await jwtSign({ exp: NOW }, SECRET, { alg: "HS256" });
    assert.deepEqual(await verify(exp, SECRET, { now: NOW - 1 }), { exp: NOW });
    await fails(verify(exp), "auth", "expired");
    await fails(verify(exp, SECRET, { now: NOW + 5, leeway: 5 }), "auth", "expired");
    assert.deepEqual(await verify(exp, SECRET, { now: NOW + 5, leeway: 5.5 }), { exp: NOW });
    const nbf = await jwtSign({ nbf: NOW }, SECRET, { alg: "HS256" });
    await fails(verify(nbf, SECRET, { now: NOW - 0.5 }), "auth", "not_yet_valid");
    assert.deepEqual(await verify(nbf, SECRET, { now: NOW - 1, leeway: 1 }), { nbf: NOW });
    const iat = await jwtSign({ iat: NOW }, SECRET, { alg: "HS256" });
    await fails(verify(iat, SECRET, { now: NOW - 1 }), "auth", "iat_future");
    assert.deepEqual(await verify(iat, SECRET, { now: NOW + 60, maxAge: 60 }), { iat: NOW });
    const old = await fails(verify(iat, SECRET, { now: NOW + 61, maxAge: 60 }), "auth", "too_old");
    assert.equal(old.message, "token too old: now 1700000061 - iat 1700000000 - leeway 0 > max_age 60");
    await fails(verify(exp, SECRET, { now: NOW - 10, maxAge: 60 }), "auth", "claim_missing");
    const frac = await jwtSign({ exp: NOW + 0.5 }, SECRET, { alg: "HS256" });
    assert.deepEqual(await verify(frac, SECRET, { now: NOW + 0.25 }), { exp: NOW + 0.5 });
    assert.equal((await fails(verify(frac, SECRET, { now: NOW + 0.5 }), "auth", "expired")).message,
      "token expired: exp 1700000000.5 <= now 1700000000.5 - leeway 0");
    const rq = await jwtSign({ sub: "a", email: null }, SECRET, { alg: "HS256" });
    assert.deepEqual(await verify(rq, SECRET, { required: ["sub", "email"] }), { sub: "a", email: null });
    await fails(verify(rq, SECRET, { required: ["scope"] }), "auth", "claim_missing");
    const full = await jwtSign(CLAIMS, SECRET, { alg: "HS256" });
    await fails(verify(full, SECRET, { audience: "api", issuer: "https://evil" }), "auth", "issuer");
    await fails(verify(full, SECRET, { audience: "api", subject: "user-7" }), "auth", "subject");
    await fails(verify(full, SECRET, { audience: "web" }), "auth", "audience");
    assert.match((await fails(verify(full), "auth", "audience")).message, /RFC 7519/);
    assert.deepEqual(await verify(full, SECRET, { audience: ["x", "api"], issuer: ["j", "https://auth.example"] }), CLAIMS);
    const at = await jwtSign({}, SECRET, { alg: "HS256", header: { typ: "at+jwt" } });
    for (const typ of ["at+jwt", "AT+JWT", "application/at+jwt"]) assert.deepEqual(await verify(at, SECRET, { typ }), {});
    await fails(verify(at, SECRET, { typ: "JWT" }), "auth", "typ");
  });

  it("the order of the checks", async () => {
    await fails(verify(await jwtSign({ exp: NOW - 1, aud: "x" }, SECRET, { alg: "HS256" }), SECRET, { audience: "y" }), "auth", "expired");
    await fails(verify(await jwtSign({ nbf: NOW + 1, iat: NOW + 1 }, SECRET, { alg: "HS256" })), "auth", "not_yet_valid");
    await fails(verify(hsToken('{"alg":"HS256"}', '{"exp":"x","iss":"evil"}'), SECRET, { issuer: "i" }), "auth", "claim_type");
    await fails(verify(await jwtSign({ exp: NOW - 1 }, new Uint8Array(32), { alg: "HS256" })), "auth", "signature");
    await fails(verify(hsToken('{"alg":"HS256","crit":["x"]}', "{}", te.encode("k")), te.encode("k")), "auth", "crit");
    await fails(verify(hsToken('{"alg":"HS256"}', "{}", te.encode("k")), te.encode("k")), "auth", "key_too_short");
  });

  it("the clock is read only when a time check needs it", async () => {
    const real = Date.now;
    let reads = 0;
    Date.now = () => {
      reads++;
      return NOW * 1000;
    };
    try {
      await jwtVerify(await jwtSign({ sub: "a" }, SECRET, { alg: "HS256" }), SECRET, { algorithms: ["HS256"] });
      assert.equal(reads, 0);
      await fails(jwtVerify(await jwtSign({ exp: NOW }, SECRET, { alg: "HS256" }), SECRET, { algorithms: ["HS256"] }), "auth", "expired");
      assert.equal(reads, 1);
    } finally {
      Date.now = real;
    }
  });

  it("bad options, keys and tokens are validation errors", async () => {
    await ready;
    const token = await jwtSign({}, SECRET, { alg: "HS256" });
    const bad: [Record<string, unknown>, string][] = [
      [{ algorithms: undefined }, "algorithms"], [{ algorithms: [] }, "algorithms"], [{ algorithms: "HS256" }, "algorithms"],
      [{ algorithms: ["none"] }, "algorithms"], [{ algorithms: ["HS256", "NoNe"] }, "algorithms"], [{ algorithms: ["RS256"] }, "algorithms"],
      [{ algorithms: ["EdDSA"] }, "algorithms"], [{ leeway: -1 }, "leeway"], [{ leeway: "5" }, "leeway"], [{ leeway: Infinity }, "leeway"],
      [{ now: "1" }, "now"], [{ now: Number.NaN }, "now"], [{ maxAge: -1 }, "maxAge"], [{ audience: [] }, "audience"], [{ audience: 5 }, "audience"],
      [{ issuer: 5 }, "issuer"], [{ subject: 5 }, "subject"], [{ typ: 5 }, "typ"], [{ required: "sub" }, "required"],
    ];
    for (const [opts, field] of bad) {
      const e = await fails(verify(token, SECRET, opts as Partial<Opts>), "validation");
      assert.equal(e.context["field"], field, JSON.stringify(opts));
    }
    for (const key of ["secret-as-text-of-32-characters!", null, 1, KEY]) {
      assert.equal((await fails(jwtVerify(token, key as never, { algorithms: ["HS256"] }), "validation")).context["field"], "key");
    }
    for (const t of [null, 1, ["a", "b", "c"]]) {
      assert.equal((await fails(jwtVerify(t as never, SECRET, { algorithms: ["HS256"] }), "validation")).context["field"], "token");
    }
  });

  it("null options mean 'not given' where Python's default is None", async () => {
    const token = await jwtSign({ sub: "a" }, SECRET, { alg: "HS256" });
    const nulls = { audience: null, issuer: null, subject: null, typ: null, now: null, maxAge: null };
    assert.deepEqual(await jwtVerify(token, SECRET, { algorithms: ["HS256"], ...nulls } as never), { sub: "a" });
    await fails(verify(token, SECRET, { leeway: null } as never), "validation");
    await fails(verify(token, SECRET, { required: null } as never), "validation");
  });

  it("decodeUnverified reads without checking and returns copies", async () => {
    const token = await jwtSign({ sub: "a", exp: 1 }, seq(64), { alg: "HS512", header: { kid: "k" } });
    const d = jwtDecodeUnverified(`${token.slice(0, -5)}AAAAA`);
    assert.deepEqual(d, { header: { alg: "HS512", kid: "k", typ: "JWT" }, claims: { sub: "a", exp: 1 } });
    d.header.alg = "changed";
    assert.equal(jwtDecodeUnverified(token).header.alg, "HS512");
    assert.throws(() => jwtDecodeUnverified("a.b"), (e: unknown) => e instanceof InfraError && e.kind === "auth");
  });
});

describe("agreement with jose", () => {
  const sortedCopy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortedCopy);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sortedCopy((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  const key = fc.constantFrom<[JwtAlgorithm, Uint8Array]>(["HS256", SECRETS.HS256!], ["HS384", SECRETS.HS384!], ["HS512", SECRETS.HS512!]);
  const name = fc.string({ maxLength: 8 }).filter((k) => !/^(0|[1-9][0-9]*)$/.test(k) && !["exp", "nbf", "iat", "iss", "sub", "jti", "aud"].includes(k));
  const value = fc.jsonValue({ maxDepth: 2 }).filter((v) => {
    const text = JSON.stringify(v);
    return !/"(0|[1-9][0-9]*)":/.test(text) && !text.includes('"__proto__"');
  });
  const claims = fc.dictionary(name, value, { maxKeys: 5 }).map((c) => ({ ...c, exp: NOW + 60 }));

  it("jose's SignJWT over key-sorted objects gives our tokens; each side verifies the other's", async () => {
    await fc.assert(
      fc.asyncProperty(claims, key, async (c, [alg, secret]) => {
        const ours = await jwtSign(c as never, secret, { alg });
        const theirs = await new SignJWT(sortedCopy(c) as never).setProtectedHeader({ alg, typ: "JWT" }).sign(secret);
        assert.equal(ours, theirs);
        const { payload } = await joseVerify(ours, secret, { algorithms: [alg], currentDate: new Date(NOW * 1000) });
        assert.equal(canonicalize(payload), canonicalize(c));
        const shuffled = Object.fromEntries(Object.entries(c).reverse());
        const joseToken = await new SignJWT(shuffled as never).setProtectedHeader({ typ: "JWT", alg, kid: "k" }).sign(secret);
        assert.equal(canonicalize(await jwtVerify(joseToken, secret, { algorithms: [alg], now: NOW })), canonicalize(c));
      }),
      { numRuns: 100 },
    );
  });

  it("EdDSA tokens equal jose's and verify both ways", async () => {
    await ready;
    const pkcs8 = new Uint8Array([...Buffer.from("302e020100300506032b657004220420", "hex"), ...SEED]);
    const sk = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
    const pk = await crypto.subtle.importKey("raw", PUB.publicBytes() as Uint8Array<ArrayBuffer>, { name: "Ed25519" }, false, ["verify"]);
    const c = { aud: ["a", "b"], exp: NOW + 60, sub: "x" };
    const ours = await jwtSign(c, KEY, { alg: "EdDSA" });
    assert.equal(ours, await new SignJWT(c).setProtectedHeader({ alg: "EdDSA", typ: "JWT" }).sign(sk));
    assert.deepEqual((await joseVerify(ours, pk, { algorithms: ["EdDSA"], currentDate: new Date(NOW * 1000) })).payload, c);
  });
});

describe("fuzzing: only claims or InfraError(auth)", () => {
  async function outcome(token: string): Promise<unknown> {
    try {
      return await jwtVerify(token, SECRET, { algorithms: ["HS256", "HS512"], audience: "api", now: NOW });
    } catch (e) {
      assert.ok(e instanceof InfraError && e.kind === "auth" && typeof e.context["reason"] === "string", String(e));
      return e.context["reason"];
    }
  }

  it("arbitrary strings", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 100 })), async (s) => {
      await outcome(s);
      try {
        jwtDecodeUnverified(s);
      } catch (e) {
        assert.ok(e instanceof InfraError && e.kind === "auth");
      }
    }), { numRuns: 400 });
  });

  it("mutated tokens", async () => {
    const token = await jwtSign(CLAIMS, SECRET, { alg: "HS256" });
    const mutation = fc.tuple(fc.constantFrom("replace", "insert", "delete"), fc.nat(token.length), fc.constantFrom(..."AZaz09-_.=+/ \né\0", "eyJ", ".."));
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
      let t = token;
      for (const [what, at, s] of ms) {
        const i = Math.min(at, t.length);
        t = what === "replace" ? t.slice(0, i) + s + t.slice(i + 1) : what === "insert" ? t.slice(0, i) + s + t.slice(i) : t.slice(0, i) + t.slice(i + 1);
      }
      const r = await outcome(t);
      if (typeof r !== "string") assert.deepEqual(r, CLAIMS);
    }), { numRuns: 400 });
  });

  it("arbitrary signed bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 80 }), async (h, p) => {
      await outcome(hsToken(h, p));
      await outcome(hsToken('{"alg":"HS256"}', p));
    }), { numRuns: 200 });
  });

  it("random claims round trip to their canonical form", async () => {
    await ready;
    const c = fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => !["exp", "nbf", "iat", "iss", "sub", "jti", "aud", "__proto__"].includes(k)),
      fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    await fc.assert(fc.asyncProperty(c, fc.constantFrom(...JWT_ALGORITHMS), async (claims, alg) => {
      const token = await jwtSign(claims as never, alg === "EdDSA" ? KEY : SECRETS[alg]!, { alg });
      const out = await jwtVerify(token, alg === "EdDSA" ? PUB : SECRETS[alg]!, { algorithms: [alg] });
      assert.equal(canonicalize(out), canonicalize(claims));
    }), { numRuns: 100 });
  });
});
