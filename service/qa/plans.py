"""Question slots -> plans: the templates to run, with their parameters bound to graph terms.

A question may be answered by a short list of (template, bindings) tried in order, the first that
finds facts winning: a topic actor first as a graph link (kg:about), then as words in the content;
a verb, then its synonyms; a kind of position, then any fact with the question's verb.
"""
from __future__ import annotations

from dataclasses import replace

from pyoxigraph import Literal, NamedNode

from ..store.base import Term
from ..vocab import KG_NS
from . import lexicon, linking, named, parse, publishers
from .plan import NoAnswer, Plan
from .spelling import normalize
from .templates import BY_ID

# templates whose words are matched loosely (half of them): a word that is an actor's name must be there
NAMING_TEMPLATES = ("positions", "proposals", "statements", "agreements", "actions")


MOCKED_KINDS = {"Commitment": "promise"}  # positions a mocking remark can seem to take ("maybe I will promise rain")


def _relaxed(param: str, how: str, message: str) -> dict:
    return {"param": param, "how": how, "message": message}


def _audience(text: str, index: linking.Index, lex: lexicon.QuestionLexicon) -> bool:
    """'Chinese reporters', 'local journalists', 'Iranian state media': an audience with words in front of it
    that name no actor of the graph."""
    words = text.split()
    return any(len(words) > n and " ".join(words[-n:]).lower() in lex.audiences for n in (2, 1)) \
        and index.actor(text) is None


