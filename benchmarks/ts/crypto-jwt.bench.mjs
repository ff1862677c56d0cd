// crypto, JWT: @llm-dev-ops/infra's jwtSign / jwtVerify against npm jose (SignJWT / jwtVerify).
// Both sides sign the same claims and check the same things (signature, exp/nbf/iat against the
// clock, audience, issuer). jose is timed with the secret as a Uint8Array (its usual call, which
// imports a Web Crypto key per call) and with a pre-imported CryptoKey (its fastest form); EdDSA
// uses pre-imported keys on both sides.
import { SignJWT, jwtVerify as joseVerify } from "jose";
import { _setEd25519Backend, Ed25519PrivateKey, jwtSign, jwtVerify } from "@llm-dev-ops/infra/crypto";
import { versionOf } from "../drivers/harness.mjs";

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i);
const SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 7);
const PKCS8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...SEED]);

export async function cases() {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: "user-42", iss: "https://auth.example.com", aud: "api", iat: now, exp: now + 3600, scope: "read write" };
  const checks = { audience: "api", issuer: "https://auth.example.com" };
  const jose = await versionOf("jose");
  const hmacKey = await crypto.subtle.importKey("raw", SECRET, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const joseSign = (key) => new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(key);
  const ours = await jwtSign(claims, SECRET, { alg: "HS256" });
  const theirs = await joseSign(SECRET);
  await jwtVerify(theirs, SECRET, { algorithms: ["HS256"], ...checks });
  await joseVerify(ours, SECRET, { algorithms: ["HS256"], ...checks });

  // crypto-asym's "noble path" cases switch the Ed25519 backend in this same process: EdDSA here is
  // timed on the default (auto: WebCrypto where the runtime has Ed25519), set on every call.
  const auto = (fn) => () => { _setEd25519Backend("auto"); return fn(); };
  _setEd25519Backend("auto");
  const key = await Ed25519PrivateKey.fromSeed(SEED);
  const pub = key.publicKey;
  const edSk = await crypto.subtle.importKey("pkcs8", PKCS8, { name: "Ed25519" }, false, ["sign"]);
  const edPk = await crypto.subtle.importKey("raw", pub.publicBytes(), { name: "Ed25519" }, false, ["verify"]);
  const edOurs = await jwtSign(claims, key, { alg: "EdDSA" });
  await joseVerify(edOurs, edPk, { algorithms: ["EdDSA"], ...checks });

  const ourImpl = (fn) => ({ name: "@llm-dev-ops/infra", fn });
  return [
    { module: "crypto", name: "JWT HS256 sign + verify",
      ours: ourImpl(async () => jwtVerify(await jwtSign(claims, SECRET, { alg: "HS256" }), SECRET, { algorithms: ["HS256"], ...checks })),
      peer: { name: `${jose} (Uint8Array secret)`, fn: async () => joseVerify(await joseSign(SECRET), SECRET, { algorithms: ["HS256"], ...checks }) } },
    { module: "crypto", name: "JWT HS256 sign + verify vs jose with a CryptoKey",
      ours: ourImpl(async () => jwtVerify(await jwtSign(claims, SECRET, { alg: "HS256" }), SECRET, { algorithms: ["HS256"], ...checks })),
      peer: { name: `${jose} (CryptoKey)`, fn: async () => joseVerify(await joseSign(hmacKey), hmacKey, { algorithms: ["HS256"], ...checks }) } },
    { module: "crypto", name: "JWT HS256 sign",
      ours: ourImpl(() => jwtSign(claims, SECRET, { alg: "HS256" })),
      peer: { name: `${jose} (CryptoKey)`, fn: () => joseSign(hmacKey) } },
    { module: "crypto", name: "JWT HS256 verify",
      ours: ourImpl(() => jwtVerify(ours, SECRET, { algorithms: ["HS256"], ...checks })),
      peer: { name: `${jose} (CryptoKey)`, fn: () => joseVerify(theirs, hmacKey, { algorithms: ["HS256"], ...checks }) } },
    { module: "crypto", name: "JWT EdDSA sign",
      ours: ourImpl(auto(() => jwtSign(claims, key, { alg: "EdDSA" }))),
      peer: { name: `${jose} (CryptoKey)`, fn: () => new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", typ: "JWT" }).sign(edSk) } },
    { module: "crypto", name: "JWT EdDSA verify",
      ours: ourImpl(auto(() => jwtVerify(edOurs, pub, { algorithms: ["EdDSA"], ...checks }))),
      peer: { name: `${jose} (CryptoKey)`, fn: () => joseVerify(edOurs, edPk, { algorithms: ["EdDSA"], ...checks }) } },
  ];
}
