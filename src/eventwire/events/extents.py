"""Actor extents: each side of an event as the whole phrase that names it.

The dictionaries match the words that identify an actor ("Israeli", "army"), but a
reader, and every gold standard of actor spans, takes the phrase that refers to it:
"the Israeli army", "US Secretary of State Rex Tillerson", "several Boko Haram
fighters".  So an event's source and target keep their codes and their head word
and take the words of their noun phrase in the parse: the phrase's head noun (the
matched word, or the noun it modifies) with its determiners, modifiers, numbers,
possessors, appositions and prepositional phrases (but not one of topic, "a request
for talks", nor examples, "workers, including those from Oxfam", nor a name's
indefinite description, "Shabab, an Islamist group"), and not the act the event's
own pattern names: in "lifted its blockade of Yemen" Yemen is the party.
Coordinated phrases ("A and B") and clauses stay out, unless the coordination is
itself the party of an act without another one ("Kenya and Uganda agreed to a
ceasefire", see :mod:`eventwire.events.together`).  The words the
dictionaries matched are kept in the event's ``extra``.

A phrase is not taken when it would also cover the event's other side, its trigger
or its speaker ("Britain and Germany" for a dyad between them): a span must not
mean two roles at once.  The learned span model (:mod:`eventwire.learn`) widens
spans by the same guard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.actors.compose import PERSON_NOUNS
from eventwire.model import ActorMention, Event, Span
from eventwire.parse import ParsedArticle, token_at

CLIMB_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
"""Links from a matched word up to the noun it modifies ("Israeli" → "army")."""
NOUNS = frozenset({"NOUN", "PROPN"})
KEPT_DEPS = frozenset({
    "det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "case", "predet",
    "appos", "prep", "pobj", "punct", "nn", "flat",
})  # fmt: skip
"""Dependents a phrase keeps; the rest (conj, cc, relcl, acl...) end it."""
TIME_PREPOSITIONS = frozenset({"during", "on", "after", "before", "since", "until", "amid",
                               "throughout", "over", "as"})
"""Prepositions whose phrase says when, not who ("the ministry on Monday")."""
TIME_ENTITIES = frozenset({"DATE", "TIME"})
"""Dependents that are dates or times ("the ministry Monday") are no part of who."""
NOTE = "matched"


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def widened(actor: ActorMention | None, others: Sequence[Span], phrase: Span | None,
            text: str) -> ActorMention | None:
    """The actor with the words of ``phrase`` when that covers it and covers nothing
    of ``others`` the actor did not already touch."""
    if actor is None or phrase is None or phrase == actor.span:
        return actor
    if not (phrase[0] <= actor.span[0] and actor.span[1] <= phrase[1]):
        return actor
    if crosses(phrase, actor.span, others):
        return actor
    return replace(actor, span=phrase, text=text[phrase[0]:phrase[1]])


def crosses(phrase: Span, actor: Span, others: Sequence[Span]) -> bool:
    """Whether a phrase for ``actor`` takes in words of ``others`` (another role, the
    trigger, the speaker) that the actor's own words did not already touch."""
    return any(overlap(phrase, other) for other in others if not overlap(other, actor))


CHARGING_VERBS = frozenset({
    "accuse", "charge", "suspect", "convict", "indict", "blame", "sentence", "sue",
    "prosecute", "fine", "jail", "arrest", "detain", "punish", "acquit", "clear",
})  # fmt: skip
"""Verbs whose object's "of", "with", "for" or "over" phrase is the charge, not part of
who is charged: "accused the Nigerian military of mass slaughter"."""
CHARGE_PREPOSITIONS = frozenset({"of", "with", "for", "over"})


