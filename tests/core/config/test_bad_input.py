"""Each kind of bad input: the right InfraError kind, and a message that names the field, path or source."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
from pathlib import Path
from typing import Any, Literal

import pytest

from llm_infra.config import ConfigBuilder, parse_duration
from llm_infra.errors import ErrorKind, InfraError

from ._support import violations


def _raises(fn: Any, kind: ErrorKind = ErrorKind.CONFIG) -> InfraError:
    with pytest.raises(InfraError) as info:
        fn()
    assert info.value.kind is kind, info.value.message
    return info.value


# -- files -----------------------------------------------------------------------------------


def test_missing_required_file_vs_optional_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    err = _raises(lambda: ConfigBuilder().add_file(missing).build())
    assert err.context["source"] == str(missing)
    assert err.message == f"config file {json.dumps(str(missing))} not found"

    cfg = ConfigBuilder().add_defaults({"a": 1}).add_file(missing, required=False).build()
    assert cfg.to_dict() == {"a": 1}
    assert cfg.sources == ("defaults",)  # a skipped file is not a layer


def test_file_format_from_suffix_or_given(tmp_path: Path) -> None:
    odd = tmp_path / "settings.conf"
    odd.write_text('{"a": 1}', encoding="utf-8")
    err = _raises(lambda: ConfigBuilder().add_file(odd))  # refused when declared, before reading
    assert str(odd) in err.message
    assert "format" in err.message
    assert ConfigBuilder().add_file(odd, format="json").build().to_dict() == {"a": 1}
    err = _raises(lambda: ConfigBuilder().add_file(odd, format="ini").build())
    assert err.context["format"] == "ini"


def test_file_that_is_not_utf8_names_file_and_byte(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"name": "caf\xe9"}')
    err = _raises(lambda: ConfigBuilder().add_file(bad).build())
    assert err.context["source"] == str(bad)
    assert str(bad) in err.message
    assert "byte 13" in err.message


def test_file_that_is_a_directory_names_it(tmp_path: Path) -> None:
    d = tmp_path / "dir.json"
    d.mkdir()
    err = _raises(lambda: ConfigBuilder().add_file(d).build())
    assert err.context["source"] == str(d)
    assert str(d) in err.message


def test_malformed_file_names_path_line_and_column(tmp_path: Path) -> None:
    p = tmp_path / "prod.json"
    p.write_text('{\n  "a": 1,\n  "b": \n}\n', encoding="utf-8")
    err = _raises(lambda: ConfigBuilder().add_file(p).build())
    assert err.context["source"] == str(p)
    assert (err.context["line"], err.context["column"]) == (4, 1)
    assert json.dumps(str(p)) in err.message
    assert "line 4 column 1" in err.message


# -- documents -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "got"), [("[1, 2]", "array"), ("42", "number"), ('"s"', "string"), ("null", "null")])
def test_json_top_level_must_be_an_object(text: str, got: str) -> None:
    err = _raises(lambda: ConfigBuilder().add_json(text, label="base.json").build())
    assert err.context["source"] == "base.json"
    assert err.message == f'config source "base.json": the top level must be an object (a table), got {got}'


def test_yaml_and_memory_top_level_must_be_a_mapping() -> None:
    pytest.importorskip("yaml")
    err = _raises(lambda: ConfigBuilder().add_yaml("- a\n- b\n", label="app.yaml").build())
    assert err.context["source"] == "app.yaml"
    assert "got array" in err.message
    err = _raises(lambda: ConfigBuilder().add_memory([1, 2]))  # type: ignore[arg-type]
    assert err.context["source"] == "memory"
    assert "got array" in err.message
    err = _raises(lambda: ConfigBuilder().add_defaults("x"))  # type: ignore[arg-type]
    assert err.context["source"] == "defaults"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ({"a": {"b": {1, 2}}}, "a.b"),
        ({"a": [1, object()]}, "a.1"),
        ({"a": {1: "x"}}, "key 1 at a"),
        ({"a": float("nan")}, "number at a is not finite"),
        ({"a": 2**53}, "integer at a is beyond"),
        ({"when": datetime.date(2024, 1, 1)}, "date/time value at when"),
        ({"x": {"constructor": 1}}, "x.constructor"),
    ],
)
def test_memory_values_json_cannot_carry_are_named(data: dict[str, Any], needle: str) -> None:
    err = _raises(lambda: ConfigBuilder().add_memory(data, label="mem"))  # checked when added
    assert err.context["source"] == "mem"
    assert err.message.startswith('config source "mem": ')
    assert needle in err.message


def test_memory_is_copied_when_added() -> None:
    data: dict[str, Any] = {"a": {"b": [1]}}
    builder = ConfigBuilder().add_memory(data)
    data["a"]["b"].append(2)
    data["c"] = 1
    assert builder.build().to_dict() == {"a": {"b": [1]}}


# -- priority, secret keys, rules ------------------------------------------------------------


@pytest.mark.parametrize("priority", ["high", True, [1], {"p": 1}])
def test_bad_priority_names_the_source(priority: Any) -> None:
    for add in (
        lambda b: b.add_memory({}, label="src", priority=priority),
        lambda b: b.add_json("{}", label="src", priority=priority),
        lambda b: b.add_toml("", label="src", priority=priority),
        lambda b: b.add_env("APP_", vars={}, label="src", priority=priority),
    ):
        err = _raises(lambda add=add: add(ConfigBuilder()))
        assert err.context["field"] == "priority"
        assert err.message == 'source "src": priority must be a finite number'


def test_numeric_priorities_are_accepted() -> None:
    cfg = (
        ConfigBuilder()
        .add_memory({"a": 1}, label="hi", priority=2.5)
        .add_memory({"a": 2}, label="lo", priority=-1)
        .add_memory({"a": 3}, label="zero")
        .build()
    )
    assert cfg.sources == ("lo", "zero", "hi")
    assert cfg.get("a") == 1


@pytest.mark.parametrize("keys", ["password", ["ok", ""], [1]])
def test_bad_secret_keys(keys: Any) -> None:
    err = _raises(lambda: ConfigBuilder(secret_keys=keys))
    assert err.context["field"] == "secret_keys"


@pytest.mark.parametrize(
    ("rules", "field", "needle"),
    [
        ([{"rule": "nope", "path": "a"}], "rules[0].rule", 'unknown rule "nope"'),
        ([{"rule": "range", "path": "a", "step": 1, "min": 0}], "rules[0].step", 'unknown key "step"'),
        ([{"rule": "type", "path": "a", "type": "int"}], "rules[0].type", "type must be one of"),
        ([{"rule": "range", "path": "a"}], "rules[0]", "give min, max or both"),
        ([{"rule": "range", "path": "a", "min": True}], "rules[0].min", "min must be a number"),
        ([{"rule": "length", "path": "a", "max": -1}], "rules[0].max", "max must be a non-negative integer"),
        ([{"rule": "length", "path": "a", "max": 1.5}], "rules[0].max", "max must be a non-negative integer"),
        ([{"rule": "enum", "path": "a", "values": []}], "rules[0].values", "values must be a non-empty array"),
        ([{"rule": "pattern", "path": "a", "pattern": "(?=x)"}], "rules[0].pattern", "a special group at offset 0"),
        ([{"rule": "pattern", "path": "a", "pattern": "\\bx"}], "rules[0].pattern", "the escape \\b at offset 0"),
        ([{"rule": "pattern", "path": "a", "pattern": 5}], "rules[0].pattern", "pattern must be a string"),
        ([{"rule": "required", "path": "a..b"}], "rules[0].path", '(required on "a..b")'),
        ([{"rule": "required", "path": 5}], "rules[0].path", "path must be a string"),
        ([{"rule": "required", "path": "ok"}, "x"], "rules[1]", "rules[1] must be an object"),
    ],
)
def test_malformed_rules_name_the_field(rules: list[Any], field: str, needle: str) -> None:
    err = _raises(lambda: ConfigBuilder().add_rules(rules))
    assert err.context["field"] == field
    assert needle in err.message


def test_rules_must_be_a_list() -> None:
    for rules in ({"rule": "required", "path": "a"}, "required"):
        err = _raises(lambda rules=rules: ConfigBuilder().add_rules(rules))
        assert err.context["field"] == "rules"


def test_builder_rule_methods_check_their_arguments() -> None:
    assert "offset 1" in _raises(lambda: ConfigBuilder().pattern("a", "a^b")).message
    assert _raises(lambda: ConfigBuilder().range("a")).context["field"] == "rules[0]"
    assert _raises(lambda: ConfigBuilder().expect_type("a", "float")).context["field"] == "rules[0].type"
    assert _raises(lambda: ConfigBuilder().check("a", "not callable")).context["field"] == "rules[0]"  # type: ignore[arg-type]
    assert _raises(lambda: ConfigBuilder().require("ok").one_of("b", [])).context["field"] == "rules[1].values"


# -- reading ---------------------------------------------------------------------------------

DOC: dict[str, Any] = {
    "name": "svc",
    "port": 8080,
    "ratio": 0.5,
    "flag": True,
    "tags": ["a", "b"],
    "db": {"host": "h"},
    "timeout": "30s",
    "a.b": 1,
}


@pytest.fixture
def cfg() -> Any:
    """A small configuration to read from."""
    return ConfigBuilder().add_memory(DOC, label="mem").build()


@pytest.mark.parametrize("path", ["a..b", ".a", "a.", "a\\x", "db\\"])
def test_bad_dot_path_is_a_validation_error_naming_it(cfg: Any, path: str) -> None:
    for read in (cfg.get, cfg.get_int, cfg.explain, cfg.section, lambda p: p in cfg):
        err = _raises(lambda read=read: read(path), ErrorKind.VALIDATION)
        assert repr(path) in err.message


def test_escaped_dot_path_reaches_a_dotted_key(cfg: Any) -> None:
    assert cfg.get("a\\.b") == 1
    assert cfg.explain("a\\.b") == "mem"
    assert "a.b" not in cfg


@pytest.mark.parametrize("path", ["missing", "db.port", "tags.2", "tags.01", "port.x", "name.0"])
def test_missing_value_names_the_path(cfg: Any, path: str) -> None:
    for read in (cfg.get, cfg.get_int, cfg.get_str, cfg.get_bool, cfg.get_duration, cfg.get_list, cfg.explain):
        err = _raises(lambda read=read: read(path))
        assert err.context["path"] == path
        assert err.message == f"config value {json.dumps(path)} is not set"
    assert cfg.get(path, "fallback") == "fallback"
    assert cfg.get_int(path, 7) == 7
    assert path not in cfg


def test_explain_needs_a_path(cfg: Any) -> None:
    err = _raises(lambda: cfg.explain(""), ErrorKind.VALIDATION)
    assert err.context["field"] == "path"


@pytest.mark.parametrize(
    ("getter", "value", "want"),
    [
        ("get_int", "abc", "an integer"),
        ("get_int", "1.5", "an integer"),
        ("get_int", 1.5, "an integer"),
        ("get_int", True, "an integer"),
        ("get_int", "9007199254740992", "an integer"),
        ("get_int", [1], "an integer"),
        ("get_float", "abc", "a number"),
        ("get_float", True, "a number"),
        ("get_float", "1e400", "a number"),
        ("get_float", "0x10", "a number"),
        ("get_bool", "maybe", "a boolean (true/yes/on/1 or false/no/off/0)"),
        ("get_bool", "", "a boolean (true/yes/on/1 or false/no/off/0)"),
        ("get_bool", 2, "a boolean (true/yes/on/1 or false/no/off/0)"),
        ("get_bool", "ja", "a boolean (true/yes/on/1 or false/no/off/0)"),
        ("get_str", {"x": 1}, "a string"),
        ("get_str", [1], "a string"),
        ("get_list", 5, "an array or a comma-separated string"),
        ("get_list", {"a": 1}, "an array or a comma-separated string"),
    ],
)
def test_typed_getter_on_the_wrong_kind_names_path_and_value(getter: str, value: Any, want: str) -> None:
    cfg = ConfigBuilder().add_memory({"svc": {"v": value}}).build()
    err = _raises(lambda: getattr(cfg, getter)("svc.v"))
    assert err.context["path"] == "svc.v"
    assert err.message.startswith(f'config value "svc.v" must be {want}, got ')
    assert json.dumps(value, separators=(",", ":")) in err.message


@pytest.mark.parametrize(
    "value", ["3O", "1w", "-5s", "", "1 h", "1.2345s", "104249991375d", "h", "1h 30m", -1, True, [1], {"s": 1}, 1e300]
)
def test_get_duration_malformed_names_the_path(value: Any) -> None:
    cfg = ConfigBuilder().add_memory({"server": {"timeout": value}}).build()
    err = _raises(lambda: cfg.get_duration("server.timeout"))
    assert err.context["path"] == "server.timeout"
    assert '"server.timeout"' in err.message
    assert "duration" in err.message


@pytest.mark.parametrize(
    ("value", "ms"),
    [
        ("1h30m", 5_400_000),
        (30, 30_000),
        (1.5, 1500),
        ("250ms", 250),
        ("1.5h", 5_400_000),
        ("2.5ms", 3),
        ("0.0005", 1),
        ("0.0004", 0),
        ("1m1m", 120_000),
        ("45", 45_000),
        ("1d", 86_400_000),
        (0, 0),
    ],
)
def test_get_duration_valid(value: Any, ms: int) -> None:
    cfg = ConfigBuilder().add_memory({"t": value}).build()
    assert cfg.get_duration("t") == ms
    assert parse_duration(value) == ms


def test_section_of_a_non_object_names_the_path(cfg: Any) -> None:
    err = _raises(lambda: cfg.section("tags"))
    assert err.context["path"] == "tags"
    assert err.message == 'config value "tags" is not a section (an object), got array'


# -- typed loading ---------------------------------------------------------------------------


class Level(enum.Enum):
    """A log level."""

    INFO = "info"
    DEBUG = "debug"


@dataclasses.dataclass
class Server:
    """A server block."""

    host: str
    port: int
    timeout: datetime.timedelta = datetime.timedelta(seconds=5)


@dataclasses.dataclass
class App:
    """An application."""

    name: str
    server: Server
    level: Level
    mode: Literal["dev", "prod"]
    tags: list[str]
    limits: dict[str, int]
    ratio: float | None = None


GOOD: dict[str, Any] = {
    "name": "svc",
    "server": {"host": "h", "port": 80},
    "level": "info",
    "mode": "dev",
    "tags": ["a"],
    "limits": {"rps": 10},
    "extra": "ignored",
}


def test_load_good_document() -> None:
    app = ConfigBuilder().add_memory(GOOD).build().load(App)
    assert app == App("svc", Server("h", 80), Level.INFO, "dev", ["a"], {"rps": 10})


@pytest.mark.parametrize(
    ("patch", "path", "rule", "needle"),
    [
        ({"name": None}, "name", "required", "name: is required but not set"),
        ({"server": {"port": None}}, "server.port", "required", "server.port: is required but not set"),
        ({"server": {"port": "eighty"}}, "server.port", "type", 'server.port: must be an integer, got string "eighty"'),
        ({"server": {"port": True}}, "server.port", "type", "server.port: must be an integer, got boolean true"),
        ({"server": {"timeout": "soon"}}, "server.timeout", "type", "server.timeout: must be a duration"),
        ({"server": "h:80"}, "server", "type", "server: must be an object (Server)"),
        ({"level": "loud"}, "level", "type", "level: must be one of 'info', 'debug'"),
        ({"mode": "test"}, "mode", "type", "mode: must be one of 'dev', 'prod'"),
        ({"tags": "a,b"}, "tags", "type", "tags: must be an array"),
        ({"tags": ["a", {"x": 1}]}, "tags.1", "type", "tags.1: must be a string"),
        ({"limits": {"rps": "many"}}, "limits.rps", "type", "limits.rps: must be an integer"),
        ({"limits": [1]}, "limits", "type", "limits: must be an object"),
        ({"ratio": "half"}, "ratio", "type", "ratio: must be float or NoneType"),
    ],
)
def test_load_missing_or_mistyped_field_names_it(patch: dict[str, Any], path: str, rule: str, needle: str) -> None:
    cfg = ConfigBuilder().add_memory(GOOD).add_memory(patch).build()
    err = _raises(lambda: cfg.load(App))
    found = violations(err)
    assert found == [{"path": path, "rule": rule, "message": found[0]["message"]}]
    assert needle in err.message
    assert err.message.startswith("invalid configuration (1 violation): ")


def test_load_reports_every_problem_together() -> None:
    cfg = ConfigBuilder().add_memory({"name": 5, "server": {"port": "x"}, "level": "info", "tags": [1]}).build()
    err = _raises(lambda: cfg.load(App))
    paths = [v["path"] for v in violations(err)]
    assert paths == ["server.host", "server.port", "mode", "limits"]
    # name=5 is accepted as a string ("5") and tags=[1] as ["1"]: the typed getters' conversions.


def test_load_at_a_path_prefixes_the_field_paths() -> None:
    cfg = ConfigBuilder().add_memory({"svc": {"server": {"host": "h"}}}).build()
    err = _raises(lambda: cfg.load(Server, "svc.server"))
    assert violations(err) == [
        {"path": "svc.server.port", "rule": "required", "message": "svc.server.port: is required but not set"}
    ]
    err = _raises(lambda: cfg.load(Server, "svc.nope"))
    assert err.context["path"] == "svc.nope"


def test_load_root_that_is_not_the_class_shape() -> None:
    err = _raises(lambda: ConfigBuilder().add_memory({"tags": [1]}).build().load(list[int], "tags.0"))
    assert violations(err)[0]["path"] == "tags.0"
    assert "must be an array" in err.message


def test_load_unsupported_annotation_is_named() -> None:
    @dataclasses.dataclass
    class Weird:
        blob: bytes

    err = _raises(lambda: ConfigBuilder().add_memory({"blob": "x"}).build().load(Weird))
    assert violations(err)[0]["path"] == "blob"
    assert "unsupported field type" in err.message


def test_load_constructor_error_is_a_violation() -> None:
    @dataclasses.dataclass
    class Positive:
        n: int

        def __post_init__(self) -> None:
            if self.n <= 0:
                raise ValueError("n must be positive")

    err = _raises(lambda: ConfigBuilder().add_memory({"p": {"n": -1}}).build().load(Positive, "p"))
    assert violations(err) == [{"path": "p", "rule": "type", "message": "p: Positive: n must be positive"}]
