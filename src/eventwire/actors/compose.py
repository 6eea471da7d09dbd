"""From dictionary hits to one mention per noun phrase.

"Russian Foreign Minister Sergey Lavrov" gives three hits at most (a country
adjective, an agent title, perhaps a person) but names one actor.  Hits are grouped
by the noun-phrase head they modify, read off the dependency parse: a hit joins the
word it is a compound, adjective, possessor or name part of, as long as that word is
itself in a hit or is a proper name to its right (the person's name a title
precedes), or the agent it completes after "of" ("the Government of Turkey").  The
group's code comes from its most specific actor name, completed by
the roles of its agents when that name is a bare country.  A metonym that is the
place of an event ("talks in Moscow") or the first word of another name ("the
Moscow Times") names no actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from eventwire.actors.match import Hit, describes_subject
from eventwire.codes.actor_parts import INTERNATIONAL, TYPE_CODES, UNKNOWN_PART
from eventwire.lexicon.actors import ActorEntry, AgentEntry, Metonym
from eventwire.model import ActorMention

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "nn"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near"})
PERSONISH = frozenset({"", "PERSON"})
"""Entity types of a proper name a title may precede (not "Post" in "Washington Post")."""
ROLE_CODES = TYPE_CODES - INTERNATIONAL
ROLE_ALIASES = {"PPL": "CVL"}
"""Phoenix's ``~PPL`` ("people") is not a CAMEO role; CAMEO calls them civilians."""
SPOKES_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen",
    "spokespersons", "spokespeople",
})  # fmt: skip
"""Phoenix codes a bare spokesperson ``~MED``; next to another role or an
organisation ("Foreign Ministry spokesman") the spokesperson speaks for it instead."""
PERSON_NOUNS = frozenset({
    "minister", "secretary", "president", "premier", "chancellor", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "official", "diplomat",
    "leader", "king", "queen", "prince", "princess", "governor", "mayor", "senator",
    "lawmaker", "general", "commander", "chief", "judge", "prosecutor", "deputy",
    "adviser", "advisor", "aide", "director", "chairman", "chairwoman", "emir",
    "monarch", "pope", "cleric", "negotiator", "representative", "mp",
})  # fmt: skip
"""Head nouns that name one person, so "he" or "she" may refer back to them."""
BOUNDARY_NOUNS = frozenset({"border", "frontier", "boundary", "borderline"})
"""Nouns of a line between countries: "the Thai border" or "Kenya's border" says where
something is, on either side of it, and names no party to an event."""


@dataclass(frozen=True)
class Found:
    """A mention with what in-document resolution needs to know about it."""

    mention: ActorMention
    titles: tuple[tuple[str, ...], ...] = ()
    surname: str | None = None
    person: bool = False
    plural: bool = False
    tokens: tuple[int, int, int] = (0, 0, 0)
    """Start, end and head token of the mention in its paragraph's doc."""

    @property
    def resolvable(self) -> bool:
        """A role without a country may take its country from an earlier mention."""
        return self.mention.country is None


@dataclass(frozen=True)
class Place:
    """Where a doc sits in its article: char offset and each token's sentence."""

    offset: int
    sentence_of: tuple[int, ...]


UNKNOWN_COUNTRY = UNKNOWN_PART
"""CAMEO's country part of an actor whose country the text does not give ("---GOV")."""


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """Country (or IGO/NGO part) and three-letter roles; a role-only code has none."""
    parts = tuple(code[i : i + 3] for i in range(0, len(code), 3))
    if parts[0] == UNKNOWN_COUNTRY:
        return None, parts[1:]
    if parts[0] in ROLE_CODES:
        return None, parts
    return parts[0], parts[1:]


@dataclass(frozen=True)
class RolePart:
    """Roles one hit adds to a group: after the country, or before it (``NGO~``)."""

    parts: tuple[str, ...]
    prefix: bool = False
    spokes: bool = False


def role_part(hit: Hit) -> RolePart | None:
    """What an agent hit, or a second name with roles, adds to its group's code."""
    if hit.code is None:
        return None
    if isinstance(hit.entry, AgentEntry):
        parts = _split3(hit.code.strip("~"))
        spokes = bool(set(hit.entry.words) & SPOKES_WORDS)
        roles = tuple(ROLE_ALIASES.get(part, part) for part in parts)
        return RolePart(roles, hit.code.endswith("~"), spokes)
    named = split_code(hit.code)[1]
    return RolePart(named) if named else None


