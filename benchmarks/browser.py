"""browser: the page's start-up in headless Chromium vs bare Pyodide's own start, in the same browser.

``python -m benchmarks browser`` (runtime ``chromium``). Each round loads, each in a fresh browser
context (empty cache, no service worker), alternating:

* **ours** — the real page (``/``): Pyodide in a worker, the core wheel installed, the page bridge
  and every tool imported; *Python ready* is ``performance.now()`` on the page when the worker says
  so, *TypeScript ready* when the SDK bundle and every tool module are loaded;
* **peer** — ``bench/bare-pyodide.html``: ``loadPyodide()`` from the same files and nothing else.

Times are milliseconds since navigation start, medians over the rounds; ``ratio = bare / ours`` (times
are inverted, as DESIGN.md §6 asks: > 1 would mean faster than bare Pyodide). Target: ours ≤ 1.2 × bare,
i.e. ratio ≥ 0.83. The bytes shipped (wheel + SDK bundle, and the page's own code) come from the
build's manifest. Benchmarks are not tests: nothing here asserts.
"""

from __future__ import annotations

import json
import statistics
import sys
from typing import Any

__all__ = ["TARGET", "run"]

#: Python ready may take at most this multiple of bare Pyodide's start.
TARGET = 1.2


def _load(browser: Any, url: str, script: str) -> Any:
    from llm_infra.conformance._chromium import open_page

    with open_page(browser, url, block_foreign=False) as (page, problems):
        value = page.evaluate(script)
        if problems["foreign"] or problems["errors"]:
            raise SystemExit(f"benchmarks: {url} misbehaved: {problems}")
        return value


def run(quick: bool = False) -> list[dict[str, Any]]:
    from llm_infra.conformance._chromium import chromium_browser
    from llm_infra.conformance._site import SiteServer, build_site

    site = build_site()
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    rounds = 3 if quick else 7
    ours_py: list[float] = []
    ours_ts: list[float] = []
    bare: list[float] = []
    with SiteServer(site) as server, chromium_browser() as browser:
        version = browser.version
        ours_script = "() => window.llmInfraPage.whenReady()"
        bare_script = ("() => new Promise((ok, fail) => { const t = setInterval(() => {"
                       " const d = document.documentElement.dataset.python;"
                       " if (d === 'ready') { clearInterval(t); ok(window.bareTimings.pythonReady); }"
                       " else if (d === 'failed') { clearInterval(t); fail(new Error('bare Pyodide failed')); }"
                       " }, 5); })")
        _load(browser, server.url, ours_script)  # warm-up: OS file cache, Chromium's first start
        _load(browser, server.url + "bench/bare-pyodide.html", bare_script)
        for i in range(rounds):
            order = ("ours", "bare") if i % 2 == 0 else ("bare", "ours")
            for which in order:
                if which == "ours":
                    t = _load(browser, server.url, ours_script)
                    ours_py.append(t["pythonReady"])
                    ours_ts.append(t["tsReady"])
                else:
                    bare.append(_load(browser, server.url + "bench/bare-pyodide.html", bare_script))
            print(f"  [chromium] round {i + 1}/{rounds}: ours python {ours_py[-1]:.0f} ms, ts {ours_ts[-1]:.0f} ms;"
                  f" bare pyodide {bare[-1]:.0f} ms", file=sys.stderr, flush=True)
    py_ms, ts_ms, bare_ms = (statistics.median(x) for x in (ours_py, ours_ts, bare))
    wheel = sum(w["bytes"] for w in manifest["wheels"])
    sdk = manifest["sdk"]["bytes"]
    pyodide = f"Pyodide {manifest['pyodide']['version']}"
    notes = {"chromium": version, "rounds": rounds, "target": f"ours <= {TARGET} x bare (ratio >= {1 / TARGET:.2f})",
             "ours_over_bare": round(py_ms / bare_ms, 3), "samples_ms": {"ours": ours_py, "bare": bare}}
    return [
        {"module": "browser", "case": "navigation -> Python ready", "runtime": "chromium", "unit": "ms",
         "ours": {"impl": "llm-infra page (worker + core wheel + bridge + tools)", "median": py_ms},
         "peer": {"impl": f"bare {pyodide} page (loadPyodide only)", "median": bare_ms},
         "ratio": bare_ms / py_ms, "notes": notes},
        {"module": "browser", "case": "navigation -> TypeScript ready", "runtime": "chromium", "unit": "ms",
         "ours": {"impl": "llm-infra page (SDK bundle + tools)", "median": ts_ms}, "peer": None, "ratio": None,
         "notes": {"samples_ms": ours_ts}},
        {"module": "browser", "case": "bytes shipped: core wheel + SDK bundle", "runtime": "chromium", "unit": "bytes",
         "ours": {"impl": "llm_infra wheel + @llm-dev-ops/infra ESM bundle", "median": wheel + sdk}, "peer": None,
         "ratio": None,
         "notes": {"wheel_bytes": wheel, "sdk_bytes": sdk, "page_code_bytes": manifest["app"]["bytes"],
                   "pyodide_bytes": manifest["pyodide"]["bytes"]}},
    ]
