"""The runnable examples in the module docstrings of Ed25519, Argon2id and password hashing."""

from __future__ import annotations

import doctest
import importlib

import pytest

from llm_infra.crypto import reset_backends

MODULES = ["_ed25519", "_ed25519_pure", "_argon2", "_argon2_pure", "_argon2_blamka", "_password", "_asym_inputs"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(f"llm_infra.crypto.{name}")
    reset_backends()
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
