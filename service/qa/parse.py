"""Question -> template id + slots (still text: service/qa/linking.py turns them into IRIs).

A question is read in two passes. First, fixed shapes ("who is X", "X's role", "which sources
mention X", "how many ...", "what is X's position on Y", "when did X and Y meet") are matched
by the regular expressions of service/lexicon/question-shapes.tsv over the lower-cased question.
Otherwise the question is read as a clause (clause.py): wh-word, auxiliary, subject, verb, and the
phrases after the verb ("at the UN", "about Iran", "with Russia").
"""
from __future__ import annotations

import re

from . import clause
from .lexicon import QuestionLexicon
from .question import AUX, PREPS, WHEN_WORDS, WORD, Parsed, clean, content_words, kind_named, lemma, split_actors


def parse(question: str, lex: QuestionLexicon, nlp=None) -> Parsed | None:
    """The template and text slots of a question, or None when no template fits."""
    text = _source_last(clean(question))
    low = text.lower()
    if len(low) < 3:
        return None
    for pattern, template in lex.shapes:
        match = pattern.match(low)
        if match:
            slots = {k: _orig(text, low, match, k) for k, v in match.groupdict().items() if v}
            if slots.get("place") and not slots["place"][:1].isupper():
                continue  # "the closed session between X and Y": no name, another pattern reads it
            if template == "source_says?" and re.search(r"[\"']", match.group("source")):
                template = "source_says"  # a quoted title
            where = slots.pop("where", "") or slots.pop("place", "")  # "where did X and Y meet in Oslo", "the
            # Oslo talks between X and Y": Oslo must be in the meeting
            parsed = _shape(template, slots, lex)
            if parsed and parsed.counting and nlp is not None:  # "... did X approve the budget": approve
                parsed.counting = _verb_last(text, nlp) or parsed.counting
            if parsed:
                where = where or _place_named(parsed)
                parsed.need = parsed.need + clause.setting([("in", where)], lex) + _day_named(parsed)
                return _asked(parsed, low)
    parsed = clause.read(text, low, lex, nlp)
    return _asked(parsed, low) if parsed else None


def _verb_last(text: str, nlp) -> str:
    """The last word the tagger reads as a verb before any "according to" (the act that counts), or ''."""
    text = text.split(", according to")[0]
    tags = clause.tag_words(text, nlp)
    verbs = [(start, lem) for start, (pos, lem) in tags.items() if pos == "VERB"
             and not any(text.lower().startswith(a + " ", start) for a in AUX)]  # "did" read as a verb
    return max(verbs)[1].lower() if verbs else ""


def _day_named(parsed: Parsed) -> list[str]:
    """ "Sunday's session between X and Y": the day the meeting was held, read as one of its sides; taken
    out of the actors and needed of the meeting instead."""
    actors = parsed.slots.get("actors")
    if not actors or parsed.template not in ("meetings", "meeting_details"):
        return []
    days = [a for a in actors if a.lower() in clause.WEEKDAYS]
    if days and len(actors) > len(days):
        parsed.slots["actors"] = [a for a in actors if a not in days]
    return [d.lower() for d in days][:1] if days and len(actors) > len(days) else []


_PLACE_AFTER = re.compile(r"(.+?) (?:in|at) ((?:the )?[A-Z].*)")


def _place_named(parsed: Parsed) -> str:
    """ "the talks between X and Y in Addis Ababa": where they met, read as part of the last side's name;
    taken off it and needed of the meeting instead."""
    actors = parsed.slots.get("actors")
    found = _PLACE_AFTER.fullmatch(actors[-1]) if actors and parsed.template in ("meetings", "meeting_details") \
        else None
    if found is None:
        return ""
    actors[-1] = found.group(1)
    return found.group(2)


_LEADING_SOURCE = re.compile(r"(?i)according to ([^,]+?), (.+)")


