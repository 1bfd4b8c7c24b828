"""Bodies named in a document: by an apposition ("The Civic Ledger, a watchdog group"), by who leads them
("the US-led coalition"), by initials, "... of <country>", acronyms, and offices named by a country."""
from __future__ import annotations

from spacy.tokens import Doc

from ..iris import slug
from ..model import Actor
from . import columns, offices
from .found import Found, copy
from .lexicon import Lexicon

_SUBJECTS = ("nsubj", "nsubjpass")


def names_of_country(doc: Doc, lex: Lexicon, found: list[Found], taken: list[bool], in_title: list[bool]) -> list:
    """Names the tagger missed or took for a place, told as a person from a country in a subject:
    "Aibek Tolenov of Kyrgyzstan and Farid Nurov of Tajikistan held talks": two or three capitalised
    words no lexicon entry, title or institution word claims and the tagger took for no body ("the
    Supreme Court of Brazil"), before "of" and a country's name."""
    countries = {f.start for f in found if lex.actors.get(f.key) and lex.actors[f.key].kind == "Country"}
    out, institution = [], None
    # no country named: no "of" before one
    for of in (doc[i] for i in columns.where(doc, "lower", ("of",))) if countries else ():
        if of.ent_iob_ == "I" \
                or not any(c.dep_ == "pobj" and c.i in countries for c in of.children):
            continue
        head = of.head
        if head.i != of.i - 1 or not (head.dep_ in _SUBJECTS or (head.dep_ == "conj" and head.head.dep_ in _SUBJECTS)):
            continue
        start = head.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i:
            start -= 1
        name = doc[start:head.i + 1]
        if institution is None and 2 <= len(name) <= 3:  # the words that make a name a body's, made when needed
            institution = set(lex.body_nouns) | lex.office_nouns | lex.group_heads | lex.meeting_words
        if 2 <= len(name) <= 3 and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper
                                       and not taken[t.i] and not in_title[t.i] and t.lower_ not in institution
                                       and t.text.title() not in lex.title_modifiers
                                       and t.ent_type_ in ("", "PERSON", "GPE") for t in name):
            out.append((name.start, name.end))
    return out




def organization_of(doc: Doc, span, lex: Lexicon, key: str, in_title: list[bool]) -> tuple[int, int] | None:
    """The organization entity a country's name ends ("the Atomic Energy Organization of Iran", "the
    Central Bank of Iran", "Bank of America"): its span, when the name is its "of" phrase and what comes
    before is neither the state itself ("the Republic of", "the Government of") nor one of its offices
    ("the Foreign Ministry of", "the Embassy of"), which the country's name stands for."""
    if lex.actors[key].kind in ("Country", "Government"):
        named = _named_after_country(doc, span, lex, in_title)
        if named is not None:
            return named
    if lex.actors[key].kind == "Person":  # "the Ruiz Foundation", "the Marek Organization": not the person
        return _named_after_country(doc, span, lex, in_title, PERSON_BODY_HEADS)
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or lex.actors[key].kind not in ("Country", "Government"):
        return None
    if doc[span.start - 1].ent_iob_ != "I" or doc[span.start - 1].ent_type_ not in ("ORG", "FAC") \
            or any(t.ent_iob_ != "I" for t in span) or in_title[span.start - 2]:
        return None
    start, end = span.start - 1, span.end  # the entity around "of <country>", from its tokens' IOB tags
    while doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    head = doc[span.start - 2]
    words = " ".join(t.lower_ for t in doc[start:span.start - 1] if t.dep_ != "det" and t.lower_ != "the")
    if head.lemma_.lower() in lex.body_nouns and lex.body_nouns[head.lemma_.lower()] in ("Country", "Government") \
            or words in lex.office_nouns or head.lemma_.lower() in lex.office_nouns or not head.text[:1].isupper():
        return None
    return start, end


# the last word of a body named after its country ("the Peru Dairy Council"): an organization of its own
BODY_HEADS = ("council", "association", "federation", "confederation", "chamber", "institute", "league", "society",
              "foundation", "union", "alliance", "coalition", "board", "forum", "guild", "syndicate", "service")
# the last word of a body named after a person ("the Ruiz Foundation", "Marek University"): its own actor
PERSON_BODY_HEADS = ("foundation", "institute", "institution", "center", "centre", "library", "fund", "trust",
                     "endowment", "initiative", "organization", "organisation", "university", "college", "school",
                     "museum", "society", "council", "association", "group", "corporation", "company")


