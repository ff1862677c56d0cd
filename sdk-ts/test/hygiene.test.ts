// The SDK is written against Web standards only: no `node:` (or bare Node built-in) imports under
// src/, every subpath export resolves, and importing the SDK does no work.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const SDK = fileURLToPath(new URL("../../", import.meta.url));
const NODE_BUILTINS = ["fs", "path", "os", "crypto", "buffer", "util", "stream", "child_process", "url", "events", "process", "worker_threads", "http", "https", "net", "zlib"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("web-standards only", () => {
  const files = sources(join(SDK, "src"));
  it("has sources", () => assert.ok(files.length > 5));
  for (const file of files) {
    it(`${relative(SDK, file)} imports no Node built-ins`, () => {
      const text = readFileSync(file, "utf8");
      const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?<![.\w$])require\(\s*["']([^"']+)["']\s*\)/g)]
        .map((m) => m[1] ?? m[2] ?? m[3] ?? "");
      for (const spec of specifiers) {
        assert.ok(!spec.startsWith("node:"), `${spec} in ${file}`);
        assert.ok(!NODE_BUILTINS.includes(spec.split("/")[0]!), `${spec} in ${file}`);
      }
      // A CommonJS require("…") or createRequire, not a method of that name (ConfigBuilder.require).
      assert.ok(!/(?<![.\w$])require\(\s*["'`]|\bcreateRequire\b/.test(text), `require() in ${file}`);
      assert.ok(!/\bprocess\.|\bBuffer\b|__dirname/.test(text), `Node global used in ${file}`);
    });
  }
});

describe("package exports", () => {
  const pkg = JSON.parse(readFileSync(join(SDK, "package.json"), "utf8")) as { exports: Record<string, unknown> };
  for (const subpath of Object.keys(pkg.exports).filter((s) => s !== "./package.json")) {
    it(`${subpath} resolves with types`, async () => {
      const spec = "@llm-dev-ops/infra" + subpath.slice(1);
      const mod = (await import(spec)) as Record<string, unknown>;
      assert.ok(Object.keys(mod).length > 0, `${spec} exports nothing`);
      const entry = pkg.exports[subpath] as { types: string; default: string };
      assert.ok(statSync(join(SDK, entry.types)).isFile());
      assert.ok(statSync(join(SDK, entry.default)).isFile());
    });
  }
});
