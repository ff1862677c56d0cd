"""Secrets: values under secret-looking keys never show in repr, redacted exports or error messages."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llm_infra.config import DEFAULT_SECRET_KEYS, ConfigBuilder
from llm_infra.errors import ErrorKind, InfraError

from ._support import violations

SECRET = "hunter2-XYZZY"
SECRET_KEYS = st.sampled_from(
    [
        "password",
        "DB_PASSWORD",
        "passwd",
        "Secret",
        "client_secret",
        "token",
        "refresh_tokens",
        "API_KEY",
        "apikey",
        "private_key",
        "credentials",
        "awsCredential",
    ]
)
PLAIN_KEYS = st.sampled_from(["host", "port", "user", "items", "db", "pass", "key", "tok"])


@st.composite
def docs_with_secrets(draw: st.DrawFn) -> tuple[dict[str, Any], int]:
    """A nested document with numbered secret markers under secret keys (and in lists of objects)."""
    counter = [0]

    def marker() -> str:
        counter[0] += 1
        return f"{SECRET}-{counter[0]}"

    def node(depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for _ in range(draw(st.integers(1, 3))):
            choice = draw(st.integers(0, 4 if depth < 3 else 1))
            if choice == 0:
                out[draw(SECRET_KEYS)] = draw(st.sampled_from([marker(), {"nested": marker()}, [marker()]]))
            elif choice == 1:
                out[draw(PLAIN_KEYS)] = draw(st.one_of(st.integers(-5, 5), st.text(alphabet="abc", max_size=3)))
            elif choice == 2:
                out[draw(PLAIN_KEYS)] = node(depth + 1)
            elif choice == 3:
                out[draw(PLAIN_KEYS)] = [node(depth + 1), 1]
            else:
                out[draw(SECRET_KEYS)] = node(depth + 1)
        return out

    doc = node(0)
    return doc, counter[0]


def _secret_paths(doc: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            if any(s in k.lower() for s in DEFAULT_SECRET_KEYS):
                found.append((*path, k))
            else:
                found.extend(_secret_paths(v, (*path, k)))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            found.extend(_secret_paths(v, (*path, str(i))))
    return found


def _at(doc: Any, path: tuple[str, ...]) -> Any:
    for t in path:
        doc = doc[int(t)] if isinstance(doc, list) else doc[t]
    return doc


@settings(max_examples=150)
@given(docs_with_secrets())
def test_repr_and_redacted_export_never_show_a_secret(sample: tuple[dict[str, Any], int]) -> None:
    doc, _ = sample
    cfg = ConfigBuilder().add_memory(doc).build()
    redacted = cfg.to_dict(redact=True)
    assert SECRET not in repr(cfg)
    assert SECRET not in json.dumps(redacted)
    for p in _secret_paths(cfg.to_dict()):
        assert _at(redacted, p) == "***"
    assert cfg.to_dict() == ConfigBuilder().add_memory(doc).build().to_dict()  # redaction copied, not mutated
    if any(SECRET in json.dumps(v) for v in doc.values()):
        assert SECRET in json.dumps(cfg.to_dict())  # …and the real values are still there


def test_redaction_is_by_key_substring_ascii_case_insensitive() -> None:
    cfg = (
        ConfigBuilder()
        .add_memory(
            {
                "db": {"password": SECRET, "user": "u"},
                "API_KEY": SECRET,
                "Secrets": {"a": SECRET},
                "tokens": [SECRET],
                "list": [{"auth_token": SECRET, "id": 1}],
                "PASSWORD_HINT": SECRET,
                "pass": "visible",
            }
        )
        .build()
    )
    assert cfg.to_dict(redact=True) == {
        "db": {"password": "***", "user": "u"},
        "API_KEY": "***",
        "Secrets": "***",
        "tokens": "***",
        "list": [{"auth_token": "***", "id": 1}],
        "PASSWORD_HINT": "***",
        "pass": "visible",
    }
    assert repr(cfg).startswith("Config({")
    assert SECRET not in repr(cfg)
    assert cfg.get("db.password") == SECRET


def test_custom_secret_keys_replace_the_defaults() -> None:
    cfg = ConfigBuilder(secret_keys=["pin"]).add_memory({"PIN": "1234", "password": "visible"}).build()
    assert cfg.to_dict(redact=True) == {"PIN": "***", "password": "visible"}
    with pytest.raises(InfraError) as info:
        ConfigBuilder(secret_keys=["pin"]).add_memory({"pin": 12345}).range("pin", 0, 9).build()
    assert "12345" not in info.value.message
    assert "pin: *** is above the maximum 9" in info.value.message


@pytest.mark.parametrize(
    ("declare", "value"),
    [
        (lambda b: b.range("db.password", 0, 10), 123456789),
        (lambda b: b.range("db.password", 10**12), 123456789),
        (lambda b: b.pattern("db.password", r"\d+"), SECRET),
        (lambda b: b.one_of("db.password", ["x", "y"]), SECRET),
        (lambda b: b.length("db.password", 1, 3), SECRET),
        (lambda b: b.expect_type("db.password", "integer"), SECRET),
        (lambda b: b.range("db.password", 0, 1), SECRET),
        (lambda b: b.check("db.password", lambda v: False, "must be rotated"), SECRET),
        (lambda b: b.check("db.password", lambda v: 1 / 0, "must be rotated"), SECRET),
        (lambda b: b.add_rules([{"rule": "enum", "path": "db.password", "values": [1]}]), SECRET),
        (lambda b: b.one_of("api.token", [1]), SECRET),
        (lambda b: b.range("credentials.aws.id", 0, 1), 123456789),  # a secret parent makes the path secret
    ],
)
def test_rule_violations_never_show_a_secret(declare: Any, value: Any) -> None:
    doc = {"db": {"password": value}, "api": {"token": value}, "credentials": {"aws": {"id": value}}}
    with pytest.raises(InfraError) as info:
        declare(ConfigBuilder().add_memory(doc)).build()
    err = info.value
    assert err.kind is ErrorKind.CONFIG
    text = err.message + json.dumps(err.to_dict())
    assert str(value) not in text
    assert SECRET not in text
    assert len(violations(err)) == 1


@pytest.mark.parametrize(
    ("getter", "value"),
    [
        ("get_int", SECRET),
        ("get_int", "12.5"),
        ("get_float", SECRET),
        ("get_bool", SECRET),
        ("get_str", {"nested": "hunter2-XYZZY"}),
        ("get_list", 987654321),
        ("get_int", True),
    ],
)
def test_typed_getters_never_show_a_secret(getter: str, value: Any) -> None:
    cfg = ConfigBuilder().add_memory({"db": {"password": value}}).build()
    with pytest.raises(InfraError) as info:
        getattr(cfg, getter)("db.password")
    assert info.value.kind is ErrorKind.CONFIG
    assert info.value.context["path"] == "db.password"
    assert '"db.password"' in info.value.message
    assert "***" in info.value.message
    shown = json.dumps(value) if not isinstance(value, str) else value
    assert shown not in info.value.message
    assert SECRET not in info.value.message


@dataclasses.dataclass
class _Creds:
    user: str
    password: int
    token: list[int]


def test_typed_loading_never_shows_a_secret() -> None:
    cfg = ConfigBuilder().add_memory({"user": "u", "password": SECRET, "token": [1, SECRET]}).build()
    with pytest.raises(InfraError) as info:
        cfg.load(_Creds)
    err = info.value
    assert err.kind is ErrorKind.CONFIG
    assert SECRET not in err.message
    assert SECRET not in json.dumps(err.to_dict())
    assert [v["path"] for v in violations(err)] == ["password", "token.1"]


def test_parse_errors_in_a_secrets_file_do_not_quote_it() -> None:
    for text, add in (
        ('{"password": "hunter2-XYZZY" "x": 1}', "add_json"),
        ('password = "hunter2-XYZZY" x', "add_toml"),
        ('password = "hunter2-XYZZY"\npassword = "hunter2-XYZZY"\n', "add_toml"),
    ):
        b = ConfigBuilder()
        getattr(b, add)(text, label="secrets")
        with pytest.raises(InfraError) as info:
            b.build()
        assert info.value.kind is ErrorKind.CONFIG
        assert SECRET not in info.value.message, info.value.message
