/** The op registry: vector op name → handler mapping a case's `input` to its output object. */
import type { JsonObject } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { BUILTIN_OPS } from "./ops/index.js";

/** Maps a case's `input` to the `expect`-shaped output; throws `InfraError` where the op fails. */
export type Handler = (input: JsonObject) => JsonObject | Promise<JsonObject>;

const extra = new Map<string, Handler>();

/** Add a handler for an op this SDK does not implement itself (downstream vector sets). */
export function register(op: string, handler: Handler): void {
  if (Object.hasOwn(BUILTIN_OPS, op) || extra.has(op)) throw InfraError.internal(`conformance op '${op}' registered twice`, { op });
  extra.set(op, handler);
}

/** The handler of `op`, or `undefined` when this runtime does not implement it. */
export function handlerFor(op: string): Handler | undefined {
  return Object.hasOwn(BUILTIN_OPS, op) ? BUILTIN_OPS[op] : extra.get(op);
}

/** Every op this runtime implements, sorted. */
export function registeredOps(): string[] {
  return [...Object.keys(BUILTIN_OPS), ...extra.keys()].sort();
}
