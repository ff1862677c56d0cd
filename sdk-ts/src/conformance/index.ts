/**
 * The conformance runner of the TypeScript SDK: executes `llm-infra-vectors/1` documents in any
 * JavaScript runtime. The Node driver (`conformance/drivers/node.mjs`), the browser parity panel
 * and the workerd worker all use it.
 *
 * @example
 * ```ts
 * import { runText } from "@llm-dev-ops/infra/conformance";
 * const result = await runText(vectorFileText, "errors/retry.json");
 * result.passed; result.failed; result.unsupported;
 * ```
 * @module
 */
export { jsonEqual, dumpJson } from "./compare.js";
export { handlerFor, register, registeredOps, type Handler } from "./registry.js";
export { FORMAT, runDocument, runText, type CaseFailure, type FileResult } from "./runner.js";