def _phrase_tokens(token: Token, own: Token | None = None, charge: bool = False) -> list[Token]:
    """The tokens of the noun phrase a token heads, by the kept dependents only; a
    phrase that tells a deed, or with ``charge`` may state a charge, ends before it
    unless it holds the actor's ``own`` word."""
    found = [token]
    for child in token.children:
        kept = child.dep_ in KEPT_DEPS or _compound_modifier(token, child) or _grades(token, child)
        if not kept or child.ent_type_ in TIME_ENTITIES:
            continue
        if child.dep_ == "prep" and child.lower_ in TIME_PREPOSITIONS:
            continue
        if child.dep_ == "prep" and _ends_phrase(child, own, charge):
            continue
        if own is not None and child.dep_ == "appos" and _aside(token, child):
            continue
        words = _phrase_tokens(child)
        if child.dep_ == "prep" and len(words) == 1:
            continue  # "in" whose object is a time ("in December") was left out
        found.extend(words)
    return found


def _aside(name: Token, appos: Token) -> bool:
    """ "Gul Rahman, a suspected militant", "al-Shabab, an al-Qaeda-affiliated group":
    an indefinite description after a name says what kind of thing it is, an aside
    that is no part of who; a title names the office ("Alice Wells, a senior State
    Department official", "Thomas Shannon, U.S. undersecretary of state")."""
    if name.pos_ != "PROPN" or appos.pos_ != "NOUN" or appos.lemma_.lower() in PERSON_NOUNS:
        return False
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in appos.children)


INDEFINITE = frozenset({"a", "an"})


def _compound_modifier(token: Token, child: Token) -> bool:
    """ "Russia-backed forces", "Pakistan-based groups": the parser makes the name before
    the hyphen a noun-phrase adverb of the participle, which is as much part of the
    phrase as the participle it makes up; without the hyphen such an adverb is mostly
    a time ("hours earlier Maduro") or an amount ("2 million more girls")."""
    if child.dep_ != "npadvmod" or token.dep_ != "amod" or child.i + 2 != token.i:
        return False
    return token.doc[child.i + 1].text in HYPHENS  # not "hours earlier Maduro"


HYPHENS = frozenset({"-", "–"})


def _grades(token: Token, child: Token) -> bool:
    """ "the internationally recognized government", "newly elected leaders": an adverb
    before a modifier says how it holds, and is part of the phrase as the modifier is."""
    return (child.dep_ == "advmod" and token.dep_ == "amod" and child.i < token.i
            and child.tag_ != "WRB")  # not "how many people"


def _ends_phrase(prep: Token, own: Token | None, charge: bool) -> bool:
    """Whether a prepositional phrase without the actor's own word ends its phrase."""
    if own is None or own in prep.subtree:
        return False
    if prep.lower_ in TOPIC_PREPOSITIONS | EXAMPLE_PREPOSITIONS:
        return True
    return _tells_a_deed(prep) or (charge and _states_a_charge(prep))


TOPIC_PREPOSITIONS = frozenset({"for", "about", "over", "regarding", "concerning"})
"""Prepositions whose phrase says what a thing is about: "the Croatian government's
request for revocation of a ruling" is the request; what it asks is no part of who."""


EXAMPLE_PREPOSITIONS = frozenset({"including"})
"""Prepositions whose phrase names some members of a party as examples: in "aid
workers, including those from Oxfam" the party is the aid workers."""


def _states_a_charge(prep: Token) -> bool:
    """ "of mass slaughter", "with treason": a charge is a common noun, whatever names
    it goes on to mention ("of mass slaughter of civilians in Zaria"); a name is no
    charge ("the head of Amnesty International")."""
    if prep.lower_ not in CHARGE_PREPOSITIONS:
        return False
    return not any(c.dep_ == "pobj" and c.pos_ in ("PROPN", "PRON") for c in prep.children)


def _tells_a_deed(prep: Token) -> bool:
    """ "Kenya of violating the truce": a preposition with a gerund tells what was
    done, never who did it."""
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


