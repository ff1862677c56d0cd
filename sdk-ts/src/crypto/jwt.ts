/**
 * JSON Web Tokens (RFC 7519) in JWS compact serialization (RFC 7515): HS256/384/512 and EdDSA —
 * byte-for-byte and verdict-for-verdict the same as Python's `llm_infra.crypto` (`jwt_sign`,
 * `jwt_verify`, `jwt_decode_unverified`).
 *
 * **Serialization (fixed):** the header is `{"alg": <alg>, "typ": "JWT"}` plus the caller's extra
 * members; header and claims are each RFC 8785 canonical JSON (`canonicalBytes`: keys sorted by
 * UTF-16 code units, no whitespace, ECMAScript numbers, minimal escapes, UTF-8), base64url
 * without padding, joined as `header.payload.signature`.
 *
 * **Typed keys, so algorithm families never mix:** a `Uint8Array` is an HMAC secret and only
 * verifies HS256/384/512 (at least 32/48/64 bytes, RFC 7518 §3.2, on sign and verify); an
 * {@link Ed25519PrivateKey} signs and an {@link Ed25519PublicKey} verifies EdDSA only.
 *
 * **Verification** needs an explicit `algorithms` allow-list (never `none`) and checks, in order:
 * size ({@link MAX_TOKEN_LENGTH}), three base64url segments, a strict-JSON header object (no
 * duplicate keys), `alg` (`none` in any spelling, not allowed, or the wrong family for the key are
 * rejected), no `crit`, `typ`/`kid` strings (and `typ` if asked for), the HMAC key length, the
 * signature (constant-time for HMAC), a claims object, the types of the registered claims,
 * `required`, `exp` (`exp <= now - leeway` is expired), `nbf` (`nbf > now + leeway`), `iat`
 * (`iat > now + leeway` is in the future), `maxAge` (`now - iat - leeway > maxAge`), `iss`,
 * `sub`, `aud` (a token with `aud` needs an `audience`, RFC 7519 §4.1.3). Token failures are
 * `InfraError("auth")` with a stable `context.reason`; bad arguments `InfraError("validation")`;
 * a key too short to sign with `InfraError("crypto")` — identical to Python.
 *
 * Compared with `jose`: the same compact JWS, but canonical JSON (jose writes `JSON.stringify`
 * in insertion order, so its bytes depend on how the object was built), strict JSON and
 * base64url, a minimum HMAC key length, and `aud`/`iat` rules that follow PyJWT and RFC 7519.
 *
 * @example
 * ```ts
 * import { jwtSign, jwtVerify } from "@llm-dev-ops/infra/crypto";
 * const secret = new Uint8Array(32).map((_, i) => i);
 * const token = await jwtSign({ sub: "user-42", exp: 4102444800 }, secret, { alg: "HS256" });
 * await jwtVerify(token, secret, { algorithms: ["HS256"], now: 1700000000 }); // { exp: 4102444800, sub: "user-42" }
 * ```
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { canonicalBytes, canonicalize, parse } from "../json/index.js";
import { Ed25519PrivateKey, Ed25519PublicKey } from "./ed25519.js";
import { b64urlDecode, b64urlEncode, constantTimeEqual } from "./encoding.js";
import { hmacDigest, type HmacAlgorithm } from "./hmac.js";

/** The JWS algorithms offered (`alg` values, case-sensitive). */
export type JwtAlgorithm = "HS256" | "HS384" | "HS512" | "EdDSA";
/**
 * The algorithms offered.
 * @example
 * ```ts
 * JWT_ALGORITHMS; // ["HS256", "HS384", "HS512", "EdDSA"]
 * ```
 */
export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = Object.freeze(["HS256", "HS384", "HS512", "EdDSA"]);
/**
 * The longest token accepted or produced, in characters (64 KiB).
 * @example
 * ```ts
 * if (token.length > MAX_TOKEN_LENGTH) reject();
 * ```
 */
export const MAX_TOKEN_LENGTH = 65536;

