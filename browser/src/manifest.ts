/** The shape of the build's `manifest.json` (written by `llm_infra.conformance._site.build_site`). */
export interface Manifest {
  format: "llm-infra-browser/1";
  /** Content hash of everything shipped (the service worker's cache key). */
  build: string;
  pyodide: { version: string; index: string; bytes: number };
  wheels: { file: string; bytes: number }[];
  sdk: { imports: Record<string, string>; bytes: number; files: string[] };
  app: { bytes: number };
  python: { file: string; module: string }[];
  tools: { id: string; module: string; ts: string; py: string }[];
  vectors: { file: string; name: string; op: string; cases: number }[];
  /** Everything the page may load: what the service worker caches for offline use. */
  files: string[];
}

/** A vector file's text and the name it is reported under. */
export interface VectorText {
  file: string;
  text: string;
}

/** A failing case with both outputs, for the parity panel's diff. */
export interface CaseOutputs {
  id: string;
  expected: unknown;
  got: unknown;
}

/** One DESIGN.md §4 report entry, plus the expected/actual outputs of its failing cases. */
export interface PageFileResult {
  runtime: string;
  file: string;
  op: string;
  passed: number;
  failed: number;
  unsupported: boolean;
  failures: { id: string; detail: string }[];
  cases: CaseOutputs[];
}

export async function fetchManifest(base: URL): Promise<Manifest> {
  const res = await fetch(new URL("manifest.json", base));
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status} (rebuild with \`llm-infra serve\`)`);
  const m = (await res.json()) as Manifest;
  if (m.format !== "llm-infra-browser/1") throw new Error(`manifest.json has format ${String(m.format)}, expected llm-infra-browser/1`);
  return m;
}
