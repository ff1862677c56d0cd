// json: apply, diff, merge, canonicalize and parse on a ~1,100-key document with 50 changes, against
// fast-json-patch and json-merge-patch (npm). The document pair is built from the same xorshift32
// stream as benchmarks/py/_json_doc.py, so both languages time (and print patch sizes for) the same data.
import { createRequire } from "node:module";
import { applyPatch, canonicalize, diff, mergePatchApply, mergePatchCreate, parse } from "@llm-dev-ops/infra/json";
import { versionOf } from "../drivers/harness.mjs";

const require = createRequire(import.meta.url);
const fjp = require("fast-json-patch");
const jmp = require("json-merge-patch");

const WORDS = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta", "lambda", "zeta"];

function stream(seed) {
  let state = seed >>> 0 || 1;
  return (n) => {
    let x = state;
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    state = x;
    return x % n;
  };
}

export function documents(seed = 20260412) {
  const r = stream(seed);
  const scalar = (nulls = true) => {
    let c = r(6);
    if (c === 4 && !nulls) c = 5;
    if (c === 0) return r(1_000_000);
    if (c === 1) { const w = WORDS[r(10)]; return `${w}-${r(1000)}`; }
    if (c === 2) return r(100_000) / 64;
    if (c === 3) return r(2) === 1;
    if (c === 4) return null;
    const w = WORDS[r(10)];
    return w.repeat(1 + r(3));
  };
  const doc = {};
  for (let s = 0; s < 40; s++) {
    const section = {};
    for (let k = 0; k < 16; k++) {
      const c = r(10);
      let v;
      if (c < 6) v = scalar();
      else if (c < 8) {
        const n = r(8);
        v = [];
        for (let i = 0; i < n; i++) v.push(r(2) ? scalar() : r(100));
      } else {
        const id = r(10_000);
        const name = WORDS[r(10)];
        const enabled = r(2) === 1;
        const n = r(4);
        const tags = [];
        for (let i = 0; i < n; i++) tags.push(WORDS[r(10)]);
        v = { id, name, enabled, tags };
      }
      section[`${WORDS[k % 10]}_${k}`] = v;
    }
    doc[`service_${String(s).padStart(2, "0")}`] = section;
  }
  const after = structuredClone(doc);
  const names = Object.keys(after);
  for (let i = 0; i < 50; i++) {
    const sec = after[names[r(names.length)]];
    const keys = Object.keys(sec);
    const c = r(10);
    // Python evaluates the right-hand side of `sec[keys[r(n)]] = value` first: draw in that order.
    if (c < 5) {
      const value = scalar(false);
      sec[keys[r(keys.length)]] = value;
    }
    else if (c < 7) sec[`new_${i}`] = scalar(false);
    else if (c < 8) delete sec[keys[r(keys.length)]];
    else {
      const arrays = keys.filter((k) => Array.isArray(sec[k]));
      if (arrays.length) {
        const arr = sec[arrays[r(arrays.length)]];
        const at = r(2) ? 0 : r(arr.length + 1);
        arr.splice(at, 0, scalar(false));
      } else {
        const value = [scalar(false)];
        sec[keys[r(keys.length)]] = value;
      }
    }
  }
  return [doc, after];
}

function countKeys(v) {
  if (Array.isArray(v)) return v.reduce((n, x) => n + countKeys(x), 0);
  if (v !== null && typeof v === "object") return Object.keys(v).length + Object.values(v).reduce((n, x) => n + countKeys(x), 0);
  return 0;
}

const size = (p) => `${p.length} ops / ${new TextEncoder().encode(JSON.stringify(p)).length} B`;

export async function cases() {
  const [before, after] = documents();
  const patch = diff(before, after);
  const theirs = fjp.compare(before, after);
  const merge = mergePatchCreate(before, after);
  const text = JSON.stringify(before);
  const target = structuredClone(before);
  const peerTarget = structuredClone(before);
  const fjpName = await versionOf("fast-json-patch");
  const jmpName = await versionOf("json-merge-patch");
  const document = `${countKeys(before)} keys, ${patch.length} changes`;
  return [
    {
      module: "json", name: "apply 50-op patch (new document)", notes: { document },
      ours: { name: "@llm-dev-ops/infra applyPatch", fn: () => applyPatch(before, patch) },
      peer: { name: `${fjpName} (validate, no mutation)`, fn: () => fjp.applyPatch(before, patch, true, false) },
    },
    {
      module: "json", name: "apply 50-op patch (new document, peer unvalidated)",
      ours: { name: "@llm-dev-ops/infra applyPatch", fn: () => applyPatch(before, patch) },
      peer: { name: `${fjpName} (no validation, no mutation)`, fn: () => fjp.applyPatch(before, patch, false, false) },
    },
    {
      module: "json", name: "diff", notes: { document, ours: size(patch), peer: size(theirs) },
      ours: { name: "@llm-dev-ops/infra diff", fn: () => diff(before, after) },
      peer: { name: `${fjpName} compare`, fn: () => fjp.compare(before, after) },
    },
    {
      module: "json", name: "merge patch apply (new document)",
      ours: { name: "@llm-dev-ops/infra mergePatchApply", fn: () => mergePatchApply(before, merge) },
      peer: { name: `${jmpName} (on a structuredClone)`, fn: () => jmp.apply(structuredClone(before), merge) },
    },
    {
      module: "json", name: "merge patch apply (in place)",
      ours: { name: "@llm-dev-ops/infra mergePatchApply(inPlace)", fn: () => mergePatchApply(target, merge, { inPlace: true }) },
      peer: { name: jmpName, fn: () => jmp.apply(peerTarget, merge) },
    },
    {
      module: "json", name: "merge patch create",
      notes: { ours: `${JSON.stringify(merge).length} B`, peer: `${JSON.stringify(jmp.generate(before, after)).length} B` },
      ours: { name: "@llm-dev-ops/infra mergePatchCreate", fn: () => mergePatchCreate(before, after) },
      peer: { name: `${jmpName} generate`, fn: () => jmp.generate(before, after) },
    },
    {
      module: "json", name: "canonicalize (RFC 8785) vs JSON.stringify",
      ours: { name: "@llm-dev-ops/infra canonicalize", fn: () => canonicalize(before) },
      peer: { name: "JSON.stringify (native; not canonical)", fn: () => JSON.stringify(before) },
    },
    {
      module: "json", name: "strict parse vs JSON.parse",
      ours: { name: "@llm-dev-ops/infra parse", fn: () => parse(text) },
      peer: { name: "JSON.parse (native; not strict)", fn: () => JSON.parse(text) },
    },
  ];
}
