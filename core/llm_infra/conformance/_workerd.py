"""The edge: the SDK and the Python core inside workerd (npm ``workerd``, offline).

CLI-only tooling (like :mod:`._runtimes`). :func:`build_edge` writes ``build/edge/``:

==========================  ======================================================================
``worker.js``               the TypeScript worker (``edge/src/worker.ts`` + every
                            ``edge/routes/<module>.ts``), bundled with the SDK by esbuild
``py-worker.js``            the Python service's entry (generated): imports the bundled modules and
                            calls ``makePyWorker`` of ``py-worker-lib.js`` (``edge/src/py-worker.mjs``)
``pyodide/``, ``wheels/``   the npm ``pyodide`` files and the core's wheel (+ pure dependencies)
``py/``                     ``llm_infra_edge.py`` and every ``edge/routes/<module>.py``
``config.capnp``            two configs: ``config`` (TypeScript worker + Python service behind
                            ``/py``) and ``tsConfig`` (the TypeScript worker alone, no Pyodide)
==========================  ======================================================================

:class:`WorkerdServer` starts ``workerd serve`` on a free loopback port; the ``workerd`` and
``workerd-pyodide`` runtimes POST the vector files to ``/conformance/run`` and
``/py/conformance/run``.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from .._json_types import JSONObject, JSONValue
from ..errors import InfraError
from ._runtimes import _run, find_repo, pyodide_wheel_dirs
from ._site import PYODIDE_FILES, esbuild, link_or_copy, tool_pairs

__all__ = ["WorkerdServer", "build_edge", "http_json", "run_workerd", "run_workerd_pyodide", "workerd_binary"]

#: Compatibility settings of the Python service (recipe 7): ``nodejs_compat`` gives Emscripten its
#: ``setImmediate``; ``disable_nodejs_process_v2`` keeps Pyodide off its Node.js code path.
_PY_COMPAT = ('compatibilityDate = "2026-06-01"', 'compatibilityFlags = ["nodejs_compat", "disable_nodejs_process_v2"]')
_TS_COMPAT = 'compatibilityDate = "2026-06-01"'


def workerd_binary(repo: Path) -> Path:
    """The workerd binary of the npm workspace."""
    exe = repo / "node_modules" / ".bin" / "workerd"
    if not exe.exists():
        raise InfraError.not_found("workerd is not installed: the npm workspace is missing (run `make setup`)",
                                   path=str(exe))
    return exe


def _files(base: Path) -> list[Path]:
    return sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else []


def _capnp_str(text: str) -> str:
    return json.dumps(text)  # a capnp text literal is a double-quoted, backslash-escaped string


def build_edge(repo: Path | None = None) -> Path:
    """Write ``build/edge/`` (see the module docstring); cheap, so it is redone on every call."""
    repo = repo or find_repo()
    edge = repo / "edge"
    out = repo / "build" / "edge"
    gen = out / "gen"
    for d in (gen, out / "py", out / "wheels", out / "pyodide"):
        d.mkdir(parents=True, exist_ok=True)
    routes = tool_pairs(edge / "routes", need_both=False)

    # 1. The TypeScript worker: a generated entry imports every route file; esbuild bundles it with the SDK.
    lines = [f"import {{ makeWorker }} from {json.dumps(str(edge / 'src' / 'worker.ts'))};"]
    names = []
    for i, (_, ts, _py) in enumerate(routes):
        if ts is not None:
            lines.append(f"import routes{i} from {json.dumps(str(ts))};")
            names.append(f"...routes{i}")
    lines.append(f"export default makeWorker([{', '.join(names)}]);")
    (gen / "worker-entry.ts").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _run([str(esbuild(repo)), "--bundle", "--format=esm", "--target=es2022", "--platform=browser",
          "--conditions=workerd,worker,browser", "--log-level=warning", "--charset=utf8",
          f"--outfile={out / 'worker.js'}", str(gen / "worker-entry.ts")], cwd=repo, what="bundling the edge worker")

    # 2. The Python service: Pyodide's files, the wheels and the Python sources as workerd modules.
    for name in PYODIDE_FILES:
        target = out / "pyodide" / name
        target.unlink(missing_ok=True)
        link_or_copy(repo / "node_modules" / "pyodide" / name, target)
    for old in (out / "wheels").glob("*.whl"):
        old.unlink()
    wheels = [w for d in pyodide_wheel_dirs(repo) for w in sorted(d.glob("*.whl"))]
    for whl in wheels:
        link_or_copy(whl, out / "wheels" / whl.name)
    for old in _files(out / "py"):
        old.unlink()
    link_or_copy(edge / "src" / "llm_infra_edge.py", out / "py" / "llm_infra_edge.py")
    py_routes = [(ident, py) for ident, _, py in routes if py is not None]
    for ident, py in py_routes:
        link_or_copy(py, out / "py" / "routes" / f"{ident}.py")
    (out / "py-worker-lib.js").unlink(missing_ok=True)
    link_or_copy(edge / "src" / "py-worker.mjs", out / "py-worker-lib.js")
    entry = [
        "// generated by llm_infra.conformance._workerd.build_edge: the bundled modules -> makePyWorker",
        'import { makePyWorker } from "./py-worker-lib.js";',
        'import { loadPyodide } from "./pyodide.mjs";',
        'import createPyodideModule from "./pyodide.asm.mjs";',
        'import wasmModule from "./pyodide.asm.wasm";',
        'import stdlib from "./python_stdlib.zip";',
        'import lockfile from "./pyodide-lock.json";',
        'import bridge from "./py/llm_infra_edge.py";',
        *[f'import wheel{i} from "./wheels/{w.name}";' for i, w in enumerate(wheels)],
        *[f'import route_{ident} from "./py/routes/{ident}.py";' for ident, _ in py_routes],
        "export default makePyWorker({ loadPyodide, createPyodideModule, wasmModule, stdlib, lockfile, bridge,",
        f"  wheels: [{', '.join(f'wheel{i}' for i in range(len(wheels)))}],",
        f"  routes: {{ {', '.join(f'{ident}: route_{ident}' for ident, _ in py_routes)} }} }});",
    ]
    (out / "py-worker.js").write_text("\n".join(entry) + "\n", encoding="utf-8")

    # 3. config.capnp (embed paths are relative to it).
    py_modules = [
        ("py-worker.js", "esModule", "py-worker.js"), ("py-worker-lib.js", "esModule", "py-worker-lib.js"),
        ("pyodide.mjs", "esModule", "pyodide/pyodide.mjs"), ("pyodide.asm.mjs", "esModule", "pyodide/pyodide.asm.mjs"),
        ("pyodide.asm.wasm", "wasm", "pyodide/pyodide.asm.wasm"),
        ("python_stdlib.zip", "data", "pyodide/python_stdlib.zip"),
        ("pyodide-lock.json", "json", "pyodide/pyodide-lock.json"),
        ("py/llm_infra_edge.py", "text", "py/llm_infra_edge.py"),
        *[(f"wheels/{w.name}", "data", f"wheels/{w.name}") for w in wheels],
        *[(f"py/routes/{ident}.py", "text", f"py/routes/{ident}.py") for ident, _ in py_routes],
    ]
    mods = ",\n    ".join(f"(name = {_capnp_str(n)}, {kind} = embed {_capnp_str(p)})" for n, kind, p in py_modules)
    socket_line = 'sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ]'
    config = f"""# generated by llm_infra.conformance._workerd.build_edge — do not edit.
