"""Layered configuration: files, environment and memory, merged, validated, the same in Python and TS.

Sources are layered lowest first — defaults, then every other source in the order added (or by
numeric ``priority``, higher wins) — with RFC 7396 merge-patch semantics: objects merge deeply,
``null`` deletes, arrays and scalars replace whole. ``explain(path)`` names the source a value
came from. Rules (required, type, range, length, pattern, enum, custom) are checked after
layering and every violation is reported in one ``InfraError(kind=config)`` whose context is
``{"violations": [{"path", "rule", "message"}, ...]}``. Values under secret-looking keys
(password, secret, token, api_key, private_key, credential…) are redacted as ``***`` in
``repr``, ``to_dict(redact=True)`` and messages. ``@llm-dev-ops/infra/config`` behaves identically
(the ``config.*`` conformance vectors prove it).

Nothing is read at import: files and ``os.environ`` are read by ``ConfigBuilder.build()``; in
Pyodide a file source reads the virtual file system and ``add_env(vars=...)`` takes a mapping.

    >>> from llm_infra.config import ConfigBuilder
    >>> cfg = (ConfigBuilder()
    ...        .add_defaults({"server": {"port": 8000, "timeout": "30s"}, "db": {"password": "dev"}})
    ...        .add_json('{"server": {"port": 9000}, "features": ["a", "b"]}', label="prod.json")
    ...        .add_env("APP_", vars={"APP_SERVER__PORT": "9443", "APP_DB__PASSWORD": "s3cret"})
    ...        .range("server.port", 1, 65535)
    ...        .build())
    >>> cfg.get_int("server.port"), cfg.get_duration("server.timeout"), cfg.explain("features")
    (9443, 30000, 'prod.json')
    >>> cfg
    Config({'server': {'port': 9443, 'timeout': '30s'}, 'db': {'password': '***'}, 'features': ['a', 'b']})

See docs/config.md for every decision (env coercion, durations, the portable pattern subset).
"""

from ._builder import ConfigBuilder, load_with_env
from ._config import DEFAULT_SECRET_KEYS, Config, parse_duration
from ._env import coerce_env_value
from ._pattern import translate as translate_pattern
from ._rules import TYPES

__all__ = [
    "DEFAULT_SECRET_KEYS",
    "TYPES",
    "Config",
    "ConfigBuilder",
    "coerce_env_value",
    "load_with_env",
    "parse_duration",
    "translate_pattern",
]