def _named_after_country(doc: Doc, span, lex: Lexicon, in_title: list[bool],
                         heads: tuple[str, ...] = BODY_HEADS) -> tuple[int, int] | None:
    """The organization entity a country's (or a person's) name opens ("the Peru Dairy Council", "Vietnam
    Steel Producers Council", "the Ruiz Foundation"): its span, when the entity goes on in capitals to a
    body's word (one of `heads`); not an office of the state."""
    if any(t.ent_type_ != "ORG" for t in span) or span.end >= len(doc) or doc[span.end].ent_iob_ != "I":
        return None
    start, end = span.start, span.end
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if start < span.start and doc[start].lower_ != "the":
        return None  # the country inside a longer name ("Bank of Peru Dairy ..."): not its opening
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    rest = doc[span.end:end]
    if not all(t.text[:1].isupper() for t in rest) or rest[-1].lemma_.lower() not in heads \
            or any(in_title[t.i] or (t.lower_ in lex.office_nouns and not _serviced(rest, t)) for t in rest):
        return None
    return start, end


def _serviced(rest, tok) -> bool:
    """An office noun right before "Service" ("the Ghana Police Service"): the office named as a body."""
    return tok.i + 1 < rest.end and rest.doc[tok.i + 1].lower_ == "service"


# texts a body puts out, named after it by its initials: "the CNAS paper", "a GAO report"
AUTHORED = ("report", "paper", "study", "memo", "analysis", "review", "survey", "poll", "letter", "statement",
            "audit", "brief", "assessment")


def authors_by_initials(doc: Doc, taken: list[bool]) -> list[int]:
    """Tokens in capitals the tagger left unlabelled that stand before the text they put out."""
    return [t.i for t in (doc[i] for i in columns.where(doc, "pos", ("PROPN",)))
            if t.is_upper and t.is_alpha and 2 <= len(t.text) <= 6
            and not t.ent_type_ and not taken[t.i] and t.dep_ == "compound" and t.head.pos_ == "NOUN"
            and t.head.lemma_.lower() in AUTHORED and t.head.i == t.i + 1]


APPOSED_BODIES = ("organization", "organisation", "group", "charity", "foundation", "institute", "agency",
                  "tank", "firm", "company", "coalition", "alliance", "union", "association", "nonprofit",
                  "watchdog", "movement", "party")


def apposed_bodies(doc: Doc, found: list[Found], actors: dict[str, Actor], lex: Lexicon) -> list[Found]:
    """A name the tagger left unlabelled that an apposition calls a body ("The Civic Ledger, a nonpartisan
    watchdog group, said"): an Organization labelled by the name."""
    covered = {i for f in found for i in range(f.start, f.end)}
    out = list(found)
    for tok in (doc[i] for i in columns.where(doc, "pos", ("PROPN",))):
        if tok.ent_type_ or tok.i in covered or tok.dep_ == "compound":
            continue
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and c.pos_ == "NOUN"), None)
        if appos is None or appos.lemma_.lower() not in APPOSED_BODIES or not doc[tok.i + 1].is_punct:
            continue
        start = tok.left_edge.i
        while start < tok.i and (doc[start].dep_ == "det" or doc[start].text in lex.honorifics):
            start += 1
        words = doc[start:tok.i + 1]
        if any(t.i in covered or t.ent_type_ or not t.text[:1].isupper() for t in words):
            continue
        label = words.text
        key = slug(label)
        actors.setdefault(key, Actor(key, label, "Organization", {label}))
        out.append(Found(start, tok.i + 1, key, "entity"))
    return sorted(out, key=lambda f: f.start)


LED_BODIES = ("coalition", "alliance", "force", "forces", "bloc")  # "the Saudi-led coalition"


