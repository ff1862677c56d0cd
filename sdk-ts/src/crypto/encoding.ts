/**
 * Byte encodings and comparison: base64url without padding, hex, constant-time equality.
 *
 * Decoders are strict, so that every byte string has exactly one accepted text form: base64url
 * rejects `=` padding, characters outside `A-Z a-z 0-9 - _`, a length of 1 modulo 4 and non-zero
 * unused trailing bits (RFC 4648 §3.5); hex rejects odd lengths, whitespace and non-hex characters
 * (either case is accepted, lowercase is produced). Bad text is `InfraError("serialization")`,
 * exactly as in Python.
 *
 * @example
 * ```ts
 * import { b64urlDecode, b64urlEncode, hexEncode } from "@llm-dev-ops/infra/crypto";
 * b64urlEncode(new Uint8Array([0xfb, 0xff])); // "-_8"
 * hexEncode(b64urlDecode("-_8"));             // "fbff"
 * ```
 * @module
 */
import { InfraError } from "../errors/index.js";
import { bytesArg, strArg } from "./checks.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * base64url (RFC 4648 §5) without padding.
 * @example
 * ```ts
 * b64urlEncode(new TextEncoder().encode("foobar")); // "Zm9vYmFy"
 * ```
 */
export function b64urlEncode(data: Uint8Array): string {
  const b = bytesArg(data, "data");
  let out = "";
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const v = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
  }
  if (b.length - i === 1) {
    const v = b[i]!;
    out += ALPHABET[v >> 2]! + ALPHABET[(v & 3) << 4]!;
  } else if (b.length - i === 2) {
    const v = (b[i]! << 8) | b[i + 1]!;
    out += ALPHABET[v >> 10]! + ALPHABET[(v >> 4) & 63]! + ALPHABET[(v & 15) << 2]!;
  }
  return out;
}

/**
 * The bytes of canonical unpadded base64url `text`; anything else is `InfraError("serialization")`.
 * @example
 * ```ts
 * b64urlDecode("Zm9v"); // Uint8Array [102, 111, 111]
 * b64urlDecode("Zg=="); // throws InfraError (kind "serialization"): padding
 * ```
 */
export function b64urlDecode(text: string): Uint8Array {
  const s = strArg(text, "text");
  const values = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) {
      const what = s[i] === "=" ? "padding '='" : `character ${JSON.stringify(s[i])}`;
      throw InfraError.serialization(`text is not unpadded base64url: ${what} at index ${i}`, { field: "text" });
    }
    values[i] = v;
  }
  if (s.length % 4 === 1) {
    throw InfraError.serialization(`text is not base64url: a length of ${s.length} is impossible`, { field: "text" });
  }
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < s.length; i += 4) {
    const v = (values[i]! << 18) | (values[i + 1]! << 12) | (values[i + 2]! << 6) | values[i + 3]!;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 255;
    out[o++] = v & 255;
  }
  const rest = s.length - i;
  let unused = 0;
  if (rest === 2) {
    out[o++] = (values[i]! << 2) | (values[i + 1]! >> 4);
    unused = values[i + 1]! & 15;
  } else if (rest === 3) {
    const v = (values[i]! << 10) | (values[i + 1]! << 4) | (values[i + 2]! >> 2);
    out[o++] = v >> 8;
    out[o++] = v & 255;
    unused = values[i + 2]! & 3;
  }
  if (unused !== 0) {
    throw InfraError.serialization("text is not canonical base64url: its unused trailing bits are not zero", { field: "text" });
  }
  return out;
}

/**
 * Lowercase hex.
 * @example
 * ```ts
 * hexEncode(new Uint8Array([0, 255])); // "00ff"
 * ```
 */
export function hexEncode(data: Uint8Array): string {
  const b = bytesArg(data, "data");
  let s = "";
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!]!;
  return s;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * The bytes of hex `text` (even length, digits and a-f/A-F only).
 * @example
 * ```ts
 * hexDecode("DEADbeef"); // Uint8Array [222, 173, 190, 239]
 * ```
 */
export function hexDecode(text: string): Uint8Array {
  const s = strArg(text, "text");
  if (s.length % 2) throw InfraError.serialization(`text is not hex: odd length ${s.length}`, { field: "text" });
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < s.length; i += 2) {
    const hi = hexValue(s.charCodeAt(i));
    const lo = hexValue(s.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) {
      const at = hi < 0 ? i : i + 1;
      throw InfraError.serialization(`text is not hex: character ${JSON.stringify(s[at])} at index ${at}`, { field: "text" });
    }
    out[i / 2] = (hi << 4) | lo;
  }
  return out;
}

/**
 * `a == b` in time that depends on the lengths only.
 * @example
 * ```ts
 * constantTimeEqual(tag, expected); // boolean
 * ```
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const x = bytesArg(a, "a");
  const y = bytesArg(b, "b");
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}
