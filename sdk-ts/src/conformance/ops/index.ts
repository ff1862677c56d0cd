/** Built-in vector ops of the TypeScript SDK, one file per module. */
import type { Handler } from "../registry.js";
import { errorsOps } from "./errors.js";
import { jsonOps } from "./json.js";

export const BUILTIN_OPS: Readonly<Record<string, Handler>> = Object.freeze({
  ...errorsOps,
  ...jsonOps,
});
