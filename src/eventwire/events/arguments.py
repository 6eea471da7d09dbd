"""Who did it and to whom: the source and target actors of a trigger.

Arguments are read off the dependency parse, not off word order: the subject is the
source and the object the target, a passive swaps them ("was attacked by"), a
prepositional object can be the target ("met with", "talks with"), a verb without a
subject of its own borrows the one of the verb it is coordinated with or depends on,
and coordinated noun phrases give one actor each.  An argument only becomes an actor
when an actor mention of the actor stage lies inside its noun phrase.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.actors.resolve import UNKNOWN_ACTOR
from eventwire.events.controllers import asked_through_preposition, subject_acts
from eventwire.events.documents import document_act, document_owners, issuing_verb
from eventwire.events.phrase_parts import (
    own_phrase,
    participle_agents,
    reduced_passive,
    without_topics,
)
from eventwire.events.stranded import active_participle, stranded_object
from eventwire.model import ActorMention

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
TARGET_PREPOSITIONS = (
    "with", "against", "on", "to", "at", "into", "toward", "towards", "upon", "for",
    "from", "between", "of", "over", "in", "about",
)  # fmt: skip
NOMINAL_TARGET_PREPOSITIONS = ("with", "against", "on", "of", "between", "to", "into", "in")
NP_BREAKS = frozenset({"relcl", "acl", "ccomp", "advcl", "punct", "cc", "appos"})
PHRASE_PREPOSITIONS = frozenset({"of", "from", "by", "'s", "with", "against", "between"})
"""Prepositions through which a noun phrase names its actor ("the claims from the
West", "the build-up of Russian forces", "an agreement with the EU"); others add a
topic or a place ("cooperation on Afghanistan", "talks in Moscow"), not an actor."""


@dataclass(frozen=True)
class MentionIndex:
    """Actor mentions of one paragraph keyed by the paragraph-relative offset of
    their head token, so a parse token finds its mention in constant time."""

    by_head: Mapping[int, ActorMention]
    by_offset: Sequence[tuple[int, int, ActorMention]]
    starts: Sequence[int] = ()
    """Span starts in ascending order; ``by_start`` holds (start, stop, position in
    ``by_offset``) in the same order, and ``longest`` the widest span: a token looks at
    the few spans that can contain it, not at every mention of a long paragraph."""
    by_start: Sequence[tuple[int, int, int]] = ()
    longest: int = 0

    @classmethod
    def build(cls, mentions: Sequence[ActorMention], offset: int) -> MentionIndex:
        by_head: dict[int, ActorMention] = {}
        spans: list[tuple[int, int, ActorMention]] = []
        for mention in mentions:
            if mention.head is not None:
                by_head[mention.head - offset] = mention
            spans.append((mention.span[0] - offset, mention.span[1] - offset, mention))
        by_start = sorted((start, stop, n) for n, (start, stop, _m) in enumerate(spans))
        longest = max((stop - start for start, stop, _n in by_start), default=0)
        starts = tuple(start for start, _stop, _n in by_start)
        return cls(by_head, tuple(spans), starts, tuple(by_start), longest)

    def at(self, token: Token) -> ActorMention | None:
        """The mention headed by ``token``, else the first (in mention order) whose
        span holds it."""
        found = self.by_head.get(token.idx)
        if found is not None:
            return found
        end = token.idx + len(token.text)
        low = bisect_left(self.starts, end - self.longest)
        high = bisect_right(self.starts, token.idx)
        first = min(
            (n for _start, stop, n in self.by_start[low:high] if end <= stop), default=None
        )
        return None if first is None else self.by_offset[first][2]


TARGETING_NOUNS = frozenset(
    {"sanction", "attack", "strike", "airstrike", "raid", "embargo", "ban", "pressure",
     "restriction", "assault", "offensive", "boycott", "tariff", "blockade", "curfew",
     "war", "campaign", "crackdown", "threat", "criticism", "accusation"}
)  # fmt: skip
"""Nouns whose "on"/"at" phrase names whom they are aimed at ("sanctions on Iran")."""


def _phrase_tokens(head: Token) -> list[tuple[int, Token]]:
    """Tokens of a noun phrase with their depth below its head, nearest first."""
    found: list[tuple[int, Token]] = []
    stack = [(0, head)]
    while stack:
        depth, token = stack.pop()
        found.append((depth, token))
        for child in token.children:
            if depth == 0 and reduced_passive(child):  # "a rally staged by students"
                stack.extend((2, by) for by in participle_agents(child))
            if child.dep_ in NP_BREAKS or child.dep_ == "conj":
                continue
            if child.dep_ == "prep" and not _names_actor(token, child):
                continue
            stack.append((depth + 1, child))
    found.sort(key=lambda pair: (pair[0], pair[1].i))
    return found


def _names_actor(noun: Token, prep: Token) -> bool:
    if prep.lower_ in PHRASE_PREPOSITIONS:
        return True
    return prep.lower_ in ("on", "at", "upon") and noun.lemma_.lower() in TARGETING_NOUNS


def actor_of_phrase(head: Token, index: MentionIndex) -> ActorMention | None:
    """The actor a noun phrase names: its own head, else the nearest mention in it.

    A role without a country ("a court", "the mayor") takes the country named inside
    its own phrase ("a court in Guyana", "the mayor of Nablus").
    """
    found = _phrase_actor(head, index)
    return found[0] if found else None


def _phrase_actor(head: Token, index: MentionIndex) -> tuple[ActorMention, Token] | None:
    """The actor a phrase names: its first mention, nearest the head first.  A name no
    dictionary knows yields to a coded mention of the same phrase ("Richard Barrett,
    the former director at MI6" is MI6's), and takes no country from it."""
    unknown: tuple[ActorMention, Token] | None = None
    for _depth, token in _phrase_tokens(head):
        mention = index.at(token)
        if mention is None:
            continue
        if mention.code == UNKNOWN_ACTOR:
            unknown = unknown or (mention, token)
        elif mention.country is None:
            return _with_countries(mention, own_phrase(token, head), index)[0], token
        else:
            return mention, token
    return unknown


def _with_countries(
    role: ActorMention, head: Token, index: MentionIndex
) -> list[ActorMention]:
    """The role with the country its phrase names; "the ambassadors of A, B and C"
    are one role of each coordinated country."""
    for token in head.subtree:
        if token.dep_ not in ("pobj", "poss", "compound", "amod", "nmod"):
            continue
        place = index.at(token)
        if place is None or place is role or place.country is None:
            continue
        if place.span[0] >= role.span[0] and place.span[1] <= role.span[1]:
            continue
        places = [place] + [
            other for other in (index.at(c) for c in conjuncts(token)[1:])
            if other is not None and other.country is not None and not other.roles
        ]
        return [_role_of(role, country) for country in places]
    return [role]


def phrase_country(role: ActorMention, head: Token, index: MentionIndex) -> ActorMention:
    """The role with the country its phrase at ``head`` names ("rebels in Chad")."""
    return _with_countries(role, head, index)[0]


def _role_of(role: ActorMention, place: ActorMention) -> ActorMention:
    code = (place.country or "") + "".join(role.roles)
    rule = f"{role.rule}; country from {place.text!r} ({place.rule})"
    return replace(role, code=code, country=place.country, rule=rule)


def conjuncts(head: Token) -> list[Token]:
    """The phrase head and every head coordinated with it ("A, B and C")."""
    heads = [head]
    for child in head.children:
        if child.dep_ == "conj" or _listed_appos(child):
            heads.extend(conjuncts(child))
    return heads


def _listed_appos(token: Token) -> bool:
    """The small English model often reads "A, B, and C" as A with an apposition B
    that is coordinated with C, or with C coordinated with A: an apposition that has
    a conjunct, or that a conjunct of its head follows, is a list member."""
    if token.dep_ != "appos":
        return False
    return any(c.dep_ == "conj" for c in token.children) or any(
        c.dep_ == "conj" and c.i > token.i for c in token.head.children
    )


def actors_of(heads: Sequence[Token], index: MentionIndex) -> list[ActorMention]:
    """One actor per coordinated phrase; phrases naming no actor are dropped."""
    actors: list[ActorMention] = []
    for head in heads:
        for conjunct in conjuncts(head):
            found = _phrase_actor(conjunct, index)
            if found is None:
                continue
            mention, token = found
            inner = [] if token.i == conjunct.i else _inner_conjuncts(token, conjunct, index)
            if index.at(token) is not mention:  # a role given its country by the phrase
                inner += _with_countries(index.at(token) or mention, conjunct, index)[1:]
            inner += _conjuncts_inside(mention, conjunct, index)
            coordinated = _coordinated_countries(mention, index)
            given_roles = {actor.country for actor in coordinated}
            # "French and German troops": German is DEUMIL there, not DEU as well
            inner = [a for a in inner if a.roles or a.country not in given_roles]
            for actor in (mention, *inner, *coordinated):
                if actor not in actors:
                    actors.append(actor)
    return actors


def _inner_conjuncts(token: Token, phrase: Token, index: MentionIndex) -> list[ActorMention]:
    """ "ties with Mordor, Rohan and Bree": every actor coordinated with the one found
    inside a phrase, not only the first; the coordination may hang on the noun the
    actor's word modifies ("a meeting between an Israeli movement and the PLO")."""
    found: list[ActorMention] = []
    word = token
    while word.i != phrase.i:
        for other in conjuncts(word)[1:]:
            mention = index.at(other)
            if mention is not None and mention not in found:
                found.append(mention)
        if found or word.head.i == word.i:
            break
        word = word.head
    return found


def _mention_tokens(mention: ActorMention, head: Token, index: MentionIndex) -> Span:
    """The words of the sentence inside ``mention``'s span (its whole sentence when the
    span is not found), so that a long sentence is not scanned word by word."""
    sentence = head.sent
    for start, stop, known in index.by_offset:
        if known is mention:
            span = head.doc.char_span(start, stop, alignment_mode="expand")
            if span is not None and sentence.start <= span.start and span.end <= sentence.end:
                return span
            break
    return sentence


def _conjuncts_inside(
    mention: ActorMention, head: Token, index: MentionIndex
) -> list[ActorMention]:
    """ "Barack Obama and Vladimir Putin": the parser may hang the coordination on a
    word inside the first name rather than on the phrase head, so the conjuncts of
    every word of the mention count."""
    found: list[ActorMention] = []
    for token in _mention_tokens(mention, head, index):
        if token.i == head.i or index.at(token) is not mention:
            continue
        for other in conjuncts(token)[1:]:
            actor = index.at(other)
            if actor is not None and actor is not mention and actor not in found:
                found.append(actor)
    return found


def _coordinated_countries(mention: ActorMention, index: MentionIndex) -> list[ActorMention]:
    """ "US and British activists": the other countries inside one phrase, each with
    the phrase's roles."""
    found: list[ActorMention] = []
    if " and " not in mention.text and ", " not in mention.text:
        return found
    for start, stop, inner in index.by_offset:
        inside = mention.span[0] <= inner.span[0] and inner.span[1] <= mention.span[1]
        if not inside or inner is mention or inner.roles or inner.country is None:
            continue
        if inner.country == mention.country or start < 0 or stop < start:
            continue
        code = inner.country + "".join(mention.roles)
        rule = f"{mention.rule}; coordinated {inner.text!r}"
        found.append(replace(mention, code=code, country=inner.country, rule=rule))
    return found


OBJECT_OF_PREP = frozenset({"pobj", "pcomp"})


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: Sequence[str]) -> list[Token]:
    """Objects of the trigger's prepositions, in the order of ``preps``."""
    if not preps:
        return []
    heads = [c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in preps]
    found: list[Token] = []
    for prep in preps:
        for child in heads:
            if child.lower_ == prep:
                found.extend(_children(child, OBJECT_OF_PREP)
                             or stranded_object(child, OBJECT_OF_PREP))
    return [o for o in found if o.lemma_.lower() not in SPOKESMAN_NOUNS]


SPOKESMAN_NOUNS = frozenset({"behalf"})
"""Objects that say for whom the subject acts, never to whom: "expressed condolences to
X on behalf of the people of Y" is addressed to X, and Y is the subject's side."""


def _borrowed_subject(verb: Token) -> list[Token]:
    """A subject for a verb that has none: from its coordinated or governing verb."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp":
        asked = _children(head, OBJECT_DEPS) or asked_through_preposition(head)
        objects = [] if subject_acts(head, verb) else asked
        # "Obama is scheduled to attend": the passive subject does the attending
        return objects or subjects(head) or _children(head, PASSIVE_SUBJECT_DEPS)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return _gerund_subject(head)
    listed_after = gerund_listed_after(verb)
    if listed_after is not None:
        return _gerund_subject(listed_after)
    if verb.dep_ in ("conj", "advcl", "pcomp", "dep", "acomp"):
        return subjects(head)
    if document_act(verb):
        owners = document_owners(head)
        issuing = issuing_verb(head)
        return owners or (subjects(issuing) if issuing is not None else [])
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    return []


OBJECT_CONTROL = frozenset({"of", "for"})
"""Prepositions through which a verb's object does the gerund: "accused Kenya of
violating", "thanked Kenya for helping"."""


def gerund_listed_after(token: Token) -> Token | None:
    """The "of"/"for" before a gerund that continues its list: in "accused X of violating
    rights, ignoring the law and ..." the parser hangs "ignoring" on "accused", not
    on "violating", but it is as much part of the accusation."""
    if token.dep_ != "advcl" or token.tag_ != "VBG":
        return None
    for child in token.head.children:
        before = child.dep_ == "prep" and child.lower_ in OBJECT_CONTROL and child.i < token.i
        if before and any(grand.dep_ == "pcomp" for grand in child.children):
            return child
    return None


def _gerund_subject(prep: Token) -> list[Token]:
    """Who does a gerund after a preposition: the governing verb's object for "of" and
    "for" ("accused Kenya of violating"), else the subject of the verb, or of the
    copula of an adjective ("India was guilty of violating", "after meeting Putin,
    Macron said")."""
    governor = prep.head
    if prep.lower_ in OBJECT_CONTROL and governor.pos_ == "VERB":
        objects = _children(governor, OBJECT_DEPS)
        if objects:
            return objects
    if governor.dep_ == "acomp" and governor.head.i != governor.i:
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return []
    return subjects(governor) or _children(governor, PASSIVE_SUBJECT_DEPS)


def subjects(verb: Token) -> list[Token]:
    """The heads of the active subject of ``verb`` (borrowed when it has none)."""
    own = _children(verb, SUBJECT_DEPS)
    if own:
        return own
    if _children(verb, PASSIVE_SUBJECT_DEPS):
        return []
    return _borrowed_subject(verb)


VIOLENT_NOUNS = frozenset(
    {"shelling", "attack", "strike", "airstrike", "bombing", "raid", "clash", "fighting",
     "bombardment", "explosion", "blast", "assault", "offensive", "fire", "gunfire", "ambush",
     "tank", "aircraft", "warplane", "jet", "drone", "artillery", "missile", "rocket",
     "helicopter", "gunship", "mortar"}
)  # fmt: skip
"""Attacks, and the weapons that carry them out ("killed in Israeli tank fire")."""


def _means_actor(verb: Token) -> list[Token]:
    """Modifiers naming who carried out the attack through which a passive happened."""
    for noun in _prep_objects(verb, ("in", "by")):
        if noun.lemma_.lower() not in VIOLENT_NOUNS:
            continue
        by = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
              for o in _children(c, frozenset({"pobj"}))]
        modifiers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        return by + modifiers
    return []


