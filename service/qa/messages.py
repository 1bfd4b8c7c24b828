"""What an answer document says besides its answers: the verdict of a yes/no question, the checks on
the question itself, the message when no fact answers it and what was looked for, suggestions of
questions the templates can answer.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from ..errors import BadRequest, QuestionTooLong
from .plan import Plan
from .templates import BY_ID, CATALOGUE
from .wording import same_word, stem


def verdict(document: dict, yesno: bool, contrary: bool = False, ironic: str = "") -> dict:
    """A yes/no question: "yes" when the surest evidence reports it, "no" when it reports the contrary
    (a negated fact, or a fact of a contrary kind: `contrary`; a remark told as mockery: `ironic`),
    "not_reported" when no fact says either; each answer's text says which it is."""
    if not yesno:
        return document
    if ironic:  # "maybe we should ask the wind ...", mocking: said, and not proposed
        document["message"] = "No report says so; the sources report it only as a remark told as mockery."
        for a in document["answers"]:
            a["text"] = a["text"].rstrip(".") + f", a remark told as mockery, not a {ironic}."
    elif contrary:  # every answer says No, though none is a negated fact: its values stay as stored
        document["message"] = (f"No report says so; the sources report the contrary "
                               f"({document['template']['params']['kind']['label']}).")

    said = document["template"]["id"] == "statements"
    words = document["template"]["params"].get("words") or []
    kind_asked = document["template"]["params"].get("kind")

    def says_no(a: dict) -> bool:
        denial = a["values"].get("kind") == "Denial" and not kind_asked  # "Did X say P?": X denied P
        return contrary or denial or bool(a["values"].get("negated")) or (said and _denies(a, words,
                                                                                           document["question"]))

    def own(a: dict) -> bool:  # "the EU will not exempt X, its commissioner said": asked of her, told by her
        told, asked = a["values"].get("attributedTo"), a["widened"]["from"]
        return isinstance(told, dict) and isinstance(asked, dict) and told["iri"] == asked["iri"]

    # of another actor: no verdict on the one asked, unless it announced that actor's act itself
    widened = [a for a in document["answers"] if "widened" in a and not own(a)]
    answers = document["answers"] = [a for a in document["answers"] if a not in widened]
    if widened and not answers:
        to = widened[0]["widened"]["to"]
        document["message"] = (f"The sources report it of {to['label'] if isinstance(to, dict) else 'others'}, "
                               "not of the one asked about.")
    for a in answers:
        a["text"] = ("No: " if says_no(a) else "Yes: ") + a["text"]
    if not answers:
        document["verdict"] = "not_reported"
        document["message"] = "The sources do not report it. " + document.get("message", "")
        document["message"] = document["message"].strip()
        return document
    document["verdict"] = "no" if says_no(answers[0]) else "yes"
    if all(a["values"].get("hedged") for a in answers):
        document["message"] = ("The sources report it only as possible. " + document.get("message", "")).strip()
    if len({says_no(a) for a in answers}) > 1:
        document["message"] = "Reports differ: some say yes, others no; the surest comes first."
    return document


_NEGATORS = {"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot"}
_TOKEN = re.compile(r"[a-z0-9]+(?:n't|n’t)?")


def _negated(tokens: list[str]) -> bool:
    return any(t in _NEGATORS or t.endswith(("n't", "n’t")) for t in tokens)


def _denies(answer: dict, words: list[str], question: str) -> bool:
    """'Did X say Croatia had given away land?' answered by a statement that says the opposite ("we have not
    given away a single metre"): a negation just before a word the content shares with the question, and
    none in the question (or the reverse)."""
    content = _TOKEN.findall(str(answer["values"].get("content") or "").lower())
    stems = [stem(w) for w in words if len(w) > 2]
    shared = [i for i, t in enumerate(content) if any(same_word(t, s) for s in stems)]
    if not shared:
        return False
    denied = any(_negated(content[max(0, i - 3):i]) for i in shared)
    return denied != _negated(_TOKEN.findall(question.lower()))


def check(question, limit: int) -> str:
    if not isinstance(question, str) or not question.strip():
        raise BadRequest("Ask a question: the parameter q is missing or empty.")
    if any("\ud800" <= c <= "\udfff" for c in question):
        raise BadRequest("The question holds characters that are not valid Unicode (lone surrogates).")
    if len(question) > limit:
        raise QuestionTooLong(f"The question is {len(question)} characters long; the limit is {limit}.")
    return " ".join(question.split())


def suggestions(question: str, limit: int = 3) -> list[dict]:
    """The templates whose example phrasings are closest to the question."""
    examples = {(t.id, e): e for t in CATALOGUE for e in t.examples}
    ranked = process.extract(question, examples, scorer=fuzz.token_set_ratio, limit=len(examples))
    out, seen = [], set()
    for _, _, (tid, _) in ranked:
        if tid not in seen:
            seen.add(tid)
            out.append({"id": tid, "description": BY_ID[tid].description, "examples": list(BY_ID[tid].examples)})
        if len(out) == limit:
            break
    return out


# --- running
def no_facts_message(plan: Plan) -> str:
    """Why there is no answer, in words: what was looked for, and for whom (no internals)."""
    said = []
    for name, value in plan.params.items():
        if name in ("kind", "holders", "told"):
            continue
        if name == "words":
            said.append("about " + ", ".join(f"\u201c{w}\u201d" for w in value))
        elif name == "planned":
            said.append("a meeting still to come")
        elif name == "actors":
            said.append("by " + " and ".join(v["label"] if isinstance(v, dict) else str(v) for v in value))
        else:
            label = value["label"] if isinstance(value, dict) else str(value)
            said.append(f"{_PARAM_WORDS.get(name, name)} {label}")
    kind = plan.params.get("kind", {}).get("label") if isinstance(plan.params.get("kind"), dict) else None
    what = _KIND_WORDS.get(kind, plan.template.replace("_", " ")) if kind else BY_ID[plan.template].looked_for
    gone = next((r for r in plan.relaxed if r["param"] == "occasion" and isinstance(plan.params.get("occasion"), str)),
                None)
    if gone:  # the occasion is not in the graph, and no report of the facts found without it names it
        return f"No occasion named {plan.params['occasion']} in the graph. No report of {what} names it either."
    told = " ".join(said).lower()
    named = [w for w in plan.need_words if w not in told]  # "met in Oslo", "for breakfast": words the fact or its
    if named:  # report must have, unless said above ("about the Sahel brigade")
        said.append("naming " + ", ".join(f"\u201c{w}\u201d" for w in named))
    return f"No facts in the graph answer this (looked for: {what}{'; ' + '; '.join(said) if said else ''})."


_KIND_WORDS = {"Agreement": "agreements", "Disagreement": "disagreements", "Acceptance": "acceptances",
               "Acknowledgment": "acknowledgments", "Concern": "concerns", "Demand": "demands",
               "Accusation": "accusations", "Criticism": "criticism", "Denial": "denials and refusals",
               "Intention": "intentions", "Commitment": "commitments"}  # what a question of a kind looked for
_PARAM_WORDS = {"actor": "by", "other": "with", "occasion": "at", "topic": "about", "recipient": "told to",
                "verb": "with the verb", "source": "in", "date": "on"}
