"""A realistic service configuration: files in a directory, environment overrides, rules, typed loading.

(No ``from __future__ import annotations`` here: the msgspec Structs are defined inside a test,
and ``Config.load`` resolves annotations with ``typing.get_type_hints``.)
"""

import dataclasses
import datetime
import enum
import json
from pathlib import Path
from typing import Any, Literal

import pytest

from llm_infra.config import ConfigBuilder, load_with_env
from llm_infra.errors import ErrorKind, InfraError

from ._support import violations

BASE_TOML = """\
name = "api-gateway"
mode = "staging"

[server]
host = "0.0.0.0"
port = 8000
timeout = "30s"
workers = 4

[db]
host = "localhost"
port = 5432
user = "app"

[db.pool]
min = 1
max = 10

[logging]
level = "info"
format = "text"
sample_rate = 0.25

[features]
enabled = ["search", "beta-ui"]
"""

PRODUCTION_JSON = {
    "mode": "production",
    "server": {"host": "api.example.com", "timeout": "1m30s"},
    "db": {"host": "db.internal", "pool": {"max": 20}},
    "logging": {"format": None, "level": "warning"},
    "features": {"enabled": ["search"]},
}

SECRETS_TOML = """\
[db]
password = "hunter2-db"

[api]
token = "tok-0123456789"
"""

ENV = {
    "APP_SERVER__PORT": "9443",
    "APP_DB__POOL__MAX": "50",
    "APP_DEBUG": "false",
    "APP_SERVER__WORKERS": "8",
    "UNRELATED": "x",
}


class Mode(enum.Enum):
    """Deployment mode, loaded by value."""

    STAGING = "staging"
    PRODUCTION = "production"


@dataclasses.dataclass(frozen=True)
class ServerSettings:
    """The HTTP server."""

    host: str
    port: int
    timeout: datetime.timedelta
    workers: int = 1


@dataclasses.dataclass(frozen=True)
class PoolSettings:
    """The connection pool."""

    min: int
    max: int


@dataclasses.dataclass(frozen=True)
class DbSettings:
    """The database."""

    host: str
    port: int
    user: str
    password: str
    pool: PoolSettings


@dataclasses.dataclass(frozen=True)
class LoggingSettings:
    """Logging."""

    level: Literal["debug", "info", "warning", "error"]
    sample_rate: float
    format: str = "json"


