/** Playground tool (TypeScript side): sign a JWT and/or verify one — decoded header and claims, the validation result. */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { Ed25519PrivateKey, jwtDecodeUnverified, jwtSign, jwtVerify, type JwtAlgorithm } from "@llm-dev-ops/infra/crypto";
import { InfraError } from "@llm-dev-ops/infra/errors";
import { bytesOfHex, object, optional } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "Crypto: JWT sign / verify",
  summary: "HS256/384/512 or EdDSA: sign claims (canonical JSON, so both languages make the same token) and verify — the decoded header and claims, and valid or the auth error with its reason.",
  fields: [
    { name: "mode", label: "Mode", type: "select", value: "sign, then verify", options: ["sign, then verify", "verify the token below"] },
    { name: "alg", label: "Algorithm", type: "select", value: "HS256", options: ["HS256", "HS384", "HS512", "EdDSA"] },
    { name: "key", label: "Key (hex): HMAC secret or Ed25519 seed", type: "text", value: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", help: "HS256/384/512 need 32/48/64 bytes. EdDSA verifies with the seed's public key." },
    { name: "now", label: "Now (seconds since the epoch)", type: "number", value: "1700000100" },
    { name: "leeway", label: "Leeway (seconds)", type: "number", value: "0" },
    { name: "audience", label: "Expected audience (empty: not checked)", type: "text", value: "api" },
    { name: "issuer", label: "Expected issuer (empty: not checked)", type: "text", value: "urn:example:auth" },
    { name: "claims", label: "Claims (a JSON object; sign mode)", type: "json", value: '{"sub": "ada", "aud": "api", "iss": "urn:example:auth", "iat": 1700000000, "exp": 1700003600}' },
    { name: "header", label: "Extra header members (a JSON object; sign mode)", type: "json", value: '{"kid": "k1"}' },
    { name: "token", label: "Token (verify mode)", type: "textarea", value: "" },
  ],
  async run(input): Promise<JsonValue> {
    const alg = String(input["alg"]) as JwtAlgorithm;
    const keyBytes = bytesOfHex(input["key"], "key");
    const eddsa = alg === "EdDSA";
    const signer = eddsa ? await Ed25519PrivateKey.fromSeed(keyBytes) : keyBytes;
    let token: string;
    if (input["mode"] === "sign, then verify") {
      token = await jwtSign(object(input["claims"], "claims"), signer, { alg, header: object(input["header"], "header") });
    } else {
      token = String(input["token"] ?? "").trim();
    }
    const audience = optional(input["audience"]);
    const issuer = optional(input["issuer"]);
    const verifier = signer instanceof Ed25519PrivateKey ? signer.publicKey : signer;
    let verification: JsonObject;
    try {
      const claims = await jwtVerify(token, verifier, {
        algorithms: [alg], now: input["now"] as number, leeway: input["leeway"] as number,
        ...(audience !== undefined ? { audience } : {}), ...(issuer !== undefined ? { issuer } : {}),
      });
      verification = { valid: true, claims };
    } catch (e) {
      if (!(e instanceof InfraError) || e.kind !== "auth") throw e;
      verification = { valid: false, reason: (e.context["reason"] ?? null) as JsonValue, error: e.toJSON() as unknown as JsonObject };
    }
    let decoded: JsonValue = null;
    try {
      const d = jwtDecodeUnverified(token);
      decoded = { header: d.header, claims: d.claims };
    } catch (e) {
      if (!(e instanceof InfraError) || e.kind !== "auth") throw e;
    }
    return { token, decoded_unverified: decoded, verification };
  },
});