def led_bodies(doc: Doc, found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """A body named by who leads it ("the U.S.-led coalition", "the Saudi - led alliance"): an
    Organization of its own, labelled as written, which holds what it says and does; the leader named
    in it is not the doer."""
    out = list(found)
    for tok in (doc[i] for i in columns.where(doc, "lower", LED_BODIES)):
        if tok.i == 0:
            continue
        led = doc[tok.i - 1]
        if led.lower_.endswith("-led") and len(led) > 4 and led.lower_ != "-led":
            start = led.i  # "U.S.-led" as one word
        elif led.lower_ in ("led", "-led") and tok.i >= 2:
            start = tok.i - 2 if led.lower_ == "-led" else tok.i - 3  # "U.S. -led", "Saudi - led"
            if start < 0 or (led.lower_ == "led" and doc[tok.i - 2].text not in ("-", "–")):
                continue
        else:
            continue
        if not doc[start].text[:1].isupper():
            continue  # "army-led", "export-led": no one named leads it
        label = "".join(t.text_with_ws for t in doc[start:tok.i + 1]).strip()
        label = label.replace(" -led", "-led").replace(" - led", "-led")
        key = slug(label)
        actors.setdefault(key, Actor(key, label, "Organization", {label}))
        out = [f for f in out if f.end <= start or f.start > tok.i]
        out.append(Found(start, tok.i + 1, key, "entity"))
    return sorted(out, key=lambda f: f.start)


# the last word of a body named by the sides it joins ("the NATO-Russia Council", "the EU-China Joint Committee")
JOINT_BODIES = ("council", "committee", "commission", "forum", "board", "group", "assembly", "panel", "caucus")


def joint_bodies(doc: Doc, found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """A body named by the sides it joins, written with a hyphen the tagger splits ("the NATO-Russia
    Council", "the EU-China Joint Committee"): an Organization of its own, which meets and speaks by
    itself; the sides named in it are not the doers."""
    out, dropped = list(found), set()
    for tok in (doc[i] for i in columns.where(doc, "lower", JOINT_BODIES)):
        if not tok.text[:1].isupper() or tok.i == 0:
            continue
        start, joined = tok.i, False
        while start > 0 and tok.i - start < 6:
            prev = doc[start - 1]
            if prev.text in ("-", "–") and not prev.whitespace_ and start >= 2 \
                    and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
                start, joined = start - 2, True  # "NATO - Russia" split by the tagger, written as one
            elif prev.text[:1].isupper() and prev.pos_ == "PROPN" and all(
                    part[:1].isupper() for part in prev.text.split("-")):
                start, joined = start - 1, joined or "-" in prev.text.strip("-")  # "U.S.-Russia" as one word
            else:
                break
        if not joined:
            continue
        label = doc[start:tok.i + 1].text
        key = slug(label)
        actors.setdefault(key, Actor(key, label, "Organization", {label}))
        dropped |= {f.key for f in out if start <= f.start <= tok.i}
        out = [f for f in out if f.end <= start or f.start > tok.i]
        out.append(Found(start, tok.i + 1, key, "entity"))
    for key in dropped - {f.key for f in out}:  # "Pakistan Joint Commission" as the tagger cut it: no one
        actors.pop(key, None)
    return sorted(out, key=lambda f: f.start)


def acronyms(found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """"RSF" after "the Rapid Support Forces": one organization (the initials of its name)."""
    initials = {}
    for actor in actors.values():
        words = [w for w in actor.label.replace("-", " ").split() if w[:1].isupper()]
        if actor.kind == "Organization" and len(words) > 1:
            initials.setdefault("".join(w[0] for w in words), actor.key)
    merged = {}
    for key, actor in list(actors.items()):
        target = initials.get(actor.label.replace(".", ""))
        if actor.label.isupper() and actor.kind == "Organization" and target and target != key:
            actors[target].aliases.add(actor.label)
            merged[key] = target
            del actors[key]
    return [Found(f.start, f.end, merged.get(f.key, f.key), f.how) for f in found]


def office_mentions(doc: Doc, found: list[Found], actors: dict[str, Actor], lex: Lexicon) -> list[Found]:
    """An office entity with no country in its name ("the Foreign Ministry") becomes that of the
    country its context gives (see offices.py)."""
    mentions = country_mentions(doc, found, actors, lex)
    doc_country = offices.dominant([c for _, c, _gov in mentions])
    owned: dict[str, str] = {}
    out = []
    at = {i: c for i, c, _gov in mentions}
    owners = {t: at[f.start] for f in found if f.start in at for t in range(f.start, f.end)}  # token -> country
    for f in found:
        actor = actors.get(f.key)
        if offices.generic(doc, f, lex):  # "Congress": the US one unless the text gives another
            f = offices.national(doc, f, owners, owned, actors, lex)
            out.append(f)
            continue
        if f.how != "entity" or actor is None or actor.kind != "Organization" \
                or not offices.is_office(actor.label, lex.office_nouns):
            out.append(f)
            continue
        name = actor.label.lower().removeprefix("the ")
        country = offices.owner_in_context(doc, f.start, mentions, owned.get(name), doc_country)
        if country is None or (country not in actors and country not in lex.actors):
            out.append(f)
            continue
        owned.setdefault(name, country)
        label = (actors.get(country) or lex.actors[country]).label
        office = offices.office_actor(country, label, actor.label)
        actors.setdefault(office.key, office).aliases.add(actor.label)
        if country not in actors:
            actors[country] = copy(lex.actors[country])
        out.append(Found(f.start, f.end, office.key, "name"))
    for key in {f.key for f in found} - {f.key for f in out}:
        actors.pop(key, None)
    return out


def country_mentions(doc: Doc, found: list[Found], actors: dict[str, Actor],
                     lex: Lexicon) -> list[tuple[int, str, bool]]:
    """(token, country key, names its government) of every mention that names a country, its government
    ("the Kremlin", "Venezuela's government") or its people."""
    out = []
    for f in found:
        actor = actors.get(f.key) or lex.actors.get(f.key)
        country = offices.country_of_key(f.key, actors, lex.country_of) if f.key in actors else \
            offices.country_of_key(f.key, lex.actors, lex.country_of)
        if country and actor is not None and (actor.kind != "Person" or f.how == "demonym"):
            after = [t.lemma_.lower() for t in doc[f.end:f.end + 2]]
            government = actor.kind == "Government" or any(w in offices.GOVERNMENT_WORDS for w in after)
            out.append((f.start, country, government))
    return out
