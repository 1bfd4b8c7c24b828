"""The floor of a light /sparql request: a bare Flask app whose one route does nothing, served by
waitress exactly as `kgqa serve` serves (service.cli.server_options, the same thread count and ident).

What a lookup costs over HTTP above this floor is what kgqa itself adds (guard, hop to a worker,
serialization); the floor is what any Flask + waitress service pays before doing anything.

    python -m tests.benchmarks.floor --port N [--threads 8]
"""
from __future__ import annotations

import argparse
import signal
import sys

from flask import Flask, Response

BODY = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


def app() -> Flask:
    flask_app = Flask(__name__)

    @flask_app.get("/floor")
    def floor():
        return Response(BODY, content_type="application/sparql-results+json")

    return flask_app


def main(argv: list[str] | None = None) -> int:
    import waitress

    from service.cli import server_options
    from service.settings import Settings

    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.floor", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    config = Settings.from_env()
    # the same thread count as `kgqa serve --threads N` (its SPARQL threads included)
    threads = args.threads + (int(config["QUERY_WORKERS"]) or 2) + max(0, int(config["QUERY_QUEUE"]))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    waitress.serve(app(), host=args.host, port=args.port, ident="kgqa", **server_options(config, threads))
    return 0


if __name__ == "__main__":
    sys.exit(main())