def make_plans(parsed: parse.Parsed, index: linking.Index, lex: lexicon.QuestionLexicon) -> list[Plan]:
    slots, tid = dict(parsed.slots), parsed.template
    if tid == "publishers":  # the documents holding the words: no actor, nothing else bound
        return [Plan(tid, publishers.word_binding(parsed.words), {"words": parsed.words}, list(parsed.words))]
    bindings: dict[str, Term] = {}
    params: dict = {}
    written = [a for a in slots.pop("actors", None) or [] if named.names_someone(a, lex)]
    actors = named.shared_noun(named.pairs(written, index), lex)
    if actors:
        slots["actor"] = actors[0]
        if len(actors) > 1:
            slots["other"] = actors[1]
    if slots.get("actor", "").lower() in lex.group_references and "other" not in slots:
        slots.pop("actor")  # "both sides agreed": facts that two or more hold together
        params["holders"] = "two or more"
        joint = True
    else:
        joint = False
    audience: list[str] = []  # "told Chinese reporters": an audience so qualified, named so in the passage
    if slots.get("recipient", "").lower() in lex.audiences:
        params["told"] = slots.pop("recipient")  # "told reporters": any statement
    elif _audience(slots.get("recipient", ""), index, lex):
        params["told"] = slots.pop("recipient")
        audience = [" ".join(w for w in params["told"].split() if w.lower() not in ("the", "a", "an", "some"))]
    extra = [named.actor(index, a, lex).iri for a in (actors or [])[2:]]
    by_source = BY_ID[tid].by_source  # "what does the Other Post say about X": a source, not an actor
    if by_source and slots.get("actor") and slots.get("topic") and index.actor(slots["actor"]) is None:
        if index.source(slots["actor"]) is not None:
            tid, slots["source"], slots["actor"] = by_source, slots["actor"], slots.pop("topic")
    if slots.get("according") and not slots.get("actor") and "actor" in BY_ID[tid].parameters \
            and index.actor(slots["according"]) is not None:
        slots["actor"] = source = slots.pop("according")  # "how many ..., according to the Treasury": its own
    else:
        source = ""
    aliases: dict[str, str] = {}
    relaxed: list[dict] = []
    for name in ("actor", "other", "recipient"):
        if slots.get(name):
            link = named.actor(index, slots[name], lex)
            bindings[name] = NamedNode(link.iri)
            if note := named.taken_as(slots[name], link):
                relaxed.append(_relaxed(name, "most reported", note))
            params[name] = {"iri": link.iri, "label": link.label}
            if link.kind == "Government" and "govern" not in slots[name].lower():
                aliases[link.iri] = slots[name]  # a government named by its city: "Moscow", as asked
    need: list[str] = list(parsed.need)
    occasion_words: list[str] = []
    if slots.get("occasion"):
        link = index.occasion(slots["occasion"])
        occasion_words = [w for w in parse.content_words(slots["occasion"], lex)
                          if w not in linking.GENERIC_EVENT_WORDS]
        if link is None and not occasion_words:
            params["occasion"] = slots["occasion"]  # "at the meeting": no name to look for
        elif link is None:
            need += occasion_words  # matched in the passages of the facts found without it
            params["occasion"] = slots["occasion"]
            relaxed.append(_relaxed("occasion", "evidence_text",
                                    f"No occasion named {slots['occasion']} in the graph; the answers are facts whose "
                                    "reports name it in their own words."))
        else:
            bindings["occasion"] = NamedNode(link.iri)
            params["occasion"] = {"iri": link.iri, "label": link.label}
    if slots.get("source"):
        doc = index.source(slots["source"])
        if doc is None:
            raise NoAnswer(f"No source named {slots['source']} in the graph.")
        bindings["source"] = NamedNode(doc["iri"])
        params["source"] = {"iri": doc["iri"], "label": doc["title"] or doc["id"]}
    if slots.get("kind"):
        bindings["kind"] = NamedNode(KG_NS + slots["kind"])
        params["kind"] = {"iri": KG_NS + slots["kind"], "label": slots["kind"]}
    if slots.get("verb"):
        bindings["verb"] = Literal(slots["verb"])
        params["verb"] = slots["verb"]
    words = list(parsed.words)
    if slots.get("according"):  # who tells it must be named in the fact or its passage, every word of it
        need += [w for w in parse.content_words(slots["according"], lex) if w not in ("estimates", "estimate")]
    if words:
        params["words"] = words
    name_words = [w for w in words if named.names_actor(index, w)] if not parsed.yesno and tid in NAMING_TEMPLATES \
        else []
    if parsed.ahead and "planned" in BY_ID[tid].parameters:  # "when will X and Y meet again"
        bindings["planned"] = NamedNode(KG_NS + "Planned")
        params["planned"] = True
    if BY_ID[tid].without_actor and "actor" not in bindings:
        raise NoAnswer(BY_ID[tid].without_actor)
    union: list[NamedNode] = []
    if "other" in bindings and "other" not in BY_ID[tid].parameters:
        union = [bindings.pop("other")] + [NamedNode(i) for i in extra]
        params["actors"] = [params.pop("actor"), params.pop("other")]
        extra = []
    if "occasion" in bindings and "occasion" not in BY_ID[tid].parameters:
        bindings.pop("occasion")  # no such filter: the occasion's words must be in the fact instead
        words += parse.content_words(params["occasion"]["label"], lex)
    speech = frozenset()  # statements: what X said vs what the writer says X believes, knows, sees
    if BY_ID[tid].speech and slots.get("verb_lemma"):
        beliefs = frozenset(v for v, k in lex.verbs.items() if k == "Statement") - lex.speech_verbs
        speech = lex.speech_verbs if slots["verb_lemma"] in lex.speech_verbs else beliefs
    plans = [Plan(tid, bindings, params, words, extra_actors=extra, union=union, joint=joint, speech=speech,
                  need_words=list(need), relaxed=list(relaxed), partner=parsed.partner and not parsed.yesno,
                  told=audience, occasion_words=[w for w in occasion_words if w in need])]
    topic = slots.get("topic")
    target: frozenset[str] = frozenset()
    if topic:
        link = index.actor(topic)
        if link is not None and parsed.target:
            target = frozenset(index.family.get(link.iri, {link.iri}))
        spelled = set(" ".join(index.entities[link.iri].names if link and link.iri in index.entities else []).split())
        rest = [w for w in parse.content_words(topic, lex) if link and w not in spelled]
        if rest:  # "a gas pipeline across the Andes" is not the Andes: the other words must be there too
            _require(plans, rest, parsed.yesno)
            if parsed.yesno:  # and in the plans made below ("Hale's 30-day deadline" is not all Hale said)
                words = words + rest
            else:
                need += rest
        if link is not None and "topic" in BY_ID[tid].parameters:
            bindings["topic"] = NamedNode(link.iri)
            params["topic"] = {"iri": link.iri, "label": link.label}
            names = sorted(index.entities[link.iri].names) if link.iri in index.entities else [link.label]
            written = " ".join(w for w in topic.split() if w.lower() not in ("the", "a", "an", "its", "their"))
            if len(written.split()) > 1 and normalize(written) not in names:  # "the foreign affairs department"
                names.append(normalize(written))  # as the question wrote it, for "Department of Foreign Affairs"
            unbound = {k: v for k, v in bindings.items() if k != "topic"}
            plans.append(Plan(tid, unbound, {**params, "topic": {"iri": link.iri, "label": link.label}},
                              words, topic_names=names, extra_actors=extra, union=union, speech=speech,
                              need_words=list(need), relaxed=relaxed + [_relaxed(
                                  "topic", "text", f"No fact is linked to {link.label} as its topic; the answers name "
                                  f"{link.label} in their content.")]))
        else:
            params["topic"] = topic
            topic_words = parse.content_words(topic, lex)
            _require(plans, topic_words, parsed.yesno)  # a topic the graph has no entity for: words, never dropped
            for plan in plans:
                plan.relaxed = plan.relaxed + [_relaxed(
                    "topic", "words", f"Nothing in the graph is named \u201c{topic}\u201d; the answers are facts whose "
                    "words name it.")]
    if BY_ID[tid].synonyms:  # the same act under another verb: "set up" for "establish"
        for synonym in lex.synonyms.get(slots["verb"], ()):
            plans.append(Plan(tid, {**bindings, "verb": Literal(synonym)}, {**params, "verb": synonym},
                              words, extra_actors=extra, union=union))
    verb_lemma = slots.get("verb_lemma")
    by_verb = BY_ID[tid].by_verb
    if verb_lemma and by_verb:  # any fact with the same verb
        for plan in list(plans):
            kept = {k: v for k, v in plan.bindings.items() if k in BY_ID[by_verb].parameters}
            params_v = {k: v for k, v in plan.params.items() if k != "kind"}
            named_topic = plan.params.get("topic", {}).get("label", "") if isinstance(plan.params.get("topic"), dict) \
                and not target else ""  # the one accused is checked as the target, not as words
            dropped = "recipient" in plan.bindings and "recipient" not in BY_ID[by_verb].parameters
            told = [plan.params["recipient"]] if dropped else []  # "what did X tell Y": Y named, at least
            plans.append(Plan(by_verb, {**kept, "verb": Literal(verb_lemma)}, {**params_v, "verb": verb_lemma},
                              plan.words + parse.content_words(named_topic, lex),
                              extra_actors=plan.extra_actors, union=plan.union, need_words=plan.need_words,
                              told=[n for t in told for n in named.names(index, t["iri"], t["label"])] + plan.told,
                              relaxed=plan.relaxed + [_relaxed(
                                  "recipient", "evidence_text", f"No fact records {t['label']} as told; the answers "
                                  f"are facts whose reports name {t['label']}.") for t in told], joint=plan.joint,
                              partner=plan.partner))
    if "occasion" in bindings and occasion_words is not None:  # the facts may lack the occasion their
        label = params["occasion"]["label"]  # reports name: matched in the passages of those found without it
        for plan in [p for p in plans if "occasion" in p.bindings]:
            plans.append(Plan(plan.template, {k: v for k, v in plan.bindings.items() if k != "occasion"},
                              plan.params, plan.words, topic_names=plan.topic_names, extra_actors=plan.extra_actors,
                              union=plan.union, joint=plan.joint, speech=plan.speech, partner=plan.partner,
                              need_words=plan.need_words + (occasion_words or parse.content_words(label, lex)),
                              relaxed=plan.relaxed + [_relaxed(
                                  "occasion", "evidence_text", f"No fact is recorded at {label}; the answers are facts "
                                  "whose reports name it.")]))
    if source:  # then figures with no source named, told in reports that name it ("the agency's report")
        plans += [replace(p, bindings={k: v for k, v in p.bindings.items() if k != "actor"}, unsourced=True,
                          need_words=p.need_words + parse.content_words(source, lex), relaxed=p.relaxed + [_relaxed(
                              "actor", "evidence_text", f"No figure in the graph is held by {source}; the answers name "
                              f"no source and their reports name {source}.")]) for p in plans if "actor" in p.bindings]
    if tid == "estimates" and not parsed.yesno and parsed.counted:  # "how many stations did X visit": a count
        counts = [p for p in plans if p.template == "estimates"]
        plans += [replace(p, template="statements", numbered=True, relaxed=p.relaxed + [_relaxed(  # told as said
            "template", "statements", "No estimate in the graph counts it; the answers are statements that give "
            "its number.")], unsourced=False) for p in counts]
        plans += _counted_acts(counts, parse.lemma(parsed.counting, lex)) if parsed.counting else []
    if parsed.yesno:  # "did Iran accept X?": a report that Iran rejected X answers No, when none says it did
        plans += _rekinded(plans, lex.contrary_kinds.get(slots.get("kind", ""), ()), contrary=True)
    else:  # "what did Hungary reject?": "Hungary would never accept the quotas", when no rejection is told
        plans += _rekinded(plans, lex.refusal_kinds.get(slots.get("kind", ""), ()), negated_only=True)
        plans += _rekinded([p for p in plans if not p.negated_only],  # "what did X promise": "we will build it"
                           lex.announced_kinds.get(slots.get("kind", ""), ()), spoken=True)
    if parsed.yesno and slots.get("act") and slots.get("kind") in AGREED_ACTS:
        plans += _refused_act(plans, slots["act"], lex)
    if parsed.yesno and tid == "proposals":  # "did X propose Y?": X's mocking remark suggesting Y answers No
        plans += [replace(p, template="statements", ironic="proposal", contrary=True) for p in plans
                  if p.template == "proposals"]
    if parsed.yesno and tid == "positions" and slots.get("kind") in MOCKED_KINDS:  # "did X promise Y?": likewise
        plans += [replace(p, template="statements", bindings={k: v for k, v in p.bindings.items() if k != "kind"},
                          ironic=MOCKED_KINDS[slots["kind"]], contrary=True) for p in plans if p.template == "positions"
                  and "actor" in p.bindings and not p.negated_only and not p.spoken]
    asked = {p["iri"]: p["label"] for n in ("actor", "other") for p in [params.get(n)] if isinstance(p, dict)}
    asked.update({p["iri"]: p["label"] for p in params.get("actors", []) if isinstance(p, dict)})
    for plan in plans:
        plan.aliases = aliases
        plan.verb = verb_lemma or slots.get("verb", "")
        # "what did the king reaffirm": statements told with that verb, not everything he said
        plan.only_verb = bool(plan.verb) and plan.verb not in lex.kind_naming_verbs and BY_ID[plan.template].only_verb
        # "who signed the agreement": the kind named by the object, the signings alone when any is told
        plan.own_verb = bool(plan.verb) and plan.verb not in lex.kind_naming_verbs and "kind" in plan.bindings \
            and not parsed.yesno
        plan.yesno, plan.strict, plan.asked = parsed.yesno, parsed.strict or parsed.yesno, asked
        plan.head, plan.counted, plan.counting = parsed.head, parsed.counted, parsed.counting
        plan.owners = named.owners(plan.words, index) if parsed.yesno else {}
        plan.kind_nouns = lex.kind_nouns
        plan.details, plan.remote, plan.in_person = parsed.details, parsed.remote, parsed.in_person
        plan.target, plan.target_verbs = target, lex.target_verbs
        plan.named = name_words
    return plans


