/** Playground tool (TypeScript side): SHA-2 / BLAKE3 digests, HMAC and keyed BLAKE3, as hex. */
import { blake3Hash, blake3KeyedHash, digest, hmacDigest, type HashAlgorithm } from "@llm-dev-ops/infra/crypto";
import { bytesOf, bytesOfHex, hexOf, integer, optional } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

const NAMES: Record<string, string> = { sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512", blake3: "BLAKE3" };

export default defineTool({
  title: "Crypto: hash and HMAC",
  summary: "SHA-256/384/512 or BLAKE3 of text or hex; with a key, HMAC (SHA-2) or BLAKE3's keyed mode. Hex out.",
  fields: [
    { name: "alg", label: "Algorithm", type: "select", value: "sha256", options: ["sha256", "sha384", "sha512", "blake3"] },
    { name: "encoding", label: "Data is", type: "select", value: "text", options: ["text", "hex"] },
    { name: "key", label: "Key (hex, optional)", type: "text", value: "", help: "Empty: a plain digest. SHA-2: the HMAC key. BLAKE3: a 32-byte key." },
    { name: "length", label: "BLAKE3 output bytes (0–1024)", type: "number", value: "32" },
    { name: "data", label: "Data", type: "textarea", value: "hello world" },
  ],
  async run(input) {
    const alg = String(input["alg"]) as HashAlgorithm;
    const data = bytesOf(input["data"], input["encoding"], "data");
    const keyText = optional(input["key"]);
    const key = keyText === undefined ? undefined : bytesOfHex(keyText, "key");
    let out: Uint8Array;
    let algorithm: string;
    if (alg === "blake3") {
      const length = integer(input["length"], "length", 0, 1024);
      out = key === undefined ? blake3Hash(data, length) : blake3KeyedHash(key, data, length);
      algorithm = key === undefined ? "BLAKE3" : "BLAKE3 (keyed)";
    } else if (key === undefined) {
      out = await digest(alg, data);
      algorithm = NAMES[alg] ?? alg;
    } else {
      out = await hmacDigest(alg, key, data);
      algorithm = `HMAC-${NAMES[alg] ?? alg}`;
    }
    return { algorithm, data_bytes: data.length, key_bytes: key?.length ?? 0, hex: hexOf(out) };
  },
});
