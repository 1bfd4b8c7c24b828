"""Names in a parsed document -> actor mentions: lexicon aliases (with metonymy: Moscow, the Kremlin ->
Russia's government; a capital after "in"/"at" stays a place), demonyms ("Russian" -> Russia) and
named entities the lexicon does not know (PERSON, ORG, GPE, NORP), which become actors of their own.
A surname alone joins the full name used elsewhere in the document ("Obama" -> "Barack Obama").
"""
from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.util import filter_spans

from ..iris import slug
from ..model import Actor
from . import columns
from .bodies import (
    acronyms,
    apposed_bodies,
    authors_by_initials,
    joint_bodies,
    led_bodies,
    names_of_country,
    office_mentions,
    organization_of,
)
from .datelines import datelines, filed_from, in_brackets
from .found import ENT_KINDS, LOCATIVE, Found, copy, named_venue
from .fullnames import person_typed_as_body
from .interviews import answer_labels
from .lexicon import Lexicon
from .nlp import PARSED_KEY
from .people import (
    apposed_to_title,
    mistyped_surnames,
    other_first_name,
    people_found,
    short_names,
    titled_names,
    untagged_names,
)


def matchers(lex: Lexicon, vocab) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """Alias, demonym (case-sensitive) and title (case-insensitive) matchers, built once per lexicon and
    vocab (kept on the lexicon)."""
    made = lex.made.get(("matchers", id(vocab)))
    if made is None or made[0] is not vocab:
        made = lex.made[("matchers", id(vocab))] = (vocab, _matchers(lex, vocab))
    return made[1]


def _matchers(lex: Lexicon, vocab) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    from spacy.lang.en import English

    make = English(vocab=vocab).make_doc
    aliases = PhraseMatcher(vocab, attr="ORTH")
    for surface in lex.aliases:
        aliases.add("A", [make(surface)])
        if len(surface) > 3 and not surface.isupper():  # datelines: "BEIJING/WASHINGTON (Reuters) -"
            aliases.add("A", [make(surface.upper())])
    demonyms = PhraseMatcher(vocab, attr="ORTH")
    demonyms.add("D", [make(d) for d in lex.demonyms])
    titles = PhraseMatcher(vocab, attr="LOWER")
    forms = set()
    for title in lex.titles:
        forms |= {title, title + "s", title.replace(" of ", "s of ", 1) if " of " in title else title}
    titles.add("T", [make(t) for t in forms])
    return aliases, demonyms, titles


TITLES_KEY = "kgqa_titles"  # doc.user_data: found once per Doc


def title_spans(doc: Doc, lex: Lexicon) -> list:
    """Title phrases in the document, longest first, extended to the left by title modifiers (found
    once per Doc and lexicon: the mentions and the roles both read them)."""
    memo = doc.user_data.setdefault(TITLES_KEY, {})
    if id(lex) not in memo:
        memo[id(lex)] = (lex, [(t.start, t.end) for t in _title_spans(doc, lex)])  # lex kept: its id stays its own
    return [TokenSpan(doc, start, end) for start, end in memo[id(lex)][1]]


def _title_spans(doc: Doc, lex: Lexicon) -> list:
    spans = filter_spans([doc[s:e] for _, s, e in matchers(lex, doc.vocab)[2](doc)])
    out = []
    for span in spans:
        start = span.start
        while start > 0 and (doc[start - 1].text.title() in lex.title_modifiers or (
                start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
                and doc[start - 2].text.title() in lex.title_modifiers)):  # "Vice-President"
            start -= 2 if doc[start - 1].text == "-" else 1
        out.append(doc[start:span.end])
    return out


