"""The ``chromium`` runtime: the vectors in a real headless Chromium page, in both of its runtimes.

CLI-only tooling (like :mod:`._runtimes`). It builds the browser page (:func:`._site.build_site`),
serves it on a free loopback port, drives Debian's ``/usr/bin/chromium`` through Python Playwright
(never ``playwright install``) and hands the vector files' text to the page, which runs them with
the TypeScript SDK (reported as ``chromium-ts``) and with the Python core in Pyodide
(``chromium-pyodide``). Any request that would leave 127.0.0.1 is blocked and fails the run.

``$LLM_INFRA_CHROMIUM`` names another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .._json_types import JSONObject
from ..errors import InfraError
from ._runtimes import find_repo

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["CHROMIUM_ARGS", "CHROMIUM_ENV", "REPORT_NAMES", "chromium_browser", "chromium_path", "open_page",
           "run_chromium"]

CHROMIUM_ENV = "LLM_INFRA_CHROMIUM"
_DEFAULT = "/usr/bin/chromium"
#: Flags for a quiet, offline, sandbox-less headless Chromium (as root in a container).
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")
#: The report names of the page's two runtimes, in column order.
REPORT_NAMES = ("chromium-pyodide", "chromium-ts")
_READY_TIMEOUT_MS = 180_000


def chromium_path() -> str:
    """The Chromium binary: ``$LLM_INFRA_CHROMIUM`` or ``/usr/bin/chromium`` (installed by scripts/setup.sh)."""
    path = os.environ.get(CHROMIUM_ENV) or _DEFAULT
    found = shutil.which(path)
    if found is None:
        raise InfraError.not_found(
            f"Chromium is not installed at {path} (scripts/setup.sh installs it: apt-get install chromium)",
            path=path, env=CHROMIUM_ENV,
        )
    return found


@contextmanager
def chromium_browser() -> Iterator[Browser]:
    """A headless Chromium (fresh temporary profile) driven by Playwright; closed on exit."""
    exe = chromium_path()
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise InfraError.not_found("the chromium runtime needs Python Playwright (the dev extra)",
                                   package="playwright", cause=exc) from exc
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=exe, args=list(CHROMIUM_ARGS), headless=True)
        except PlaywrightError as exc:
            raise InfraError.external(f"Chromium did not start: {exc.message}", path=exe, cause=exc) from exc
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(
    browser: Browser, url: str, *, viewport: dict[str, int] | None = None, block_foreign: bool = True,
) -> Iterator[tuple[Page, dict[str, list[str]]]]:
    """A fresh context (empty profile and cache) + page on ``url``, recording problems.

    ``problems`` holds ``foreign`` (requests to anything but ``url``'s origin, ``data:`` or ``blob:``
    — aborted unless ``block_foreign`` is false, which keeps Playwright's routing, and its cost, out
    of timings), ``console`` (console errors) and ``errors`` (uncaught page errors).
    """
    size = viewport or {"width": 1280, "height": 900}
    context = browser.new_context(viewport={"width": size["width"], "height": size["height"]})
    problems: dict[str, list[str]] = {"foreign": [], "console": [], "errors": []}
    origin = url.split("/", 3)[:3]
    base = "/".join(origin) + "/"

    local = (base, "data:", "blob:")
    if block_foreign:
        context.route(lambda u: not u.startswith(local), lambda r: r.abort())
    context.on("request", lambda req: None if req.url.startswith(local) else problems["foreign"].append(req.url))
    page = context.new_page()
    page.set_default_timeout(_READY_TIMEOUT_MS)
    page.on("console", lambda m: problems["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems["errors"].append(str(e)))
    try:
        page.goto(url)
        yield page, problems
    finally:
        context.close()


def run_chromium(files: Sequence[Path]) -> list[JSONObject]:
    """Run ``files`` in the page's TypeScript and Python runtimes; report entries for both."""
    from playwright.sync_api import Error as PlaywrightError

    from ._site import SiteServer, build_site

    repo = find_repo()
    site = build_site(repo)
    payload = []
    for f in files:
        try:
            payload.append({"file": str(f), "text": f.read_text(encoding="utf-8")})
        except (OSError, UnicodeError) as exc:
            raise InfraError.from_exception(exc) from exc
    with (
        SiteServer(site) as server,
        chromium_browser() as browser,
        open_page(browser, server.url + "?runner=1") as (page, problems),
    ):
        try:
            page.evaluate("() => window.llmInfraPage.whenReady()")
            results: dict[str, list[JSONObject]] = page.evaluate(
                "files => window.llmInfraPage.runVectors(files)", payload)
        except PlaywrightError as exc:
            detail = "; ".join(problems["errors"] + problems["console"]) or exc.message
            raise InfraError.external(f"the page did not run the vectors: {detail}", cause=exc) from exc
        if problems["foreign"]:
            raise InfraError.external(f"the page made requests that leave 127.0.0.1: {problems['foreign'][:5]}")
        if problems["errors"]:
            raise InfraError.external(f"the page raised errors: {problems['errors'][:5]}")
    out: list[JSONObject] = []
    for name in REPORT_NAMES:
        for entry in results[name]:
            out.append({k: v for k, v in entry.items() if k != "cases"} | {"runtime": name})
    return out
