"""The event stage: from a parsed article and its actors to coded, explained events.

The recipe per sentence: find triggers, read their arguments off the parse, turn
arguments into actors, set the modality flags, attach the speaker, and keep an
``Evidence`` that names the words and the dictionary line.  Across the article the
events are then ordered by salience so that the first event is the one a human
coder would pick as the story's main event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.actors.compose import SPOKES_WORDS, is_person
from eventwire.actors.resolve import UNKNOWN_ACTOR, borrow
from eventwire.events.acts import (
    is_deontic,
)
from eventwire.events.addressees import addressees
from eventwire.events.arguments import (
    MentionIndex,
    actors_of,
    anywhere_in,
    nominal_arguments,
    not_aimed_at,
    subjects,
    verbal_arguments,
)
from eventwire.events.aspect import governed_by_verb, phase_verb
from eventwire.events.charges import charges
from eventwire.events.consequences import consequence_threats
from eventwire.events.derived import (
    accusations,
    as_accord,
    as_intent,
    attempts,
    decisions,
    deliveries,
    demands,
    dispatches,
    refusals,
    speech_acts,
)
from eventwire.events.drafts import Draft, mention_in
from eventwire.events.extents import with_phrases
from eventwire.events.filters import (
    drop_background,
    drop_bare_statements,
    drop_subsumed,
    mutual_kept,
    unique,
)
from eventwire.events.halts import halted
from eventwire.events.lexicon import EventLexicon
from eventwire.events.modality import REPORTING_VERBS, modality_of
from eventwire.events.patterns import clause_tokens
from eventwire.events.salience import order_events
from eventwire.events.scope import out_of_scope
from eventwire.events.setting import in_setting
from eventwire.events.speech import (
    Quote,
    find_quotes,
    inside,
    is_pronoun,
    reporting_speaker,
    reporting_verb,
    speaker_from_verb,
)
from eventwire.events.targets import (
    beyond_pattern,
    complement_subject,
    each_actor,
    first_actor,
    refers_to_source,
    refused_targets,
    same_actor,
    toll_targets,
)
from eventwire.events.together import together
from eventwire.events.triggers import Trigger, find_triggers
from eventwire.model import ActorMention, CodeInfo, Event, Evidence, Sentence, Speaker
from eventwire.parse import ParsedArticle, ParsedParagraph

CodeLookup = Callable[[str], CodeInfo]
MUTUAL_ROOTS = frozenset({"04", "05", "06"})
"""Consultation and cooperation: "A, B and C met" or "... cooperated" is each with the others."""
ONE_WAY_CODES = frozenset({"042", "043", "045", "051", "052", "053", "054", "055", "056"})
"""Codes of those roots that one side does to another (visit, host, mediate, praise,
defend, rally support, recognize, apologize, forgive): "Russia and Syria welcomed the
visit" is two acts of welcoming, not Russia welcoming Syria."""


@dataclass(frozen=True)
class Coding:
    """What the event stage needs besides the article: dictionaries and code tables."""

    lexicon: EventLexicon
    code_info: CodeLookup
    is_code: Callable[[str], bool]


@dataclass
class _SpeakerMemory:
    """The last named, non-personal speaker of the article, for "it said".

    Wires name a ministry or a press release once and then write "it said"; the
    memory is the only mutable state of the stage and lives for one article.
    """

    last: Speaker | None = None

    def resolve(self, speaker: Speaker | None) -> Speaker | None:
        if speaker is not None and speaker.text.lower() == "it" and self.last is not None:
            return self.last
        return speaker

    def observe(self, para: ParsedParagraph, quotes: Sequence[Quote]) -> None:
        """Remember the named non-personal subjects of the paragraph's reporting verbs."""
        spans = [(q.start, q.end) for q in quotes]
        offset = para.offset
        for token in para.verbs:
            if token.lemma_.lower() not in REPORTING_VERBS:
                continue
            if inside(spans, token.idx, token.idx):
                continue
            speaker = speaker_from_verb(token, offset)
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if speaker is None or subject is None or is_pronoun(speaker):
                continue
            if subject.ent_type_ != "PERSON" and subject.pos_ != "PRON":
                self.last = speaker


