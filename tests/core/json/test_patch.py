"""RFC 6902 apply: all six operations, JSON equality in test, atomicity, copies, error locations."""

from __future__ import annotations

import contextlib
import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import apply_patch, json_equal

from ._strategies import DOCS, KEYS, VALUES


def test_appendix_a_samples() -> None:
    assert apply_patch({"foo": "bar"}, [{"op": "add", "path": "/baz", "value": "qux"}]) == {"foo": "bar", "baz": "qux"}
    assert apply_patch(
        {"foo": ["all", "grass", "cows", "eat"]}, [{"op": "move", "from": "/foo/1", "path": "/foo/3"}]
    ) == {"foo": ["all", "cows", "eat", "grass"]}
    assert apply_patch({"/": 9, "~1": 10}, [{"op": "test", "path": "/~01", "value": 10}]) == {"/": 9, "~1": 10}
    assert apply_patch({"foo": ["bar"]}, [{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}]) == {
        "foo": ["bar", ["abc", "def"]]
    }
    assert apply_patch({"foo": "bar"}, [{"op": "add", "path": "/baz", "value": "qux", "xyz": 123}]) == {
        "foo": "bar",
        "baz": "qux",
    }, "unknown members are ignored"


@pytest.mark.parametrize(
    ("actual", "expected", "equal"),
    [
        (1, 1.0, True),
        (True, 1, False),
        (0, False, False),
        ("1", 1, False),
        ([], {}, False),
        (None, None, True),
        ({"a": 1, "b": [1, {"x": 2}]}, {"b": [1.0, {"x": 2}], "a": 1}, True),
        ([1, 2], [2, 1], False),
    ],
)
def test_test_uses_json_equality(actual: object, expected: object, equal: bool) -> None:
    patch = [{"op": "test", "path": "/v", "value": expected}]
    if equal:
        assert apply_patch({"v": actual}, patch) == {"v": actual}
    else:
        with pytest.raises(InfraError) as exc:
            apply_patch({"v": actual}, patch)
        assert exc.value.kind is ErrorKind.VALIDATION
        assert "test failed" in exc.value.message


def test_copy_and_move() -> None:
    doc = {"a": {"b": [1]}}
    out = apply_patch(doc, [{"op": "copy", "from": "/a", "path": "/c"}, {"op": "add", "path": "/c/b/-", "value": 2}])
    assert out == {"a": {"b": [1]}, "c": {"b": [1, 2]}}, "copy is deep"
    assert apply_patch({"a": 1}, [{"op": "move", "from": "/a", "path": "/a"}]) == {"a": 1}
    assert apply_patch({"a": {"b": 1}}, [{"op": "move", "from": "/a", "path": ""}]) == {"b": 1}
    with pytest.raises(InfraError) as exc:
        apply_patch({"a": {"b": 1}}, [{"op": "move", "from": "/a", "path": "/a/b/c"}])
    assert exc.value.kind is ErrorKind.VALIDATION and "own child" in exc.value.message


@pytest.mark.parametrize(
    ("patch", "kind"),
    [
        ({"op": "add", "path": "/a"}, ErrorKind.VALIDATION),
        ([{"op": "merge", "path": "/a", "value": 1}], ErrorKind.VALIDATION),
        ([{"path": "/a"}], ErrorKind.VALIDATION),
        ([{"op": "add", "value": 1}], ErrorKind.VALIDATION),
        ([{"op": "add", "path": "/b"}], ErrorKind.VALIDATION),
        ([{"op": "copy", "path": "/b"}], ErrorKind.VALIDATION),
        ([{"op": "remove", "path": 3}], ErrorKind.VALIDATION),
        (["remove"], ErrorKind.VALIDATION),
        ([{"op": 1, "path": "/a"}], ErrorKind.VALIDATION),
        ([{"op": "remove", "path": "/zz"}], ErrorKind.NOT_FOUND),
        ([{"op": "add", "path": "/a/b", "value": 1}], ErrorKind.NOT_FOUND),
        ([{"op": "add", "path": "/b", "value": float("inf")}], ErrorKind.VALIDATION),
        ([{"op": "add", "path": "/b", "value": {1: "x"}}], ErrorKind.VALIDATION),
        ([{"op": "add", "path": "/b", "value": (1, 2)}], ErrorKind.VALIDATION),
    ],
)
def test_malformed_patches(patch: object, kind: ErrorKind) -> None:
    with pytest.raises(InfraError) as exc:
        apply_patch({"a": 1}, patch)  # type: ignore[arg-type]
    assert exc.value.kind is kind


