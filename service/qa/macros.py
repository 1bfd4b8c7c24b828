"""Comment lines of a template's .rq file, expanded into query text before a query runs (templates.py):
`#if`/`#unless` blocks, and the lines that find an actor's facts within reach (`#same`, `#reach`, `#held`,
`#linked`, `#at`, `#on`, `#apart`), read from the holder, pair, link, topic and occasion indexes where the store has
them. What each line means: service/qa/templates/README.md. Nothing in these lines comes from the user:
they are part of the template text.
"""
from __future__ import annotations

import re

from pyoxigraph import Literal, NamedNode

from ..iris import holder_key, holder_occasion_key, link_key, occasion_key, pair_key, topic_key, verb_key
from ..store.base import Store, Term
from ..vocab import KG_NS
from .reach import FEW, PREFIX, SAME, reach

MACRO = re.compile(r"^(\s*)#(same|reach-up|reach)\s+\?(\w+)\s+\?(\w+)(?:\s+\?(\w+))?\s*$", re.M)
HELD = re.compile(r"^(\s*)#held(-up)?\s+(\?\w+)\s+(kg:\w+|\?\w+)\s+(kg:\w+)\s+\?(\w+)\s+\?(\w+)\s+\?(\w+)\s*$",
                   re.M)
HELD_PAIR = re.compile(r"^(\s*)#held-pair\s+(\?\w+)\s+(kg:\w+)\s+(kg:\w+)" + r"\s+\?(\w+)" * 5 + r"\s*$", re.M)
HELD_BY = re.compile(r"^(\s*)#held-by\s+(\?\w+)\s+(kg:\w+)\s+(kg:\w+)\s+\?(\w+)\s*$", re.M)
LINKED = re.compile(r"^(\s*)#linked\s+(\?\w+)\s+((?:kg:\w+\|)*kg:\w+)\s+\?(\w+)\s+\?(\w+)(?:\s+\?(\w+))?"
                     r"\s+by\s+\?(\w+)(?:\s+unless\s+\?(\w+))?\s*$", re.M)
AT = re.compile(r"^(\s*)#at\s+(\?\w+)\s+(kg:\w+)\s+\?(\w+)\s*$", re.M)
ON = re.compile(r"^(\s*)#on\s+(\?\w+)\s+(kg:\w+)\s+\?(\w+)\s+\?(\w+)\s*$", re.M)
ON_PREDS = "kg:about|kg:target|kg:recipient"  # what a fact is "on" (the kg:topicKey index's links)


def leader_titles(index) -> frozenset[str]:
    """The titles a joint fact's #reach-up goes down to (a country's president or prime minister speaks for it,
    where a role says whose leader they are; its other officials do not)."""
    return getattr(index, "leader_titles", frozenset())


def reaching(line: str) -> bool:
    """A #linked line with a reach (its reach depends on the pass)."""
    match = LINKED.match(line)
    return bool(match and match.group(6))


def _linked_lines(match: re.Match) -> str:
    """The plain lines a #linked line stands for (still holding their #same or #reach)."""
    pad, fact, preds, a, b, r, _, _ = match.groups()
    return f"{pad}{fact} {preds} ?{b} .\n{pad}" + (f"#reach ?{a} ?{b} ?{r}" if r else f"#same ?{a} ?{b}")


def _link_keys(preds: str, by: Term) -> list | None:
    """For each property of PREDS, in order, the function minting its index key from an actor IRI, for
    facts of the kind `by` or told with the verb `by`; None when a property has no key. A fact's holders
    are kg:participant for a meeting, kg:holder for any other kind: the other never matches, no key."""
    out = []
    for name in (pred[3:] for pred in preds.split("|")):
        if isinstance(by, Literal):
            if name not in ("holder", "participant"):
                return None
            out.append(lambda iri, n=name, verb=by.value: verb_key(iri, n, verb))
            continue
        kind = kind_name("?by", {"by": by})
        if kind is None:
            return None
        if name in ("holder", "participant"):
            if (name == "participant") == (kind == "Meeting"):
                out.append(lambda iri, k=kind: holder_key(iri, k))
        else:
            out.append(lambda iri, n=name, k=kind: link_key(iri, n, k))
    return out