def _speaker_code(speaker: Speaker | None, mentions: Sequence[ActorMention]) -> Speaker | None:
    mention = mention_in(speaker, mentions)
    return speaker if speaker is None or mention is None else replace(speaker, code=mention.code)


def _cataphora(heads: Sequence[Token], index: MentionIndex) -> list[ActorMention]:
    """ "In her meeting with X, Truss said ...": a possessive pronoun before its
    antecedent refers to the subject of the sentence's main verb."""
    pronouns = [h for h in heads if h.pos_ == "PRON" and h.dep_ == "poss"]
    if not pronouns:
        return []
    root = pronouns[0].sent.root
    return actors_of([c for c in root.children if c.dep_ == "nsubj"], index)


def _reporter_as_subject(
    token: Token, heads: Sequence[Token], index: MentionIndex
) -> list[ActorMention]:
    """ "Switzerland said it had expelled ...": an unresolved pronoun subject of
    reported speech is the reporting subject; and in "Chile signalled it would
    expel ...", the subject of the verb whose complement the clause is comes first."""
    if not heads or heads[0].lower_ not in ("it", "they", "we", "he", "she", "them", "us"):
        return []
    governing = _complement_head(token)
    if governing is not None:
        found = actors_of(_may_be(heads[0], subjects(governing)), index)
        if found:
            return found
    verb = reporting_verb(token)
    return actors_of(_may_be(heads[0], subjects(verb)), index) if verb is not None else []


REPRESENTATIVES = SPOKES_WORDS | {
    "envoy", "ambassador", "representative", "official", "diplomat", "negotiator",
}
"""People who speak for a body: "it" in their words is that body ("the US envoy said
it will not allow ...")."""


def _may_be(pronoun: Token, candidates: Sequence[Token]) -> list[Token]:
    """The subjects a pronoun can stand for: "it" never for a person in their own
    name ("if it is attacked, Norway's foreign minister said")."""
    if pronoun.lower_ != "it":
        return list(candidates)
    return [c for c in candidates if not is_person(c) or _speaks_for_a_body(c)]


def _speaks_for_a_body(head: Token) -> bool:
    titles = [head, *(c for c in head.children if c.dep_ == "appos")]
    return any(t.lemma_.lower() in REPRESENTATIVES for t in titles)


SELF_PRONOUNS = frozenset({"he", "she"})


def _speaker_of_self(
    token: Token, heads: Sequence[Token], pronoun: ActorMention, index: MentionIndex
) -> list[ActorMention]:
    """ "Putin met Macron and said he would not attack": "he" in what a person says is
    that person, not the last one named before it."""
    if len(heads) != 1 or heads[0].lower_ not in SELF_PRONOUNS:
        return [pronoun]
    verb = reporting_verb(token)
    if verb is None:
        return [pronoun]
    people = [s for s in subjects(verb) if s.lower_ in SELF_PRONOUNS or is_person(s)]
    speakers = actors_of(people, index)
    if len(speakers) != 1 or speakers[0].code == pronoun.code:
        return [pronoun]
    return [borrow(pronoun, speakers[0])]


