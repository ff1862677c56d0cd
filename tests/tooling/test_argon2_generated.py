"""The checked-in unrolled Argon2 compression function is exactly what its generator writes."""

from __future__ import annotations

import importlib.util

from tests.conftest import REPO


def test_generated_blamka_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen_argon2_blamka", REPO / "scripts" / "gen_argon2_blamka.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.OUT.read_text(encoding="utf-8") == gen.generate(), "run: python scripts/gen_argon2_blamka.py"