def is_passive(verb: Token) -> bool:
    """Whether the verb's subject undergoes the act ("was arrested", "soldiers killed
    in ..."), by the same marks :func:`verbal_arguments` reads."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return not active_participle(verb)
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ in ("auxpass", "agent")
               for c in verb.children)  # fmt: skip


STATIVE_PASSIVES = frozenset({"commit", "dedicate"})
"""Participles that say what their subject holds to, not what was done to it: "Vietnam
is committed to opening its economy" is Vietnam's commitment."""


def verbal_arguments(verb: Token) -> tuple[list[Token], list[Token]]:
    """Heads of the source and target phrases of a verbal trigger."""
    passive = _children(verb, PASSIVE_SUBJECT_DEPS)
    if passive and verb.lemma_.lower() in STATIVE_PASSIVES and not _children(
        verb, frozenset({"agent"})
    ):
        return passive, _prep_objects(verb, TARGET_PREPOSITIONS)
    if active_participle(verb):  # "the air force carried out strikes": its own act
        return [verb.head], _children(verb, OBJECT_DEPS) + _prep_objects(verb, TARGET_PREPOSITIONS)
    if not passive and verb.dep_ == "acl" and verb.tag_ == "VBN":
        passive = [verb.head]  # "soldiers killed by ...": the noun is what was done to
    if not passive and _children(verb, frozenset({"auxpass", "agent"})):
        passive = _borrowed_subject(verb)  # "X were imprisoned and were released by Y"
    if passive:
        agents = [
            obj
            for child in verb.children
            if child.dep_ == "agent"
            for obj in _children(child, frozenset({"pobj"}))
        ]
        # "a mortar was fired at Israel from Gaza": without an agent, "from" names it;
        # "were killed in Israeli shelling": the attack's own actor
        sources = agents or _prep_objects(verb, ("from",)) or _means_actor(verb)
        return sources, passive + _prep_objects(verb, ("at",))
    objects = _children(verb, OBJECT_DEPS)
    aimed = [o for obj in objects for o in _prep_objects(obj, AIMING_PREPOSITIONS)]
    preps = without_topics(objects, TARGET_PREPOSITIONS)
    return subjects(verb), objects + _prep_objects(verb, preps) + aimed


