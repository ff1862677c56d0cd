"""Environment variables: value coercion (strict JSON or the raw string) and the name mapping, fuzzed."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.config import ConfigBuilder, coerce_env_value
from llm_infra.errors import ErrorKind, InfraError
from llm_infra.json import parse

from ._support import MAX_SAFE, expect_infra, merge_patch

FORBIDDEN = ("__proto__", "constructor", "prototype")

# Texts around the documented edges: JSON numbers and constants, padded JSON, near-JSON.
JSON_TEXTS = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=5)
    ),
    lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(st.text(max_size=3), c, max_size=3)),
    max_leaves=8,
).map(json.dumps)
PADDED = st.tuples(
    st.sampled_from(["", " ", "\t", "\n", "\r\n", " \u00a0"]), JSON_TEXTS, st.sampled_from(["", " ", "\n", "x", ","])
)
RAW_VALUES = st.one_of(
    st.text(max_size=30),
    JSON_TEXTS,
    PADDED.map("".join),
    st.integers().map(str),
    st.floats().map(repr),
    st.sampled_from(
        ["NaN", "-NaN", "Infinity", "-Infinity", "1e400", "-1e400", "0x10", "01", "+1", ".5", "1.", "-", "tru"]
    ),
)


def _reference(raw: str) -> Any:
    """The documented rule: strict JSON when the text parses and is exact in JavaScript, else the text."""
    try:
        value = parse(raw)
    except InfraError:
        return raw

    def unsafe(v: Any) -> bool:
        if isinstance(v, bool):
            return False
        if isinstance(v, int):
            return abs(v) > MAX_SAFE
        if isinstance(v, dict):
            return any(unsafe(x) for x in v.values())
        if isinstance(v, list):
            return any(unsafe(x) for x in v)
        return False

    return raw if unsafe(value) else value


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values *and* of the same Python types (1 is not True, 1.0 is not 1)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return bool(a == b)


@settings(max_examples=200)
@given(RAW_VALUES)
def test_coerce_is_strict_json_or_the_raw_string(raw: str) -> None:
    got = coerce_env_value(raw)  # never raises
    assert _same(got, _reference(raw)), (raw, got)
    if isinstance(got, str) and got is not raw:
        assert json.loads(raw) == got  # a string value only comes from a JSON string literal


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8080", 8080),
        (" 1 ", 1),  # JSON allows surrounding whitespace
        ("\t[1, 2]\n", [1, 2]),
        ("-0", 0),
        ("-0.0", -0.0),
        ("1.5", 1.5),
        ("1E2", 100.0),
        ("1e308", 1e308),
        ("true", True),
        ("false", False),
        ("null", None),
        ('"x"', "x"),
        ('""', ""),
        ("{}", {}),
        ("[]", []),
        ('{"k": null}', {"k": None}),
        (str(MAX_SAFE), MAX_SAFE),
        (str(-MAX_SAFE), -MAX_SAFE),
        (f"[{MAX_SAFE}]", [MAX_SAFE]),
        (f"{MAX_SAFE}.0", float(MAX_SAFE)),  # a fraction: a double, not an integer
        ("12345678901234567890.5", 12345678901234567890.5),
    ],
)
def test_coerce_parses_strict_json(raw: str, expected: Any) -> None:
    assert _same(coerce_env_value(raw), expected)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "0x10",
        "01",
        "+1",
        ".5",
        "1.",
        "tru",
        "[1,]",
        '{"a":1,"a":2}',  # duplicate key: strict JSON refuses it
        '"\\ud800"',  # lone surrogate
        "'x'",
        "[",
        "hello world",
        str(MAX_SAFE + 1),
        str(-(MAX_SAFE + 1)),
        f"[{MAX_SAFE + 1}]",
        f'{{"a": {{"b": [{MAX_SAFE + 1}]}}}}',
        "1" * 400,
        "[" * 300 + "]" * 300,  # nested deeper than the JSON limit
    ],
)
def test_coerce_keeps_the_raw_string(raw: str) -> None:
    got = coerce_env_value(raw)
    assert got == raw
    assert type(got) is str


# -- the name mapping ------------------------------------------------------------------------

NAMES = st.text(alphabet="AbC_.0é", max_size=8)
PREFIXES = st.sampled_from(["", "APP_", "A", "é_"])
SEPARATORS = st.sampled_from(["__", "_", "."])


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-be", "surrogatepass")


def _reference_env(variables: dict[str, str], prefix: str, sep: str) -> tuple[dict[str, Any], str | None]:
    """The documented mapping → (document, the first bad variable in application order, if any)."""
    doc: dict[str, Any] = {}
    for name in sorted((n for n in variables if n.startswith(prefix)), key=_utf16):
        segments = [
            s.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
            for s in name[len(prefix) :].split(sep)
        ]
        if "" in segments or any(s in FORBIDDEN for s in segments):
            return doc, name
        node = doc
        for s in segments[:-1]:
            if not isinstance(node.get(s), dict):
                node[s] = {}
            node = node[s]
        node[segments[-1]] = coerce_env_value(variables[name])
    return doc, None


@settings(max_examples=200)
@given(
    st.dictionaries(st.one_of(NAMES, PREFIXES.flatmap(lambda p: NAMES.map(lambda n: p + n))), RAW_VALUES, max_size=6),
    PREFIXES,
    SEPARATORS,
)
def test_env_source_follows_the_documented_mapping(variables: dict[str, str], prefix: str, sep: str) -> None:
    expected, bad = _reference_env(variables, prefix, sep)
    builder = ConfigBuilder().add_env(prefix, separator=sep, vars=variables)
    try:
        cfg = builder.build()
    except Exception as exc:  # noqa: BLE001 -- the property is that only InfraError(config) comes out
        err = expect_infra(exc)
        assert bad is not None, (variables, err.message)
        assert err.context["variable"] == bad
        assert json.dumps(bad, ensure_ascii=False) in err.message
        return
    assert bad is None
    assert cfg.to_dict() == merge_patch({}, expected)
    assert cfg.sources == (f"env:{prefix}",)


def test_env_nesting_lowercases_and_orders_by_name() -> None:
    cfg = (
        ConfigBuilder()
        .add_defaults({"db": {"host": "localhost", "port": 1}})
        .add_env(
            "APP_",
            vars={
                "APP_DB__PORT": "6432",
                "APP_DB": '{"host": "from-json", "port": 2}',  # applied first: the more specific wins inside it
                "APP_Mixed__KeY": "v",
                "OTHER_X": "1",
                "app_lower": "ignored: the prefix is case-sensitive",
            },
        )
        .build()
    )
    assert cfg.to_dict() == {"db": {"host": "from-json", "port": 6432}, "mixed": {"key": "v"}}
    assert cfg.explain("db.port") == "env:APP_"
    assert cfg.explain("db.host") == "env:APP_"


def test_env_null_deletes_and_nested_replaces_scalar() -> None:
    cfg = (
        ConfigBuilder()
        .add_memory({"db": {"host": "h", "user": "u"}, "port": 80})
        .add_env("APP_", vars={"APP_DB__USER": "null", "APP_PORT__INNER": "1"})
        .build()
    )
    assert cfg.to_dict() == {"db": {"host": "h"}, "port": {"inner": 1}}


def test_env_reads_os_environ_at_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    builder = ConfigBuilder().add_env("LLMINFRA_TEST_CFG_")
    monkeypatch.setenv("LLMINFRA_TEST_CFG_A__B", "[1, 2]")
    assert builder.build().get("a.b") == [1, 2]
    monkeypatch.setenv("LLMINFRA_TEST_CFG_A__B", "3")
    assert builder.build().get("a.b") == 3  # read again on every build


def test_env_vars_mapping_is_a_snapshot() -> None:
    variables = {"APP_X": "1"}
    builder = ConfigBuilder().add_env("APP_", vars=variables)
    variables["APP_X"] = "2"
    assert builder.build().get("x") == 1


@pytest.mark.parametrize(
    ("variables", "separator", "bad"),
    [
        ({"APP_": "1"}, "__", "APP_"),
        ({"APP_DB____PORT": "1"}, "__", "APP_DB____PORT"),
        ({"APP___DB": "1"}, "__", "APP___DB"),
        ({"APP_DB__": "1"}, "__", "APP_DB__"),
        ({"APP_PROTOTYPE": "1"}, "__", "APP_PROTOTYPE"),
        ({"APP_A__CONSTRUCTOR": "1"}, "__", "APP_A__CONSTRUCTOR"),
        ({"APP___PROTO__": "1"}, "_", "APP___PROTO__"),
    ],
)
def test_env_bad_names_are_config_errors_naming_the_variable(
    variables: dict[str, str], separator: str, bad: str
) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_env("APP_", separator=separator, vars=variables).build()
    assert info.value.kind is ErrorKind.CONFIG
    assert info.value.context["variable"] == bad
    assert f'"{bad}"' in info.value.message


def test_env_bad_separator_prefix_and_value() -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_env("APP_", separator="", vars={}).build()
    assert info.value.kind is ErrorKind.CONFIG
    assert info.value.context["field"] == "separator"
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_env(5, vars={}).build()  # type: ignore[arg-type]
    assert info.value.kind is ErrorKind.CONFIG
    assert info.value.context["field"] == "prefix"
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_env("APP_", vars={"APP_PORT": 8080}).build()  # type: ignore[dict-item]
    assert info.value.kind is ErrorKind.CONFIG
    assert info.value.context["variable"] == "APP_PORT"
    assert "APP_PORT" in info.value.message
    assert "int" in info.value.message
