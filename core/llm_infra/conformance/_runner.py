"""Run ``llm-infra-vectors/1`` files: one pure implementation shared by CPython and Pyodide.

A file is *unsupported* when this runtime has no handler for its op (counted, never a pass);
a malformed file is one failure; each case passes or fails on its own. A handler that raises
anything but :class:`InfraError` fails the case, whatever the case expects.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .._json_types import JSONObject
from ..errors import ErrorKind, InfraError
from ._compare import dump_json, json_equal
from ._registry import handler_for

__all__ = ["FORMAT", "CaseFailure", "FileResult", "run_document", "run_paths", "run_text", "vector_files"]

#: The vector file format this runner reads.
FORMAT = "llm-infra-vectors/1"
_CASE_KEYS = frozenset({"id", "input", "expect", "error", "tags", "note"})
_FILE_KEYS = frozenset({"format", "op", "source", "cases", "note", "$schema"})
_KINDS = frozenset(k.value for k in ErrorKind)


@dataclass(slots=True)
class CaseFailure:
    """One failing case: its id and what differed."""

    id: str
    detail: str


@dataclass(slots=True)
class FileResult:
    """The outcome of one vector file in one runtime (one entry of the DESIGN.md §4 report)."""

    file: str
    op: str
    passed: int = 0
    failed: int = 0
    unsupported: bool = False
    failures: list[CaseFailure] = field(default_factory=list)

    def fail(self, case_id: str, detail: str) -> None:
        self.failed += 1
        self.failures.append(CaseFailure(case_id, detail))

    def to_dict(self, runtime: str) -> JSONObject:
        """The report entry: ``{runtime, file, op, passed, failed, unsupported, failures}``."""
        return {
            "runtime": runtime,
            "file": self.file,
            "op": self.op,
            "passed": self.passed,
            "failed": self.failed,
            "unsupported": self.unsupported,
            "failures": [{"id": f.id, "detail": f.detail} for f in self.failures],
        }


def _check_document(doc: object) -> str | None:
    """A description of what makes ``doc`` an invalid vector file, or ``None``."""
    if not isinstance(doc, dict):
        return "top level is not an object"
    extra = sorted(set(doc) - _FILE_KEYS)
    if extra:
        return f"unknown top-level key {extra[0]!r}"
    if doc.get("format") != FORMAT:
        return f"format must be {FORMAT!r}, got {doc.get('format')!r}"
    if not isinstance(doc.get("op"), str) or not doc["op"]:
        return "op must be a non-empty string"
    if not isinstance(doc.get("source"), str) or not doc["source"]:
        return "source must be a non-empty string"
    cases = doc.get("cases")
    if not isinstance(cases, list) or not cases:
        return "cases must be a non-empty array"
    seen: set[str] = set()
    for i, case in enumerate(cases):
        where = f"cases[{i}]"
        if not isinstance(case, dict):
            return f"{where} is not an object"
        extra = sorted(set(case) - _CASE_KEYS)
        if extra:
            return f"{where}: unknown key {extra[0]!r}"
        cid = case.get("id")
        if not isinstance(cid, str) or not cid:
            return f"{where}.id must be a non-empty string"
        if cid in seen:
            return f"{where}.id {cid!r} is not unique"
        seen.add(cid)
        if not isinstance(case.get("input"), dict):
            return f"{where} ({cid}).input must be an object"
        if ("expect" in case) == ("error" in case):
            return f"{where} ({cid}) must have exactly one of expect, error"
        if "expect" in case and not isinstance(case["expect"], dict):
            return f"{where} ({cid}).expect must be an object"
        if "error" in case:
            err = case["error"]
            if not isinstance(err, dict) or set(err) - {"kind"}:
                return f"{where} ({cid}).error must be {{}} or {{\"kind\": K}}"
            if "kind" in err and err["kind"] not in _KINDS:
                return f"{where} ({cid}).error.kind {err['kind']!r} is not an ErrorKind"
        tags = case.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            return f"{where} ({cid}).tags must be an array of strings"
        if not isinstance(case.get("note", ""), str):
            return f"{where} ({cid}).note must be a string"
    return None


def run_document(doc: object, file: str = "<memory>") -> FileResult:
    """Run every case of one parsed vector file against this runtime's handlers."""
    problem = _check_document(doc)
    if problem is not None:
        bad_op = doc.get("op") if isinstance(doc, dict) and isinstance(doc.get("op"), str) else "?"
        result = FileResult(file, str(bad_op))
        result.fail("<file>", f"invalid vector file: {problem}")
        return result
    assert isinstance(doc, dict)
    op: str = doc["op"]
    result = FileResult(file, op)
    handler = handler_for(op)
    if handler is None:
        result.unsupported = True
        return result
    for case in doc["cases"]:
        cid: str = case["id"]
        expected_error = case.get("error")
        try:
            got = handler(copy.deepcopy(case["input"]))
        except InfraError as exc:
            if expected_error is None:
                got_error = f"InfraError({exc.kind.value}): {exc.message}"
                result.fail(cid, f"expected {dump_json(case['expect'])}, got {got_error}")
            elif "kind" in expected_error and expected_error["kind"] != exc.kind.value:
                result.fail(cid, f"expected error kind {expected_error['kind']}, got {exc.kind.value}: {exc.message}")
            else:
                result.passed += 1
        except Exception as exc:  # noqa: BLE001 -- any other exception type is itself the failure
            result.fail(cid, f"raised {type(exc).__name__} (not an InfraError): {exc}")
        else:
            if expected_error is not None:
                want = f" of kind {expected_error['kind']}" if "kind" in expected_error else ""
                result.fail(cid, f"expected an InfraError{want}, got {dump_json(got)}")
            elif not json_equal(got, case["expect"]):
                result.fail(cid, f"expected {dump_json(case['expect'])}, got {dump_json(got)}")
            else:
                result.passed += 1
    return result


def run_text(text: str | bytes, file: str = "<memory>") -> FileResult:
    """Parse ``text`` as a vector file and run it; unparseable JSON is one failure."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        result = FileResult(file, "?")
        result.fail("<file>", f"invalid vector file: not JSON: {exc}")
        return result
    return run_document(doc, file)


def vector_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every ``*.json`` file under the given files/directories, sorted per directory."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.rglob("*.json") if q.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise InfraError.not_found(f"no vector file or directory at {str(path)!r}", path=str(path))
    return out


def run_paths(paths: Iterable[str | Path]) -> list[FileResult]:
    """Run every vector file under ``paths`` (files or directories)."""
    results = []
    for f in vector_files(paths):
        try:
            text = f.read_bytes()
        except OSError as exc:
            result = FileResult(str(f), "?")
            result.fail("<file>", InfraError.from_exception(exc).message)
            results.append(result)
            continue
        results.append(run_text(text, str(f)))
    return results
