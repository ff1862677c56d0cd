/** Playground tool (TypeScript side): AES-GCM seal (encrypt) and open (decrypt and authenticate). */
import type { JsonValue } from "@llm-dev-ops/infra";
import { AESGCM } from "@llm-dev-ops/infra/crypto";
import { bytesOfHex, hexOf, utf8 } from "../src/tool-kit.js";
import { defineTool } from "../src/tool.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export default defineTool({
  title: "Crypto: AES-GCM seal / open",
  summary: "Encrypt text under a key and nonce (ciphertext and 16-byte tag), or open ciphertext ‖ tag: a changed byte, key, nonce or associated data is an authentication error.",
  fields: [
    { name: "action", label: "Action", type: "select", value: "seal", options: ["seal", "open"] },
    { name: "key", label: "Key (hex: 16, 24 or 32 bytes)", type: "text", value: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" },
    { name: "nonce", label: "Nonce (hex, 12 bytes usual)", type: "text", value: "cafebabefacedbaddecaf888", help: "Never reuse a nonce under one key." },
    { name: "aad", label: "Associated data (text, authenticated, not encrypted)", type: "text", value: "user:ada" },
    { name: "data", label: "Data: plaintext (seal) or ciphertext ‖ tag in hex (open)", type: "textarea", value: "attack at dawn" },
  ],
  async run(input): Promise<JsonValue> {
    const box = new AESGCM(bytesOfHex(input["key"], "key"));
    const nonce = bytesOfHex(input["nonce"], "nonce");
    const aad = utf8(input["aad"]);
    if (input["action"] === "open") {
      const plain = await box.decrypt(nonce, bytesOfHex(input["data"], "data"), aad);
      let text: string | null;
      try {
        text = strictUtf8.decode(plain);
      } catch {
        text = null;
      }
      return { authentic: true, plaintext: text, plaintext_hex: hexOf(plain) };
    }
    const sealed = await box.encrypt(nonce, utf8(input["data"]), aad);
    const cut = sealed.length - 16;
    return { ciphertext: hexOf(sealed.subarray(0, cut)), tag: hexOf(sealed.subarray(cut)), ciphertext_and_tag: hexOf(sealed) };
  },
});
