"""Events read from what actors say they will do, ask, refuse or claim.

A verb with an open complement ("agreed to withdraw", "urged X to talk"), a future
or negated cooperative act, or a report of force used by another actor is coded by
what it is as an act of the speaker (an intent, appeal, rejection, accusation or
demand), from drafts the sentence's plain coding produced; so is sending people to
investigate, which is the investigation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.acts import (
    APPEAL_HEADS,
    INTENT_HEADS,
    INVITE_HEADS,
    PRESSURE_HEADS,
    THREAT_HEADS,
    appeal_code,
    claims_about_itself,
    demand_code,
    evidential_passive,
    governing_head,
    intent_code,
    is_infinitive,
    refusal_code,
    threat_code,
)
from eventwire.events.arguments import MentionIndex, actors_of, subjects
from eventwire.events.controllers import telephoned
from eventwire.events.drafts import Draft, mention_in
from eventwire.events.modality import REPORTING_VERBS, modality_of
from eventwire.events.speech import reporting_verb, speaker_from_verb
from eventwire.events.triggers import Trigger
from eventwire.model import ActorMention, Modality, Sentence, Speaker
from eventwire.parse import ParsedParagraph

INTENT_ROOTS = frozenset({"04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})


ACCUSING_VERBS = frozenset({"claim", "allege", "accuse", "charge"})


CONFLICT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})

STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI", "SPY"})
"""Organs of one state: a president who claims "our military is hitting them" speaks
for the side that acts, and accuses no one."""
REPORTING_ROLES = frozenset({"MED"})
"""Those who report acts of force as their trade: "state media reported that rebels
shelled the city" tells of the attack; the outlet accuses only when it was hit."""


def accusations(drafts: list[Draft], mentions: Sequence[ActorMention]) -> list[Draft]:
    """ "Israel said a mortar was fired at it from Gaza": an actor that reports force
    used by another actor accuses it (CAMEO 112), as PETRARCH and CAMEO code it."""
    found: list[Draft] = []
    for draft in drafts:
        if draft.code[:2] not in CONFLICT_ROOTS or draft.source is None or draft.rule_note:
            continue
        claimed = _claiming_verb(draft.trigger.token)
        if claimed is not None:  # the claimer is the one said to have acted
            found.append(_claim(draft, claimed))
            continue
        verb = reporting_verb(draft.trigger.token)
        if verb is None or verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        if _backgrounded(draft.trigger.token, verb):
            continue
        accuser = mention_in(speaker_from_verb(verb, draft.offset), mentions)
        if accuser is None:
            continue
        if _same_side(accuser, draft.source):
            if verb.lemma_.lower() == "claim":  # "X claimed it had attacked": X claims it
                found.append(_claim(draft, verb))
            continue
        if accuser.country is None or _reports_only(accuser, draft.target):
            continue
        victim = draft.target is not None and draft.target.country == accuser.country
        if verb.lemma_.lower() not in ACCUSING_VERBS and not victim:
            continue  # "X said Y attacked Z" reports; X accuses when X claims it or was hit
        note = f"accusation: {verb.text!r} reports {draft.trigger.token.text!r} [{draft.code}]"
        trigger = replace(draft.trigger, token=verb, words=(verb,), evidence=draft.trigger.words)
        found.append(replace(draft, trigger=trigger, source=accuser, target=draft.source,
                             code="112", modality=Modality(), rule_note=note))
    return found


BACKGROUND_MARKS = frozenset({"when", "after", "before", "since", "while", "as", "until"})
"""Marks of a time clause: "assets they lost when the dictator expelled them"."""


def _backgrounded(token: Token, verb: Token) -> bool:
    """Whether the act sits in a relative clause or a time clause of another predicate
    of the report ("X said it paid for assets they lost when Y expelled them"): that
    sets the scene of what X reports and is no claim of X's that Y acted."""
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "relcl":
            return True
        if node.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS for c in node.children
        ):
            return True
        node = node.head
    return False


