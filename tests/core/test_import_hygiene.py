"""Importing the core does no I/O, reads no randomness and starts no thread.

Edge runtimes (Cloudflare Workers, workerd) snapshot module state and forbid randomness and I/O
at global scope; a fresh interpreter proves the core respects that. The CLI-only modules
(``llm_infra.conformance.cli`` / ``_runtimes``, which start processes) are the only exceptions.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import IN_PYODIDE, NO_SUBPROCESS_IN_PYODIDE

PROBE = r"""
import json, os, sys, threading
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        p = args[0]
        if not (p.endswith((".py", ".pyc", ".pth", ".typed")) or "__pycache__" in p or os.path.isdir(p)):
            opened.append(p)
sys.addaudithook(hook)
urandom_calls = []
real_urandom = os.urandom
def spy(n):
    urandom_calls.append(n)
    return real_urandom(n)
os.urandom = spy
threads_before = threading.active_count()
import importlib, pkgutil
import llm_infra
names = ["llm_infra"]
for info in pkgutil.walk_packages(llm_infra.__path__, "llm_infra."):
    if info.name.endswith(("__main__", ".cli", "._runtimes")):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
print(json.dumps({
    "modules": names,
    "opened": opened,
    "urandom": urandom_calls,
    "random_imported": sorted(m for m in ("random", "secrets", "tempfile") if m in sys.modules),
    "threads": threading.active_count() - threads_before,
}))
"""


@pytest.mark.skipif(IN_PYODIDE, reason=NO_SUBPROCESS_IN_PYODIDE)
def test_import_has_no_side_effects() -> None:
    out = subprocess.run([sys.executable, "-I", "-c", PROBE], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert "llm_infra.errors" in report["modules"] and "llm_infra.conformance" in report["modules"]
    assert report["opened"] == [], report["opened"]
    assert report["urandom"] == []
    assert report["random_imported"] == []
    assert report["threads"] == 0
