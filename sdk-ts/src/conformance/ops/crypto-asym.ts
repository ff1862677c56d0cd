/**
 * Vector ops of the crypto module's asymmetric half: `crypto.ed25519.public_key` / `.sign` /
 * `.verify`, `crypto.argon2id`, `crypto.password.hash` / `.verify` / `.needs_rehash`.
 */
import { argon2idAsync } from "../../crypto/argon2.js";
import { ed25519PublicKey, ed25519Sign, ed25519Verify } from "../../crypto/ed25519.js";
import { hashPassword, needsRehash, verifyPassword } from "../../crypto/password.js";
import type { JsonObject } from "../../_internal/json-value.js";
import { bytesToHex, optBytes, reqBytes, reqInt, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

function params(input: JsonObject): { timeCost: number; memoryKib: number; parallelism: number; length: number } {
  return {
    timeCost: reqInt(input, "time_cost"),
    memoryKib: reqInt(input, "memory_kib"),
    parallelism: reqInt(input, "parallelism"),
    length: reqInt(input, "length"),
  };
}

export const cryptoAsymOps: Record<string, Handler> = {
  "crypto.ed25519.public_key": async (input) => ({ public_key: bytesToHex(await ed25519PublicKey(reqBytes(input, "seed"))) }),
  "crypto.ed25519.sign": async (input) => ({
    signature: bytesToHex(await ed25519Sign(reqBytes(input, "seed"), reqBytes(input, "message"))),
  }),
  "crypto.ed25519.verify": async (input) => ({
    valid: await ed25519Verify(reqBytes(input, "public_key"), reqBytes(input, "message"), reqBytes(input, "signature")),
  }),
  "crypto.argon2id": async (input) => {
    const tag = await argon2idAsync(reqBytes(input, "password"), reqBytes(input, "salt"), {
      ...params(input),
      secret: optBytes(input, "secret"),
      ad: optBytes(input, "ad"),
    });
    return { tag: bytesToHex(tag) };
  },
  "crypto.password.hash": async (input) => ({
    phc: await hashPassword(reqBytes(input, "password"), { ...params(input), salt: reqBytes(input, "salt") }),
  }),
  "crypto.password.verify": async (input) => ({ valid: await verifyPassword(reqStr(input, "phc"), reqBytes(input, "password")) }),
  "crypto.password.needs_rehash": (input) => ({
    needs_rehash: needsRehash(reqStr(input, "phc"), { ...params(input), saltLength: reqInt(input, "salt_length") }),
  }),
};
