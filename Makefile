# llm-infra — every target sets up what it needs first (scripts/setup.sh is idempotent).
.PHONY: parity test setup bench vectors clean

## The main job: set up, then print the cross-runtime parity matrix over every conformance vector.
parity: setup
	.venv/bin/llm-infra conformance --runtime all --json artifacts/conformance.json

## Every test: Python (3.11, other CPythons, Pyodide), TypeScript, static checks, the parity matrix.
test:
	scripts/test.sh

setup:
	@scripts/setup.sh
	@mkdir -p artifacts

## Benchmarks: our code vs the well-known peer, ratios printed (pass ARGS="ids --quick" etc.).
bench: setup
	.venv/bin/python -m benchmarks $(ARGS)

## Regenerate the conformance vectors from their generators (fixed seeds, independent sources).
vectors: setup
	@for g in conformance/generators/*_vectors.py; do echo "$$g"; .venv/bin/python "$$g" || exit 1; done

clean:
	rm -rf build artifacts sdk-ts/dist sdk-ts/dist-test .venv-py3.*
