"""Regression tests for bugs found by the property and bad-input tests (one test per bug)."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from llm_infra.config import ConfigBuilder, coerce_env_value
from llm_infra.errors import InfraError

SECRET = "hunter2"


def _cfg(data: dict[str, Any]) -> Any:
    return ConfigBuilder().add_memory(data).build()


@pytest.mark.parametrize(
    ("getter", "path", "default", "want"),
    [
        ("get_str", "retries", 3, "3"),
        ("get_duration", "t", 30, 30_000),
        ("get_bool", "flag", 1, True),
        ("get_int", "port_s", "8080", 8080),
        ("get_float", "ratio_s", "0.5", 0.5),
        ("get_list", "hosts", "a,b", ["a", "b"]),
    ],
)
def test_a_present_value_equal_to_the_default_is_converted(getter: str, path: str, default: Any, want: Any) -> None:
    cfg = _cfg({"retries": 3, "t": 30, "flag": 1, "port_s": "8080", "ratio_s": "0.5", "hosts": "a,b"})
    got = getattr(cfg, getter)(path, default)
    assert got == want and type(got) is type(want)


def test_a_missing_path_returns_the_default_as_given() -> None:
    cfg = _cfg({})
    assert cfg.get_str("nope", 8080) == 8080
    assert cfg.get_duration("nope", None) is None


def _message(fn: Any) -> str:
    with pytest.raises(InfraError) as info:
        fn()
    assert info.value.kind == "config"
    return info.value.message + repr(info.value.context)


def test_duration_of_a_secret_is_redacted() -> None:
    msg = _message(lambda: _cfg({"api_token": SECRET}).get_duration("api_token"))
    assert SECRET not in msg and "***" in msg and "api_token" in msg


@pytest.mark.parametrize("getter", ["get_str", "get_int", "get_float", "get_bool", "get_duration", "get_list"])
def test_a_getter_on_an_object_holding_a_secret_redacts_it(getter: str) -> None:
    cfg = _cfg({"db": {"host": "h", "password": SECRET}})
    msg = _message(lambda: getattr(cfg, getter)("db"))
    assert SECRET not in msg and '"db"' in msg


def test_a_rule_on_an_object_holding_a_secret_redacts_it() -> None:
    builder = ConfigBuilder().add_memory({"db": {"host": "h", "password": SECRET}}).one_of("db", [1])
    msg = _message(builder.build)
    assert SECRET not in msg and '"password":"***"' in msg


def test_loading_an_object_holding_a_secret_into_a_str_field_redacts_it() -> None:
    @dataclasses.dataclass
    class Service:
        db: str

    cfg = _cfg({"db": {"host": "h", "password": SECRET}})
    msg = _message(lambda: cfg.load(Service))
    assert SECRET not in msg and "db" in msg


def test_fixed_length_tuple_fields_load() -> None:
    @dataclasses.dataclass
    class Pair:
        pair: tuple[int, str]

    assert _cfg({"pair": [1, "x"]}).load(Pair) == Pair((1, "x"))
    msg = _message(lambda: _cfg({"pair": ["x", [1]]}).load(Pair))
    assert "pair.0" in msg and "pair.1" in msg
    assert "an array of 2 items" in _message(lambda: _cfg({"pair": [1]}).load(Pair))


@pytest.mark.parametrize(
    "text",
    ["a = " + "1" * 5000, "a = " + "[" * 3000 + "]" * 3000, "a = " + "{b=" * 3000 + "1" + "}" * 3000],
    ids=["huge-int", "deep-array", "deep-table"],
)
def test_toml_beyond_the_parser_s_limits_is_a_config_error(text: str) -> None:
    msg = _message(lambda: ConfigBuilder().add_toml(text, label="big.toml").build())
    assert "big.toml" in msg


@pytest.mark.parametrize("text", ["a: " + "1" * 5000, "a: " + "[" * 3000 + "]" * 3000], ids=["huge-int", "deep"])
def test_yaml_beyond_the_parser_s_limits_is_a_config_error(text: str) -> None:
    pytest.importorskip("yaml")
    msg = _message(lambda: ConfigBuilder().add_yaml(text, label="big.yaml").build())
    assert "big.yaml" in msg


@pytest.mark.parametrize("priority", [math.nan, math.inf, -math.inf, 10**400])
def test_a_non_finite_priority_is_refused(priority: float) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_memory({"a": 1}, label="src", priority=priority)
    assert info.value.kind == "config" and info.value.context["field"] == "priority"
    assert "src" in info.value.message


def test_minus_zero_env_text_is_the_integer_zero_and_minus_zero_point_zero_stays_a_double() -> None:
    zero = coerce_env_value("-0")
    assert zero == 0 and type(zero) is int
    neg = coerce_env_value("-0.0")
    assert type(neg) is float and math.copysign(1.0, neg) == -1.0


@pytest.mark.parametrize("rules", [5, None, "required", {"rule": "required", "path": "a"}, {1, 2}])
def test_rules_that_are_not_an_array_are_refused(rules: Any) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_rules(rules)
    assert info.value.kind == "config" and info.value.context["field"] == "rules"