_TRAILING_SOURCE = re.compile(r"(?i)(.+), according to ([^,?]+)\??")
_AUXILIARY = re.compile(r"(?i)(?:did|does|do|has|have|had|will|would|is|are|was|were|can|could|should) ")


def said_by(question: str) -> str | None:
    """ "According to X, did the coal dispute damage the Forum?" asked as "Did X say that the coal dispute
    damage the Forum?": whether X told it (the lead's yes/no question, its auxiliary dropped), for a
    clause whose subject is no actor; None when the question has no such shape."""
    text = _source_last(clean(question))
    match = _TRAILING_SOURCE.fullmatch(text)
    if match is None or not _AUXILIARY.match(match.group(1)):
        return None
    return f"Did {match.group(2).strip()} say that {_AUXILIARY.sub('', match.group(1), count=1)}?"


def _source_last(text: str) -> str:
    """ "According to X, did Y happen?" is asked as "did Y happen, according to X?": the source whose facts
    settle it goes where the clause reader looks for it."""
    match = _LEADING_SOURCE.fullmatch(text)
    return f"{match.group(2)}, according to {match.group(1)}" if match else text


_SUMS = {"money", "cash", "funds", "funding"}  # what any sum counts, whatever its currency

# the details of a meeting each question word asks for
_DETAILS = (("how long", ("duration", "durationText")), ("when", ("date", "timeText")),
            ("where", ("place", "placeText", "occasion")))
_AHEAD = re.compile(r"(?:when|where|how long)(?: and (?:when|where|how long))* (?:will|shall) ")
_MEET = re.compile(r"\b(?:meet|meets|met|meeting|meetings)\b")  # face to face, unless talk or a call is named
_TALK = re.compile(r"\b(?:talk|talks|talked|speak|spoke|spoken|conversation|contact|contacts)\b")
_TOPIC = re.compile(r"(?:what|which \w+) .*\b(?:discuss|discussed|talk about|talked about|speak about|spoke about)\b")
_CALL = re.compile(r"\b(?:call|calls|phone|phoned|telephone|telephoned|video ?call|videoconference)\b")


def _asked(parsed: Parsed, low: str) -> Parsed:
    """A question opening with an auxiliary ("did", "has", "is") asks yes or no; "how long", "when" and
    "where" ask for those details of a meeting; "the call" asks for a meeting by phone or video."""
    parsed.yesno = low.split()[0] in AUX
    if parsed.template in ("meetings", "meeting_details") and parsed.slots.get("actors"):
        parsed.slots["actors"] = [p for p in (_MANNER.sub("", a) for a in parsed.slots["actors"]) if p]
    parsed.details = tuple(d for words, details in _DETAILS if re.search(rf"\b{words}\b", low) for d in details)
    parsed.remote = bool(_CALL.search(low))
    parsed.in_person = not parsed.remote and bool(_MEET.search(low)) and not _TALK.search(low)
    parsed.ahead = bool(parsed.details) and bool(_AHEAD.match(low))
    if parsed.template == "meetings" and _TOPIC.match(low):
        parsed.details += ("content", "about")  # "what did X and Y discuss": what the meeting was about
    return parsed


def unread(question: str, lex: QuestionLexicon) -> str:
    """For a person: which part of a question that fits no template was not understood."""
    words = [w.lower() for w in WORD.findall(clean(question))]
    if not words:
        return "it holds no words"
    if words[0] not in AUX + ("what", "which", "who", "whom", "whose", "when", "where", "how") + PREPS:
        return f"it does not open with a question word (who, what, when, where, did...) but with \"{words[0]}\""
    known = [w for w in words if lemma(w, lex) in lex.verbs or lemma(w, lex) in lex.meeting_verbs]
    if words[0] in ("where", "when") and not any(lemma(w, lex) in lex.meeting_verbs for w in words):
        return f"\"{words[0]}\" is read only for meetings, talks and calls (\"{words[0].capitalize()} did X meet Y?\")"
    if not known:
        return "no verb in it names a kind of fact the service reads (said, proposed, met, agreed...)"
    return f"its shape around \"{known[0]}\" is not one the service reads"