def phrase_of(token: Token, charge: bool = False, place: bool = False,
              act: Token | None = None) -> tuple[int, int]:
    """Doc character offsets of the noun phrase that ``token`` names or modifies; with
    ``place`` (an actor that is only a place) the phrase of the thing it locates.  The
    ``act`` noun of the event's own pattern is no thing an actor is "of": in "lifted
    its blockade of Yemen" the blockade is what was done, and Yemen is who it was done
    to."""
    own = token
    while token.dep_ in CLIMB_DEPS | {"pobj", "npadvmod"} and token.head is not token:
        head = token.head
        if head.pos_ in NOUNS:
            token = head
        elif head.dep_ in CLIMB_DEPS and head.head.pos_ in NOUNS:  # "rebel-held enclave"
            token = head.head
        elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUNS:
            if head.head == act:
                break
            token = head.head  # "dozens of protesters", "the president of France"
        elif place and _locates(token):
            token = head.head  # "positions in Saudi Arabia": the positions are the party
        else:
            break
    owned = _possessed(token)
    if owned is not None:
        mine = _phrase_tokens(token, own, charge)
        token = owned
        words = sorted({*mine, *_phrase_tokens(owned, own, charge)}, key=lambda t: t.i)
    else:
        words = sorted(_phrase_tokens(token, own, charge), key=lambda t: t.i)
    words = _before_a_time(token, words, own)
    if place:
        words = _without_description(token, words)
    words = trimmed(words)
    words = words + _abbreviation_after(words)
    return words[0].idx, words[-1].idx + len(words[-1])


def _abbreviation_after(words: list[Token]) -> list[Token]:
    """ "the Tigray People's Liberation Front (T.P.L.F.)": a bracket right after a name,
    or one the phrase opened, that holds only the name's abbreviation names it again,
    however the parser split it; the rest of it up to the closing bracket."""
    last = words[-1]
    doc = last.doc
    opened = [t for t in words if t.text == "("]
    if opened and not _closes_after(opened[-1], words):
        start = last.i + 1
        inside_from = opened[-1].i + 1
    elif last.i + 1 < len(doc) and doc[last.i + 1].text == "(":
        start = inside_from = last.i + 2
    else:
        return []
    for end in range(start, min(len(doc), start + ABBREVIATION_TOKENS)):
        if doc[end].text == ")":
            inside = doc[inside_from:end]
            return list(doc[last.i + 1 : end + 1]) if len(inside) and all(
                _abbreviates(t) for t in inside) else []
    return []


def _closes_after(bracket: Token, words: list[Token]) -> bool:
    return any(t.text == ")" and t.i > bracket.i for t in words)


ABBREVIATION_TOKENS = 16


def _abbreviates(token: Token) -> bool:
    """A piece of an abbreviation: capitals, and the dots, hyphens and spaces between
    them ("T . P . L . F .", which the tokenizer may keep as one token)."""
    letters = "".join(c for c in token.text if c not in ABBREVIATION_MARKS)
    return not letters or (letters.isalpha() and letters.isupper())


ABBREVIATION_MARKS = frozenset(" .-&")


def _before_a_time(head: Token, words: list[Token], own: Token) -> list[Token]:
    """The phrase up to a time it leaves out after its head: a span has no holes, so in
    "airstrikes this month in the area" the place would bring the date in with it,
    and what comes after a date mostly belongs to the clause; words left dangling
    ("in a" before "September attack") go too.  The noun the actor's own word belongs
    to stays ("Russia's February 24 invasion")."""
    for k in range(1, len(words)):
        first, after = words[k - 1], words[k]
        gap = head.doc[first.i + 1 : after.i]
        if after.i > head.i and any(_says_when(t, head) for t in gap):
            if any(w in own.ancestors for w in words[k:]):
                return words
            kept = words[:k]
            while len(kept) > 1 and kept[-1].pos_ in DANGLING:
                kept.pop()
            return kept
    return words


