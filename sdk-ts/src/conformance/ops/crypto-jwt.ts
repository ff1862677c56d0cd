/**
 * Vector ops of the crypto module's JWT layer: `crypto.jwt.sign` and `crypto.jwt.verify` (the
 * catalog's fields; verify adds `algorithms`, `required`, `max_age`, `subject`, `typ`), plus
 * `crypto.jwt.check` (why a token fails, as `{valid: false, reason}`) and
 * `crypto.jwt.decode_unverified`. `key` is bytes: the HMAC secret, or for EdDSA the seed (sign) /
 * public key (verify), wrapped here in the typed key object the API wants.
 */
import { Ed25519PrivateKey, Ed25519PublicKey } from "../../crypto/ed25519.js";
import { jwtDecodeUnverified, jwtSign, jwtVerify, type JwtVerifyOptions } from "../../crypto/jwt.js";
import type { JsonObject } from "../../_internal/json-value.js";
import { InfraError } from "../../errors/index.js";
import { opt, req, reqBytes, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

const OPTION_NAMES: Record<string, keyof JwtVerifyOptions> = {
  now: "now",
  leeway: "leeway",
  audience: "audience",
  issuer: "issuer",
  subject: "subject",
  max_age: "maxAge",
  required: "required",
  typ: "typ",
};

async function verify(input: JsonObject): Promise<JsonObject> {
  const alg = reqStr(input, "alg");
  const raw = reqBytes(input, "key");
  const key = alg === "EdDSA" ? Ed25519PublicKey.fromBytes(raw) : raw;
  const options: Record<string, unknown> = { algorithms: opt(input, "algorithms") ?? [alg] };
  for (const [field, name] of Object.entries(OPTION_NAMES)) {
    if (Object.hasOwn(input, field)) options[name] = input[field];
  }
  return jwtVerify(req(input, "token") as string, key, options as unknown as JwtVerifyOptions);
}

export const cryptoJwtOps: Record<string, Handler> = {
  "crypto.jwt.sign": async (input) => {
    const alg = req(input, "alg");
    const secretOrSeed = reqBytes(input, "key");
    const key = alg === "EdDSA" ? await Ed25519PrivateKey.fromSeed(secretOrSeed) : secretOrSeed;
    const header = opt(input, "header");
    return { token: await jwtSign(req(input, "claims") as JsonObject, key, { alg, header } as never) };
  },
  "crypto.jwt.verify": async (input) => ({ claims: await verify(input) }),
  "crypto.jwt.check": async (input): Promise<JsonObject> => {
    try {
      return { valid: true, claims: await verify(input) };
    } catch (e) {
      if (!(e instanceof InfraError) || e.kind !== "auth") throw e;
      return { valid: false, reason: e.context.reason ?? null };
    }
  },
  "crypto.jwt.decode_unverified": (input) => {
    const { header, claims } = jwtDecodeUnverified(req(input, "token") as string);
    return { header, claims };
  },
};
