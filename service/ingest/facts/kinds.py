"""Kind assignment from the lexicon: which trigger a token is, and how context changes the kind.

Two-word triggers are a head word plus a dependent ("call for", "rule out", "share the view", "make
clear", "speak by phone"); they win over the head word alone. Context then adjusts the kind: a joint
subject ("both sides recognized", "the two leaders acknowledged") turns an acknowledgment into an
agreement; a verb outside the lexicon makes a generic Action, or an Intention when it is announced
("will increase talks").
"""
from __future__ import annotations

from spacy.tokens import Token

from .contents import channel
from .lexicon import Lexicon, Trigger
from .spans import in_quote

JOINABLE = ("Acknowledgment", "Acceptance")  # "both said" is two statements, not an agreement
INSISTING = ("insist",)  # speech verbs whose clause says what must be: a Demand
PROMISING = ("promise", "pledge", "vow", "guarantee")  # of an outcome ("we will win"): an assurance, no pledge
FUTURE = ("will", "shall", "'ll")
SCHEDULING = ("immediately", "soon", "shortly", "tomorrow", "tonight")  # "will immediately increase talks"
# outcomes nobody decides alone: "will win the election" is a forecast, not a plan
OUTCOMES = ("win", "lose", "prevail", "succeed", "fail", "survive", "happen", "live", "die", "become", "beat",
            "defeat", "triumph", "gain", "perform", "exceed", "outperform", "receive", "need", "remember", "forget",
            "feature", "discover", "face", "cost")  # "the brunch will feature X", "we'll discover what works"
# heads whose clause is a forecast, not a plan ("predicted that he would arrive with a majority")
FORECASTS = ("predict", "forecast", "expect", "bet", "guess", "project", "anticipate", "doubt", "wager",
             "optimistic", "pessimistic", "confident", "sure", "certain")
# stances one holds or not, which a modal makes a supposition ("might accept", "could want")
HELD = ("Intention", "Commitment", "Acceptance", "Agreement", "Denial", "Disagreement")
NOT_POSITIONS = ("Statement", "Action", "Meeting", "Estimate", "Role")
GENERIC = Trigger("", None, "verb", "Action", "content", 0.6)


# the parts of speech a predicate can have: trigger_for reads no other, nor do the contact verbs, quote
# frames and generic verbs (VERB); the reader skips the rest of a sentence's tokens
PREDICATE_POS = ("VERB", "AUX", "ADJ", "NOUN")


def _pos(tok: Token) -> tuple[str, ...]:
    pos = tok.pos_  # read once: every token of every sentence comes here
    if pos in ("VERB", "AUX"):
        if tok.tag_ == "VBN" and (tok.dep_ == "acomp" or any(c.dep_ == "auxpass" for c in tok.children)):
            return "adj", "verb"  # "are committed to", "were alarmed by": states, read as adjectives
        return ("verb",)
    if pos == "ADJ":
        return ("adj",)
    if pos == "NOUN":
        if tok.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in tok.children) and any(
                c.dep_ == "ccomp" for c in tok.children):
            return "verb", "noun"  # "Trump claims that ...": a verb the tagger took for a plural noun
        return ("noun",)
    return ()


def _dependent(tok: Token, word: str) -> Token | None:
    """A dependent of `tok` with this lemma: a particle, preposition, object, complement, or the
    object of a preposition ("speak by phone")."""
    for c in tok.children:
        if c.lemma_.lower() == word or c.lower_ == word:
            if c.dep_ in ("prep", "prt") and not _next_to(tok, c):
                continue  # "called the vote a dark day for democracy" is no "call for"
            if _predicated(c):
                continue  # "did not consider Ortiz a realistic option": a view of Ortiz, no option weighed
            return c
    for c in tok.children:
        if c.dep_ in ("prep", "agent"):
            for g in c.children:
                if g.dep_ == "pobj" and (g.lemma_.lower() == word or g.lower_ == word):
                    return g
    for c in tok.children:  # "called for the senator to resign": the parser made "for" the clause's mark
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == word and m.i == tok.i + 1), None)
        if c.dep_ in ("advcl", "ccomp") and mark is not None and any(a.tag_ == "TO" for a in c.children):
            return mark
    for obj in tok.children:  # "discussed the crisis with Y": the parser hung the preposition on the object
        if obj.dep_ == "dobj":
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ == word and c.i == obj.i + 1:
                    return c
    return None


