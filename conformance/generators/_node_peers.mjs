// Independent JavaScript answers for the vector generators: reads {"task", "items"} from stdin,
// writes {"results": [...]} to stdout. Nothing here imports @llm-dev-ops/infra.
//   stringify_sorted  JSON text -> JSON.stringify of the parsed value with keys sorted (UTF-16 order)
//   format_bits       16 hex digits (IEEE-754, big-endian) -> JSON.stringify(number)
//   fjp_apply         {doc, patch} -> fast-json-patch applyPatch(doc, patch, validate, no mutation)
//   jmp_apply         {target, patch} -> json-merge-patch apply (on a copy)
//   jmp_generate      {from, to} -> json-merge-patch generate
//   parse             JSON text -> JSON.parse (or {error})
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const fjp = require("fast-json-patch");
const jmp = require("json-merge-patch");

// JSON.stringify with object members in UTF-16 code-unit order (Array.prototype.sort's default).
// Members are written out here: an object cannot hold them in that order (integer-like keys
// always come first in JavaScript objects).
function stringifySorted(v) {
  if (Array.isArray(v)) return "[" + v.map(stringifySorted).join(",") + "]";
  if (v !== null && typeof v === "object") {
    return "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + stringifySorted(v[k])).join(",") + "}";
  }
  return JSON.stringify(v);
}

function guard(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: String(e && e.name ? `${e.name}: ${e.message}` : e).slice(0, 200) };
  }
}

const tasks = {
  stringify_sorted: (text) => guard(() => stringifySorted(JSON.parse(text))),
  format_bits: (hex) => {
    const dv = new DataView(new ArrayBuffer(8));
    dv.setBigUint64(0, BigInt("0x" + hex));
    return { ok: JSON.stringify(dv.getFloat64(0)) };
  },
  fjp_apply: ({ doc, patch }) => guard(() => fjp.applyPatch(structuredClone(doc), structuredClone(patch), true, false).newDocument),
  jmp_apply: ({ target, patch }) => guard(() => jmp.apply(structuredClone(target), structuredClone(patch))),
  jmp_generate: ({ from, to }) => guard(() => {
    const p = jmp.generate(structuredClone(from), structuredClone(to));
    return p === undefined ? {} : p;
  }),
  parse: (text) => guard(() => JSON.parse(text)),
};

const { task, items } = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({ results: items.map(tasks[task]) }));
