"""InfraError: kinds, constructors, conversion, the JSON form, bad input."""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llm_infra.errors import MAX_CAUSE_DEPTH, ErrorKind, InfraError

KINDS = [k.value for k in ErrorKind]

json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=8) | st.floats(
    allow_nan=False, allow_infinity=False
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)
error_json = st.recursive(
    st.builds(
        lambda kind, message, retryable, context: {
            "kind": kind, "message": message, "retryable": retryable, "context": context, "cause": None,
        },
        st.sampled_from(KINDS), st.text(max_size=20), st.booleans(),
        st.dictionaries(st.text(max_size=6), json_values, max_size=4),
    ),
    lambda inner: st.builds(
        lambda outer, cause: {**outer, "cause": cause},
        st.builds(
            lambda kind, message, retryable: {"kind": kind, "message": message, "retryable": retryable, "context": {}},
            st.sampled_from(KINDS), st.text(max_size=20), st.booleans(),
        ),
        inner,
    ),
    max_leaves=5,
)


def test_kinds_are_the_design_list() -> None:
    assert KINDS == [
        "config", "validation", "io", "http", "auth", "external", "crypto", "serialization",
        "message_queue", "vector", "schema", "timeout", "not_found", "internal",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_per_kind_constructor(kind: str) -> None:
    err = getattr(InfraError, kind)("something failed", field="x", n=1)
    assert isinstance(err, InfraError) and isinstance(err, Exception)
    assert err.kind is ErrorKind(kind)
    assert err.message == "something failed" == str(err)
    assert err.context == {"field": "x", "n": 1}
    assert err.retryable is (kind == "timeout")
    assert err.cause is None


def test_http_retryable_defaults_follow_status() -> None:
    assert InfraError.http("x", status=503).retryable
    assert InfraError.http("x", status=429).retryable
    assert not InfraError.http("x", status=404).retryable
    assert not InfraError.http("x", status="503").retryable
    assert not InfraError.http("x").retryable
    assert not InfraError.http("x", status=True).retryable


def test_retryable_override_and_cause() -> None:
    root = ValueError("bad")
    err = InfraError.io("disk", retryable=True, cause=root)
    assert err.retryable and err.cause is root and err.__cause__ is root


def test_unknown_kind_is_a_validation_error() -> None:
    with pytest.raises(InfraError) as info:
        InfraError("fatal", "x")
    assert info.value.kind is ErrorKind.VALIDATION and info.value.context == {"field": "kind"}


def test_context_is_coerced_to_json() -> None:
    err = InfraError.internal("x", obj=object(), nan=float("nan"), tup=(1, 2), nested={"k": {1, 2}}, big=2**70)
    ctx = err.context
    assert isinstance(ctx["obj"], str) and ctx["nan"] == "nan" and ctx["tup"] == [1, 2]
    assert isinstance(ctx["nested"], dict) and isinstance(ctx["nested"]["k"], str)
    assert ctx["big"] == 2**70
    json.dumps(err.to_dict(), allow_nan=False)


def test_context_is_copied_not_shared() -> None:
    ctx = {"a": [1]}
    err = InfraError("io", "x", context=ctx)
    ctx["a"].append(2)
    assert err.context == {"a": [1]}


def test_json_form_key_order_and_defaults() -> None:
    err = InfraError.validation("port out of range", field="db.port")
    assert list(err.to_dict()) == ["kind", "message", "retryable", "context", "cause"]
    assert err.to_json() == (
        '{"kind":"validation","message":"port out of range","retryable":false,"context":{"field":"db.port"},'
        '"cause":null}'
    )


def test_foreign_cause_chain_is_converted() -> None:
    try:
        try:
            raise ConnectionResetError(104, "reset")
        except ConnectionResetError as inner:
            raise TimeoutError("read timed out") from inner
    except TimeoutError as outer:
        err = InfraError.http("gateway", status=502, cause=outer)
    d = err.to_dict()
    assert d["cause"]["kind"] == "timeout" and d["cause"]["retryable"] is True
    assert d["cause"]["cause"]["kind"] == "io" and d["cause"]["cause"]["context"]["errno"] == 104
    assert d["cause"]["cause"]["retryable"] is True
    assert InfraError.from_dict(d).to_dict() == d


def test_cyclic_cause_chain_is_cut() -> None:
    a = InfraError.io("a")
    b = InfraError.io("b", cause=a)
    a.__cause__ = b
    depth, node = 0, a.to_dict()
    while node is not None:
        depth += 1
        node = node["cause"]
    assert depth == MAX_CAUSE_DEPTH


@given(error_json)
def test_json_round_trip(data: dict) -> None:
    err = InfraError.from_dict(data)
    assert err.to_dict() == data
    assert InfraError.from_json(err.to_json()).to_dict() == data


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ([1], "$"),
        ({"kind": "io"}, "$.message"),
        ({"message": "m"}, "$.kind"),
        ({"kind": "nope", "message": "m"}, "$.kind"),
        ({"kind": "io", "message": 1}, "$.message"),
        ({"kind": "io", "message": "m", "retryable": 1}, "$.retryable"),
        ({"kind": "io", "message": "m", "context": []}, "$.context"),
        ({"kind": "io", "message": "m", "extra": 1}, "$.extra"),
        ({"kind": "io", "message": "m", "cause": {"kind": "io"}}, "$.cause.message"),
    ],
)
def test_from_dict_rejects_malformed_input_naming_the_path(data: object, path: str) -> None:
    with pytest.raises(InfraError) as info:
        InfraError.from_dict(data)
    assert info.value.kind is ErrorKind.SERIALIZATION
    assert info.value.context["path"] == path and path in info.value.message