def any_length(block: list[str], name: str) -> bool:
    """The block is one zero-or-more path from ?fact to ?name: it always matches (zero steps)."""
    line = AT.sub(lambda m: _at_line(m), block[0]) if len(block) == 1 else ""
    return re.fullmatch(rf"\?fact\s+\S+\*\s+\?{name}\s*\.", line.strip()) is not None


def _at_line(match: re.Match) -> str:
    """The plain line an #at line stands for."""
    pad, fact, _, o = match.groups()
    return f"{pad}{fact} (kg:occasion)* ?{o} ."


def _at(query: str, store: Store, bindings: dict[str, Term], broad: bool, index, few: int | None,
        indexed: bool) -> str:
    """#at lines as plain lines, or read from the occasion index (see the module's docstring)."""
    match = AT.search(query)
    if not match:
        return query
    pad, fact, kind, o = match.groups()
    at = bindings.get(o)
    plain = query[:match.start()] + _at_line(match) + query[match.end():]
    if not (indexed and getattr(index, "occasion_keys", False) and isinstance(at, NamedNode)):
        return plain
    rest = query[:match.start()] + query[match.end() + 1:]  # without the #at line (and its newline)
    name = kind[3:]
    if store.select(PREFIX + f"SELECT ?x WHERE {{ {at} a {kind} BIND(1 AS ?x) }} LIMIT 1"):
        return plain  # the occasion is itself of KIND: the path finds it in zero steps
    held = [m for m in HELD.finditer(rest) if m.group(3) == fact and m.group(4) == kind and not m.group(2)]
    if held:
        pad, _, _, _, _, a, b, r = held[0].groups()
        if len(held) > 1 or not isinstance(bindings.get(a), NamedNode):
            return plain
        found = reach(store, bindings[a], broad, down=True, index=index)  # as the #held line's
        if few is not None and len(found) > few:
            return plain
        keys = " ".join(f"({holder_occasion_key(t.value, at.value, name)} {t} {n})" for t, n in found.items())
        return (rest[:held[0].start()] + f"{pad}VALUES (?kgqaAt_{b} ?{b} ?{r}) {{ {keys} }}\n"
                f"{pad}{fact} kg:occasionKey ?kgqaAt_{b} ." + rest[held[0].end():])
    typed = re.compile(rf"^(\s*){re.escape(fact)} a {kind} \.$", re.M)
    lines = typed.findall(rest)
    if len(lines) != 1 or re.search(r"^\s*#(held|same|reach|linked)", rest, re.M):
        return plain
    # a fact of KIND reaching the occasion through another (the plain path finds those after the others)
    via = occasion_key(at.value, name, via=True)
    if store.select(PREFIX + f"SELECT ?x WHERE {{ ?x kg:occasionKey {via} }} LIMIT 1"):
        return plain
    return typed.sub(lambda m: f"{m.group(1)}{fact} kg:occasionKey {occasion_key(at.value, name)} .", rest, count=1)


def _on_lines(match: re.Match, apart: bool) -> str:
    """The lines an #on line stands for (still holding their #same), as an #apart block if `apart`."""
    pad, fact, _, o, t = match.groups()
    body = f"{pad}{fact} {ON_PREDS} ?{t} .\n{pad}#same ?{o} ?{t}"
    return f"{pad}#apart ?{t}\n{body}\n{pad}#joined" if apart else body


