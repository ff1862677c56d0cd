"""llm-infra: the pure-Python infrastructure core for LLM-ops services.

Five modules, importable on their own, that behave byte-for-byte the same in CPython,
Pyodide and the TypeScript SDK (``@llm-dev-ops/infra``):

* :mod:`llm_infra.errors` — ``InfraError``, ``ErrorKind``, ``RetryPolicy``, ``retry``
* :mod:`llm_infra.json` — JSON Pointer, dot paths, RFC 6902 patch/diff, RFC 7396, RFC 8785
* :mod:`llm_infra.ids` — UUID v4/v7, ULID, NanoID, Snowflake
* :mod:`llm_infra.crypto` — SHA-2, BLAKE3, HMAC, AES-GCM, Ed25519, Argon2id, JWT
* :mod:`llm_infra.config` — layered, validated configuration

Importing the package does no I/O, reads no randomness and starts no thread.
"""

from .errors import ErrorKind, InfraError

__all__ = ["ErrorKind", "InfraError", "__version__"]

__version__ = "0.1.0"
