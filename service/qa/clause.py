"""A question read as a clause: wh-word [noun] [auxiliary] [subject] verb [object] [phrases...]. The verb
(found by the lexicon's verb forms, else by spaCy's tagger) and its lemma choose the template through the
lexicon (service/lexicon): propose -> proposals, meet -> meetings, fear -> positions of kind Concern,
say/tell -> statements, an unknown verb -> actions by that verb.
"""
from __future__ import annotations

from . import times
from .lexicon import QuestionLexicon
from .linking import GENERIC_EVENT_WORDS
from .question import AUX, PREPS, SHARED, WHEN_WORDS, WORD, Parsed, content_words, kind_named, lemma, split_actors

FIGURES = ("figure", "number", "count", "total", "tally")  # what any figure is ("what figure did X give")
MODALS = (["would"], ["will"], ["could"], ["might"], ["may"], ["can"])
GIVING = ("offer", "promise", "give", "grant", "guarantee")  # verbs of two objects: X offered Y [what]


def read(text: str, low: str, lex: QuestionLexicon, nlp) -> Parsed | None:
    """wh-word [noun] [aux] [subject] verb [object] [prep phrase]...: the general question shape."""
    toks = [(m.group(0), m.start(), m.end()) for m in WORD.finditer(low)]
    if len(toks) > 2 and toks[0][0] in PREPS and toks[1][0] in ("what", "which", "whom", "who"):
        toks = toks[1:]  # "on what did they agree", "with whom did Putin meet"
    words = [t[0] for t in toks]
    if not words:
        return None
    i, wh, noun_kind, figure = 0, None, None, None
    if words[0] in ("what", "which", "who", "whom", "whose"):
        wh, i = words[0], 1
        j = i
        while wh in ("what", "which") and j < len(words) and j < i + 3 and words[j] not in AUX:
            j += 1
        if j > i and j < len(words) and words[j] in AUX:  # "which proposals did", "what fears do"
            noun_kind = next((kind_named(w, lex) for w in reversed(words[i:j]) if kind_named(w, lex)), None)
            figure = words[j - 1] if lex.verbs.get(f"put {words[j - 1]}") == "Estimate" else None
            i = j
    if words[0] in ("when", "how") and len(words) > 2 and words[1] in AUX:
        i = 1  # "when did X award Y", "how did X vote on Y": the clause of a yes/no question; its time or
        #        manner is asked (parse._asked), the act itself answers
    elif wh is None and words[0] not in AUX:
        return None  # neither a wh-word nor an auxiliary first: not a question we can read
    aux = words[i] if i < len(words) and words[i] in AUX else None
    i += 1 if aux else 0
    light = bool(aux and i < len(words) and f"{lemma(aux, lex)} {words[i]}" in lex.verbs)
    if light:
        aux, i = None, i - 1  # "who had breakfast with X": "had" is the verb of "have breakfast"
    body = toks[i:]
    if not body:
        return None
    tags = tag_words(text, nlp)
    verbs = [0] if light else [k for k in range(len(body)) if _is_verb(body[k], lex, tags)]
    tagged = [k for k in verbs if k >= 1 and tags.get(body[k][1], ("",))[0] in ("VERB", "ADJ")]
    if tagged and verbs and verbs[0] >= 1 and tagged[0] != verbs[0]:
        verbs = tagged  # "what did the united states accept": 'states' is no verb here
    if aux in ("did", "does", "do"):  # do-support takes a bare verb: "states", "developed", "held" (the
        bare = [k for k in verbs if not (k >= 1 and body[k][0] != lemma(  # families of those held) are the subject's
            body[k][0], lex, tags.get(body[k][1], (None, None))[1]))]
        verbs = bare if bare and bare != verbs else verbs
        if not bare:  # "did the Tribunal for the Law of the Sea award the disputed reef": tagged a noun
            verbs = _after_name(text, body, lex) or verbs
    if not verbs:  # "did X have breakfast with Y", "who had lunch with Y": an auxiliary's word and its noun
        verbs = [k for k in range(len(body) - 1) if f"{lemma(body[k][0], lex)} {body[k + 1][0]}" in lex.verbs][:1]
    if aux in ("did", "does", "do") and not [k for k in verbs if k >= 1]:
        verbs = _after_name(text, body, lex)  # "did the International Court of Justice award Y"
    if aux and not verbs:
        verbs = _bare_after_noun(body, tags)  # "when will the trial resume": "resume" tagged a noun
    subject_question = (wh in ("who", "what", "which") and verbs[:1] == [0]
                        and (aux is None or aux in ("will", "would", "can", "could", "should", "might", "may",
                                                    "has", "have", "had", "is", "are", "was", "were")))
    # "which parties voted against X": the wh-word's own common noun before the verb asks who, names no one
    asked_kind = (wh in ("which", "what") and aux is None and bool(verbs) and 1 <= verbs[0] <= 3
                  and all(text[s:e].islower() for _, s, e in body[:verbs[0]]))
    subject_question = subject_question or asked_kind
    if subject_question:
        k = verbs[0] if asked_kind else 0
    else:
        later = [k for k in verbs if k >= 1]
        if not later:
            return None
        k = later[0]
    subject = _span(text, low, body[:k]) if k and not asked_kind else ""
    verb = lemma(body[k][0], lex, tags.get(body[k][1], (None, None))[1])
    rest = body[k + 1:]
    if rest and f"{verb} {rest[0][0]}" in lex.verbs:  # rule out, call for, set up
        verb, rest = f"{verb} {rest[0][0]}", rest[1:]
    if verb == "call" and rest and tags.get(rest[-1][1], ("",))[0] == "ADJ":
        verb = "say"  # "did X call the vote free and fair": a judgement told, no phone call
    according = next((n for n in range(len(rest) - 2) if rest[n][0] == "according" and rest[n + 1][0] == "to"), None)
    source = _span(text, low, rest[according + 2:]) if according is not None else ""
    rest = rest[:according] if according is not None else rest  # "what did X fear, according to an aide"
    obj, phrases = _phrases(text, low, rest, tags)
    noun = (content_words(obj, lex) or [""])[-1]
    if noun and f"{verb} {noun}" in lex.verbs:  # "sign a joint statement": the trigger is "sign statement"
        verb = f"{verb} {noun}"
        if lex.kind_of(verb) == "Meeting":
            obj = ""  # "hold coalition talks with X": the talks held, not someone met
    parsed = _route(verb, noun_kind, subject, obj, phrases, subject_question, lex, asks_thing=wh in ("what", "which"),
                    asks_who=wh is not None)
    if parsed and figure and parsed.template in ("statements", "actions"):  # "what turnout did X report"
        named = [] if figure in FIGURES else [figure]  # X's figure of it ("figure" itself names nothing counted)
        parsed = Parsed("estimates", {k: v for k, v in parsed.slots.items() if k == "actors"},
                        [*named, *parsed.words], counted=named)
    if parsed and len(parsed.slots.get("actors", [])) >= 2:  # "a joint statement" of the two asked: theirs
        parsed.words = [w for w in parsed.words if w not in SHARED]
    act = _act(rest, tags, lex)
    if parsed and act and parsed.slots.get("kind") and (parsed.slots.get("topic") or "").lower().startswith(act[1]):
        parsed.slots["act"] = act[0]  # "agree to cut tariffs": the act agreed to, "cut"
    if parsed and source:  # who tells it: its words are looked for in the fact (its attribution) or passages
        parsed.slots["according"] = source
    head = (content_words(obj, lex) or [""])[-1]
    if parsed and head and head in parsed.words and len(parsed.words) > 1:
        parsed.head = head
    return parsed


