"""Print ``--wheels DIR`` arguments for the Pyodide scripts: the freshly built core wheel and its
pure runtime dependencies (built / fetched on demand by llm_infra.conformance._runtimes)."""

from __future__ import annotations

from llm_infra.conformance._runtimes import find_repo, pyodide_wheel_dirs

if __name__ == "__main__":
    print(" ".join(f"--wheels {d}" for d in pyodide_wheel_dirs(find_repo())))
