"""Choosing a trigger's target among its argument phrases.

The first argument phrase that names an actor is the target, objects before
prepositional phrases; but a phrase that only names the source again ("renewed his
licence in X", "presented their credentials to Y") or the source's own forces ("offered
its troops to Y") is passed over, since an actor acting on itself is no dyad.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.compose import split_code
from eventwire.actors.resolve import PERSON_PRONOUNS, PLURAL_PRONOUNS, UNKNOWN_ACTOR
from eventwire.events.arguments import MentionIndex, actors_of, verbal_arguments
from eventwire.model import ActorMention

BACK_PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | frozenset({"its", "it"})


def same_actor(source: ActorMention, target: ActorMention) -> bool:
    """Whether a dyad would be an actor with itself ("their countries" after the
    countries themselves).  A government acting on its own country (TURGOV → TUR)
    is a real dyad, as CAMEO and PLOVER code it.  A reference to the other's own
    phrase is that actor, whatever code it took ("Hungarian and Romanian officials
    agreed that their countries ...": "their" is both); two names no dictionary knows
    are one actor only when they are one name."""
    if source.antecedent is not None or target.antecedent is not None:
        # only a reference: two actors of one phrase ("Hungarian and Romanian officials
        # met") share its span and are still two
        one, other = _named_at(source), _named_at(target)
        if one[0] < other[1] and other[0] < one[1]:
            return True
    if source.code == UNKNOWN_ACTOR or target.code == UNKNOWN_ACTOR:
        return source.text.lower() == target.text.lower()
    return source.code == target.code


def _named_at(actor: ActorMention) -> tuple[int, int]:
    """Where the actor is named: its antecedent's place for a reference."""
    return actor.antecedent or actor.span


def refers_to_source(sources: Sequence[ActorMention], actor: ActorMention) -> bool:
    """The source itself, or a pronoun for it: in "the ambassadors of X presented
    their credentials", "their" is the ambassadors, a role the source has with X."""
    pronoun = actor.text.lower() in BACK_PRONOUNS  # its country may come from its phrase
    return any(
        same_actor(source, actor) or (pronoun and source.roles == actor.roles)
        for source in sources
    )


FORCES = frozenset({"MIL", "COP"})
POSSESSIVES = frozenset({"its", "their"})


def _own_forces(head: Token, actors: Sequence[ActorMention]) -> bool:
    """ "Syria offered its troops to Lebanon": forces the text gives only as the
    subject's own ("its troops", "their forces") are what it acts with, so the act's
    target is the next party named."""
    owned = any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in head.children)
    return owned and all(a.country is None and set(a.roles) <= FORCES for a in actors)


