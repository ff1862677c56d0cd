"""Playground tool (Python side): layer defaults, TOML and environment variables, check rules, explain each value."""

from __future__ import annotations

import json

from llm_infra_page_kit import document_of, optional

from llm_infra._json_types import JSONObject, JSONValue
from llm_infra.errors import InfraError


def env_vars(text: JSONValue) -> dict[str, str]:
    """``NAME=value`` lines → the variables of the env source (as ``os.environ`` would hold them).

    Blank lines and ``#`` comments are skipped; the value is everything after the first ``=``, as typed.
    """
    variables: dict[str, str] = {}
    seen: dict[str, int] = {}
    for n, raw in enumerate(("" if text is None else str(text)).split("\n"), start=1):
        line = raw.removesuffix("\r")
        bare = line.strip(" \t")
        if not bare or bare.startswith("#"):
            continue
        eq = line.find("=")
        if eq < 0:
            raise InfraError.validation(
                f"env: line {n}: expected NAME=value, got {json.dumps(line, ensure_ascii=False)}", field="env", line=n
            )
        name = line[:eq].strip(" \t")
        if not name:
            raise InfraError.validation(f'env: line {n}: the name before "=" is empty', field="env", line=n)
        if name in seen:
            raise InfraError.validation(
                f"env: line {n}: {json.dumps(name, ensure_ascii=False)} is already set on line {seen[name]}",
                field="env",
                line=n,
            )
        seen[name] = n
        variables[name] = line[eq + 1 :]
    return variables


def run(inp: JSONObject) -> JSONValue:
    from llm_infra.config import ConfigBuilder  # imported on first use: the page imports every tool at start-up

    builder = ConfigBuilder()
    if optional(inp["defaults"]) is not None:
        builder.add_defaults(document_of(inp["defaults"], "defaults"))  # type: ignore[arg-type]
    if optional(inp["toml"]) is not None:
        builder.add_toml(str(inp["toml"]), label="app.toml")
    if optional(inp["env"]) is not None:
        builder.add_env(str(inp["prefix"] or ""), vars=env_vars(inp["env"]))
    if optional(inp["rules"]) is not None:
        rules = document_of(inp["rules"], "rules")
        if not isinstance(rules, list):
            raise InfraError.validation("rules must be a JSON array of rule objects", field="rules")
        builder.add_rules(rules)  # type: ignore[arg-type]
    cfg = builder.build()
    return {"config": cfg.to_dict(redact=True), "explain": cfg.explain_all(), "sources": list(cfg.sources)}  # type: ignore[dict-item]
