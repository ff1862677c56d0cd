"""The Python side of the browser page, run inside Pyodide (in a Web Worker).

The page's worker (``python-worker.ts``) installs the core from its wheel, writes this module and
the Python side of every playground tool (``browser/tools/<id>.py``, installed as
``llm_infra_page_tools.<id>``) into the virtual file system, and calls three functions with JSON
text in and JSON text out, so no Python object ever crosses into JavaScript:

* :func:`info` — versions;
* :func:`run_vectors` — the conformance runner over vector files given as text, with the expected
  and actual output of each failing case (the parity panel's diff);
* :func:`call_tool` — one tool's ``run(input)``, as an outcome ``{"ok": true, "text": ...}`` /
  ``{"ok": false, "error": InfraError JSON}`` / ``{"ok": false, "crash": "TypeError: ..."}``.
"""

from __future__ import annotations

import copy
import importlib
import json
import sys
from typing import Any

import llm_infra
from llm_infra.errors import InfraError

# llm_infra.conformance (the runner and every op handler) is imported on the first vector run, not
# here: the playground is usable as soon as the interpreter and the core are up.

__all__ = ["TOOLS_PACKAGE", "call_tool", "case_outputs", "info", "js_text", "run_vectors"]

#: The package the page installs the tools' Python files into.
TOOLS_PACKAGE = "llm_infra_page_tools"


def info() -> str:
    """``{"python": "3.14.2", "implementation": ..., "llm_infra": "0.1.0", "platform": "emscripten"}``."""
    # sys, not platform: importing platform costs ~40 ms of the page's start in Pyodide
    impl = {"cpython": "CPython"}.get(sys.implementation.name, sys.implementation.name)
    version = ".".join(str(p) for p in sys.version_info[:3])
    return json.dumps({"python": version, "implementation": impl, "llm_infra": llm_infra.__version__,
                       "platform": sys.platform})


def _outcome(fn: Any, *args: Any) -> dict[str, Any]:
    try:
        value = fn(*args)
    except InfraError as exc:
        return {"ok": False, "error": exc.to_dict()}
    except Exception as exc:  # noqa: BLE001 -- shown as a bug in the page, never hidden
        return {"ok": False, "crash": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "value": value}


def case_outputs(text: str, case_ids: list[str]) -> list[dict[str, Any]]:
    """For the given case ids of a vector file: ``{id, expected, got}`` (``got`` recomputed, as JSON)."""
    from llm_infra.conformance import handler_for

    try:
        doc = json.loads(text)
        cases = {c["id"]: c for c in doc["cases"]}
        handler = handler_for(doc["op"])
    except (ValueError, KeyError, TypeError):
        return []
    out = []
    for cid in case_ids:
        case = cases.get(cid)
        if case is None or handler is None:
            continue
        expected = case["expect"] if "expect" in case else {"error": case.get("error")}
        got = _outcome(handler, copy.deepcopy(case["input"]))
        out.append({"id": cid, "expected": expected,
                    "got": got["value"] if got["ok"] else {k: v for k, v in got.items() if k != "ok"}})
    return out


def run_vectors(files_json: str, runtime: str = "chromium-pyodide") -> str:
    """Run ``[{"file": name, "text": vector file text}, ...]``; a DESIGN.md §4 entry per file (+ ``cases``)."""
    from llm_infra.conformance import run_text

    results = []
    for entry in json.loads(files_json):
        result = run_text(entry["text"], entry["file"])
        row = result.to_dict(runtime)
        failed_ids = [f.id for f in result.failures if f.id != "<file>"]
        cases: list[Any] = case_outputs(entry["text"], failed_ids) if failed_ids else []
        row["cases"] = cases
        results.append(row)
    return json.dumps(results)


def _has_float(value: object) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    return isinstance(value, list) and any(_has_float(v) for v in value)


def _js(value: object, indent: str, pad: str) -> str:
    if isinstance(value, float):
        from llm_infra.json import format_number  # only results with non-integer numbers need it

        return format_number(value)
    if isinstance(value, list) and value:
        inner = pad + indent
        return "[\n" + ",\n".join(inner + _js(v, indent, inner) for v in value) + "\n" + pad + "]"
    if isinstance(value, dict) and value:
        inner = pad + indent
        items = (inner + json.dumps(k, ensure_ascii=False) + ": " + _js(v, indent, inner) for k, v in value.items())
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def js_text(value: object) -> str:
    """``value`` printed as JavaScript's ``JSON.stringify(value, null, 2)`` prints the same JSON value.

    That is ``json.dumps(value, indent=2, ensure_ascii=False)`` except for floats, which JavaScript
    prints as ECMAScript numbers (``1.0`` → ``1``, ``1e-07`` → ``1e-7``, ``1e+16`` →
    ``10000000000000000``): the same JSON value then prints as the same bytes on both sides, and
    what remains different (an integer beyond 2^53, a float where JavaScript has an integer) is a
    real difference. Non-JSON values (NaN, a set) raise ``ValueError``/``TypeError``.

        >>> print(js_text({"a": [1.0, 0.5, 1e-7], "b": {}}))
        {
          "a": [
            1,
            0.5,
            1e-7
          ],
          "b": {}
        }
    """
    if not _has_float(value):
        return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)
    if not isinstance(value, (dict, list, float)):
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    try:
        return _js(value, "  ", "")
    except InfraError as exc:  # NaN or an infinity
        raise ValueError(exc.message) from None


def call_tool(tool_id: str, input_json: str) -> str:
    """Run tool ``tool_id``'s Python side on the JSON input; the outcome as JSON text."""
    try:
        module = importlib.import_module(f"{TOOLS_PACKAGE}.{tool_id}")
    except ImportError as exc:
        return json.dumps({"ok": False, "crash": f"the tool's Python side did not import: {exc}"})
    outcome = _outcome(module.run, json.loads(input_json))
    if outcome["ok"]:
        try:
            text = js_text(outcome["value"])
        except (TypeError, ValueError) as exc:
            return json.dumps({"ok": False, "crash": f"the result is not JSON: {exc}"})
        return json.dumps({"ok": True, "text": text})
    return json.dumps(outcome)
