/** Built-in vector ops of the TypeScript SDK, one file per module. */
import type { Handler } from "../registry.js";
import { configOps } from "./config.js";
import { cryptoSymOps } from "./crypto-sym.js";
import { cryptoAsymOps } from "./crypto-asym.js";
import { cryptoJwtOps } from "./crypto-jwt.js";
import { errorsOps } from "./errors.js";
import { idsOps } from "./ids.js";
import { jsonOps } from "./json.js";

export const BUILTIN_OPS: Readonly<Record<string, Handler>> = Object.freeze({
  ...errorsOps,
  ...configOps,
  ...cryptoSymOps,
  ...cryptoAsymOps,
  ...cryptoJwtOps,
  ...idsOps,
  ...jsonOps,
});
