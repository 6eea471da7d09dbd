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

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.events.acts import (
    APPEAL_HEADS,
    INTENT_HEADS,
    INVITE_HEADS,
    appeal_code,
    demand_code,
    governing_head,
    intent_code,
    is_deontic,
    refusal_code,
)
from eventwire.events.arguments import (
    MentionIndex,
    actors_of,
    nominal_arguments,
    subjects,
    verbal_arguments,
)
from eventwire.events.lexicon import EventLexicon
from eventwire.events.modality import REPORTING_VERBS, modality_of
from eventwire.events.patterns import clause_tokens
from eventwire.events.salience import order_events
from eventwire.events.speech import (
    Quote,
    find_quotes,
    inside,
    is_pronoun,
    reporting_speaker,
    reporting_verb,
    speaker_from_verb,
)
from eventwire.events.targets import first_actor, refers_to_source, same_actor
from eventwire.events.triggers import Trigger, find_triggers
from eventwire.model import ActorMention, CodeInfo, Event, Evidence, Modality, Sentence, Speaker
from eventwire.parse import ParsedArticle, ParsedParagraph

CodeLookup = Callable[[str], CodeInfo]
MUTUAL_ROOTS = frozenset({"04", "05", "06"})
INTENT_ROOTS = frozenset({"04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})


@dataclass(frozen=True)
class Coding:
    """What the event stage needs besides the article: dictionaries and code tables."""

    lexicon: EventLexicon
    code_info: CodeLookup
    is_code: Callable[[str], bool]


@dataclass(frozen=True)
class _Draft:
    """An event before it gets its id and final order."""

    trigger: Trigger
    sentence: Sentence
    source: ActorMention | None
    target: ActorMention | None
    code: str
    modality: Modality
    speaker: Speaker | None
    offset: int
    rule_note: str = ""
    mirrored: bool = False
    """The second reading of a reciprocal act ("A met B" is also B meeting A)."""


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

    def observe(self, doc: Doc, offset: int, quotes: Sequence[Quote]) -> None:
        """Remember the named non-personal subjects of the paragraph's reporting verbs."""
        spans = [(q.start, q.end) for q in quotes]
        for token in doc:
            if token.lemma_.lower() not in REPORTING_VERBS or inside(spans, token.idx, token.idx):
                continue
            speaker = speaker_from_verb(token, offset)
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if speaker is None or subject is None or is_pronoun(speaker):
                continue
            if subject.ent_type_ != "PERSON" and subject.pos_ != "PRON":
                self.last = speaker


def _speaker_code(speaker: Speaker | None, mentions: Sequence[ActorMention]) -> Speaker | None:
    mention = _mention_in(speaker, mentions)
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
    reported speech is the reporting subject."""
    if not heads or heads[0].lower_ not in ("it", "they", "we", "he", "she", "them", "us"):
        return []
    verb = reporting_verb(token)
    return actors_of(subjects(verb), index) if verb is not None else []


def _complement_subject(trigger: Token) -> list[Token]:
    """For "X warned that Y ...": Y is the target of the warning."""
    for child in trigger.children:
        if child.dep_ in ("ccomp", "parataxis"):
            return [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def _arguments(
    trigger: Trigger, index: MentionIndex
) -> tuple[list[ActorMention], list[ActorMention]]:
    token = trigger.token
    heads = nominal_arguments(token) if trigger.nominal else verbal_arguments(token)
    sources = actors_of(heads[0], index)
    if not sources and trigger.nominal:
        sources = _cataphora(heads[0], index)
    if not sources:
        sources = _reporter_as_subject(token, heads[0], index)
    if not sources and not trigger.nominal:
        sources = _anywhere_in(heads[0], index)
    target_heads = heads[1]
    if trigger.code.startswith("08"):  # withdrawing *from* X yields to X
        origin = [h for h in target_heads if h.head.lower_ == "from"]
        target_heads = origin + [h for h in target_heads if h not in origin]
    targets = first_actor(target_heads, index, sources)
    if not targets:
        pronouns = [h for h in heads[1] if h.lower_ in ("it", "them", "us", "him", "her")]
        targets = _reporter_as_subject(token, pronouns, index)
    if not targets and not trigger.nominal and not trigger.statement:
        targets = first_actor(_complement_subject(token), index)
    if not targets and not trigger.nominal and not trigger.statement:
        targets = _in_verb_phrase(token, index, sources)
    targets = [t for t in targets if t not in sources]
    return sources, targets


def _anywhere_in(heads: Sequence[Token], index: MentionIndex) -> list[ActorMention]:
    """Last resort for a source: the first country-coded actor anywhere in the subject
    phrase ("a report released in the Rwandan capital alleged ...")."""
    for head in heads:
        for token in head.subtree:
            mention = index.at(token)
            if mention is not None and mention.country is not None:
                return [mention]
    return []


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


_Dyad = tuple[ActorMention | None, ActorMention | None, str, bool]


def _dyads(
    trigger: Trigger, sources: list[ActorMention], targets: list[ActorMention]
) -> list[_Dyad]:
    """Source-target-code triples (and whether mirrored), one per coordinated actor;
    reciprocal codes both ways."""
    code, reverse = trigger.code, trigger.reverse_code
    some_sources: list[ActorMention | None] = list(sources) or [None]
    some_targets: list[ActorMention | None] = list(targets) or [None]
    if reverse == "reversed":
        return [(t, s, code, False) for s in some_sources for t in some_targets]
    mutual = code[:2] in MUTUAL_ROOTS and not targets  # "A, B and C met": each met the others
    if (reverse or mutual or trigger.compound) and len(sources) > 1:
        # "A and B discussed X": the two sides are the dyad, X is the topic
        return [(a, b, code, False) for a in sources for b in sources if a is not b]
    pairs: list[_Dyad] = []
    for source in some_sources:
        for target in some_targets:
            if source is not None and target is not None and same_actor(source, target):
                target = None  # "their countries", "its own forces": no dyad with itself
            if (source, target, code, False) in pairs:
                continue
            pairs.append((source, target, code, False))
            if reverse and source is not None and target is not None:
                pairs.append((target, source, reverse, True))
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
) -> list[_Draft]:
    drafts: list[_Draft] = []
    lexicon = coding.lexicon
    for trigger in find_triggers(sent, lexicon.verbs, coding.is_code, lexicon.nominals):
        if trigger.nominal and _governed_by_trigger(trigger.token, sent, coding):
            continue
        sources, targets = _arguments(trigger, index)
        if not sources and not targets:
            continue
        speaker, quoted = _speaker_for(trigger.token, para, quotes, memory, mentions)
        modality = modality_of(trigger.token, trigger.nominal, quoted or speaker is not None)
        for source, target, code, mirrored in _dyads(trigger, sources, targets):
            drafts.append(
                _Draft(trigger, sentence, source, target, code, modality, speaker, para.offset,
                       mirrored=mirrored)
            )
        if sources and is_deontic(trigger.token) and (quoted or speaker is not None):
            drafts.extend(_demands(trigger, sentence, para, sources, speaker, index, mentions))
    drafts = [_as_intent(d) for d in _speech_acts(drafts, index) + _refusals(drafts)]
    derived = _accusations(drafts, mentions)
    verbs = {d.trigger.token.i for d in derived}
    drafts = [d for d in drafts if d.rule_note or d.trigger.token.i not in verbs] + derived
    return _drop_subsumed(_unique(_drop_background(_drop_bare_statements(drafts))))


def _drop_subsumed(drafts: list[_Draft]) -> list[_Draft]:
    """ "Four were killed in Israeli tank shelling": when one sentence tells the same
    kind of act against the same target twice, once with its author and once without,
    the authorless telling adds nothing."""
    known = {
        (d.code[:2], d.target.code)
        for d in drafts
        if d.source is not None and d.target is not None and _counted(d.modality)
    }
    return [
        d for d in drafts
        if d.source is not None or d.target is None or (d.code[:2], d.target.code) not in known
    ]


def _counted(modality: Modality) -> bool:
    return not (modality.negated or modality.hypothetical)


def _unique(drafts: list[_Draft]) -> list[_Draft]:
    """One event per dyad, code and trigger: coordinated clauses can repeat one."""
    seen: set[tuple[str, str, str, int]] = set()
    kept: list[_Draft] = []
    for draft in drafts:
        key = (
            draft.source.code if draft.source else "-",
            draft.target.code if draft.target else "-",
            draft.code,
            draft.trigger.token.i,
        )
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


ACCUSING_VERBS = frozenset({"claim", "allege", "accuse", "charge"})
CONFLICT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


def _accusations(drafts: list[_Draft], mentions: Sequence[ActorMention]) -> list[_Draft]:
    """ "Israel said a mortar was fired at it from Gaza": an actor that reports force
    used by another actor accuses it (CAMEO 112), as PETRARCH and CAMEO code it."""
    found: list[_Draft] = []
    for draft in drafts:
        if draft.code[:2] not in CONFLICT_ROOTS or draft.source is None or draft.rule_note:
            continue
        verb = reporting_verb(draft.trigger.token)
        if verb is None or verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        accuser = _mention_in(speaker_from_verb(verb, draft.offset), mentions)
        if accuser is None or accuser.country is None:
            continue
        if accuser.code == draft.source.code:
            if verb.lemma_.lower() == "claim":  # "X claimed it had attacked": X claims it
                found.append(_claim(draft, verb))
            continue
        victim = draft.target is not None and draft.target.country == accuser.country
        if verb.lemma_.lower() not in ACCUSING_VERBS and not victim:
            continue  # "X said Y attacked Z" reports; X accuses when X claims it or was hit
        note = f"accusation: {verb.text!r} reports {draft.trigger.token.text!r} [{draft.code}]"
        trigger = replace(draft.trigger, token=verb, words=(verb,), evidence=draft.trigger.words)
        found.append(replace(draft, trigger=trigger, source=accuser, target=draft.source,
                             code="112", modality=Modality(), rule_note=note))
    return found


def _claim(draft: _Draft, verb: Token) -> _Draft:
    """An actor claiming its own use of force claims responsibility (CAMEO 015)."""
    note = f"claim: {verb.text!r} of its own {draft.trigger.token.text!r} [{draft.code}]"
    trigger = replace(draft.trigger, token=verb, words=(verb,), evidence=draft.trigger.words)
    return replace(draft, trigger=trigger, code="015", modality=Modality(), rule_note=note)


def _as_intent(draft: _Draft) -> _Draft:
    """ "Turkey will allow refugees to return": what an actor says it will do is, as
    an event, its expressed intent (CAMEO 03) or threat (13); the act itself has not
    happened yet."""
    if not draft.modality.future or draft.modality.hypothetical or draft.rule_note:
        return draft
    if draft.code[:2] not in INTENT_ROOTS:
        return draft
    code = intent_code(draft.code)
    if code is None or code == draft.code:
        return draft
    note = f"intent: will {draft.trigger.token.text!r} [{draft.code}]"
    return replace(draft, code=code, rule_note=note)


def _refusals(drafts: list[_Draft]) -> list[_Draft]:
    """ "X will not accept refugees" is X rejecting them: a negated cooperative act
    of a source is coded as the source's rejection (CAMEO root 12)."""
    found: list[_Draft] = []
    for draft in drafts:
        modality = draft.modality
        code = refusal_code(draft.code) if modality.negated else None
        if code is None or draft.source is None or draft.rule_note:
            continue
        note = f"refusal: not {draft.trigger.token.text!r} [{draft.code}]"
        counted = Modality(reported=modality.reported, future=modality.future)
        found.append(replace(draft, code=code, modality=counted, rule_note=note))
    return found


def _in_background(token: Token) -> bool:
    """Whether a trigger sits in a relative or participial clause that describes a
    participant ("rebels who overran it", "a body linked to ...")."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def _drop_background(drafts: list[_Draft]) -> list[_Draft]:
    """Background clauses are coded only when the sentence has no event of its own."""
    main = [d for d in drafts if not _in_background(d.trigger.token)]
    return main if main else drafts


def _speech_act(draft: _Draft, head: Token, index: MentionIndex) -> list[_Draft]:
    """The intent or appeal that a verb with an open complement expresses."""
    lemma = head.lemma_.lower()
    # "wants Putin to attack" may be parsed with Putin as the infinitive's subject
    has_object = any(c.dep_ == "dobj" for c in head.children) or (
        draft.trigger.token.dep_ == "ccomp"
    )
    pairs: list[tuple[ActorMention | None, ActorMention | None]]
    if draft.mirrored:
        return []  # the reverse reading of a reciprocal act ("host" of "visit") asks nothing
    askers = actors_of(subjects(head), index)
    if lemma in INVITE_HEADS and has_object and draft.source is not None:
        # an invitation is the inviter's intent to receive: CAMEO 036, not an appeal
        code, kind = intent_code(draft.code), "invitation"
        pairs = [(asker, draft.source) for asker in askers]
    elif lemma in APPEAL_HEADS and has_object and draft.source is not None:
        code, kind = appeal_code(draft.code), "appeal"
        pairs = [(asker, draft.source) for asker in askers]
    elif lemma in INTENT_HEADS and not has_object:
        if askers and draft.source not in askers:
            return []  # the reverse reading of a paired code is not the subject's intent
        code, kind = intent_code(draft.code), "intent"
        pairs = [(draft.source, draft.target)]
    else:
        return []
    if code is None:
        return []
    trigger = replace(
        draft.trigger, token=head, words=(head,),
        evidence=draft.trigger.words + draft.trigger.evidence, specificity=12,
    )
    note = f"{kind}: {head.text!r} + {draft.trigger.token.text!r} [{draft.code}]"
    modality = modality_of(head, False, draft.modality.reported)
    return [
        replace(draft, trigger=trigger, source=s, target=t, code=code, modality=modality,
                rule_note=note)
        for s, t in pairs
        if s is not None and s != t
    ]


def _speech_acts(drafts: list[_Draft], index: MentionIndex) -> list[_Draft]:
    """Add intents and appeals; they replace the generic coding of their own verb."""
    acts: list[_Draft] = []
    for draft in drafts:
        head = governing_head(draft.trigger.token)
        if head is not None and not draft.rule_note:
            acts.extend(a for a in _speech_act(draft, head, index) if a not in acts)
    heads = {a.trigger.token.i for a in acts}
    return [d for d in drafts if d.trigger.token.i not in heads] + acts


def _mention_in(speaker: Speaker | None, mentions: Sequence[ActorMention]) -> ActorMention | None:
    if speaker is None:
        return None
    for mention in mentions:
        if speaker.span[0] <= mention.span[0] and mention.span[1] <= speaker.span[1]:
            return mention
    return None


def _last_reporter(token: Token, index: MentionIndex) -> ActorMention | None:
    """The actor of the latest reporting verb before ``token`` in its paragraph."""
    found: ActorMention | None = None
    for other in token.doc[: token.i]:
        if other.lemma_.lower() in REPORTING_VERBS:
            subjects = [c for c in other.children if c.dep_ == "nsubj"]
            mentions = actors_of(subjects, index)
            found = mentions[0] if mentions else found
    return found


def _demands(
    trigger: Trigger, sentence: Sentence, para: ParsedParagraph,
    obliged: list[ActorMention], speaker: Speaker | None, index: MentionIndex,
    mentions: Sequence[ActorMention],
) -> list[_Draft]:
    """The speaker's demand that the obliged actors do what the trigger says."""
    demander = _mention_in(speaker, mentions) or _last_reporter(trigger.token, index)
    if demander is None:
        return []
    code = demand_code(trigger.code, trigger.token.lemma_.lower())
    note = f"deontic demand: {trigger.token.text!r} is what the target must do"
    modality = Modality(reported=True)
    return [
        _Draft(trigger, sentence, demander, target, code, modality, speaker, para.offset, note)
        for target in obliged
        if target != demander
    ]


def _governed_by_trigger(noun: Token, sent: SpacySpan, coding: Coding) -> bool:
    """An event noun that is the object of a coded verb is part of that verb's event."""
    head = noun.head
    if noun.dep_ == "pobj":
        head = head.head
    return head.pos_ == "VERB" and bool(coding.lexicon.verbs.lookup(head.lemma_.lower())) and (
        head.lemma_.lower() not in REPORTING_VERBS
    )


def _drop_bare_statements(drafts: list[_Draft]) -> list[_Draft]:
    """A bare statement (root 01) is coded only when nothing more specific applies."""
    specific = [d for d in drafts if not d.code.startswith("01") and d.modality.counted]
    if not specific:
        return drafts
    return [d for d in drafts if not d.code.startswith("01") or d.rule_note]


def _paragraph_drafts(
    para: ParsedParagraph, parsed: ParsedArticle, mentions: Sequence[ActorMention],
    coding: Coding, memory: _SpeakerMemory,
) -> list[_Draft]:
    doc = para.doc
    start = para.offset
    end = start + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
    local = [m for m in mentions if start <= m.span[0] and m.span[1] <= end]
    index = MentionIndex.build(local, para.offset)
    quotes = [
        replace(q, speaker=memory.resolve(q.speaker)) for q in find_quotes(para.doc, para.offset)
    ]
    memory.observe(para.doc, para.offset, quotes)
    drafts: list[_Draft] = []
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


def _evidence(draft: _Draft) -> Evidence:
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


def _to_event(draft: _Draft, doc_id: str, parsed: ParsedArticle, coding: Coding) -> Event:
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
    )


def code_events(
    parsed: ParsedArticle, mentions: Sequence[ActorMention], coding: Coding
) -> tuple[Event, ...]:
    """All events of an article, most salient first, with ids in that order."""
    if coding.lexicon.discards.story_discard(parsed.article.text):
        return ()  # PETRARCH's story discard: the whole article is out of scope
    memory = _SpeakerMemory()
    drafts: list[_Draft] = []
    for para in parsed.paragraphs:
        drafts.extend(_paragraph_drafts(para, parsed, mentions, coding, memory))
    events = [_to_event(d, parsed.article.id, parsed, coding) for d in drafts]
    return tuple(
        replace(event, event_id=f"{parsed.article.id}-{n}")
        for n, event in enumerate(order_events(events), start=1)
    )

