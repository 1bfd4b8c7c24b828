"""What Virtuoso does its own way, and how the remote store evens it out: its system graphs in the
union default graph (left out by DEFINE pragmas), and literals it writes back in other forms."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from ..vocab import XSD_BOOLEAN, XSD_DURATION
from .base import Term

# Virtuoso's own graphs (its mappings, its LDP vocabulary, its DAV and rule sets), left out of queries;
# the graph describing its endpoint (sd:Service) is found and left out too (its IRI depends on the host).
VIRTUOSO_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                   "http://www.w3.org/2002/07/owl#", "urn:rules.skos")
SERVICE_GRAPHS = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a "
                  "<http://www.w3.org/ns/sparql-service-description#Service> } }")


def pragmas(service_graphs: list[str]) -> str:
    """What whole-dataset reads start with: Virtuoso's own graphs, and those describing its endpoint,
    left out of the default and named graphs (an IRI that would break the pragma is skipped)."""
    return "".join(f"DEFINE input:default-graph-exclude <{g}>\nDEFINE input:named-graph-exclude <{g}>\n"
                   for g in (*VIRTUOSO_GRAPHS, *service_graphs) if "<" not in g and ">" not in g)


def canonical(term: Term) -> Term:
    """A literal as Oxigraph writes it, from what Virtuoso answers: its xsd:boolean as 0/1 made
    false/true; its xsd:duration, kept as a number of seconds and written back so ("5400.0"), made the
    canonical xsd:duration again (PT1H30M; a count of months is lost in Virtuoso)."""
    if not isinstance(term, ox.Literal):
        return term
    if term.datatype == XSD_BOOLEAN and term.value in ("0", "1"):
        return ox.Literal("true" if term.value == "1" else "false", datatype=XSD_BOOLEAN)
    if term.datatype != XSD_DURATION:
        return term
    try:
        seconds = Decimal(term.value)
    except InvalidOperation:
        return term
    sign, rest = ("-" if seconds < 0 else ""), abs(seconds)
    days, rest = divmod(rest, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, rest = divmod(rest, 60)
    rest = rest.normalize()
    time_part = "".join(f"{int(n)}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n)
    time_part += f"{rest:f}S" if rest else ""
    text = f"{sign}P{f'{int(days)}D' if days else ''}{'T' + time_part if time_part else ''}"
    return ox.Literal(text if text not in ("P", "-P") else "PT0S", datatype=XSD_DURATION)