/** Options of {@link jwtSign}. */
export interface JwtSignOptions {
  /** The signing algorithm. */
  alg: JwtAlgorithm;
  /** Extra header members (`typ` may be replaced, `kid` must be a string; `alg`, `crit`, `b64` are refused). */
  header?: JsonObject;
}

/** Options of {@link jwtVerify}. */
export interface JwtVerifyOptions {
  /** The `alg` values accepted (required, non-empty, never `none`). */
  algorithms: readonly string[];
  /** Accepted audience(s): the token's `aud` must contain one. */
  audience?: string | readonly string[];
  /** Accepted issuer(s). */
  issuer?: string | readonly string[];
  /** The expected `sub`. */
  subject?: string;
  /** Seconds of clock skew allowed in every time check (default 0). */
  leeway?: number;
  /** The current time in seconds since the epoch (default: the clock, read only if needed). */
  now?: number;
  /** Maximum age in seconds since `iat` (which then is required). */
  maxAge?: number;
  /** Claims that must be present. */
  required?: readonly string[];
  /** The required `typ` header value (case-insensitive, an `application/` prefix ignored). */
  typ?: string;
}

/** A token's header and claims as written — **not verified**. */
export interface DecodedJwt {
  header: JsonObject;
  claims: JsonObject;
}

const HMAC: Record<string, [HmacAlgorithm, number]> = { HS256: ["sha256", 32], HS384: ["sha384", 48], HS512: ["sha512", 64] };
const TOKEN_CHARS = /^[A-Za-z0-9_\-.]*$/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const NUMERIC_DATES = ["exp", "nbf", "iat"] as const;
const STRING_CLAIMS = ["iss", "sub", "jti"] as const;
const HEADER_CACHE = new Map<string, JsonObject>(); // header segment -> parsed header
const HEADER_CACHE_SIZE = 256;
const HEADER_CACHE_MAX_SEGMENT = 1024; // longer headers are parsed every time: the cache stays small
const DEFAULT_HEADER = new Map<string, string>(); // alg -> encoded default header
const encoder = new TextEncoder();
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Uint8Array) return "Uint8Array";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}

/** A value as JSON text for messages (the same text Python writes). */
function q(value: unknown): string {
  try {
    return canonicalize(value);
  } catch {
    return String(value);
  }
}

const num = (x: number): string => JSON.stringify(x);

function fail(reason: string, message: string, context: Record<string, unknown> = {}): InfraError {
  return InfraError.auth(message, { reason, ...context });
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "object" ? "object" : typeof v;
}

/** The first registered claim of the wrong type, as [claim, what it must be]. */
function claimTypeProblem(claims: JsonObject): [string, string] | undefined {
  for (const name of NUMERIC_DATES) {
    if (hasOwn(claims, name) && typeof claims[name] !== "number") return [name, "a number (NumericDate, seconds since the epoch)"];
  }
  for (const name of STRING_CLAIMS) {
    if (hasOwn(claims, name) && typeof claims[name] !== "string") return [name, "a string"];
  }
  if (hasOwn(claims, "aud")) {
    const aud = claims.aud;
    if (typeof aud !== "string" && !(Array.isArray(aud) && aud.every((a) => typeof a === "string"))) {
      return ["aud", "a string or an array of strings"];
    }
  }
  return undefined;
}

// -- signing ---------------------------------------------------------------------------------------