def test_from_json_rejects_invalid_text() -> None:
    with pytest.raises(InfraError) as info:
        InfraError.from_json("{not json")
    assert info.value.kind is ErrorKind.SERIALIZATION
    with pytest.raises(InfraError):
        InfraError.from_json(b"\xff\xfe")


def test_from_dict_rejects_too_deep_chains() -> None:
    data: dict | None = None
    for i in range(MAX_CAUSE_DEPTH + 1):
        data = {"kind": "internal", "message": str(i), "cause": data}
    with pytest.raises(InfraError) as info:
        InfraError.from_dict(data)
    assert "deeper" in info.value.message


@pytest.mark.parametrize(
    ("exc", "kind", "retryable"),
    [
        (TimeoutError("t"), "timeout", True),
        (json.JSONDecodeError("Expecting value", "x", 0), "serialization", False),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid"), "serialization", False),
        (ConnectionRefusedError(111, "refused"), "io", True),
        (FileNotFoundError(2, "No such file", "a.toml"), "io", False),
        (PermissionError(13, "denied"), "io", False),
        (KeyError("k"), "not_found", False),
        (IndexError("i"), "not_found", False),
        (ValueError("v"), "validation", False),
        (TypeError("t"), "validation", False),
        (RuntimeError("r"), "internal", False),
    ],
)
def test_from_exception(exc: BaseException, kind: str, retryable: bool) -> None:
    err = InfraError.from_exception(exc)
    assert err.kind.value == kind and err.retryable is retryable
    assert err.cause is exc and err.context["exception"] == type(exc).__name__
    assert type(exc).__name__ in err.message


def test_from_exception_details() -> None:
    err = InfraError.from_exception(json.JSONDecodeError("Expecting value", "a\nb", 2))
    assert err.context["line"] == 2 and err.context["column"] == 1 and err.context["position"] == 2
    err = InfraError.from_exception(FileNotFoundError(2, "No such file", "a.toml"))
    assert err.context["path"] == "a.toml" and err.context["errno"] == 2
    original = InfraError.auth("no")
    assert InfraError.from_exception(original) is original
    assert InfraError.from_exception(ValueError(), message="custom").message == "custom"


def test_with_context_copies() -> None:
    err = InfraError.io("x", a=1)
    more = err.with_context(b=2)
    assert more.context == {"a": 1, "b": 2} and err.context == {"a": 1}
    assert more.kind is err.kind and more.retryable == err.retryable


def test_pickle_round_trip() -> None:
    err = InfraError.http("x", status=503, cause=InfraError.timeout("t"))
    back = pickle.loads(pickle.dumps(err))
    assert back.to_dict() == err.to_dict()


def test_repr_names_kind_and_context() -> None:
    assert repr(InfraError.io("disk", path="/x")) == (
        "InfraError(kind='io', message='disk', context={'path': '/x'}, retryable=False)"
    )