def _predicated(dep: Token) -> bool:
    """A noun that says what something else is (a small clause: "consider X an option", "called it a deal"),
    not the thing the verb acts on; an adjective ("made it clear") stays a two-word trigger's complement."""
    if dep.pos_ not in ("NOUN", "PROPN"):
        return False
    return dep.dep_ in ("oprd", "attr") or (dep.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in dep.children))


def _naming_call(verb: Token, dep: Token) -> bool:
    """ "called X's remarks on Monday a new low", "calls X's idea for a wall 'stupid'": a preposition the parser
    hung on the object of "call", with what the object is called beside it (an apposition or a quote)."""
    if verb.lemma_.lower() != "call":
        return False
    if dep.head == verb and any(c.dep_ == "dobj" and c.i < dep.i for c in verb.children):
        return True  # "called the remarks on 9/11 a low", "called him on his record": "call on X" has no object first
    if dep.head.dep_ != "dobj" or dep.head.head != verb:
        return False
    return any(t.dep_ in ("appos", "oprd") or t.text in ("'", '"', "“", "”", "‘", "’") for t in dep.head.subtree
               if t.i > dep.head.i) or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children)


SETTINGS = ("GPE", "LOC", "FAC", "DATE", "TIME")  # entities a phrase of where or when names


def _next_to(verb: Token, prep: Token) -> bool:
    """A particle or preposition right after the verb, or after its object ("asked allies for") or its
    particle ("sat down with")."""
    between = verb.doc[verb.i + 1:prep.i]
    obj = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    manner = {t.i for c in verb.children if c.dep_ == "advmod" for t in c.subtree}  # "candidly and frankly"
    manner |= {t.i for c in verb.children if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")
               for t in c.subtree}  # "spent four hours today with", "met yesterday with"
    manner |= {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on") and any(
        g.dep_ == "pobj" and g.ent_type_ in SETTINGS for g in c.children) for t in c.subtree}  # "spent an hour
    # in Stornoway with", "sat down on Friday with": where or when, between the verb and its preposition
    if any(t.dep_ == "prt" and t.head == verb for t in between):  # "sat down with", not "called out X for"
        return all(t.i in manner or t.pos_ == "ADV" or (t.dep_ == "prt" and t.head == verb) for t in between)
    return all(t.i in obj or t.i in manner or t.pos_ == "ADV" for t in between)


def trigger_for(tok: Token, lexicon: Lexicon) -> tuple[Trigger, Token | None] | None:
    """The lexicon trigger a token is (with the dependent of a two-word trigger), or None."""
    for pos in _pos(tok):
        words = (tok.lower_, tok.lemma_.lower()) if pos == "adj" else (tok.lemma_.lower(),)
        if pos == "verb":  # the lemmatizer slips ("hoped" -> "hop"): the form's own stems as well
            words += _stems(tok.lower_, tok.tag_)
        for word in words:
            for trig in lexicon.double.get((word, pos), ()):
                dep = _dependent(tok, trig.second)
                if dep is not None and _naming_call(tok, dep):
                    continue  # "called her remarks on Monday a new low": naming them, no call on anyone
                if dep is not None and not (trig.kind == "speech" and dep.dep_ == "prep" and channel(dep)):
                    return trig, dep  # "spoke on television": how, not what about
        for word in words:
            trig = lexicon.single.get((word, pos))
            if trig is not None:
                return trig, None
    return None


def _stems(form: str, tag: str) -> tuple[str, ...]:
    """Candidate lemmas of an inflected verb form, tried after the lemmatizer's own."""
    if tag in ("VBD", "VBN") and form.endswith("ed"):
        return form[:-1], form[:-2], form[:-3] if len(form) > 4 and form[-3] == form[-4] else form[:-2]
    if tag == "VBZ" and form.endswith("s"):
        return form[:-1], form[:-2]
    if tag == "VBG" and form.endswith("ing"):
        return form[:-3] + "e", form[:-3]
    return ()


def is_joint(subject_tokens, lexicon: Lexicon) -> bool:
    """A subject that names its holders as acting together: "both sides", "the two presidents"."""
    return any(lexicon.cue(t.lower_) == "joint" or (t.lower_ == "two" and t.dep_ == "nummod")
               for t in subject_tokens)


def adjust(trig: Trigger, joint: bool, clause: Token | None = None) -> str:
    """The fact kind of a lexicon trigger in context: a joint subject makes an agreement; insisting
    on what must happen is a demand ("insisted that any deal must include ..."). Saying that
    something should happen is the speaker's opinion, a Statement ("said the rule should go")."""
    kind = trig.fact_kind
    if joint and kind in JOINABLE:
        return "Agreement"
    if trig.speech and trig.word in INSISTING and (clause is None or _deontic(clause) or _subjunctive(clause)):
        return "Demand"  # not "insisted that he was innocent": a Statement
    if trig.word in PROMISING and clause is not None and _outcome(clause):
        return "Statement"  # "I promise you we will win": an assurance of what nobody decides alone, no pledge
    return kind


