"""The README's usage examples run as written: every ```python block in CPython, every ```ts block in Node.

The blocks assert their own results (``assert`` / ``console.assert``), so a README that drifts
from the API or from the bytes it promises fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(python|ts)\n(.*?)^```$", re.S | re.M)
BLOCKS = [(lang, code) for lang, code in BLOCK.findall(README)]


def _ids() -> list[str]:
    counts: dict[str, int] = {}
    out = []
    for lang, _ in BLOCKS:
        counts[lang] = counts.get(lang, 0) + 1
        out.append(f"{lang}-{counts[lang]}")
    return out


def test_the_readme_has_examples_in_both_languages() -> None:
    langs = [lang for lang, _ in BLOCKS]
    assert langs.count("python") >= 1 and langs.count("ts") >= 1, langs


@pytest.mark.parametrize(("lang", "code"), BLOCKS, ids=_ids())
def test_readme_example_runs(lang: str, code: str, npm_workspace: Path, node: str, tmp_path: Path) -> None:
    if lang == "python":
        proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                              timeout=300, check=False)
    else:
        # The examples are written in the common subset of TypeScript and JavaScript (no annotations),
        # so Node runs them as an ES module resolved from the workspace (the built SDK).
        script = REPO / "build" / "readme-example.mjs"
        script.parent.mkdir(exist_ok=True)
        script.write_text(code, encoding="utf-8")
        proc = subprocess.run([node, str(script)], cwd=REPO, capture_output=True, text=True, timeout=300,
                              check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Assertion failed" not in proc.stderr, proc.stderr   # console.assert only prints
