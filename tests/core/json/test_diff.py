"""diff: the documented algorithm, small patches, and apply(diff(a, b), a) == b for all inputs."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import MAX_DEPTH, apply_patch, diff, json_equal
from llm_infra.json import _diff as diff_module

from ._strategies import PAIRS


def test_insert_at_front_is_one_add() -> None:
    assert diff(list(range(100)), [-1, *range(100)]) == [{"op": "add", "path": "/0", "value": -1}]


def test_removes_and_inserts_in_arrays() -> None:
    assert diff([1, 2, 3, 4, 5], [1, 4, 5]) == [{"op": "remove", "path": "/1"}, {"op": "remove", "path": "/1"}]
    assert diff(["a", "b", "d"], ["a", "b", "c", "d"]) == [{"op": "add", "path": "/2", "value": "c"}]
    assert diff([1, 2, 3, 4], [1, "x", "y", 4]) == [
        {"op": "replace", "path": "/1", "value": "x"},
        {"op": "replace", "path": "/2", "value": "y"},
    ]


def test_changed_element_is_diffed_recursively() -> None:
    a = [{"id": 1, "v": "a"}, {"id": 2, "v": "b", "w": [1, 2, 3]}]
    b = [{"id": 1, "v": "a"}, {"id": 2, "v": "c", "w": [1, 2, 3]}]
    assert diff(a, b) == [{"op": "replace", "path": "/1/v", "value": "c"}]


def test_objects_in_utf16_key_order_regardless_of_insertion_order() -> None:
    a = {"b": 1, "a": 1, "c": 1, "e": 1, "f": 1, "g": 1}
    b = {"g": 1, "f": 1, "e": 1, "d": 1, "c": 2, "b0": 1, "a": 1}
    assert [op["path"] for op in diff(a, b)] == ["/b", "/b0", "/c", "/d"]
    assert [op["path"] for op in diff({}, {"\ufb33": 1, "\U0001f600": 2})] == ["/\U0001f600", "/\ufb33"]


def test_number_model() -> None:
    assert diff({"a": 1}, {"a": 1.0}) == []
    assert diff({"a": True}, {"a": 1}) == [{"op": "replace", "path": "/a", "value": 1}]
    assert diff({"a": 0}, {"a": -0.0}) == []


def test_whole_replace_when_cheaper_and_ties_go_nested() -> None:
    assert diff({"a": {"x": 1, "y": 2, "z": 3}}, {"a": {"p": 1}}) == [
        {"op": "replace", "path": "/a", "value": {"p": 1}}
    ]
    assert diff({"x": 1, "y": 2}, {"x": 3, "y": 4}) == [
        {"op": "replace", "path": "/x", "value": 3},
        {"op": "replace", "path": "/y", "value": 4},
    ]


def test_reserved_keys_replace_their_object() -> None:
    a = {"a": {"__proto__": 1, "b": 1}}
    b = {"a": {"__proto__": 2, "b": 1}}
    assert diff(a, b) == [{"op": "replace", "path": "/a", "value": {"__proto__": 2, "b": 1}}]
    assert apply_patch(a, diff(a, b)) == b
    assert diff({"constructor": 1, "b": 1}, {"constructor": 1, "b": 2}) == [{"op": "replace", "path": "/b", "value": 2}]
    unchanged = {"__proto__": {"x": [1]}, "b": 1}
    assert diff(unchanged, {"__proto__": {"x": [1]}, "b": 2}) == [{"op": "replace", "path": "/b", "value": 2}]


def test_patch_values_are_copies() -> None:
    b = {"a": {"deep": [1]}}
    patch = diff({}, b)
    patch[0]["value"]["deep"].append(2)  # type: ignore[index,union-attr]
    assert b == {"a": {"deep": [1]}}


def test_over_budget_pairs_by_position(monkeypatch: pytest.MonkeyPatch) -> None:
    a = [1, 2, 3, 4, 5, 6]
    b = [0, 1, 2, 3, 4, 5]
    assert diff(a, b) == [{"op": "add", "path": "/0", "value": 0}, {"op": "remove", "path": "/6"}]
    monkeypatch.setattr(diff_module, "MAX_ARRAY_WORK", 2)
    # paired by position: 6 replaces (cost 12) lose to one whole replace (cost 1 + 7 values)
    assert diff(a, b) == [{"op": "replace", "path": "", "value": b}]
    objs_a = [{"id": i, "tags": ["x", "y", "z"]} for i in range(6)]
    objs_b = [{"id": -1, "tags": ["x", "y", "z"]}, *objs_a[:5]]
    patch = diff(objs_a, objs_b)
    assert [op["path"] for op in patch] == [f"/{i}/id" for i in range(6)], "positional pairs, diffed recursively"
    assert apply_patch(objs_a, patch) == objs_b


def test_non_json_and_too_deep_inputs() -> None:
    for a, b in (({"a": 1}, {"a": float("nan")}), ({"a": 1}, {"a": (1,)}), ({"a": 1}, {1: 2}), ({}, {"s": {1, 2}})):
        with pytest.raises(InfraError) as exc:
            diff(a, b)  # type: ignore[arg-type]
        assert exc.value.kind is ErrorKind.VALIDATION
    deep_a: object = 1
    deep_b: object = 2
    for _ in range(MAX_DEPTH + 1):
        deep_a, deep_b = [deep_a], [deep_b]
    with pytest.raises(InfraError) as exc:
        diff(deep_a, deep_b)  # type: ignore[arg-type]
    assert exc.value.kind is ErrorKind.VALIDATION


def test_identical_objects_give_an_empty_patch() -> None:
    doc = {"a": [1, {"b": 2}]}
    assert diff(doc, doc) == []
    assert diff(doc, copy.deepcopy(doc)) == []


@settings(max_examples=300)
@given(PAIRS)
def test_apply_diff_round_trip(pair: tuple[object, object]) -> None:
    a, b = pair
    snapshot_a, snapshot_b = copy.deepcopy(a), copy.deepcopy(b)
    patch = diff(a, b)  # type: ignore[arg-type]
    assert json_equal(apply_patch(a, patch), b)  # type: ignore[arg-type]
    assert a == snapshot_a and b == snapshot_b, "diff does not touch its inputs"
    assert diff(a, b) == patch, "deterministic"  # type: ignore[arg-type]
    if json_equal(a, b):
        assert patch == []
    else:
        # never costlier than replacing the document whole (1 per operation + 1 per value carried)
        assert sum(1 if op["op"] == "remove" else 1 + _nodes(op["value"]) for op in patch) <= 1 + _nodes(b)


def _nodes(v: object) -> int:
    if isinstance(v, dict):
        return 1 + sum(_nodes(x) for x in v.values())
    if isinstance(v, list):
        return 1 + sum(_nodes(x) for x in v)
    return 1
