/** Vector ops of the errors module: `errors.retry.delays`, `errors.error.create`, `errors.error.roundtrip`. */
import type { JsonObject } from "../../_internal/json-value.js";
import { InfraError, RetryPolicy } from "../../errors/index.js";
import { opt, req, reqNumberList, reqObj, reqStr } from "../inputs.js";
import type { Handler } from "../registry.js";

export const errorsOps: Record<string, Handler> = {
  "errors.retry.delays": (input) => {
    const policy = RetryPolicy.fromJSON(reqObj(input, "policy"));
    const stream = opt(input, "random") === undefined ? [] : reqNumberList(input, "random");
    return { delays_ms: policy.delays(stream) };
  },
  "errors.error.create": (input) => {
    const context = opt(input, "context");
    if (context !== undefined && context !== null && (typeof context !== "object" || Array.isArray(context))) {
      throw InfraError.validation("input.context must be an object", { field: "context" });
    }
    const retryable = opt(input, "retryable");
    if (retryable !== undefined && retryable !== null && typeof retryable !== "boolean") {
      throw InfraError.validation("input.retryable must be a boolean", { field: "retryable" });
    }
    const err = new InfraError(reqStr(input, "kind"), reqStr(input, "message"), {
      context: (context ?? {}) as JsonObject,
      retryable: retryable ?? undefined,
    });
    return { error: err.toJSON() as unknown as JsonObject };
  },
  "errors.error.roundtrip": (input) => ({ error: InfraError.fromJSON(req(input, "error")).toJSON() as unknown as JsonObject }),
};
