"""Where an event happened: a place named in its clause, else the story's dateline.

A place mention is a named entity that reads as a place: spaCy's GPE, LOC and FAC
entities; any other name the gazetteer knows (the small parser often calls an
unfamiliar town a PERSON); and names a place noun claims ("the village of X", "the X
district").  Of the mentions attached to the event's clause (see
:mod:`eventwire.enrich.clause`), the one that wins is the nearest in the clause's own
words, then through its subject, then across another clause; within a tier, a named
head beats its possessor ("Baghdad's *Al-Bayaa* district"), then the text order
decides, which puts the most specific place of a chain first ("the village of X in
the countryside of Y, in Z").

Places that only describe a participant are not where the event was: demonyms and
countries used as modifiers ("Seville fans", "a U.S. convoy", "the US embassy"),
places inside a relative clause, reported speech or a quoted title, origins
("militants from X") and destinations of another verb ("went to X").

When the clause names no place, wire style often gives it elsewhere in the sentence:
in one subordinate clause of the trigger ("killed when a bomb exploded in X"), in a
description of the subject ("X, the group's leader in Y, was killed") or in an
opening "In X,"; these are read in that order, and only then the dateline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.enrich.clause import Attachment, attachment, event_anchor
from eventwire.enrich.gazetteer import Gazetteer, Place
from eventwire.model import Article, Location, Span

PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS: Final = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
"""Labels the small model gives to places it does not know; kept only with support."""

PLACE_NOUNS: Final = frozenset({
    "city", "town", "village", "villages", "district", "province", "region", "area",
    "neighbourhood", "neighborhood", "suburb", "suburbs", "camp", "capital", "county",
    "state", "governorate", "countryside", "outskirts", "border", "coast", "island",
    "valley", "base", "airport", "port", "hospital", "school", "square", "street",
    "road", "highway", "bridge", "market", "mosque", "church", "embassy", "hotel",
    "stadium", "prison", "checkpoint", "station", "zone", "headquarters", "home",
    "house", "compound", "outpost", "junction", "palace", "university", "office",
    "building", "crossing", "quarter", "municipality", "prefecture", "sector",
    "enclave", "strip", "plant", "refinery", "field", "mountains", "river", "lake",
    "sea", "gulf", "bay", "peninsula", "desert", "forest", "township", "cities",
    "towns", "provinces", "districts", "areas", "neighborhoods", "neighbourhoods",
    "hamlet", "settlement", "slum", "mountain", "hills", "airfield", "harbour", "harbor",
    "borough", "parish", "museum", "department", "territory", "avenue", "park", "centre", "center",
    "streets", "roads", "restaurant", "cafe", "shop", "shops", "installations", "facility",
    "facilities", "basin", "homes", "offices", "houses", "villa", "farm", "farms", "mine",
})  # fmt: skip

MEMBER_NOUNS: Final = frozenset({
    "militants", "members", "member", "fighters", "forces", "troops", "soldiers", "leader",
    "leaders", "commander", "commanders", "head", "chief", "president", "minister",
    "government", "army", "police", "citizens", "citizen", "people", "residents", "native",
    "natives", "group", "officials", "official", "ambassador", "envoy", "king", "queen",
    "governor", "mayor", "prime", "foreign", "delegation", "representatives", "supporters",
})  # fmt: skip
"""People and bodies that "of X" describes by origin or allegiance, not by place."""

EVENT_NOUNS: Final = frozenset({
    "talks", "talk", "meeting", "meetings", "summit", "conference", "visit", "ceremony",
    "attack", "attacks", "clash", "clashes", "battle", "fighting", "bombardment", "raid",
    "ambush", "bombing", "explosion", "blast", "protest", "rally", "march", "negotiations",
    "session", "forum", "shelling", "airstrike", "strike", "offensive", "operation",
    "campaign", "conflict", "war", "violence", "siege", "crackdown", "uprising", "massacre",
    "riots", "unrest", "insurgency", "battles", "operations", "raids", "offensives",
})  # fmt: skip

OWNED_NOUNS: Final = frozenset({
    "embassy", "embassies", "consulate", "mission", "base", "bases", "office", "offices",
    "headquarters",
})  # fmt: skip
"""Places a country or body owns, often abroad: "the US embassy" is not in the United
States, nor are "the offices of X" at X."""

STRIKE_NOUNS: Final = frozenset({
    "airstrike", "airstrikes", "strike", "strikes", "raid", "raids", "attack", "attacks",
    "bombardment", "shelling", "offensive", "bombing", "bombings",
})  # fmt: skip
"""Attacks a country or group modifies as the attacker: "a U.S. airstrike"."""
"""Nouns of events: a place hanging from one ("at their talks in X") is where it was."""

PLACE_OBJECT_VERBS: Final = frozenset({
    "capture", "seize", "take", "retake", "recapture", "liberate", "bomb", "shell", "storm",
    "overrun", "raid", "occupy", "besiege", "enter", "invade", "patrol", "visit", "control",
    "hit", "strike", "destroy", "surround", "evacuate", "blockade", "reach", "tour", "attack",
    "bombard", "encircle", "flee", "leave", "rocket", "target", "march",
})  # fmt: skip
"""Verbs whose object is a place when it names one ("captured Goma", "visited Oslo");
the object of other verbs ("criticised Hungary") is an actor, not where it happened."""

NOT_LOCATIVE: Final = frozenset({
    "from", "to", "according", "against", "for", "including", "as", "by", "after",
    "before", "since", "following", "like", "despite", "about", "than", "with", "without",
    "toward", "towards", "unlike", "via", "because", "besides", "except", "amid",
})  # fmt: skip
"""Prepositions whose object is not where the event itself happened."""

LOCATIVE_PREPOSITIONS: Final = frozenset({
    "in", "near", "inside", "outside", "around", "across", "throughout", "on",
})  # fmt: skip
"""Prepositions whose object is a place when it is a name that names no actor ("at"
is as often a target: "shooting at X")."""

MOTION_VERBS: Final = frozenset({"march", "patrol", "parade", "walk", "drive", "sail", "fly"})
ROUTE_PREPOSITIONS: Final = frozenset({
    "to", "from", "toward", "towards", "into", "through", "across", "along",
})  # fmt: skip
"""A march or patrol takes place along its route, so these name its place."""

DESTINATIONS: Final = frozenset({"to", "toward", "towards", "into"})
"""Prepositions of a movement's end or start, which take a place away from the event."""


