"""``random_bytes``: bytes from the operating system's CSPRNG.

CPython reads ``os.urandom`` (``getrandom(2)`` on Linux); Pyodide maps it to the browser's or
Node's ``crypto.getRandomValues``. Nothing is read at import time.

    >>> from llm_infra.crypto import random_bytes
    >>> len(random_bytes(16))
    16
"""

from __future__ import annotations

import os

from ._checks import as_length

__all__ = ["random_bytes"]


def random_bytes(n: int) -> bytes:
    """``n`` (0 .. 16 MiB) cryptographically secure random bytes."""
    return os.urandom(as_length(n, "n"))
