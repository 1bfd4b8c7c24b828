"""One sentence a person can read on its own for a fact: who, what, and where and when when known.

"Vladimir Putin proposed a new United Nations Security Council resolution ... at the United Nations
General Assembly." Verbs come from the fact (kg:verb, put in the past tense by the lexicon) or from
its kind; conflicting reports are named in the sentence, each with its source.
"""
from __future__ import annotations

import re

from .facts import FactRecord
from .lexicon import QuestionLexicon
from .times import how_long, human_date, mid_sentence, names_day
from .verbforms import hedge, lemma_of

_CLAUSE = re.compile(r"\b(?:can|could|will|would|may|might|must|should|is|are|was|were|has|have|had|do|does|did|"
                     r"continues?|remains?)\b")


_GOVERNMENT = re.compile(r"^Government of (?:the )?(.+)$")


def natural(label: str) -> str:
    """An actor's label as a sentence names it: 'Government of Russia' -> "Russia's government",
    'Government of United States' -> 'the United States government'."""
    match = _GOVERNMENT.match(label or "")
    if not match:
        return label
    country = match.group(1)
    return f"the {country} government" if country.endswith("s") else f"{country}'s government"


def plural(label: str) -> bool:
    """'military planners', 'officials' are several; 'United States', 'Russia's government' one."""
    last = (label or "").split()[-1:] or [""]
    return bool(re.search(r"[^s]s$", last[0])) and last[0][:1].islower()


def names(labels: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    labels = [natural(lab) for lab in dict.fromkeys(labels) if lab]
    if len(labels) <= 1:
        return labels[0] if labels else "Someone"
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _where_when(rec: FactRecord, content: str, disputed: set[str] = frozenset()) -> str:
    """' at the UN General Assembly in New York on 2015-09-28', leaving out what the content says."""
    out = ""
    low = content.lower()
    occasion = next((label for _, label in rec.occasions if label.lower() not in low), None)
    if occasion:
        out += f" at the {occasion}" if not occasion.lower().startswith("the ") else f" at {occasion}"
    venue = next((v.value for v in rec.values("placeText") if v.value.lower() not in low), None) \
        if "place" not in disputed else None
    if venue:  # "at a hotel in Lusaka": as written, with the named place it holds
        out += " " + venue[:1].lower() + venue[1:]  # its preposition, "At a hotel" opening a sentence
    places = [p for p in rec.labels("place") if p.lower() not in low and "place" not in disputed
              and p.lower() not in (venue or "").lower()]
    if places:
        out += " in " + names(places)
    if "date" in disputed:
        return out
    dates = [human_date(v.value) for v in rec.values("date")]
    times = [mid_sentence(v.value) for v in rec.values("timeText")]
    if times and times[0].lower() not in low:
        out += " " + times[0] + (f", {dates[0]}" if dates and dates[0] not in times[0] and not names_day(times[0])
                                 else "")
    elif dates:
        out += f" on {dates[0]}"
    return out


def _leading(where: str) -> str:
    """' at the Geneva summit on 16 June 2021' -> 'At the Geneva summit on 16 June 2021, ' (before the clause)."""
    where = where.strip()
    return f"{where[:1].upper()}{where[1:]}, " if where else ""


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|we're|we've|our|ours|us)\b")
_CLAUSE_START = re.compile(r"(?:to|that|on|about|over|with|for|of|in|into|against|whether|if|how|what|when|where|"
                           r"why|who|which)\b", re.IGNORECASE)


_OPENING = re.compile(r"^(?:There|It|This|That|These|Those|They|We|Our|Nobody|No|Everyone|Nothing|Sometimes|"
                      r"Of course|What|You|Your|He|She|His|Her)\b")