def _orig(text: str, low: str, match: re.Match, group: str) -> str:
    """The slot as written (original case), when lower-casing kept the length."""
    start, end = match.span(group)
    return (text if len(text) == len(low) else low)[start:end].strip(" ,\"'")


# how someone met or spoke, after the one met ("meet Hale again", "meet alone"): no one's name
_MANNER = re.compile(r"(?:^|\s+)(?:alone|again|together|privately|separately|secretly|briefly|personally|directly"
                     r"|twice|once|face to face|one[- ]on[- ]one)$", re.IGNORECASE)


def _shape(template: str, slots: dict, lex: QuestionLexicon) -> Parsed | None:
    if template == "source_says?":
        words = set(slots["source"].lower().split())
        if not words & (lex.source_nouns | lex.publication_words):
            return None  # "what did Obama say about Iran": a clause about an actor, not a source
        template = "source_says"
    if template == "noun?":  # "Putin's proposals", "the Kremlin's concerns", "demands by Germany"
        words = slots["actor"].lower().split()
        if any(w in AUX for w in words) or words[0] in ("who", "what", "which", "whom", "whose"):
            return None  # "what did X demand after the observers' statement", "who rejected X's accusation"
        noun = slots.pop("noun")
        kind = kind_named(noun, lex)
        if not kind or kind == "Meeting":
            return None
        if kind == "Proposal":
            return Parsed("proposals", {"actors": [slots["actor"]]})
        if kind == "Statement":
            return Parsed("statements", {"actors": [slots["actor"]]})
        if kind == "Estimate":
            return Parsed("estimates", {"actors": [slots["actor"]]})
        return Parsed("positions", {"actors": [slots["actor"]], "kind": kind})
    if template == "publishers":  # "which news agency reported the ceasefire": the words of what was reported
        words = content_words(slots["reported"], lex)
        return Parsed(template, {}, words) if words else None
    if template == "roles?":
        if any(lemma(w, lex) in lex.verbs or w in AUX for w in slots["actor"].lower().split()):
            return None  # "who is worried about ...": a clause, not a name
        template = "roles"
    if "actor2" in slots:
        slots["actor"] = slots.pop("actor2")
    if "actors" in slots:
        parts = split_actors(slots.pop("actors"))
        if slots.get("other"):
            parts += split_actors(slots.pop("other"))
        slots["actors"] = parts
    if "part" in slots:  # "what share of the world's copper did Peru mine": copper, whatever else fits
        part = slots.pop("part")
        words = content_words(part, lex)
        whole = re.split(r"\b(?:" + "|".join(AUX) + r")\b", part.lower(), maxsplit=1)[0]
        parsed = Parsed(template, slots, words)
        if whole != part.lower():  # the noun before the auxiliary, and who is asked about after it
            parsed.head = (content_words(whole, lex) or [""])[-1]
            parsed.need = [w for w in content_words(part.lower()[len(whole):], lex) if w not in WHEN_WORDS][:-1]
        return parsed
    if "what" in slots:  # what is counted ("how many Chechens ..."): the words an estimate must have
        what = slots.pop("what")
        parsed = Parsed(template, slots, content_words(what, lex))
        # the words before an auxiliary ("soldiers" in "how many soldiers has the army deployed"): another
        # figure of the same sentence ("had taken over 500 sites") counts something else
        counted = content_words(re.split(r"\b(?:" + "|".join(AUX) + r")\b", what.lower(), maxsplit=1)[0], lex)
        parsed.counted = [] if set(counted) <= _SUMS else counted  # "how much money": a sum in any currency
        after = content_words(what.lower()[len(re.split(r"\b(?:" + "|".join(AUX) + r")\b", what.lower(),
                                                         maxsplit=1)[0]):], lex)
        parsed.counting = after[-1] if after and parsed.counted else ""  # "... did the observers visit": visit
        return parsed
    return Parsed(template, slots)
