#!/usr/bin/env node
// The `pyodide` runtime of `llm-infra conformance`: the Python runner (llm_infra.conformance)
// inside Pyodide under Node, the core installed from its freshly built wheel plus its pure
// dependency wheels.
// usage: node pyodide.mjs --wheels DIR [--wheels DIR...] --out RESULTS.json [--runtime NAME] [--env K=V...] FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pyodideWithWheels } from "./pyodide-env.mjs";

const { values, positionals } = parseArgs({
  options: {
    wheels: { type: "string", multiple: true, default: [] },
    out: { type: "string" },
    runtime: { type: "string", default: "pyodide" },
    env: { type: "string", multiple: true, default: [] },
  },
  allowPositionals: true,
});
if (!values.out || values.wheels.length === 0) {
  console.error("usage: node pyodide.mjs --wheels DIR --out RESULTS.json FILE...");
  process.exit(2);
}
const env = Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
const py = await pyodideWithWheels(values.wheels, { env });
const files = positionals.map((file) => {
  try {
    return [file, readFileSync(file, "utf8"), null];
  } catch (e) {
    return [file, null, String(e.message)];
  }
});
py.globals.set("vector_files", py.toPy(files));
py.globals.set("runtime_name", values.runtime);
const out = py.runPython(`
import json
from llm_infra.conformance import FileResult, run_text
results = []
for path, text, problem in vector_files:
    if text is None:
        r = FileResult(path, "?")
        r.fail("<file>", problem)
    else:
        r = run_text(text, path)
    results.append(r.to_dict(runtime_name))
json.dumps({"runtime": runtime_name, "results": results})
`);
writeFileSync(values.out, out);
