"""Browser tests: the page served by `llm-infra serve`, in Debian's Chromium through Python Playwright.

One server, one browser and one loaded page (one Pyodide start) per session; tests share the page
and run in file order. Screenshots go to artifacts/screenshots/. CPython only (they start processes).
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, require

collect_ignore_glob = ["*"] if sys.platform == "emscripten" else []

SHOTS = REPO / "artifacts" / "screenshots"
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.tooling)


@pytest.fixture(scope="session")
def served() -> Iterator[str]:
    """`llm-infra serve --port 0` as users run it; yields the URL it prints."""
    require((REPO / "node_modules" / "pyodide").is_dir(), "the npm workspace (scripts/setup.sh)")
    proc = subprocess.Popen([sys.executable, "-m", "llm_infra.conformance.cli", "serve", "--port", "0"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ})
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 180)
        line = proc.stdout.readline() if ready else ""
        if "serving the browser page at http://127.0.0.1:" not in line:
            proc.terminate()
            _, err = proc.communicate(timeout=10)
            pytest.fail(f"llm-infra serve did not start: {line!r} {err[-2000:]}")
        yield line.split(" at ", 1)[1].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from llm_infra.conformance._chromium import chromium_browser

    with chromium_browser() as b:
        yield b


@pytest.fixture(scope="session")
def loaded(browser: Any, served: str) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    """The page, loaded once: TypeScript and Python ready, the parity panel finished."""
    from llm_infra.conformance._chromium import open_page

    with open_page(browser, served, viewport=WIDE) as (page, problems):
        page.evaluate("() => window.llmInfraPage.whenReady()")
        page.wait_for_function("document.getElementById('parity-summary').dataset.verdict !== 'running'")
        yield page, problems


@pytest.fixture
def page(loaded: tuple[Any, dict[str, list[str]]]) -> Iterator[Any]:
    p = loaded[0]
    p.set_viewport_size(WIDE)
    yield p
    p.set_viewport_size(WIDE)


def shot(target: Any, name: str, **options: Any) -> Path:
    """Save a screenshot of a page or element under artifacts/screenshots/<name>.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    target.screenshot(path=str(path), **options)
    return path