def _on(query: str, store: Store, bindings: dict[str, Term], broad: bool, index, few: int | None,
        indexed: bool, down: bool, join: bool) -> str:
    """An #on line as an #apart block, or with the template's #held line read from the topic index (see
    the module's docstring)."""
    match = ON.search(query)
    if not match:
        return query
    pad, fact, kind, o, t = match.groups()
    plain = query[:match.start()] + _on_lines(match, True) + query[match.end():]
    topic = bindings.get(o)
    if not (indexed and join and getattr(index, "topic_keys", False) and isinstance(topic, NamedNode)):
        return plain
    rest = query[:match.start()] + query[match.end() + 1:]  # without the #on line (and its newline)
    held = [m for m in HELD.finditer(rest) if m.group(3) == fact and m.group(4) == kind and not m.group(2)]
    if len(held) != 1 or held[0].group(5) != "kg:holder" or not isinstance(bindings.get(held[0].group(6)), NamedNode):
        return plain
    hpad, _, _, _, _, a, b, r = held[0].groups()
    holders = reach(store, bindings[a], broad, down=True, leaders=leader_titles(index), index=index)  # as #held's
    topics = reach(store, topic, False, down=down, leaders=leader_titles(index), index=index)  # as #same's
    if few is not None and max(len(holders), len(topics)) > few:
        return plain
    keys = " ".join(f"({topic_key(h.value, u.value, kind[3:])} {h} {n} {u})"
                    for h, n in holders.items() for u in topics)
    return (rest[:held[0].start()] + f"{hpad}{REORDERED}\n{hpad}VALUES (?kgqaOn_{b} ?{b} ?{r} ?{t}) {{ {keys} }}\n"
            f"{hpad}{fact} kg:topicKey ?kgqaOn_{b} ." + rest[held[0].end():])


def within_one_document(query: str) -> str:
    """The pattern matched inside one document graph at a time: the union default graph repeats a
    fact's triples once per document reporting it, and a join of k of its patterns across the union
    makes N^k rows of N syndicated copies (a meeting of two named participants: N^3), inside one
    graph N rows. A fact's own triples and its actors' descriptions are written together in each
    document reporting it, so nothing is lost."""
    head, brace, body = query.partition("WHERE {")
    end = body.rstrip().rfind("}")
    if not brace or end < 0:
        return query
    return f"{head}WHERE {{ GRAPH ?kgqaDocument {{{body[:end]}}} }}{body[end + 1:]}"


APART = "{ SELECT ?fact"  # how an #apart block begins once joined
REORDERED = "# rows pair by pair"  # a #held-pair read from the pair index whose rows may come in another order
_APART_BLOCK = re.compile(r"^(\s*)#apart((?:\s+\?\w+)+)\s*$(.*?)^\s*#joined\s*$", re.M | re.S)


def _apart(query: str, joined: bool) -> str:
    """#apart ... #joined blocks as a subquery of ?fact and the block's variables (joined), or plain lines."""
    def block(match: re.Match) -> str:
        pad, names, body = match.groups()
        if not joined:
            return body.strip("\n")
        return f"{pad}{APART} {names.strip()} WHERE {{{body}{pad}}} }}"
    return _APART_BLOCK.sub(block, query)


