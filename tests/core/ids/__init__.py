"""Tests of llm_infra.ids (they also run inside Pyodide: stdlib + pytest + hypothesis only)."""