def _complement_head(token: Token) -> Token | None:
    """The verb that takes ``token``'s clause as its complement ("signalled" in
    "Chile signalled it would expel"), if any."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    return _made_known(node)


def _made_known(node: Token) -> Token | None:
    """ "Europe has made it clear it will not lift ...": "made", whose subject said it."""
    adjective, made = node.head, node.head.head
    if node.dep_ not in ("ccomp", "advcl") or adjective.lower_ not in MADE_KNOWN:
        return None
    if made.lemma_ != "make" or adjective.dep_ not in ("ccomp", "acomp", "oprd", "xcomp"):
        return None
    return made


MADE_KNOWN = frozenset({"clear", "plain", "known"})
"""Adjectives of "made it clear (that) ...": the clause is what the subject said."""


def _arguments(
    trigger: Trigger, index: MentionIndex
) -> tuple[list[ActorMention], list[ActorMention]]:
    token = trigger.token
    heads = nominal_arguments(token) if trigger.nominal else verbal_arguments(token)
    sources = not_aimed_at(heads[0], actors_of(heads[0], index), index)
    if not trigger.nominal and len(sources) == 1:
        sources = _speaker_of_self(token, heads[0], sources[0], index)
    if not sources and trigger.nominal:
        sources = _cataphora(heads[0], index)
    if not sources:
        sources = _reporter_as_subject(token, heads[0], index)
    if not trigger.nominal and all(s.code == UNKNOWN_ACTOR for s in sources):
        # a coded actor anywhere in the subject phrase before a name no dictionary knows
        sources = anywhere_in(heads[0], index) or sources
    target_heads = heads[1]
    if trigger.code.startswith("08"):  # withdrawing *from* X yields to X
        origin = [h for h in target_heads if h.head.lower_ == "from"]
        target_heads = origin + [h for h in target_heads if h not in origin]
    targets = beyond_pattern(trigger.evidence, target_heads, index, sources)
    if not targets:
        pronouns = [h for h in heads[1] if h.lower_ in ("it", "them", "us", "him", "her")]
        targets = _reporter_as_subject(token, pronouns, index)
    if not targets and not trigger.statement:
        targets = first_actor(complement_subject(token, trigger.code), index)
    if not targets and not trigger.nominal and not trigger.statement:
        targets = refused_targets(token, index, sources) or toll_targets(
            token, trigger.code, index, sources)
    if not targets and not trigger.nominal and not trigger.statement:
        targets = _in_verb_phrase(token, index, sources)
    if not targets and not trigger.statement:
        targets = addressees(token, trigger.code, index, sources)
    targets = [t for t in targets if t not in sources]
    return each_actor(sources), each_actor(targets)


def _in_verb_phrase(
    token: Token, index: MentionIndex, sources: Sequence[ActorMention]
) -> list[ActorMention]:
    """PETRARCH's last resort for a target: the first actor anywhere in the verb's
    own phrase after it ("renewing his license in Michel Delving")."""
    _before, after = clause_tokens(token)
    for other in after:
        mention = index.at(other)
        if mention is not None and not refers_to_source(sources, mention) and mention.country:
            return [mention]
    return []


_Dyad = tuple[ActorMention | None, ActorMention | None, str, bool, bool]
"""Source, target, code, whether it is the mirrored reading, whether the act is mutual."""


def _symmetric(code: str, reverse: str | None, targets: list[ActorMention]) -> bool:
    """Whether joint subjects do the act to each other: "A and B met" or "... signed a
    pact" (a mutual root with no other party named, or a pattern whose two directions
    have one code), but not "A and B welcomed the visit" (host and visitor differ)."""
    if code[:3] in ONE_WAY_CODES:
        return False
    return reverse == code or (code[:2] in MUTUAL_ROOTS and not targets)


def _one_side(a: ActorMention, b: ActorMention) -> bool:
    """Two readings of one side: "US" and "US navies" in "the Russian and US navies"."""
    nested = a.span[0] < b.span[1] and b.span[0] < a.span[1]
    return same_actor(a, b) or (nested and a.country == b.country)


def _dyads(
    trigger: Trigger, sources: list[ActorMention], targets: list[ActorMention]
) -> list[_Dyad]:
    """Source-target-code triples (and whether mirrored or mutual), one per coordinated
    actor; reciprocal codes both ways."""
    code, reverse = trigger.code, trigger.reverse_code
    some_sources: list[ActorMention | None] = list(sources) or [None]
    some_targets: list[ActorMention | None] = list(targets) or [None]
    if reverse == "reversed":
        return [(t, s, code, False, False) for s in some_sources for t in some_targets]
    if (_symmetric(code, reverse, targets) or trigger.compound) and len(sources) > 1:
        # "A and B discussed X": the two sides are the dyad, X is the topic
        mutual: list[_Dyad] = [(a, b, code, False, True) for a in sources for b in sources
                               if a is not b and not _one_side(a, b)]
        if mutual:  # else the "sides" were one actor named twice: code it alone
            return mutual
    pairs: list[_Dyad] = []
    together = reverse == code  # "A met B": one act, the same code both ways
    for source in some_sources:
        for target in some_targets:
            if source is not None and target is not None and same_actor(source, target):
                target = None  # "their countries", "its own forces": no dyad with itself
            both = bool(reverse) and source is not None and target is not None
            if any(p[:4] == (source, target, code, False) for p in pairs):
                continue
            pairs.append((source, target, code, False, both and together))
            if both:
                pairs.append((target, source, str(reverse), True, together))
    return pairs


def _speaker_for(
    token: Token, para: ParsedParagraph, quotes: Sequence[Quote], memory: _SpeakerMemory,
    mentions: Sequence[ActorMention],
) -> tuple[Speaker | None, bool]:
    """The speaker of the words around ``token`` and whether they are quoted."""
    indirect = _speaker_code(memory.resolve(reporting_speaker(token, para.offset)), mentions)
    for quote in quotes:
        if quote.start <= token.idx < quote.end:
            speaker = _speaker_code(quote.speaker, mentions)
            return speaker if indirect is None else indirect, True
    return indirect, False


def _sentence_drafts(
    sent: SpacySpan, sentence: Sentence, para: ParsedParagraph, coding: Coding,
    index: MentionIndex, quotes: Sequence[Quote], memory: _SpeakerMemory,
    mentions: Sequence[ActorMention],
) -> list[Draft]:
    drafts: list[Draft] = []
    lexicon = coding.lexicon
    coded_verb = lexicon.verbs.lookup
    triggers = find_triggers(sent, lexicon.verbs, coding.is_code, lexicon.nominals)
    verbs = {t.token.i for t in triggers if not t.nominal}
    named = {t.i for other in triggers if not other.nominal for t in other.evidence}
    for trigger in triggers:
        phase = phase_verb(trigger.token) if trigger.nominal else None
        if phase is not None and phase.i in verbs:
            continue  # the verb's own pattern codes it with the noun
        if phase is None and trigger.nominal and governed_by_verb(trigger.token, coded_verb):
            continue
        if trigger.nominal and trigger.token.i in named:
            continue  # "announced an embargo": a verb's pattern codes the noun with it
        if halted(trigger.token):  # "a pause in the bombing" is no bombing
            continue
        sources, targets = _arguments(trigger, index)
        if not sources and not targets:
            continue
        speaker, quoted = _speaker_for(trigger.token, para, quotes, memory, mentions)
        modality = modality_of(phase or trigger.token, trigger.nominal and phase is None,
                               quoted or speaker is not None)
        for source, target, code, mirrored, mutual in _dyads(trigger, sources, targets):
            drafts.append(
                Draft(trigger, sentence, source, target, code, modality, speaker, para.offset,
                      mirrored=mirrored, reciprocal=mutual)
            )
        if sources and is_deontic(trigger.token) and (quoted or speaker is not None):
            drafts.extend(demands(trigger, sentence, para, sources, speaker, index, mentions))
    drafts.extend(_bare_demands(sent, sentence, para, index, quotes, memory, mentions, drafts))
    acts = charges(dispatches(speech_acts(deliveries(decisions(attempts(drafts))), index), index))
    drafts = [as_accord(as_intent(d)) for d in acts + refusals(drafts)]
    derived = accusations(drafts, mentions) + consequence_threats(drafts)
    verbs = {d.trigger.token.i for d in derived}
    drafts = [d for d in drafts if d.rule_note or d.trigger.token.i not in verbs] + derived
    drafts = [in_setting(d, index) for d in drafts if not out_of_scope(d)]
    return mutual_kept(drop_subsumed(unique(drop_bare_statements(drop_background(drafts)))))


DEONTIC_RULE = "a deed without code"
STATES = frozenset({"be", "have", "remain", "stay", "feel", "seem"})
"""Verbs of being: "X should be grateful" asks for an attitude, not a deed."""


def _bare_demands(
    sent: SpacySpan, sentence: Sentence, para: ParsedParagraph, index: MentionIndex,
    quotes: Sequence[Quote], memory: _SpeakerMemory, mentions: Sequence[ActorMention],
    drafts: Sequence[Draft],
) -> list[Draft]:
    """ "Trump said North Korea must do something meaningful": what a speaker says an
    actor must do is a demand of that actor (CAMEO 100) even when the deed itself has
    no code, as long as both the speaker and the obliged actor are known."""
    coded = {d.trigger.token.i for d in drafts}
    found: list[Draft] = []
    for token in sent:
        if token.pos_ != "VERB" or not token.is_alpha or token.lemma_.lower() in STATES:
            continue
        if token.i in coded or not is_deontic(token):
            continue
        obliged = actors_of(subjects(token), index)
        if not obliged:
            continue
        speaker, quoted = _speaker_for(token, para, quotes, memory, mentions)
        if speaker is None and not quoted:
            continue
        trigger = Trigger(token, (token,), "100", None, DEONTIC_RULE, (), 1)
        found.extend(demands(trigger, sentence, para, obliged, speaker, index, mentions))
    return found


def _paragraph_drafts(
    para: ParsedParagraph, parsed: ParsedArticle, mentions: Sequence[ActorMention],
    coding: Coding, memory: _SpeakerMemory,
) -> list[Draft]:
    doc = para.doc
    start = para.offset
    end = start + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
    local = [m for m in mentions if start <= m.span[0] and m.span[1] <= end]
    index = MentionIndex.build(local, para.offset)
    quotes = [
        replace(q, speaker=memory.resolve(q.speaker))
        for q in find_quotes(para)
    ]
    memory.observe(para, quotes)
    drafts: list[Draft] = []
    sentences = [s for s in parsed.sentences if s.paragraph == para.index]
    for sent, sentence in zip(
        (s for s in para.doc.sents if s.text.strip()), sentences, strict=False
    ):
        if coding.lexicon.discards.sentence_discard(sentence.text):
            continue  # PETRARCH's sentence discard: the user said not to code it
        drafts.extend(
            _sentence_drafts(sent, sentence, para, coding, index, quotes, memory, local)
        )
    return drafts


def _evidence(draft: Draft) -> Evidence:
    trigger = draft.trigger
    tokens = list(trigger.words) + list(trigger.evidence)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    token = trigger.token
    offset = draft.offset
    rule = trigger.rule + (f"; {draft.rule_note}" if draft.rule_note else "")
    return Evidence(
        text=token.doc[first.i : last.i + 1].text,  # not doc.text: spaCy rebuilds it per call
        span=(offset + start, offset + end),
        trigger_text=token.text,
        trigger_span=(offset + token.idx, offset + token.idx + len(token.text)),
        rule=rule,
    )


def _to_event(draft: Draft, doc_id: str, parsed: ParsedArticle, coding: Coding) -> Event:
    return Event(
        doc_id=doc_id,
        event_id="",
        sentence=draft.sentence,
        date=parsed.article.date,
        source=draft.source,
        target=draft.target,
        code=coding.code_info(draft.code),
        modality=draft.modality,
        evidence=_evidence(draft),
        speaker=draft.speaker,
        salience=float(draft.trigger.specificity),
        reciprocal=draft.reciprocal,
    )


def code_events(
    parsed: ParsedArticle, mentions: Sequence[ActorMention], coding: Coding
) -> tuple[Event, ...]:
    """All events of an article, most salient first, with ids in that order."""
    if coding.lexicon.discards.story_discard(parsed.article.text):
        return ()  # PETRARCH's story discard: the whole article is out of scope
    memory = _SpeakerMemory()
    drafts: list[Draft] = []
    for para in parsed.paragraphs:
        drafts.extend(_paragraph_drafts(para, parsed, mentions, coding, memory))
    events = together([with_phrases(_to_event(d, parsed.article.id, parsed, coding), parsed)
                       for d in drafts], parsed)
    return tuple(
        replace(event, event_id=f"{parsed.article.id}-{n}")
        for n, event in enumerate(order_events(events), start=1)
    )

