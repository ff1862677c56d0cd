"""The runtimes ``llm-infra conformance`` can drive, and the checkout tooling they need.

``cpython`` runs in this process. The others run the same vector files elsewhere and hand back
``FileResult`` dicts: ``pyodide`` (the Python runner inside Pyodide under Node, the core installed
from a freshly built wheel), ``node`` (the TypeScript SDK's runner), ``chromium`` (both, in a real
headless Chromium page: :mod:`._chromium`), ``workerd`` and ``workerd-pyodide`` (the SDK, and the
Python runner in Pyodide, inside workerd: :mod:`._workerd`). Those need an llm-infra
checkout with its npm workspace installed (``make setup``); this module finds the checkout, keeps
the wheel and the SDK build fresh, and starts the drivers under ``conformance/drivers/``.

Only the CLI imports this module (it starts processes, so it is not for Pyodide).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .._json_types import JSONObject
from ..errors import InfraError
from ._runner import run_paths

__all__ = ["RUNTIMES", "Runtime", "core_wheel", "find_repo", "pyodide_wheel_dirs", "sdk_dist"]

#: Environment variable naming the llm-infra checkout (else: searched upward from cwd and this file).
REPO_ENV = "LLM_INFRA_REPO"
_MARKER = Path("conformance/drivers/pyodide.mjs")
#: The Python that Pyodide runs (its wheels are resolved for this version).
PYODIDE_PYTHON = "3.14"


@dataclass(frozen=True, slots=True)
class Runtime:
    """A named place vector files can run; ``run`` returns report entries (``FileResult.to_dict``)."""

    name: str
    description: str
    run: Callable[[Sequence[Path]], list[JSONObject]]
    #: Report names this runtime produces (one runtime may report several, e.g. chromium).
    reports: tuple[str, ...] = ()

    @property
    def report_names(self) -> tuple[str, ...]:
        return self.reports or (self.name,)


def find_repo() -> Path:
    """The llm-infra checkout: ``$LLM_INFRA_REPO``, else the first ancestor of cwd or of this file holding it."""
    env = os.environ.get(REPO_ENV)
    if env:
        root = Path(env).resolve()
        if not (root / _MARKER).is_file():
            raise InfraError.not_found(f"${REPO_ENV}={env} is not an llm-infra checkout", path=str(root))
        return root
    for start in (Path.cwd().resolve(), Path(__file__).resolve()):
        for candidate in (start, *start.parents):
            if (candidate / _MARKER).is_file():
                return candidate
    raise InfraError.not_found(
        "this runtime needs an llm-infra checkout (run from inside one, or set $LLM_INFRA_REPO)", env=REPO_ENV
    )


def _run(cmd: Sequence[str], *, cwd: Path, what: str, env: dict[str, str] | None = None) -> None:
    try:
        proc = subprocess.run(list(cmd), cwd=cwd, capture_output=True, text=True, env=env, check=False)
    except FileNotFoundError as exc:
        raise InfraError.not_found(f"{what}: {cmd[0]} is not installed", command=cmd[0], cause=exc) from exc
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip()[-2000:]
        raise InfraError.external(f"{what} failed (exit {proc.returncode}): {tail}", command=" ".join(cmd))


def _newest_mtime(paths: Sequence[Path], suffixes: tuple[str, ...]) -> float:
    newest = 0.0
    for base in paths:
        files = [base] if base.is_file() else [p for p in base.rglob("*") if p.suffix in suffixes]
        for f in files:
            newest = max(newest, f.stat().st_mtime)
    return newest


def core_wheel(repo: Path) -> Path:
    """The core's ``py3-none-any`` wheel under ``build/wheels/``, rebuilt when any source is newer."""
    out = repo / "build" / "wheels"
    wheels = sorted(out.glob("llm_infra-*-py3-none-any.whl"))
    sources = _newest_mtime([repo / "core", repo / "pyproject.toml"], (".py", ".typed"))
    if len(wheels) == 1 and wheels[0].stat().st_mtime >= sources:
        return wheels[0]
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    # Building from a copy keeps setuptools' build/ and *.egg-info out of the checkout.
    with tempfile.TemporaryDirectory(prefix="llm-infra-wheel-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(repo / "core", src / "core", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            if (repo / name).is_file():
                shutil.copy2(repo / name, src / name)
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)]
        if _can_build_offline():
            cmd.insert(5, "--no-build-isolation")
        _run(cmd, cwd=repo, what="building the llm-infra wheel")
    wheels = sorted(out.glob("llm_infra-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise InfraError.internal("building the llm-infra wheel gave no py3-none-any wheel", path=str(out))
    return wheels[0]


def _can_build_offline() -> bool:
    """True when this environment can build the wheel itself (setuptools with ``bdist_wheel``)."""
    from importlib import metadata, util

    if util.find_spec("setuptools") is None:
        return False
    if util.find_spec("wheel") is not None:
        return True
    major, minor = (int(x) for x in metadata.version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1)


def _runtime_requirements(wheel: Path) -> list[str]:
    """``Requires-Dist`` entries of a wheel that apply without extras."""
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(meta).decode("utf-8")
    reqs = []
    for line in text.splitlines():
        if line.startswith("Requires-Dist:"):
            req = line.split(":", 1)[1].strip()
            if "extra ==" not in req:
                reqs.append(req)
    return reqs


def pyodide_wheel_dirs(repo: Path) -> list[Path]:
    """The core wheel plus its runtime dependencies as pure wheels (what micropip would install).

    Dependencies are fetched with ``pip download --only-binary=:all: --platform any`` for
    Pyodide's Python; a dependency without a pure wheel makes this fail, as micropip would.
    """
    wheel = core_wheel(repo)
    reqs = _runtime_requirements(wheel)
    deps = repo / "build" / "pyodide" / "deps"
    stamp = deps / ".requirements.json"
    if reqs and (not stamp.is_file() or json.loads(stamp.read_text()) != reqs):
        shutil.rmtree(deps, ignore_errors=True)
        deps.mkdir(parents=True)
        _run(
            [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--platform", "any",
             "--python-version", PYODIDE_PYTHON, "--implementation", "py", "--abi", "none", "-d", str(deps), *reqs],
            cwd=repo, what="downloading pure-Python dependency wheels for Pyodide",
        )
        stamp.write_text(json.dumps(reqs))
    return [wheel.parent] + ([deps] if reqs else [])


def sdk_dist(repo: Path) -> Path:
    """The TypeScript SDK's build (``sdk-ts/dist``), rebuilt with ``tsc`` when a source is newer."""
    sdk = repo / "sdk-ts"
    dist = sdk / "dist"
    marker = dist / "index.js"
    src_time = _newest_mtime([sdk / "src", sdk / "tsconfig.json", sdk / "package.json"], (".ts",))
    if marker.is_file() and marker.stat().st_mtime >= src_time:
        return dist
    tsc = repo / "node_modules" / "typescript" / "bin" / "tsc"
    if not tsc.is_file():
        raise InfraError.not_found("the npm workspace is not installed (run `make setup`)", path=str(tsc))
    _run([_node(), str(tsc), "-p", str(sdk / "tsconfig.json")], cwd=repo, what="building the TypeScript SDK")
    marker.touch()
    return dist


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        raise InfraError.not_found("node (Node.js >= 20) is not on PATH", command="node")
    return node


def _drive(repo: Path, script: str, args: list[str], files: Sequence[Path], runtime: str) -> list[JSONObject]:
    if not (repo / "node_modules" / "pyodide").is_dir():
        raise InfraError.not_found(
            "the npm workspace is not installed (run `make setup`)", path=str(repo / "node_modules")
        )
    with tempfile.TemporaryDirectory(prefix="llm-infra-conf-") as tmp:
        out = Path(tmp) / "results.json"
        cmd = [_node(), str(repo / "conformance" / "drivers" / script), "--out", str(out), "--runtime", runtime,
               *args, *[str(f) for f in files]]
        _run(cmd, cwd=repo, what=f"the {runtime} runtime")
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InfraError.external(f"the {runtime} runtime wrote no readable results", cause=exc) from exc
    results: list[JSONObject] = []
    for entry in data["results"]:
        entry["runtime"] = runtime
        results.append(entry)
    return results


def _cpython(files: Sequence[Path]) -> list[JSONObject]:
    return [r.to_dict("cpython") for r in run_paths(files)]


def _pyodide(files: Sequence[Path]) -> list[JSONObject]:
    repo = find_repo()
    args: list[str] = []
    for d in pyodide_wheel_dirs(repo):
        args += ["--wheels", str(d)]
    return _drive(repo, "pyodide.mjs", args, files, "pyodide")


def _nodejs(files: Sequence[Path]) -> list[JSONObject]:
    repo = find_repo()
    sdk_dist(repo)
    return _drive(repo, "node.mjs", [], files, "node")


def _chromium(files: Sequence[Path]) -> list[JSONObject]:
    from ._chromium import run_chromium

    return run_chromium(files)


def _workerd(files: Sequence[Path]) -> list[JSONObject]:
    from ._workerd import run_workerd

    return run_workerd(files)


def _workerd_pyodide(files: Sequence[Path]) -> list[JSONObject]:
    from ._workerd import run_workerd_pyodide

    return run_workerd_pyodide(files)


#: Every runtime, in the order ``--runtime all`` runs them.
RUNTIMES: dict[str, Runtime] = {
    r.name: r
    for r in (
        Runtime("cpython", "this Python process", _cpython),
        Runtime("pyodide", "the Python runner inside Pyodide under Node", _pyodide),
        Runtime("node", "the TypeScript SDK under Node", _nodejs),
        Runtime("chromium", "the browser page in headless Chromium: Python in Pyodide and the TypeScript SDK",
                _chromium, reports=("chromium-pyodide", "chromium-ts")),
        Runtime("workerd", "the TypeScript SDK inside workerd", _workerd),
        Runtime("workerd-pyodide", "the Python runner in Pyodide inside workerd", _workerd_pyodide),
    )
}
