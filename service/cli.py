"""The `kgqa` command line. Only this module and service/web import click or flask."""
from __future__ import annotations

import json
import signal
import sys

import click

from . import live
from .errors import KgqaError
from .settings import Settings


def _settings(store=None, endpoint=None, update_endpoint=None, **more) -> Settings:
    """The environment's settings with the command line's options over them."""
    return Settings.from_env({"STORE": store, "ENDPOINT": endpoint, "UPDATE_ENDPOINT": update_endpoint, **more})


def store_options(update: bool = False):
    def decorate(fn):
        fn = click.option("--endpoint", envvar="KGQA_ENDPOINT", help="SPARQL endpoint of a remote store.")(fn)
        if update:
            fn = click.option("--update-endpoint", envvar="KGQA_UPDATE_ENDPOINT",
                              help="SPARQL update endpoint of the remote store.")(fn)
        return click.option("--store", envvar="KGQA_STORE", type=click.Path(file_okay=False),
                            help="Folder of the embedded store [default: var/store].")(fn)
    return decorate


def _open(settings: Settings):
    """The application object of these settings (closed by `with`)."""
    from .app import Kgqa

    return Kgqa(settings)


def _server(settings: Settings):
    """The `kgqa serve` running on this embedded store, if one is (service/live.py)."""
    return None if settings.endpoint else live.find(settings.store)


