/** Playground tool (TypeScript side): a retry policy's delays for a given random stream. */
import { RetryPolicy } from "@llm-dev-ops/infra/errors";
import { defineTool } from "../src/tool.js";

export default defineTool({
  title: "Errors: retry policy → delays",
  summary: "The exponential-backoff delays (ms) a RetryPolicy waits before each retry, drawing jitter from the random stream you give.",
  fields: [
    { name: "initial_ms", label: "Initial delay (ms)", type: "number", value: "100" },
    { name: "multiplier", label: "Multiplier (≥ 1)", type: "number", value: "2" },
    { name: "max_ms", label: "Maximum delay (ms)", type: "number", value: "1000" },
    { name: "max_attempts", label: "Max attempts (first included)", type: "number", value: "6" },
    { name: "jitter", label: "Jitter", type: "select", value: "full", options: ["none", "full", "equal"] },
    { name: "random", label: "Random stream (numbers in [0, 1))", type: "numbers", value: "0.5, 0.25, 0.75, 0.1, 0.9", help: "One number per retry when jitter is full or equal; none draws nothing." },
  ],
  run(input) {
    const { random, ...policy } = input;
    const p = RetryPolicy.fromJSON(policy);
    const delays = p.delays(random as number[]);
    return { delays_ms: delays, total_ms: delays.reduce((a, b) => a + b, 0), retries: delays.length };
  },
});
