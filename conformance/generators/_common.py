"""Helpers shared by the vector generators: deterministic output, one file per op."""

from __future__ import annotations

import json
from pathlib import Path

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
FORMAT = "llm-infra-vectors/1"


def write(module: str, name: str, op: str, source: str, cases: list[dict]) -> Path:
    """Write ``vectors/<module>/<name>.json`` (2-space indent, keys in insertion order, trailing newline)."""
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), f"duplicate case ids in {name}"
    path = VECTORS / module / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"format": FORMAT, "op": op, "source": source, "cases": cases}
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