def fail(err: KgqaError) -> None:
    click.echo(f"kgqa: error: {err.message}", err=True)
    sys.exit(2 if err.status < 500 else 1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kgqa")
def main():
    """kgqa: questions over news, answered from a knowledge graph, every answer grounded in its source."""


@main.command()
@store_options(update=True)
@click.option("--force", is_flag=True, help="Re-extract documents even when unchanged.")
@click.option("--processes", type=int, default=None, help="spaCy processes (default: KGQA_INGEST_PROCESSES).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def ingest(store, endpoint, update_endpoint, force, processes, paths):
    """Ingest documents (.txt with optional .json sidecar, .html, .jsonl) from files or folders."""
    settings = _settings(store, endpoint, update_endpoint,
                         **({"INGEST_PROCESSES": processes} if processes else {}))
    progress = (lambda msg: click.echo(msg, err=True)) if sys.stderr.isatty() else None
    try:
        server = _server(settings)
        if server is not None:  # the store is the running server's: it ingests them (service/live.py)
            report = live.ingest_through(server, list(paths), force=force, progress=progress)
        else:
            with _open(settings) as app:
                report = app.ingest_paths(paths, force=force, progress=progress)
    except KgqaError as err:
        fail(err)
    for name, message in report.errors:
        click.echo(f"kgqa: error: {name}: {message}", err=True)
    click.echo(report.summary())
    sys.exit(1 if report.errors else 0)


@main.command()
@store_options(update=True)
@click.option("--graph", help="IRI of the named graph to load into (default graph when absent).")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def load(store, endpoint, update_endpoint, graph, files):
    """Load RDF files as they are (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD)."""
    from .store.loading import load_files

    try:
        with _open(_settings(store, endpoint, update_endpoint)) as app:
            total = load_files(app.store, files, graph)
    except KgqaError as err:
        fail(err)
    click.echo(f"loaded {total} triples from {len(files)} file(s)")


@main.command()
@store_options()
@click.option("--host", default="127.0.0.1", envvar="HOST", show_default=True)
@click.option("--port", default=8000, type=int, envvar="PORT", show_default=True)
@click.option("--threads", default=8, type=int, show_default=True, help="Request threads.")
def serve(store, endpoint, host, port, threads):
    """Serve the HTTP API (waitress, a production WSGI server)."""
    import waitress

    from .memory import limit_arenas
    from .web import create_app

    limit_arenas()  # before any thread starts: freed memory is reused, not kept per request thread

    settings = _settings(store, endpoint)
    try:
        kgqa = _open(settings)
    except KgqaError as err:
        fail(err)
    app = create_app(kgqa=kgqa)
    kgqa.serve_names_apart()  # the scans of the names and counts fill the engine memory of a child, not the server's
    kgqa.warm()  # counts for /healthz in the background; the name index waits for the first question
    if not settings.endpoint:  # `kgqa ingest/ask/query` on this store go through this server
        kgqa.run_token = live.announce(settings.store, host, port, settings).token
    click.echo(f"kgqa serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    # /sparql queries running or waiting for a worker hold a thread each: give them their own, so that
    # a burst of SPARQL clients never takes the threads /ask and /healthz answer on
    sparql_threads = (settings.query_workers or 2) + max(0, settings.query_queue)
    # SIGTERM (a service manager stopping it) ends the server as Ctrl-C does: the exit handlers stop the
    # query workers, delete their store checkpoint and close the store
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    waitress.serve(app, host=host, port=port, ident="kgqa", **server_options(settings, threads + sparql_threads))


def server_options(settings: Settings, threads: int) -> dict:
    """waitress's bounds on connections: at most MAX_CONNECTIONS open (idle ones are cheap: they hold no
    thread), each closed after IDLE_TIMEOUT s of silence, so idle sockets cannot starve real requests.
    The open-files limit is raised to fit them where the hard limit allows."""
    import resource

    limit = settings.max_connections
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = limit + 512  # the store's files, the workers' pipes
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY
                                                    else min(wanted, hard), hard))
    idle = max(1, settings.idle_timeout)
    return {"threads": threads, "connection_limit": limit, "channel_timeout": idle,
            "cleanup_interval": max(1, min(30, idle // 2))}


@main.command()
@store_options()
@click.option("--json", "as_json", is_flag=True, help="Print the answer document as GET /ask does.")
@click.argument("question")
def ask(store, endpoint, as_json, question):
    """Answer a question, with the sources and quotes behind each answer."""
    from .qa.answer import for_person

    settings = _settings(store, endpoint)
    try:
        server = _server(settings)
        if server is not None:  # beside a running server (which owns the store): asked through it
            document = live.ask(server, question)
        else:
            with _open(settings) as app:
                document = app.ask(question, link_root="/")
    except KgqaError as err:
        if as_json:
            click.echo(json.dumps({"error": {"code": err.code, "message": err.message, **err.details}},
                                  indent=2, ensure_ascii=False))
        fail(err)
    click.echo(json.dumps(document, indent=2, ensure_ascii=False) if as_json else for_person(document))


@main.command()
@store_options()
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "csv", "tsv", "xml", "turtle", "ntriples"]))
@click.argument("sparql")
def query(store, endpoint, fmt, sparql):
    """Run a read-only SPARQL query and print its results."""
    from .sparql.query import CLI_FORMATS, run_cli_query

    settings = _settings(store, endpoint)
    try:
        server = _server(settings)
        if server is not None:  # beside a running server (which owns the store): run by its /sparql
            out = live.query(server, sparql, CLI_FORMATS[fmt])
        else:
            with _open(settings) as app:
                out = run_cli_query(app.store, sparql, fmt, settings)
    except KgqaError as err:
        fail(err)
    sys.stdout.buffer.write(out if out.endswith(b"\n") else out + b"\n")


@main.command(name="eval")
@click.option("--gold", default="data/gold", show_default=True, type=click.Path(exists=True, file_okay=False))
@click.option("--sources", default="data/sources", show_default=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold, sources, as_json):
    """Score extraction against gold annotations: precision and recall per fact kind."""
    from .ingest.extractor import Extractor
    from .tools.evaluate import score_facts

    try:
        report = score_facts(gold, sources, Extractor(_settings()))
    except KgqaError as err:
        fail(err)
    click.echo(json.dumps(report, indent=2) if as_json else report_text(report))


def report_text(report: dict) -> str:
    lines = [f"{'kind':<16}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}"]
    for kind, r in report["kinds"].items():
        lines.append(f"{kind:<16}{r['gold']:>6}{r['found']:>7}{r['precision']:>7.2f}{r['recall']:>7.2f}{r['f1']:>7.2f}")
    o = report["overall"]
    lines.append(f"facts f1={o['f1']:.3f} precision={o['precision']:.3f} recall={o['recall']:.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
