"""What a sentence says of a meeting besides who met: whether the subject of a clause took part in a
meeting noun ("spoke at a rally", "attended the summit", "on the sidelines of the summit"), whether the
meeting is still to come, by phone, or held by a body meeting on its own ("the council convened").
"""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Span
from .clauses import main_verb_in_relative
from .spans import char_span, text_of
from .timing import awaited, before, conditional, measure_of, planned

# a meeting noun or gerund after these was held, by the subject of the clause they modify
HELD_PREPS = ("after", "following", "during", "at", "in", "while", "on")
LATER_PREPS = ("after", "following")
LAST_VERBS = ("last", "run", "continue")
# verbs of holding a meeting told in a relative clause ("the call she had with X")
HOLD_VERBS = ("have", "hold", "conduct")
# meeting nouns a clause's subject takes part in (not "a training session")
GATHERINGS = ("meeting", "talk", "talks", "summit", "conference", "rally", "negotiation", "call",
              "conversation", "forum", "dinner", "lunch", "visit", "ceremony")
UNNAMED_NOT = ("session",)  # a meeting only with its participants named ("a session of the council")
CEREMONIES = ("ceremony",)  # a meeting only when two people are named there (not one sworn in)
MEALS = ("dinner", "lunch")
# verbs of a meeting only with someone named on the other side ("shook hands with X"; not "the airtime
# they received", "senators debated for hours")
PAIRED = ("shake", "receive", "debate", "interview")
# meeting nouns between persons only: "an interview with Reuters" is the outlet's report, "his MSNBC
# debate with X" was broadcast by MSNBC; a person must be named on the noun
PERSONAL_CONTACT = ("interview", "debate")
VENUES = ("conference",)  # where things are said to the press
# meeting nouns of an exchange between sides: one side named alone took part in none it can be told of
EXCHANGES = ("talk", "talks", "negotiation", "negotiations", "conversation", "call")
# verbs whose object is a meeting that their subject took part in ("attended the summit")
ATTEND_VERBS = ("attend", "hold", "host", "chair", "enter", "address", "join", "convene", "conclude", "open",
                "co-host", "cohost", "leave", "wrap", "end", "complete", "finish", "begin", "start", "resume")
BROKERING = ("broker", "mediate", "host", "sponsor", "back", "facilitate", "organize", "organise", "arrange")
RETURN_VERBS = ("return", "come", "emerge")  # "returned from talks": the subject took part in them
# verbs whose object is a person spoken to, there with the subject ("asked Sharif during a meeting")
ADDRESS_VERBS = ("ask", "tell", "urge", "warn", "assure", "press", "inform", "brief", "thank", "promise")
# verbs of handing something to someone ("put the proposal to X in a meeting"): X was there too
HANDING_VERBS = ("put", "present", "hand", "submit", "deliver", "give", "show", "outline", "explain", "pitch")
# verbs that are a contact when their object is a person ("phoned Abbott", "called his counterpart")
PERSON_VERBS = ("call", "phone", "telephone", "ring", "visit", "greet", "welcome", "interview")
# nouns a person stands on or beside at a meeting ("on the sidelines of the summit")
BESIDE_NOUNS = ("sideline", "sidelines", "margin", "margins", "side", "part", "course")


IN_PERSON = ("meet", "visit", "host", "receive", "welcome")  # verbs of a meeting face to face
REMOTE = ("phone", "telephone", "call", "conversation", "videoconference", "video", "videolink", "letter")


def remote(pred: Token) -> bool:
    """A meeting by phone or video: a dateline says where the reporter was, not where it took place. Told
    by the word itself ("phoned"), the means of a verb ("spoke by phone", "held a video call") or a noun's
    modifier ("telephone diplomacy"); never by a clause inside ("in talks both sides called useful")."""
    nouns = [pred]
    if pred.pos_ in ("VERB", "AUX"):
        for c in pred.children:
            if c.dep_ in ("dobj", "attr", "npadvmod"):
                nouns.append(c)
            elif c.dep_ in ("prep", "agent"):
                nouns += [g for g in c.children if g.dep_ == "pobj"]
    words = nouns + [m for n in nouns for m in n.children if m.dep_ in ("compound", "amod")]
    return any(t.lemma_.lower() in REMOTE or t.lower_ in ("phoned", "telephoned") for t in words)


