"""Vocabulary terms, as constants in one place. A test checks that every kg: term is declared in
ontology/kgqa.ttl. The shape of the graph is described in ontology/README.md.
"""
from __future__ import annotations

from pyoxigraph import NamedNode

KG_NS = "https://w3id.org/kgqa/ns#"
NIF_NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF_NS = "http://www.w3.org/2005/11/its/rdf#"
PROV_NS = "http://www.w3.org/ns/prov#"
SCHEMA_NS = "https://schema.org/"
DCT_NS = "http://purl.org/dc/terms/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
FOAF_NS = "http://xmlns.com/foaf/0.1/"

PREFIXES = {
    "kg": KG_NS, "nif": NIF_NS, "itsrdf": ITSRDF_NS, "prov": PROV_NS, "schema": SCHEMA_NS,
    "dcterms": DCT_NS, "rdf": RDF_NS, "rdfs": RDFS_NS, "skos": SKOS_NS, "xsd": XSD_NS, "foaf": FOAF_NS,
}


def sparql_prefixes(*names: str) -> str:
    """PREFIX lines for SPARQL text: the named ones of PREFIXES, or all of them."""
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in (names or PREFIXES))


def kg(name: str) -> NamedNode:
    return NamedNode(KG_NS + name)


RDF_TYPE = NamedNode(RDF_NS + "type")
RDFS_LABEL = NamedNode(RDFS_NS + "label")
SKOS_ALT = NamedNode(SKOS_NS + "altLabel")

# --- classes: actors
ACTOR_CLASSES = ("Actor", "Person", "Organization", "Government", "Country", "Group", "Place")
# --- classes: facts. Every fact is a kg:Fact with kg:evidence; positions are stances or speech acts.
POSITION_KINDS = (
    "Proposal", "Agreement", "Disagreement", "Acceptance", "Acknowledgment", "Concern", "Demand",
    "Accusation", "Criticism", "Denial", "Intention", "Commitment", "Statement", "Estimate",
)
FACT_KINDS = ("Meeting", "Role", "Action") + POSITION_KINDS
CLASSES = ACTOR_CLASSES + FACT_KINDS + ("Fact", "Position", "Occasion", "Document", "Extraction", "Status")
# the individuals of kg:Status: an event not reported as having happened (kg:status)
STATUSES = ("Planned", "Hypothetical", "Negated")

# --- properties
PROPERTIES = (
    # facts
    "holder", "participant", "content", "about", "recipient", "target", "occasion", "respondsTo", "place", "date",
    "placeText", "timeText", "duration", "durationText", "remote", "condition", "negated", "hedged", "ironic", "status",
    "confidence", "attributedTo", "attribution", "evidence", "verb", "quantity", "quantityText", "counts",
    # roles
    "title", "organization",
    # actors
    "memberOf", "governmentOf",
    # documents
    "contentHash", "pipelineVersion", "sourceName",
    # indexes written with the facts, for the question templates (service/ingest/graph.py index_pairs)
    "holderKey", "pairKey", "jointKey", "linkKey", "occasionKey", "topicKey", "indexes",
    # store bookkeeping: the graphs of a bulk write under way (service/store/embedded.py)
    "pendingGraph",
)

