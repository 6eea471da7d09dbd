"""Threats made by telling what another's act would bring on.

"She added that any further Russian invasion would have massive consequences" codes
no invasion (it is hypothetical), but it is a threat: the speaker warns Russia of what
would follow if it invaded, as CAMEO codes a warning of consequences (WARN *
CONSEQUENCES, 130) whatever the verb that tells it.  The dictionary can only see the
reporting verb ("added", a statement) and the act ("invasion"), so this rule joins
them: a speaker's report that an actor's act to come would have consequences, costs
or a price is the speaker's threat to that actor, in place of the bare statement.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventwire.events.drafts import Draft
from eventwire.events.speech import reporting_verb
from eventwire.model import Modality

CONSEQUENCE_VERBS = frozenset(
    {"have", "carry", "bring", "entail", "incur", "mean", "trigger", "draw", "cost"}
)  # fmt: skip
"""Verbs by which an act brings on what follows it."""
CONSEQUENCE_NOUNS = frozenset(
    {"consequence", "cost", "price", "repercussion", "response", "retaliation", "reprisal"}
)  # fmt: skip
OUTLOOK_AUXILIARIES = frozenset({"would", "will", "wo", "could"})
THREAT_CODE = "130"
STATEMENT_ROOT = "01"
THREAT_ROOT = "13"


def _consequence_verb(token: Token) -> Token | None:
    """The verb of consequence whose subject phrase holds ``token`` ("any further
    invasion would have massive consequences"), if its consequences are still to come."""
    node = token
    while node.dep_ in ("compound", "amod", "pobj", "prep", "conj", "appos"):
        node = node.head
    if node.dep_ != "nsubj":
        return None
    verb = node.head
    if verb.lemma_.lower() not in CONSEQUENCE_VERBS:
        return None
    if not {c.lower_ for c in verb.children if c.dep_ == "aux"} & OUTLOOK_AUXILIARIES:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return verb if any(o.lemma_.lower() in CONSEQUENCE_NOUNS for o in objects) else None


def _threat(act: Draft, verb: Token, report: Draft) -> Draft:
    words = (verb, *(c for c in verb.children if c.dep_ == "dobj"))
    trigger = replace(report.trigger, evidence=act.trigger.words + words, specificity=12)
    code = report.code if report.code[:2] == THREAT_ROOT else THREAT_CODE
    note = (f"warning of consequences: {report.trigger.token.text!r} reports "
            f"{act.trigger.token.text!r} {verb.text!r} [{code}]")
    modality = Modality(reported=report.modality.reported)
    return replace(report, trigger=trigger, target=act.source, code=code,
                   modality=modality, rule_note=note, mirrored=False, reciprocal=False)


def _same_code(report: Draft, act: Draft) -> bool:
    """Whether the reporter tells of its own act ("said its strike would have a cost")."""
    return report.source is not None and act.source is not None and (
        report.source.code == act.source.code)


def consequence_threats(drafts: list[Draft]) -> list[Draft]:
    """The threats that reports of consequences make, one per act and reporter.

    Only an act not done (hypothetical or ahead) counts, and only when the reporter's
    own reading is a statement or a threat with no one threatened, so that a verb
    whose dictionary reading says more ("denied that ...") keeps it."""
    reports = {d.trigger.token.i: d for d in drafts if d.source is not None
               and not d.rule_note and d.target is None
               and d.code[:2] in (STATEMENT_ROOT, THREAT_ROOT)}
    found: list[Draft] = []
    for act in drafts:
        if act.source is None or act.mirrored or not (
            act.modality.hypothetical or act.modality.future
        ):
            continue
        verb = _consequence_verb(act.trigger.token)
        teller = reporting_verb(verb) if verb is not None else None
        report = reports.get(teller.i) if teller is not None else None
        if verb is None or report is None or _same_code(report, act):
            continue
        threat = _threat(act, verb, report)
        if threat not in found:
            found.append(threat)
    return found
