"""Dot paths: syntax and escapes, get with defaults, set creating intermediate objects."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import path_format, path_get, path_parse, path_set, pointer_format, pointer_get

from ._strategies import DOCS, KEYS

CFG = {"db": {"hosts": ["a", "b"], "pool.size": 5, "port": None}, "a\\b": 1, "0": {"1": "x"}}


@pytest.mark.parametrize(
    ("path", "expected"),
    [("db.hosts.1", "b"), ("db.pool\\.size", 5), ("a\\\\b", 1), ("0.1", "x"), ("db.port", None), ("", CFG)],
)
def test_get(path: str, expected: object) -> None:
    assert path_get(CFG, path) == expected


def test_get_default() -> None:
    assert path_get(CFG, "db.user", "admin") == "admin"
    assert path_get(CFG, "db.hosts.7", None) is None
    assert path_get(CFG, "db.port", 5432) is None, "a present null is a value"
    with pytest.raises(InfraError) as exc:
        path_get(CFG, "db.user")
    assert exc.value.kind is ErrorKind.NOT_FOUND
    assert exc.value.context["path"] == "db.user"
    assert "'db.user'" in exc.value.message


@pytest.mark.parametrize("path", ["a..b", ".a", "a.", "a\\x", "a\\", "constructor", "a.__proto__.b"])
def test_malformed_or_reserved_paths(path: str) -> None:
    for call in (lambda: path_parse(path), lambda: path_get({}, path, None), lambda: path_set({}, path, 1)):
        with pytest.raises(InfraError) as exc:
            call()
        assert exc.value.kind is ErrorKind.VALIDATION


def test_parse_and_format() -> None:
    assert path_parse("a.b\\.c.d\\\\e") == ["a", "b.c", "d\\e"]
    assert path_format(["a", "b.c", "d\\e"]) == "a.b\\.c.d\\\\e"
    for bad in (["a", ""], ["prototype"], ["a", 1]):
        with pytest.raises(InfraError) as exc:
            path_format(bad)  # type: ignore[arg-type]
        assert exc.value.kind is ErrorKind.VALIDATION


def test_set_creates_objects_appends_and_replaces() -> None:
    assert path_set({}, "db.port", 5432) == {"db": {"port": 5432}}
    assert path_set({}, "a.b.c", [1]) == {"a": {"b": {"c": [1]}}}
    assert path_set({"tags": ["a"]}, "tags.1", "b") == {"tags": ["a", "b"]}
    assert path_set({"tags": ["a", "b"]}, "tags.0", "z") == {"tags": ["z", "b"]}
    assert path_set({"a": 1}, "", [1]) == [1]
    assert path_set({}, "a\\.b", 1) == {"a.b": 1}


@pytest.mark.parametrize(
    ("doc", "path", "kind"),
    [
        ({"a": 1}, "a.b", ErrorKind.VALIDATION),
        ({"a": None}, "a.b", ErrorKind.VALIDATION),
        ({"t": []}, "t.1", ErrorKind.NOT_FOUND),
        ({"t": []}, "t.x", ErrorKind.VALIDATION),
        ({"t": [[]]}, "t.1.x", ErrorKind.NOT_FOUND),
    ],
)
def test_set_never_overwrites_a_scalar_on_the_way(doc: dict[str, object], path: str, kind: ErrorKind) -> None:
    before = repr(doc)
    with pytest.raises(InfraError) as exc:
        path_set(doc, path, 1, in_place=True)
    assert exc.value.kind is kind
    assert repr(doc) == before, "a failed set leaves the document untouched"


def test_set_copies_and_respects_in_place() -> None:
    doc: dict[str, object] = {"a": {"b": 1}}
    value = [1]
    out = path_set(doc, "a.c", value)
    value.append(2)
    assert doc == {"a": {"b": 1}} and out == {"a": {"b": 1, "c": [1]}}
    assert path_set(doc, "a.b", 2, in_place=True) is doc and doc == {"a": {"b": 2}}


@given(st.lists(KEYS.filter(bool), min_size=1, max_size=4))
def test_format_parse_round_trip(segments: list[str]) -> None:
    assert path_parse(path_format(segments)) == segments


@given(DOCS, st.lists(KEYS.filter(bool), min_size=1, max_size=3), st.integers())
def test_set_then_get(doc: dict[str, object], segments: list[str], value: int) -> None:
    path = path_format(segments)
    try:
        out = path_set(doc, path, value)
    except InfraError as exc:
        assert exc.kind in (ErrorKind.VALIDATION, ErrorKind.NOT_FOUND)
        return
    assert path_get(out, path) == value
    assert pointer_get(out, pointer_format(segments)) == value
