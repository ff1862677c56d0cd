#!/usr/bin/env node
// Run the Python benchmark modules inside Pyodide under Node (pure code only; native peers are absent).
// usage: node pyodide.mjs --wheels DIR [--wheels DIR...] --out FILE [--quick] MODULE...
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pyodideWithWheels } from "../../conformance/drivers/pyodide-env.mjs";

const { values, positionals } = parseArgs({
  options: { wheels: { type: "string", multiple: true, default: [] }, out: { type: "string" }, quick: { type: "boolean", default: false } },
  allowPositionals: true,
});
const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const py = await pyodideWithWheels(values.wheels);
py.mountNodeFS("/project", root);
py.globals.set("modules", py.toPy(positionals));
py.globals.set("quick", values.quick);
const out = py.runPython(`
import json, sys
sys.path.insert(0, "/project")
from benchmarks.__main__ import run_python
json.dumps({"results": run_python(list(modules), "pyodide", bool(quick))})
`);
writeFileSync(values.out, out);
