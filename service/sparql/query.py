"""The HTTP-free core of the SPARQL endpoint: which media types fit which query form, a checked query
turned into a Job, and `kgqa query`.

The web layer negotiates among `offered_types(form)` and hands the choice back here; the CLI names a
format. Both pass through `prepare`, so the same guard and limits apply everywhere.
"""
from __future__ import annotations

from collections.abc import Callable

from .. import formats
from ..errors import BadRequest, NotAcceptable
from ..settings import Settings
from . import guard
from .limits import Job
from .runners import open_runner

RESULT_TYPES = [formats.JSON, formats.XML, formats.CSV, formats.TSV]  # SELECT and ASK; the first is the default
GRAPH_TYPES = [formats.TURTLE, formats.NTRIPLES, formats.JSONLD, formats.RDFXML]  # CONSTRUCT and DESCRIBE, the same
ALIASES = {  # media types clients commonly send, and the type they get
    "application/json": formats.JSON,
    "application/xml": formats.XML,
    "text/xml": formats.XML,
    "text/plain": formats.NTRIPLES,
    "application/x-turtle": formats.TURTLE,
}
CLI_FORMATS = {**formats.RESULT_NAMES, "turtle": formats.TURTLE, "ntriples": formats.NTRIPLES}


def offered_types(form: str) -> list[str]:
    """Media types a query of this form can be answered in, canonical ones first, then aliases."""
    canonical = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    return canonical + [alias for alias, target in ALIASES.items() if target in canonical]


def canonical(media_type: str) -> str:
    return ALIASES.get(media_type, media_type)


BYTES_PER_ROW = 500  # the byte bound a row limit implies when QUERY_MAX_BYTES is 0


def result_bytes(settings: Settings) -> int:
    """The result-size limit in bytes: QUERY_MAX_BYTES, or 500 bytes per allowed row when it is 0."""
    return settings.query_max_bytes or BYTES_PER_ROW * settings.query_max_rows


def prepare(query: str, media_type: str | Callable[[list[str]], str] | None, settings: Settings, *,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
            base_iri: str | None = None) -> Job:
    """Check the query (guard) and build the job that runs it. `media_type`: a media type, None for the
    form's default, or a function choosing among the types the form offers (content negotiation).
    A media type that does not fit the form: NotAcceptable naming those that do."""
    info = guard.inspect(query)
    offered = offered_types(info.form)
    chosen = media_type(offered) if callable(media_type) else media_type or offered[0]
    if chosen not in offered:
        raise NotAcceptable(f"a {info.form} query cannot be answered as {chosen}; acceptable: "
                            f"{', '.join(offered[:4])}", details={"acceptable": offered[:4]})
    for iri in (default_graphs or []) + (named_graphs or []):
        if not iri or any(c in iri for c in ' <>"{}|^`\\'):
            raise BadRequest(f"not an IRI in default-graph-uri / named-graph-uri: {iri!r}")
    return Job(query=query, media_type=canonical(chosen), form=info.form, has_dataset=info.has_dataset,
               default_graphs=tuple(default_graphs) if default_graphs is not None else None,
               named_graphs=tuple(named_graphs) if named_graphs is not None else None,
               max_rows=settings.query_max_rows,
               max_bytes=result_bytes(settings), base_iri=base_iri,
               prefixes=info.prefixes, light=info.light)


def run_cli_query(store, sparql: str, fmt: str, settings: Settings) -> bytes:
    """`kgqa query`: the same guard and limits as /sparql. On the embedded store the query runs in one
    worker process (time and memory bounds: a query past either ends that process, not this one);
    on a remote store, in a thread of this one-shot process, which ends at the time limit."""
    media_type = CLI_FORMATS.get(fmt)
    if media_type is None:
        raise BadRequest(f"unknown format {fmt!r}; known: {', '.join(CLI_FORMATS)}")
    info = guard.inspect(sparql)
    if (media_type in GRAPH_TYPES) != (info.form in ("CONSTRUCT", "DESCRIBE")):
        fits = [name for name, mt in CLI_FORMATS.items() if mt in offered_types(info.form)]
        raise BadRequest(f"--format {fmt} does not fit a {info.form} query; use one of: {', '.join(fits)}")
    base = settings.base_iri.rstrip("/") + "/sparql"
    job = prepare(sparql, media_type, settings, base_iri=base)
    runner = open_runner(store, settings.with_values(query_workers=1))
    try:
        return runner.run(job)
    finally:
        runner.close()