def direct_speech(content: str) -> bool:
    """Content in the speaker's own words ('I think...', 'our forces', a sentence of its own: 'There can
    be...'): quoted, never made indirect."""
    return bool(content) and (content.startswith(("\u201c", '"')) or bool(_FIRST_PERSON.search(content))
                              or bool(_OPENING.match(content)))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _finish(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", '"', "\u201d")) else text + "."


def sentence(rec: FactRecord, lex: QuestionLexicon, conflicts: list[dict]) -> str:
    kind = rec.kind()
    if kind == "Meeting":
        text = meeting_sentence(rec, {c["property"] for c in conflicts})
    elif kind == "Role":
        text = role_sentence(rec)
    else:
        text = position_sentence(rec, kind, lex)
    for c in conflicts:
        shown = "; ".join(f"{v['text']} ({', '.join(v['sources'])})" for v in c["values"])
        text = text.rstrip(".") + f". Reports differ on the {c['property']}: {shown}"
    return _finish(text)


# how a meeting with a kg:status is told: never as one that took place
MEETING_VERBS = {"Planned": "are to meet", "Hypothetical": "might meet", "Negated": "did not meet"}
# a meeting whose other side the sources do not name: told as taking part, never as meeting the next words
ALONE_VERBS = {"Planned": "is to take part in", "Hypothetical": "might take part in", "Negated": "did not take part in"}


def meeting_sentence(rec: FactRecord, disputed: set[str] = frozenset()) -> str:
    """Who met, where and when, for how long: a value the reports disagree on is left to the conflict."""
    who = names(rec.labels("participant"))
    status = (rec.first("status") or "").rsplit("#", 1)[-1]  # one not reported as held says so
    verb = MEETING_VERBS.get(status, "may have met" if hedged(rec) else "met")
    if rec.first("remote") == "true":  # by phone, video or letter: never told as face to face
        verb += " remotely"
    if len(rec.labels("participant")) == 1:  # "X met the following year" would read as meeting someone
        verb = ALONE_VERBS.get(status, "may have taken part in" if hedged(rec) else "took part in") + (
            " a call" if rec.first("remote") == "true" else " a meeting")
    text = f"{who} {verb}" + _where_when(rec, "", disputed)
    length = "" if "duration" in disputed else how_long(rec)
    if length:
        text += " for " + length
    content = rec.first("content")
    topics = [t for t in rec.labels("about") if not content or t.lower() not in content.lower()]
    if content:
        text += " to discuss " + content
    if topics:
        text += (" and " if content else " about ") + names(topics)
    return text


_PARTICLES = frozenset(("out", "up", "for", "forward", "down", "off", "on", "in", "over", "back", "away", "clear",
                        "about", "to", "with", "at", "into", "through", "around", "aside"))


def _object_trigger(verb: str) -> bool:
    """'look possibility', 'share view': a trigger named by its verb and object noun, not a phrasal
    verb ('rule out', 'call for'), so no past tense can be made of it."""
    words = verb.split()
    return len(words) > 1 and words[-1] not in _PARTICLES


def role_sentence(rec: FactRecord) -> str:
    who = names(rec.labels("holder"))
    title = rec.first("title") or "a role"
    orgs = [o for o in rec.labels("organization") if o.lower() not in title.lower()]
    orgs = [o for o in orgs if not any(x != o and x.lower().startswith(o.lower() + " ") for x in orgs)]  # "Republican
    text = f"{who} is {title}"  # National" of one outlet is the "Republican National Committee" of another
    if orgs:
        text += (" of " if " of " not in title else ", ") + names(orgs)
    return text


def position_sentence(rec: FactRecord, kind: str, lex: QuestionLexicon) -> str:
    who = names(rec.labels("holder"))
    content = rec.first("content") or rec.first("quantityText") or ""
    attribution = rec.first("attribution")
    if kind == "Estimate" and not (attribution or rec.labels("attributedTo") or rec.labels("holder")):
        publisher = next((p.source.get("publisher") for p in rec.evidence if p.source.get("publisher")), None)
        attribution = f"according to {publisher}" if publisher else "according to the report"  # the writer's own
    if kind == "Estimate" and (attribution or rec.labels("attributedTo")):
        source = according(attribution, rec.labels("attributedTo"), content) or f"{who} estimated"
        if source and _QUANTIFIER.match(content):  # "..., more than 5,000 civilians"
            content = content[:1].lower() + content[1:]
        return _capital(f"{source}, {content}") + _where_when(rec, content)
    verb = rec.first("verb")
    negated = (rec.first("negated") or "false") == "true"
    holders = rec.labels("holder")
    if verb in lex.adjectives:  # "worried", "committed": a state, not an act
        several = len(holders) > 1 or plural(natural(holders[0]) if holders else "")
        said = ("are" if several else "is") + (" not " if negated else " ") + verb
        if verb in ("worried", "concerned", "anxious", "alarmed", "wary", "afraid") and not re.match(
                r"(?:that|about|by|over|of|for)\b", content):
            said += " that" if _CLAUSE.search(content) else " about"
    elif verb and kind == "Denial" and lex.kind_of(verb) == "Statement":  # 'asked whether X, said "No"'
        said = "did not deny" if negated else "denied"
        content = content if re.match(r"that\b", content) or not _CLAUSE.search(content) else "that " + content
    elif verb and verb not in lex.noun_triggers and not _object_trigger(verb):
        if verb in ("tell", "inform", "brief") and not rec.labels("recipient"):
            verb = "say"  # "told reporters": no one to name
        if kind == "Intention" and lex.kind_of(verb) != "Intention":
            # the act itself, announced ("would reduce tariffs"): still to come, never told as done
            said = ("will not " if negated else "will ") + verb
        else:
            said = ("did not " + verb) if negated else lex.past_tense(verb)
    else:
        said = lex.kind_verbs.get(kind, "stated")
        if kind == "Intention" and not re.match(r"to\b", content):
            said = "considered"
        if re.match(r"(?:to|that|on|about)\b", content) and said.rsplit(" ", 1)[-1] in ("on", "to", "of", "that"):
            said = said.rsplit(" ", 1)[0]
        if negated:
            head, _, rest = said.partition(" ")
            said = "did not " + (lemma_of(head, lex) + " " + rest).strip() if head not in ("is", "are") \
                else f"{head} not {rest}"
    if hedged(rec):  # "may propose", "reportedly proposed": told as possible, never as done
        said = hedge(said, lex)
    content = re.sub(r"^(A|An|The) ", lambda m: m.group(1).lower() + " ", content)
    recipient = rec.labels("recipient")
    target = [t for t in rec.labels("target") if t.lower() not in content.lower()]
    objects = ""
    if recipient and verb in ("tell", "warn", "inform", "brief", "urge", "invite"):
        objects = " " + names(recipient)
    elif recipient and not content.lower().startswith(tuple(r.lower() for r in recipient)):
        to = " to " if verb in ("say", "propose", "suggest", "explain") else " "
        objects = to + names(recipient)
    named = {w for t in target for w in t.lower().split()}
    if target and kind != "Accusation" and set(content.lower().split()) <= named:
        content = ""  # "attacked Donald Trump Trump": the content only named the one attacked
    if target:
        objects += " " + names(target) + (" of" if kind == "Accusation" else _target_link(content))
    preposition = lex.verb_prepositions.get(verb or "") if verb and not negated else None
    if preposition and content and not _CLAUSE_START.match(content) and not _CLAUSE.search(content) \
            and not said.endswith(" " + preposition) and not direct_speech(content):
        said += " " + preposition  # "disagreed on the role of the army", not "disagreed the role"
    where = _where_when(rec, content)
    condition = rec.first("condition")
    if condition and condition.lower() not in content.lower():
        content = f"{content} {condition}".strip()
    if direct_speech(content):  # the speaker's own words stay a quotation
        quoted = re.sub(r"^that\s+", "", content.strip("\u201c\u201d\" "))
        text = f"{who} {said}{objects}: \u201c{quoted}\u201d"
    else:
        text = f"{who} {said}{objects} {content}".rstrip()
    source = according(attribution, rec.labels("attributedTo"), content, holders)
    lead = _leading(where)
    if source:
        return _capital(f"{source}, {lead[:1].lower() + lead[1:] if lead else ''}{text}")
    return _capital(f"{lead}{text}")


def _target_link(content: str) -> str:
    """What joins a criticism's target to its content: "for embracing debt", "as a psychopath"."""
    first = content.split()[0].lower() if content.split() else ""
    if first.endswith("ing") and len(first) > 4:
        return " for"
    return " as" if first in ("a", "an") else ""


_QUANTIFIER = re.compile(r"(?:More|Most|Some|About|At|Nearly|Over|Fewer|Less|Up|Around|Almost|Roughly|An?|The|"
                         r"Several|Many|Hundreds|Thousands|Dozens|Tens|Only|Just|Between)\b")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that)\b", re.IGNORECASE)


