/**
 * `InfraError`: the one error class every llm-infra API throws.
 *
 * An error carries a {@link ErrorKind}, a message, a JSON-safe `context`, a `retryable` flag and an
 * optional cause chain. Its JSON form is identical to Python's `InfraError.to_dict()`:
 * `{"kind", "message", "retryable", "context", "cause"}` in that key order, `context` `{}` and
 * `cause` `null` when absent — so `JSON.stringify(err)` gives the same bytes as `err.to_json()`.
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { type ErrorKind, ERROR_KINDS, isErrorKind } from "./kinds.js";

/** Causes deeper than this are cut from the JSON form and rejected by `fromJSON`. */
export const MAX_CAUSE_DEPTH = 32;

const RETRYABLE_HTTP = new Set([408, 425, 429, 500, 502, 503, 504]);
const JSON_KEYS = new Set(["kind", "message", "retryable", "context", "cause"]);

/** The JSON form of an {@link InfraError}. */
export interface InfraErrorJSON {
  kind: ErrorKind;
  message: string;
  retryable: boolean;
  context: JsonObject;
  cause: InfraErrorJSON | null;
}

/** Options of the per-kind constructors. */
export interface InfraErrorOptions {
  /** The error this one was caused by (any value; non-`InfraError`s are converted for JSON). */
  cause?: unknown;
  /** Override the kind's default retry hint. */
  retryable?: boolean;
}

function defaultRetryable(kind: ErrorKind, context: JsonObject): boolean {
  if (kind === "timeout") return true;
  if (kind === "http") {
    const status = context["status"];
    return typeof status === "number" && Number.isInteger(status) && RETRYABLE_HTTP.has(status);
  }
  return false;
}

function jsonSafe(value: unknown, depth = 0): JsonValue {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (depth < 16) {
    if (Array.isArray(value)) return value.map((v) => jsonSafe(v, depth + 1));
    const proto = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
    if (proto === Object.prototype || proto === null) {
      return safeObject(value as Record<string, unknown>, depth + 1);
    }
  }
  return String(value);
}

/** Set an own data property, so a key such as `"__proto__"` stays plain data (no prototype change). */
function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function safeObject(value: Record<string, unknown>, depth = 0): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) setOwn(out, k, jsonSafe(v, depth));
  }
  return out;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}

function bad(path: string, problem: string): never {
  throw new InfraError("serialization", `invalid error JSON at ${path}: ${problem}`, { context: { path } });
}

/**
 * An infrastructure failure with a kind, a message, JSON context and a retry hint.
 *
 * @example
 * ```ts
 * import { InfraError } from "@llm-dev-ops/infra/errors";
 * const err = InfraError.validation("port out of range", { field: "db.port" });
 * err.kind;                                   // "validation"
 * InfraError.fromJSON(err.toJSON()).context;  // { field: "db.port" }
 * InfraError.timeout("upstream too slow").retryable; // true
 * ```
 */
export class InfraError extends Error {
  readonly kind: ErrorKind;
  readonly context: JsonObject;
  readonly retryable: boolean;

