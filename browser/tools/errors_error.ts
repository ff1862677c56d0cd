/** Playground tool (TypeScript side): build an `InfraError` from kind, message, context and retry hint; show its JSON. */
import type { JsonValue } from "@llm-dev-ops/infra";
import { ERROR_KINDS, InfraError } from "@llm-dev-ops/infra/errors";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "Errors: build an InfraError",
  summary: "The error's JSON form (to_dict / toJSON) and its wire bytes (to_json / JSON.stringify) in both languages.",
  fields: [
    { name: "kind", label: "Kind", type: "text", value: "validation", options: ERROR_KINDS, help: `One of ${ERROR_KINDS.join(", ")}.` },
    { name: "message", label: "Message", type: "text", value: "port out of range" },
    { name: "context", label: "Context (a JSON object)", type: "json", value: '{"field": "db.port", "got": 70000}' },
    { name: "retryable", label: "Retryable", type: "choice", value: "the kind's default", choices: { "the kind's default": null, yes: true, no: false } },
  ],
  run(input) {
    const context = input["context"];
    if (typeof context !== "object" || context === null || Array.isArray(context)) {
      throw InfraError.validation("context must be a JSON object", { field: "context" });
    }
    const retryable = input["retryable"];
    const err = new InfraError(String(input["kind"]), String(input["message"]), {
      context,
      retryable: typeof retryable === "boolean" ? retryable : undefined,
    });
    return { error: err.toJSON() as unknown as JsonValue, wire: JSON.stringify(err) };
  },
});
