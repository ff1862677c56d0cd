"""``llm_infra.crypto``: hashing, MACs, AEAD, signatures, password hashing and JWT.

Pure Python everywhere (the implementation Pyodide runs), native packages on CPython when
installed; ``LLM_INFRA_BACKEND=pure|native|auto`` forces a choice and :func:`backends` reports it.
"""

from ._backend import backend_mode, backends, reset_backends

__all__ = ["backend_mode", "backends", "reset_backends"]
