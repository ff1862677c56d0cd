"""``python -m benchmarks.readme BENCH.json [README.md]``: write the README's performance section.

Replaces the text between ``<!-- bench:start -->`` and ``<!-- bench:end -->`` with a table built
from an ``llm-infra-bench/1`` file (and the machine it ran on) — numbers are never hand-typed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "ms":
        return f"{value:,.0f} ms"
    if unit == "bytes":
        return f"{value / 1024:,.1f} kB"
    if unit == "MB/s":
        return f"{value:,.2f} MB/s"
    return f"{value:,.0f}/s" if value >= 100 else f"{value:,.2f}/s"


def render(doc: dict[str, Any]) -> str:
    m = doc["machine"]
    lines = [
        f"Measured with `make bench ARGS=\"--runtime cpython --runtime pyodide --runtime node --json FILE\"` on "
        f"{m.get('cpus')} CPU(s), {m.get('machine')}, {m.get('implementation')} {m.get('python')} "
        "(ratio > 1: ours is faster).",
        "",
        "| module | case | runtime | ours | peer | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for r in doc["results"]:
        peer = r["peer"]
        peer_text = "–" if peer is None else f"{peer['impl']}: {_fmt(peer['median'], r['unit'])}"
        ratio = "–" if r["ratio"] is None else f"**{r['ratio']:.2f}×**"
        lines.append(f"| {r['module']} | {r['case']} | {r['runtime']} | {_fmt(r['ours']['median'], r['unit'])} "
                     f"| {peer_text} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    doc = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    readme = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parent.parent / "README.md")
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"{readme}: no {START} … {END} markers", file=sys.stderr)
        return 1
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{render(doc)}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