  constructor(kind: ErrorKind | string, message: string, options: InfraErrorOptions & { context?: Record<string, unknown> } = {}) {
    if (!isErrorKind(kind)) {
      throw new InfraError("validation", `unknown error kind ${JSON.stringify(kind)}`, { context: { field: "kind" } });
    }
    super(String(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "InfraError";
    this.kind = kind;
    this.context = safeObject(options.context ?? {});
    this.retryable = options.retryable === undefined ? defaultRetryable(kind, this.context) : Boolean(options.retryable);
  }

  /** A configuration source or value is wrong. */
  static config(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("config", message, { ...options, context });
  }
  /** An input failed validation; name the `field`. */
  static validation(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("validation", message, { ...options, context });
  }
  /** A file, socket or other I/O operation failed. */
  static io(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("io", message, { ...options, context });
  }
  /** An HTTP exchange failed; `status` 408/425/429/500/502/503/504 defaults to retryable. */
  static http(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("http", message, { ...options, context });
  }
  /** Authentication or authorization failed. */
  static auth(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("auth", message, { ...options, context });
  }
  /** A third-party service misbehaved. */
  static external(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("external", message, { ...options, context });
  }
  /** A cryptographic check failed or a key is unusable. */
  static crypto(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("crypto", message, { ...options, context });
  }
  /** Data could not be encoded or decoded. */
  static serialization(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("serialization", message, { ...options, context });
  }
  /** A message-queue operation failed. */
  static messageQueue(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("message_queue", message, { ...options, context });
  }
  /** A vector-store operation failed. */
  static vector(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("vector", message, { ...options, context });
  }
  /** A document does not match its JSON Schema. */
  static schema(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("schema", message, { ...options, context });
  }
  /** An operation ran out of time; retryable by default. */
  static timeout(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("timeout", message, { ...options, context });
  }
  /** A named thing does not exist. */
  static notFound(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("not_found", message, { ...options, context });
  }
  /** A bug or an unexpected state inside llm-infra. */
  static internal(message: string, context?: Record<string, unknown>, options?: InfraErrorOptions): InfraError {
    return new InfraError("internal", message, { ...options, context });
  }

  /**
   * Convert any thrown value to an `InfraError` (an `InfraError` is returned as is).
   *
   * `TimeoutError` (e.g. `AbortSignal.timeout`) → timeout; `SyntaxError` (`JSON.parse`) →
   * serialization; Node system errors with an `E…` `code` → io (`ETIMEDOUT` → timeout;
   * connection resets/refusals retryable); `TypeError`/`RangeError` → validation; anything
   * else → internal. The original value becomes the cause.
   */
  static from(error: unknown, message?: string): InfraError {
    if (error instanceof InfraError) return error;
    const name = error instanceof Error ? error.name : typeof error;
    const text = message ?? (error instanceof Error ? (error.message ? `${error.name}: ${error.message}` : error.name) : String(error));
    const context: Record<string, unknown> = { exception: name };
    const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
    let kind: ErrorKind = "internal";
    let retryable: boolean | undefined;
    if (name === "TimeoutError" || code === "ETIMEDOUT") {
      kind = "timeout";
    } else if (typeof code === "string" && /^E[A-Z]+$/.test(code)) {
      kind = "io";
      context["code"] = code;
      retryable = ["ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "EAGAIN", "EINTR"].includes(code);
      const path = (error as { path?: unknown }).path;
      if (typeof path === "string") context["path"] = path;
    } else if (name === "SyntaxError") {
      kind = "serialization";
    } else if (name === "TypeError" || name === "RangeError") {
      kind = "validation";
    }
    return new InfraError(kind, text, { context, retryable, cause: error });
  }

  /** A copy with `context` merged over the existing context. */
  withContext(context: Record<string, unknown>): InfraError {
    return new InfraError(this.kind, this.message, {
      context: { ...this.context, ...context },
      retryable: this.retryable,
      cause: this.cause,
    });
  }

  /** The JSON form (also what `JSON.stringify(err)` writes). */
  toJSON(): InfraErrorJSON {
    return this.toJSONAt(0);
  }

  private toJSONAt(depth: number): InfraErrorJSON {
    return {
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
      context: safeObject(this.context),
      cause: causeToJSON(this.cause, depth + 1),
    };
  }

  /** @internal */
  static causeJSON(error: InfraError, depth: number): InfraErrorJSON {
    return error.toJSONAt(depth);
  }

  /**
   * Rebuild an error from its JSON form (a parsed object or JSON text). Malformed input throws
   * `InfraError("serialization")` naming the path; unknown keys are rejected.
   */
  static fromJSON(data: unknown): InfraError {
    if (typeof data === "string") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch (e) {
        throw InfraError.from(e, `error JSON is not valid JSON: ${(e as Error).message}`);
      }
      return fromJSONAt(parsed, "$", 0);
    }
    return fromJSONAt(data, "$", 0);
  }
}

function causeToJSON(cause: unknown, depth: number): InfraErrorJSON | null {
  if (cause === undefined || cause === null || depth >= MAX_CAUSE_DEPTH) return null;
  if (cause instanceof InfraError) return InfraError.causeJSON(cause, depth);
  const described = InfraError.causeJSON(InfraError.from(cause), depth);
  const next = cause instanceof Error ? cause.cause : undefined;
  described.cause = causeToJSON(next, depth + 1);
  return described;
}

function fromJSONAt(data: unknown, path: string, depth: number): InfraError {
  if (depth >= MAX_CAUSE_DEPTH) bad(path, `cause chain deeper than ${MAX_CAUSE_DEPTH}`);
  if (typeof data !== "object" || data === null || Array.isArray(data)) bad(path, `expected an object, got ${jsonType(data)}`);
  const obj = data as Record<string, unknown>;
  const unknownKey = Object.keys(obj).find((k) => !JSON_KEYS.has(k));
  if (unknownKey !== undefined) bad(`${path}.${unknownKey}`, "unknown key in error JSON");
  const kind = Object.hasOwn(obj, "kind") ? obj["kind"] : undefined;
  if (!isErrorKind(kind)) bad(`${path}.kind`, `expected one of ${ERROR_KINDS.join(", ")}, got ${JSON.stringify(kind) ?? "undefined"}`);
  const message = Object.hasOwn(obj, "message") ? obj["message"] : undefined;
  if (typeof message !== "string") bad(`${path}.message`, `expected a string, got ${jsonType(message)}`);
  const retryable = Object.hasOwn(obj, "retryable") ? obj["retryable"] : null;
  if (retryable !== null && typeof retryable !== "boolean") bad(`${path}.retryable`, `expected a boolean, got ${jsonType(retryable)}`);
  let context = Object.hasOwn(obj, "context") ? obj["context"] : null;
  if (context === null) context = {};
  else if (typeof context !== "object" || Array.isArray(context)) bad(`${path}.context`, `expected an object, got ${jsonType(context)}`);
  const causeData = Object.hasOwn(obj, "cause") ? obj["cause"] : null;
  const cause = causeData === null ? undefined : fromJSONAt(causeData, `${path}.cause`, depth + 1);
  return new InfraError(kind, message, {
    context: context as Record<string, unknown>,
    retryable: retryable === null ? undefined : retryable,
    cause,
  });
}
