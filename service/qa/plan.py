"""A plan: one question template with its parameters bound to graph terms, and what its answers must fit
beyond the template's query (words, names, a target, a verdict's marks). service/qa/plans.py makes the
plans of a question; answer.py runs them in order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from ..store.base import Term


@dataclass
class Plan:
    template: str
    bindings: dict[str, Term]
    params: dict  # what the document shows
    words: list[str] = field(default_factory=list)
    topic_names: list[str] = field(default_factory=list)  # topic matched in the text, not the graph
    extra_actors: list[str] = field(default_factory=list)  # more participants every meeting must have
    union: list[NamedNode] = field(default_factory=list)  # more actors, each answered in turn ("X and Y")
    joint: bool = False  # only facts held by two or more ("both sides")
    speech: frozenset[str] = frozenset()  # statements made with these verbs first ("what did X say")
    aliases: dict[str, str] = field(default_factory=dict)  # actor IRI -> the question's name ("Moscow")
    # filters the graph could not apply as asked: their words must be in the fact or its passages
    need_words: list[str] = field(default_factory=list)
    occasion_words: list[str] = field(default_factory=list)  # those of need_words an occasion named, not found
    relaxed: list[dict] = field(default_factory=list)  # what the document reports as relaxed
    verb: str = ""  # the question's verb lemma: facts told with it first
    only_verb: bool = False  # a verb naming no kind ("reaffirm", "sign"): facts told with it alone, if any
    own_verb: bool = False  # such a verb with a kind the object names ("signed the agreement"): its facts, when any
    yesno: bool = False
    strict: bool = False  # most of `words` must match ("who said <words>", "did X propose <words>")
    head: str = ""  # the object's head noun: every fact must name it
    counted: list[str] = field(default_factory=list)  # what an estimate asked for counts: one in its own words
    counting: str = ""  # the question's last word, the act that counts ("visit"): see fit._gives_number
    asked: dict[str, str] = field(default_factory=dict)  # actor IRI -> label, as the question named them
    contrary: bool = False  # a yes/no question's contrary kind ("rejected" for "did X accept"): answers No
    negated_only: bool = False  # only negated facts: "would never accept" answers "what did X reject"
    unsourced: bool = False  # no holder (an act's doer aside) or source ("according to X": named in its reports)
    numbered: bool = False  # only facts whose own words give a number of what is counted ("visited 412 stations")
    details: tuple[str, ...] = ()  # the meeting details asked for ("how long": its length); () any
    remote: bool = False  # a call asked about: meetings by phone or video first
    in_person: bool = False  # "meet" asked about: a call is no answer
    partner: bool = False  # "who did X meet": meetings that name someone besides X first
    announced: bool = False  # only acts announced ("would not reduce"), never ones told as done or not
    spoken: bool = False  # only facts someone is told to have said ("we will provide X", Ruiz said)
    # the actor the question names as the verb's object ("who accused X"), with its country or governments:
    # a fact answers only with one of them as its target, or, told with a verb that names no target
    # ("alleged that X ..."), as what it is about
    target: frozenset[str] = frozenset()
    target_verbs: frozenset[str] = frozenset()  # verbs whose facts name the one targeted as their target
    # words of the question that are an actor's whole name ("the Iran deal"): each in the fact or its passage
    named: list[str] = field(default_factory=list)
    told: list[str] = field(default_factory=list)  # a recipient no fact records: one of its names in the passage
    # only remarks told as mockery ("maybe we should ask the wind"): a yes/no No; what the remark is not
    ironic: str = ""  # ("proposal", "promise"), empty for any other plan
    owners: dict[str, str] = field(default_factory=dict)  # "governor's" -> the actor it names (a verdict's)
    kind_nouns: dict = field(default_factory=dict)  # "the offer" names a fact (kg:respondsTo) of these kinds

    def binding_sets(self) -> list[dict[str, Term]]:
        return [self.bindings] + [{**self.bindings, "actor": actor} for actor in self.union]


class NoAnswer(Exception):
    """A slot names nothing in the graph: an empty answer with this message."""
