"""``ConfigBuilder``: declare sources and rules, then ``build()`` reads, layers and validates once."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._json_types import JSONObject, JSONValue
from ..errors import InfraError
from ._config import DEFAULT_SECRET_KEYS, Config, SecretMatcher
from ._merge import merge_data, merge_layers
from ._rules import Rule, check_rules, make_rule, rule_from_json, violations_error
from ._sources import Source, env_loader, file_loader, load_text, to_config_document
from ._text import quote

__all__ = ["ConfigBuilder", "load_with_env"]


class ConfigBuilder:
    """Sources (later wins, or numeric ``priority``: higher wins) and rules → :class:`Config`.

    Defaults are always the lowest layer. Nothing is read until :meth:`build`: files and
    ``os.environ`` are read then, every time it is called.

        >>> cfg = (ConfigBuilder()
        ...        .add_defaults({"db": {"host": "localhost", "port": 5432}})
        ...        .add_toml('[db]\\nhost = "db.internal"')
        ...        .add_env(prefix="APP_", vars={"APP_DB__PORT": "6432"})
        ...        .require("db.host").range("db.port", 1, 65535)
        ...        .build())
        >>> cfg.get("db")
        {'host': 'db.internal', 'port': 6432}
    """

    def __init__(self, *, secret_keys: Sequence[str] = DEFAULT_SECRET_KEYS) -> None:
        self._sources: list[Source] = []
        self._rules: list[Rule] = []
        self._secrets = SecretMatcher(secret_keys)

    # -- sources -------------------------------------------------------------------------------

    def _add(
        self, kind: str, label: str, load: Callable[[], JSONObject | None], priority: float | None
    ) -> ConfigBuilder:
        rank = 0.0
        if priority is not None:
            try:
                if isinstance(priority, bool) or not isinstance(priority, (int, float)):
                    raise TypeError
                rank = float(priority)
            except (TypeError, OverflowError):
                rank = math.nan
            if not math.isfinite(rank):
                raise InfraError.config(f"source {quote(label)}: priority must be a finite number", field="priority")
        self._sources.append(Source(kind, label, load, rank, len(self._sources)))
        return self

    def add_memory(
        self, data: Mapping[str, Any], *, label: str = "memory", priority: float | None = None
    ) -> ConfigBuilder:
        """An in-memory mapping (copied and checked now; ``None`` members delete lower values)."""
        doc = to_config_document(data, label)
        return self._add("memory", label, lambda: doc, priority)

    def add_defaults(self, data: Mapping[str, Any], *, label: str = "defaults") -> ConfigBuilder:
        """Default values: always below every other source."""
        doc = to_config_document(data, label)
        return self._add("defaults", label, lambda: doc, None)

    def add_json(self, text: str, *, label: str = "json", priority: float | None = None) -> ConfigBuilder:
        """JSON text (strict: duplicate keys, NaN and the like are errors)."""
        return self._add("json", label, lambda: load_text("json", text, label), priority)

    def add_toml(self, text: str, *, label: str = "toml", priority: float | None = None) -> ConfigBuilder:
        """TOML text (``tomllib``)."""
        return self._add("toml", label, lambda: load_text("toml", text, label), priority)

    def add_yaml(self, text: str, *, label: str = "yaml", priority: float | None = None) -> ConfigBuilder:
        """YAML text (needs PyYAML; ``safe_load``). Python only."""
        return self._add("yaml", label, lambda: load_text("yaml", text, label), priority)

    def add_file(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        required: bool = True,
        label: str | None = None,
        priority: float | None = None,
    ) -> ConfigBuilder:
        """A JSON/TOML/YAML file (format from the suffix unless given); a missing optional file is skipped."""
        name, load = file_loader(path, format, required)
        return self._add("file", label or name, load, priority)

    def add_env(
        self,
        prefix: str = "",
        *,
        separator: str = "__",
        vars: Mapping[str, str] | None = None,
        label: str | None = None,
        priority: float | None = None,
    ) -> ConfigBuilder:
        """Environment variables ``prefix`` + ``A__B`` → ``a.b`` (``os.environ`` unless ``vars``)."""
        the_label = label or f"env:{prefix}"
        snapshot = None if vars is None else dict(vars)
        return self._add("env", the_label, env_loader(prefix, separator, snapshot, the_label), priority)

    # -- rules ---------------------------------------------------------------------------------

    def _rule(
        self, rule: str, path: str, params: dict[str, Any], predicate: Any = None, message: str = ""
    ) -> ConfigBuilder:
        self._rules.append(make_rule(rule, path, params, len(self._rules), predicate, message))
        return self

    def require(self, *paths: str) -> ConfigBuilder:
        """Each path must hold a value."""
        for p in paths:
            self._rule("required", p, {})
        return self

    def expect_type(self, path: str, type: str) -> ConfigBuilder:
        """The value must be of JSON ``type`` (string, integer, number, boolean, object, array, null)."""
        return self._rule("type", path, {"type": type})

    def range(self, path: str, min: float | None = None, max: float | None = None) -> ConfigBuilder:
        """A number within ``min``..``max`` (inclusive)."""
        return self._rule("range", path, {"min": min, "max": max})

    def length(self, path: str, min: int | None = None, max: int | None = None) -> ConfigBuilder:
        """A string (code points) or array whose length is within ``min``..``max``."""
        return self._rule("length", path, {"min": min, "max": max})

    def pattern(self, path: str, pattern: str) -> ConfigBuilder:
        """A string that matches the portable regular expression ``pattern`` completely."""
        return self._rule("pattern", path, {"pattern": pattern})

    def one_of(self, path: str, values: Sequence[JSONValue]) -> ConfigBuilder:
        """A value JSON-equal to one of ``values`` (rule name ``enum``)."""
        return self._rule("enum", path, {"values": list(values)})

    def check(
        self, path: str, predicate: Callable[[Any], bool], message: str = "failed a custom check"
    ) -> ConfigBuilder:
        """A custom predicate on the value (skipped when missing); ``message`` is the violation's text."""
        return self._rule("custom", path, {}, predicate, message)

    def add_rules(self, rules: Sequence[Mapping[str, Any]]) -> ConfigBuilder:
        """Rules in their JSON form, e.g. ``[{"rule": "range", "path": "db.port", "min": 1}]``."""
        if not isinstance(rules, (list, tuple)):
            raise InfraError.config("rules must be an array of rule objects", field="rules")
        for spec in rules:
            self._rules.append(rule_from_json(spec, len(self._rules)))
        return self

    # -- build ---------------------------------------------------------------------------------

    def build(self) -> Config:
        """Read every source, layer them, check every rule; one ``InfraError(config)`` lists all violations."""
        ordered = sorted(self._sources, key=lambda s: (s.kind != "defaults", s.priority, s.order))
        layers: list[JSONObject] = []
        labels: list[str] = []
        for s in ordered:
            doc = s.load()
            if doc is not None:
                layers.append(doc)
                labels.append(s.label)
        data = merge_data(layers)
        if self._rules:
            violations = check_rules(data, self._rules, self._secrets.path, self._secrets.redact)
            if violations:
                raise violations_error(violations)
        return Config(data, lambda: merge_layers(layers)[1], labels, self._secrets)


def load_with_env(path: str | os.PathLike[str], prefix: str, *, separator: str = "__", required: bool = True) -> Config:
    """The config of one file overlaid by the environment variables starting with ``prefix``.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "app.toml")
    ...     _ = open(p, "w").write("[server]\\nport = 80\\n")
    ...     os.environ["DOCTEST_SERVER__PORT"] = "8080"
    ...     load_with_env(p, "DOCTEST_").get_int("server.port")
    8080
    """
    return ConfigBuilder().add_file(path, required=required).add_env(prefix, separator=separator).build()