def _claiming_verb(token: Token) -> Token | None:
    """ "Russia claimed to have shot down a jet": the verb of a claim about oneself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ != "xcomp" or not claims_about_itself(head):
        return None
    # "claimed to have been attacked by Y" tells of Y's act, not the claimer's
    return None if any(c.dep_ == "auxpass" for c in token.children) else head


def _same_side(speaker: ActorMention, actor: ActorMention) -> bool:
    """Whether the speaker is the actor: the same code, two organs of one state ("Trump
    claimed the US military is hitting ..."), or the same roles where one of the two
    mentions lacks the country ("Houthi rebels of Yemen claimed they ...")."""
    if speaker.code == actor.code:
        return True
    if speaker.country is not None and speaker.country == actor.country:
        return _state_organ(speaker) and _state_organ(actor)
    one_open = speaker.country is None or actor.country is None
    return one_open and bool(speaker.roles) and speaker.roles == actor.roles


def _state_organ(actor: ActorMention) -> bool:
    """A country's government, forces or officials, or the country itself."""
    return not actor.roles or actor.roles[0] in STATE_ROLES


def _reports_only(accuser: ActorMention, target: ActorMention | None) -> bool:
    """Whether the accuser is a news outlet telling of force used against others."""
    if not REPORTING_ROLES.intersection(accuser.roles):
        return False
    return target is None or not REPORTING_ROLES.intersection(target.roles)


def _claim(draft: Draft, verb: Token) -> Draft:
    """An actor claiming its own use of force claims responsibility (CAMEO 015)."""
    note = f"claim: {verb.text!r} of its own {draft.trigger.token.text!r} [{draft.code}]"
    trigger = replace(draft.trigger, token=verb, words=(verb,), evidence=draft.trigger.words)
    return replace(draft, trigger=trigger, code="015", modality=Modality(), rule_note=note)


SETTLED_ON = frozenset({"on", "upon", "over", "to"})
"""Prepositions of what two sides agree on: "agreed with Turkey on a ceasefire"."""


def as_accord(draft: Draft) -> Draft:
    """ "Kansas officials agree with the NCAA that ...": agreeing *with* someone, on no
    deed or matter settled between them, shares their view; CAMEO codes that 019
    (express accord), a statement, not an agreement to cooperate (030)."""
    token = draft.trigger.token
    if draft.code != "030" or token.lemma_.lower() != "agree" or draft.rule_note:
        return draft
    preps = {c.lower_ for c in token.rights if c.dep_ in ("prep", "dative")}
    if "with" not in preps or preps & SETTLED_ON:
        return draft
    if any(c.dep_ == "xcomp" for c in token.children):
        return draft  # "agreed with Turkey to open the border": an intent to act
    note = f"accord: {token.text!r} with another's view [030]"
    return replace(draft, code="019", rule_note=note)


def as_intent(draft: Draft) -> Draft:
    """ "Turkey will allow refugees to return": what an actor says it will do is, as
    an event, its expressed intent (CAMEO 03) or threat (13); the act itself has not
    happened yet."""
    if not draft.modality.future or draft.modality.hypothetical or draft.rule_note:
        return draft
    if draft.code[:2] not in INTENT_ROOTS or _announced_sanction(draft):
        return draft
    if draft.mirrored:  # "X will visit Y": X means to go; Y has neither said nor hosted
        note = f"other side of a future {draft.trigger.token.text!r} [{draft.code}]"
        return replace(draft, modality=replace(draft.modality, hypothetical=True), rule_note=note)
    code = intent_code(draft.code)
    if code is None or code == draft.code:
        return draft
    note = f"intent: will {draft.trigger.token.text!r} [{draft.code}]"
    return replace(draft, code=code, rule_note=note)


SANCTION_ROOT = "16"
ANNOUNCING_VERBS = frozenset({"announce", "declare"})


def _announced_sanction(draft: Draft) -> bool:
    """ "The United States announced it would prohibit all aid to the rebels": a cut in
    relations that its maker announces is a measure decided, coded as the sanction (16,
    flagged future), not a warning; "said it would cut aid" stays a threat (13), as
    warnings of a cut are."""
    verb = reporting_verb(draft.trigger.token)
    announced = verb is not None and verb.lemma_.lower() in ANNOUNCING_VERBS
    return announced and draft.code[:2] == SANCTION_ROOT


def refusals(drafts: list[Draft]) -> list[Draft]:
    """ "X will not accept refugees" is X rejecting them: a negated cooperative act
    of a source is coded as the source's rejection (CAMEO root 12)."""
    found: list[Draft] = []
    for draft in drafts:
        modality = draft.modality
        code = refusal_code(draft.code) if modality.negated else None
        if code is None or draft.source is None or draft.rule_note or draft.mirrored:
            continue  # "X will not visit Y": Y, the host, refuses nothing
        note = f"refusal: not {draft.trigger.token.text!r} [{draft.code}]"
        counted = Modality(reported=modality.reported, future=modality.future)
        found.append(replace(draft, code=code, modality=counted, rule_note=note))
    return found


def _speech_act(draft: Draft, head: Token, index: MentionIndex) -> list[Draft]:
    """The intent or appeal that a verb with an open complement expresses."""
    lemma = head.lemma_.lower()
    # "wants Putin to attack" may be parsed with Putin as the infinitive's subject
    has_object = any(c.dep_ == "dobj" for c in head.children) or (
        draft.trigger.token.dep_ == "ccomp"
    )
    pairs: list[tuple[ActorMention | None, ActorMention | None]]
    if draft.mirrored:
        return []  # the reverse reading of a reciprocal act ("host" of "visit") asks nothing
    if telephoned(head, draft.trigger.token):
        return []
    askers = actors_of(subjects(head), index)
    if lemma in INVITE_HEADS and has_object and draft.source is not None:
        # an invitation is the inviter's intent to receive: CAMEO 036, not an appeal
        code, kind = intent_code(draft.code), "invitation"
        pairs = [(asker, draft.source) for asker in askers]
    elif lemma in APPEAL_HEADS and has_object and draft.source is not None:
        code, kind = appeal_code(draft.code), "appeal"
        pairs = [(asker, draft.source) for asker in askers]
    elif lemma in PRESSURE_HEADS and has_object and draft.source is not None:
        demanded = draft.trigger.token.lemma_.lower()
        code, kind = demand_code(draft.code, demanded), "demand"
        pairs = [(asker, draft.source) for asker in askers]
    elif lemma in INTENT_HEADS and not has_object:
        if askers and draft.source not in askers:
            return []  # the reverse reading of a paired code is not the subject's intent
        if lemma in THREAT_HEADS:
            code, kind = threat_code(draft.code), "threat"
        else:
            code, kind = intent_code(draft.code), "intent"
        pairs = [(draft.source, draft.target)]
    else:
        return []
    if code is None:
        return []
    trigger, modality = _raised_to(draft, head)
    note = f"{kind}: {head.text!r} + {draft.trigger.token.text!r} [{draft.code}]"
    return [
        replace(draft, trigger=trigger, source=s, target=t, code=code, modality=modality,
                rule_note=note)
        for s, t in pairs
        if s is not None and s != t
    ]


def speech_acts(drafts: list[Draft], index: MentionIndex) -> list[Draft]:
    """Add intents and appeals; they replace the generic coding of their own verb."""
    acts: list[Draft] = []
    for draft in drafts:
        head = governing_head(draft.trigger.token)
        if head is not None and evidential_passive(head):
            continue  # "is expected to sign": others' expectation, nobody's intent
        if head is not None and not draft.rule_note:
            acts.extend(a for a in _speech_act(draft, head, index) if a not in acts)
    return _instead_of_their_verbs(drafts, acts)


def _raised_to(draft: Draft, head: Token) -> tuple[Trigger, Modality]:
    """The trigger and modality of an act that the verb ``head`` performs through the
    draft's clause ("agreed to withdraw", "sent experts to investigate"): the clause's
    words become its evidence, and the act is as real as the head verb is."""
    trigger = replace(
        draft.trigger, token=head, words=(head,),
        evidence=draft.trigger.words + draft.trigger.evidence, specificity=12,
    )
    return trigger, modality_of(head, False, draft.modality.reported)


def _instead_of_their_verbs(drafts: list[Draft], acts: list[Draft]) -> list[Draft]:
    """The drafts less the generic coding of each act's own verb, and the acts."""
    heads = {a.trigger.token.i for a in acts}
    return [d for d in drafts if d.trigger.token.i not in heads] + acts


ATTEMPT_HEADS = frozenset({"attempt", "try"})
ATTEMPT_ROOTS = frozenset({"18", "19", "20"})
"""Force: an attempt at it that was made is itself an event of force.  Coercion (17)
is left out: "tries to force the White House to act" uses no force."""
ATTEMPTED_CODES = {"186": "185"}
"""CAMEO codes an attempted assassination apart (185) from an assassination (186)."""


def attempts(drafts: list[Draft]) -> list[Draft]:
    """ "Militants attempted to assassinate the prime minister": an attempt at force
    that was made is an attack (ACLED and CAMEO count attempts), though its verb's
    complement reads as not yet done.  An attempt announced ("will try to storm") or
    denied stays uncounted, and so does an attempt at anything else ("tried to reach
    a deal" reached none)."""
    found: list[Draft] = []
    for draft in drafts:
        head = governing_head(draft.trigger.token) or _attempt_noun(draft.trigger.token)
        if head is None or head.lemma_.lower() not in ATTEMPT_HEADS or draft.rule_note:
            found.append(draft)
            continue
        verb = _attempt_verb(head)
        made = modality_of(verb, False, draft.modality.reported)
        if draft.code[:2] not in ATTEMPT_ROOTS or draft.mirrored or not _made(verb, made):
            found.append(draft)
            continue
        code = ATTEMPTED_CODES.get(draft.code, draft.code)
        note = f"attempt: {head.text!r} + {draft.trigger.token.text!r} [{draft.code}]"
        found.append(replace(draft, code=code, modality=made, rule_note=note))
    return found


def _attempt_noun(token: Token) -> Token | None:
    """The noun "attempt" whose infinitive ``token`` is ("an attempt to assassinate")."""
    if token.dep_ == "acl" and is_infinitive(token) and token.head.pos_ == "NOUN":
        return token.head
    return None


def _attempt_verb(head: Token) -> Token:
    """The verb that tells whether an attempt was made: the attempting verb itself, or
    for the noun the verb it is the subject or object of ("an attempt to kill him was
    foiled", "survived an attempt on his life"): a foiled attempt was still made."""
    if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return head.head
    return head


def _made(head: Token, modality: Modality) -> bool:
    """Whether the attempt was made: a finite verb or a participle with its auxiliary
    ("have tried", "are trying"), not a bare participle ("Attempting to harass his
    convoy, units shelled it"), which tells of an aim."""
    if modality.negated or modality.hypothetical or modality.future:
        return False
    if head.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") for c in head.children)


DECISION_HEADS = frozenset({"decide", "determine", "choose", "opt", "vote", "resolve"})
"""Verbs whose open complement is what was decided."""


def decisions(drafts: list[Draft]) -> list[Draft]:
    """ "The court decided to release the prisoners": the decision is the release,
    coded by the complement; the deciding verb's own generic reading (PETRARCH's
    DECIDE [030], an intent to cooperate) gives way, as it gives way to an intent."""
    heads = set()
    for draft in drafts:
        head = governing_head(draft.trigger.token)
        if head is not None and head.lemma_.lower() in DECISION_HEADS:
            heads.add(head.i)
    return [d for d in drafts if d.rule_note or d.trigger.token.i not in heads]


DISPATCH_HEADS = frozenset({"send", "dispatch", "despatch", "deploy"})
"""Verbs that send people somewhere to do something."""
INQUIRY_ROOT = "09"


def dispatches(drafts: list[Draft], index: MentionIndex) -> list[Draft]:
    """ "France sent experts to investigate the attacks": sending people to investigate
    starts the investigation (CAMEO 09), done by the sender.  The sending names no act
    of its own beyond it: PETRARCH's SEND * TEAM read it as an intent to meet (036),
    SEND * &MILITARY as military aid (062).  The sending's own reading gives way; the
    purpose clause keeps its reading as a purpose (not counted)."""
    found: list[Draft] = []
    for draft in drafts:
        head = _dispatching_verb(draft)
        if head is None:
            continue
        senders: list[ActorMention | None] = list(actors_of(subjects(head), index))
        senders = senders or [draft.source]
        trigger, modality = _raised_to(draft, head)
        note = f"dispatch: {head.text!r} + {draft.trigger.token.text!r} [{draft.code}]"
        found.extend(
            replace(draft, trigger=trigger, source=sender, modality=modality, rule_note=note)
            for sender in senders
            if sender is not None and sender != draft.target
        )
    return _instead_of_their_verbs(drafts, found)


DELIVERY_HEADS = frozenset(
    {"send", "dispatch", "despatch", "ship", "deliver", "airlift", "supply", "provide"}
)
"""Verbs that send or hand things to someone."""
AID_ROOT = "07"


def deliveries(drafts: list[Draft]) -> list[Draft]:
    """ "Norway sent equipment to help Kuwait": sending things to help an actor is the
    help (CAMEO 07, provide aid), given by the sender, and being willing to send them
    is an intent to help (03).  The dictionary codes a sending only for what it names
    (SEND * &WEAPON), so the sending of anything else had no code and the help was
    only its purpose; a sending with a reading of its own keeps it."""
    coded = {d.trigger.token.i for d in drafts}
    found: list[Draft] = []
    for draft in drafts:
        token, head = draft.trigger.token, draft.trigger.token.head
        if draft.code[:2] != AID_ROOT or draft.rule_note or draft.mirrored:
            continue
        if token.dep_ != "advcl" or head.i in coded or not is_infinitive(token):
            continue
        if head.lemma_.lower() not in DELIVERY_HEADS:
            continue
        if not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children):
            continue
        trigger, modality = _raised_to(draft, head)
        note = f"delivery: {head.text!r} + {token.text!r} [{draft.code}]"
        found.append(replace(draft, trigger=replace(trigger, rule=f"{trigger.rule}; {note}"),
                             modality=modality))
    return drafts + found


