// crypto: @llm-dev-ops/infra/crypto against Web Crypto called directly and the @noble libraries.
// Each group of cases is its own function (aesGcmCases, blake3Cases, ...) so that more primitives
// merge in as more functions; cases() concatenates them.
import { gcm } from "@noble/ciphers/aes.js";
import { blake3 } from "@noble/hashes/blake3.js";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { AESGCM, blake3Hash, hmacDigest, seal, sha256 } from "@llm-dev-ops/infra/crypto";
import { versionOf } from "../drivers/harness.mjs";

const MIB = 1 << 20;
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const random = (n) => {
  const out = new Uint8Array(n);
  for (let off = 0; off < n; off += 65536) crypto.getRandomValues(out.subarray(off, Math.min(n, off + 65536)));
  return out;
};
const counterNonce = () => {
  let i = 0;
  return () => {
    const n = new Uint8Array(12);
    new DataView(n.buffer).setUint32(8, i++);
    return n;
  };
};

async function aesGcmCases() {
  const out = [];
  const webKey = await crypto.subtle.importKey("raw", KEY, "AES-GCM", false, ["encrypt"]);
  const noble = await versionOf("@noble/ciphers");
  for (const [size, label] of [[MIB, "1 MiB"], [64, "64 B"]]) {
    const data = random(size);
    const box = new AESGCM(KEY);
    const ours = counterNonce();
    const theirs = counterNonce();
    const nobleNonce = counterNonce();
    out.push({
      module: "crypto", name: `AES-256-GCM encrypt ${label} vs Web Crypto direct`, unit: "MB/s", bytesPerCall: size,
      ours: { name: "@llm-dev-ops/infra AESGCM (Web Crypto)", fn: () => box.encrypt(ours(), data) },
      peer: { name: "crypto.subtle.encrypt", fn: () => crypto.subtle.encrypt({ name: "AES-GCM", iv: theirs() }, webKey, data) },
    });
    const box2 = new AESGCM(KEY);
    const ours2 = counterNonce();
    out.push({
      module: "crypto", name: `AES-256-GCM encrypt ${label} vs @noble/ciphers`, unit: "MB/s", bytesPerCall: size,
      ours: { name: "@llm-dev-ops/infra AESGCM (Web Crypto)", fn: () => box2.encrypt(ours2(), data) },
      peer: { name: `${noble} gcm`, fn: () => gcm(KEY, nobleNonce(), new Uint8Array(0)).encrypt(data) },
    });
  }
  const small = random(64);
  out.push({
    module: "crypto", name: "seal 64 B (new key object per call)", unit: "ops/s",
    ours: { name: "@llm-dev-ops/infra seal", fn: () => seal(KEY, small) },
    peer: { name: `${noble} gcm, random nonce`, fn: () => gcm(KEY, random(12), new Uint8Array(0)).encrypt(small) },
  });
  return out;
}

async function blake3Cases() {
  const noble = await versionOf("@noble/hashes");
  return [[MIB, "1 MiB"], [64, "64 B"]].map(([size, label]) => {
    const data = random(size);
    return {
      module: "crypto", name: `BLAKE3 ${label} vs @noble/hashes`, unit: "MB/s", bytesPerCall: size,
      ours: { name: "@llm-dev-ops/infra blake3Hash", fn: () => blake3Hash(data) },
      peer: { name: `${noble} blake3`, fn: () => blake3(data) },
    };
  });
}

async function sha2HmacCases() {
  const noble = await versionOf("@noble/hashes");
  const data = random(MIB);
  const small = random(1024);
  return [
    {
      module: "crypto", name: "SHA-256 1 MiB vs Web Crypto direct", unit: "MB/s", bytesPerCall: MIB,
      ours: { name: "@llm-dev-ops/infra sha256", fn: () => sha256(data) },
      peer: { name: "crypto.subtle.digest", fn: () => crypto.subtle.digest("SHA-256", data) },
    },
    {
      module: "crypto", name: "HMAC-SHA-256 1 KiB vs @noble/hashes", unit: "ops/s",
      ours: { name: "@llm-dev-ops/infra hmacDigest (Web Crypto)", fn: () => hmacDigest("sha256", KEY, small) },
      peer: { name: `${noble} hmac`, fn: () => hmac(nobleSha256, KEY, small) },
    },
  ];
}

export async function cases() {
  return [...(await aesGcmCases()), ...(await blake3Cases()), ...(await sha2HmacCases())];
}
