/**
 * The page: starts Python (Pyodide in a worker) first, because it takes longest, then loads the
 * TypeScript SDK's tools and runs the parity panel and the playground, each runtime as soon as it is
 * ready. Everything it shows comes from `manifest.json`. Errors become messages, never a blank page.
 *
 * `window.llmInfraPage` is the page's programmatic face (the `chromium` conformance runtime, the
 * benchmark and the tests use it): `whenReady()`, `runVectors(files)`, `timings`.
 */
import { alertMessage, byId, formatBytes, h, messageOf } from "./dom.js";
import { fetchManifest, type Manifest, type PageFileResult, type VectorText } from "./manifest.js";
import { ParityPanel } from "./parity.js";
import { Playground } from "./playground.js";
import { type PythonInfo, PythonRuntime, type Stage } from "./python.js";
import { assertToolSpec } from "./tool.js";
import { runVectorsTs } from "./ts-side.js";

const SITE = new URL("../", import.meta.url);
const params = new URLSearchParams(location.search);
/**
 * `?runner=1`: the page is driven by a program (the CLI's chromium runtime brings its own vector
 * files): it neither runs the suite on load nor installs its offline copy.
 */
const RUNNER = params.get("runner") === "1";
const root = document.documentElement;

/** Milliseconds since navigation start (performance.now()) at which each runtime became usable. */
export interface Timings {
  tsReady?: number;
  pythonReady?: number;
  pythonFailed?: string;
  python?: PythonInfo;
  pythonSteps?: Record<string, number>;
}
const timings: Timings = {};

function onStage(s: Stage): void {
  if (root.dataset["python"] !== "loading") return; // a late message never hides "ready" or "failed"
  const progress = byId<HTMLProgressElement>("py-progress");
  progress.max = s.total;
  progress.value = s.step - 1;
  byId("py-status-text").textContent = `Python: ${s.text} (step ${s.step} of ${s.total})`;
}

// 1. Python first: the interpreter's download and start dominate the page's start-up.
root.dataset["python"] = "loading";
const python = new PythonRuntime(new URL("./python-worker.js", import.meta.url), onStage);
const pythonReady = python.ready.then(
  (info) => {
    timings.pythonReady = performance.now();
    timings.python = info;
    // the worker's steps on this page's clock (ms since navigation start), for the benchmark
    timings.pythonSteps = Object.fromEntries(
      Object.entries(info.timeline).map(([k, v]) => [k, Math.round(v - performance.timeOrigin)]),
    );
    root.dataset["python"] = "ready";
    const progress = byId<HTMLProgressElement>("py-progress");
    progress.value = progress.max;
    progress.hidden = true;
    byId("py-status-text").textContent =
      `Python: ready in ${(timings.pythonReady / 1000).toFixed(1)} s — CPython ${info.python} (Pyodide ${info.pyodide}), llm_infra ${info.llm_infra}.`;
    return info;
  },
  (e: unknown) => {
    timings.pythonFailed = messageOf(e);
    root.dataset["python"] = "failed";
    byId<HTMLProgressElement>("py-progress").hidden = true;
    byId("py-status-text").textContent = `Python: failed to start — ${timings.pythonFailed}`;
    alertMessage(`Python could not start: ${timings.pythonFailed}. The TypeScript side still works.`);
    throw e;
  },
);
pythonReady.catch(() => undefined); // reported above; callers that need Python see the rejection

let tsReadyResolve: () => void = () => undefined;
const tsReady = new Promise<void>((resolve) => (tsReadyResolve = resolve));

/** The programmatic face of the page. */
const api = {
  timings,
  manifest: null as Manifest | null,
  /** Resolves with the timings once TypeScript and Python are both usable; rejects if Python failed. */
  async whenReady(): Promise<Timings> {
    await tsReady;
    await pythonReady;
    return timings;
  },
  /** Run vector files (name + text) in both runtimes of this page; DESIGN.md §4 entries per runtime. */
  async runVectors(files: VectorText[]): Promise<Record<"chromium-ts" | "chromium-pyodide", PageFileResult[]>> {
    const [ts, py] = await Promise.all([runVectorsTs(files), python.runVectors(files)]);
    return { "chromium-ts": ts, "chromium-pyodide": py };
  },
};
(window as unknown as { llmInfraPage: typeof api }).llmInfraPage = api;

async function fetchText(path: string): Promise<string> {
  const res = await fetch(new URL(path, SITE));
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return res.text();
}

async function loadTools(manifest: Manifest, playground: Playground): Promise<void> {
  const nav = byId("tool-nav");
  const modules = await Promise.all(
    manifest.tools.map((t) => import(new URL(t.ts, SITE).href).then((m: { default?: unknown }) => m, (e: unknown) => e as Error)),
  );
  manifest.tools.forEach((t, i) => {
    const mod = modules[i];
    try {
      if (mod instanceof Error) throw mod;
      const spec = assertToolSpec(t.id, (mod as { default?: unknown }).default);
      playground.add(t.id, spec);
      nav.append(h("li", {}, h("a", { href: `#tool-${t.id}` }, spec.title)));
    } catch (e) {
      playground.addBroken(t.id, messageOf(e));
      alertMessage(`Playground tool ${t.id} could not load: ${messageOf(e)}`);
    }
  });
}

