"""The ``llm-infra`` command line.

``llm-infra conformance [PATH ...] [--runtime NAME ...] [--json FILE]`` runs every vector file
under the given paths (default: the checkout's ``conformance/vectors``) in each runtime and
prints the parity matrix (op × runtime). Exit status: 0 when every case passed, 1 when any case
failed or a runtime could not run, 2 on bad usage.

``llm-infra serve [--port N] [--host ADDR] [--build-only]`` builds the browser page (Pyodide, the
core wheel, the SDK bundle, the vector manifest: ``build/browser/site``) and serves it on
127.0.0.1, printing its URL.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .._json_types import JSONObject
from ..errors import InfraError

__all__ = ["main"]


def _relative(path: Path) -> Path:
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _conformance(args: argparse.Namespace) -> int:
    from ._report import render_matrix, report_json
    from ._runner import vector_files
    from ._runtimes import RUNTIMES, find_repo

    names: list[str] = []
    for name in args.runtime or ["cpython"]:
        for n in (list(RUNTIMES) if name == "all" else [name]):
            if n not in names:
                names.append(n)
    paths = [Path(p) for p in args.paths] or [find_repo() / "conformance" / "vectors"]
    files = [_relative(f) for f in vector_files(paths)]
    if not files:
        raise InfraError.not_found("no vector files under the given paths", paths=[str(p) for p in paths])
    results: list[JSONObject] = []
    errors: dict[str, str] = {}
    columns: list[str] = []
    for name in names:
        runtime = RUNTIMES[name]
        columns.extend(runtime.report_names)
        print(f"running {len(files)} vector file(s) in {name} ({runtime.description}) ...", file=sys.stderr, flush=True)
        try:
            results.extend(runtime.run(files))
        except InfraError as exc:
            for report_name in runtime.report_names:
                errors[report_name] = f"{exc.kind.value}: {exc.message}"
    print(render_matrix(results, columns, errors))
    if args.json:
        Path(args.json).write_text(json.dumps(report_json(results, errors), indent=1) + "\n", encoding="utf-8")
    failed = any(r["failed"] for r in results)
    unsupported = any(r["unsupported"] for r in results)
    return 1 if failed or errors or (args.fail_on_unsupported and unsupported) else 0


def _serve(args: argparse.Namespace) -> int:
    from ._site import SiteServer, build_site

    site = build_site(force=args.rebuild)
    if args.build_only:
        print(site)
        return 0
    try:
        server = SiteServer(site, args.host, args.port, log=args.verbose)
    except OSError as exc:
        raise InfraError.from_exception(exc, message=f"cannot listen on {args.host}:{args.port}: {exc}") from exc
    print(f"llm-infra: serving the browser page at {server.url} (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


def _parser() -> argparse.ArgumentParser:
    from ._runtimes import RUNTIMES

    parser = argparse.ArgumentParser(prog="llm-infra", description="llm-infra developer commands.")
    sub = parser.add_subparsers(dest="command", required=True)
    conf = sub.add_parser(
        "conformance",
        help="run the conformance vectors in one or more runtimes and print the parity matrix",
        description="Run llm-infra-vectors/1 files in each runtime; exit 1 on any failure.",
    )
    conf.add_argument("paths", nargs="*", help="vector files or directories (default: conformance/vectors)")
    conf.add_argument(
        "--runtime", action="append", choices=[*RUNTIMES, "all"],
        help="where to run them (repeatable; default cpython; 'all' = every runtime)",
    )
    conf.add_argument("--json", metavar="FILE", help="also write the llm-infra-conformance-report/1 JSON here")
    conf.add_argument("--fail-on-unsupported", action="store_true", help="exit 1 when an op is unsupported anywhere")
    conf.set_defaults(func=_conformance)
    serve = sub.add_parser(
        "serve",
        help="build the browser page (parity panel + playground) and serve it on 127.0.0.1",
        description="Build build/browser/site from the checkout and serve it; prints the URL.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 = any free port)")
    serve.add_argument("--build-only", action="store_true", help="build the site, print its directory and exit")
    serve.add_argument("--rebuild", action="store_true", help="rebuild even when no input changed")
    serve.add_argument("--verbose", action="store_true", help="log every request to stderr")
    serve.set_defaults(func=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``llm-infra`` script; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except InfraError as exc:
        print(f"llm-infra: {exc.kind.value}: {exc.message}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUTF8", "1")
    sys.exit(main())
