"""Built-in vector ops, one module per core module; importing this package registers them all."""

from . import config, crypto_asym, crypto_jwt, crypto_sym, errors, ids, json  # noqa: F401
