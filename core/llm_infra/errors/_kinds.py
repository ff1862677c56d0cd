"""``ErrorKind``: the closed vocabulary of failure kinds shared by Python and TypeScript."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ErrorKind"]


class ErrorKind(StrEnum):
    """What went wrong, as a stable lowercase string (identical in the TypeScript SDK).

    >>> ErrorKind("timeout") is ErrorKind.TIMEOUT
    True
    >>> str(ErrorKind.NOT_FOUND)
    'not_found'
    """

    CONFIG = "config"
    VALIDATION = "validation"
    IO = "io"
    HTTP = "http"
    AUTH = "auth"
    EXTERNAL = "external"
    CRYPTO = "crypto"
    SERIALIZATION = "serialization"
    MESSAGE_QUEUE = "message_queue"
    VECTOR = "vector"
    SCHEMA = "schema"
    TIMEOUT = "timeout"
    NOT_FOUND = "not_found"
    INTERNAL = "internal"
