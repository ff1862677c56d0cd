/**
 * Configuration sources: how JSON and TOML text become one JSON object (a layer), with the same
 * errors as Python: `InfraError("config")` naming the source and, where the parser reports it,
 * the line and column. TOML date-times, `inf`/`nan` and integers beyond ±(2^53 − 1) are refused.
 * @module
 */
import type { JsonObject, JsonValue } from "../_internal/json-value.js";
import { InfraError } from "../errors/index.js";
import { clone, FORBIDDEN_NAMES, MAX_DEPTH, parse } from "../json/index.js";
import { parse as parseToml, TomlError } from "smol-toml";
import { fmtPath, isPlainObject, quote, unsafeIntegerLiteral } from "./text.js";

const JSON_POS = /^invalid JSON at line (\d+) column (\d+): /;

function fail(label: string, problem: string, context: Record<string, unknown> = {}): InfraError {
  return InfraError.config(`config source ${quote(label)}: ${problem}`, { source: label, ...context });
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return "number";
  return typeof value;
}

/** Parse `text` in format `fmt` (json or toml) into a config object for source `label`. */
export function loadText(fmt: string, text: string, label: string): JsonObject {
  if (typeof text !== "string") throw fail(label, `${fmt} text must be a string, got ${typeof text}`);
  if (fmt === "json") {
    let doc: JsonValue;
    try {
      doc = parse(text);
    } catch (e) {
      if (!(e instanceof InfraError)) throw e;
      const m = JSON_POS.exec(e.message);
      if (m === null) throw fail(label, `invalid JSON: ${e.message.replace(/^invalid JSON: /, "")}`, { format: "json" });
      const line = Number(m[1]);
      const column = Number(m[2]);
      throw fail(label, `invalid JSON at line ${line} column ${column}: ${e.message.slice(m[0].length)}`, { format: "json", line, column });
    }
    const big = unsafeIntegerLiteral(text);
    if (big !== null) throw fail(label, `the integer ${big.slice(0, 40)} is beyond ±(2^53 - 1)`, { format: "json" });
    return toConfigDocument(doc, label, true);
  }
  if (fmt === "toml") {
    let data: unknown;
    try {
      data = parseToml(text);
    } catch (e) {
      if (e instanceof TomlError) {
        const detail = (e.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
        throw fail(label, `invalid TOML at line ${e.line} column ${e.column}: ${detail}`, { format: "toml", line: e.line, column: e.column });
      }
      throw fail(label, `invalid TOML: ${String(e)}`, { format: "toml" });
    }
    return toConfigDocument(data, label, false);
  }
  throw InfraError.config(`unknown config format ${quote(String(fmt))} (json, toml)`, { format: String(fmt) });
}

/** `value` as an owned, checked JSON object, or `InfraError("config")` naming the source and the path. */
export function toConfigDocument(value: unknown, label: string, checked = false): JsonObject {
  if (!isPlainObject(value)) throw fail(label, `the top level must be an object (a table), got ${kindOf(value)}`);
  check(value, label);
  if (checked) return value as JsonObject;
  try {
    return clone(value as JsonValue) as JsonObject;
  } catch (e) {
    if (e instanceof InfraError) throw fail(label, e.message);
    throw e;
  }
}

function check(value: unknown, label: string): void {
  // Depth-first with one shared path (copied only into an error message): no allocation per node.
  const path: string[] = [];
  const walk = (v: unknown): void => {
    if (path.length > MAX_DEPTH) throw fail(label, `value nested deeper than ${MAX_DEPTH} levels at ${fmtPath(path.slice(0, MAX_DEPTH))}`);
    if (typeof v === "string" || typeof v === "boolean" || v === null) return;
    if (typeof v === "number") {
      // Integer magnitude is decided on the JSON text (unsafeIntegerLiteral); smol-toml refuses unsafe integers itself.
      if (!Number.isFinite(v)) throw fail(label, `number at ${fmtPath(path)} is not finite`, { path: fmtPath(path) });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(String(i));
        walk(v[i]);
        path.pop();
      }
    } else if (v instanceof Date) {
      throw fail(label, `date/time value at ${fmtPath(path)} is not supported (quote it as a string)`, { path: fmtPath(path) });
    } else if (typeof v === "object") {
      const keys = Object.keys(v);
      for (const k of keys) {
        if (FORBIDDEN_NAMES.has(k)) throw fail(label, `member name ${quote(k)} is not allowed (at ${fmtPath([...path, k])})`);
      }
      for (const k of keys) {
        path.push(k);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    } else if (typeof v === "bigint") {
      throw fail(label, `integer at ${fmtPath(path)} is beyond ±(2^53 - 1)`, { path: fmtPath(path) });
    } else {
      throw fail(label, `value at ${fmtPath(path)} is a ${typeof v}, not a JSON value`, { path: fmtPath(path) });
    }
  };
  walk(value);
}