_SPEECH_TAIL = re.compile(r"(?:\s+(?:has|have|had|was|were|is|are|also|repeatedly|publicly|previously|once))*"
                          r"\s+(?:said|says|told|tells|added|adds|stated|reported|reports|noted|explained|"
                          r"revealed|claimed|claims|announced|insisted|wrote|writes)\b.*$", re.IGNORECASE)
_LOWER_FIRST = ("the", "a", "an", "recent", "some", "several", "official", "unnamed", "what", "western", "russian",
                "american", "u.s.", "us", "senior", "diplomatic", "military", "intelligence")


def with_referent(text: str, referent: str) -> str:
    """An answer naming a fact by its kind, then that fact: "X accepted the proposal (Y proposed Z)."."""
    referent = re.sub(r"^(A|An|The) ", lambda m: m.group(1).lower() + " ", referent.strip()).rstrip(".")
    return f"{text.rstrip().rstrip('.')} ({referent})."


def hedged(rec: FactRecord) -> bool:
    return (rec.first("hedged") or "false") == "true"


def according(attribution: str | None, attributed_to: list[str], content: str, holders: list[str] = ()) -> str:
    """'According to X' for a fact that the article attributes to someone else, or ''."""
    text = _SPEECH_TAIL.sub("", (attribution or "").strip(" ,")).rstrip(" ,")  # "X, speaking ..., said"
    if text and not _PRONOUN.match(text) and text.lower() not in content.lower():
        if not any(_names_same(text, h) for h in holders):
            if text.lower().startswith("according to "):
                return "According to " + text[len("according to "):]
            first = text.split()[0].lower()
            if len(text.split()) <= 2 and text.islower() and first not in _LOWER_FIRST \
                    and not text.split()[-1].endswith("s"):  # "officials", "diplomats": plural nouns stay
                text = text.title()  # "obama told": a name the source wrote in lower case
            return "According to " + (text[:1].lower() + text[1:] if first in _LOWER_FIRST else text)
    others = [a for a in attributed_to if not any(_names_same(a, h) for h in holders)]
    return "According to " + names(others) if others else ""


def _names_same(a: str, b: str) -> bool:
    """'Obama' and 'Barack Obama' name the same: one's last word ends the other."""
    a, b = a.lower().split(), b.lower().split()
    return bool(a and b) and (a[-1] == b[-1] or a == b[: len(a)] or b == a[: len(b)])
