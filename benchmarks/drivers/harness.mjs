// The TypeScript-side twin of benchmarks/_harness.py: warm up, alternate ours / peer, report medians.
// A case: { module, name, unit: "ops/s" | "MB/s", bytesPerCall?, ours: {name, fn}, peer: {name, fn} | null,
// notes?, budgetScale? }; fn may be async (awaited per call).

async function rate(fn, budgetS, scale) {
  let calls = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  for (;;) {
    for (let i = 0; i < batch; i++) {
      const r = fn();
      if (r && typeof r.then === "function") await r;
    }
    calls += batch;
    elapsed = (performance.now() - start) / 1000;
    if (elapsed >= budgetS) break;
    if (elapsed < budgetS / 10) batch *= 2;
  }
  return (calls / elapsed) * scale;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function measure(c, runtime, { quick = false } = {}) {
  const budget = (quick ? 0.05 : 0.25) * (c.budgetScale ?? 1);
  const rounds = quick ? 3 : 7;
  const unit = c.unit ?? "ops/s";
  const scale = unit === "MB/s" ? (c.bytesPerCall ?? 0) / 1e6 : 1;
  const impls = [c.ours, ...(c.peer ? [c.peer] : [])];
  for (const impl of impls) await rate(impl.fn, budget / 2, scale);
  const samples = impls.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, impl] of impls.entries()) samples[i].push(await rate(impl.fn, budget, scale));
  }
  const [ours, peer] = samples.map(median);
  const out = {
    module: c.module, case: c.name, runtime, unit,
    ours: { impl: c.ours.name, median: ours },
    peer: c.peer ? { impl: c.peer.name, median: peer } : null,
    ratio: c.peer && peer ? ours / peer : null,
  };
  if (c.notes) out.notes = c.notes;
  return out;
}

/** "name version" of an installed npm package (for the report). */
export async function versionOf(pkg) {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  try {
    return `${pkg} ${require(`${pkg}/package.json`).version}`;
  } catch {
    return pkg;
  }
}