# what a meeting question asks of the meeting itself besides who: where ("in Oslo") and what for ("for
# breakfast", "over dinner"); its words must be in the meeting or its report, not only somewhere near it
SETTING_PREPS = ("in", "for", "over")
EVENT_WORDS = GENERIC_EVENT_WORDS + ("call", "calls")


def setting(phrases, lex: QuestionLexicon) -> list[str]:
    """Those words; times ("in his office last week", "in March", "in 2019") are the date's, not the setting's."""
    return [w for p, ph in phrases if p in SETTING_PREPS for w in content_words(ph, lex)
            if w not in EVENT_WORDS and w not in WHEN_WORDS and w not in WEEKDAYS and not w.isdigit()
            and w.capitalize() not in times.MONTHS]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _route(verb, noun_kind, subject, obj, phrases, subject_question, lex, asks_thing=True,
           asks_who=False) -> Parsed | None:
    kind = noun_kind if (noun_kind and (verb in lex.light_verbs or not lex.kind_of(verb))) else lex.kind_of(verb)
    if verb in lex.light_verbs and not noun_kind:  # "raise concerns": the object's noun names the kind
        kind = next((k for k in (kind_named(w, lex) for w in obj.lower().split()) if k), None) or lex.kind_of(verb)
    occasion = _take(phrases, ("at", "during"))
    if verb in lex.meeting_verbs or kind == "Meeting":
        actors = split_actors(subject) if subject else []
        other = obj or _take(phrases, ("with", "to"))
        purpose = _take(phrases, (INFINITIVE,)) if not other else ""
        if purpose and not asks_who:  # "did X meet to discuss Y": no meeting for it is settled by any meeting
            other = purpose  # (read as before: nobody so named, no answer); "who did X meet to ...": its purpose
        open_side = not (subject and other) or other.lower() in ("what", "whom", "who")
        if other and other.lower() not in ("what", "whom", "who"):
            actors += split_actors(other) if not subject else [other]
        slots = {"actors": actors} if actors else {}
        if occasion:
            slots["occasion"] = occasion
        day = [ph.lower() for p, ph in phrases if p == "on" and ph.lower() in WEEKDAYS]  # "met on Sunday"
        return Parsed("meetings", slots, partner=open_side and len(actors) == 1, need=day[:1] + setting(phrases, lex))
    if obj and obj.lower() in ("what", "whom", "who", "anything", "something"):
        obj = ""
    slots: dict = {} if verb in lex.light_verbs else {"verb_lemma": verb}
    if subject:
        slots["actors"] = split_actors(subject)
    if occasion:
        slots["occasion"] = occasion
    words: list[str] = []
    if obj and not subject_question and asks_thing and verb in GIVING:
        obj = ""  # "what did X offer the unions": the wh-word is what is offered, the object whom to
        # ("did X promise rain": no wh-word, the object is what was promised)
    if kind == "Proposal":
        words = content_words(" ".join([obj] + [p for _, p in phrases]), lex)
        return Parsed("proposals", slots, words)
    if kind == "Statement" and subject_question and not subject:  # "who said the talks were useful"
        said = content_words(" ".join([obj] + [f"{'to' if p == INFINITIVE else p} {t}" for p, t in phrases]), lex)
        if len(said) >= 2:
            return Parsed("statements", slots, said, strict=True)
    if kind == "Statement":
        # "what did X warn Y": Y is told; "what did X warn would happen": a clause, not a recipient
        told = verb in ("tell", "warn", "inform", "brief") and obj.lower().split()[:1] not in MODALS
        recipient = _take(phrases, ("to",)) or (obj if told else "")  # "to override the veto": no one told
        topic = _take(phrases, ("about", "on", "regarding", "concerning", "over", "of"))
        if recipient:
            slots["recipient"] = recipient
        if topic:
            slots["topic"] = topic
        rest = "" if recipient == obj else obj
        return Parsed("statements", slots, content_words(" ".join([rest] + [p for _, p in phrases]), lex))
    if kind in ("Agreement", "Disagreement") and len(slots.get("actors", [])) >= 2:
        slots["kind"] = kind
        return Parsed("agreements", slots, content_words(" ".join([obj] + [p for _, p in phrases]), lex))
    if kind == "Estimate":
        return Parsed("estimates", slots, content_words(" ".join([obj] + [p for _, p in phrases]), lex))
    if kind and kind not in ("Action", "Role"):
        slots["kind"] = kind
        if subject_question and obj and verb in lex.experiencer_verbs and not subject:
            slots["actors"], obj = split_actors(obj), ""  # "what worries the planners": they hold it
        target = bool(obj) and lex.verbs.get(verb) in ("Accusation", "Criticism")
        if target:  # accused Obama (of lying): Obama is the topic, what of are words of the fact
            topic, obj = obj, ""
        else:
            topic = _take(phrases, ("about", "on", "of", "with", "over", "regarding", "against", "concerning", "to",
                                    INFINITIVE))
        if topic:
            slots["topic"] = topic
        return Parsed("positions", slots, content_words(" ".join([obj] + [p for _, p in phrases]), lex),
                      target=target)
    if verb in ("be", "do", "have"):
        return None
    slots.pop("verb_lemma", None)
    slots["verb"] = verb
    return Parsed("actions", slots, content_words(" ".join([obj] + [p for _, p in phrases]), lex))


