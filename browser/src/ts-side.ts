/** The TypeScript side of the page: the SDK's conformance runner and tool outcomes, in the page itself. */
import type { JsonObject, JsonValue } from "@llm-dev-ops/infra";
import { handlerFor, runText } from "@llm-dev-ops/infra/conformance";
import { InfraError } from "@llm-dev-ops/infra/errors";
import type { CaseOutputs, PageFileResult, VectorText } from "./manifest.js";
import type { Outcome } from "./python.js";
import type { ToolSpec } from "./tool.js";

async function settle(fn: () => unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: JsonValue } | { ok: false; crash: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof InfraError) return { ok: false, error: e.toJSON() as unknown as JsonValue };
    return { ok: false, crash: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function caseOutputs(text: string, ids: string[]): Promise<CaseOutputs[]> {
  let doc: { op: string; cases: { id: string; input: JsonObject; expect?: unknown; error?: unknown }[] };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    return [];
  }
  const handler = handlerFor(doc.op);
  if (handler === undefined || !Array.isArray(doc.cases)) return [];
  const out: CaseOutputs[] = [];
  for (const id of ids) {
    const c = doc.cases.find((x) => x.id === id);
    if (c === undefined) continue;
    const got = await settle(() => handler(structuredClone(c.input)));
    const { ok, ...rest } = got;
    out.push({ id, expected: c.expect !== undefined ? c.expect : { error: c.error }, got: ok ? (got as { value: unknown }).value : rest });
  }
  return out;
}

/** Run vector files through the SDK's runner; failing cases carry both outputs. */
export async function runVectorsTs(files: VectorText[], runtime = "chromium-ts"): Promise<PageFileResult[]> {
  const results: PageFileResult[] = [];
  for (const f of files) {
    const r = await runText(f.text, f.file);
    const ids = r.failures.map((x) => x.id).filter((id) => id !== "<file>");
    results.push({ runtime, ...r, cases: ids.length ? await caseOutputs(f.text, ids) : [] });
  }
  return results;
}

/** A tool's TypeScript outcome, in the same shape the Python side returns. */
export async function runToolTs(spec: ToolSpec, input: JsonObject): Promise<Outcome> {
  const r = await settle(() => spec.run(structuredClone(input)));
  if (r.ok) {
    const text = JSON.stringify(r.value, null, 2);
    if (text === undefined) return { ok: false, crash: "the result is not JSON (undefined)" };
    return { ok: true, text };
  }
  return r as Outcome;
}
