"""Parser fuzz: any text through add_json / add_toml (+ build) gives a config or InfraError(config).

The error names the source's label; for malformed text it carries the 1-based line and column
the standard-library parser reports (also written into the message as ``line L column C``).
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.config import ConfigBuilder
from llm_infra.errors import ErrorKind, InfraError

from ._support import expect_infra

LABELS = st.sampled_from(["prod.json", "base.toml", "conf/with space.json", "é/app.toml", 'quo"te'])

TOML_SEEDS = [
    '[server]\nhost = "0.0.0.0"\nport = 8080\n',
    '[db]\npool = { min = 1, max = 5 }\nhosts = ["a", "b"]\n',
    'title = "x"\n[[items]]\nname = "a"\n[[items]]\nname = "b"\n',
    "a.b.c = 1\nratio = 0.5\nflag = true\n",
    "s = '''\nmulti\nline'''\nt = \"esc\\n\"\n",
]
JSON_SEEDS = [
    '{"server": {"host": "0.0.0.0", "port": 8080}}',
    '{\n  "db": {\n    "pool": {"min": 1, "max": 5},\n    "hosts": ["a", "b"]\n  }\n}',
    '{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9"]}',
    "{}",
]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str]) -> str:
    """A seed text with a few characters deleted, inserted or replaced (what broken files look like)."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.integers(0, 2))
        c = draw(st.sampled_from(list("{}[]\",:=.#\n '01aé")))
        if op == 0 and i < len(text):
            text = text[:i] + text[i + 1 :]
        elif op == 1:
            text = text[:i] + c + text[i:]
        elif i < len(text):
            text = text[:i] + c + text[i + 1 :]
    return text


JSON_TEXTS = st.one_of(st.text(max_size=60), mutated(JSON_SEEDS), st.sampled_from(JSON_SEEDS))
TOML_TEXTS = st.one_of(st.text(max_size=60), mutated(TOML_SEEDS), st.sampled_from(TOML_SEEDS))


def _build(fmt: str, text: str, label: str) -> Any:
    b = ConfigBuilder()
    (b.add_json if fmt == "json" else b.add_toml)(text, label=label)
    return b.build()


def _check_named(err: InfraError, label: str) -> None:
    assert err.context["source"] == label
    assert err.message.startswith(f"config source {json.dumps(label, ensure_ascii=False)}: "), err.message


def _check_position(err: InfraError, line: int, column: int) -> None:
    assert err.context["line"] == line, err.message
    assert err.context["column"] == column, err.message
    assert f"line {line} column {column}" in err.message


def _json_syntax_position(text: str) -> tuple[int, int] | None:
    """Where the standard library's JSON decoder reports a syntax error (``None``: none)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Illegal trailing comma"):  # CPython 3.13 moved this one; skip it
            return None
        return exc.lineno, exc.colno
    return None


def _toml_syntax_position(text: str) -> tuple[int, int] | None:
    """Where tomllib reports a syntax error (``None``: none)."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)$", msg)
        if m:
            return int(m.group(1)), int(m.group(2))
        assert msg.endswith("(at end of document)"), msg
        return text.count("\n") + 1, len(text) - text.rfind("\n")
    return None


@settings(max_examples=200)
@given(JSON_TEXTS, LABELS)
def test_json_text_yields_a_config_or_a_named_config_error(text: str, label: str) -> None:
    try:
        cfg = _build("json", text, label)
    except Exception as exc:  # noqa: BLE001 -- the property: nothing but InfraError(config)
        err = expect_infra(exc)
        _check_named(err, label)
        where = _json_syntax_position(text)
        if where is not None:
            _check_position(err, *where)
        return
    parsed = json.loads(text)  # the text was valid JSON holding an object
    assert isinstance(parsed, dict)
    assert cfg.sources == (label,)


@settings(max_examples=200)
@given(TOML_TEXTS, LABELS)
def test_toml_text_yields_a_config_or_a_named_config_error(text: str, label: str) -> None:
    try:
        cfg = _build("toml", text, label)
    except Exception as exc:  # noqa: BLE001 -- the property: nothing but InfraError(config)
        err = expect_infra(exc)
        _check_named(err, label)
        where = _toml_syntax_position(text)
        if where is not None:
            _check_position(err, *where)
        else:  # valid TOML that JSON cannot carry: a date-time or inf/nan, named by its path
            assert "path" in err.context, err.message
        return
    assert cfg.to_dict() == tomllib.loads(text)
    assert cfg.sources == (label,)