def _says_when(token: Token, head: Token) -> bool:
    """A date or time in the phrase's stretch, not the number of a name ("Flight 17")."""
    return token.ent_type_ in TIME_ENTITIES and not (token.head == head and token.dep_ == "nummod")


DANGLING = frozenset({"DET", "ADP", "CCONJ", "PUNCT"})


def _possessed(token: Token) -> Token | None:
    """The noun a possessive marker right after ``token`` makes it the owner of, when
    the parser hung the marker elsewhere ("defended Japan 's right", with "right" as a
    second object of the verb): the phrase is the owned thing's, as "Japan's right"."""
    doc = token.doc
    marker = token.i + 1
    if marker + 1 >= len(doc) or not _possessive(doc[marker]) or doc[marker].head == token:
        return None
    for word in doc[marker + 1 : marker + 1 + POSSESSED_REACH]:
        if word.pos_ in NOUNS:
            return word if word.head != token and word.i > token.i else None
        if word.pos_ not in ("ADJ", "ADV", "NUM"):
            return None
    return None


POSSESSED_REACH = 4
POSSESSIVES = frozenset({"'s", "’s"})


def _possessive(token: Token) -> bool:
    """A possessive marker, also one rejoined from spaced text ("’ s") that the tagger
    took for something else."""
    return token.tag_ == "POS" or token.lower_.replace(" ", "") in POSSESSIVES


def trimmed(words: list[Token]) -> list[Token]:
    """A phrase without the punctuation at its edges, but with the bracket that closes
    one it opened: "the Government Accountability Office (GAO)" ends in ")", which
    the parser hangs on "GAO" like any comma."""
    words = list(words)
    while len(words) > 1 and words[-1].is_punct and not _closes(words[-1], words[:-1]):
        words.pop()
    while len(words) > 1 and words[0].is_punct:
        words.pop(0)
    return words


def _closes(bracket: Token, before: Sequence[Token]) -> bool:
    """Whether a closing bracket closes more brackets opened before it than were closed."""
    if not bracket.is_right_punct or not bracket.is_bracket:
        return False
    opened = sum(1 for t in before if t.is_bracket and t.is_left_punct)
    return opened > sum(1 for t in before if t.is_bracket and t.is_right_punct)


def _without_description(token: Token, words: list[Token]) -> list[Token]:
    """A place's apposition describes it and is no part of who ("Haifa, Israel's third
    largest city", "an army camp in Kabul, the seventh attack this month"); a person's
    or a body's names or titles them ("Zabihullah Mujahid, the Taliban spokesman"), and
    a name after a place is as likely another party the parser ran in ("Syria,
    President X")."""
    if token.ent_type_ not in PLACE_ENTITIES and token.lemma_.lower() not in PLACED_THINGS:
        return words
    descriptions = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    described = [t for c in descriptions for t in c.subtree]
    if not described:
        return words
    start = min(t.i for t in described)
    kept = trimmed([w for w in words if w not in described and w.i < start])
    return kept or words


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "inside", "near"})
PLACED_THINGS = frozenset({
    "position", "target", "base", "camp", "post", "outpost", "checkpoint", "village",
    "town", "convoy", "bus", "vehicle", "building", "hospital", "school", "office",
    "headquarters", "depot", "facility", "installation", "port", "airport", "station",
    "compound", "mosque", "church", "market", "barracks", "stronghold", "bastion",
    "hideout", "observer", "monitor", "embassy", "consulate", "shrine", "bridge",
    "city", "area", "district", "neighborhood", "neighbourhood", "people", "civilian",
    "resident", "refugee", "migrant", "victim",
})  # fmt: skip
"""Things and people an act is done to where they are: a place after them only says
where ("attacked positions in Syria").  An event noun is no such thing: in "a ceasefire
in Yemen" or "elections in Kyrgyzstan" the place is the party."""


