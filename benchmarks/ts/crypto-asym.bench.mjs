// crypto, asymmetric half: Ed25519 vs WebCrypto and @noble/curves, Argon2id vs @noble/hashes.
// Ours adds the strict byte checks (S < L, canonical, not small order) in front of WebCrypto, so
// "ours vs WebCrypto" is the price of those rules; "ours (noble path)" is the fallback for runtimes
// without WebCrypto Ed25519, timed against @noble/curves' own (cofactored, less strict) verify.
import { ed25519 } from "@noble/curves/ed25519.js";
import { argon2id as nobleArgon2id, argon2idAsync as nobleArgon2idAsync } from "@noble/hashes/argon2.js";
import { _setEd25519Backend, argon2id, argon2idAsync, Ed25519PrivateKey, Ed25519PublicKey } from "@llm-dev-ops/infra/crypto";
import { versionOf } from "../drivers/harness.mjs";

const MSG = Uint8Array.from({ length: 100 }, (_, i) => i);
const SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 7);
const SALT = new TextEncoder().encode("0123456789abcdef");
const PWD = new TextEncoder().encode("password");
const OWASP = { timeCost: 2, memoryKib: 19456, parallelism: 1, length: 32 };
const ALG = { name: "Ed25519" };
const PKCS8 = new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20, ...SEED]);

export async function cases() {
  _setEd25519Backend("auto");
  const key = await Ed25519PrivateKey.fromSeed(SEED);
  const pubBytes = key.publicKey.publicBytes();
  const pub = Ed25519PublicKey.fromBytes(pubBytes);
  const sig = await key.sign(MSG);
  const wcSign = await crypto.subtle.importKey("pkcs8", PKCS8, ALG, false, ["sign"]);
  const wcVerify = await crypto.subtle.importKey("raw", pubBytes, ALG, false, ["verify"]);
  const noble = await versionOf("@noble/curves");
  const nobleHashes = await versionOf("@noble/hashes");
  const webcrypto = `WebCrypto Ed25519 (Node ${process.versions.node})`;
  const auto = (fn) => () => { _setEd25519Backend("auto"); return fn(); };
  const viaNoble = (fn) => () => { _setEd25519Backend("noble"); return fn(); };
  // warm the noble path's per-key cache the same way the WebCrypto path caches its CryptoKey
  _setEd25519Backend("noble");
  await pub.verify(sig, MSG);
  _setEd25519Backend("auto");
  return [
    { module: "crypto", name: "Ed25519 sign 100 B",
      ours: { name: "@llm-dev-ops/infra (WebCrypto)", fn: auto(() => key.sign(MSG)) },
      peer: { name: webcrypto, fn: () => crypto.subtle.sign(ALG, wcSign, MSG) } },
    { module: "crypto", name: "Ed25519 verify 100 B",
      ours: { name: "@llm-dev-ops/infra (WebCrypto)", fn: auto(() => pub.verify(sig, MSG)) },
      peer: { name: webcrypto, fn: () => crypto.subtle.verify(ALG, wcVerify, sig, MSG) } },
    { module: "crypto", name: "Ed25519 sign 100 B (noble path)",
      ours: { name: "@llm-dev-ops/infra (noble path)", fn: viaNoble(() => key.sign(MSG)) },
      peer: { name: noble, fn: () => ed25519.sign(MSG, SEED) } },
    { module: "crypto", name: "Ed25519 verify 100 B (noble path)",
      ours: { name: "@llm-dev-ops/infra (noble path)", fn: viaNoble(() => pub.verify(sig, MSG)) },
      peer: { name: noble, fn: () => ed25519.verify(sig, MSG, pubBytes) } },
    { module: "crypto", name: "Argon2id t=2 m=19 MiB p=1 (sync)", budgetScale: 0.2,
      ours: { name: "@llm-dev-ops/infra", fn: () => argon2id(PWD, SALT, OWASP) },
      peer: { name: nobleHashes, fn: () => nobleArgon2id(PWD, SALT, { t: 2, m: 19456, p: 1, dkLen: 32 }) } },
    { module: "crypto", name: "Argon2id t=2 m=19 MiB p=1 (async)", budgetScale: 0.2,
      ours: { name: "@llm-dev-ops/infra", fn: () => argon2idAsync(PWD, SALT, OWASP) },
      peer: { name: nobleHashes, fn: () => nobleArgon2idAsync(PWD, SALT, { t: 2, m: 19456, p: 1, dkLen: 32 }) } },
  ];
}