# verbs whose to-clause tells what was done ("prompted X to convene a call", "managed to meet Y")
IMPLICATIVE = ("prompt", "force", "compel", "manage", "oblige")


def implied(pred: Token) -> bool:
    """A to-clause whose event took place because the verb above says it did ("the floods prompted
    the governor to convene a call", "she managed to meet him"), when that verb itself happened."""
    head = pred.head
    return pred.dep_ == "xcomp" and head.lemma_.lower() in IMPLICATIVE and head.pos_ == "VERB" \
        and not planned(head) and not conditional(head) and head.dep_ != "xcomp" \
        and not any(c.dep_ == "neg" for c in head.children)


def quoted_fragment(pred: Token) -> bool:
    """A gerund quoted before the verb of saying ("'Negotiating with Japan, negotiating with China,' he
    said"): the speaker's words about an activity, not the speaker doing it."""
    head = pred.head
    return pred.tag_ == "VBG" and pred.i < head.i and any(t.tag_ == "''" for t in pred.doc[pred.i + 1:head.i])


def passive_reception(pred: Token) -> bool:
    """ "would be met with a swift response", "were met by protests": a passive with no agent, or of
    "meet" with a thing on the other side, is a reception, not a meeting."""
    return any(c.dep_ == "auxpass" for c in pred.children) and not any(c.dep_ == "agent" for c in pred.children)


BODY_NOUNS = ("council", "committee", "commission", "board", "cabinet", "parliament", "assembly", "panel",
              "delegation", "delegations", "group", "bloc", "alliance", "leadership", "club")


def collective(subj: Token | None) -> bool:
    """A subject that meets by itself: "EU ministers met", "the council convened"."""
    if subj is None:
        return False
    return subj.tag_ in ("NNS", "NNPS") or subj.lemma_.lower() in BODY_NOUNS or \
        any(c.dep_ == "cc" for c in subj.children) or any(c.dep_ == "conj" for c in subj.children)


def took_part(noun: Token) -> Token | None:
    """The clause whose subject took part in a meeting noun: "X spoke at a rally", "X attended the
    summit", "X met Y on the sidelines of the summit", "during a meeting with Y, X said"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ATTEND_VERBS:
        return head
    if measured(noun) is not None:  # "held two days of talks"
        return head.head.head
    measure = measure_of(noun)  # "agreed ... after 11 hours of talks", "returned from two days of talks"
    if measure is not None and measure.dep_ == "pobj" and measure.head.head.pos_ == "VERB" and (
            measure.head.lower_ in LATER_PREPS or (measure.head.lower_ == "from"
                                                   and measure.head.head.lemma_.lower() in RETURN_VERBS)):
        return measure.head.head
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return None
    beside = head.lower_ == "of" and head.head.lower_ in BESIDE_NOUNS and head.head.dep_ == "pobj"
    if beside:
        head = head.head.head  # "on the sidelines of the summit", "as part of a meeting"
    meal = noun.lemma_.lower() in MEALS and head.lower_ in ("to", "over")  # "sat down to dinner with X"
    meal = meal or (head.lower_ == "for" and head.head.lemma_.lower() == "sit")  # "sat down for talks"
    if head.lower_ not in HELD_PREPS + (("as",) if beside else ()) and not meal:
        return None
    verb = head.head if head.head.pos_ in ("VERB", "AUX") else _misparsed_verb(head.head)
    if verb is None and meal:
        verb = _verb_over_object(head.head)  # "failed to reach a deal on funding over dinner": reach
    if verb is None:
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DECIDED_AT:
        return verb.head  # "agreed to create a council in a meeting": the meeting is where they agreed
    return verb


def meal_on_object(noun: Token) -> bool:
    """ "failed to reach a deal on funding over dinner": a meal the parser hung on an object's phrase, held
    whatever became of the act (the deal failed, not the dinner), and only a meeting of two or more."""
    head = noun.head
    return noun.dep_ == "pobj" and noun.lemma_.lower() in MEALS and head.lower_ == "over" \
        and head.head.pos_ in ("NOUN", "PROPN") and _verb_over_object(head.head) is not None


def _verb_over_object(noun: Token) -> Token | None:
    """The verb whose object's phrase the parser hung a meal on ("reach a deal on funding over dinner"):
    up through objects and their prepositions only, never a clause of its own."""
    tok = noun
    for _ in range(4):
        if tok.dep_ not in ("dobj", "pobj", "prep"):
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _misparsed_verb(name: Token) -> Token | None:
    """ "X, a diplomat whom the bloc appointed, put the plan to Y, in a meeting ...": the parser made the
    name the sentence's root and hung the phrase on it; the verb it took for a relative clause's is the main one."""
    if name.dep_ != "ROOT" or name.pos_ != "PROPN":
        return None
    return next((t for t in name.subtree if t.dep_ == "relcl" and main_verb_in_relative(t) == name), None)


def set_off(verb: Token, obj: Token) -> bool:
    """An "object" the parser found after a comma, past the verb's other phrases ("met at the palace, the
    king's residence"): an apposition of the phrase before it."""
    left = obj.left_edge.i
    return left > verb.i + 1 and verb.doc[left - 1].text == "," and \
        any(c.dep_ == "prep" and verb.i < c.i < left for c in verb.children)


