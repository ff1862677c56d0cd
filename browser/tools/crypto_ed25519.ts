/** Playground tool (TypeScript side): an Ed25519 key pair from a seed, a signature, and a verification. */
import { Ed25519PrivateKey } from "@llm-dev-ops/infra/crypto";
import { bytesOf, bytesOfHex, hexOf, optional } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "Crypto: Ed25519 key pair / sign / verify",
  summary: "The public key of a 32-byte seed, the deterministic signature of a message, and whether a signature verifies (RFC 8032; the defaults are its test 1).",
  fields: [
    { name: "seed", label: "Seed (hex, 32 bytes; keep it secret)", type: "text", value: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60" },
    { name: "encoding", label: "Message is", type: "select", value: "text", options: ["text", "hex"] },
    { name: "message", label: "Message", type: "textarea", value: "" },
    { name: "signature", label: "Signature to verify (hex, optional)", type: "text", value: "", help: "Empty: verify the signature just made." },
  ],
  async run(input) {
    const key = await Ed25519PrivateKey.fromSeed(bytesOfHex(input["seed"], "seed"));
    const message = bytesOf(input["message"], input["encoding"], "message");
    const signature = await key.sign(message);
    const givenText = optional(input["signature"]);
    const checked = givenText === undefined ? signature : bytesOfHex(givenText, "signature");
    const valid = await key.publicKey.verify(checked, message);
    return {
      public_key: hexOf(key.publicKey.publicBytes()),
      signature: hexOf(signature),
      verified: { signature: givenText === undefined ? "the signature above" : hexOf(checked), valid },
    };
  },
});
