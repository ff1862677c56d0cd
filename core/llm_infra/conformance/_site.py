"""Build and serve the browser page (``browser/``): the parity panel and the playground.

CLI-only tooling (``llm-infra serve``, the ``chromium`` runtime, the browser benchmark and tests);
like :mod:`._runtimes` it starts processes and touches the checkout, so the pure
``llm_infra.conformance`` package never imports it.

:func:`build_site` turns the checkout into a static site under ``build/browser/site/`` that
needs nothing but a loopback HTTP server — no CDN, no network:

=====================  ==========================================================================
``pyodide/``           the five runtime files of the npm ``pyodide`` package
``wheels/``            the core's freshly built ``py3-none-any`` wheel (+ pure dependency wheels)
``sdk/``               the TypeScript SDK as ESM, bundled by esbuild from ``sdk-ts/src`` (one file
                       per subpath export of ``sdk-ts/package.json``, shared chunks)
``app/``               the page's own code (``browser/src/*.ts``) and one module per playground tool
                       (``browser/tools/<id>.ts``); the SDK stays external, resolved by an import map
``py/``                the page's Python bridge and the Python side of each tool (``<id>.py``)
``vectors/``           every conformance vector file (``conformance/vectors/**.json``)
``manifest.json``      what is where: vectors, tools, wheels, SDK entries, byte counts, build id
=====================  ==========================================================================

Everything the page shows is discovered from ``manifest.json`` at run time, so a new vector file,
a new SDK subpath or a new tool pair (``browser/tools/<id>.ts`` + ``<id>.py``) appears without
touching the page's code. The build is skipped when no input changed since the last one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

from .._json_types import JSONObject
from ..errors import InfraError
from ._runtimes import _node, _run, find_repo, pyodide_wheel_dirs

__all__ = [
    "MANIFEST_FORMAT",
    "PYODIDE_FILES",
    "SiteServer",
    "build_site",
    "esbuild",
    "link_or_copy",
    "sdk_entries",
    "tool_pairs",
]

#: ``format`` of ``manifest.json``.
MANIFEST_FORMAT = "llm-infra-browser/1"
#: The files of the npm ``pyodide`` package a page (or a worker) needs; nothing else is served.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
_SDK_PACKAGE = "@llm-dev-ops/infra"
#: Page entries bundled on their own (no shared chunks): what starts Python must not wait for the rest.
_STANDALONE = ("boot", "python-worker")


def esbuild(repo: Path) -> Path:
    """The esbuild binary of the npm workspace."""
    exe = repo / "node_modules" / ".bin" / "esbuild"
    if not exe.exists():
        raise InfraError.not_found("esbuild is not installed: the npm workspace is missing (run `make setup`)",
                                   path=str(exe))
    return exe


def sdk_entries(repo: Path) -> dict[str, Path]:
    """``{bundle name: source entry}`` for every subpath export of ``sdk-ts/package.json``.

    ``"."`` becomes ``index`` (``src/index.ts``), ``"./errors"`` becomes ``errors``
    (``src/errors/index.ts``); a new module's export is bundled with no change here.
    """
    pkg = json.loads((repo / "sdk-ts" / "package.json").read_text(encoding="utf-8"))
    out: dict[str, Path] = {}
    for subpath in pkg.get("exports", {}):
        if subpath == "./package.json":
            continue
        name = "index" if subpath == "." else subpath.removeprefix("./")
        src = repo / "sdk-ts" / "src" / ("index.ts" if name == "index" else f"{name}/index.ts")
        if not src.is_file():
            raise InfraError.not_found(f"sdk-ts export {subpath!r} has no source entry", path=str(src))
        out[name] = src
    return out


def tool_pairs(folder: Path, *, need_both: bool = True) -> list[tuple[str, Path | None, Path | None]]:
    """``(id, ts, py)`` for every ``<id>.ts`` / ``<id>.py`` in ``folder``, sorted by id.

    Playground tools (``need_both``) must have both sides; edge routes may have either.
    """
    stems = {p.stem for p in folder.glob("*.ts")} | {p.stem for p in folder.glob("*.py")} if folder.is_dir() else set()
    ids = sorted(stems)
    out: list[tuple[str, Path | None, Path | None]] = []
    for ident in ids:
        if not ident.isidentifier() or ident.startswith("_"):
            raise InfraError.config(f"{folder.name}/{ident}: a name must be a Python identifier not starting with _",
                                    path=str(folder / ident))
        ts, py = folder / f"{ident}.ts", folder / f"{ident}.py"
        if need_both and not (ts.is_file() and py.is_file()):
            missing = ts if not ts.is_file() else py
            raise InfraError.config(f"playground tool {ident!r} needs both sides: {missing.name} is missing",
                                    path=str(missing))
        out.append((ident, ts if ts.is_file() else None, py if py.is_file() else None))
    return out


def link_or_copy(src: Path, dst: Path) -> None:
    """Hard-link ``src`` to ``dst`` (cheap for the 12 MB of Pyodide), copying across file systems."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _files(base: Path, pattern: str = "*") -> list[Path]:
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def _fingerprint(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        st = p.stat()
        h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


def _vector_entries(repo: Path, out: Path) -> list[JSONObject]:
    base = repo / "conformance" / "vectors"
    entries: list[JSONObject] = []
    for src in _files(base, "*.json"):
        rel = src.relative_to(base).as_posix()
        link_or_copy(src, out / "vectors" / rel)
        op, cases = "?", 0
        try:
            doc = json.loads(src.read_text(encoding="utf-8"))
            op = str(doc.get("op", "?"))
            cases = len(doc.get("cases", []))
        except (ValueError, AttributeError, TypeError):
            pass  # shown as a failing file by both runners, never hidden here
        entries.append({"file": f"vectors/{rel}", "name": rel, "op": op, "cases": cases})
    return entries


def _bundle(repo: Path, outdir: Path, entries: dict[str, Path], *, external: list[str], splitting: bool = True) -> None:
    cmd = [str(esbuild(repo)), "--bundle", *(["--splitting"] if splitting else []), "--format=esm",
           "--target=es2022", "--platform=browser",
           "--minify", "--keep-names", "--sourcemap=linked", "--charset=utf8", "--log-level=warning",
           f"--outdir={outdir}", *[f"--external:{e}" for e in external],
           *[f"{name}={src}" for name, src in entries.items()]]
    _run(cmd, cwd=repo, what="bundling with esbuild")


def _bytes(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


def build_site(repo: Path | None = None, *, force: bool = False) -> Path:
    """Build (or reuse) ``build/browser/site`` and return it; see the module docstring for its layout."""
    repo = repo or find_repo()
    _node()  # esbuild's wrapper and the page's toolchain need Node; fail early with a clear message
    pyodide_pkg = repo / "node_modules" / "pyodide"
    if not (pyodide_pkg / "package.json").is_file():
        raise InfraError.not_found("the npm workspace is not installed (run `make setup`)", path=str(pyodide_pkg))
    wheels = [w for d in pyodide_wheel_dirs(repo) for w in sorted(d.glob("*.whl"))]
    browser = repo / "browser"
    inputs = [*_files(browser), *_files(repo / "sdk-ts" / "src"), repo / "sdk-ts" / "package.json",
              *_files(repo / "conformance" / "vectors", "*.json"), pyodide_pkg / "package.json", *wheels,
              Path(__file__)]
    stamp_value = _fingerprint(inputs)
    site = repo / "build" / "browser" / "site"
    stamp = site / ".stamp"
    if not force and stamp.is_file() and stamp.read_text() == stamp_value:
        return site

    tmp = site.with_name(f".site-{os.getpid()}-{threading.get_ident()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        _build_into(repo, tmp, wheels)
        (tmp / ".stamp").write_text(stamp_value)
        old = site.with_name(f".old-{os.getpid()}-{threading.get_ident()}")
        if site.exists():
            site.rename(old)
        tmp.rename(site)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return site


def _build_into(repo: Path, out: Path, wheels: list[Path]) -> None:
    browser = repo / "browser"
    pyodide_pkg = repo / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        link_or_copy(pyodide_pkg / name, out / "pyodide" / name)
    for whl in wheels:
        link_or_copy(whl, out / "wheels" / whl.name)

    sdk = sdk_entries(repo)
    _bundle(repo, out / "sdk", sdk, external=[])
    imports = {(_SDK_PACKAGE if name == "index" else f"{_SDK_PACKAGE}/{name}"): f"./sdk/{name}.js" for name in sdk}

    tools = tool_pairs(browser / "tools")
    # The start-up path (boot.js -> python-worker.js) is self-contained, no shared chunks to wait for.
    _bundle(repo, out / "app", {name: browser / "src" / f"{name}.ts" for name in _STANDALONE}, external=[],
            splitting=False)
    page_entries = {"app": browser / "src" / "app.ts"}
    page_entries |= {f"tools/{ident}": ts for ident, ts, _ in tools if ts is not None}
    _bundle(repo, out / "app", page_entries, external=[_SDK_PACKAGE, f"{_SDK_PACKAGE}/*"])

    python: list[JSONObject] = []
    for src in sorted((browser / "src").glob("*.py")):
        link_or_copy(src, out / "py" / src.name)
        python.append({"file": f"py/{src.name}", "module": src.stem})
    tool_entries: list[JSONObject] = []
    for ident, _, py in tools:
        assert py is not None
        link_or_copy(py, out / "py" / "tools" / py.name)
        tool_entries.append({"id": ident, "module": ident.split("_", 1)[0], "ts": f"app/tools/{ident}.js",
                             "py": f"py/tools/{ident}.py"})

    vectors = _vector_entries(repo, out)
    importmap = json.dumps({"imports": imports}, indent=1)
    html = (browser / "index.html").read_text(encoding="utf-8")
    if "<!-- llm-infra:importmap -->" not in html:
        raise InfraError.config("browser/index.html lacks the <!-- llm-infra:importmap --> marker",
                                path=str(browser / "index.html"))
    html = html.replace("<!-- llm-infra:importmap -->", f'<script type="importmap">\n{importmap}\n</script>')
    (out / "index.html").write_text(html, encoding="utf-8")
    for static in ("style.css", "sw.js"):
        link_or_copy(browser / static, out / static)
    for extra in _files(browser / "bench"):
        link_or_copy(extra, out / "bench" / extra.relative_to(browser / "bench"))

    shipped = [p for p in _files(out) if p.suffix != ".map" and p.name != ".stamp"]
    build_id = hashlib.sha256()
    for p in shipped:
        build_id.update(p.relative_to(out).as_posix().encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    sdk_files = [p for p in _files(out / "sdk") if p.suffix == ".js"]
    pyodide_version = json.loads((pyodide_pkg / "package.json").read_text(encoding="utf-8"))["version"]
    manifest: dict[str, Any] = {
        "format": MANIFEST_FORMAT,
        "build": build_id.hexdigest()[:16],
        "pyodide": {"version": pyodide_version, "index": "pyodide/", "bytes": _bytes(_files(out / "pyodide"))},
        "wheels": [{"file": f"wheels/{w.name}", "bytes": w.stat().st_size} for w in wheels],
        "sdk": {"imports": imports, "bytes": _bytes(sdk_files),
                "files": [p.relative_to(out).as_posix() for p in sdk_files]},
        "app": {"bytes": _bytes([p for p in _files(out / "app") if p.suffix == ".js"])},
        "python": python,
        "tools": tool_entries,
        "vectors": vectors,
        # what the service worker caches for offline use (source maps only load with devtools open)
        "files": ["./", *sorted(p.relative_to(out).as_posix() for p in shipped)],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


class SiteServer:
    """A static HTTP server for a built site on a loopback address, in a background thread.

    Serves with the MIME types the page needs (``application/wasm``, ``text/javascript``),
    ``Cache-Control: no-cache`` (always revalidated: a rebuilt site is never served stale) and no
    directory listings. ``port=0`` picks a free port; :attr:`url` is the page's address.
    """

    def __init__(self, site: Path, host: str = "127.0.0.1", port: int = 0, *, log: bool = False) -> None:
        import http.server

        root = str(site)

        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            extensions_map = {  # noqa: RUF012 -- the stdlib API is a class attribute
                **http.server.SimpleHTTPRequestHandler.extensions_map,
                ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
                ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip",
                ".py": "text/x-python; charset=utf-8", ".css": "text/css", ".html": "text/html; charset=utf-8",
                ".map": "application/json",
            }

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=root, **kwargs)

            def end_headers(self) -> None:
                self.send_header("Cache-Control", "no-cache")
                self.send_header("X-Content-Type-Options", "nosniff")
                super().end_headers()

            def handle(self) -> None:
                # the browser went away mid-download (a reload, a closed tab): nothing to report
                with contextlib.suppress(ConnectionResetError, BrokenPipeError):
                    super().handle()

            def list_directory(self, path: str | os.PathLike[str]) -> None:
                self.send_error(404, "No such file")

            def log_message(self, format: str, *args: Any) -> None:
                if log:
                    sys.stderr.write(f"[serve] {self.address_string()} {format % args}\n")

        self._httpd = http.server.ThreadingHTTPServer((host, port), Handler)
        self._httpd.daemon_threads = True
        bound_host, bound_port = self._httpd.server_address[:2]
        host_text = bound_host.decode() if isinstance(bound_host, bytes) else str(bound_host)
        shown = f"[{host_text}]" if ":" in host_text else host_text
        self.url = f"http://{shown}:{bound_port}/"
        self._thread: threading.Thread | None = None

    def start(self) -> SiteServer:
        """Serve in a daemon thread; returns ``self``."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="llm-infra-site", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted."""
        self._httpd.serve_forever()

    def close(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

