"""llm-infra-server: the optional server-side services built on the pure ``llm_infra`` core.

Layering (enforced by the import-linter contracts in the root ``pyproject.toml``):

* layer 2 — services that depend on the core only: ``otel``, ``logging``, ``metrics``, ``http``,
  ``fs``, ``schema``, ``mq``, ``audit``, ``sim``, ``cache``, ``retry``, ``ratelimit``;
* layer 3 — ``vector``, ``auth``, ``router``, ``adapter`` (the ``InfraAdapter`` facade), which may
  also use layer 2.

The core (``llm_infra``) never imports this package. In-memory backends are the default; each
stateful service gets a Redis backend with the same interface. The services arrive issue by issue;
this release ships the package boundary and its contracts.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