ONE_OF = ("one", "another", "first", "second", "last", "latest")


def was_with(noun: Token) -> Token | None:
    """The copula of "one of those meetings was with X" or "the first meeting was with X": a meeting
    told by who was on its other side."""
    subj = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ONE_OF:
        subj = noun.head.head  # "one of those meetings"
    verb = subj.head
    if subj.dep_ != "nsubj" or verb.lemma_.lower() != "be" or not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return None
    if any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "aux" for c in verb.children):
        return None  # "was not with X", "will be with X": not a meeting told as held
    return verb


def where_held(pred: Token, meeting_words) -> Token | None:
    """The meeting noun a where-clause tells of ("a meeting on Wednesday in the governor's office,
    where X sat down with Y"): the noun above the place the clause hangs on, which carries the time."""
    if pred.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in pred.children):
        return None
    tok = pred.head
    for _ in range(5):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in meeting_words:
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return None
        tok = tok.head
    return None


# verbs of what is settled at a meeting: a setting told beside their to-clause is theirs
DECIDED_AT = ("agree", "decide", "promise", "pledge", "vow", "resolve", "vote", "commit", "undertake")
MOTION_VERBS = ("arrive", "come", "return", "step", "rise", "take")


def came_to(verb: Token) -> bool:
    """ "arrived to speak at a rally": the purpose of a coming that took place, not a wish."""
    head = verb.head
    return verb.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in MOTION_VERBS and not planned(head) \
        and not conditional(head) and head.dep_ != "xcomp"