# workerd serve config.capnp config|tsConfig --socket-addr http=127.0.0.1:PORT
using Workerd = import "/workerd/workerd.capnp";

const tsWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  {_TS_COMPAT},
);
const tsWithPython :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  {_TS_COMPAT},
  bindings = [ (name = "PY", service = "py") ],
);
const pyWorker :Workerd.Worker = (
  modules = [
    {mods}
  ],
  {_PY_COMPAT[0]},
  {_PY_COMPAT[1]},
);

const config :Workerd.Config = (
  services = [ (name = "main", worker = .tsWithPython), (name = "py", worker = .pyWorker) ],
  {socket_line},
);
const tsConfig :Workerd.Config = (
  services = [ (name = "main", worker = .tsWorker) ],
  {socket_line},
);
"""
    (out / "config.capnp").write_text(config, encoding="utf-8")
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class WorkerdServer:
    """``workerd serve build/edge/config.capnp <config>`` on a free loopback port (a context manager)."""

    def __init__(self, config: str = "config", repo: Path | None = None, *, port: int = 0) -> None:
        self.repo = repo or find_repo()
        self.config = config
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self, *, timeout: float = 60.0) -> WorkerdServer:
        build = build_edge(self.repo)
        exe = workerd_binary(self.repo)
        self._log = tempfile.TemporaryFile(prefix="llm-infra-workerd-")  # noqa: SIM115 -- lives until close()
        cmd = [str(exe), "serve", str(build / "config.capnp"), self.config, "--socket-addr",
               f"http=127.0.0.1:{self.port}"]
        self._proc = subprocess.Popen(cmd, cwd=build, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:
            if self._proc.poll() is not None:
                raise InfraError.external(
                    f"workerd exited at start (exit {self._proc.returncode}): {self.log()[-2000:]}",
                    command=" ".join(cmd))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    self.close()
                    raise InfraError.timeout(
                        f"workerd did not open 127.0.0.1:{self.port} within {timeout:.0f} s") from None
                time.sleep(0.03)

    def log(self) -> str:
        """Everything workerd printed so far."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def close(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> WorkerdServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def http_json(method: str, url: str, body: JSONValue | None = None, *, timeout: float = 300.0) -> tuple[int, Any]:
    """``(status, parsed JSON body)`` of one request; HTTP error statuses are returned, not raised."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            status, raw = res.status, res.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    except (urllib.error.URLError, OSError) as exc:
        raise InfraError.from_exception(exc, message=f"{method} {url} failed: {exc}") from exc
    try:
        return status, json.loads(raw)
    except ValueError as exc:
        raise InfraError.external(f"{method} {url} answered {status} with non-JSON: {raw[:200]!r}") from exc


def _run_files(config: str, path: str, runtime: str, files: Sequence[Path]) -> list[JSONObject]:
    payload: list[JSONValue] = []
    for f in files:
        try:
            payload.append({"file": str(f), "text": f.read_text(encoding="utf-8")})
        except (OSError, UnicodeError) as exc:
            raise InfraError.from_exception(exc) from exc
    with WorkerdServer(config) as server:
        status, body = http_json("POST", server.url + path, {"files": payload})
        if status != 200 or not isinstance(body, dict) or not isinstance(body.get("results"), list):
            raise InfraError.external(f"the {runtime} runtime answered {status}: {json.dumps(body)[:1500]}\n"
                                      f"{server.log()[-1500:]}")
    results: list[JSONObject] = body["results"]
    for r in results:
        r["runtime"] = runtime
    return results


def run_workerd(files: Sequence[Path]) -> list[JSONObject]:
    """The TypeScript SDK's conformance runner inside workerd (runtime ``workerd``)."""
    return _run_files("tsConfig", "conformance/run", "workerd", files)


def run_workerd_pyodide(files: Sequence[Path]) -> list[JSONObject]:
    """The Python conformance runner in Pyodide inside workerd (runtime ``workerd-pyodide``)."""
    return _run_files("config", "py/conformance/run", "workerd-pyodide", files)


if __name__ == "__main__":  # pragma: no cover -- `python -m llm_infra.conformance._workerd`: serve it by hand
    with WorkerdServer(port=int(os.environ.get("PORT", "0"))) as srv:
        print(f"workerd serving {srv.url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
