#!/usr/bin/env node
// Run the project's pytest suite inside Pyodide (CPython on wasm) under Node, offline.
// The core comes from its built wheel (site-packages), never from the checkout's sources.
// usage: node scripts/pyodide-pytest.mjs --wheels DIR [--wheels DIR...] [-- pytest args...]
// Node's exit code is pytest's (0 ok, 1 failed, 5 no tests, ...).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { pyodideWithWheels } from "../conformance/drivers/pyodide-env.mjs";

const { values, positionals } = parseArgs({
  options: { wheels: { type: "string", multiple: true, default: [] }, project: { type: "string", default: "." } },
  allowPositionals: true,
});
const t0 = performance.now();
const py = await pyodideWithWheels(values.wheels, { rawOutput: true });
const tLoad = performance.now();
// The checkout, read-write, at /project: pyproject.toml's pytest settings apply as they are.
py.mountNodeFS("/project", resolve(values.project));
py.globals.set("pytest_args", py.toPy(positionals));
let rc;
try {
  rc = py.runPython(`
import os, sys, importlib
importlib.invalidate_caches()
os.chdir("/project")
import pytest
int(pytest.main(["-p", "no:cacheprovider", *pytest_args]))
`);
} catch (e) {
  console.error("pyodide error:", e.message ?? e);
  rc = 3;
}
console.error(`[pyodide-pytest] load+wheels ${(tLoad - t0).toFixed(0)} ms, pytest ${(performance.now() - tLoad).toFixed(0)} ms, rc=${rc}`);
process.exit(rc);
