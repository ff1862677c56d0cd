"""`llm-infra serve` and the site build: what is served, with which types, and what is discovered."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from llm_infra.conformance._site import PYODIDE_FILES, sdk_entries, tool_pairs
from llm_infra.errors import InfraError
from tests.conftest import REPO


def fetch(url: str) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as res:
            return res.status, res.headers, res.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_build_only_prints_the_site_directory() -> None:
    proc = subprocess.run([sys.executable, "-m", "llm_infra.conformance.cli", "serve", "--build-only"], cwd=REPO,
                          capture_output=True, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stderr
    site = Path(proc.stdout.strip())
    assert site == REPO / "build" / "browser" / "site" and (site / "manifest.json").is_file()


def test_served_types_and_no_directory_listing(served: str) -> None:
    for path, ctype in [("pyodide/pyodide.asm.wasm", "application/wasm"), ("pyodide/pyodide.mjs", "text/javascript"),
                        ("app/app.js", "text/javascript"), ("manifest.json", "application/json"),
                        ("", "text/html"), ("sw.js", "text/javascript")]:
        status, headers, _ = fetch(served + path)
        assert status == 200 and headers["Content-Type"].startswith(ctype), (path, headers["Content-Type"])
        assert headers["Cache-Control"] == "no-cache"
    assert fetch(served + "pyodide/")[0] == 404
    assert fetch(served + "../pyproject.toml")[0] == 404


def test_manifest_discovers_every_vector_tool_and_sdk_export(served: str) -> None:
    manifest = json.loads(fetch(served + "manifest.json")[2])
    vectors = sorted(p.relative_to(REPO / "conformance" / "vectors").as_posix()
                     for p in (REPO / "conformance" / "vectors").rglob("*.json"))
    assert [v["name"] for v in manifest["vectors"]] == vectors
    for v in manifest["vectors"]:
        doc = json.loads((REPO / "conformance" / "vectors" / v["name"]).read_text())
        assert v["op"] == doc["op"] and v["cases"] == len(doc["cases"])
    assert [t["id"] for t in manifest["tools"]] == [i for i, _, _ in tool_pairs(REPO / "browser" / "tools")]
    pkg = json.loads((REPO / "sdk-ts" / "package.json").read_text())
    subpaths = {k for k in pkg["exports"] if k != "./package.json"}
    assert {"@llm-dev-ops/infra" + k[1:] for k in subpaths} == set(manifest["sdk"]["imports"])
    assert manifest["wheels"] and manifest["wheels"][0]["file"].endswith("-py3-none-any.whl")
    html = fetch(served)[2].decode()
    assert '<script type="importmap">' in html and "https://" not in html
    # every file the service worker caches is served, and nothing names a host other than this one
    for rel in manifest["files"]:
        status, _, body = fetch(served + ("" if rel == "./" else rel))
        assert status == 200, rel
        if rel.endswith((".js", ".html", ".css")) and not rel.startswith("pyodide/"):
            assert b"cdn.jsdelivr" not in body and b"https://" not in body.replace(b"https://pyodide.invalid", b""), rel
    assert {f"pyodide/{n}" for n in PYODIDE_FILES} <= set(manifest["files"])


def test_a_tool_needs_both_sides(tmp_path: Path) -> None:
    (tmp_path / "ids_ulid.ts").write_text("export default {}")
    with pytest.raises(InfraError) as info:
        tool_pairs(tmp_path)
    assert info.value.kind.value == "config" and "ids_ulid.py is missing" in info.value.message
    (tmp_path / "ids_ulid.py").write_text("def run(inp): return inp\n")
    assert tool_pairs(tmp_path) == [("ids_ulid", tmp_path / "ids_ulid.ts", tmp_path / "ids_ulid.py")]
    (tmp_path / "bad-name.py").write_text("")
    with pytest.raises(InfraError):
        tool_pairs(tmp_path, need_both=False)


def test_sdk_entries_follow_the_package_exports() -> None:
    entries = sdk_entries(REPO)
    assert entries["index"] == REPO / "sdk-ts" / "src" / "index.ts"
    assert entries["errors"] == REPO / "sdk-ts" / "src" / "errors" / "index.ts"
    assert "conformance" in entries and "package.json" not in entries
