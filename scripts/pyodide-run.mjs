#!/usr/bin/env node
// Run a Python snippet inside Pyodide under Node with pure wheels installed (wheels only, as
// micropip would). The snippet's last expression is printed as JSON on stdout.
// usage: node scripts/pyodide-run.mjs --wheels DIR [--wheels DIR...] --code 'python source'
import { parseArgs } from "node:util";
import { pyodideWithWheels } from "../conformance/drivers/pyodide-env.mjs";

const { values } = parseArgs({
  options: { wheels: { type: "string", multiple: true, default: [] }, code: { type: "string" } },
});
const py = await pyodideWithWheels(values.wheels);
let result;
try {
  result = py.runPython(values.code);
} catch (e) {
  console.error(String(e.message ?? e));
  process.exit(1);
}
process.stdout.write(JSON.stringify(result?.toJs ? result.toJs({ dict_converter: Object.fromEntries }) : result) + "\n");