def _act(rest: list, tags: dict, lex: QuestionLexicon) -> tuple[str, str] | None:
    """The verb of a to-infinitive right after the question's verb ("agree to cut ..."): (lemma, word)."""
    if len(rest) < 2 or rest[0][0] != "to" or tags.get(rest[1][1], ("",))[0] != "VERB":
        return None
    return lemma(rest[1][0], lex, tags[rest[1][1]][1]), rest[1][0]


def _after_name(text: str, body: list, lex: QuestionLexicon) -> list[int]:
    """After do-support, the first word written in lower case right after a capitalized name: the bare verb
    the tagger read as part of the name ("did the Court of Justice award ..."); none after a lower-case subject."""
    if len(text.lower()) != len(text):
        return []  # the offsets are the lower-cased question's
    for k in range(1, len(body)):
        word, start, _ = body[k]
        before = text[body[k - 1][1]:body[k - 1][2]]
        if text[start:start + 1].islower() and before[:1].isupper() and word not in lex.stopwords \
                and word not in PREPS and word.isalpha():
            return [k]
    return []


def _bare_after_noun(body: list, tags: dict) -> list[int]:
    """After an auxiliary, a word the tagger read as a noun right after the subject's noun and last in the
    clause or before a preposition ("will Velkovski's trial resume", "did Bolivia's Senate vote on ..."):
    the bare verb, as an auxiliary needs one; none when a determiner or number comes between."""
    for k in range(1, len(body)):
        nxt = body[k + 1][0] if k + 1 < len(body) else None
        if tags.get(body[k][1], ("",))[0] == "NOUN" and tags.get(body[k - 1][1], ("",))[0] in ("NOUN", "PROPN") \
                and (nxt is None or nxt in PREPS or nxt == "according") and body[k][0].isalpha():
            return [k]
    return []


