"""Whether an event the text tells of took place: the status of a meeting from its clause.

None means the article reports it as having happened. Otherwise one of STATUSES (kg:status):
Planned (still to come: "will meet", "agreed to hold talks next week", "the upcoming summit"),
Hypothetical (conditional, possible, asked for or asked about: "if they meet", "could meet",
"urged X to meet Y", "proposed talks") or Negated (reported as not having happened: "did not meet",
"refused to meet", "the summit was cancelled"). Questions about meetings answer only with those
that happened; the others stay in the graph, marked.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...vocab import STATUSES
from .seams import quoted_sign

PLANNED, HYPOTHETICAL, NEGATED = STATUSES

FUTURE_AUX = ("will", "shall", "'ll", "wo")
MODALS = ("could", "would", "might", "may", "should", "must", "can", "ca", "ought")
NEGATIONS = ("not", "n't", "never")
CONDITION_MARKS = ("if", "unless", "whether", "lest", "provided", "providing")
# verbs whose to-clause or that-clause tells what is arranged or intended, not done ("agreed to meet")
PLAN_HEADS = ("plan", "agree", "expect", "schedule", "set", "intend", "want", "seek", "aim", "prepare",
              "arrange", "decide", "promise", "pledge", "vow", "offer", "due", "wish", "look", "prefer",
              "consider", "need", "have", "decision", "agreement", "deal", "arrangement", "invitation")
# verbs whose clause is asked of, or said to be possible for, someone else ("urged X to meet Y")
ASK_HEADS = ("urge", "ask", "invite", "call", "propose", "suggest", "demand", "press", "encourage",
             "request", "push", "insist", "recommend", "advise", "try", "attempt", "hope", "like", "love",
             "fear", "worry", "threaten", "warn", "able", "likely", "possible", "ready",
             "willing", "eager", "keen", "unlikely", "happy", "open", "seem", "appear", "allow", "permit")
# verbs whose that-clause or prepositional object is asked for or feared ("demanded that they meet")
CLAUSE_ASK = ("urge", "ask", "call", "propose", "suggest", "demand", "press", "push", "insist", "recommend",
              "request", "hope", "wish", "want", "fear", "worry", "advocate", "appeal", "plead", "lobby")
# verbs whose to-clause did not take place ("refused to meet", "failed to hold talks")
DENY_HEADS = ("refuse", "fail", "decline", "reject", "avoid", "refrain", "deny", "cancel", "scrap", "forgo")
# verbs whose to-clause or gerund took place ("managed to meet", "spent the day meeting")
DONE_HEADS = ("manage", "prompt", "force", "compel", "oblige", "spend", "begin", "start", "continue",
              "resume", "finish", "stop", "end", "conclude", "keep", "arrive", "come", "return")
# adjectives of a meeting noun ("the planned summit", "proposed talks")
PLANNED_ADJS = ("planned", "upcoming", "forthcoming", "scheduled", "expected", "next", "future",
                "anticipated", "coming", "impending", "prospective", "rescheduled", "postponed", "delayed")
POSSIBLE_ADJS = ("proposed", "possible", "potential", "hypothetical", "mooted", "suggested", "hoped-for",
                 "desired", "eventual", "requested", "would-be")
UNREACHED_ADJS = ("stalled", "draft", "long-awaited", "elusive")  # and "long-delayed": an agreement not made yet


def unreached(noun: Token) -> bool:
    """ "their proposed trade agreement", "their long-delayed trade deal": a thing named as not yet made,
    no agreement reached."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_ADJS + POSSIBLE_ADJS + UNREACHED_ADJS
               for c in noun.children)


# verbs that say a meeting did not take place ("the summit was cancelled") or was moved
UNDONE_VERBS = ("cancel", "scrap", "abandon", "call", "scuttle", "shelve", "boycott", "skip", "torpedo")
MOVED_VERBS = ("postpone", "delay", "reschedule", "defer", "push", "plan", "schedule", "propose")
# prepositions whose object is what the verb is about ("called for talks", "agreed to talks")
ARGUMENT_PREPS = ("for", "to", "on", "of", "about", "toward", "towards", "against")
FUTURE_TIMES = ("next", "tomorrow", "coming", "later this", "later in", "upcoming")


def of_verb(pred: Token, time_text: str | None = None) -> str | None:
    """The status of an event told by a verb ("X met Y", "X will meet Y", "X did not meet Y")."""
    status = _own(pred)
    if status is None and any(w in (time_text or "").lower() for w in FUTURE_TIMES):
        status = PLANNED  # "the board meets next week"
    if status == NEGATED:
        return status
    up = _governed(pred)
    if up is not None:
        status = stronger(status, up)
    if status is None and _asked(pred):
        status = HYPOTHETICAL  # "Will they meet?", "Did they meet?"
    return status


def of_noun(noun: Token, verb: Token | None) -> str | None:
    """The status of a meeting told by a noun: its own words ("the planned summit", "no meeting"), the
    verb that holds it ("will hold talks", "cancelled the summit"), its time ("the summit next week")."""
    words = [c for c in noun.children if c.dep_ in ("amod", "det", "compound", "neg")]
    if any(c.lower_ == "no" for c in words) or any(c.dep_ == "neg" for c in noun.children):
        return NEGATED
    status = None
    if any(c.lower_ in PLANNED_ADJS for c in words):
        status = PLANNED
    if any(c.lower_ in POSSIBLE_ADJS for c in words):
        status = HYPOTHETICAL
    head = noun.head if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else None
    if head is not None and head.pos_ in ("VERB", "AUX"):
        lemma = head.lemma_.lower()
        if lemma in UNDONE_VERBS and not (lemma == "call" and not any(c.lower_ == "off" for c in head.children)):
            return NEGATED if _own(head) is None else HYPOTHETICAL  # "called off the talks"
        if lemma in MOVED_VERBS and not (lemma == "push" and not any(c.lower_ == "back" for c in head.children)):
            status = stronger(status, PLANNED)
    if verb is not None:
        status = stronger(status, of_verb(verb))
    if noun.dep_ == "pobj":
        status = stronger(status, _governed(noun))  # "called for talks between X and Y"
    return status


