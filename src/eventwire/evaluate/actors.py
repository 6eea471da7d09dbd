"""conflibert-actors: P/R/F1 of source and target spans by token-set Jaccard.

Tokens are the whitespace-separated tokens of the record text (the ConfliBERT texts
are already tokenised with spaces); a span's token set is the tokens whose character
ranges intersect it, so a span cutting a token in half still counts that token, and
an empty span has no tokens and matches nothing.  A predicted span matches a gold span
of its role, or a ``reciprocal`` gold span, when the Jaccard index of their token sets
is at least 0.5.

Predicted spans are the distinct (role, span) pairs of a record's counted events.
Matching is one-to-one across both roles (a maximum bipartite matching), so a gold
span, reciprocal ones included, is matched at most once.  Per role, a reciprocal gold
span matched by the other role is not a miss; one matched by neither role is a miss
in both (it was expected as either).  ``all spans`` counts every gold span once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eventwire.evaluate.gold import GoldRecord
from eventwire.evaluate.predictions import (
    Prediction,
    Span,
    actor_span,
    as_span,
    counted,
    describe_all,
    is_counted,
    text_field,
)
from eventwire.evaluate.report import ErrorCase, Report, prf

ROLES = ("source", "target")
THRESHOLD = 0.5


@dataclass(frozen=True)
class Item:
    """A gold or predicted actor span with its role and token set."""

    role: str
    span: Span
    tokens: frozenset[int]


def tokens(text: str) -> list[Span]:
    """The character ranges of the whitespace-separated tokens of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def token_set(span: Span, ranges: Sequence[Span]) -> frozenset[int]:
    """The indices of the tokens whose character ranges intersect ``span``."""
    return frozenset(i for i, (s, e) in enumerate(ranges) if s < span[1] and span[0] < e)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared tokens over all tokens; two empty sets share nothing, so 0.0."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def fits(pred: Item, gold: Item) -> bool:
    """Whether a predicted span may be matched with a gold span."""
    role_ok = gold.role in (pred.role, "reciprocal")
    return role_ok and jaccard(pred.tokens, gold.tokens) >= THRESHOLD


def gold_items(record: GoldRecord, ranges: Sequence[Span]) -> list[Item]:
    """The record's gold spans; every one is kept, even if two repeat a span."""
    spans = record.gold.get("actor_spans")
    items = []
    for raw in spans if isinstance(spans, list) else []:
        span, role = as_span(raw), text_field(raw, "role")
        if span is not None and role is not None:
            items.append(Item(role, span, token_set(span, ranges)))
    return items


def predicted_items(events: Sequence[Prediction], ranges: Sequence[Span]) -> list[Item]:
    """Distinct (role, span) of the actors of ``events``, in output order."""
    found: dict[tuple[str, Span], None] = {}
    for event in events:
        for role in ROLES:
            span = actor_span(event, role)
            if span is not None:
                found[(role, span)] = None
    return [Item(role, span, token_set(span, ranges)) for role, span in found]


def match(preds: Sequence[Item], golds: Sequence[Item]) -> dict[int, int]:
    """A maximum one-to-one matching, predicted index → gold index (Kuhn's algorithm)."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g, gold in enumerate(golds):
            if g in seen or not fits(preds[p], gold):
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def role_counts(role: str, preds: Sequence[Item], golds: Sequence[Item],
                matched: Mapping[int, int]) -> tuple[int, int, int]:
    """(tp, fp, fn) of one role under a joint matching."""
    tp = sum(1 for p, item in enumerate(preds) if item.role == role and p in matched)
    fp = sum(1 for item in preds if item.role == role) - tp
    hit = set(matched.values())
    fn = sum(1 for g, item in enumerate(golds)
             if g not in hit and item.role in (role, "reciprocal"))
    return tp, fp, fn


def _show(item: Item, text: str) -> str:
    return f"{item.role} '{text[item.span[0]:item.span[1]]}' [{item.span[0]}:{item.span[1]}]"


def _gold_cause(gold: Item, free: Sequence[Item], used: set[int], uncounted: Sequence[Item],
                any_counted: bool) -> str:
    """Why a gold span is unmatched; marks a free prediction that explains it in ``used``."""
    for i, pred in enumerate(free):
        if i not in used and jaccard(pred.tokens, gold.tokens) >= THRESHOLD:
            used.add(i)
            return "wrong direction"
    if any(fits(p, gold) for p in uncounted):
        return "modality"
    return "missed actor" if any_counted else "no event found"


def _errors(record: GoldRecord, events: Sequence[Prediction], preds: Sequence[Item],
            golds: Sequence[Item], matched: Mapping[int, int]) -> list[ErrorCase]:
    """One case per unmatched gold span, then one per unmatched prediction left over."""
    free = [p for i, p in enumerate(preds) if i not in matched]
    flagged = [e for e in events if not is_counted(e)]
    uncounted = predicted_items(flagged, tokens(record.text))
    shown, used = describe_all(events), set[int]()
    cases, hit = [], set(matched.values())
    for g, gold in enumerate(golds):
        if g not in hit:
            cause = _gold_cause(gold, free, used, uncounted, len(flagged) < len(events))
            cases.append(ErrorCase(record.id, record.text, cause, _show(gold, record.text), shown))
    expected = "; ".join(_show(g, record.text) for g in golds) or "(no actor)"
    for i, pred in enumerate(free):
        if i not in used:
            cases.append(ErrorCase(record.id, record.text, "wrong actor", expected,
                                   f"{_show(pred, record.text)}: {shown}"))
    return cases


def score_actors(records: Sequence[GoldRecord],
                 predictions: Mapping[str, Sequence[Prediction]]) -> Report:
    """Source, target and all-role span P/R/F1 over ``records``."""
    totals = {name: [0, 0, 0] for name in (*ROLES, "all")}
    errors: list[ErrorCase] = []
    for record in records:
        events = predictions.get(record.id, ())
        ranges = tokens(record.text)
        golds, preds = gold_items(record, ranges), predicted_items(counted(events), ranges)
        matched = match(preds, golds)
        for role in ROLES:
            for i, n in enumerate(role_counts(role, preds, golds, matched)):
                totals[role][i] += n
        for i, n in enumerate((len(matched), len(preds) - len(matched),
                               len(golds) - len(matched))):
            totals["all"][i] += n
        errors += _errors(record, events, preds, golds, matched)
    metrics = (prf("source spans", *totals["source"]), prf("target spans", *totals["target"]),
               prf("all spans", *totals["all"]))
    return Report("conflibert-actors", len(records), metrics, tuple(errors))
