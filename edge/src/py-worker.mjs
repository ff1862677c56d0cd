// The Python service of the edge worker: the npm `pyodide` package (CPython 3.14 on wasm) inside a
// plain workerd JS module worker, offline, running the llm-infra core from its wheel.
// (Cloudflare's own Python Workers fetch their Pyodide bundle at start-up, so they cannot run here;
// docs/edge.md explains how to vendor the core into one.)
//
// Every Pyodide file is a workerd module (see the generated config.capnp), nothing is fetched or
// compiled at run time: ../shared/recipes/7-workerd-pyodide explains each work-around below.
// Pyodide loads on the first request (lazily): at global scope workerd forbids randomness, which
// CPython needs for its hash seed, and a fake seed would be a real weakness in a service.
//
// makePyWorker({...}) is called by the generated py-worker.js with the bundled modules.

const INDEX_URL = "https://pyodide.invalid/"; // only a key for the fetch shim; never contacted

// pyodide.mjs takes its browser path in workerd and fetches python_stdlib.zip (and the wasm) from
// `new URL(name, location)`: serve them from the bundled modules while loadPyodide runs. Plain
// objects with `ok`/`arrayBuffer` are all Pyodide reads.
async function withOfflineFetch(stdlib, fn) {
  const realFetch = globalThis.fetch;
  const hadLocation = "location" in globalThis;
  if (!hadLocation) globalThis.location = new URL(INDEX_URL);
  globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === INDEX_URL + "python_stdlib.zip") return { ok: true, arrayBuffer: async () => stdlib };
    if (url.startsWith(INDEX_URL)) return { ok: false, status: 404, arrayBuffer: async () => { throw new Error(`not bundled: ${url}`); } };
    return realFetch(input, init);
  };
  try {
    return await fn();
  } finally {
    globalThis.fetch = realFetch;
    if (!hadLocation) delete globalThis.location;
  }
}

// workerd refuses to compile wasm from bytes ("Wasm code generation disallowed by embedder"), so
// instantiate the `wasm` module workerd compiled at start-up instead of Emscripten's fetch+compile.
function bundledWasm(createPyodideModule, wasmModule) {
  return (settings) => {
    const marker = Symbol("error marker");
    settings.instantiateWasm = (imports, success) => {
      // pyodide.mjs normally adds these two imports itself (from a small wasm module it compiles
      // at run time, with this JS fallback): supply them.
      imports.env.Jsv_GetError_import = () => marker;
      imports.env.JsvError_Check = (v) => v === marker;
      WebAssembly.instantiate(wasmModule, imports).then(
        (instance) => success(instance, wasmModule),
        (e) => console.error("pyodide wasm instantiation failed", e),
      );
      return {};
    };
    return createPyodideModule(settings);
  };
}

// Count what importing the core touches, in a real Worker runtime: crypto.getRandomValues (Python's
// os.urandom and random's seeding end here), fetch, and every file Python opens (audit hook).
const IMPORT_PROBE = `
import json, os, pkgutil, sys, importlib
opened = []
# the interpreter's own zipped stdlib is read by the import system itself: that is importing, not I/O
stdlib_zips = {e for e in sys.path if e.endswith(".zip")}
def _hook(event, args):
    if event == "open" and isinstance(args[0], str):
        p = args[0]
        if not (p.endswith((".py", ".pyc", ".pth", ".typed")) or "__pycache__" in p or p in stdlib_zips
                or os.path.isdir(p)):
            opened.append(p)
sys.addaudithook(_hook)
before = set(sys.modules)
import llm_infra, llm_infra.conformance
skip = set(llm_infra.conformance.TOOLING_MODULES)
mods = ["llm_infra"]
for info in pkgutil.walk_packages(llm_infra.__path__, "llm_infra."):
    if info.name.rsplit(".", 1)[-1] in skip:
        continue
    importlib.import_module(info.name)
    mods.append(info.name)
json.dumps({"modules": mods, "opened": opened,
            "random_imported": sorted(m for m in ("random", "secrets", "tempfile", "socket", "threading") if m in sys.modules and m not in before)})
`;

async function countCalls(fn) {
  const c = globalThis.crypto;
  const realGet = c.getRandomValues;
  const realFetch = globalThis.fetch;
  const counts = { random_calls: 0, fetch_calls: 0 };
  c.getRandomValues = function (view) { counts.random_calls++; return realGet.call(c, view); };
  globalThis.fetch = (...args) => { counts.fetch_calls++; return realFetch(...args); };
  try {
    return { value: await fn(), counts };
  } finally {
    c.getRandomValues = realGet;
    globalThis.fetch = realFetch;
  }
}

function jsonResponse(value, status = 200) {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

export function makePyWorker({ loadPyodide, createPyodideModule, wasmModule, stdlib, lockfile, wheels, bridge, routes }) {
  let ready = null;
  let importReport = null;

  async function boot() {
    const t0 = Date.now();
    const py = await withOfflineFetch(stdlib, () =>
      loadPyodide({
        indexURL: INDEX_URL,
        lockFileContents: lockfile,
        packageBaseUrl: INDEX_URL,
        createPyodideModule: bundledWasm(createPyodideModule, wasmModule),
        stdout: (s) => console.log("[py]", s),
        stderr: (s) => console.log("[py:err]", s),
      }),
    );
    const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
    for (const whl of wheels) py.unpackArchive(new Uint8Array(whl), "wheel", { extractDir: site });
    py.FS.writeFile(`${site}/llm_infra_edge.py`, bridge);
    py.FS.mkdirTree(`${site}/llm_infra_edge_routes`);
    py.FS.writeFile(`${site}/llm_infra_edge_routes/__init__.py`, '"""Python routes of the edge worker (edge/routes/*.py)."""\n');
    for (const [name, source] of Object.entries(routes)) py.FS.writeFile(`${site}/llm_infra_edge_routes/${name}.py`, source);
    py.runPython("import importlib; importlib.invalidate_caches()");
    const loadMs = Date.now() - t0;
    const probe = await countCalls(() => py.runPython(IMPORT_PROBE));
    importReport = { ...JSON.parse(probe.value), ...probe.counts, threads: py.runPython("import threading; threading.active_count()") };
    const handle = py.pyimport("llm_infra_edge").handle;
    for (const name of Object.keys(routes)) py.pyimport(`llm_infra_edge_routes.${name}`);
    const info = JSON.parse(py.runPython("import json, platform; json.dumps({'python': platform.python_version()})"));
    return { handle, info: { ...info, pyodide: py.version, load_ms: loadMs } };
  }

  return {
    async fetch(request) {
      try {
        ready ??= boot().catch((e) => {
          ready = null; // a failed start is retried by the next request
          throw e;
        });
        const { handle, info } = await ready;
        const url = new URL(request.url);
        if (url.pathname === "/py/_import") return jsonResponse({ ...importReport, ...info });
        const body = request.method === "POST" ? await request.text() : "";
        const out = JSON.parse(handle(JSON.stringify({ method: request.method, path: url.pathname, query: [...url.searchParams], body })));
        return new Response(out.body, { status: out.status, headers: { "content-type": "application/json; charset=utf-8" } });
      } catch (e) {
        const message = String((e && e.message) || e).trim().split("\n").pop();
        return jsonResponse({ error: { kind: "internal", message: `the Python service failed: ${message}`, retryable: false, context: {}, cause: null } }, 500);
      }
    },
  };
}