AIMING_PREPOSITIONS = ("at", "against", "on", "into", "toward", "towards", "in", "for", "to")
"""Where an object phrase says what it was aimed at ("fired shells at Seoul") or whom
it went to ("expressed condolences to the Government of Turkey")."""


def nominal_arguments(noun: Token) -> tuple[list[Token], list[Token]]:
    """Heads of source and target of an event noun: "Russia's invasion of Ukraine"."""
    sources = [
        c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
    ]
    by = _prep_objects(noun, ("by",))
    targets = _prep_objects(noun, NOMINAL_TARGET_PREPOSITIONS)
    if not sources and noun.dep_ in ("dobj", "pobj") and noun.head.pos_ == "VERB":
        sources = subjects(noun.head)
    return sources + by, targets


AIMED_AT = frozenset({"on", "against", "at", "toward", "towards", "into", "upon"})
"""Prepositions whose phrase in a subject names whom an act was aimed at: "a suicide
attack on a convoy of the NATO mission killed ..." was no attack by NATO."""


def anywhere_in(heads: Sequence[Token], index: MentionIndex) -> list[ActorMention]:
    """Last resort for a source: the first country-coded actor anywhere in the subject
    phrase ("a report released in the Rwandan capital alleged ..."), outside a phrase
    that names the act's target."""
    for head in heads:
        aimed = _aimed_at(head)
        for token in head.subtree:
            mention = index.at(token)
            if mention is not None and mention.country is not None and token.i not in aimed:
                return [mention]
    return []


def _aimed_at(head: Token) -> set[int]:
    """The words of a phrase's own "on X" or "against X" phrases."""
    return {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in AIMED_AT
            for t in c.subtree}  # fmt: skip


def not_aimed_at(
    heads: Sequence[Token], sources: list[ActorMention], index: MentionIndex
) -> list[ActorMention]:
    """Sources found in a subject, less those named as its target: "a suicide attack on
    a convoy of the German army killed ..." is no attack by the German army."""
    aimed = {id(m) for head in heads if head.dep_ == "nsubj" for i in _aimed_at(head)
             if (m := index.at(head.doc[i])) is not None}  # fmt: skip
    return [s for s in sources if id(s) not in aimed] if aimed else sources
