"""Importing the core does no I/O, reads no randomness, opens no socket, starts no process or thread.

Edge runtimes (Cloudflare Workers, workerd) snapshot module state and forbid randomness and I/O
at global scope; a fresh interpreter proves the core respects that, for every core module. The
CLI-only modules (``llm_infra.conformance.TOOLING_MODULES``: the CLI and its runtime drivers, which
start processes) are the only exceptions. The same probe runs inside workerd (Pyodide in a Worker
runtime): ``tests/edge/test_worker.py::test_importing_the_core_in_workerd_touches_nothing``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from llm_infra.conformance import TOOLING_MODULES
from tests.conftest import IN_PYODIDE, NO_SUBPROCESS_IN_PYODIDE, REPO

CORE = REPO / "core" / "llm_infra"

PROBE = r"""
import json, os, sys, threading
opened = []
events = []
WATCHED = ("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
           "os.startfile", "urllib.Request", "http.client.", "ctypes.dlopen", "_thread.start_new_thread")
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        p = args[0]
        if not (p.endswith((".py", ".pyc", ".pth", ".typed")) or "__pycache__" in p or os.path.isdir(p)):
            opened.append(p)
    elif event.startswith(WATCHED):
        events.append(event)
sys.addaudithook(hook)
modules_before = set(sys.modules)
urandom_calls = []
real_urandom = os.urandom
def spy(n):
    urandom_calls.append(n)
    return real_urandom(n)
os.urandom = spy
threads_before = threading.active_count()
import importlib, pkgutil
import llm_infra
import llm_infra.conformance
names = ["llm_infra"]
for info in pkgutil.walk_packages(llm_infra.__path__, "llm_infra."):
    if info.name.rsplit(".", 1)[-1] in llm_infra.conformance.TOOLING_MODULES:
        continue
    importlib.import_module(info.name)
    names.append(info.name)
print(json.dumps({
    "modules": names,
    "opened": opened,
    "urandom": urandom_calls,
    "random_imported": sorted(m for m in ("random", "secrets", "tempfile") if m in sys.modules),
    "heavy_imported": sorted(m for m in ("socket", "ssl", "subprocess", "asyncio", "http.client",
                                         "urllib.request", "multiprocessing", "concurrent.futures")
                             if m in sys.modules and m not in modules_before),
    "events": events,
    "threads": threading.active_count() - threads_before,
}))
"""


@pytest.mark.skipif(IN_PYODIDE, reason=NO_SUBPROCESS_IN_PYODIDE)
def test_import_has_no_side_effects() -> None:
    out = subprocess.run([sys.executable, "-I", "-c", PROBE], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert "llm_infra.errors" in report["modules"] and "llm_infra.conformance" in report["modules"]
    core = {p.relative_to(CORE.parent).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
            for p in CORE.rglob("*.py") if "__pycache__" not in p.parts}
    expected = {m for m in core if m.rsplit(".", 1)[-1] not in TOOLING_MODULES}
    assert set(report["modules"]) == expected, "every core module is imported by the probe"
    assert report["opened"] == [], report["opened"]
    assert report["events"] == [], report["events"]
    assert report["heavy_imported"] == [], report["heavy_imported"]
    assert report["urandom"] == []
    assert report["random_imported"] == []
    assert report["threads"] == 0


def test_tooling_modules_are_the_only_ones_that_start_processes() -> None:
    """A module that imports subprocess/socket/http.server must be listed in TOOLING_MODULES."""
    risky = ("import subprocess", "import socket", "http.server", "playwright", "import tempfile")
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if any(r in text for r in risky):
            assert path.stem in TOOLING_MODULES, f"{path.relative_to(REPO)} does process/socket work at import level"
