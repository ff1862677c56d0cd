/** Typed access to a vector case's `input` fields; a wrong shape is `InfraError("validation")`. */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function req(input: JsonObject, name: string): JsonValue {
  if (!Object.hasOwn(input, name)) throw InfraError.validation(`input.${name} is required`, { field: name });
  return input[name] as JsonValue;
}

export function opt(input: JsonObject, name: string): JsonValue | undefined {
  return Object.hasOwn(input, name) ? input[name] : undefined;
}

export function reqStr(input: JsonObject, name: string): string {
  const v = req(input, name);
  if (typeof v !== "string") throw InfraError.validation(`input.${name} must be a string, got ${typeName(v)}`, { field: name });
  return v;
}

export function reqInt(input: JsonObject, name: string): number {
  const v = req(input, name);
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw InfraError.validation(`input.${name} must be an integer, got ${typeName(v)}`, { field: name });
  }
  return v;
}

export function hexToBytes(name: string, v: unknown): Uint8Array {
  if (typeof v !== "string") throw InfraError.validation(`input.${name} must be a hex string, got ${typeName(v)}`, { field: name });
  if (v.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(v)) throw InfraError.validation(`input.${name} is not valid hex`, { field: name });
  const out = new Uint8Array(v.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(v.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function reqBytes(input: JsonObject, name: string): Uint8Array {
  return hexToBytes(name, req(input, name));
}

export function optBytes(input: JsonObject, name: string, fallback: Uint8Array = new Uint8Array(0)): Uint8Array {
  const v = opt(input, name);
  return v === undefined || v === null ? fallback : hexToBytes(name, v);
}

export function reqObj(input: JsonObject, name: string): JsonObject {
  const v = req(input, name);
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw InfraError.validation(`input.${name} must be an object, got ${typeName(v)}`, { field: name });
  }
  return v;
}

export function reqList(input: JsonObject, name: string): JsonValue[] {
  const v = req(input, name);
  if (!Array.isArray(v)) throw InfraError.validation(`input.${name} must be an array, got ${typeName(v)}`, { field: name });
  return v;
}

export function reqNumberList(input: JsonObject, name: string): number[] {
  return reqList(input, name).map((v, i) => {
    if (typeof v !== "number") {
      throw InfraError.validation(`input.${name}[${i}] must be a number, got ${typeName(v)}`, { field: `${name}[${i}]` });
    }
    return v;
  });
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}