def find(doc: Doc, lex: Lexicon, tokens: list[Token] | None = None) -> tuple[list[Found], dict[str, Actor]]:
    """Mentions in text order, and the actors they name (copies: safe to change per document)."""
    alias_m, demonym_m, _ = matchers(lex, doc.vocab)
    named = filter_spans([doc[s:e] for _, s, e in alias_m(doc)])
    found: list[Found] = []
    taken = [False] * len(doc)
    upper = lex.upper_aliases
    titles = title_spans(doc, lex)
    in_title = [False] * len(doc)
    for t in titles:
        in_title[t.start:t.end] = [True] * len(t)
    owners: dict[tuple[int, int], str] = {}  # organization entity span -> the country it is "of"
    for span in named:
        surface = span.text if span.text in lex.aliases else upper[span.text]
        key = lex.aliases[surface]
        whole = organization_of(doc, span, lex, key, in_title)
        if whole is not None:  # "the Central Bank of Iran": an organization of its own, in Iran
            owners[whole] = key
            continue
        if other_first_name(doc, span, lex.actors[key], lex, in_title):
            continue  # "Bill Clinton" is not the lexicon's Hillary Clinton: a person of their own
        how = "name"
        if surface in lex.capitals and (span.text.isupper() or _locative(span, lex.decision_words)):
            key, how = lex.capitals[surface], "place"  # a dateline in capitals is where it was filed
        elif lex.actors[key].kind == "Government" and surface not in lex.actors[key].label:
            how = "metonym"
        found.append(Found(span.start, span.end, key, how))
        taken[span.start:span.end] = [True] * len(span)
    for _, s, e in demonym_m(doc):
        if doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "I":
            continue  # a surname ("Mark Cuban"), not a nationality
        if not any(taken[s:e]):
            found.append(Found(s, e, lex.demonyms[doc[s:e].text], "demonym"))
            taken[s:e] = [True] * (e - s)
    actors: dict[str, Actor] = {}
    people: list[tuple[list[str], int, int]] = []
    person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.pos_ == "PROPN"}
    of_country = names_of_country(doc, lex, found, taken, in_title)
    person_words |= {t.text for s, e in of_country for t in doc[s:e]}  # "Rahimzoda" tagged ORG later on
    people += [([t.text for t in doc[s:e]], s, e) for s, e in of_country if not any(t.ent_type_ for t in doc[s:e])]
    dateline = datelines(doc)
    for ent in doc.ents:
        if ent.label_ not in ENT_KINDS or any(taken[ent.start:ent.end]):
            continue
        s, e = _trim(doc, ent.start, ent.end, lex, in_title)
        label_ = ent.label_
        filed = s < e and all(i in dateline for i in range(s, e)) and label_ in ("ORG", "GPE", "LOC", "FAC") \
            and not in_brackets(doc, s, dateline)  # "(Reuters)": the agency that filed it, no place
        if filed:
            label_ = "GPE"  # "JOHANNESBURG (Reuters) —" tagged ORG: the place it was filed from
        if label_ in ("ORG", "GPE") and s < e and (
                (s > 0 and in_title[s - 1]) or doc[e - 1].text in person_words
                or apposed_to_title(doc[s:e], in_title)):
            label_ = "PERSON"  # "Foreign Minister Karim Haddad" or "Peru's negotiator, Ana Ruiz," mislabelled ORG
        if label_ == "ORG" and person_typed_as_body(doc, s, e, lex):
            label_ = "PERSON"  # "the jury's president, Elena Villafuerte," tagged ORG
        if label_ in ("PERSON", "ORG") and named_venue(doc, s, e):
            label_ = "FAC"  # "at the Catshuis, the premier's official residence" tagged PERSON: a building
        parts = _coordinated(doc, s, e)
        if label_ in ("ORG", "GPE") and sum(doc[b - 1].text in person_words for _, b in parts) > 1:
            label_ = "PERSON"  # "Christie and Jindal, Cruz" labelled ORG: people named together
        if label_ == "PERSON":  # "Ahmet Demir" with only "Demir" labelled: take the first name too
            while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].head.i in range(s, e) \
                    and any(c.isalnum() for c in doc[s - 1].text) \
                    and not taken[s - 1] and not in_title[s - 1] and doc[s - 1].text not in lex.honorifics \
                    and not (doc[s - 1].ent_type_ in ("DATE", "TIME") and s > 1 and doc[s - 2].pos_ == "ADP"):
                s -= 1  # not "On Friday Fiona McAllister": the day the parser hung on the name
        if ent.label_ == "NORP":  # "the Liberal Democrats" with only "Democrats" labelled: a party's whole name
            while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].dep_ == "compound" \
                    and doc[s - 1].head.i in range(s, e) and doc[s - 1].is_title and not doc[s - 1].ent_type_ \
                    and not taken[s - 1] and not in_title[s - 1]:
                s -= 1
        if s >= e or (ent.label_ == "NORP" and not doc[e - 1].tag_.startswith("NNS")
                      and doc[e - 1].tag_ != "NNPS" and not _group_named(doc[e - 1])):
            continue
        if not any(t.is_alpha and t.text[0].isupper() for t in doc[s:e]):
            continue
        if label_ == "PERSON":
            people += [([t.text for t in doc[a:b] if not t.is_punct], a, b) for a, b in _coordinated(doc, s, e)]
            continue
        label = doc[s:e].text.title() if filed and doc[s:e].text.isupper() else doc[s:e].text
        key = slug(label)
        actors.setdefault(key, Actor(key, label, ENT_KINDS[label_], {label}))
        if (ent.start, ent.end) in owners:
            actors[key].member_of.add(owners[ent.start, ent.end])
        found.append(Found(s, e, key, "entity"))
    for s, e in filed_from(doc, dateline, taken):  # "MONTEVIDEO (Reuters) —" the tagger left unnamed
        label = doc[s:e].text.title()
        actors.setdefault(slug(label), Actor(slug(label), label, "Place", {label}))
        found.append(Found(s, e, slug(label), "entity"))
        taken[s:e] = [True] * (e - s)
    for i in authors_by_initials(doc, taken):  # "the CNAS paper": a body the tagger did not label
        actors.setdefault(slug(doc[i].text), Actor(slug(doc[i].text), doc[i].text, "Organization", {doc[i].text}))
        found.append(Found(i, i + 1, slug(doc[i].text), "entity"))
        taken[i] = True
    people += titled_names(doc, titles, taken, people, found)
    people += untagged_names(doc, lex, taken, in_title)
    known = {}  # people the lexicon named in this document, by their full name as written: (key, first token)
    for f in found:
        if f.key in lex.actors and lex.actors[f.key].kind == "Person":
            known.setdefault(" ".join(t.text for t in doc[f.start:f.end] if not t.is_punct), (f.key, f.start))
    found += people_found(doc, people, lex, actors, known)
    found += short_names(doc, found, actors, lex, doc if tokens is None else tokens)
    found = mistyped_surnames(doc, found, actors)
    found = transcript_labels(doc, found, actors)
    found = answer_labels(doc, found, actors)
    found = acronyms(found, actors)
    found = led_bodies(doc, found, actors)
    found = joint_bodies(doc, found, actors)
    found = apposed_bodies(doc, found, actors, lex)
    for f in found:
        if f.key not in actors:
            actors[f.key] = copy(lex.actors[f.key])
    found = office_mentions(doc, sorted(found, key=lambda f: f.start), actors, lex)
    for key in list(actors):  # the country a government governs, the organization an office is part of
        for parent in [actors[key].government_of, *actors[key].member_of]:
            if parent and parent not in actors and parent in lex.actors:
                actors[parent] = copy(lex.actors[parent])
    return sorted(found, key=lambda f: f.start), actors


