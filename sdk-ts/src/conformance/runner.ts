/**
 * Run `llm-infra-vectors/1` files in any JavaScript runtime (Node, browsers, workerd): parsed
 * documents or JSON text in, per-file results out. Reading files is the caller's business.
 *
 * A file is *unsupported* when this runtime has no handler for its op (counted, never a pass);
 * a malformed file is one failure; a handler that throws anything but an `InfraError` fails the case.
 */
import type { JsonObject } from "../_internal/json-value.js";
import { ERROR_KINDS, InfraError } from "../errors/index.js";
import { dumpJson, jsonEqual } from "./compare.js";
import { handlerFor } from "./registry.js";

/** The vector file format this runner reads. */
export const FORMAT = "llm-infra-vectors/1";
const CASE_KEYS = new Set(["id", "input", "expect", "error", "tags", "note"]);
const FILE_KEYS = new Set(["format", "op", "source", "cases", "note", "$schema"]);

/** One failing case. */
export interface CaseFailure {
  id: string;
  detail: string;
}

/** The outcome of one vector file in one runtime. */
export interface FileResult {
  file: string;
  op: string;
  passed: number;
  failed: number;
  unsupported: boolean;
  failures: CaseFailure[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkDocument(doc: unknown): string | null {
  if (!isObject(doc)) return "top level is not an object";
  const extraKey = Object.keys(doc).filter((k) => !FILE_KEYS.has(k)).sort()[0];
  if (extraKey !== undefined) return `unknown top-level key '${extraKey}'`;
  if (doc["format"] !== FORMAT) return `format must be '${FORMAT}', got ${JSON.stringify(doc["format"])}`;
  if (typeof doc["op"] !== "string" || doc["op"] === "") return "op must be a non-empty string";
  if (typeof doc["source"] !== "string" || doc["source"] === "") return "source must be a non-empty string";
  const cases = doc["cases"];
  if (!Array.isArray(cases) || cases.length === 0) return "cases must be a non-empty array";
  const seen = new Set<string>();
  for (const [i, c] of cases.entries()) {
    const where = `cases[${i}]`;
    if (!isObject(c)) return `${where} is not an object`;
    const extra = Object.keys(c).filter((k) => !CASE_KEYS.has(k)).sort()[0];
    if (extra !== undefined) return `${where}: unknown key '${extra}'`;
    const id = c["id"];
    if (typeof id !== "string" || id === "") return `${where}.id must be a non-empty string`;
    if (seen.has(id)) return `${where}.id '${id}' is not unique`;
    seen.add(id);
    if (!isObject(c["input"])) return `${where} (${id}).input must be an object`;
    if (Object.hasOwn(c, "expect") === Object.hasOwn(c, "error")) return `${where} (${id}) must have exactly one of expect, error`;
    if (Object.hasOwn(c, "expect") && !isObject(c["expect"])) return `${where} (${id}).expect must be an object`;
    if (Object.hasOwn(c, "error")) {
      const err = c["error"];
      if (!isObject(err) || Object.keys(err).some((k) => k !== "kind")) return `${where} (${id}).error must be {} or {"kind": K}`;
      if (Object.hasOwn(err, "kind") && !(ERROR_KINDS as readonly unknown[]).includes(err["kind"])) {
        return `${where} (${id}).error.kind ${JSON.stringify(err["kind"])} is not an ErrorKind`;
      }
    }
    const tags = Object.hasOwn(c, "tags") ? c["tags"] : [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) return `${where} (${id}).tags must be an array of strings`;
    if (Object.hasOwn(c, "note") && typeof c["note"] !== "string") return `${where} (${id}).note must be a string`;
  }
  return null;
}

/** Run every case of one parsed vector file. */
export async function runDocument(doc: unknown, file = "<memory>"): Promise<FileResult> {
  const problem = checkDocument(doc);
  if (problem !== null) {
    const op = isObject(doc) && typeof doc["op"] === "string" ? doc["op"] : "?";
    return { file, op, passed: 0, failed: 1, unsupported: false, failures: [{ id: "<file>", detail: `invalid vector file: ${problem}` }] };
  }
  const d = doc as { op: string; cases: Array<{ id: string; input: JsonObject; expect?: JsonObject; error?: { kind?: string } }> };
  const result: FileResult = { file, op: d.op, passed: 0, failed: 0, unsupported: false, failures: [] };
  const handler = handlerFor(d.op);
  if (handler === undefined) {
    result.unsupported = true;
    return result;
  }
  const fail = (id: string, detail: string): void => {
    result.failed++;
    result.failures.push({ id, detail });
  };
  for (const c of d.cases) {
    let got: JsonObject;
    try {
      got = await handler(structuredClone(c.input));
    } catch (e) {
      if (!(e instanceof InfraError)) {
        fail(c.id, `raised ${e instanceof Error ? e.name : typeof e} (not an InfraError): ${e instanceof Error ? e.message : String(e)}`);
      } else if (c.error === undefined) {
        fail(c.id, `expected ${dumpJson(c.expect)}, got InfraError(${e.kind}): ${e.message}`);
      } else if (c.error.kind !== undefined && c.error.kind !== e.kind) {
        fail(c.id, `expected error kind ${c.error.kind}, got ${e.kind}: ${e.message}`);
      } else {
        result.passed++;
      }
      continue;
    }
    if (c.error !== undefined) {
      fail(c.id, `expected an InfraError${c.error.kind !== undefined ? ` of kind ${c.error.kind}` : ""}, got ${dumpJson(got)}`);
    } else if (!jsonEqual(got, c.expect)) {
      fail(c.id, `expected ${dumpJson(c.expect)}, got ${dumpJson(got)}`);
    } else {
      result.passed++;
    }
  }
  return result;
}

/** Parse `text` as a vector file and run it; unparseable JSON is one failure. */
export async function runText(text: string, file = "<memory>"): Promise<FileResult> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { file, op: "?", passed: 0, failed: 1, unsupported: false, failures: [{ id: "<file>", detail: `invalid vector file: not JSON: ${(e as Error).message}` }] };
  }
  return runDocument(doc, file);
}