def held_at(noun: Token) -> bool:
    """A gathering where something happened ("the crowd gathered at his rally", "during her rally"):
    a preposition of place or time on a clause told as having happened."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("at", "during") or awaited(noun) or before(noun):
        return False
    verb = head.head
    return verb.pos_ in ("VERB", "AUX") and not planned(verb) and not conditional(verb) and verb.dep_ != "xcomp"


SIDES = ("left", "right", "center", "centre", "front")


def split_subjects(verb: Token, subj: Token | None) -> list[Token]:
    """The other half of a pair the parser split into two subjects ("X (left) and Y shake hands": X,
    with its "and", and Y each a subject of the verb), besides `subj`."""
    both = [c for c in verb.children if c.dep_ == "nsubj"]
    if subj is None or len(both) != 2 or not any(d.dep_ == "cc" and d.lower_ == "and" for d in both[0].children):
        return []
    return [c for c in both if c != subj]


def caption_subject(verb: Token) -> Token | None:
    """The subject of a photo caption that the parser hung on its position word ("Biden, left, shakes
    hands with ..."): the subject of "left"."""
    for c in verb.children:
        if c.lower_ in SIDES and c.i < verb.i:
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


QUANTITIES = ("number", "handful", "dozen", "dozens", "couple", "series", "host", "group")


SPELLS = ("minute", "hour", "day", "morning", "afternoon", "evening", "night", "weekend")


def time_spent_with(verb: Token) -> bool:
    """ "spent three hours with the council leaders": a spell of a day or less (or a few days) with
    someone, told by "spend" and its object; not "spent 20 years with the firm"."""
    return verb.lemma_.lower() == "spend" and any(c.dep_ == "dobj" and c.lemma_.lower() in SPELLS
                                                  for c in verb.children)


def spent(verb: Token) -> bool:
    """ "spent two days meeting leaders": a time passed doing it, not a plan."""
    return verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_.lower() == "spend" \
        and not planned(verb.head)


EACH = ("both", "each", "all")  # "with both ministers": each of them
APART = ("separately", "individually", "respectively")


def each_apart(pred: Token, others: list[Token]) -> bool:
    """Those met are met one by one, or may have been ("spoke by phone with both ministers", "met each
    leader", "met X and Y separately"): a meeting with each, not one of them all."""
    return any(c.dep_ == "advmod" and c.lower_ in APART for c in pred.children) or any(
        c.dep_ in ("det", "predet") and c.lower_ in EACH for t in others for c in t.children) or any(
        w.lower_ in APART and w.dep_ == "advmod" and _no_verb_between(w, t) for t in others for w in t.subtree)


def _no_verb_between(word: Token, top: Token) -> bool:
    """ "met X and Y separately in the morning" with the adverb hung inside the phrase of those met: no
    clause of its own between ("X, who had separately ...": another act)."""
    tok = word.head
    while tok != top and tok.head != tok:
        if tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return tok == top


def measured(noun: Token) -> Token | None:
    """measure_of, when the measure is the object of a verb of holding ("held two days of talks")."""
    measure = measure_of(noun)
    return measure if measure is not None and measure.dep_ == "dobj" \
        and measure.head.lemma_.lower() in ATTEND_VERBS else None


def split_apposition(pred: Token, tok: Token) -> bool:
    """A name the parser hung on the verb, or on the noun a who-clause of the verb is on, that sets off
    the object's apposition ("met the president of the jury, Ana Ruiz, for an hour": "Ana Ruiz" made a
    modifier of "met", or of the one who met): the one met, named."""
    hung = (tok.dep_ == "npadvmod" and tok.head == pred) or \
        (tok.dep_ == "appos" and pred.dep_ == "relcl" and tok.head == pred.head)
    if not hung or tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME"):
        return False
    start = tok.left_edge.i
    return start > 1 and tok.doc[start - 1].text == "," and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.right_edge.i == start - 2 for c in pred.children)


def stray_after(pred: Token) -> list[Token]:
    """What the parser hung on the noun a who-clause is on, from the split apposition of the clause's
    object on ("X, who met the jury's president, Ana Ruiz, for an hour on Monday"): the clause's own."""
    if pred.dep_ != "relcl":
        return []
    after = [c for c in pred.head.children if c.i > pred.right_edge.i]
    names = [c for c in after if split_apposition(pred, c)]
    return [c for c in after if c.i >= names[0].i] if names else []


TOPIC_VERBS = ("discuss", "debate", "review")  # "met X to discuss fuel prices": what the meeting was about


def purpose_topic(pred: Token) -> tuple[str, Span] | None:
    """The topic a meeting verb's purpose clause names ("met X on Monday to discuss fuel prices"): its
    words and span, or None."""
    for c in pred.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in TOPIC_VERBS and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            found = char_span(pred.doc, obj.left_edge.i, obj.right_edge.i + 1) if obj is not None else None
            if found is not None:
                return text_of(pred.doc, found), Span(*found)
    return None