def _counted_acts(plans: list[Plan], verb: str) -> list[Plan]:
    """ "How many prisoners did Belarus free (according to the agency)?": an act told with the asked verb
    and its count ("Belarus freed 14 prisoners", in the agency's report), when no estimate or statement
    gives it; the report's own narrative, or the source's when one is asked."""
    return [replace(p, template="actions", numbered=True, bindings={**{k: v for k, v in p.bindings.items()
                                                                      if k in BY_ID["actions"].parameters},
                                                                   "verb": Literal(verb)},
                    params={**p.params, "verb": verb}, relaxed=p.relaxed + [_relaxed(
                        "template", "actions", f"No estimate or statement in the graph counts it; the answers are "
                        f"acts told with \u201c{verb}\u201d and their number.")]) for p in plans]


# "did X agree to cut tariffs?": kinds whose act, announced as not to be done ("X would not reduce
# tariffs"), answers No
AGREED_ACTS = ("Agreement", "Acceptance", "Commitment")


def _refused_act(plans: list[Plan], act: str, lex: lexicon.QuestionLexicon) -> list[Plan]:
    """The act agreed to, asked of the same actor as a negated act with its verb or a synonym: only a
    fact announcing that the actor will not do it answers, and it answers No ("did not cut" is no refusal)."""
    out = []
    for plan in [p for p in plans if "kind" in p.bindings and not p.contrary]:
        kept = {k: v for k, v in plan.bindings.items() if k in BY_ID["actions"].parameters}
        params = {k: v for k, v in plan.params.items() if k not in ("kind", "topic")}
        words = [w for w in plan.words if w != act]  # the verb is bound, its synonyms too
        for verb in (act, *lex.synonyms.get(act, ())):
            out.append(replace(plan, template="actions", bindings={**kept, "verb": Literal(verb)},
                               params={**params, "verb": verb}, words=words, negated_only=True, announced=True,
                               topic_names=[]))
    return out


def _require(plans: list[Plan], words: list[str], yesno: bool) -> None:
    """Words every answer must have: in the fact itself for a verdict (not in a sentence that also tells
    another fact), else in the fact or its passages."""
    for plan in plans:
        if yesno:
            plan.words = plan.words + words
        else:
            plan.need_words = plan.need_words + words


def _rekinded(plans: list[Plan], kinds: tuple[str, ...], **marks) -> list[Plan]:
    """The plans that ask for a kind, asked again for each of `kinds`, after every plan as asked; `marks`
    say how their answers count (contrary=True: a yes/no No; negated_only=True: negated facts only)."""
    out = []
    for kind in kinds:
        for plan in [p for p in plans if "kind" in p.bindings]:
            term = {"iri": KG_NS + kind, "label": kind}
            out.append(replace(plan, bindings={**plan.bindings, "kind": NamedNode(term["iri"])},
                               params={**plan.params, "kind": term}, **marks))
    return out
