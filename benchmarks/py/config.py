"""config: resolve + validate a 200-key configuration from 3 sources vs pydantic-settings.

The configuration is 20 sections × 10 keys (ints, strings, booleans, floats). Both sides read the
same three sources on every call — defaults (all 200 keys), a TOML file on disk (100 keys) and 20
``APP_<SECTION>__<KEY>`` environment variables in ``os.environ`` — layer them (env over file over
defaults) and validate every key: its type, plus a range for each integer and a pattern for each
string. pydantic-settings does this with a nested ``BaseSettings`` model (``ge``/``le``/
``pattern`` constraints, env nesting ``__``, its ``TomlConfigSettingsSource``). Ours is timed twice:
``build()`` with the equivalent 330 rules, and ``build()`` + ``load()`` into nested dataclasses,
which is the closer match to what pydantic hands back (typed objects). Before timing, the two
results are compared, so both sides are known to compute the same configuration.

pydantic-settings needs pydantic-core (native): in Pyodide our cases run without a peer.
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks._harness import Case, Impl, version_of
from llm_infra.config import ConfigBuilder

MODULE = "config"
SECTIONS = [f"s{i:02d}" for i in range(20)]
#: Key → (type, default); k0-k3 ints, k4-k6 strings, k7-k8 booleans, k9 a float.
KEYS: dict[str, tuple[type, Any]] = {
    **{f"k{i}": (int, 100 + i) for i in range(4)},
    **{f"k{i}": (str, f"value-{i}") for i in range(4, 7)},
    "k7": (bool, True),
    "k8": (bool, False),
    "k9": (float, 0.5),
}
INT_RANGE = (0, 100_000)
STR_PATTERN = "[a-z0-9.-]+"


def _defaults() -> dict[str, Any]:
    return {s: {k: d for k, (_, d) in KEYS.items()} for s in SECTIONS}


def _toml_text() -> str:
    """Overrides k0-k4 of every section (100 keys)."""
    lines = []
    for n, s in enumerate(SECTIONS):
        lines.append(f"[{s}]")
        lines += [f"k{i} = {1000 + n * 10 + i}" for i in range(4)]
        lines.append(f'k4 = "file-{s}"')
        lines.append("")
    return "\n".join(lines)


def _env() -> dict[str, str]:
    """Overrides k0 of every section (20 variables)."""
    return {f"APP_{s.upper()}__K0": str(5000 + n) for n, s in enumerate(SECTIONS)}


def _workdir() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="llm-infra-bench-config-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    (tmp / "service.toml").write_text(_toml_text(), encoding="utf-8")
    return tmp


def _ours(toml_path: Path) -> ConfigBuilder:
    builder = ConfigBuilder().add_defaults(_defaults()).add_file(toml_path).add_env("APP_")
    json_type = {int: "integer", str: "string", bool: "boolean", float: "number"}
    for s in SECTIONS:
        for k, (t, _) in KEYS.items():
            path = f"{s}.{k}"
            builder.expect_type(path, json_type[t])
            if t is int:
                builder.range(path, *INT_RANGE)
            elif t is str:
                builder.pattern(path, STR_PATTERN)
    return builder


def _dataclasses() -> type:
    section = dataclasses.make_dataclass("Section", [(k, t) for k, (t, _) in KEYS.items()])
    return dataclasses.make_dataclass("Service", [(s, section) for s in SECTIONS])


def _pydantic(toml_path: Path) -> type | None:
    try:
        from typing import Annotated

        from pydantic import BaseModel, Field, create_model
        from pydantic_settings import BaseSettings, SettingsConfigDict, TomlConfigSettingsSource
    except ImportError:
        return None

    def field(t: type, default: Any) -> Any:
        if t is int:
            return (Annotated[int, Field(ge=INT_RANGE[0], le=INT_RANGE[1])], default)
        if t is str:
            return (Annotated[str, Field(pattern=f"^{STR_PATTERN}$")], default)
        return (t, default)

    section: type[BaseModel] = create_model(  # type: ignore[call-overload]
        "Section", **{k: field(t, d) for k, (t, d) in KEYS.items()}
    )

    class Service(BaseSettings):
        model_config = SettingsConfigDict(
            env_prefix="APP_", env_nested_delimiter="__", case_sensitive=False, toml_file=toml_path, extra="ignore"
        )

        @classmethod
        def settings_customise_sources(cls, settings_cls: Any, init_settings: Any, env_settings: Any,
                                       dotenv_settings: Any, file_secret_settings: Any) -> tuple[Any, ...]:
            return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    service: type = create_model(  # type: ignore[call-overload]
        "ServiceSettings", __base__=Service, **{s: (section, section()) for s in SECTIONS}
    )
    return service


def cases(runtime: str) -> list[Case]:
    tmp = _workdir()
    toml_path = tmp / "service.toml"
    os.environ.update(_env())
    builder = _ours(toml_path)
    service_cls = _dataclasses()
    expected = builder.build().to_dict()
    assert expected["s03"]["k0"] == 5003 and expected["s03"]["k1"] == 1031 and expected["s03"]["k5"] == "value-5"

    peer = None
    settings_cls = _pydantic(toml_path)
    if settings_cls is not None:
        got = settings_cls().model_dump()
        if got != expected:
            raise SystemExit(f"benchmarks.config: pydantic-settings disagrees with ours: {got} != {expected}")
        peer = Impl(version_of("pydantic-settings"), settings_cls)
    assert dataclasses.asdict(builder.build().load(service_cls)) == expected

    notes = {"sources": "defaults 200 keys + TOML file 100 + env 20", "rules": "330 (200 type, 80 range, 60 pattern)"}
    return [
        Case(MODULE, "resolve + validate 200 keys, 3 sources", Impl("llm_infra.config build()", builder.build),
             peer, notes=notes),
        Case(MODULE, "resolve + validate + load into dataclasses",
             Impl("llm_infra.config build().load()", lambda: builder.build().load(service_cls)), peer, notes=notes),
    ]