def _locates(token: Token) -> bool:
    """ "military positions in Saudi Arabia", "a convoy near Kabul": a place that only
    says where a targeted thing is stands for the thing, as readers mark the party."""
    prep = token.head
    if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
        return False
    return prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in PLACED_THINGS


def actor_phrase(
    actor: ActorMention | None, parsed: ParsedArticle, charge: bool = False,
    evidence: Span | None = None,
) -> Span | None:
    """Article offsets of the phrase around an actor's head word, from the parse; with
    ``charge``, one that may state a charge ends before it; the last word of the
    event's ``evidence`` is its pattern's act (see :func:`phrase_of`)."""
    if actor is None:
        return None
    head = actor.head if actor.head is not None else actor.span[0]
    found = token_at(parsed, head, head + 1)
    if found is None:
        return None
    para, token = found
    act = _act_word(parsed, evidence, actor) if evidence is not None else None
    start, end = phrase_of(token, charge, place=not actor.roles, act=act)
    return para.offset + start, para.offset + end


def _act_word(parsed: ParsedArticle, evidence: Span, actor: ActorMention) -> Token | None:
    """The last word of an event's evidence, the noun its pattern ends in ("LIFT *
    BLOCKADE" in "lifted its blockade"), unless that word is the actor's own ("police
    detained dozens of demonstrators": the demonstrators are who)."""
    start, end = evidence
    if end <= start or actor.span[0] < end <= actor.span[1]:
        return None
    found = token_at(parsed, end - 1, end)
    return found[1] if found is not None else None


def _charges(event: Event, parsed: ParsedArticle) -> bool:
    """Whether the event's trigger charges its target with something."""
    start, end = event.evidence.trigger_span
    found = token_at(parsed, start, end)
    return found is not None and found[1].lemma_.lower() in CHARGING_VERBS


def named(actor: ActorMention | None, sentence: Span, others: Sequence[Span],
          parsed: ParsedArticle) -> ActorMention | None:
    """A reference ("he", "the minister") as the phrase that names its actor, when that
    stands in the same sentence and holds none of ``others``: "Netanyahu says he will
    seek support" is sought by Netanyahu, and the span should say so."""
    where = actor.antecedent if actor is not None else None
    if actor is None or where is None or not (sentence[0] <= where[0] < where[1] <= sentence[1]):
        return actor
    found = token_at(parsed, *where)  # the antecedent's head, not its first word ("the")
    head = found[0].offset + found[1].idx if found is not None else where[0]
    phrase = actor_phrase(replace(actor, span=where, head=head), parsed) or where
    if any(overlap(phrase, other) for other in others):
        return actor
    return replace(actor, span=phrase, text=parsed.article.text[phrase[0]:phrase[1]])


def with_phrases(event: Event, parsed: ParsedArticle) -> Event:
    """The event with each side widened to its noun phrase (see the module doc)."""
    trigger = [event.evidence.trigger_span]
    sides = [a.span for a in (event.source, event.target) if a is not None]
    sentence = event.sentence.span
    source = named(event.source, sentence, trigger + sides, parsed)
    target = named(event.target, sentence, trigger + sides, parsed)
    fixed = trigger + ([event.speaker.span] if event.speaker else [])
    text = parsed.article.text
    if source is event.source:
        others = ([target.span] if target else []) + fixed
        phrase = actor_phrase(source, parsed, evidence=event.evidence.span)
        source = widened(source, others, phrase, text)
    if target is event.target:
        others = ([source.span] if source else []) + fixed
        phrase = actor_phrase(target, parsed, _charges(event, parsed), event.evidence.span)
        target = widened(target, others, phrase, text)
    if source is event.source and target is event.target:
        return event
    matched = "; ".join(f"{role}: {before.text}" for role, before, after in
                        (("source", event.source, source), ("target", event.target, target))
                        if before is not None and after is not before)
    extra = (*event.extra, (NOTE, matched))
    return replace(event, source=source, target=target, extra=extra)
