/** Edge routes of the crypto module (TypeScript SDK): hashes, JWT sign/verify. The Python twins are in crypto.py. */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { Ed25519PrivateKey, Ed25519PublicKey, blake3KeyedHash, digest, hexDecode, hexEncode, hmacDigest, jwtSign, jwtVerify, type HashAlgorithm, type HmacAlgorithm, type JwtAlgorithm } from "@llm-dev-ops/infra/crypto";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { type RouteRequest, route } from "../src/router.js";

async function bodyObject(req: RouteRequest): Promise<JsonObject> {
  const body = await req.json();
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw InfraError.validation("body must be a JSON object", { field: "body" });
  return body;
}

function hexField(body: JsonObject, name: string, fallback?: Uint8Array): Uint8Array {
  const v = body[name];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== "string" || !/^(?:[0-9a-fA-F]{2})*$/.test(v)) throw InfraError.validation(`body.${name} must be hex text (pairs of 0-9 a-f)`, { field: name });
  return hexDecode(v);
}

function stringField(body: JsonObject, name: string): string {
  const v = body[name];
  if (typeof v !== "string") throw InfraError.validation(`body.${name} must be a string`, { field: name });
  return v;
}

/** Optional verify options, passed through as given: the library checks their types and words the errors. */
const VERIFY_OPTIONS: Record<string, string> = {
  audience: "audience", issuer: "issuer", subject: "subject", leeway: "leeway", now: "now", max_age: "maxAge", required: "required", typ: "typ",
};

export default [
  route("POST", "/crypto/hash", "A digest as hex: {alg: sha256|sha384|sha512|blake3, data (text) or data_hex, key_hex? (HMAC / keyed BLAKE3)}", async (req) => {
    const body = await bodyObject(req);
    const alg = stringField(body, "alg");
    const data = body["data_hex"] !== undefined ? hexField(body, "data_hex") : new TextEncoder().encode(stringField(body, "data"));
    if (body["key_hex"] === undefined) return { alg, hex: hexEncode(await digest(alg as HashAlgorithm, data)) };
    const key = hexField(body, "key_hex");
    if (alg === "blake3") return { alg: "blake3-keyed", hex: hexEncode(blake3KeyedHash(key, data)) };
    return { alg: `hmac-${alg}`, hex: hexEncode(await hmacDigest(alg as HmacAlgorithm, key, data)) };
  }),
  route("POST", "/jwt/sign", "Sign claims: {alg: HS256|HS384|HS512|EdDSA, key_hex (HMAC secret or Ed25519 seed), claims, header?} → {token}", async (req) => {
    const body = await bodyObject(req);
    const alg = stringField(body, "alg") as JwtAlgorithm;
    const secret = hexField(body, "key_hex");
    const key = alg === "EdDSA" ? await Ed25519PrivateKey.fromSeed(secret) : secret;
    const header = body["header"] === undefined ? undefined : (body["header"] as JsonObject);
    return { token: await jwtSign(body["claims"] as JsonObject, key, { alg, ...(header !== undefined ? { header } : {}) }) };
  }),
  route("POST", "/jwt/verify", "Verify a token: {token, algorithms, key_hex (HMAC secret, or the Ed25519 public key for EdDSA), audience?, issuer?, subject?, leeway?, now?, max_age?, required?, typ?} → {claims}; a rejected token is 401 with its reason", async (req) => {
    const body = await bodyObject(req);
    const algorithms = body["algorithms"];
    const raw = hexField(body, "key_hex");
    const key = Array.isArray(algorithms) && algorithms.includes("EdDSA") ? Ed25519PublicKey.fromBytes(raw) : raw;
    const options: Record<string, JsonValue> = { algorithms: algorithms ?? null };
    for (const [name, option] of Object.entries(VERIFY_OPTIONS)) if (body[name] !== undefined) options[option] = body[name] as JsonValue;
    const claims = await jwtVerify(body["token"] as string, key, options as unknown as Parameters<typeof jwtVerify>[2]);
    return { claims };
  }),
];
