/**
 * The page's Python: Pyodide in a dedicated module Web Worker, so a long Python run never freezes
 * the page. It loads Pyodide from the site's own copy (`../pyodide/`), installs the core from its
 * wheel the way micropip would (unpacked into site-packages), writes the page bridge
 * (`llm_infra_page.py`) and the tools' Python sides, and then answers requests from the page.
 *
 * Protocol (structured-clone messages):
 * - worker → page: `{type: "stage", step, total, text}` while starting, then `{type: "ready", info}`
 *   or `{type: "failed", message}`; `{type: "reply", id, ok, value | message}` per request;
 * - page → worker: `{id, method: "runVectors" | "callTool", args}` (JSON text in, JSON text out).
 */
import type { PyodideAPI } from "pyodide";
import type { Manifest } from "./manifest.js";

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (ev: MessageEvent) => void): void;
  addEventListener(type: "unhandledrejection", listener: (ev: PromiseRejectionEvent) => void): void;
  addEventListener(type: "error", listener: (ev: ErrorEvent) => void): void;
}
const scope = self as unknown as WorkerScope;
const SITE = new URL("../", import.meta.url);
const TOTAL = 6;
let step = 0;

function stage(text: string, at?: number): void {
  if (at !== undefined && at < step) return; // steps only move forward
  step = at ?? step + 1;
  scope.postMessage({ type: "stage", step, total: TOTAL, text });
}

async function fetchOk(path: string): Promise<Response> {
  const url = new URL(path, SITE);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url.pathname} failed: HTTP ${res.status}`);
  return res;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Follow Pyodide's own downloads (it has no progress callback) to show what it is doing. */
function watchDownloads(): PerformanceObserver | null {
  if (typeof PerformanceObserver === "undefined") return null;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const status = (entry as PerformanceResourceTiming).responseStatus;
      if (status !== undefined && status !== 0 && status >= 400) continue; // a failed download is no progress
      if (entry.name.endsWith("/pyodide.asm.wasm")) stage("Compiling the interpreter (WebAssembly)…", 3);
      else if (entry.name.endsWith("/python_stdlib.zip")) stage("Starting CPython with its standard library…", 4);
    }
  });
  observer.observe({ type: "resource", buffered: true });
  return observer;
}

/**
 * A start-up that can fail without Pyodide noticing (a runtime file that does not download, an
 * error in a callback) would leave the page "starting" forever: any such failure rejects this.
 */
let failStart: (e: Error) => void = () => undefined;
const startFailed = new Promise<never>((_, reject) => (failStart = reject));
startFailed.catch(() => undefined);
scope.addEventListener("unhandledrejection", (ev) => failStart(ev.reason instanceof Error ? ev.reason : new Error(String(ev.reason))));
scope.addEventListener("error", (ev) => failStart(new Error(ev.message)));

/** Run `fn` with a fetch that reports any failed download of the runtime's files. */
async function watchingFetch<T>(fn: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const name = url.split("/").pop() ?? url;
    try {
      const res = await realFetch(input, init);
      if (!res.ok) failStart(new Error(`could not download ${name}: HTTP ${res.status}`));
      return res;
    } catch (e) {
      failStart(new Error(`could not download ${name}: ${e instanceof Error ? e.message : String(e)}`));
      throw e;
    }
  };
  try {
    return await Promise.race([fn(), startFailed]);
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** When each start-up step finished, as `performance.timeOrigin`-based epoch ms (comparable across threads). */
const timeline: Record<string, number> = {};
const mark = (name: string): void => {
  timeline[name] = performance.timeOrigin + performance.now();
};

async function boot(): Promise<{ py: PyodideAPI; bridge: Bridge }> {
  mark("worker_started");
  stage("Loading the Python runtime (Pyodide)…", 1);
  const manifestPromise = fetchOk("manifest.json").then((r) => r.json() as Promise<Manifest>);
  const pyodideModule = (await import(new URL("pyodide/pyodide.mjs", SITE).href)) as typeof import("pyodide");
  mark("pyodide_module_loaded");
  const manifest = await manifestPromise;
  // Start every download now, in parallel with the interpreter's own start.
  const wheels = manifest.wheels.map((w) => fetchOk(w.file).then((r) => r.arrayBuffer()));
  const sources = [...manifest.python.map((p) => p.file), ...manifest.tools.map((t) => t.py)].map((file) =>
    fetchOk(file).then(async (r) => ({ file, text: await r.text() })),
  );
  stage(`Downloading the interpreter (${mb(manifest.pyodide.bytes)})…`, 2);
  const observer = watchDownloads();
  const py = await watchingFetch(() =>
    pyodideModule.loadPyodide({
      indexURL: new URL(manifest.pyodide.index, SITE).href,
      stdout: (s: string) => console.log("[python]", s),
      stderr: (s: string) => console.log("[python:stderr]", s),
    }),
  );
  observer?.disconnect();
  mark("interpreter_started");
  const wheelBytes = manifest.wheels.reduce((n, w) => n + w.bytes, 0);
  stage(`Installing llm-infra from its wheel (${(wheelBytes / 1024).toFixed(0)} kB)…`, 5);
  // site (already imported at start-up), not sysconfig: importing sysconfig costs ~45 ms here
  const site = py.runPython("import site; site.getsitepackages()[0]") as string;
  for (const buffer of await Promise.all(wheels)) py.unpackArchive(buffer, "wheel", { extractDir: site });
  const tools = `${site}/llm_infra_page_tools`;
  py.FS.mkdirTree(tools);
  py.FS.writeFile(`${tools}/__init__.py`, '"""The Python sides of the playground tools (browser/tools/*.py)."""\n');
  for (const { file, text } of await Promise.all(sources)) {
    const name = file.split("/").pop() as string;
    py.FS.writeFile(file.includes("/tools/") ? `${tools}/${name}` : `${site}/${name}`, text);
  }
  mark("wheel_installed");
  stage("Importing llm_infra and the tools…", 6);
  py.runPython("import importlib; importlib.invalidate_caches()");
  const bridge = py.pyimport("llm_infra_page") as unknown as Bridge;
  for (const t of manifest.tools) py.pyimport(`llm_infra_page_tools.${t.id}`);
  mark("imported");
  return { py, bridge };
}

interface Bridge {
  info(): string;
  run_vectors(filesJson: string, runtime: string): string;
  call_tool(id: string, inputJson: string): string;
}

const ready = boot();
ready.then(
  ({ py, bridge }) => scope.postMessage({ type: "ready", info: { ...JSON.parse(bridge.info()), pyodide: py.version, timeline } }),
  (e: unknown) => scope.postMessage({ type: "failed", message: e instanceof Error ? e.message : String(e) }),
);

scope.addEventListener("message", (ev: MessageEvent) => {
  const { id, method, args } = ev.data as { id: number; method: string; args: string[] };
  ready
    .then(({ bridge }) => {
      if (method === "runVectors") return bridge.run_vectors(args[0] as string, args[1] ?? "chromium-pyodide");
      if (method === "callTool") return bridge.call_tool(args[0] as string, args[1] as string);
      throw new Error(`unknown method ${method}`);
    })
    .then(
      (value) => scope.postMessage({ type: "reply", id, ok: true, value }),
      (e: unknown) => {
        // A Python traceback's last line is the message worth showing.
        const text = e instanceof Error ? e.message : String(e);
        scope.postMessage({ type: "reply", id, ok: false, message: text.trim().split("\n").pop() ?? text });
      },
    );
});
