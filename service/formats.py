"""The RDF and SPARQL results formats kgqa reads and writes, by media type, taken from pyoxigraph's own
tables (media type, file extension): the one place that spells them."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox


def _bare(media_type: str) -> str:
    """ "text/csv; charset=utf-8" -> "text/csv": the type a client names and a response carries."""
    return media_type.split(";")[0].strip()


_R, _Q = ox.RdfFormat, ox.QueryResultsFormat
# every RDF format the stores read, and write (N3 is only read)
RDF = {f.media_type: f for f in (_R.TURTLE, _R.N_TRIPLES, _R.N_QUADS, _R.TRIG, _R.RDF_XML, _R.JSON_LD, _R.N3)}
RESULTS = {_bare(f.media_type): f for f in (_Q.JSON, _Q.XML, _Q.CSV, _Q.TSV)}

TURTLE, NTRIPLES, NQUADS, TRIG, RDFXML, JSONLD = (
    f.media_type for f in (_R.TURTLE, _R.N_TRIPLES, _R.N_QUADS, _R.TRIG, _R.RDF_XML, _R.JSON_LD))
JSON, XML, CSV, TSV = (_bare(f.media_type) for f in (_Q.JSON, _Q.XML, _Q.CSV, _Q.TSV))
DATASETS = [NQUADS, TRIG]  # the formats kgqa writes with each quad's graph: which document says what

# short names, for ?format=, the command line and the protocols
NAMES = {"turtle": TURTLE, "ntriples": NTRIPLES, "nquads": NQUADS, "trig": TRIG, "rdfxml": RDFXML, "jsonld": JSONLD}
RESULT_NAMES = {"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV}
# files by extension: pyoxigraph's own, and the other names RDF/XML files go by
BY_EXTENSION = {f.file_extension: media_type for media_type, f in RDF.items()} | {"xml": RDFXML, "owl": RDFXML}


def extension(media_type: str) -> str:
    """The file extension of an RDF media type ("nq" for N-Quads)."""
    return RDF[media_type].file_extension


def of_file(path: str) -> str | None:
    """The RDF media type of a file by its extension (BY_EXTENSION), or None."""
    return BY_EXTENSION.get(Path(path).suffix.lower().lstrip("."))
