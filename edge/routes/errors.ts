/** Edge routes of the errors module (TypeScript SDK). The Python twins are in errors.py (under /py). */
import type { JsonObject } from "@llm-dev-ops/infra";
import { InfraError, RetryPolicy } from "@llm-dev-ops/infra/errors";
import { route } from "../src/router.js";

export default [
  route("GET", "/errors/retry-delays", "A RetryPolicy's delays: ?initial_ms&multiplier&max_ms&max_attempts&jitter&random=0.5,0.25", (req) => {
    const policy = RetryPolicy.fromJSON({
      initial_ms: req.number("initial_ms", 100),
      multiplier: req.number("multiplier", 2),
      max_ms: req.number("max_ms", 10_000),
      max_attempts: req.number("max_attempts", 3),
      jitter: req.string("jitter", "full") as "none" | "full" | "equal",
    });
    return { delays_ms: policy.delays(req.numbers("random", [])) };
  }),
  route("POST", "/errors/error", "An InfraError's JSON from {kind, message, context?, retryable?}", async (req) => {
    const body = await req.json();
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw InfraError.validation("body must be a JSON object", { field: "body" });
    const { kind, message, context, retryable } = body;
    if (typeof kind !== "string" || typeof message !== "string") throw InfraError.validation("body.kind and body.message must be strings", { field: "body" });
    if (context !== undefined && (typeof context !== "object" || context === null || Array.isArray(context))) {
      throw InfraError.validation("body.context must be a JSON object", { field: "context" });
    }
    if (retryable !== undefined && typeof retryable !== "boolean") throw InfraError.validation("body.retryable must be a boolean", { field: "retryable" });
    const err = new InfraError(kind, message, { context: (context ?? {}) as JsonObject, retryable });
    return { error: err.toJSON() as unknown as JsonObject };
  }),
];