function signAlg(alg: unknown): JwtAlgorithm {
  if (typeof alg !== "string" || !(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
    if (typeof alg === "string" && alg.toLowerCase() === "none") {
      throw InfraError.validation("alg none (an unsecured JWT) is never produced", { field: "alg" });
    }
    throw InfraError.validation(`alg must be one of ${JWT_ALGORITHMS.join(", ")}; got ${q(alg ?? null)}`, { field: "alg" });
  }
  return alg as JwtAlgorithm;
}

function signer(alg: JwtAlgorithm, key: unknown): (data: Uint8Array) => Promise<Uint8Array> {
  if (alg === "EdDSA") {
    if (!(key instanceof Ed25519PrivateKey)) {
      const hint = key instanceof Uint8Array ? " (bytes are HMAC secrets; use Ed25519PrivateKey.fromSeed(seed))" : "";
      throw InfraError.validation(`EdDSA signs with an Ed25519PrivateKey, got ${typeName(key)}${hint}`, { field: "key" });
    }
    return (data) => key.sign(data);
  }
  if (!(key instanceof Uint8Array)) {
    const hint = typeof key === "string" ? " (encode a text secret explicitly)" : "";
    throw InfraError.validation(`${alg} signs with an HMAC secret (Uint8Array), got ${typeName(key)}${hint}`, { field: "key" });
  }
  const [hash, minimum] = HMAC[alg]!;
  if (key.length < minimum) {
    throw InfraError.crypto(`the HMAC key is ${key.length} bytes; ${alg} needs at least ${minimum} (RFC 7518 §3.2)`, {
      field: "key",
      length: key.length,
      minimum,
    });
  }
  const secret = new Uint8Array(key);
  return (data) => hmacDigest(hash, secret, data);
}

function headerSegment(alg: JwtAlgorithm, header: unknown): string {
  if (header === undefined || header === null) {
    let seg = DEFAULT_HEADER.get(alg);
    if (seg === undefined) {
      seg = b64urlEncode(canonicalBytes({ alg, typ: "JWT" }));
      DEFAULT_HEADER.set(alg, seg);
    }
    return seg;
  }
  if (!isObject(header)) throw InfraError.validation(`header must be a JSON object, got ${typeName(header)}`, { field: "header" });
  if (hasOwn(header, "alg")) throw InfraError.validation("header.alg may not be given: it is set from alg", { field: "header.alg" });
  for (const name of ["crit", "b64"]) {
    if (hasOwn(header, name)) {
      throw InfraError.validation(`header.${name} is not supported (no JWS extensions are implemented)`, { field: `header.${name}` });
    }
  }
  for (const name of ["typ", "kid"]) {
    if (hasOwn(header, name) && typeof header[name] !== "string") {
      throw InfraError.validation(`header.${name} must be a string, got ${typeName(header[name])}`, { field: `header.${name}` });
    }
  }
  return b64urlEncode(canonicalBytes({ typ: "JWT", ...header, alg }));
}

/**
 * The compact JWT of `claims` signed with `key` under `options.alg`.
 *
 * `key` is the HMAC secret (`Uint8Array`, at least 32/48/64 bytes for HS256/384/512) or an
 * {@link Ed25519PrivateKey} for EdDSA. Registered claims must have their RFC 7519 types. Nothing
 * is added (set `iat`/`exp` yourself); the token bytes equal Python's `jwt_sign`.
 *
 * @example
 * ```ts
 * import { Ed25519PrivateKey, jwtSign } from "@llm-dev-ops/infra/crypto";
 * await jwtSign({ sub: "a" }, new Uint8Array(32), { alg: "HS256" });
 * // "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhIn0._CLbi6HIoW5uwvWZgz0sxF9AvqHtgTlVmrvUjV0ahaA"
 * const key = await Ed25519PrivateKey.fromSeed(seed);
 * await jwtSign({ sub: "a" }, key, { alg: "EdDSA", header: { kid: "2024-06" } });
 * ```
 */
export async function jwtSign(claims: JsonObject, key: Uint8Array | Ed25519PrivateKey, options: JwtSignOptions): Promise<string> {
  if (!isObject(options)) throw InfraError.validation(`options must be an object with alg, got ${typeName(options)}`, { field: "options" });
  const alg = signAlg(options.alg);
  const sign = signer(alg, key);
  const head = headerSegment(alg, options.header);
  if (!isObject(claims)) throw InfraError.validation(`claims must be a JSON object, got ${typeName(claims)}`, { field: "claims" });
  const problem = claimTypeProblem(claims);
  if (problem !== undefined) throw InfraError.validation(`claims.${problem[0]} must be ${problem[1]}`, { field: `claims.${problem[0]}` });
  const signingInput = `${head}.${b64urlEncode(canonicalBytes(claims))}`;
  const token = `${signingInput}.${b64urlEncode(await sign(encoder.encode(signingInput)))}`;
  if (token.length > MAX_TOKEN_LENGTH) {
    throw InfraError.validation(`the token would be ${token.length} characters; the limit is ${MAX_TOKEN_LENGTH}`, {
      field: "claims",
      length: token.length,
      limit: MAX_TOKEN_LENGTH,
    });
  }
  return token;
}

// -- parsing ---------------------------------------------------------------------------------------

function segments(token: unknown): [string, string, string] {
  if (typeof token !== "string") throw InfraError.validation(`token must be a string, got ${typeName(token)}`, { field: "token" });
  if (token.length > MAX_TOKEN_LENGTH) {
    throw fail("too_large", `token is ${token.length} characters; the limit is ${MAX_TOKEN_LENGTH}`, { length: token.length, limit: MAX_TOKEN_LENGTH });
  }
  const parts = token.split(".");
  if (parts.length !== 3) {
    const hint = parts.length === 5 ? " (an encrypted JWE has 5; only signed JWS tokens are supported)" : "";
    throw fail("malformed", `token must have 3 dot-separated segments (header.payload.signature), got ${parts.length}${hint}`, { part: "token" });
  }
  if (!TOKEN_CHARS.test(token)) {
    const names = ["header", "payload", "signature"];
    let offset = 0;
    for (let p = 0; p < 3; p++) {
      const seg = parts[p]!;
      for (let i = 0; i < seg.length; i++) {
        if (!ALPHABET.includes(seg[i]!)) {
          throw fail("malformed", `token ${names[p]} is not base64url: a character outside A-Z a-z 0-9 - _ at index ${offset + i}`, {
            part: names[p],
            index: offset + i,
          });
        }
      }
      offset += seg.length + 1;
    }
  }
  return [parts[0]!, parts[1]!, parts[2]!];
}

function b64d(seg: string, part: string): Uint8Array {
  const rest = seg.length & 3;
  if (rest === 1) throw fail("malformed", `token ${part} is not base64url: a length of ${seg.length} is impossible`, { part });
  if (rest !== 0 && ALPHABET.indexOf(seg[seg.length - 1]!) & (rest === 2 ? 15 : 3)) {
    throw fail("malformed", `token ${part} is not canonical base64url: its unused trailing bits are not zero`, { part });
  }
  return b64urlDecode(seg);
}

function jsonObject(seg: string, part: string): JsonObject {
  const data = b64d(seg, part);
  let value: JsonValue;
  try {
    value = parse(data);
  } catch (e) {
    if (!(e instanceof InfraError)) throw e;
    let detail = e.message.startsWith("invalid JSON") ? e.message.slice("invalid JSON".length) : e.message;
    if (detail[0] !== ":" && detail[0] !== " ") detail = `: ${detail}`;
    throw fail("malformed", `token ${part} is not valid JSON${detail}`, { part });
  }
  if (!isObject(value)) {
    const what = part === "payload" ? "claims" : part;
    throw fail("malformed", `token ${part} (${what}) must be a JSON object, got ${jsonType(value)}`, { part });
  }
  return value;
}

function headerOf(seg: string): JsonObject {
  const cached = HEADER_CACHE.get(seg);
  if (cached !== undefined) return cached;
  const header = jsonObject(seg, "header");
  if (seg.length > HEADER_CACHE_MAX_SEGMENT) return header;
  if (HEADER_CACHE.size >= HEADER_CACHE_SIZE) HEADER_CACHE.clear();
  HEADER_CACHE.set(seg, header);
  return header;
}

/**
 * The header and claims of `token` **without verifying anything** but its shape — for routing
 * (which key? which tenant?), never for trusting. A malformed token is `InfraError("auth")`.
 *
 * @example
 * ```ts
 * import { jwtDecodeUnverified } from "@llm-dev-ops/infra/crypto";
 * const { header } = jwtDecodeUnverified(token);
 * const key = keysById.get(String(header.kid));
 * ```
 */
export function jwtDecodeUnverified(token: string): DecodedJwt {
  const [head, payload, signature] = segments(token);
  const header = { ...headerOf(head) };
  const claims = jsonObject(payload, "payload");
  b64d(signature, "signature");
  return { header, claims };
}

// -- verification ----------------------------------------------------------------------------------

function nameList(value: unknown, field: string, allowString: boolean): string[] {
  if (typeof value === "string") {
    if (allowString) return [value];
    throw InfraError.validation(`${field} must be a list of names, not a single string`, { field });
  }
  if (!Array.isArray(value)) throw InfraError.validation(`${field} must be a list of strings, got ${typeName(value)}`, { field });
  for (const v of value) {
    if (typeof v !== "string") throw InfraError.validation(`${field} must contain only strings, got ${typeName(v)}`, { field });
  }
  return [...(value as string[])];
}

function numberArg(value: unknown, field: string, minimum: number | null = 0): number {
  if (typeof value === "number" && Number.isFinite(value) && (minimum === null || value >= minimum)) return value;
  const what = minimum === null ? "a finite number" : `a finite number >= ${minimum}`;
  throw InfraError.validation(`${field} must be ${what}, got ${q(value ?? null)}`, { field });
}

function allowList(algorithms: unknown, key: unknown): [Set<string>, Uint8Array | Ed25519PublicKey] {
  if (algorithms === undefined || algorithms === null) {
    throw InfraError.validation('algorithms is required: the list of algorithms this key may verify, e.g. ["HS256"]', { field: "algorithms" });
  }
  const names = nameList(algorithms, "algorithms", false);
  if (names.length === 0) throw InfraError.validation("algorithms must not be empty", { field: "algorithms" });
  for (const name of names) {
    if (name.toLowerCase() === "none") throw InfraError.validation("algorithms: none (unsecured JWTs) can never be allowed", { field: "algorithms" });
    if (!(JWT_ALGORITHMS as readonly string[]).includes(name)) {
      throw InfraError.validation(`algorithms: unsupported algorithm ${q(name)} (supported: ${JWT_ALGORITHMS.join(", ")})`, { field: "algorithms" });
    }
  }
  let typed: Uint8Array | Ed25519PublicKey;
  if (key instanceof Uint8Array) typed = new Uint8Array(key);
  else if (key instanceof Ed25519PublicKey) typed = key;
  else if (key instanceof Ed25519PrivateKey) {
    throw InfraError.validation("EdDSA verifies with the Ed25519PublicKey (key.publicKey), not the private key", { field: "key" });
  } else {
    const hint = typeof key === "string" ? " (encode a text secret explicitly)" : "";
    throw InfraError.validation(`key must be a Uint8Array (an HMAC secret) or an Ed25519PublicKey, got ${typeName(key)}${hint}`, { field: "key" });
  }
  const eddsa = typed instanceof Ed25519PublicKey;
  if (!names.some((n) => (n === "EdDSA") === eddsa)) {
    const what = eddsa ? "an Ed25519 public key" : "an HMAC secret";
    throw InfraError.validation(`the key is ${what}, but algorithms lists no algorithm that uses it`, { field: "algorithms" });
  }
  return [new Set(names), typed];
}

function normTyp(typ: string): string {
  const t = typ.toLowerCase();
  return t.startsWith("application/") ? t.slice(12) : t;
}

interface ClaimRules {
  needed: string[];
  audiences: string[] | undefined;
  issuers: string[] | undefined;
  subject: string | undefined;
  leeway: number;
  now: number | undefined;
  maxAge: number | undefined;
}

/**
 * The claims of `token` once its signature and claims check out; else `InfraError("auth")` with
 * `context.reason` (`malformed`, `alg_none`, `alg_not_allowed`, `key_mismatch`, `signature`,
 * `expired`, `audience`, …; see docs/crypto.md).
 *
 * @example
 * ```ts
 * import { Ed25519PublicKey, jwtVerify } from "@llm-dev-ops/infra/crypto";
 * const claims = await jwtVerify(token, secret, { algorithms: ["HS256"], audience: "api", issuer: "https://auth.example", leeway: 30 });
 * const pub = Ed25519PublicKey.fromBytes(publicKeyBytes);
 * await jwtVerify(edToken, pub, { algorithms: ["EdDSA"], maxAge: 3600 });
 * ```
 */
export async function jwtVerify(token: string, key: Uint8Array | Ed25519PublicKey, options: JwtVerifyOptions): Promise<JsonObject> {
  const o = (isObject(options) ? options : {}) as Partial<JwtVerifyOptions>;
  // null means "not given" where Python's default is None (audience, issuer, subject, typ, now, maxAge)
  const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;
  const [allowed, typedKey] = allowList(o.algorithms, key);
  const audiences = given(o.audience) ? nameList(o.audience, "audience", true) : undefined;
  if (audiences !== undefined && audiences.length === 0) throw InfraError.validation("audience must not be empty", { field: "audience" });
  const issuers = given(o.issuer) ? nameList(o.issuer, "issuer", true) : undefined;
  const subject = given(o.subject) ? o.subject : undefined;
  if (subject !== undefined && typeof subject !== "string") {
    throw InfraError.validation(`subject must be a string, got ${typeName(subject)}`, { field: "subject" });
  }
  const typ = given(o.typ) ? o.typ : undefined;
  if (typ !== undefined && typeof typ !== "string") throw InfraError.validation(`typ must be a string, got ${typeName(typ)}`, { field: "typ" });
  // the same order of argument checks as Python
  const leeway = o.leeway === undefined ? 0 : numberArg(o.leeway, "leeway");
  const now = given(o.now) ? numberArg(o.now, "now", null) : undefined;
  const maxAge = given(o.maxAge) ? numberArg(o.maxAge, "maxAge") : undefined;
  const needed = nameList(o.required === undefined ? [] : o.required, "required", false);
  const rules: ClaimRules = { needed, audiences, issuers, subject, leeway, now, maxAge };

  const [head, payload, signature] = segments(token);
  const header = headerOf(head);
  if (!hasOwn(header, "alg")) throw fail("malformed", "token header has no alg", { part: "header" });
  const alg = header.alg;
  if (typeof alg !== "string") throw fail("malformed", "token header alg must be a string", { part: "header" });
  if (alg.toLowerCase() === "none") throw fail("alg_none", "token alg none (an unsecured JWT) is never accepted", { alg });
  if (!allowed.has(alg)) {
    throw fail("alg_not_allowed", `token alg ${q(alg)} is not allowed (allowed: ${JWT_ALGORITHMS.filter((a) => allowed.has(a)).join(", ")})`, { alg });
  }
  const eddsa = typedKey instanceof Ed25519PublicKey;
  if ((alg === "EdDSA") !== eddsa) {
    const needs = alg === "EdDSA" ? "an Ed25519 public key" : "an HMAC secret";
    const has = alg !== "EdDSA" ? "an Ed25519 public key" : "an HMAC secret";
    throw fail("key_mismatch", `token alg ${q(alg)} needs ${needs}, but the key is ${has} (algorithm confusion)`, { alg });
  }
  if (hasOwn(header, "crit")) {
    throw fail("crit", `token header crit lists extensions this verifier does not understand: ${q(header.crit)}`, { part: "header" });
  }
  for (const name of ["typ", "kid"]) {
    if (hasOwn(header, name) && typeof header[name] !== "string") throw fail("malformed", `token header ${name} must be a string`, { part: "header" });
  }
  if (typ !== undefined) {
    const got = hasOwn(header, "typ") ? header.typ : undefined;
    if (typeof got !== "string" || normTyp(got) !== normTyp(typ)) {
      throw fail("typ", `token typ ${typeof got === "string" ? q(got) : "(absent)"} is not ${q(typ)}`, { part: "header" });
    }
  }

  const signingInput = encoder.encode(`${head}.${payload}`);
  let valid: boolean;
  if (typedKey instanceof Ed25519PublicKey) {
    valid = await typedKey.verify(b64d(signature, "signature"), signingInput);
  } else {
    const [hash, minimum] = HMAC[alg]!;
    if (typedKey.length < minimum) {
      throw fail("key_too_short", `the HMAC key is ${typedKey.length} bytes; ${alg} needs at least ${minimum} (RFC 7518 §3.2)`, {
        alg,
        length: typedKey.length,
        minimum,
      });
    }
    const sig = b64d(signature, "signature");
    valid = constantTimeEqual(await hmacDigest(hash, typedKey, signingInput), sig);
  }
  if (!valid) throw fail("signature", "token signature is invalid", { alg });

  const claims = jsonObject(payload, "payload");
  checkClaims(claims, rules);
  return claims;
}

function checkClaims(claims: JsonObject, r: ClaimRules): void {
  const problem = claimTypeProblem(claims);
  if (problem !== undefined) throw fail("claim_type", `claim ${problem[0]} must be ${problem[1]}`, { claim: problem[0] });
  for (const name of r.needed) {
    if (!hasOwn(claims, name)) throw fail("claim_missing", `required claim ${name} is missing`, { claim: name });
  }
  if (r.maxAge !== undefined && !hasOwn(claims, "iat")) throw fail("claim_missing", "claim iat is required to check max_age", { claim: "iat" });
  const date = (name: string): number | undefined => (hasOwn(claims, name) ? (claims[name] as number) : undefined);
  const exp = date("exp");
  const nbf = date("nbf");
  const iat = date("iat");
  if (exp !== undefined || nbf !== undefined || iat !== undefined) {
    const t = r.now ?? Date.now() / 1000;
    const lw = num(r.leeway);
    if (exp !== undefined && exp <= t - r.leeway) throw fail("expired", `token expired: exp ${num(exp)} <= now ${num(t)} - leeway ${lw}`, { claim: "exp" });
    if (nbf !== undefined && nbf > t + r.leeway) {
      throw fail("not_yet_valid", `token not valid yet: nbf ${num(nbf)} > now ${num(t)} + leeway ${lw}`, { claim: "nbf" });
    }
    if (iat !== undefined && iat > t + r.leeway) {
      throw fail("iat_future", `token issued in the future: iat ${num(iat)} > now ${num(t)} + leeway ${lw}`, { claim: "iat" });
    }
    if (iat !== undefined && r.maxAge !== undefined && t - iat - r.leeway > r.maxAge) {
      throw fail("too_old", `token too old: now ${num(t)} - iat ${num(iat)} - leeway ${lw} > max_age ${num(r.maxAge)}`, { claim: "iat" });
    }
  }
  if (r.issuers !== undefined) {
    if (!hasOwn(claims, "iss")) throw fail("claim_missing", "claim iss is required to check the issuer", { claim: "iss" });
    if (!r.issuers.includes(claims.iss as string)) throw fail("issuer", `token iss ${q(claims.iss)} is not an accepted issuer`, { claim: "iss" });
  }
  if (r.subject !== undefined) {
    if (!hasOwn(claims, "sub")) throw fail("claim_missing", "claim sub is required to check the subject", { claim: "sub" });
    if (claims.sub !== r.subject) throw fail("subject", `token sub ${q(claims.sub)} is not the expected subject`, { claim: "sub" });
  }
  if (r.audiences === undefined) {
    if (hasOwn(claims, "aud")) {
      throw fail("audience", "token has an aud claim but no audience was given to check it against (RFC 7519 §4.1.3)", { claim: "aud" });
    }
  } else {
    if (!hasOwn(claims, "aud")) throw fail("claim_missing", "claim aud is required to check the audience", { claim: "aud" });
    const aud = claims.aud as string | string[];
    const list = typeof aud === "string" ? [aud] : aud;
    if (!list.some((a) => r.audiences!.includes(a))) throw fail("audience", `token aud ${q(aud)} does not include an accepted audience`, { claim: "aud" });
  }
}
