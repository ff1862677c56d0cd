"""The core is a pure py3-none-any wheel that installs into Pyodide from wheels only and imports."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from llm_infra.conformance._runtimes import core_wheel, pyodide_wheel_dirs
from tests.conftest import REPO

CORE = REPO / "core" / "llm_infra"


def test_wheel_is_pure_and_complete() -> None:
    wheel = core_wheel(REPO)
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta = next(n for n in names if n.endswith("METADATA"))
        metadata = zf.read(meta).decode()
        wheel_info = zf.read(next(n for n in names if n.endswith(".dist-info/WHEEL"))).decode()
    assert "Root-Is-Purelib: true" in wheel_info and "Tag: py3-none-any" in wheel_info
    assert "llm_infra/py.typed" in names
    sources = {p.relative_to(CORE.parent).as_posix() for p in CORE.rglob("*.py") if "__pycache__" not in p.parts}
    assert sources <= names, sources - names
    assert "Requires-Python: >=3.11" in metadata
    assert not any(n.endswith((".so", ".pyd", ".c")) for n in names)


def test_wheel_installs_into_pyodide_and_every_module_imports(node: str, npm_workspace: Path) -> None:
    dirs = pyodide_wheel_dirs(REPO)
    code = (
        "import importlib, pkgutil, sys, llm_infra\n"
        "mods = ['llm_infra'] + [m.name for m in pkgutil.walk_packages(llm_infra.__path__, 'llm_infra.')"
        " if not m.name.endswith('__main__')]\n"
        "[importlib.import_module(m) for m in mods]\n"
        "import json; json.dumps({'platform': sys.platform, 'file': llm_infra.__file__, 'modules': mods})"
    )
    args = [node, str(REPO / "scripts" / "pyodide-run.mjs"), "--code", code]
    for d in dirs:
        args += ["--wheels", str(d)]
    proc = subprocess.run(args, capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(json.loads(proc.stdout))
    assert report["platform"] == "emscripten"
    assert "site-packages" in report["file"], "imported from the wheel, not the checkout"
    expected = {"llm_infra.errors", "llm_infra.conformance", "llm_infra.conformance.cli"}
    assert expected <= set(report["modules"])
