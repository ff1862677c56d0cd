"""The conformance runner: executes ``llm-infra-vectors/1`` files against this Python runtime.

The same pure code runs in CPython and in Pyodide; the ``llm-infra conformance`` CLI
(:mod:`llm_infra.conformance.cli`) drives it together with the Pyodide, Node and browser
runtimes and prints the parity matrix.

    >>> from llm_infra.conformance import run_document
    >>> doc = {"format": "llm-infra-vectors/1", "op": "errors.retry.delays", "source": "doc",
    ...        "cases": [{"id": "a", "input": {"policy": {"initial_ms": 10, "multiplier": 2, "max_ms": 100,
    ...                   "max_attempts": 3, "jitter": "none"}}, "expect": {"delays_ms": [10, 20]}}]}
    >>> r = run_document(doc)
    >>> r.passed, r.failed, r.unsupported
    (1, 0, False)
"""

from ._compare import json_equal
from ._registry import Handler, handler_for, register, registered_ops
from ._runner import FORMAT, CaseFailure, FileResult, run_document, run_paths, run_text, vector_files

#: Modules of this package that start processes or servers (the ``llm-infra`` CLI and its runtime
#: drivers). Only the CLI imports them; every other module is pure and safe to import anywhere.
TOOLING_MODULES = ("__main__", "cli", "_runtimes", "_site", "_chromium", "_workerd")

__all__ = [
    "FORMAT",
    "TOOLING_MODULES",
    "CaseFailure",
    "FileResult",
    "Handler",
    "handler_for",
    "json_equal",
    "register",
    "registered_ops",
    "run_document",
    "run_paths",
    "run_text",
    "vector_files",
]