async function registerOffline(manifest: Manifest): Promise<void> {
  const status = byId("offline-status");
  if (!("serviceWorker" in navigator)) {
    status.textContent = "Offline use needs service workers, which this browser context does not offer.";
    return;
  }
  const script = new URL(`sw.js?build=${manifest.build}`, SITE);
  const reg = await navigator.serviceWorker.register(script, { scope: SITE.href });
  const current = (): ServiceWorker | null => [reg.active, reg.waiting, reg.installing].find((w) => w?.scriptURL === script.href) ?? null;
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      const w = current();
      if (w === null) return;
      if (w.state === "activated") resolve();
      else if (w.state === "redundant") reject(new Error("the service worker could not cache the page"));
      else w.addEventListener("statechange", check, { once: true });
    };
    check();
    reg.addEventListener("updatefound", check);
  });
  const total = manifest.files.length;
  root.dataset["offline"] = "ready";
  status.textContent = `Works offline: all ${total} files of this build are cached.`;
}

function showBuild(manifest: Manifest): void {
  const wheel = manifest.wheels.reduce((n, w) => n + w.bytes, 0);
  byId("build-info").textContent =
    `Build ${manifest.build}. Shipped: llm-infra wheel ${formatBytes(wheel)}, TypeScript SDK ${formatBytes(manifest.sdk.bytes)}, ` +
    `page ${formatBytes(manifest.app.bytes)}, Pyodide ${manifest.pyodide.version} ${formatBytes(manifest.pyodide.bytes)}. ` +
    `${manifest.vectors.length} vector files, ${manifest.tools.length} tools. Everything is served from this machine.`;
}

async function boot(): Promise<void> {
  const manifest = await fetchManifest(SITE);
  api.manifest = manifest;
  showBuild(manifest);
  const playground = new Playground(byId("tools"), python);
  const panel = new ParityPanel(byId<HTMLTableSectionElement>("parity-rows"), byId("parity-summary"), byId("parity-detail"), {
    ts: (files) => runVectorsTs(files),
    py: (files) => python.runVectors(files),
  });
  pythonReady.then(
    () => playground.setPython({ state: "ready" }),
    (e: unknown) => {
      playground.setPython({ state: "failed", message: messageOf(e) });
      panel.fail("py", messageOf(e));
    },
  );
  await loadTools(manifest, playground);
  timings.tsReady = performance.now();
  root.dataset["ts"] = "ready";
  byId("ts-status").textContent = `TypeScript SDK: ready in ${(timings.tsReady / 1000).toFixed(2)} s.`;
  tsReadyResolve();

  const upload = byId<HTMLInputElement>("vector-upload");
  upload.addEventListener("change", () => {
    const chosen = [...(upload.files ?? [])];
    Promise.all(chosen.map(async (f) => ({ file: `your file: ${f.name}`, text: await f.text() })))
      .then((files) => panel.run(files, { uploaded: true }))
      .catch((e: unknown) => alertMessage(`Could not read the chosen file: ${messageOf(e)}`));
  });
  if (!RUNNER) {
    // The suite is fetched and run once Python is up (or has failed): its 4.7 MB of vector files and
    // the seconds of CPU of its TypeScript half (Argon2, Ed25519, …) would otherwise compete with
    // downloading, compiling and starting the interpreter.
    // Python may already have failed while the tools loaded: its message stays.
    const summary = byId("parity-summary");
    if (summary.dataset["verdict"] === "running") {
      summary.textContent = "Waiting for Python to start, then running every vector in both runtimes…";
    }
    await pythonReady.catch(() => undefined);
    const files = await Promise.all(manifest.vectors.map(async (v) => ({ file: v.name, text: await fetchText(v.file) })));
    void panel.run(files);
  } else {
    byId("parity-summary").textContent = "Driven by a program (?runner=1): the suite is not run automatically.";
    byId("offline-status").textContent = "No offline copy in runner mode.";
    return;
  }
  // Offline copy once the page is up, so caching never competes with the start-up downloads.
  pythonReady
    .catch(() => undefined)
    .then(() => registerOffline(manifest))
    .catch((e: unknown) => {
      byId("offline-status").textContent = `Offline copy unavailable: ${messageOf(e)}`;
    });
}

boot().catch((e: unknown) => {
  root.dataset["ts"] = "failed";
  byId("ts-status").textContent = `TypeScript SDK: failed — ${messageOf(e)}`;
  alertMessage(`The page could not start: ${messageOf(e)}`);
});