def _dispatching_verb(draft: Draft) -> Token | None:
    """The verb that sends someone to do the draft's investigation, if any."""
    token = draft.trigger.token
    if draft.code[:2] != INQUIRY_ROOT or draft.rule_note or draft.mirrored:
        return None
    head = token.head
    if token.dep_ != "advcl" or head.i == token.i or not is_infinitive(token):
        return None
    if head.lemma_.lower() not in DISPATCH_HEADS:
        return None
    sent = any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)
    return head if sent else None


def _last_reporter(token: Token, index: MentionIndex) -> ActorMention | None:
    """The actor of the latest reporting verb before ``token`` in its paragraph."""
    found: ActorMention | None = None
    for other in token.doc[: token.i]:
        if other.lemma_.lower() in REPORTING_VERBS:
            subjects = [c for c in other.children if c.dep_ == "nsubj"]
            mentions = actors_of(subjects, index)
            found = mentions[0] if mentions else found
    return found


def demands(
    trigger: Trigger, sentence: Sentence, para: ParsedParagraph,
    obliged: list[ActorMention], speaker: Speaker | None, index: MentionIndex,
    mentions: Sequence[ActorMention],
) -> list[Draft]:
    """The speaker's demand that the obliged actors do what the trigger says."""
    demander = mention_in(speaker, mentions) or _last_reporter(trigger.token, index)
    if demander is None:
        return []
    code = demand_code(trigger.code, trigger.token.lemma_.lower())
    note = f"deontic demand: {trigger.token.text!r} is what the target must do"
    modality = Modality(reported=True)
    return [
        Draft(trigger, sentence, demander, target, code, modality, speaker, para.offset, note)
        for target in obliged
        if target != demander
    ]
