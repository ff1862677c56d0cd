#!/usr/bin/env node
// Run benchmarks/ts/<module>.bench.mjs under Node: each exports `cases()` -> Case[] (see harness.mjs).
// usage: node node.mjs --out FILE [--quick] MODULE...
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { measure } from "./harness.mjs";

const { values, positionals } = parseArgs({
  options: { out: { type: "string" }, quick: { type: "boolean", default: false } },
  allowPositionals: true,
});
const results = [];
for (const name of positionals) {
  const mod = await import(new URL(`../ts/${name}.bench.mjs`, import.meta.url).href);
  for (const c of await mod.cases()) {
    const r = await measure(c, "node", { quick: values.quick });
    const ratio = r.ratio === null ? "n/a" : `${r.ratio.toFixed(2)}x`;
    console.error(`  [node] ${r.module}: ${r.case}: ${r.ours.impl} ${r.ours.median.toFixed(0)} vs ${r.peer?.impl ?? "no peer"} ${r.peer?.median?.toFixed(0) ?? "-"} -> ${ratio}${Object.entries(r.notes ?? {}).map(([k, v]) => `; ${k}: ${v}`).join("")}`);
    results.push(r);
  }
}
writeFileSync(values.out, JSON.stringify({ results }));