@dataclasses.dataclass(frozen=True)
class ServiceSettings:
    """The whole service."""

    name: str
    mode: Mode
    server: ServerSettings
    db: DbSettings
    logging: LoggingSettings
    features: dict[str, list[str]]
    debug: bool = True
    api_token: str | None = None


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A directory with base.toml, production.json and secrets.toml."""
    (tmp_path / "base.toml").write_text(BASE_TOML, encoding="utf-8")
    (tmp_path / "production.json").write_text(json.dumps(PRODUCTION_JSON, indent=2), encoding="utf-8")
    (tmp_path / "secrets.toml").write_text(SECRETS_TOML, encoding="utf-8")
    return tmp_path


def _sources(d: Path, env: dict[str, str] | None = None) -> ConfigBuilder:
    return (
        ConfigBuilder()
        .add_defaults({"server": {"port": 8000, "workers": 1}, "debug": True})
        .add_file(d / "base.toml")
        .add_file(d / "production.json")
        .add_file(d / "local.toml", required=False)  # absent: skipped
        .add_file(d / "secrets.toml")
        .add_env("APP_", vars=ENV if env is None else env)
    )


def _builder(d: Path, env: dict[str, str] | None = None) -> ConfigBuilder:
    return (
        _sources(d, env)
        .require("name", "server.host", "db.host", "db.password", "api.token")
        .range("server.port", 1, 65535)
        .range("db.pool.max", 1, 100)
        .range("logging.sample_rate", 0, 1)
        .pattern("server.host", r"[a-z0-9.-]+")
        .pattern("name", r"[a-z][a-z0-9-]{2,62}")
        .one_of("logging.level", ["debug", "info", "warning", "error"])
        .one_of("mode", ["staging", "production"])
        .expect_type("db.port", "integer")
        .length("features.enabled", 1, 10)
    )


def test_layers_rules_and_typed_getters(config_dir: Path) -> None:
    cfg = _builder(config_dir).build()
    base, prod, secrets = (str(config_dir / n) for n in ("base.toml", "production.json", "secrets.toml"))
    assert cfg.sources == ("defaults", base, prod, secrets, "env:APP_")

    assert cfg.get_int("server.port") == 9443
    assert cfg.get_str("server.host") == "api.example.com"
    assert cfg.get_duration("server.timeout") == 90_000
    assert cfg.get_int("server.workers") == 8
    assert cfg.get_bool("debug") is False
    assert cfg.get_int("db.pool.min") == 1
    assert cfg.get_int("db.pool.max") == 50
    assert cfg.get_float("logging.sample_rate") == 0.25
    assert cfg.get_list("features.enabled") == ["search"]  # the array was replaced whole
    assert "logging.format" not in cfg  # deleted by production.json's null
    assert cfg.get("logging") == {"level": "warning", "sample_rate": 0.25}
    assert cfg.get_str("db.password") == "hunter2-db"  # access is not redacted; output is
    assert "unrelated" not in cfg

    assert cfg.explain("server.port") == "env:APP_"
    assert cfg.explain("server.host") == prod
    assert cfg.explain("server.timeout") == prod
    assert cfg.explain("db.port") == base
    assert cfg.explain("db.host") == prod
    assert cfg.explain("db.password") == secrets
    assert cfg.explain("db.pool.min") == base
    assert cfg.explain("db.pool.max") == "env:APP_"
    assert cfg.explain("db.pool") == "env:APP_"  # an object: the source that touched it last
    assert cfg.explain("db") == "env:APP_"
    assert cfg.explain("logging") == prod
    assert cfg.explain("features.enabled.0") == prod  # an element: its array's source
    assert cfg.explain("debug") == "env:APP_"
    assert cfg.explain("name") == base
    assert cfg.explain_all() == {
        "name": base,
        "mode": prod,
        "server.host": prod,
        "server.port": "env:APP_",
        "server.timeout": prod,
        "server.workers": "env:APP_",
        "db.host": prod,
        "db.port": base,
        "db.user": base,
        "db.password": secrets,
        "db.pool.min": base,
        "db.pool.max": "env:APP_",
        "logging.level": prod,
        "logging.sample_rate": base,
        "features.enabled": prod,
        "api.token": secrets,
        "debug": "env:APP_",
    }

    shown = repr(cfg) + json.dumps(cfg.to_dict(redact=True))
    assert "hunter2-db" not in shown
    assert "tok-0123456789" not in shown
    redacted: Any = cfg.to_dict(redact=True)
    assert redacted["db"]["password"] == "***"
    assert redacted["api"] == {"token": "***"}


def test_load_into_dataclasses(config_dir: Path) -> None:
    cfg = _builder(config_dir).build()
    settings = cfg.load(ServiceSettings)
    assert settings == ServiceSettings(
        name="api-gateway",
        mode=Mode.PRODUCTION,
        server=ServerSettings(host="api.example.com", port=9443, timeout=datetime.timedelta(seconds=90), workers=8),
        db=DbSettings(
            host="db.internal",
            port=5432,
            user="app",
            password="hunter2-db",
            pool=PoolSettings(min=1, max=50),
        ),
        logging=LoggingSettings(level="warning", sample_rate=0.25, format="json"),  # the default after the delete
        features={"enabled": ["search"]},
        debug=False,
        api_token=None,
    )
    assert cfg.load(PoolSettings, "db.pool") == PoolSettings(min=1, max=50)
    assert cfg.section("db").load(DbSettings) == settings.db


def test_env_text_is_converted_by_the_field_type(config_dir: Path) -> None:
    """Env values that stay strings ("1e3", "yes") are converted by the typed getters' rules."""
    env = {**ENV, "APP_SERVER__PORT": '"8443"', "APP_DEBUG": "yes", "APP_LOGGING__SAMPLE_RATE": '"0.5"'}
    cfg = _sources(config_dir, env).expect_type("server.port", "string").build()
    assert cfg.get("server.port") == "8443"
    settings = cfg.load(ServiceSettings)
    assert settings.server.port == 8443
    assert settings.debug is True
    assert settings.logging.sample_rate == 0.5


