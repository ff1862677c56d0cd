"""``python -m benchmarks [MODULE ...] [--runtime cpython|pyodide|node|chromium ...] [--quick] [--json FILE]``

Runs each module's benchmark cases — ours against the well-known peer, alternating, in the same
process — in each runtime, prints a table with the ratios and optionally writes the
``llm-infra-bench/1`` JSON (DESIGN.md §6). ``python -m benchmarks.readme FILE`` turns that JSON
into the README's performance section.

Modules: one file per core module under ``benchmarks/py/`` (Python: CPython and Pyodide) and
``benchmarks/ts/<module>.bench.mjs`` (TypeScript under Node). ``browser`` (``benchmarks/browser.py``)
times the browser page's start-up against bare Pyodide in headless Chromium: it runs when named
(``python -m benchmarks browser``) or with ``--runtime chromium``, never by default.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks._harness import machine, measure

ROOT = Path(__file__).resolve().parent.parent
RUNTIMES = ("cpython", "pyodide", "node", "chromium")
#: Modules that run in their own runtime (not a core module's Python/TS cases).
BROWSER_MODULES = ("browser",)


def python_modules() -> list[str]:
    from benchmarks import py

    return sorted(m.name for m in pkgutil.iter_modules(py.__path__) if not m.name.startswith("_"))


def ts_modules() -> list[str]:
    return sorted(p.name.removesuffix(".bench.mjs") for p in (ROOT / "benchmarks" / "ts").glob("*.bench.mjs"))


def run_python(modules: list[str], runtime: str, quick: bool) -> list[dict[str, Any]]:
    """Run the Python cases here (CPython) — Pyodide runs this same function via its driver."""
    results = []
    for name in modules:
        mod = importlib.import_module(f"benchmarks.py.{name}")
        for case in mod.cases(runtime=runtime):
            result = measure(case, runtime, quick=quick)
            print(_line(result.to_dict()), file=sys.stderr, flush=True)
            results.append(result.to_dict())
    return results


def _node_driver(script: str, args: list[str]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="llm-infra-bench-") as tmp:
        out = Path(tmp) / "bench.json"
        proc = subprocess.run(["node", str(ROOT / "benchmarks" / "drivers" / script), "--out", str(out), *args],
                              cwd=ROOT, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"benchmarks: {script} failed (exit {proc.returncode})")
        data: list[dict[str, Any]] = json.loads(out.read_text())["results"]
        return data


def _pyodide_peers() -> Path:
    """Pure-Python peers for the Pyodide runs (``benchmarks/pyodide-peers.txt``), as wheels.

    Each requirement is fetched as a ``py3-none-any`` wheel for Pyodide's Python, or, for the
    sdist-only ones (pyaes, pure25519), built into one with ``pip wheel --no-deps``.
    """
    from llm_infra.conformance._runtimes import PYODIDE_PYTHON

    listing = ROOT / "benchmarks" / "pyodide-peers.txt"
    reqs = [ln.split("#")[0].strip() for ln in listing.read_text().splitlines() if ln.split("#")[0].strip()]
    out = ROOT / "build" / "bench" / "pyodide-peers"
    stamp = out / ".requirements.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == reqs:
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.whl"):
        old.unlink()
    pip = [sys.executable, "-m", "pip"]
    for req in reqs:
        got = subprocess.run([*pip, "download", "-qq", "--no-deps", "--only-binary=:all:", "--platform", "any",
                              "--python-version", PYODIDE_PYTHON, "--implementation", "py", "--abi", "none",
                              "-d", str(out), req], check=False)
        if got.returncode != 0:
            subprocess.run([*pip, "wheel", "-qq", "--no-deps", "-w", str(out), req], check=True)
    stamp.write_text(json.dumps(reqs))
    return out


def run_pyodide(modules: list[str], quick: bool) -> list[dict[str, Any]]:
    from llm_infra.conformance._runtimes import pyodide_wheel_dirs

    args: list[str] = []
    for d in pyodide_wheel_dirs(ROOT):
        args += ["--wheels", str(d)]
    args += ["--wheels", str(_pyodide_peers())]
    if quick:
        args.append("--quick")
    return _node_driver("pyodide.mjs", [*args, *modules])


def run_node(modules: list[str], quick: bool) -> list[dict[str, Any]]:
    from llm_infra.conformance._runtimes import sdk_dist

    sdk_dist(ROOT)
    return _node_driver("node.mjs", [*(["--quick"] if quick else []), *modules])


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:,.0f} ms"
    if unit == "bytes":
        return f"{value / 1024:,.1f} kB"
    if unit == "MB/s":
        return f"{value:,.2f} MB/s"
    return f"{value:,.0f}/s" if value >= 100 else f"{value:,.2f}/s"


def _line(r: dict[str, Any]) -> str:
    peer = r["peer"]
    ratio = "n/a" if r["ratio"] is None else f"{r['ratio']:.2f}x"
    peer_text = "no peer here" if peer is None else f"{peer['impl']} {_fmt(peer['median'], r['unit'])}"
    notes = "".join(f"; {k}: {v}" for k, v in r.get("notes", {}).items())
    return (f"  [{r['runtime']}] {r['module']}: {r['case']}: {r['ours']['impl']} {_fmt(r['ours']['median'], r['unit'])}"
            f" vs {peer_text} -> {ratio}{notes}")


def table(results: list[dict[str, Any]]) -> str:
    rows = [["module", "case", "runtime", "ours", "peer", "peer impl", "ratio"]]
    for r in results:
        peer = r["peer"]
        rows.append([
            r["module"], r["case"], r["runtime"], _fmt(r["ours"]["median"], r["unit"]),
            "-" if peer is None else _fmt(peer["median"], r["unit"]), "-" if peer is None else peer["impl"],
            "n/a" if r["ratio"] is None else f"{r['ratio']:.2f}x",
        ])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[1])
    parser.add_argument("modules", nargs="*", help="modules to run (default: all)")
    parser.add_argument("--runtime", action="append", choices=RUNTIMES, help="repeatable; default: cpython")
    parser.add_argument("--quick", action="store_true", help="short budgets (a smoke run, noisier numbers)")
    parser.add_argument("--json", metavar="FILE", help="write llm-infra-bench/1 JSON here")
    args = parser.parse_args(argv)
    runtimes = args.runtime or ["cpython"]
    known = sorted(set(python_modules()) | set(ts_modules()) | set(BROWSER_MODULES))
    unknown = [m for m in args.modules if m not in known]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; known: {', '.join(known)}")
    results: list[dict[str, Any]] = []
    if "browser" in args.modules or ("chromium" in runtimes and not args.modules):
        from benchmarks.browser import run as run_browser

        results += run_browser(args.quick)
    for runtime in runtimes:
        if runtime == "chromium":
            continue
        if runtime == "node":
            mods = [m for m in (args.modules or ts_modules()) if m in ts_modules()]
            results += run_node(mods, args.quick) if mods else []
        else:
            mods = [m for m in (args.modules or python_modules()) if m in python_modules()]
            if runtime == "cpython":
                results += run_python(mods, "cpython", args.quick)
            elif mods:
                results += run_pyodide(mods, args.quick)
    print(table(results))
    if args.json:
        doc = {"format": "llm-infra-bench/1", "machine": machine(), "results": results}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