def bound_reach(query: str, store: Store, bindings: dict[str, Term], broad: bool, index=None,
                 few: int | None = FEW, indexed: bool = False, down: bool = False, join: bool = True) -> str:
    """Macro lines whose actor is bound become VALUES blocks of the actors within its reach (more than
    `few` of them: a FILTER on the template's own matches); #held lines read the holder index when
    `indexed`, and #apart blocks are joined then, when `join` (see the module's docstring); `down`:
    #reach-up lines reach down as #reach lines do."""
    query = _on(query, store, bindings, broad, index, few, indexed, down, join)
    query = _apart(query, indexed and join)
    query = _at(query, store, bindings, broad, index, few, indexed)

    def linked(match: re.Match) -> str:
        pad, fact, preds, a, b, r, by, unless = match.groups()
        term = bindings.get(a)
        keys = _link_keys(preds, bindings[by]) if by in bindings else None
        if indexed and getattr(index, "link_keys", False) and isinstance(term, NamedNode) and keys \
                and not (unless and unless in bindings):
            found = reach(store, term, broad and bool(r), down=True, index=index)
            if few is None or len(found) <= few:
                rows = " ".join(f"({key(t.value)} {t}{f' {n}' if r else ''})" for t, n in found.items() for key in keys)
                names = f"?kgqaLink_{b} ?{b}" + (f" ?{r}" if r else "")
                return f"{pad}VALUES ({names}) {{ {rows} }}\n{pad}{fact} kg:linkKey|kg:holderKey ?kgqaLink_{b} ."
        return _linked_lines(match)

    query = LINKED.sub(linked, query)

    def held_pair(match: re.Match) -> str:
        pad, fact, kind, prop, a, b, r, o, c = match.groups()
        one, other = bindings.get(a), bindings.get(o)
        if indexed and getattr(index, "pair_keys", False) and isinstance(one, NamedNode) \
                and isinstance(other, NamedNode):
            ones = reach(store, one, broad, index=index)
            others = reach(store, other, False, index=index)
            if (few is None or max(len(ones), len(others)) <= few) and (join or len(others) == 1):
                keys = " ".join(f"({pair_key(t.value, u.value, kind[3:])} {t} {n} {u})"
                                for t, n in ones.items() for u in others if t != u)
                mark = f"{pad}{REORDERED}\n" if len(others) > 1 else ""
                return (f"{mark}{pad}VALUES (?kgqaPair_{c} ?{b} ?{r} ?{c}) {{ {keys} }}\n"
                        f"{pad}{fact} kg:pairKey ?kgqaPair_{c} .")
        return _pair_lines(match)

    query = HELD_PAIR.sub(held_pair, query)

    def held(match: re.Match) -> str:
        pad, up, fact, kind, prop, a, b, r = match.groups()
        macro = "reach-up" if up else "reach"
        typed = "" if up else f"{pad}{fact} a {kind} .\n"
        name = kind_name(kind, bindings)
        if indexed and name and isinstance(bindings.get(a), NamedNode):
            found = reach(store, bindings[a], broad, down=down or not up, leaders=leader_titles(index), index=index)
            if up or few is None or len(found) <= few:
                keys = " ".join(f"({holder_key(t.value, name)} {t} {n})" for t, n in found.items())
                return f"{pad}VALUES (?kgqaKey_{b} ?{b} ?{r}) {{ {keys} }}\n{pad}{fact} kg:holderKey ?kgqaKey_{b} ."
        return f"{typed}{pad}{fact} {prop} ?{b} .\n{pad}#{macro} ?{a} ?{b} ?{r}"

    def values(match: re.Match) -> str:
        pad, macro, a, b, r = match.groups()
        if a not in bindings:
            return expand(match.group(0), broad)
        found = reach(store, bindings[a], broad and macro != "same", down=down or macro == "reach",
                      leaders=leader_titles(index), index=index)
        if few is not None and len(found) > few and macro != "reach-up":  # many: tested on the template's own matches
            # (a verb, a recipient), not joined; joint facts (reach-up) join both sides' VALUES
            near = ", ".join(str(t) for t, n in found.items() if n == 1)
            test = f"{pad}FILTER(?{b} IN ({', '.join(str(t) for t in found)}))"
            return test if macro == "same" else f"{test}\n{pad}BIND(IF(?{b} IN ({near}), 1, 2) AS ?{r})"
        if macro == "same":
            return f"{pad}VALUES ?{b} {{ {' '.join(str(t) for t in found)} }}"
        return f"{pad}VALUES (?{b} ?{r}) {{ {' '.join(f'({t} {n})' for t, n in found.items())} }}"
    def held_by(match: re.Match) -> str:
        pad, fact, kind, prop, a = match.groups()
        if indexed and isinstance(bindings.get(a), NamedNode):
            return (f"{pad}VALUES ?kgqaKey_{a} {{ {holder_key(bindings[a].value, kind[3:])} }}\n"
                    f"{pad}{fact} kg:holderKey ?kgqaKey_{a} .")
        return expand(match.group(0), broad)
    return MACRO.sub(values, HELD.sub(held, HELD_BY.sub(held_by, query)))


