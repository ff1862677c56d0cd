"""The Python vector runner: pass / fail / unsupported semantics, malformed files, JSON equality."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.conformance import json_equal, register, registered_ops, run_document, run_text
from llm_infra.errors import InfraError


def doc(op: str, *cases: dict) -> dict:
    return {"format": "llm-infra-vectors/1", "op": op, "source": "test", "cases": list(cases)}


@register("test.echo")
def _echo(inp: dict) -> dict:
    if "raise" in inp:
        raise InfraError(inp["raise"], "asked to fail")
    if "crash" in inp:
        raise KeyError(inp["crash"])
    inp["mutated"] = True  # the runner hands out a copy: vectors are never changed by handlers
    return {"value": inp.get("value")}


def test_pass_fail_and_error_cases() -> None:
    d = doc(
        "test.echo",
        {"id": "pass", "input": {"value": 1}, "expect": {"value": 1.0}},
        {"id": "fail", "input": {"value": 1}, "expect": {"value": True}},
        {"id": "err-any", "input": {"raise": "io"}, "error": {}},
        {"id": "err-kind", "input": {"raise": "io"}, "error": {"kind": "io"}},
        {"id": "err-wrong-kind", "input": {"raise": "io"}, "error": {"kind": "auth"}},
        {"id": "err-missing", "input": {"value": 2}, "error": {"kind": "io"}},
        {"id": "unexpected-error", "input": {"raise": "io"}, "expect": {"value": None}},
        {"id": "foreign-exception", "input": {"crash": "k"}, "error": {}},
    )
    r = run_document(d, "mem.json")
    assert (r.passed, r.failed, r.unsupported) == (3, 5, False)
    details = {f.id: f.detail for f in r.failures}
    assert set(details) == {"fail", "err-wrong-kind", "err-missing", "unexpected-error", "foreign-exception"}
    assert "expected error kind auth, got io" in details["err-wrong-kind"]
    assert "not an InfraError" in details["foreign-exception"] and "KeyError" in details["foreign-exception"]
    assert d["cases"][0]["input"] == {"value": 1}


def test_unknown_op_is_unsupported_never_passed() -> None:
    r = run_document(doc("no.such.op", {"id": "a", "input": {}, "expect": {}}))
    assert r.unsupported and r.passed == 0 and r.failed == 0
    assert "no.such.op" not in registered_ops()


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d.update(format="llm-infra-vectors/2"), "format"),
        (lambda d: d.pop("source"), "source"),
        (lambda d: d.update(cases=[]), "cases"),
        (lambda d: d.update(extra=1), "unknown top-level key"),
        (lambda d: d["cases"].append(dict(d["cases"][0])), "not unique"),
        (lambda d: d["cases"][0].pop("expect"), "exactly one of"),
        (lambda d: d["cases"][0].update(error={}), "exactly one of"),
        (lambda d: d["cases"][0].update(input=[]), "input must be an object"),
        (lambda d: d["cases"][0].update(tags="x"), "tags"),
        (lambda d: d["cases"][0].update(colour=1), "unknown key"),
    ],
)
def test_malformed_file_is_one_failure(mutate, problem: str) -> None:  # type: ignore[no-untyped-def]
    d = doc("test.echo", {"id": "a", "input": {"value": 1}, "expect": {"value": 1}})
    mutate(d)
    r = run_document(d)
    assert r.failed == 1 and r.passed == 0 and problem in r.failures[0].detail


def test_bad_error_kind_in_file() -> None:
    r = run_document(doc("test.echo", {"id": "a", "input": {}, "error": {"kind": "boom"}}))
    assert r.failed == 1 and "not an ErrorKind" in r.failures[0].detail


def test_run_text_rejects_non_json() -> None:
    r = run_text("{", "broken.json")
    assert r.failed == 1 and r.file == "broken.json" and "not JSON" in r.failures[0].detail


def test_report_entry_shape() -> None:
    r = run_document(doc("test.echo", {"id": "x", "input": {"value": 1}, "expect": {"value": 2}}), "f.json")
    entry = r.to_dict("cpython")
    assert list(entry) == ["runtime", "file", "op", "passed", "failed", "unsupported", "failures"]
    assert entry["failures"][0]["id"] == "x" and "expected" in entry["failures"][0]["detail"]
    json.dumps(entry)


def test_json_equal_rules() -> None:
    assert json_equal(1, 1.0) and json_equal(-0.0, 0)
    assert not json_equal(True, 1) and not json_equal(0, False) and not json_equal(None, 0)
    assert json_equal({"a": 1, "b": [1, {"c": None}]}, {"b": [1.0, {"c": None}], "a": 1})
    assert not json_equal({"a": 1}, {"a": 1, "b": 2}) and not json_equal([1], [1, 1])
    assert not json_equal("1", 1) and not json_equal(float("nan"), float("nan"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=15,
)


@given(json_values)
def test_json_equal_agrees_with_a_json_round_trip(value: object) -> None:
    assert json_equal(value, json.loads(json.dumps(value)))
