"""Every vector file validates against conformance/schema/vectors.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import REPO

SCHEMA = json.loads((REPO / "conformance" / "schema" / "vectors.schema.json").read_text())
FILES = sorted((REPO / "conformance" / "vectors").rglob("*.json"))


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(REPO).as_posix() for p in FILES])
def test_vector_file_validates(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    ids = [c["id"] for c in doc["cases"]]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert path.parent.name == doc["op"].split(".")[0], "files live under vectors/<module>/"


@pytest.mark.parametrize(
    "bad",
    [
        {"format": "llm-infra-vectors/1", "op": "a.b", "source": "s", "cases": [{"id": "x", "input": {}}]},
        {"format": "llm-infra-vectors/1", "op": "a.b", "source": "s",
         "cases": [{"id": "x", "input": {}, "expect": {}, "error": {}}]},
        {"format": "llm-infra-vectors/1", "op": "a.b", "source": "s",
         "cases": [{"id": "x", "input": {}, "error": {"kind": "boom"}}]},
        {"format": "llm-infra-vectors/1", "op": "A", "source": "s", "cases": [{"id": "x", "input": {}, "expect": {}}]},
        {"format": "llm-infra-vectors/1", "op": "a.b", "source": "", "cases": []},
    ],
)
def test_schema_rejects_malformed_files(bad: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA, cls=jsonschema.Draft202012Validator)