@settings(max_examples=100)
@given(
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(-9, 9) | st.text(max_size=4), max_size=4),
    st.integers(0, 6),
    st.sampled_from(["@", "x", "]", "1"]),
)
def test_json_trailing_garbage_is_located(doc: dict[str, Any], indent: int, junk: str) -> None:
    """A valid document followed by a stray token on the next line: the error points at that token."""
    body = json.dumps(doc, indent=2)
    text = f"{body}\n{' ' * indent}{junk}"
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_json(text, label="prod.json").build()
    err = expect_infra(info.value)
    _check_named(err, "prod.json")
    _check_position(err, body.count("\n") + 2, indent + 1)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["a", "b", "c_d", "e1"]), min_size=1, max_size=5, unique=True), st.integers(0, 4))
def test_toml_bad_line_is_located(keys: list[str], bad_at: int) -> None:
    """Good ``key = value`` lines with one line that has no value: the error names that line."""
    lines = [f"{k} = {i}" for i, k in enumerate(keys)]
    at = min(bad_at, len(lines))
    lines.insert(at, "broken = ")
    text = "\n".join(lines) + "\n"
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_toml(text, label="base.toml").build()
    err = expect_infra(info.value)
    _check_named(err, "base.toml")
    assert err.context["line"] == at + 1
    assert f"line {at + 1} column" in err.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"a": 1,}', 1, 9),
        ('{"a" 1}', 1, 6),
        ('{\n  "a": 1\n  "b": 2\n}', 3, 3),
        ("", 1, 1),
        ('{"a": tru}', 1, 7),
    ],
)
def test_malformed_json_examples(text: str, line: int, column: int) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_json(text, label="prod.json").build()
    assert info.value.kind is ErrorKind.CONFIG
    _check_named(info.value, "prod.json")
    _check_position(info.value, line, column)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("a = ", 1, 5),
        ("[a\n", 1, 3),
        ('a = 1\nb = "x\n', 2, 7),
        ("a = 1\nb = ", 2, 5),  # at the end of the document: one past the last character
        ("a = 1\na = 2\n", 2, 6),
    ],
)
def test_malformed_toml_examples(text: str, line: int, column: int) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_toml(text, label="base.toml").build()
    assert info.value.kind is ErrorKind.CONFIG
    _check_named(info.value, "base.toml")
    _check_position(info.value, line, column)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('{"a": 1, "a": 2}', "duplicate key"),
        ('{"a": NaN}', "NaN"),
        ('{"a": 1e400}', "1e400"),
        ('{"a": 9007199254740993}', "9007199254740993"),
        ('{"a": {"__proto__": 1}}', "__proto__"),
        ('"\\ud800"', "surrogate"),
    ],
)
def test_json_refusals_name_the_source(text: str, needle: str) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_json(text, label="x.json").build()
    assert info.value.kind is ErrorKind.CONFIG
    _check_named(info.value, "x.json")
    assert needle in info.value.message


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("[a]\nwhen = 1979-05-27T07:32:00Z\n", "a.when"),
        ("d = 1979-05-27\n", "d"),
        ("t = 07:32:00\n", "t"),
        ("x = [1, inf]\n", "x.1"),
        ("n = nan\n", "n"),
        ("big = 9007199254740992\n", "big"),
    ],
)
def test_toml_values_json_cannot_carry_are_named_by_path(text: str, path: str) -> None:
    with pytest.raises(InfraError) as info:
        ConfigBuilder().add_toml(text, label="app.toml").build()
    assert info.value.kind is ErrorKind.CONFIG
    _check_named(info.value, "app.toml")
    assert info.value.context["path"] == path
    assert f"at {path} " in info.value.message


def test_safe_integer_limits_are_accepted() -> None:
    cfg = (
        ConfigBuilder()
        .add_toml("a = 9007199254740991\nb = -9007199254740991\n")
        .add_json('{"c": 9007199254740991, "d": 1.2345678901234567e19}')
        .build()
    )
    assert cfg.to_dict() == {"a": 2**53 - 1, "b": -(2**53 - 1), "c": 2**53 - 1, "d": 1.2345678901234567e19}
