"""GET/POST /ask (the answer document; the answer page for a browser) and GET /questions (the catalogue)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, jsonify, request

from ..errors import BadRequest, KgqaError, QuestionTooLong, UnsupportedQuestion
from ..qa.templates import BY_ID, CATALOGUE
from ..read import browse
from ..read import sources as sources_mod
from . import current, get_store
from .pages import html, wants_html

bp = Blueprint("ask", __name__)
CONTEXT = 160  # characters of the source shown on each side of a quoted passage


def warm_for_questions() -> None:
    """Build the name index and load the lexicon in the background on the first question, not at the
    server's start: a server that only answers SPARQL and linked data never holds them, nor the
    engine's caches that the index's scans fill (docs/memory.md). The first
    question waits for the index as a question at start did (Names.index: at most READY_WAIT s,
    then 503 not_ready with Retry-After while the build goes on)."""
    current().warm_for_questions()


@bp.route("/ask", methods=["GET", "POST"])
def ask():
    if request.method == "POST":
        body = request.get_json(silent=True)
        if body is None and request.form:
            body = request.form.to_dict()
        if not isinstance(body, dict):
            raise BadRequest('POST /ask takes a JSON object: {"q": "your question"}.')
        question = body.get("q")
    else:
        question = request.args.get("q")
    if question is not None and not isinstance(question, str):
        raise BadRequest("The question q must be a string.")
    warm_for_questions()
    if request.method == "GET" and wants_html():
        return answer_page(question)
    document = current().ask(question, link_root=request.host_url)
    return jsonify(document)


def answer_page(question: str | None):
    """The answer document as a page: cards with numbered citations, or why there is none."""
    store = get_store()
    try:
        document = current().ask(question, link_root=request.host_url)
    except UnsupportedQuestion as err:
        return html("unsupported.html", 422, question=question, message=err.message,
                    suggestions=err.details.get("suggestions", []), details=err.details,
                    examples=browse.example_questions(browse.top_actors(store), CATALOGUE))
    except (BadRequest, QuestionTooLong) as err:
        if not (question or "").strip():  # an empty box: the home page's questions are the help
            return html("unsupported.html", 400, question="", message=err.message, suggestions=[], details={},
                        examples=browse.example_questions(browse.top_actors(store), CATALOGUE))
        raise
    texts: dict[str, str] = {}

    def context(source_id: str, start: int, end: int) -> tuple[str, str]:
        if source_id not in texts:
            try:
                texts[source_id] = sources_mod.text(store, source_id)
            except KgqaError:
                texts[source_id] = ""
        text = texts[source_id]
        before, after = text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]
        if start > CONTEXT and " " in before:
            before = "…" + before.split(" ", 1)[1]
        if end + CONTEXT < len(text) and " " in after:
            after = after.rsplit(" ", 1)[0] + "…"
        return before, after

    template = BY_ID.get((document.get("template") or {}).get("id"))
    return html("answer.html", doc=document, question=document["question"], template=template,
                context=context, outlets=outlets, outlet_names=outlet_names,
                param_text=param_text)


def outlets(provenance: list[dict]) -> list[str]:
    """The outlets that report an answer, each once: publisher, else the site, the title or the id."""
    return list(dict.fromkeys(outlet_names(provenance).values()))


def outlet_names(provenance: list[dict]) -> dict[str, str]:
    """source id -> the outlet a person knows it by."""
    out = {}
    for p in provenance:
        source = p.get("source") or {}
        host = urlsplit(source.get("url") or "").hostname or ""
        name = source.get("publisher") or host.removeprefix("www.") or source.get("title") or source.get("id")
        out[source.get("id")] = name or "?"
    return out


def param_text(value) -> str:
    """A template parameter as a person reads it: labels of actors, the text of anything else."""
    if isinstance(value, list):
        return ", ".join(param_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("label") or value.get("text") or value.get("value") or value.get("iri") or "")
    return str(value)


@bp.get("/questions")
def questions():
    catalogue = [t.describe() for t in CATALOGUE]
    if wants_html():
        return html("questions.html", templates=catalogue)
    return jsonify({"templates": catalogue})