def _is_verb(tok, lex: QuestionLexicon, tags: dict) -> bool:
    word = tok[0]
    if word in AUX:
        return False
    lem = lemma(word, lex)
    if lem in lex.verbs or lem in lex.meeting_verbs or lem in lex.light_verbs or word in lex.irregular:
        return not (word.endswith("s") and word[:-1] in lex.nouns and tags.get(tok[1], ("",))[0] != "VERB")
    return word not in lex.stopwords and tags.get(tok[1], ("", ""))[0] == "VERB"


# the pipe whose annotations a coarse tag and a lemma never read (it runs after them): about 40% of a
# question's tagging time. The parser is needed: the attribute ruler reads its arcs ("did" AUX or VERB)
UNNEEDED_PIPES = frozenset(("ner",))


def tag_words(text: str, nlp) -> dict[int, tuple[str, str]]:
    """Start offset -> (coarse tag, lemma) from spaCy, when a pipeline is given. The pipes that make
    them run in the pipeline's order, named entities left out: the same tags and lemmas as the whole
    pipeline (tests/test_parse_tags.py)."""
    if nlp is None:
        return {}
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name not in UNNEEDED_PIPES:
            doc = pipe(doc)
    return {t.idx: (t.pos_, t.lemma_) for t in doc}


def _span(text: str, low: str, toks: list) -> str:
    if not toks:
        return ""
    src = text if len(text) == len(low) else low
    return src[toks[0][1]:toks[-1][2]]


INFINITIVE = "to+verb"  # the mark of a to-infinitive among the phrases: "the votes to override the veto"


def _phrases(text: str, low: str, toks: list, tags: dict) -> tuple[str, list[tuple[str, str]]]:
    """Tokens after the verb -> the direct object and (preposition, phrase) pairs; a to-infinitive is a
    phrase marked INFINITIVE, never one naming whom to."""
    obj: list = []
    phrases: list[tuple[str, list]] = []
    for n, tok in enumerate(toks):
        if tok[0] in PREPS and not (phrases and phrases[-1][0] in ("at", "during") and tok[0] == "of"):
            verb = tok[0] == "to" and n + 1 < len(toks) and tags.get(toks[n + 1][1], ("",))[0] == "VERB"
            phrases.append((INFINITIVE if verb else tok[0], []))
        elif phrases:
            phrases[-1][1].append(tok)
        else:
            obj.append(tok)
    return _span(text, low, obj), [(p, _span(text, low, ts)) for p, ts in phrases if ts]


def _take(phrases: list[tuple[str, str]], preps: tuple[str, ...]) -> str:
    """Remove and return the first phrase introduced by one of `preps`."""
    for n, (prep, phrase) in enumerate(phrases):
        if prep in preps:
            del phrases[n]
            return phrase
    return ""