def _outcome(clause: Token) -> bool:
    """A clause whose verb, past "going to", is an outcome ("we will win", "he is going to lose")."""
    verb = clause
    while verb.lemma_.lower() in ("go", "be") and (nxt := next((c for c in verb.children if c.dep_ == "xcomp"),
                                                                None)) is not None:
        verb = nxt
    return verb.lemma_.lower() in OUTCOMES


def _subjunctive(clause: Token) -> bool:
    """A that-clause in the bare form ("insisted that he resign", "insist the talks be held")."""
    return clause.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "VB" and c.lower_ != "be"
                                           for c in clause.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _deontic(clause: Token) -> bool:
    for c in clause.children:
        if c.dep_ == "aux" and c.lower_ in ("must", "should"):
            return True
        if c.lower_ in ("has", "have", "need", "needs") and any(g.dep_ == "xcomp" for g in clause.children) \
                and clause.lemma_ in ("have", "need"):
            return True
    return False


def generic_kind(pred: Token) -> str:
    """A verb outside the lexicon: an Intention when announced for the future, else an Action. Not an
    outcome ("will win") nor a future perfect ("will have spoken to thousands"): forecasts."""
    if pred.lemma_.lower() in OUTCOMES or any(c.dep_ == "aux" and c.lemma_ == "have" for c in pred.children):
        return "Action"
    if pred.dep_ == "ccomp" and pred.head.lemma_.lower() in FORECASTS:
        return "Action"  # "predicted that he would arrive with a majority": a forecast
    for c in pred.children:
        # reported: "said Moscow would respond"; not in a direct quote, where "would" is a conditional
        # ('"I would choose the governor," she said')
        if c.dep_ == "aux" and (c.lower_ in FUTURE or (c.lower_ == "would" and pred.dep_ == "ccomp"
                                                       and not in_quote(pred))):
            return "Intention"  # "will send"
    if pred.dep_ == "xcomp" and pred.head.lemma_ == "go" and pred.head.tag_ == "VBG":
        return "Intention"  # "is going to increase"
    return "Action"


def conditional(pred: Token) -> bool:
    """A position told with a conditional "would" in the writer's or a speaker's own voice ("Ukrainians
    would welcome an offer of that kind"): supposed, not reported as held. A reported "would" ("said she
    would support it", "the report that X would back Y"), a refusal ("would not exclude it") and a
    speaker's own ("we would back it") are positions held."""
    heads = [pred] + ([pred.head] if pred.dep_ in ("xcomp", "acomp") or pred.pos_ == "ADJ" else [])
    auxes = [c for h in heads for c in h.children if c.dep_ == "aux"]
    if not any(a.lower_ == "would" or (a.lower_ == "'d" and heads[-1].tag_ == "VB") for a in auxes):
        return False
    if any(c.dep_ == "neg" for h in heads for c in h.children):
        return False
    subj = next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("i", "we"):
        return False
    clause = heads[-1]
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # "said X and that he would support Y"
    reported = clause.dep_ in ("ccomp", "acl") and clause.head.pos_ in ("VERB", "NOUN") or any(
        c.dep_ == "parataxis" and c.pos_ == "VERB" for c in clause.children)  # "X, these people said, would"
    return not (reported and not in_quote(pred))


def narrative_future(cand) -> bool:
    """A future told in the writer's own voice ("Obama will also try to ...", "she will win at least
    56"): a forecast, not an Intention. A future is someone's intention when it is in their own words
    (then the fact is attributed to them) or scheduled ("will travel to China next week")."""
    fact = cand.fact
    generic = not cand.lexical or cand.trigger.kind == "Action"
    scheduled = (fact.time_text is not None or any(c.dep_ == "advmod" and c.lower_ in SCHEDULING
                                                   for c in cand.pred.children)) and fact.condition is None
    # "If all goes well, X will arrive on Friday": a forecast under a condition, not a schedule
    return fact.kind == "Intention" and generic and fact.attributed_to is None and not scheduled


def is_generic_candidate(pred: Token) -> bool:
    """A verb that can make a generic subject-verb-object Action."""
    return pred.pos_ == "VERB" and pred.dep_ not in ("amod", "compound", "auxpass", "aux") and pred.is_alpha
