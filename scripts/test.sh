#!/usr/bin/env bash
# Run every test of llm-infra. Sets everything up first (scripts/setup.sh), then runs each suite,
# keeps going after a failure, prints a summary, and exits non-zero if any suite failed.
#   1. pytest on CPython 3.11: core, server, tooling (ruff, mypy --strict, import-linter, CLI, packaging)
#   2. the core's pytest suite on every other CPython >= 3.11 on PATH (python3.12, python3.13)
#   3. the core's pytest suite inside Pyodide (CPython 3.14 on wasm), core installed from its wheel
#   4. the TypeScript SDK's tests (node --test)
#   5. the browser page in Chromium (tests/browser) and the edge worker in workerd (tests/edge)
#   6. the parity matrix over every vector in every runtime (llm-infra conformance --runtime all:
#      cpython, pyodide, node, chromium-pyodide, chromium-ts, workerd, workerd-pyodide)
# With CI=true, tests that need an external component (a browser, a server) fail instead of skipping.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
mkdir -p artifacts

declare -a NAMES=() RESULTS=()
step() {  # step NAME COMMAND...
  local name=$1; shift
  printf '\n===== %s =====\n' "$name"
  local t0=$SECONDS
  "$@"; local rc=$?
  NAMES+=("$name"); RESULTS+=("$rc $((SECONDS - t0))s")
  return 0
}

step "pytest (CPython $(.venv/bin/python -c 'import platform; print(platform.python_version())'))" \
  .venv/bin/python -m pytest -q -p no:cacheprovider --ignore=tests/browser --ignore=tests/edge

WHEELS=$(.venv/bin/python scripts/wheel-dirs.py) || { echo "could not build the core wheel"; exit 1; }
find_python() {  # find_python 3.12 -> a working interpreter of that version, or nothing
  local v=$1 c
  for c in "python$v" /usr/bin/"python$v" /usr/local/bin/"python$v" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/"python$v"; do
    if [ -x "$(command -v "$c" 2>/dev/null)" ] && "$c" -c 'import sys' >/dev/null 2>&1; then echo "$c"; return; fi
  done
}
for v in 3.12 3.13 3.14; do
  py=$(find_python "$v"); [ -n "$py" ] || continue
  venv=.venv-py$v
  if [ ! -x "$venv/bin/python" ]; then "$py" -m venv "$venv" || continue; fi
  # the core from its wheel (as users get it), plus the test tools
  "$venv/bin/python" -m pip install -qq --force-reinstall --no-deps build/wheels/llm_infra-*.whl &&
    "$venv/bin/python" -m pip install -qq pytest hypothesis >/dev/null
  step "pytest tests/core (CPython $v, from the wheel)" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/core
done

# shellcheck disable=SC2086  # WHEELS is a list of arguments
step "pytest tests/core (Pyodide, from the wheel)" \
  node scripts/pyodide-pytest.mjs $WHEELS --wheels build/pyodide/test-wheels -- -q tests/core

step "TypeScript SDK (node --test)" npm test --silent

step "browser tests in Chromium (screenshots: artifacts/screenshots)" \
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/browser

step "edge worker in workerd (tests/edge)" .venv/bin/python -m pytest -q -p no:cacheprovider tests/edge

step "parity matrix (llm-infra conformance --runtime all)" \
  .venv/bin/llm-infra conformance --runtime all --json artifacts/conformance.json

printf '\n===== summary =====\n'
fail=0
for i in "${!NAMES[@]}"; do
  read -r rc took <<<"${RESULTS[$i]}"
  if [ "$rc" = 0 ]; then status=ok; else status="FAILED (exit $rc)"; fail=1; fi
  printf '%-60s %-18s %s\n' "${NAMES[$i]}" "$status" "$took"
done
exit $fail