OUTER_BLOCKS: Final = frozenset({
    "according", "against", "for", "including", "as", "like", "despite", "about", "than",
    "unlike", "because", "besides", "except",
})  # fmt: skip
"""Prepositions that, anywhere on the path, put a place outside the event."""


@dataclass(frozen=True)
class Mention:
    """A place-like name in a paragraph doc (doc offsets) with its gazetteer entry."""

    ent: SpacySpan
    place: Place | None


def _place_noun_claims(root: Token) -> bool:
    """ "the village of X", "the X district", "X province": a place noun vouches for X."""
    head = root.head
    if root.dep_ == "compound" and head.lower_ in PLACE_NOUNS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
        return head.head.lower_ not in OWNED_NOUNS  # "the offices of X" name an owner
    if root.dep_ == "appos" and head.lower_ in PLACE_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.lower_ in PLACE_NOUNS for c in root.children)


def _in_place_slot(root: Token) -> bool:
    """ "fighting in X", "captured X": a slot that takes a place far more often than
    anything else once the name is known to be no actor."""
    head = root.head
    if root.dep_ == "pobj":
        return head.lower_ in LOCATIVE_PREPOSITIONS
    direct = root.dep_ == "dobj" and head.lemma_.lower() in PLACE_OBJECT_VERBS
    return direct and root.ent_type_ != "PERSON"  # people are captured too


