// errors: the retry loop's overhead (no real sleeping) vs p-retry, the usual npm peer.
import pRetry from "p-retry";
import { InfraError, RetryPolicy, retry } from "@llm-dev-ops/infra/errors";
import { versionOf } from "../drivers/harness.mjs";

function flaky() {
  let n = 0;
  return () => {
    n++;
    if (n % 3) throw InfraError.timeout("slow");
    return "ok";
  };
}

export async function cases() {
  const policy = new RetryPolicy({ initialMs: 1, multiplier: 2, maxMs: 100, maxAttempts: 3, jitter: "full" });
  const ours = flaky();
  const theirs = flaky();
  const noSleep = async () => {};
  const error = InfraError.http("upstream failed", { status: 503, url: "https://api.example/v1" }, {
    cause: InfraError.timeout("read timed out", { after_ms: 30000 }),
  });
  const text = JSON.stringify(error);
  return [
    {
      module: "errors", name: "retry: 2 failures then success",
      ours: { name: "@llm-dev-ops/infra retry", fn: () => retry(ours, policy, { sleep: noSleep }) },
      peer: {
        name: await versionOf("p-retry"),
        fn: () => pRetry(theirs, { retries: 2, minTimeout: 0, maxTimeout: 0, randomize: true,
          shouldRetry: ({ error: e }) => e instanceof InfraError && e.retryable }),
      },
    },
    {
      module: "errors", name: "InfraError JSON round trip (2-level chain)",
      ours: { name: "@llm-dev-ops/infra", fn: () => JSON.stringify(InfraError.fromJSON(text)) },
      peer: null,
    },
  ];
}