def _split3(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def combine(base: str | None, parts: Sequence[RolePart]) -> str | None:
    """The code of a group: its actor name completed by the roles of the rest.

    A bare country takes the roles (``RUS`` + ``~GOV`` is ``RUSGOV``); a name that
    already has roles (``RUSGOV`` for the Kremlin, ``USAMIL`` for the Pentagon) keeps
    them, because the organisation fixes what its officials are.  A spokesperson's
    ``MED`` counts only when nothing else gives a role, and "people" (``CVL``) gives
    way to any other role.
    """
    prefix = [p for part in parts if part.prefix for p in part.parts]
    roles = [p for part in parts if not part.prefix and not part.spokes for p in part.parts]
    if len(set(roles)) > 1 and "CVL" in roles:
        roles = [role for role in roles if role != "CVL"]
    if not roles and (base is None or len(base) == 3):
        roles = [p for part in parts if part.spokes for p in part.parts]
    if base is None:
        codes = prefix + roles if prefix else [UNKNOWN_COUNTRY, *roles]
    elif len(base) == 3:
        codes = [*prefix, base, *roles]
    else:
        codes = [*prefix, base]
    return "".join(dict.fromkeys(codes)) or None


def hit_root(doc: Doc, hit: Hit) -> Token:
    """The token of a hit whose head lies outside it (the last, if the parse has several)."""
    tokens = list(doc[hit.start : hit.end])
    outside = [t for t in tokens if not hit.start <= t.head.i < hit.end or t.head.i == t.i]
    return (outside or tokens)[-1]


def group_head(token: Token, roots: dict[int, Token], names: set[int]) -> Token:
    """Climb from a hit's root to the head of the noun phrase it helps name.

    Only a name may climb as a possessor ("Russia's minister"); a role word does not
    ("fighters' children" are not fighters).
    """
    seen: set[int] = set()
    while token.i not in seen:
        leader = _led_group(token, roots) if token.i in names else None
        if leader is not None:
            seen.add(token.i)
            token = leader
            continue
        owner = _office_of(token, roots, names)
        if owner is not None:
            seen.add(token.i)
            token = owner
            continue
        if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i:
            break
        if token.dep_ == "poss" and token.i not in names:
            break
        seen.add(token.i)
        parent = token.head
        if parent.i in roots:
            token = roots[parent.i]
        elif parent.pos_ == "PROPN" and parent.i > token.i and parent.ent_type_ in PERSONISH:
            token = parent
        else:
            break
    return token


def _office_of(token: Token, roots: dict[int, Token], names: set[int]) -> Token | None:
    """The agent a name completes after "of": "the Government of Turkey" is Turkey's
    government, "the President of France" France's president."""
    prep = token.head
    if token.i not in names or token.dep_ != "pobj" or prep.lower_ != "of":
        return None
    if any(child.dep_ == "conj" for child in token.children):
        return None  # "the ambassadors of Arnor and Gondor": each its own, as arguments see
    owner = prep.head
    if prep.dep_ != "prep" or owner.i not in roots or owner.i in names:
        return None
    return roots[owner.i]


def _led_group(token: Token, roots: dict[int, Token]) -> Token | None:
    """The group a name leads ("US-led forces" are the United States' forces); a name
    that backs or supports a group ("Russian-backed separatists") is not its own."""
    led = token.head
    if token.dep_ != "npadvmod" or led.lower_ != "led" or led.dep_ != "amod":
        return None
    return roots.get(led.head.i)


def group_hits(doc: Doc, hits: Sequence[Hit]) -> list[tuple[Token, list[Hit]]]:
    """Hits grouped by the noun-phrase head they name, in text order."""
    roots: dict[int, Token] = {}
    names: set[int] = set()
    for hit in hits:
        root = hit_root(doc, hit)
        for i in range(hit.start, hit.end):
            roots[i] = root
        if not isinstance(hit.entry, AgentEntry):
            names.update(range(hit.start, hit.end))
    for hit in hits:
        root = hit_root(doc, hit)
        if isinstance(hit.entry, AgentEntry) and describes_subject(root):
            # "official sources": the noun the agent describes heads the phrase
            roots.setdefault(root.head.i, root.head)
    groups: dict[int, tuple[Token, list[Hit]]] = {}
    for hit in hits:
        head = group_head(roots[hit.start], roots, names)
        groups.setdefault(head.i, (head, []))[1].append(hit)
    return sorted(groups.values(), key=lambda group: group[1][0].start)


def is_place(token: Token) -> bool:
    """Whether a phrase head is the object of a place preposition ("in Moscow")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _names_boundary(head: Token) -> bool:
    """ "camps near the Kenyan border", "Kenya's frontier": a country that only
    qualifies a boundary is no actor; "Kenyan border guards" are (their head is
    "guards")."""
    noun = head.head if head.dep_ in MODIFIER_DEPS else head
    return noun.lemma_.lower() in BOUNDARY_NOUNS


def in_other_name(token: Token) -> bool:
    """Whether a token is the first part of a longer proper name ("Washington Post")."""
    return token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i


def _base(hits: Sequence[Hit]) -> tuple[Hit | None, list[RolePart]]:
    """The name that gives the group its code, and what the other hits add to it.

    A name with roles (a person or an organisation) nearest the head wins ("Russian
    President Vladimir Putin" is coded by Putin's entry); among bare countries the
    first wins, since the nationality comes first ("US Syria envoy").  A metonym
    gives way to a plain name, so in "German Foreign Office" the country comes from
    "German" and only the role from "Foreign Office".
    """
    names = [h for h in hits if isinstance(h.entry, ActorEntry | Metonym) and h.code]
    plain = [h for h in names if not (isinstance(h.entry, Metonym) and h.entry.metonymic)]
    specific = [h for h in plain if h.code is not None and len(h.code) > 3]
    if specific:
        base: Hit | None = specific[-1]
    elif plain:
        base = plain[0]
    else:
        base = names[-1] if names else None
    parts = [role_part(hit) for hit in hits if hit is not base]
    return base, [part for part in parts if part is not None]


def _base_code(doc: Doc, base: Hit | None, extra: Sequence[RolePart]) -> str | None:
    """The base's code; a possessor with roles gives only its country to the roles
    of what it possesses ("Assad's forces" are Syria's military, not Assad)."""
    if base is None or base.code is None:
        return None
    country = base.code[:3]
    roles = any(not part.spokes for part in extra)  # a spokesperson speaks for the owner
    if roles and country not in INTERNATIONAL and hit_root(doc, base).dep_ == "poss":
        return country
    return base.code


def _named_country(doc: Doc, base: Hit | None, hits: Sequence[Hit], code: str) -> str:
    """An institution keeps the country the text names for it: Phoenix codes some
    generic institutions as one country's ("SENATE" is USAGOVLEG), but "Rwanda's
    Senate" is Rwanda's.  Persons keep their own entry's country."""
    if base is None or base.code is None or hit_root(doc, base).ent_type_ == "PERSON":
        return code
    for hit in hits:
        plain = isinstance(hit.entry, ActorEntry) and hit.code is not None and len(hit.code) == 3
        if plain and hit.start < base.start and hit.code and hit.code != code[:3]:
            return hit.code + code[3:]
    return code


def _group_code(
    doc: Doc, base: Hit | None, hits: Sequence[Hit], extra: Sequence[RolePart], as_place: bool
) -> str | None:
    """The code a group gets from its base name completed by the other hits."""
    code = combine(_base_code(doc, base, extra), extra)
    if code is None:
        return None
    if as_place:
        # "talks in Moscow": the city is a place of Russia, not its government
        code = split_code(code)[0] or code
    return _named_country(doc, base, hits, code)


def head_titles(head: Token, hits: Sequence[Hit]) -> tuple[tuple[str, ...], ...]:
    """The titles that say what the phrase's head is: those of the hit holding the
    head, else (also when that hit is a bare name) of the last hit with a title before
    it, an agent or a name that holds one ("Foreign Secretary" in "UK Foreign
    Secretary Liz Truss", "German Chancellor" before "Olaf Scholz"); titles of other
    modifiers say nothing about the head."""
    for hit in hits:
        if hit.start <= head.i < hit.end and hit.titles:
            return hit.titles
    titled = [hit for hit in hits if hit.titles and hit.start <= head.i]
    return titled[-1].titles if titled else ()


def is_person(head: Token) -> bool:
    """Whether a phrase head names one person: "he" or "she" may point back to it, "it" not."""
    if head.tag_ in ("NNS", "NNPS"):
        return False
    return head.ent_type_ == "PERSON" or head.lemma_.lower() in PERSON_NOUNS


def _surname(head: Token, hits: Sequence[Hit]) -> str | None:
    in_hit = any(h.start <= head.i < h.end for h in hits)
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and not in_hit):
        return head.lower_
    return None


def build_found(doc: Doc, head: Token, hits: Sequence[Hit], place: Place) -> Found | None:
    """The mention a group of hits makes, or ``None`` when it names nobody."""
    base, extra = _base(hits)
    if not extra and _names_boundary(head):
        return None
    metonym = base is not None and isinstance(base.entry, Metonym) and base.entry.metonymic
    if metonym and not extra and in_other_name(head):
        return None
    as_place = metonym and not extra and is_place(head)
    code = _group_code(doc, base, hits, extra, as_place)
    if code is None:
        return None
    also = () if base is None else tuple(
        dict.fromkeys(
            other
            for alternative in base.also
            if (other := _group_code(doc, replace(base, code=alternative), hits, extra, as_place))
            and other != code
        )
    )
    start = min(hits[0].start, head.i)
    end = max(max(h.end for h in hits), head.i + 1)
    country, roles = split_code(code)
    span = (place.offset + doc[start].idx, place.offset + doc[end - 1].idx + len(doc[end - 1]))
    rule = " + ".join(hit.rule for hit in hits if hit.code)
    rule = f"place: {rule}" if as_place else rule
    text = doc[start:end].text
    mention = ActorMention(
        code, country, roles, text, span, place.sentence_of[head.i], rule,
        place.offset + head.idx, also,
    )  # fmt: skip
    titles = head_titles(head, hits)
    plural = head.tag_ in ("NNS", "NNPS")
    surname = _surname(head, hits)
    return Found(mention, titles, surname, is_person(head), plural, (start, end, head.i))
