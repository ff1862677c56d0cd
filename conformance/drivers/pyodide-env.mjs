// Load Pyodide (npm `pyodide`, offline) under Node and install pure-Python wheels into it the way
// micropip would: wheels only, unpacked into site-packages. Shared by the conformance driver, the
// pytest runner and the benchmarks.
import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every *.whl under the given directories or files. */
export function wheelFiles(paths) {
  const out = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f.endsWith(".whl")) out.push(join(p, f));
    } else out.push(p);
  }
  return out;
}

/** A Pyodide instance with the given wheels installed; host PYTHONPATH/PYTHONHOME never leak in. */
export async function pyodideWithWheels(wheelPaths, { rawOutput = false, env = {} } = {}) {
  const hostEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^PYTHON(PATH|HOME)$/.test(k)));
  const py = await loadPyodide({ env: { ...hostEnv, HOME: "/home/pyodide", ...env } });
  if (rawOutput) {
    // Raw byte passthrough: a per-line callback would split pytest's "test_x ... PASSED" lines.
    py.setStdout({ write: (b) => { process.stdout.write(b); return b.length; }, isatty: false });
    py.setStderr({ write: (b) => { process.stderr.write(b); return b.length; }, isatty: false });
  } else {
    py.setStdout({ batched: (s) => process.stderr.write(s + "\n") });
    py.setStderr({ batched: (s) => process.stderr.write(s + "\n") });
  }
  const site = py.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const whl of wheelFiles(wheelPaths)) {
    // unpackArchive rejects a Node Buffer: hand it a plain Uint8Array.
    py.unpackArchive(new Uint8Array(readFileSync(whl)), "wheel", { extractDir: site });
  }
  py.runPython("import importlib; importlib.invalidate_caches()");
  return py;
}