def test_every_violation_is_reported_at_once(config_dir: Path) -> None:
    env = {
        "APP_SERVER__PORT": "70000",
        "APP_SERVER__HOST": "API.Example.com",
        "APP_DB__POOL__MAX": "0",
        "APP_LOGGING__LEVEL": "loud",
        "APP_DB__PORT": '"5432"',
        "APP_FEATURES__ENABLED": "[]",
        "APP_API__TOKEN": "null",
    }
    with pytest.raises(InfraError) as info:
        _builder(config_dir, env).build()
    err = info.value
    assert err.kind is ErrorKind.CONFIG
    found = violations(err)
    assert [(v["path"], v["rule"]) for v in found] == [
        ("api.token", "required"),
        ("server.port", "range"),
        ("db.pool.max", "range"),
        ("server.host", "pattern"),
        ("logging.level", "enum"),
        ("db.port", "type"),
        ("features.enabled", "length"),
    ]
    assert err.message.startswith("invalid configuration (7 violations): ")
    for v in found:
        assert v["message"] in err.message
    assert "server.port: 70000 is above the maximum 65535" in err.message
    assert 'server.host: "API.Example.com" does not match the pattern' in err.message
    assert "db.port: must be of type integer, got string" in err.message


def test_missing_required_file_names_it(config_dir: Path) -> None:
    (config_dir / "secrets.toml").unlink()
    with pytest.raises(InfraError) as info:
        _builder(config_dir).build()
    assert info.value.kind is ErrorKind.CONFIG
    assert info.value.context["source"] == str(config_dir / "secrets.toml")
    assert str(config_dir / "secrets.toml") in info.value.message
    assert "not found" in info.value.message


def test_files_are_read_on_every_build(config_dir: Path) -> None:
    builder = _builder(config_dir)
    assert builder.build().get_str("db.user") == "app"
    (config_dir / "local.toml").write_text('[db]\nuser = "local"\n', encoding="utf-8")
    cfg = builder.build()
    assert cfg.get_str("db.user") == "local"
    assert cfg.explain("db.user") == str(config_dir / "local.toml")
    assert str(config_dir / "local.toml") in cfg.sources


def test_load_with_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "app.toml"
    path.write_text("[server]\nport = 80\nhost = 'h'\n", encoding="utf-8")
    monkeypatch.setenv("LLMINFRA_SVC_TEST_SERVER__PORT", "8080")
    cfg = load_with_env(path, "LLMINFRA_SVC_TEST_")
    assert cfg.get_int("server.port") == 8080
    assert cfg.explain("server.port") == "env:LLMINFRA_SVC_TEST_"
    assert cfg.explain("server.host") == str(path)
    assert load_with_env(tmp_path / "none.toml", "LLMINFRA_SVC_TEST_", required=False).get_int("server.port") == 8080


def test_load_into_msgspec_structs(config_dir: Path) -> None:
    msgspec = pytest.importorskip("msgspec")

    class Pool(msgspec.Struct):  # type: ignore[misc,name-defined]
        min: int
        max: int

    class Db(msgspec.Struct):  # type: ignore[misc,name-defined]
        host: str
        port: int
        password: str
        pool: Pool
        user: str = "nobody"

    class Server(msgspec.Struct):  # type: ignore[misc,name-defined]
        host: str
        port: int
        timeout: datetime.timedelta

    class Service(msgspec.Struct):  # type: ignore[misc,name-defined]
        name: str
        server: Server
        db: Db
        mode: Mode
        tags: list[str] = []  # noqa: RUF012 -- msgspec copies mutable defaults

    cfg = _builder(config_dir).build()
    got: Any = cfg.load(Service)
    assert isinstance(got, Service)
    assert got.server == Server(host="api.example.com", port=9443, timeout=datetime.timedelta(seconds=90))
    assert got.db == Db(host="db.internal", port=5432, password="hunter2-db", pool=Pool(min=1, max=50), user="app")
    assert got.mode is Mode.PRODUCTION
    assert got.tags == []

    broken = ConfigBuilder().add_memory({"host": "h", "port": "eighty", "pool": {"min": 1}}).build()
    with pytest.raises(InfraError) as info:
        broken.load(Db)
    assert info.value.kind is ErrorKind.CONFIG
    paths = {(v["path"], v["rule"]) for v in violations(info.value)}
    assert paths == {("port", "type"), ("password", "required"), ("pool.max", "required")}