def _own(pred: Token) -> str | None:
    """What the verb's own auxiliaries, negation and conjunction say."""
    kids = list(pred.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") or c.lower_ in ("n't", "n’t")
           for c in kids):
        return NEGATED
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids):
        return HYPOTHETICAL
    auxes = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(a in MODALS for a in auxes):
        return PLANNED if "would" in auxes and _reported(pred) else HYPOTHETICAL
    if any(a in FUTURE_AUX for a in auxes):
        return PLANNED
    return None


def _governed(pred: Token) -> str | None:
    """What the clause above says of this one: "agreed to meet", "refused to meet", "if they meet",
    "called for talks", walking up through clauses that carry no status of their own."""
    tok, status = pred, None
    for _ in range(4):
        head = tok.head
        if head is tok:
            return status
        if (served := quoted_sign(tok)) is not None:  # "banners reading 'No cuts' to demand": the marchers' aim
            tok = served
            status = stronger(status, _own(tok))
            continue
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            return stronger(status, HYPOTHETICAL)
        if tok.dep_ == "conj":
            tok = head  # "X arrived and met Y": what holds of the first verb holds of the second
            status = stronger(status, _own(tok))
            continue
        if _denied_report(tok, head):  # "denied a report that she had met X"
            return NEGATED if _own(head.head) is None else HYPOTHETICAL
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "advcl"):
            return status
        if tok.dep_ == "prep" and tok.lower_ not in ARGUMENT_PREPS:
            return status  # "during the meeting, X proposed": a time or place of the clause, not its object
        lemma = head.lemma_.lower()
        if lemma == "go" and head.tag_ == "VBG" and tok.dep_ == "xcomp":
            return stronger(stronger(status, PLANNED), _own(head))  # "are going to meet"
        if tok.dep_ != "advcl":
            if lemma in DENY_HEADS:
                return NEGATED if _own(head) is None else HYPOTHETICAL  # "did not refuse to meet": unknown
            if lemma in DONE_HEADS:
                return stronger(status, _own(head))
            clause = tok.dep_ in ("ccomp", "pcomp", "pobj", "prep")  # "urged that ...", "called for talks"
            kind = HYPOTHETICAL if lemma in (CLAUSE_ASK if clause else ASK_HEADS) else \
                PLANNED if lemma in PLAN_HEADS else None
            if kind is None and (tok.dep_ == "xcomp" or (tok.dep_ == "acl" and _infinitive(tok))):
                kind = HYPOTHETICAL  # a to-clause of another word ("the idea to meet"): not told as done
            if kind is not None:
                return stronger(stronger(status, kind), _own(head))
        if tok.dep_ == "ccomp":
            return status  # "said that they met", "did not say that they met": the report, not the event
        if tok.dep_ not in ("prep", "pobj", "pcomp"):  # "hadn't done anything wrong on his calls": not them
            status = stronger(status, _own(head))
        tok = head
    return status


REPORT_NOUNS = ("report", "claim", "allegation", "suggestion", "rumour", "rumor", "story", "account", "speculation")
DISMISS_HEADS = ("deny", "reject", "dismiss", "refute", "rebut")


def _denied_report(clause: Token, noun: Token) -> bool:
    """The that-clause of a report its verb denies ("denied a report that ...", "dismissed claims that
    ..."; the parser may read it as a relative clause with a subject of its own): disputed, not told as done."""
    if clause.dep_ == "relcl":
        own = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") and c.lower_ != "that"
                  for c in clause.children)
        if not own:
            return False  # "a report that the paper published": a relative clause on the report
    elif clause.dep_ not in ("acl", "ccomp"):
        return False
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in REPORT_NOUNS and noun.dep_ in ("dobj", "nsubjpass") \
        and noun.head.lemma_.lower() in DISMISS_HEADS


RANK = {None: 0, PLANNED: 1, HYPOTHETICAL: 2, NEGATED: 3}


def stronger(a: str | None, b: str | None) -> str | None:
    """The status further from "it happened": a planned meeting someone refused is not held."""
    return a if RANK[a] >= RANK[b] else b


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def conditional(pred: Token) -> bool:
    """An act told with a conditional "would" of its own, not reported after a verb of saying ("under the
    offer, Peru would take the ministry", "they would have won"): supposed, not done."""
    first = pred
    while first.dep_ == "conj" and first.head is not first:  # "said it had waited and would file"
        first = first.head
    return not _reported(first) and any(c.dep_ == "aux" and (c.lower_ == "would" or (c.lower_ == "'d"
                                        and pred.tag_ == "VB")) for c in pred.children)


def _reported(pred: Token) -> bool:
    """A clause reported after a verb of saying ("said they would meet"): "would" is a future then."""
    return pred.dep_ == "ccomp" and pred.head.pos_ == "VERB"


def _asked(pred: Token) -> bool:
    """The verb of a question the text asks ("Will Scholz meet Xi?")."""
    sent = pred.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.tag_ not in ("''", "``")), None)
    return last is not None and last.text == "?" and pred.dep_ == "ROOT"
