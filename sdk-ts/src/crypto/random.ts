/**
 * `randomBytes`: bytes from the runtime's CSPRNG (`crypto.getRandomValues`, in every Web-standard
 * runtime). Nothing is drawn at import time.
 *
 * @example
 * ```ts
 * import { randomBytes } from "@llm-dev-ops/infra/crypto";
 * randomBytes(16).length; // 16
 * ```
 * @module
 */
import { InfraError } from "../errors/index.js";
import { lengthArg } from "./checks.js";

/**
 * `n` (0 .. 16 MiB) cryptographically secure random bytes.
 * @example
 * ```ts
 * const key = randomBytes(32);
 * ```
 */
export function randomBytes(n: number): Uint8Array {
  const len = lengthArg(n, "n");
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c === undefined || typeof c.getRandomValues !== "function") {
    throw InfraError.crypto("this runtime has no crypto.getRandomValues", { field: "n" });
  }
  const out = new Uint8Array(len);
  for (let off = 0; off < len; off += 65536) c.getRandomValues(out.subarray(off, Math.min(len, off + 65536)));
  return out;
}