def test_errors_name_the_operation() -> None:
    with pytest.raises(InfraError) as exc:
        apply_patch({"a": [1]}, [{"op": "add", "path": "/b", "value": 1}, {"op": "remove", "path": "/a/5"}])
    assert exc.value.context["index"] == 1
    assert exc.value.context["op"] == "remove"
    assert exc.value.context["pointer"] == "/a/5"
    assert exc.value.message.startswith("patch[1] (remove '/a/5')")


def test_default_does_not_mutate_and_shares_nothing() -> None:
    doc = {"a": {"b": [1, 2]}, "c": [{"d": 1}]}
    snapshot = copy.deepcopy(doc)
    value = {"new": [1]}
    out = apply_patch(doc, [{"op": "add", "path": "/x", "value": value}, {"op": "remove", "path": "/a/b/0"}])
    assert doc == snapshot
    assert out["c"] is not doc["c"] and out["c"][0] is not doc["c"][0]
    value["new"].append(2)
    assert out["x"] == {"new": [1]}, "values from the patch are copied"


def test_in_place_applies_to_the_given_document() -> None:
    doc = {"a": [1]}
    out = apply_patch(doc, [{"op": "add", "path": "/a/-", "value": 2}], in_place=True)
    assert out is doc and doc == {"a": [1, 2]}


def test_in_place_rollback_restores_everything_including_key_order() -> None:
    doc = {"z": 1, "a": {"k1": 1, "k2": 2, "k3": 3}, "m": [1, 2, 3], "b": True}
    snapshot = copy.deepcopy(doc)
    order = [list(doc), list(doc["a"])]
    patch = [
        {"op": "remove", "path": "/a/k1"},
        {"op": "add", "path": "/a/k1", "value": "again"},
        {"op": "move", "from": "/z", "path": "/a/z"},
        {"op": "replace", "path": "/m/1", "value": 20},
        {"op": "remove", "path": "/m/0"},
        {"op": "add", "path": "/m/0", "value": 0},
        {"op": "copy", "from": "/a", "path": "/copy"},
        {"op": "add", "path": "/b", "value": False},
        {"op": "test", "path": "/b", "value": True},  # fails: everything above must be undone
    ]
    with pytest.raises(InfraError) as exc:
        apply_patch(doc, patch, in_place=True)
    assert exc.value.context["index"] == 8
    assert doc == snapshot
    assert [list(doc), list(doc["a"])] == order


def test_root_replacement_in_place() -> None:
    doc = {"a": 1}
    assert apply_patch(doc, [{"op": "replace", "path": "", "value": [1]}], in_place=True) == [1]
    with pytest.raises(InfraError):
        apply_patch(
            doc, [{"op": "replace", "path": "", "value": [1]}, {"op": "test", "path": "/0", "value": 2}], in_place=True
        )
    assert doc == {"a": 1}


@st.composite
def doc_and_patch(draw: st.DrawFn) -> tuple[dict[str, object], list[dict[str, object]]]:
    doc = draw(DOCS)
    ops = []
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["add", "remove", "replace", "move", "copy", "test"]))
        path = "/" + "/".join(draw(st.lists(st.one_of(KEYS, st.sampled_from(["0", "1", "-"])), max_size=3)))
        entry: dict[str, object] = {"op": op, "path": path if path != "/" or draw(st.booleans()) else ""}
        if op in ("add", "replace", "test"):
            entry["value"] = draw(VALUES)
        if op in ("move", "copy"):
            entry["from"] = "/" + "/".join(draw(st.lists(KEYS, max_size=2)))
        ops.append(entry)
    return doc, ops


@given(doc_and_patch())
def test_atomic_in_both_modes(case: tuple[dict[str, object], list[dict[str, object]]]) -> None:
    doc, patch = case
    snapshot = copy.deepcopy(doc)
    failed = object()
    out: object = failed
    with contextlib.suppress(InfraError):
        out = apply_patch(doc, patch)
    assert doc == snapshot
    work = copy.deepcopy(doc)
    try:
        out2 = apply_patch(work, patch, in_place=True)
    except InfraError:
        assert out is failed, "both modes fail on the same patches"
        assert json_equal(work, snapshot) and list(work) == list(snapshot)
    else:
        assert out is not failed and json_equal(out, out2)
