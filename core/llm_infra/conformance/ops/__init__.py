"""Built-in vector ops, one module per core module; importing this package registers them all."""

from . import errors, json  # noqa: F401
