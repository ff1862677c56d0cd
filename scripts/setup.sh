#!/usr/bin/env bash
# Set up everything llm-infra's jobs and tests need, on a fresh Debian machine with Python >= 3.11
# and Node >= 20. Idempotent: each step is skipped when its inputs have not changed.
#   .venv/                      Python 3.11 dev environment (core + server editable, dev + fast extras)
#   node_modules/               the npm workspace (TypeScript SDK, Pyodide, test/bench tools)
#   sdk-ts/dist/                the built TypeScript SDK
#   build/pyodide/test-wheels/  pure wheels for running pytest inside Pyodide (Python 3.14)
#   /usr/bin/chromium           Debian's Chromium for the browser tests (apt, as root, when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

say() { printf '[setup] %s\n' "$*" >&2; }
hash_of() { cat "$@" 2>/dev/null | sha256sum | cut -c1-16; }

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for c in python3.11 python3 python; do command -v "$c" >/dev/null 2>&1 && { PY=$c; break; }; done
fi
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { say "need Python >= 3.11 (found $("$PY" --version 2>&1))"; exit 1; }
command -v node >/dev/null || { say "need Node.js >= 20 on PATH"; exit 1; }
node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 20 ? 1 : 0)' || { say "need Node.js >= 20 (found $(node --version))"; exit 1; }

# 1. Python dev environment
[ -x .venv/bin/python ] || { say "creating .venv with $PY"; "$PY" -m venv .venv; }
want=$(hash_of pyproject.toml server/pyproject.toml)
if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$want" ]; then
  say "installing Python packages into .venv"
  .venv/bin/python -m pip install -qq --upgrade pip setuptools wheel
  .venv/bin/python -m pip install -qq -e '.[dev,fast,bench]' -e './server[dev]'
  echo "$want" > .venv/.setup-stamp
fi

# 2. npm workspace (SDK toolchain, Pyodide, ...)
want=$(hash_of package.json package-lock.json sdk-ts/package.json)
if [ ! -d node_modules ] || [ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$want" ]; then
  say "installing the npm workspace"
  if [ -f package-lock.json ]; then npm ci --loglevel=error; else npm install --loglevel=error; fi
  echo "$(hash_of package.json package-lock.json sdk-ts/package.json)" > node_modules/.setup-stamp
fi

# 3. the TypeScript SDK build
say "building the TypeScript SDK"
npm run --silent build >/dev/null

# 4. pure wheels to run the core's pytest suite inside Pyodide (Python 3.14, wheels only)
want=$(hash_of pyproject.toml scripts/setup.sh)
if [ "$(cat build/pyodide/test-wheels/.stamp 2>/dev/null)" != "$want" ]; then
  say "downloading pure test wheels for Pyodide"
  rm -rf build/pyodide/test-wheels && mkdir -p build/pyodide/test-wheels
  .venv/bin/python -m pip download -qq --only-binary=:all: --python-version 3.14 --platform any \
    --implementation py --abi none -d build/pyodide/test-wheels pytest hypothesis
  echo "$want" > build/pyodide/test-wheels/.stamp
fi
# 5. Chromium for the browser tests and the `chromium` runtime (Python Playwright drives Debian's
#    binary; `playwright install` is never used). With CI=true a Chromium we cannot install is fatal.
CHROMIUM=${LLM_INFRA_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Chromium (apt-get install chromium)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      say "could not install Chromium with apt"
      case "${CI:-}" in 1|true|yes) exit 1 ;; esac
    fi
  else
    say "no Chromium at $CHROMIUM (install it: apt-get install chromium); the browser tests will skip"
    case "${CI:-}" in 1|true|yes) exit 1 ;; esac
  fi
fi
say "ready"
