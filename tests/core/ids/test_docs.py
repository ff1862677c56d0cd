"""The examples in the ids module docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["llm_infra.ids", "llm_infra.ids._uuid", "llm_infra.ids._ulid", "llm_infra.ids._nanoid",
           "llm_infra.ids._snowflake"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
