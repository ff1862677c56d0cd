/**
 * Vector ops of the crypto module's symmetric half: hashing, BLAKE3, HMAC, AES-GCM and the encodings
 * (the same ops, inputs and outputs as Python's `llm_infra/conformance/ops/crypto_sym.py`).
 */
import type { JsonObject } from "../../_internal/json-value.js";
import * as crypto from "../../crypto/index.js";
import { bytesToHex, hexToBytes, opt, optBytes, reqBytes, reqInt, reqList, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

function length(input: JsonObject): number | undefined {
  return opt(input, "length") === undefined || opt(input, "length") === null ? undefined : reqInt(input, "length");
}

export const cryptoSymOps: Record<string, Handler> = {
  "crypto.hash": async (input) => {
    const len = length(input);
    const d = await crypto.digest(reqStr(input, "alg") as crypto.HashAlgorithm, reqBytes(input, "data"), len === undefined ? {} : { length: len });
    return { digest: bytesToHex(d) };
  },
  "crypto.hash.stream": (input) => {
    const chunks = reqList(input, "chunks").map((c, i) => hexToBytes(`chunks[${i}]`, c));
    const repeat = opt(input, "repeat") === undefined ? 1 : reqInt(input, "repeat");
    const opts: crypto.HasherOptions = {};
    if (opt(input, "key") !== undefined && opt(input, "key") !== null) opts.key = reqBytes(input, "key");
    if (opt(input, "context") !== undefined && opt(input, "context") !== null) opts.deriveKeyContext = reqStr(input, "context");
    const h = new crypto.Hasher(reqStr(input, "alg") as crypto.HashAlgorithm, opts);
    for (let r = 0; r < repeat; r++) for (const c of chunks) h.update(c);
    return { digest: bytesToHex(h.digest(length(input))) };
  },
  "crypto.blake3.keyed_hash": (input) => ({
    digest: bytesToHex(crypto.blake3KeyedHash(reqBytes(input, "key"), reqBytes(input, "data"), length(input) ?? 32)),
  }),
  "crypto.blake3.derive_key": (input) => ({
    // handed over as is: a non-string context is the API's to reject
    key: bytesToHex(crypto.blake3DeriveKey(opt(input, "context") as string, reqBytes(input, "key_material"), length(input) ?? 32)),
  }),
  "crypto.hmac": async (input) => ({
    mac: bytesToHex(await crypto.hmacDigest(reqStr(input, "alg") as crypto.HmacAlgorithm, reqBytes(input, "key"), reqBytes(input, "data"))),
  }),
  "crypto.hmac.verify": async (input) => ({
    valid: await crypto.hmacVerify(
      reqStr(input, "alg") as crypto.HmacAlgorithm,
      reqBytes(input, "key"),
      reqBytes(input, "data"),
      reqBytes(input, "mac"),
    ),
  }),
  "crypto.aes_gcm.encrypt": async (input) => {
    const box = new crypto.AESGCM(reqBytes(input, "key"));
    return { ciphertext: bytesToHex(await box.encrypt(reqBytes(input, "nonce"), reqBytes(input, "plaintext"), optBytes(input, "aad"))) };
  },
  "crypto.aes_gcm.decrypt": async (input) => {
    const box = new crypto.AESGCM(reqBytes(input, "key"));
    return { plaintext: bytesToHex(await box.decrypt(reqBytes(input, "nonce"), reqBytes(input, "ciphertext"), optBytes(input, "aad"))) };
  },
  "crypto.aes_gcm.open": async (input) => ({
    plaintext: bytesToHex(await crypto.open(reqBytes(input, "key"), reqBytes(input, "sealed"), optBytes(input, "aad"))),
  }),
  "crypto.base64url.encode": (input) => ({ text: crypto.b64urlEncode(reqBytes(input, "data")) }),
  "crypto.base64url.decode": (input) => ({ data: bytesToHex(crypto.b64urlDecode(reqStr(input, "text"))) }),
  "crypto.hex.encode": (input) => ({ text: crypto.hexEncode(reqBytes(input, "data")) }),
  "crypto.hex.decode": (input) => ({ data: bytesToHex(crypto.hexDecode(reqStr(input, "text"))) }),
  "crypto.constant_time_equal": (input) => ({ equal: crypto.constantTimeEqual(reqBytes(input, "a"), reqBytes(input, "b")) }),
};