def _group_named(token: Token) -> bool:
    """ "the Greens" tagged as a singular name: a group named with "the" and standing as a noun phrase of
    its own (not "Swiss officials", "the Swiss franc")."""
    return token.dep_ not in ("amod", "compound", "nmod", "poss") and token.text.endswith("s") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _coordinated(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """A person entity that is a coordination of names ("Christie and Jindal"): each part a name of its
    own (not "Ana and Luis Ruiz", first names sharing one family name)."""
    cuts = [i for i in range(s + 1, e - 1) if doc[i].lower_ in ("and", "&", "or") or doc[i].text == ","]
    if not cuts:
        return [(s, e)]
    parts, start = [], s
    for i in [*cuts, e]:
        if start < i:
            parts.append((start, i))
        start = i + 1
    names = all(t.pos_ == "PROPN" and t.text[:1].isupper() for a, b in parts for t in doc[a:b])
    shared = parts[-1][1] - parts[-1][0] > 1 and any(b - a == 1 for a, b in parts[:-1])  # one family name
    return parts if len(parts) > 1 and names and not shared else [(s, e)]


def _locative(span, decision_words: set[str]) -> bool:
    """A capital after "in"/"at"/"to" is the place ("met in Moscow"), unless what happens there is a
    decision ("Assad's fate will be decided in Tehran": the government)."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
        return False
    return prep.head.lemma_.lower() not in decision_words


def _trim(doc: Doc, s: int, e: int, lex: Lexicon, in_title: list[bool]) -> tuple[int, int]:
    """Drop determiners, honorifics, titles and marks ('"―' before a signature) before a name, and a
    trailing possessive."""
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].text in lex.honorifics or in_title[s]
                     or doc[s].text.title() in lex.title_modifiers or not any(c.isalnum() for c in doc[s].text)):
        s += 1
    for i in range(s, e):  # "VIENNA (Reuters": a name stops at a bracket
        if doc[i].is_bracket:
            e = i
            break
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return s, e


HONORIFIC_LABELS = ("MR.", "MS.", "MRS.", "DR.", "SEN.", "REP.", "GOV.", "SECRETARY", "SENATOR", "PRESIDENT",
                    "GOVERNOR")


def transcript_labels(doc: Doc, found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """A transcript's speaker label at a line's start ("WHITFIELD-RAO:", "MS. CLINTON:"), which the tagger
    reads as a body in capitals: the one person of the document whose last name it spells."""
    text = doc.user_data.get(PARSED_KEY) or doc.text  # Doc.text joins every token again
    out = list(found)
    for colon in (doc[i] for i in columns.where(doc, "text", (":",)) if i > 0) if ":" in text else ():
        line = text.rfind("\n", 0, colon.idx) + 1
        label = text[line:colon.idx].split()
        if not label or len(label) > 3 or not all(w.isupper() and w.replace("-", "").replace(".", "").isalpha()
                                                 for w in label) or len(label[-1]) < 3 \
                or any(w not in HONORIFIC_LABELS for w in label[:-2]):
            continue  # "MS. CLINTON:", "SENATOR TOM DALE:"; not "NEW YORK TIMES:"
        people = {k for k, a in actors.items() if a.kind == "Person" and any(
            name.split() and name.split()[-1].upper() == label[-1] for name in (a.label, *a.aliases))}
        start = next((t.i for t in doc[:colon.i] if t.idx >= line and not t.is_space), None)
        if len(people) != 1 or start is None:
            continue
        out = [f for f in out if f.end <= start or f.start >= colon.i] + [Found(start, colon.i, people.pop(), "name")]
    return sorted(out, key=lambda f: f.start)
