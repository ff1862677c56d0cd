"""Edge routes of the config module, Python side (Pyodide inside workerd); served under ``/py``.

The body is read by the library's strict ``parse`` (duplicate keys, NaN are 400 serialization
errors); the members the library does not check are checked here with the TypeScript side's words."""

from __future__ import annotations

import json
from typing import Any

from llm_infra_edge import Request, route

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.config import ConfigBuilder
from llm_infra.errors import InfraError
from llm_infra.json import parse

#: The members each source type takes (the first one is required).
SOURCE_KEYS: dict[str, tuple[str, ...]] = {
    "defaults": ("data", "label"),
    "memory": ("data", "label", "priority"),
    "json": ("text", "label", "priority"),
    "toml": ("text", "label", "priority"),
    "env": ("vars", "prefix", "separator", "label", "priority"),
}
_KINDS = ", ".join(SOURCE_KEYS)


def _optional_string(src: JSONObject, name: str, where: str) -> str | None:
    if name not in src:
        return None
    value = src[name]
    if not isinstance(value, str):
        raise InfraError.validation(f"body.{where}.{name} must be a string", field=f"{where}.{name}")
    return value


def _add_source(builder: ConfigBuilder, src: JSONValue, i: int) -> None:
    """Add ``body.sources[i]`` to ``builder``, checking the members the library does not check itself."""
    where = f"sources[{i}]"
    if not isinstance(src, dict):
        raise InfraError.validation(f"body.{where} must be an object", field=where)
    kind = src.get("type")
    keys = SOURCE_KEYS.get(kind) if isinstance(kind, str) else None
    if keys is None:
        raise InfraError.validation(f"body.{where}.type must be one of {_KINDS}", field=f"{where}.type")
    extra = sorted(k for k in src if k != "type" and k not in keys)
    if extra:
        raise InfraError.validation(
            f"body.{where}: unknown member {json.dumps(extra[0], ensure_ascii=False)} for a {kind} source "
            f"({', '.join(keys)})",
            field=f"{where}.{extra[0]}",
        )
    main = keys[0]
    if main not in src:
        raise InfraError.validation(f"body.{where}.{main} is required for a {kind} source", field=f"{where}.{main}")
    options: dict[str, Any] = {}
    label = _optional_string(src, "label", where)
    if label is not None:
        options["label"] = label
    if kind != "defaults" and "priority" in src:
        options["priority"] = src["priority"]  # the library refuses anything but a number, naming the source
    if kind == "defaults":
        builder.add_defaults(src["data"], **options)  # type: ignore[arg-type]  # an object, or the library says so
    elif kind == "memory":
        builder.add_memory(src["data"], **options)  # type: ignore[arg-type]
    elif kind in ("json", "toml"):
        text = _optional_string(src, "text", where)
        assert text is not None
        (builder.add_json if kind == "json" else builder.add_toml)(text, **options)
    else:
        variables = src["vars"]
        if not isinstance(variables, dict):
            raise InfraError.validation(f"body.{where}.vars must be an object of strings", field=f"{where}.vars")
        for name, value in variables.items():
            if not isinstance(value, str):
                raise InfraError.validation(
                    f"body.{where}.vars: the value of {json.dumps(name, ensure_ascii=False)} must be a string",
                    field=f"{where}.vars",
                )
        prefix = _optional_string(src, "prefix", where)
        separator = _optional_string(src, "separator", where)
        builder.add_env(
            "" if prefix is None else prefix,
            separator="__" if separator is None else separator,
            vars=variables,  # type: ignore[arg-type]
            **options,
        )


@route(
    "POST",
    "/config/resolve",
    "Layer sources and check rules: {sources: [{type: defaults|memory (data) | json|toml (text) | env (vars, "
    "prefix?, separator?), label?, priority?}], rules?} → {config (secrets redacted), explain (leaf path → "
    "source), sources}; a failing rule is 400 config with context.violations",
)
def config_resolve(req: Request) -> JSONValue:
    body = parse(req.body)
    if not isinstance(body, dict):
        raise InfraError.validation("body must be a JSON object", field="body")
    sources = body.get("sources")
    if not isinstance(sources, list):
        raise InfraError.validation("body.sources must be an array of sources", field="sources")
    builder = ConfigBuilder()
    for i, src in enumerate(sources):
        _add_source(builder, src, i)
    rules = body.get("rules")
    if rules is None:
        rules = []
    if not isinstance(rules, list):
        raise InfraError.validation("body.rules must be an array of rule objects", field="rules")
    builder.add_rules(rules)  # type: ignore[arg-type]
    cfg = builder.build()
    return {"config": cfg.to_dict(redact=True), "explain": cfg.explain_all(), "sources": list(cfg.sources)}  # type: ignore[dict-item]