def _folded(name: str) -> str:
    """A name's letters without accents or case: "Sāmarrā’" is "samarra"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalpha()).lower()


def _is_place(ent: SpacySpan, place: Place | None, actor: bool) -> bool:
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ not in NAME_LABELS:
        return False
    if ent.label_ == "NORP":  # a demonym ("Chechen towns") unless the gazetteer knows it,
        # and then by its own name: "Thai" is also one of Alor Setar's other names
        return place is not None and place.kind != "country" and not (
            place.kind == "city" and _folded(place.name) != _folded(ent.text))
    if ent[-1].lower_ in PLACE_NOUNS or _place_noun_claims(ent.root):
        return True
    if place is not None:
        return True
    name = ent.root.pos_ == "PROPN" and ent.root.tag_ != "NNPS"  # not a people ("Croats")
    return not actor and name and _in_place_slot(ent.root)


def _subject_place(token: Token) -> bool:
    """ "X was captured": the passive subject of a verb that takes places."""
    return token.dep_ == "nsubjpass" and token.head.lemma_.lower() in PLACE_OBJECT_VERBS


def _unnamed_places(doc: Doc, taken: set[int], gazetteer: Gazetteer) -> list[Mention]:
    """Proper nouns the model left without an entity that a place noun vouches for
    ("in al-Tijara neighbourhood", "the town of Khanasir")."""
    found: list[Mention] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken:
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # a part of a longer name, taken from its head
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        span = doc[start : token.i + 1]
        if any(t.i in taken for t in span):
            continue
        place = gazetteer.lookup(span.text)
        named = span[-1].lower_ in PLACE_NOUNS and len(span) > 1  # "the Bardo Museum"
        known = place is not None and (token.dep_ == "pobj" or _subject_place(token))
        if named or known or _place_noun_claims(span.root):
            found.append(Mention(span, place))
    return found


QUOTES: Final = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _in_title(ent: SpacySpan, reach: int = 8) -> bool:
    """ "in "Our Man in Havana"": a short quoted stretch without a verb is a title."""
    doc = ent.doc
    left = next((i for i in range(ent.start - 1, max(ent.start - reach, 0) - 1, -1)
                 if doc[i].text in QUOTES), None)
    right = next((i for i in range(ent.end, min(ent.end + reach, len(doc)))
                  if doc[i].text in QUOTES), None)
    if left is None or right is None:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[left + 1 : right])


def _without_article(ent: SpacySpan) -> SpacySpan:
    """ "the Red Sea" → "Red Sea", whose root is the name and not the article."""
    if len(ent) > 1 and ent[0].dep_ == "det":
        return SpacySpan(ent.doc, ent.start + 1, ent.end, label=ent.label)
    return ent


def place_mentions(
    doc: Doc, gazetteer: Gazetteer, actors: frozenset[int] = frozenset()
) -> list[Mention]:
    """Every place-like name of a doc, in text order; ``actors`` holds the indices of
    tokens that name an actor, which a name the model mislabels must not touch."""
    found: list[Mention] = []
    taken: set[int] = set()
    for whole in doc.ents:
        taken.update(range(whole.start, whole.end))
        ent = _without_article(whole)
        place = gazetteer.lookup(ent.text)
        actor = not actors.isdisjoint(range(ent.start, ent.end))
        if _is_place(ent, place, actor) and not _in_title(ent):
            found.append(Mention(ent, place))
    found += _unnamed_places(doc, taken, gazetteer)
    return sorted(found, key=lambda m: m.ent.start)


def _describes_participant(mention: Mention) -> bool:
    """A name used as a modifier of a noun that is not a place ("U.S. convoy")."""
    root = mention.ent.root
    if root.dep_ == "npadvmod" and root.head.dep_ == "amod":
        return True  # "a US-Kurdish operation"
    if root.dep_ not in ("compound", "poss", "nmod", "amod"):
        return False
    head = root.head
    if head.ent_type_ in ("DATE", "TIME"):
        return False  # "captured Kabul September 27" parsed as a compound of the date
    country = mention.place is not None and mention.place.kind == "country"
    if (country or mention.ent.label_ == "ORG") and head.lower_ in OWNED_NOUNS | STRIKE_NOUNS:
        return True
    if head.lower_ in EVENT_NOUNS or head.lemma_.lower() in EVENT_NOUNS:
        return mention.ent.label_ == "ORG"  # "the Manbij campaign", not "the SDF shelling"
    return head.lower_ not in PLACE_NOUNS and head.ent_type_ not in PLACE_LABELS


def _of_place(root: Token) -> bool:
    """ "the outskirts of X", "the bombardment of X" locate; "militants of X" does not."""
    node = root
    while node.dep_ in ("compound", "conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return True
    noun = node.head.head
    if noun.lower_ in MEMBER_NOUNS or noun.lower_ in OWNED_NOUNS:
        return False
    return noun.ent_type_ not in ("PERSON", "ORG", "NORP")


def _owns_place(mention: Mention) -> bool:
    """ "X's streets": a known place whose own streets or buildings the phrase names."""
    root = mention.ent.root
    return mention.place is not None and root.dep_ == "poss" and root.head.lower_ in PLACE_NOUNS


CONTRAST_MARKS: Final = frozenset({"while", "whereas", "although", "though", "whilst"})


def _contrasted(token: Token, trigger: Token) -> bool:
    """ "..., while thousands staged a rally at X": a clause with its own subject set
    against the event tells another event, whose place is its own."""
    node = token
    while node.i != trigger.i and node.head.i != node.i:
        if node.dep_ == "advcl":
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            return subject and bool(marks & CONTRAST_MARKS)
        node = node.head
    return False


def _reachable(path: Attachment) -> bool:
    """The trigger's own clause, its subject and coordinated verbs; past them, one
    subordinate clause of the trigger ("killed *when a bomb exploded in X*", "shot
    *while covering the clashes in X*"), with the verbs it takes on ("while waiting
    *to interview* officials in X"), which wire reports use to say where the event
    happened; not a coordinated verb's subordinate clause, a clause that is the object
    of a preposition ("in *what was a spillover into X*") nor a place moved from."""
    if path.tier <= 2:
        return True
    own_subject = path.clauses - path.deps.count("xcomp")  # "tried to sneak into X"
    if own_subject > 1 or path.coordinated:
        return False
    if "from" in path.preps:
        return False  # "agreed to move the plant from near X": not where the event was
    return "pcomp" not in path.deps and "agent" not in path.deps  # "a region claimed by X"


def _route(path: Attachment, trigger_lemma: str) -> bool:
    """ "marched to X", "patrolled from X": a march or patrol happens along its route."""
    if trigger_lemma not in MOTION_VERBS or path.tier or len(path.preps) != 1:
        return False
    return path.preps[0] in ROUTE_PREPOSITIONS


def _usable(mention: Mention, path: Attachment, trigger_lemma: str) -> bool:
    if path.preps and path.preps[0] in NOT_LOCATIVE and not _route(path, trigger_lemma):
        return False
    if path.preps and path.preps[0] == "of" and not _of_place(mention.ent.root):
        return False
    if path.through_subject and "appos" in path.deps:
        return False  # a description of the subject ("X, a sprinter on Team Y, won")
    if any(p in OUTER_BLOCKS for p in path.preps):
        return False
    if any(p in DESTINATIONS for p in path.preps[1:]):
        return False  # "went to the town of X": where someone went, not the event
    if _describes_participant(mention):
        return False
    if not path.preps:  # no preposition: the trigger's object ("captured Goma") or a name
        if path.through_subject:  # "Gibraltar was captured", not "Austria criticised"
            passive = path.deps[-1] == "nsubjpass" and trigger_lemma in PLACE_OBJECT_VERBS
            named = mention.ent.label_ in PLACE_LABELS or _owns_place(mention)
            known = not mention.ent.label_ and mention.place is not None  # model missed it
            return passive and (named or known)
        if not path.deps or path.deps[-1] not in ("dobj", "npadvmod", "attr"):
            return False
        return path.deps[-1] != "dobj" or trigger_lemma in PLACE_OBJECT_VERBS
    return True


def _narrows(other: Token, root: Token) -> bool:
    """Whether ``other`` names the place that the modifier ``root`` narrows down."""
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "the Belarus capital Minsk": Belarus → capital → Minsk
    if other.i == head.i:
        return True
    if other.head.i == head.i:  # "X's capital, Y"; but "Y district, northern X" widens
        return root.dep_ in ("poss", "nmod") and other.dep_ in ("appos", "compound")
    return other.dep_ == "pobj" and other.head.lower_ == "of" and other.head.head.i == head.i


def _qualifier(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """ "Baghdad's Al-Bayaa district", "the Belarus capital Minsk", "the Red Sea island
    of X": a place that only narrows down another named place of its phrase."""
    root = mention.ent.root
    if root.dep_ not in ("poss", "compound", "nmod"):
        return False
    return any(m is not mention and _narrows(m.ent.root, root) for m in mentions)


def _rank(
    mention: Mention, path: Attachment, mentions: Sequence[Mention], lemma: str
) -> tuple[int, ...]:
    """The trigger's own clause first; there, a place in a phrase of the verb's own
    ("talks *at* X") beats one inside its object, which is more often a topic
    ("discussed the situation in X"), unless the verb takes places ("captured the town
    of X"); a qualifier yields to the place it narrows."""
    topical = "dobj" in path.deps[:-1] or (bool(path.preps) and path.deps[-1] == "dobj")
    if topical and _under_event_noun(mention.ent.root):
        topical = False
    if topical and path.preps == ("of",) and lemma in PLACE_OBJECT_VERBS:
        topical = False
    qualifier = _qualifier(mention, mentions)
    return (path.tier, int(topical), int(qualifier), mention.ent.start_char)


def _under_event_noun(root: Token) -> bool:
    """Whether the place's own preposition hangs from an event noun ("talks in X")."""
    node = root
    while node.dep_ in ("compound", "conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return False
    return node.head.head.lemma_.lower() in EVENT_NOUNS or node.head.head.lower_ in EVENT_NOUNS


def clause_place(trigger: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The place of the event at ``trigger`` among a doc's place mentions, if any.

    Only the trigger's sentence is searched: every reading below follows the parse
    tree, which ends at the sentence, and a long paragraph has many places."""
    sentence = trigger.sent
    mentions = [m for m in mentions
                if m.ent.start >= sentence.start and m.ent.end <= sentence.end]
    best: tuple[tuple[int, ...], Mention] | None = None
    anchors = [trigger]
    anchor = event_anchor(trigger)
    if anchor.i != trigger.i:
        anchors.append(anchor)
    for mention in mentions:
        if trigger.i in range(mention.ent.start, mention.ent.end):
            continue
        for index, top in enumerate(anchors):
            path = attachment(mention.ent.root, top)
            lemma = top.lemma_.lower()
            if path is None or not _reachable(path) or not _usable(mention, path, lemma):
                continue
            if path.tier == 3 and _contrasted(mention.ent.root, top):
                continue
            rank = (index, *_rank(mention, path, mentions, lemma))
            if best is None or rank < best[0]:
                best = (rank, mention)
            break
    if best is not None:
        return best[1]
    described = (m for m in mentions if _subject_is_from(m, trigger))
    return next(described, None) or next((m for m in mentions if _sets_the_scene(m, trigger)),
                                         None)


def _subject_is_from(mention: Mention, trigger: Token) -> bool:
    """ "X, the group's leader in Mosul, was killed": with no place in the clause, the
    place that describes the victim or doer is where it happened more often than not."""
    path = attachment(mention.ent.root, trigger)
    if path is None or path.tier != 2 or path.preps[:1] != ("in",) or len(path.preps) > 1:
        return False
    return "appos" in path.deps and mention.ent.label_ in PLACE_LABELS


def _sets_the_scene(mention: Mention, trigger: Token) -> bool:
    """ "In Vienna, thousands ... marched": a place that opens the sentence, before a
    comma, is the scene of its events even when the parse hangs it elsewhere; it is
    read only when the event's own clause names no place."""
    ent = mention.ent
    prep = ent.root.head
    sentence = trigger.sent
    if ent.root.dep_ != "pobj" or prep.i != sentence.start or prep.lower_ not in ("in", "at"):
        return False
    if ent.end >= sentence.end or ent.doc[ent.end].text != ",":
        return False
    return mention.place is not None or ent.label_ in PLACE_LABELS


def location_of(mention: Mention, offset: int) -> Location:
    """The contract location of a place named in the text."""
    ent, place = mention.ent, mention.place
    span: Span = (offset + ent.start_char, offset + ent.end_char)
    return _location(place, ent.text, span, "text")


def _location(place: Place | None, text: str, span: Span | None, source: str) -> Location:
    if place is None:
        return Location(name=text, text=text, span=span, source=source)
    return Location(
        name=place.name, text=text, span=span, source=source, country=place.country,
        lat=place.lat, lon=place.lon, kind=place.kind, fips=place.fips, adm1=place.adm1,
        feature_id=place.feature_id,
    )


def _dateline_names(place: str) -> Iterable[str]:
    """ "KYIV, Ukraine" → "KYIV, Ukraine", "KYIV", "Kyiv": datelines shout."""
    yield place
    first = place.split(",")[0].split("(")[0].strip()
    yield first
    yield first.title()


def dateline_location(article: Article, gazetteer: Gazetteer) -> Location | None:
    """The place of the story's dateline, where the story says it was filed."""
    dateline = article.dateline
    if dateline is None or not dateline.place:
        return None
    at = article.text.find(dateline.place, dateline.span[0], dateline.span[1])
    span = (at, at + len(dateline.place)) if at >= 0 else None
    for name in _dateline_names(dateline.place):
        place = gazetteer.lookup(name)
        if place is not None:
            return _location(place, dateline.place, span, "dateline")
    return _location(None, dateline.place, span, "dateline")
