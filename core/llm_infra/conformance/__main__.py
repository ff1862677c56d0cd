"""``python -m llm_infra.conformance``: the same as ``llm-infra conformance``."""

import sys

from .cli import main

sys.exit(main(["conformance", *sys.argv[1:]]))
