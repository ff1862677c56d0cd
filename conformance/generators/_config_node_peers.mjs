// Independent JavaScript answers for config_vectors.py: reads {"toml": [text], "merges": [[layer]]}
// from stdin; writes {"toml": [{ok}|{error: {line, column}}], "merges": [doc]}. smol-toml parses
// TOML; json-merge-patch folds layers. Nothing here imports @llm-dev-ops/infra.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const jmp = require("json-merge-patch");
const { parse, TomlError } = await import("smol-toml");

const input = JSON.parse(readFileSync(0, "utf8"));
const toml = input.toml.map((t) => {
  try {
    return { ok: parse(t) };
  } catch (e) {
    if (e instanceof TomlError) return { error: { line: e.line, column: e.column } };
    return { error: { message: String(e) } };
  }
});
const merges = input.merges.map((layers) => layers.reduce((acc, l) => jmp.apply(acc, structuredClone(l)), {}));
process.stdout.write(JSON.stringify({ toml, merges }));
