"""The parity matrix (runtime × op) and the machine-readable report of DESIGN.md §4."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .._json_types import JSONObject, JSONValue

__all__ = ["REPORT_FORMAT", "Cell", "matrix", "render_matrix", "report_json"]

REPORT_FORMAT = "llm-infra-conformance-report/1"


@dataclass(slots=True)
class Cell:
    """The results of one op in one runtime, summed over that op's files."""

    passed: int = 0
    failed: int = 0
    files: int = 0
    unsupported_files: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (file, case id, detail)

    @property
    def unsupported(self) -> bool:
        return self.files > 0 and self.unsupported_files == self.files

    def text(self) -> str:
        if self.unsupported:
            return "unsupported"
        total = self.passed + self.failed
        partial = "+unsupported" if self.unsupported_files else ""
        return f"FAIL {self.failed}/{total}{partial}" if self.failed else f"ok {self.passed}{partial}"


def _int(value: JSONValue) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def matrix(results: Sequence[JSONObject]) -> dict[str, dict[str, Cell]]:
    """``{op: {runtime: Cell}}`` from report entries."""
    out: dict[str, dict[str, Cell]] = {}
    for r in results:
        cell = out.setdefault(str(r["op"]), {}).setdefault(str(r["runtime"]), Cell())
        cell.files += 1
        if r.get("unsupported") is True:
            cell.unsupported_files += 1
        cell.passed += _int(r.get("passed"))
        cell.failed += _int(r.get("failed"))
        failures = r.get("failures")
        for f in failures if isinstance(failures, list) else []:
            if isinstance(f, dict):
                cell.failures.append((str(r["file"]), str(f.get("id")), str(f.get("detail"))))
    return out


def render_matrix(results: Sequence[JSONObject], runtimes: Sequence[str], errors: dict[str, str]) -> str:
    """The matrix as aligned text, then totals, then every failure with its detail."""
    table = matrix(results)
    ops = sorted(table)
    header = ["op", *runtimes]
    rows = [header]
    for op in ops:
        rows.append([op, *[table[op][rt].text() if rt in table[op] else ("ERROR" if rt in errors else "-")
                           for rt in runtimes]])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    passed = sum(c.passed for cells in table.values() for c in cells.values())
    failed = sum(c.failed for cells in table.values() for c in cells.values())
    unsupported = sum(1 for cells in table.values() for c in cells.values() if c.unsupported)
    lines.append("")
    lines.append(
        f"{len(runtimes)} runtime(s), {len(ops)} op(s): {passed} case(s) passed, {failed} failed, "
        f"{unsupported} op×runtime unsupported, {len(errors)} runtime error(s)"
    )
    for rt, message in errors.items():
        lines.append(f"ERROR {rt}: {message}")
    for op in ops:
        for rt in runtimes:
            cell = table[op].get(rt)
            for file, cid, detail in cell.failures if cell else []:
                lines.append(f"FAIL {rt} {op} [{file}] {cid}: {detail}")
    return "\n".join(lines)


def report_json(results: Sequence[JSONObject], errors: dict[str, str]) -> JSONObject:
    """``{"format": REPORT_FORMAT, "results": [...]}`` plus ``errors`` for runtimes that could not run."""
    report: JSONObject = {"format": REPORT_FORMAT, "results": list(results)}
    if errors:
        report["errors"] = [{"runtime": rt, "message": msg} for rt, msg in errors.items()]
    return report
