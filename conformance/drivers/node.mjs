#!/usr/bin/env node
// The `node` runtime of `llm-infra conformance`: runs vector files through the TypeScript SDK's
// runner (the built package, resolved as `@llm-dev-ops/infra`).
// usage: node node.mjs --out RESULTS.json [--runtime NAME] FILE...
// Writes {"results": [FileResult...]} to --out; exit 0 even when cases fail (the CLI decides).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runText } from "@llm-dev-ops/infra/conformance";

const { values, positionals } = parseArgs({
  options: { out: { type: "string" }, runtime: { type: "string", default: "node" } },
  allowPositionals: true,
});
if (!values.out) {
  console.error("usage: node node.mjs --out RESULTS.json FILE...");
  process.exit(2);
}
const results = [];
for (const file of positionals) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    results.push({ file, op: "?", passed: 0, failed: 1, unsupported: false, failures: [{ id: "<file>", detail: String(e.message) }] });
    continue;
  }
  results.push(await runText(text, file));
}
writeFileSync(values.out, JSON.stringify({ runtime: values.runtime, results }));