def first_actor(
    heads: Sequence[Token], index: MentionIndex, sources: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    """Actors of the first argument phrase that names any besides the source."""
    for head in heads:
        found = [a for a in actors_of([head], index) if not refers_to_source(sources, a)]
        if found and sources and _own_forces(head, found):
            continue
        if found:
            return found
    return []


def each_actor(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """A name that stands for several actors (an entry ``[FRA/DEU]``) takes part in
    the event as each of them, as coordinated names do."""
    found: list[ActorMention] = []
    for mention in mentions:
        found.append(replace(mention, also=()) if mention.also else mention)
        for code in mention.also:
            country, roles = split_code(code)
            found.append(replace(mention, code=code, country=country, roles=roles, also=()))
    return found


def beyond_pattern(
    evidence: Sequence[Token], heads: Sequence[Token], index: MentionIndex,
    sources: Sequence[ActorMention],
) -> list[ActorMention]:
    """The first actor among the target phrases, looking past a phrase whose pattern
    word the agents dictionary reads as a role of no country: in "shared intelligence
    with Russia" (``SHARE * INTELLIGENCE``) the intelligence shared is a thing, not
    intelligence services that "with Russia" gives a country.  With no other phrase
    ("released prisoners") the phrase is the party, and stays."""
    used = {t.i for t in evidence}
    named = [h for h in heads if _pattern_role(h, used, index)]
    if not named:
        return first_actor(heads, index, sources)
    others: list[Token] = []
    for head in heads:  # of the named phrase, only whom it is for or against counts
        if head in named:
            others += _prepositional_objects(head)
        elif not any(n.is_ancestor(head) for n in named):  # "a base in Nigeria"
            others.append(head)
    return first_actor(others, index, sources) or first_actor(heads, index, sources)


def _pattern_role(head: Token, used: set[int], index: MentionIndex) -> bool:
    """Whether a word of the noun phrase at ``head`` that the pattern names is a role
    mention without a country ("raw intelligence information", INTELLIGENCE)."""
    words = [head, *(c for c in head.lefts if c.dep_ in ("compound", "amod"))]
    for word in words:
        mention = index.at(word) if word.i in used else None
        if mention is not None and mention.country is None and mention.roles:
            return True
    return False


RECIPIENT_PREPOSITIONS = frozenset({"to", "with", "for", "against", "into", "toward", "towards"})
"""Prepositions after a pattern's object that name who the act is for or against;
"in" and "from" name where the object is, which gives the object its country."""


def _prepositional_objects(head: Token) -> list[Token]:
    return [o for p in head.children
            if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPOSITIONS
            for o in p.children if o.dep_ == "pobj"]


def complement_subject(trigger: Token, code: str) -> list[Token]:
    """For "X warned that Y ...", "X called for Y to stay" or "X reiterated its demand
    that Y ease restrictions": Y is the target."""
    if trigger.pos_ in ("NOUN", "PROPN"):  # an event noun: "its demands that Y grant"
        return demanded_of(trigger) if code[:2] in DEMANDING_ROOTS else []
    asking = code[:2] in ASKING_ROOTS
    for child in trigger.children:
        if child.dep_ in ("ccomp", "parataxis") or (asking and _for_clause(child)):
            return [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    if code[:2] in DEMANDING_ROOTS:
        return _asked_in_demands(trigger)
    return []


DEMANDING_ROOTS = frozenset({"02", "10"})
DEMAND_NOUNS = frozenset({"demand", "call", "appeal", "request", "plea", "ultimatum"})
"""Nouns whose "that" clause says what is asked of whom."""


def _asked_in_demands(trigger: Token) -> list[Token]:
    """The subject of the "that" clause of a demand the trigger makes or repeats ("insisted
    on its demands that Burundi's government grant more rights")."""
    nouns = [c for c in trigger.children if c.dep_ == "dobj"]
    nouns += [o for p in trigger.children if p.dep_ == "prep"
              for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        if noun.lemma_.lower() in DEMAND_NOUNS:
            found = demanded_of(noun)
            if found:
                return found
    return []


def demanded_of(noun: Token) -> list[Token]:
    """The subject of a demand noun's "that" clause."""
    for clause in noun.children:
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if clause.dep_ in ("acl", "relcl", "ccomp") and marked:
            return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


ASKING_ROOTS = frozenset({"02", "03", "05", "10", "11", "12", "13"})
"""Roots of acts that may ask, allow or refuse that someone act ("gave approval for the
UN to deliver aid"); "was leaving for Paris to receive a prize" asks nothing of Paris."""


def _for_clause(child: Token) -> bool:
    """ "called for Britain to stay": the parser hangs the infinitive as an adverbial
    clause marked "for", whose subject is the one asked."""
    return child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in child.children
    )


REFUSING_VERBS = frozenset({"refuse", "decline"})
"""Verbs whose infinitive is the act refused: "refused to allow UN planes to land"
refuses the UN, whom the allowing was for."""


def refused_targets(
    trigger: Token, index: MentionIndex, sources: Sequence[ActorMention]
) -> list[ActorMention]:
    """The target of the act a refusal verb refuses, when the refusal names none: the
    infinitive's own target phrases, or the subject of the clause it lets happen; not
    a clause it is about ("declined to comment on whether the government ...")."""
    if trigger.lemma_.lower() not in REFUSING_VERBS:
        return []
    for act in trigger.children:
        if act.dep_ != "xcomp":
            continue
        heads = verbal_arguments(act)[1] + [
            s for c in act.children if c.dep_ == "ccomp"
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
        ]
        return first_actor([h for h in heads if h.pos_ not in ("VERB", "AUX")], index, sources)
    return []


FORCE_ROOTS = frozenset({"18", "19", "20"})


def toll_targets(
    trigger: Token, code: str, index: MentionIndex, sources: Sequence[ActorMention]
) -> list[ActorMention]:
    """ "launched fire against Kampuchean camps, killing or wounding 50": the toll a
    participle after an attack counts, naming no one, befell the attack's target."""
    if code[:2] not in FORCE_ROOTS or trigger.tag_ != "VBG":
        return []
    clause = trigger
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.head.pos_ != "VERB":
        return []
    return first_actor(verbal_arguments(clause.head)[1], index, sources)
