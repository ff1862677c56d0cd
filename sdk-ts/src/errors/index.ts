/**
 * Errors and retries — the base layer of `@llm-dev-ops/infra`, identical to Python's `llm_infra.errors`.
 *
 * @example
 * ```ts
 * import { InfraError, RetryPolicy, retry } from "@llm-dev-ops/infra/errors";
 * const err = InfraError.validation("port out of range", { field: "db.port" });
 * JSON.stringify(err); // {"kind":"validation","message":"port out of range","retryable":false,"context":{"field":"db.port"},"cause":null}
 * ```
 * @module
 */
export { ErrorKind, ERROR_KINDS, isErrorKind } from "./kinds.js";
export { InfraError, MAX_CAUSE_DEPTH, type InfraErrorJSON, type InfraErrorOptions } from "./error.js";
export {
  RetryPolicy,
  retry,
  retryAfterMs,
  systemRandom,
  type Jitter,
  type RetryOptions,
  type RetryPolicyJSON,
  type RetryPolicyOptions,
} from "./retry.js";
