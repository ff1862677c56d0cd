#!/usr/bin/env node
// The independent NanoID reference for conformance/generators/ids_vectors.py: runs npm `nanoid`'s
// own `customRandom` (from the workspace's node_modules) over the byte streams it is given.
//
// stdin:  [{"alphabet": str, "size": int, "random": hex, "calls": [int|null, ...]}, ...]
// stdout: [{"ids": [str, ...], "consumed": int, "version": str}, ...]
// A stream that runs out throws (the generator only sends streams long enough).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { customRandom } from "nanoid";

const version = createRequire(import.meta.url)("nanoid/package.json").version;
const cases = JSON.parse(readFileSync(0, "utf8"));
const out = cases.map((c) => {
  const bytes = Uint8Array.from(c.random.match(/../g) ?? [], (h) => parseInt(h, 16));
  let pos = 0;
  const getRandom = (n) => {
    if (pos + n > bytes.length) throw new Error(`stream ended: ${n} bytes at ${pos} of ${bytes.length}`);
    const chunk = bytes.slice(pos, pos + n);
    pos += n;
    return chunk;
  };
  const gen = customRandom(c.alphabet, c.size, getRandom);
  const ids = (c.calls ?? [null]).map((size) => (size === null ? gen() : gen(size)));
  return { ids, consumed: pos, version };
});
process.stdout.write(JSON.stringify(out));
