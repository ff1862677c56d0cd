"""Vector ops of ``llm_infra.config``: ``config.resolve``, ``config.check``, ``config.get``, ``config.explain``.

Input (all ops): ``sources`` — ``{type: memory|defaults, data}``, ``{type: json|toml, text}``,
``{type: env, prefix, separator?, vars}``, each with optional ``label`` and ``priority`` —,
``rules?`` (their JSON form), ``secret_keys?``. ``config.check`` reports an error as
``{ok: false, error: {kind, message, context}}`` (without the message for parse errors, whose
wording is the parser's own); ``config.get`` takes ``path``, ``as?`` and ``default?``.
"""

from __future__ import annotations

from typing import Any

from ..._json_types import JSONObject
from ...config import DEFAULT_SECRET_KEYS, Config, ConfigBuilder
from ...errors import InfraError
from .._registry import register
from ._inputs import opt, req_list, req_str


def _build(inp: JSONObject) -> Config:
    keys = opt(inp, "secret_keys")
    b = ConfigBuilder(secret_keys=DEFAULT_SECRET_KEYS if keys is None else keys)  # type: ignore[arg-type]
    for i, s in enumerate(req_list(inp, "sources")):
        if not isinstance(s, dict):
            raise InfraError.validation(f"input.sources[{i}] must be an object", field=f"sources[{i}]")
        t = s.get("type")
        label: Any = s.get("label")
        prio: Any = s.get("priority")
        if t in ("memory", "defaults"):
            data: Any = s.get("data")
            if not isinstance(data, dict):
                raise InfraError.validation(f"input.sources[{i}].data must be an object", field=f"sources[{i}].data")
            if t == "memory":
                b.add_memory(data, label=label or "memory", priority=prio)
            else:
                b.add_defaults(data, label=label or "defaults")
        elif t in ("json", "toml"):
            text = req_str(s, "text")
            (b.add_json if t == "json" else b.add_toml)(text, label=label or t, priority=prio)
        elif t == "env":
            variables: Any = s.get("vars")
            if not isinstance(variables, dict):
                raise InfraError.validation(f"input.sources[{i}].vars must be an object", field=f"sources[{i}].vars")
            b.add_env(
                s.get("prefix", ""),  # type: ignore[arg-type]
                separator=s.get("separator", "__"),  # type: ignore[arg-type]
                vars=variables,
                label=label,
                priority=prio,
            )
        else:
            raise InfraError.validation(f"input.sources[{i}].type {t!r} is unknown", field=f"sources[{i}].type")
    rules = opt(inp, "rules")
    if rules is not None:
        b.add_rules(rules)  # type: ignore[arg-type]
    return b.build()


@register("config.resolve")
def resolve(inp: JSONObject) -> JSONObject:
    return {"config": _build(inp).to_dict(redact=opt(inp, "redact") is True)}


@register("config.check")
def check(inp: JSONObject) -> JSONObject:
    try:
        cfg = _build(inp)
    except InfraError as err:
        out: JSONObject = {"kind": err.kind.value, "context": err.context}
        if "line" not in err.context:
            out["message"] = err.message
        return {"ok": False, "error": out}
    return {"ok": True, "config": cfg.to_dict(redact=opt(inp, "redact") is True)}


_GETTERS = {
    "any": Config.get,
    "int": Config.get_int,
    "float": Config.get_float,
    "bool": Config.get_bool,
    "str": Config.get_str,
    "duration": Config.get_duration,
    "list": Config.get_list,
}


@register("config.get")
def get(inp: JSONObject) -> JSONObject:
    cfg = _build(inp)
    kind = opt(inp, "as", "any")
    getter = _GETTERS.get(kind) if isinstance(kind, str) else None
    if getter is None:
        raise InfraError.validation(f"input.as must be one of {', '.join(_GETTERS)}", field="as")
    path = req_str(inp, "path")
    if "default" in inp:
        return {"value": getter(cfg, path, inp["default"])}
    return {"value": getter(cfg, path)}


@register("config.explain")
def explain(inp: JSONObject) -> JSONObject:
    cfg = _build(inp)
    return {"origins": cfg.explain_all(), "sources": list(cfg.sources)}  # type: ignore[dict-item]
