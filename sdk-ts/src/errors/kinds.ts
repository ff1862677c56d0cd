/**
 * `ErrorKind`: the closed vocabulary of failure kinds, identical to Python's `llm_infra.errors.ErrorKind`.
 *
 * @example
 * ```ts
 * import { ErrorKind, isErrorKind } from "@llm-dev-ops/infra/errors";
 * isErrorKind("timeout"); // true
 * ErrorKind.NOT_FOUND;    // "not_found"
 * ```
 */
export const ErrorKind = {
  CONFIG: "config",
  VALIDATION: "validation",
  IO: "io",
  HTTP: "http",
  AUTH: "auth",
  EXTERNAL: "external",
  CRYPTO: "crypto",
  SERIALIZATION: "serialization",
  MESSAGE_QUEUE: "message_queue",
  VECTOR: "vector",
  SCHEMA: "schema",
  TIMEOUT: "timeout",
  NOT_FOUND: "not_found",
  INTERNAL: "internal",
} as const;

/** One of the lowercase kind strings. */
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

/** Every kind, in declaration order. */
export const ERROR_KINDS: readonly ErrorKind[] = Object.freeze(Object.values(ErrorKind));

/** True when `value` is one of the `ErrorKind` strings. */
export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === "string" && (ERROR_KINDS as readonly string[]).includes(value);
}
