// Independent JavaScript answers for crypto_jwt_vectors.py: reads {"task", "items"} on stdin and
// writes {"results": [...]} on stdout. Nothing here imports @llm-dev-ops/infra.
//   stringify_sorted  JSON text -> JSON.stringify of the parsed value, object members in UTF-16 order
//                     (RFC 8785's canonical form: JSON.stringify already writes ECMAScript numbers)
//   jose_sign         {alg, key (hex: secret or Ed25519 seed), header (JSON text), claims (JSON text)}
//                     -> npm jose's SignJWT token, header and claims objects built in sorted order
//                     (or {skip} when an integer-like key makes that order impossible in JavaScript)
//   jose_verify       {alg, key (hex: secret or Ed25519 public key), token, options} -> jose's
//                     jwtVerify: {ok: claims} or {error: "<code>: <message>"}
import { SignJWT, jwtVerify } from "jose";
import { readFileSync } from "node:fs";

function stringifySorted(v) {
  if (Array.isArray(v)) return "[" + v.map(stringifySorted).join(",") + "]";
  if (v !== null && typeof v === "object") {
    return "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + stringifySorted(v[k])).join(",") + "}";
  }
  return JSON.stringify(v);
}

class Skip extends Error {}

// A copy whose members were inserted in sorted order (what JSON.stringify then writes), or Skip.
function sortedCopy(v) {
  if (Array.isArray(v)) return v.map(sortedCopy);
  if (v !== null && typeof v === "object") {
    const out = {};
    const keys = Object.keys(v).sort();
    for (const k of keys) Object.defineProperty(out, k, { value: sortedCopy(v[k]), enumerable: true, writable: true, configurable: true });
    if (Object.keys(out).join("\u0000") !== keys.join("\u0000")) throw new Skip("integer-like keys");
    return out;
  }
  return v;
}

const hex = (s) => Uint8Array.from(s.match(/../g) ?? [], (b) => parseInt(b, 16));
const PKCS8 = hex("302e020100300506032b657004220420");

async function signingKey(alg, keyHex) {
  if (alg !== "EdDSA") return hex(keyHex);
  const der = new Uint8Array([...PKCS8, ...hex(keyHex)]);
  return crypto.subtle.importKey("pkcs8", der, { name: "Ed25519" }, false, ["sign"]);
}

async function verifyingKey(alg, keyHex) {
  if (alg !== "EdDSA") return hex(keyHex);
  return crypto.subtle.importKey("raw", hex(keyHex), { name: "Ed25519" }, false, ["verify"]);
}

async function guard(fn) {
  try {
    return { ok: await fn() };
  } catch (e) {
    if (e instanceof Skip) return { skip: e.message };
    return { error: `${e.code ?? e.name}: ${e.message}`.slice(0, 200) };
  }
}

const tasks = {
  stringify_sorted: async (text) => guard(() => stringifySorted(JSON.parse(text))),
  jose_sign: async ({ alg, key, header, claims }) =>
    guard(async () => {
      const h = sortedCopy(JSON.parse(header));
      const c = sortedCopy(JSON.parse(claims));
      return new SignJWT(c).setProtectedHeader(h).sign(await signingKey(alg, key));
    }),
  jose_verify: async ({ alg, key, token, options }) =>
    guard(async () => {
      const o = { ...options };
      if (o.currentDate !== undefined) o.currentDate = new Date(o.currentDate * 1000);
      const { payload } = await jwtVerify(token, await verifyingKey(alg, key), o);
      return payload;
    }),
};

const { task, items } = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const item of items) results.push(await tasks[task](item));
process.stdout.write(JSON.stringify({ results }));