# Classes (C_ prefix) and properties, one constant each.
C_ACTOR = kg("Actor")
C_PERSON = kg("Person")
C_ORGANIZATION = kg("Organization")
C_GOVERNMENT = kg("Government")
C_COUNTRY = kg("Country")
C_GROUP = kg("Group")
C_PLACE = kg("Place")
C_MEETING = kg("Meeting")
C_ROLE = kg("Role")
C_ACTION = kg("Action")
C_PROPOSAL = kg("Proposal")
C_AGREEMENT = kg("Agreement")
C_DISAGREEMENT = kg("Disagreement")
C_ACCEPTANCE = kg("Acceptance")
C_ACKNOWLEDGMENT = kg("Acknowledgment")
C_CONCERN = kg("Concern")
C_DEMAND = kg("Demand")
C_ACCUSATION = kg("Accusation")
C_CRITICISM = kg("Criticism")
C_DENIAL = kg("Denial")
C_INTENTION = kg("Intention")
C_COMMITMENT = kg("Commitment")
C_STATEMENT = kg("Statement")
C_ESTIMATE = kg("Estimate")
C_FACT = kg("Fact")
C_POSITION = kg("Position")
C_OCCASION = kg("Occasion")
C_DOCUMENT = kg("Document")
C_EXTRACTION = kg("Extraction")
C_STATUS = kg("Status")
HOLDER = kg("holder")
PARTICIPANT = kg("participant")
CONTENT = kg("content")
ABOUT = kg("about")
RECIPIENT = kg("recipient")
TARGET = kg("target")
OCCASION = kg("occasion")
RESPONDSTO = kg("respondsTo")  # "accepted the proposal" -> the proposal (service/ingest/facts/referents.py)
PLACE = kg("place")
PLACETEXT = kg("placeText")
DATE = kg("date")
TIMETEXT = kg("timeText")
DURATION = kg("duration")
DURATIONTEXT = kg("durationText")
CONDITION = kg("condition")
NEGATED = kg("negated")
HEDGED = kg("hedged")
IRONIC = kg("ironic")
REMOTE = kg("remote")
STATUS = kg("status")  # its values: kg:Planned, kg:Hypothetical, kg:Negated (service/ingest/facts/realis.py)
CONFIDENCE = kg("confidence")
ATTRIBUTEDTO = kg("attributedTo")
ATTRIBUTION = kg("attribution")
EVIDENCE = kg("evidence")
VERB = kg("verb")
QUANTITY = kg("quantity")
QUANTITYTEXT = kg("quantityText")
COUNTS = kg("counts")
TITLE = kg("title")
ORGANIZATION = kg("organization")
MEMBEROF = kg("memberOf")
GOVERNMENTOF = kg("governmentOf")
CONTENTHASH = kg("contentHash")
PIPELINEVERSION = kg("pipelineVersion")
SOURCENAME = kg("sourceName")
HOLDERKEY = kg("holderKey")
PAIRKEY = kg("pairKey")
JOINTKEY = kg("jointKey")
LINKKEY = kg("linkKey")
OCCASIONKEY = kg("occasionKey")
TOPICKEY = kg("topicKey")
INDEX_PROPS = (HOLDERKEY, PAIRKEY, JOINTKEY, LINKKEY, OCCASIONKEY, TOPICKEY)  # index triples written with facts
INDEXES = kg("indexes")
PENDINGGRAPH = kg("pendingGraph")
WRITEJOURNAL = kg("writeJournal")  # the graph (and subject) holding kg:pendingGraph

# NIF / ITS for evidence passages and mentions
NIF_CONTEXT = NamedNode(NIF_NS + "Context")
NIF_STRING = NamedNode(NIF_NS + "String")
NIF_RFC5147 = NamedNode(NIF_NS + "RFC5147String")
NIF_IS_STRING = NamedNode(NIF_NS + "isString")
NIF_BEGIN = NamedNode(NIF_NS + "beginIndex")
NIF_END = NamedNode(NIF_NS + "endIndex")
NIF_ANCHOR = NamedNode(NIF_NS + "anchorOf")
NIF_REFERENCE_CONTEXT = NamedNode(NIF_NS + "referenceContext")
ITS_IDENT_REF = NamedNode(ITSRDF_NS + "taIdentRef")

# documents and provenance
DCT_TITLE = NamedNode(DCT_NS + "title")
DCT_IDENTIFIER = NamedNode(DCT_NS + "identifier")
SCHEMA_PUBLISHER = NamedNode(SCHEMA_NS + "publisher")
SCHEMA_AUTHOR = NamedNode(SCHEMA_NS + "author")
SCHEMA_DATE_PUBLISHED = NamedNode(SCHEMA_NS + "datePublished")
SCHEMA_URL = NamedNode(SCHEMA_NS + "url")
SCHEMA_NEWS_ARTICLE = NamedNode(SCHEMA_NS + "NewsArticle")
PROV_DERIVED = NamedNode(PROV_NS + "wasDerivedFrom")
PROV_GENERATED_BY = NamedNode(PROV_NS + "wasGeneratedBy")
PROV_ACTIVITY = NamedNode(PROV_NS + "Activity")
PROV_USED = NamedNode(PROV_NS + "used")

XSD_DATE = NamedNode(XSD_NS + "date")
XSD_DURATION = NamedNode(XSD_NS + "duration")
XSD_DECIMAL = NamedNode(XSD_NS + "decimal")
XSD_BOOLEAN = NamedNode(XSD_NS + "boolean")
XSD_INTEGER = NamedNode(XSD_NS + "integer")