def kind_name(kind: str, bindings: dict[str, Term]) -> str | None:
    """'kg:Proposal' -> 'Proposal'; '?kind' -> the local name of the kind bound to it (None: unbound)."""
    if kind.startswith("kg:"):
        return kind[3:]
    term = bindings.get(kind.lstrip("?"))
    if isinstance(term, NamedNode) and term.value.startswith(KG_NS):
        return term.value[len(KG_NS):]
    return None


def _pair_lines(match: re.Match) -> str:
    """The plain lines a #held-pair stands for (still holding their #held and #same)."""
    pad, fact, kind, prop, a, b, r, o, c = match.groups()
    return (f"{pad}#held {fact} {kind} {prop} ?{a} ?{b} ?{r}\n{pad}{fact} {prop} ?{c} .\n"
            f"{pad}FILTER(?{c} != ?{b})\n{pad}#same ?{o} ?{c}")


def expand(line: str, broad: bool) -> str:
    if line.strip().startswith(("#apart", "#joined")):
        return ""
    at = AT.match(line)
    if at:
        return _at_line(at)
    on = ON.match(line)
    if on:
        return "\n".join(expand(part, broad) for part in _on_lines(on, False).split("\n"))
    link = LINKED.match(line)
    if link:
        return "\n".join(expand(part, broad) for part in _linked_lines(link).split("\n"))
    pair = HELD_PAIR.match(line)
    if pair:
        return "\n".join(expand(part, broad) for part in _pair_lines(pair).split("\n"))
    held_by = HELD_BY.match(line)
    if held_by:
        pad, fact, kind, prop, a = held_by.groups()
        return f"{pad}{fact} a {kind} .\n{pad}{fact} {prop} ?{a} ."
    held = HELD.match(line)
    if held:  # the plain lines, each expanded
        pad, up, fact, kind, prop, a, b, r = held.groups()
        lines = ([] if up else [f"{pad}{fact} a {kind} ."]) + [f"{pad}{fact} {prop} ?{b} ."]
        return "\n".join(lines + [expand(f"{pad}#{'reach-up' if up else 'reach'} ?{a} ?{b} ?{r}", broad)])
    match = MACRO.match(line)
    if not match:
        return line
    pad, macro, a, b, reach = match.groups()
    if macro == "reach-up":
        macro = "reach"  # unbound: the general form
    if macro == "same":
        return f"{pad}?{a} {SAME} ?{b} ."
    # A subquery, evaluated first: the (few) actors within reach, then the facts they hold.
    if not broad:
        return f"{pad}{{ SELECT DISTINCT ?{a} ?{b} ?{reach} WHERE {{ ?{a} {SAME} ?{b} . BIND(1 AS ?{reach}) }} }}"
    org, role = f"?org_{b}", f"?role_{b}"
    return (f"{pad}{{ SELECT DISTINCT ?{a} ?{b} ?{reach} WHERE {{\n"
            f"{pad}  {{ ?{a} {SAME} ?{b} . BIND(1 AS ?{reach}) }}\n"
            f"{pad}  UNION {{ ?{a} {SAME} {org} . {role} a kg:Role ; kg:holder ?{b} ; kg:organization {org} ."
            f" BIND(2 AS ?{reach}) }}\n"
            f"{pad}  UNION {{ {role} a kg:Role ; kg:holder ?{a} ; kg:organization {org} . {org} {SAME} ?{b} ."
            f" BIND(2 AS ?{reach}) }} }} }}")
