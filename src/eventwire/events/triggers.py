"""Finding event triggers (verbs, and event nouns) and choosing their CAMEO code.

A verb is looked up in the verb dictionary by lemma; every block that lists it is
tried, and within a block the most specific matching pattern decides the code.
Without a pattern the synonym's own code applies, then the block's default.  About
half of PETRARCH's blocks have no default (``[---]``): a verb of such a block is an
event only when one of its patterns matches (or when the project's supplement gives
the synonym a code), because those blocks gather verbs whose meaning depends on
their object ("set fire" is not "set a deadline").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.events.acts import (
    claims_about_itself,
    evidential_passive,
    has_infinitive,
    is_infinitive,
    is_subjunctive,
)
from eventwire.events.arguments import conjuncts, subjects
from eventwire.events.documents import DOCUMENT_NOUNS, PUBLISHING_VERBS
from eventwire.events.giving_back import thing_given_back
from eventwire.events.modality import REPORTING_VERBS
from eventwire.events.patterns import (
    Clause,
    PatternMatch,
    best_pattern,
    clause_tokens,
    time_phrase,
)
from eventwire.lexicon.verbs import VerbBlock, VerbDictionary, VerbForm

PARTICLE_DEPS = frozenset({"prt", "prep", "dobj", "advmod", "compound:prt"})
SPEECH_VERBS = frozenset(
    {"say", "add", "note", "stress", "state", "tell", "emphasize", "emphasise", "highlight",
     "explain", "report", "write", "remark", "comment", "mention", "observe", "reiterate",
     "continue", "insist", "point", "underline", "underscore", "recall"}
)  # fmt: skip
"""Verbs that, introducing speech, state nothing but that something was said."""
SPEECH_CODE = "010"
MODAL_VERBS = frozenset({"need", "have", "ought", "use", "get", "be", "seem", "appear"})
"""Verbs that, with an infinitive, only qualify another verb ("needed to withdraw")."""


@dataclass(frozen=True)
class Trigger:
    """A word that carries an event, with the code it gets and why."""

    token: Token
    words: tuple[Token, ...]
    code: str
    reverse_code: str | None
    rule: str
    evidence: tuple[Token, ...]
    specificity: int
    nominal: bool = False
    compound: bool = False
    """Coded by a compound (``%``) pattern: the event runs between the subject's actors."""
    spelled: bool = False
    """Found under the word's own spelling, not its lemma (see :func:`own_spelling`)."""
    speech: bool = False
    """A speech verb introducing what was said: the words said name no target."""

    @property
    def statement(self) -> bool:
        """Whether the trigger only tells that something was said (or is a statement)."""
        return self.speech or self.code.startswith(SPEECH_CODE[:2])


@dataclass(frozen=True)
class _Choice:
    block: VerbBlock
    form: VerbForm
    words: tuple[Token, ...]
    match: PatternMatch | None


def _form_words(token: Token, form: VerbForm) -> tuple[Token, ...] | None:
    """The trigger's tokens for a (possibly multi-word) verb form, or None.

    Words after the verb are its particles or objects ("carry out"); words before it
    ("wire" of ``WIRE_+TAP``) must stand right before it, whatever the parse made of
    them, as they do in the dictionary's phrase."""
    if len(form.words) == 1:
        return (token,)
    found = [token]
    leading = form.words[: form.verb_at]
    start = token.i - len(leading)
    if start < token.sent.start:
        return None
    for offset, word in enumerate(leading):
        if token.doc[start + offset].lower_ != word:
            return None
        found.append(token.doc[start + offset])
    for word in form.words[form.verb_at + 1 :]:
        child = next(
            (c for c in _particle_places(token)
             if c.lower_ == word and c.dep_ in PLACE_DEPS and not time_phrase(c)),
            None,
        ) or _adjacent_complement(found[-1], word)  # "Trump on Tuesday called X": no "call on"
        if child is None:
            return None
        found.append(child)
    return tuple(found)


PLACE_DEPS = PARTICLE_DEPS | {"mark"}


def _adjacent_complement(previous: Token, word: str) -> Token | None:
    """The adjective (or verb) ``word`` right after ``previous``, whatever the parse made
    of it: in "let free 20 activists" the parser hangs "free" on the activists as their
    modifier, or makes it a clause of its own, but it completes the verb as "free" of
    ``SET_FREE`` does; a preposition or particle must still be the verb's child."""
    doc = previous.doc
    if previous.i + 1 >= previous.sent.end:
        return None
    after = doc[previous.i + 1]
    if after.lower_ == word and after.pos_ in ("ADJ", "VERB"):
        return after
    return None


def _particle_places(verb: Token) -> Iterator[Token]:
    """The verb's right children, what the parser hung on a date after it, and the
    word that opens a clause after it: in "called on Friday for Britain to stay" the
    "for" of "call for" opens the clause "Britain to stay"."""
    for child in verb.rights:
        if child.dep_ != "mark":
            yield child
        if time_phrase(child):
            for date in child.children:
                yield from (c for c in date.rights if c.dep_ == "prep")
        if child.dep_ in ("advcl", "ccomp") and is_infinitive(child):
            yield from (c for c in child.children if c.dep_ == "mark" and c.i < child.i)


def base_forms(word: str) -> list[str]:
    """Regular base forms a verb form may come from ("staged" → "stage", "stopped" →
    "stop"): a safety net for lemmatizer errors ("staged" → "stag")."""
    forms = [word]
    for suffix, replacements in (("ied", ("y",)), ("ies", ("y",)), ("ing", ("", "e")),
                                 ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.extend(stem + r for r in replacements)
            if suffix in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "stopped" → "stop"; "married" is not "mar"
            break
    return forms


def own_spelling(token: Token, verbs: VerbDictionary, lemma: str) -> bool:
    """Whether the dictionary has an entry for the word as spelt, apart from its lemma.

    PETRARCH looks verbs up by their spelling: a block ``LEFT [032:033]`` beside
    ``LEAVE [012]`` (which does not list "left") is the author's reading of "left",
    and ``SAID [023]`` codes "said" whatever the lemma's block would do.
    """
    spelling = token.lower_
    if spelling == lemma:
        return False
    own = [entry for entry in verbs.lookup(spelling) if entry[1].words == (spelling,)]
    return bool(own) and not set(verbs.lookup(lemma)) & set(verbs.lookup(spelling))


def _candidates(token: Token, verbs: VerbDictionary, lemma: str) -> Iterator[_Choice]:
    seen: set[tuple[str, int, int]] = set()
    keys = [lemma, token.lower_]
    if own_spelling(token, verbs, lemma):
        keys = [token.lower_]
    elif token.pos_ in ("VERB", "AUX") and not any(verbs.lookup(k) for k in keys):
        keys = base_forms(token.lower_)
    for key in keys:
        for block, form in verbs.lookup(key):
            ident = (form.origin, block.line, form.line)
            if ident in seen:
                continue
            seen.add(ident)
            words = _form_words(token, form)
            if words is not None:
                yield _Choice(block, form, words, None)


def _rule(choice: _Choice, code: str, how: str) -> str:
    """Where the code came from: file, line, block and the pattern as written."""
    if choice.match is not None:
        pattern = choice.match.pattern
        head = choice.block.head.upper()
        return f"{pattern.origin}:{pattern.line} {head} {pattern.text} [{code}]"
    form = choice.form
    return f"{form.origin}:{form.line} {choice.block.head.upper()} {how} [{code}]"


def _decide(choice: _Choice, valid: Callable[[str], bool], nominal: bool) -> Trigger | None:
    """The code of one dictionary reading of the trigger, or None for 'no event'."""
    match = choice.match
    if match is not None:
        code, reverse = match.pattern.code, match.pattern.reverse_code
        if code is None and reverse is None:
            return None
        if code is not None and not match.pattern.holds_for(choice.form):
            reverse = None  # both sides battle with weapons; a missile strikes one way
        how, specificity = "pattern", 10 + match.score
        evidence = match.tokens
    elif choice.form.code is not None:
        code, _, reverse_text = choice.form.code.partition(":")
        reverse = reverse_text or None
        how, specificity, evidence = "verb", 5, ()
    elif choice.block.default_code is not None or choice.block.default_reverse_code is not None:
        code, reverse = choice.block.default_code, choice.block.default_reverse_code
        how, specificity, evidence = "block default", 1, ()
    else:
        return None
    if code is not None and not valid(code):
        return None
    if reverse is not None and not valid(reverse):
        reverse = None
    if code is None:
        return None if reverse is None else _reverse_only(choice, reverse, evidence)
    rule = _rule(choice, code, how)
    compound = match is not None and match.pattern.compound
    return Trigger(
        choice.words[0], choice.words, code, reverse, rule, evidence, specificity, nominal,
        compound,
    )


def _reverse_only(choice: _Choice, reverse: str, evidence: tuple[Token, ...]) -> Trigger:
    """A ``[:code]`` pattern: the event runs from the target to the source."""
    rule = _rule(choice, ":" + reverse, "pattern")
    return Trigger(choice.words[0], choice.words, reverse, "reversed", rule, evidence, 10)


def code_trigger(
    token: Token,
    verbs: VerbDictionary,
    valid: Callable[[str], bool],
    lemma: str | None = None,
    nominal: bool = False,
) -> Trigger | None:
    """The best reading of ``token`` as an event, or None when it is no event."""
    best: Trigger | None = None
    choices = list(_candidates(token, verbs, lemma or token.lemma_.lower()))
    if not choices:
        return None  # most verbs are in no block: no need to read their clause
    lemma_of = token.lemma_.lower()
    complement = lemma_of not in REPORTING_VERBS and lemma_of not in SPEECH_VERBS
    before_tokens, after_tokens = clause_tokens(token, complement=complement)
    before = Clause.of(before_tokens, trigger=token)
    after = Clause.of(after_tokens, token if nominal else None, token)
    compound = not nominal and compound_subject(token)
    best_own = False
    for choice in choices:
        patterns = choice.block.patterns_for(before.vocabulary, after.vocabulary)
        match = best_pattern(patterns, before, after, compound, token, choice.form)
        choice = _Choice(choice.block, choice.form, choice.words, match)
        trigger = _decide(choice, valid, nominal)
        if trigger is None:
            continue
        bonus = len(choice.words) - 1
        own = match is None or match.pattern.holds_for(choice.form)
        score = trigger.specificity + bonus
        if best is None or score > best.specificity or (
            score == best.specificity and own and not best_own
        ):  # "ending a trip": CANCEL's "* TRIP" was written for "call off"
            best, best_own = trigger, own
    return best


def compound_subject(verb: Token) -> bool:
    """Whether the verb's subject coordinates phrases ("Gondor and Osgiliath agree")."""
    return any(len(conjuncts(head)) > 1 for head in subjects(verb))


def find_triggers(
    sentence: Span,
    verbs: VerbDictionary,
    valid: Callable[[str], bool],
    nominals: Mapping[str, str],
) -> list[Trigger]:
    """Every verb and event noun of the sentence that the dictionaries code."""
    triggers: list[Trigger] = []
    for token in sentence:
        if _noun_tagged_as_verb(token):
            noun = token.lemma_.lower()
            if noun not in nominals:
                continue
            trigger = code_trigger(token, verbs, valid, lemma=nominals[noun], nominal=True)
        elif token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
            if _is_modal_use(token) or token.dep_ == "prep":  # "according to", "following"
                continue
            if evidential_passive(token):  # "is said to have attacked": no saying coded
                continue
            trigger = code_trigger(token, verbs, valid) or _given_back(token, verbs, valid)
            if trigger is not None and own_spelling(token, verbs, token.lemma_.lower()):
                trigger = replace(trigger, spelled=True)
            if trigger is not None:
                trigger = _as_speech(_as_naming(_as_issuing(_as_self_claim(trigger))))
                trigger = _as_caution(_as_forecast(trigger))
        elif _verb_tagged_as_noun(token):
            lemma = next((f for f in base_forms(token.lower_) if verbs.lookup(f)), token.lower_)
            trigger = code_trigger(token, verbs, valid, lemma=lemma)
        elif _stance_adjective(token):
            trigger = code_trigger(token, verbs, valid)
            trigger = trigger if trigger is not None and trigger.statement else None
        elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in nominals:
            verb = nominals[token.lemma_.lower()]
            trigger = code_trigger(token, verbs, valid, lemma=verb, nominal=True)
        else:
            continue
        if trigger is not None:
            triggers.append(trigger)
    return triggers


RETURN_PROPERTY = "0842"


def _given_back(
    token: Token, verbs: VerbDictionary, valid: Callable[[str], bool]
) -> Trigger | None:
    """ "ICE returned the wild monkeys to Congo": returning property (0842), which the
    dictionary codes only for the things it names (see :mod:`giving_back`).  The rule
    names the verb's dictionary line, which gives no code, and then why."""
    thing = thing_given_back(token)
    entries = verbs.lookup(token.lemma_.lower())
    if thing is None or not entries or not valid(RETURN_PROPERTY):
        return None
    block, form = entries[0]
    note = f"giving back: {token.text!r} + {thing.text!r} [{RETURN_PROPERTY}]"
    rule = f"{form.origin}:{form.line} {block.head.upper()} verb [---]; {note}"
    return Trigger(token, (token,), RETURN_PROPERTY, None, rule, (thing,), 5)


COPULAS = frozenset({"be", "remain", "seem", "appear", "sound", "feel", "become", "grow"})


def _stance_adjective(token: Token) -> bool:
    """ "The agency said it is sceptical of the targets": an adjective after a verb of
    being says how its subject views a matter.  The dictionary codes a few such views
    as comments (CAMEO 012, 013); other adjectives it lists as verbs ("open", "free")
    are no statement, so only a statement reading is kept."""
    return token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_.lower() in COPULAS


def _verb_tagged_as_noun(token: Token) -> bool:
    """ "EU and UN hand over supplies": the tagger's noun that heads the sentence with a
    subject and a verb particle is used as a verb, and is coded as one.  An object
    alone is no proof ("WTO head X ... issued", "Putin may ABANDON siege")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "ROOT":
        return False
    deps = {child.dep_ for child in token.children}
    return "nsubj" in deps and "prt" in deps


NOUN_ROLES = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "compound"})


def _noun_tagged_as_verb(token: Token) -> bool:
    """ "ending its fisheries dispute with Norway": a present-tense verb the parser
    itself hangs as an object or subject, with no subject or auxiliary of its own, is
    a noun the tagger took for a verb; it is coded as an event noun or not at all."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBP", "VBZ") or token.dep_ not in NOUN_ROLES:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)


def _is_modal_use(token: Token) -> bool:
    """ "needed to withdraw": the event is the withdrawal, not the need."""
    return token.lemma_.lower() in MODAL_VERBS and has_infinitive(token)


def _as_statement(trigger: Trigger, why: str) -> Trigger:
    """The trigger read as a bare statement (010), its rule saying why."""
    if trigger.code == SPEECH_CODE:
        return trigger
    rule = f"{trigger.rule}; {why} codes a statement"
    return replace(trigger, code=SPEECH_CODE, reverse_code=None, rule=rule)


def _as_self_claim(trigger: Trigger) -> Trigger:
    """ "A group claims to be making chemical weapons": a claim about oneself (an open
    complement) accuses no one, as ALLEGE's default (110) would have it; it is a
    statement, which gives way to a claim of responsibility for force (015)."""
    token = trigger.token
    if trigger.specificity >= 10 or not claims_about_itself(token):
        return trigger
    if not any(c.dep_ == "xcomp" for c in token.children):
        return trigger
    return _as_statement(trigger, "a claim about oneself")


def _as_issuing(trigger: Trigger) -> Trigger:
    """ "The PKK issued a declaration demanding ...": issuing a document is saying what
    it says, a statement (which gives way to what the document does), not the issuing
    verb's generic reading (GRANT's default, 060, cooperation); a pattern's stands."""
    token = trigger.token
    if token.lemma_.lower() not in PUBLISHING_VERBS or trigger.specificity >= 10:
        return trigger
    documents = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
    document = next((d for d in documents if d in DOCUMENT_NOUNS), None)
    return trigger if document is None else _as_statement(trigger, f"issuing a {document}")


NAMING_VERBS = frozenset({"call"})
"""Verbs of naming whose own reading is something else; "branded him a traitor" keeps
the dictionary's reading of branding (a criticism)."""


def _as_naming(trigger: Trigger) -> Trigger:
    """ "Yellen called the downgrade arbitrary": a verb of naming with a predicate after
    its object says what the speaker thinks of it, a statement, whatever the verb's
    own reading (for "call", a telephone call); a pattern's reading stands."""
    token = trigger.token
    if token.lemma_.lower() not in NAMING_VERBS or trigger.specificity >= 10:
        return trigger
    named = any(c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ") for c in token.children)
    if not named or has_infinitive(token):
        return trigger  # "called Russian Foreign Minister Sergey Lavrov to discuss": a call
    return _as_statement(trigger, f"naming use of {token.lemma_.lower()!r}")


FORECAST_VERBS = frozenset({"expect", "anticipate"})
"""Verbs the dictionary reads as an intent ("expects to sign", EXPECT [030]) that
only forecast when a clause follows ("expects that pupils will return")."""


def _as_forecast(trigger: Trigger) -> Trigger:
    """ "The Welsh Government said it expects that most pupils will have the chance to
    go back": expecting that something will happen says what one thinks will happen,
    a statement, not an intent to cooperate; a pattern's reading stands."""
    token = trigger.token
    if token.lemma_.lower() not in FORECAST_VERBS or trigger.specificity >= 10:
        return trigger
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None or is_infinitive(clause):
        return trigger
    return _as_statement(trigger, f"forecast use of {token.lemma_.lower()!r}")


CAUTION_VERBS = frozenset({"warn", "caution"})
"""Verbs the dictionary reads as a threat (WARN [130]) that only tell how things stand
when the clause after them says what is or was."""
OUTLOOK_AUXILIARIES = frozenset({"will", "would", "could", "might", "may", "shall", "can", "wo"})


def _as_caution(trigger: Trigger) -> Trigger:
    """ "Officials cautioned that no deadline had been set": a warning whose clause
    tells what is or was, with no act to come ("warned that it would retaliate") and
    nothing asked ("warned that troops must leave", "that they leave"), threatens no
    one and is a statement; a pattern's reading stands."""
    token = trigger.token
    if token.lemma_.lower() not in CAUTION_VERBS or trigger.specificity >= 10:
        return trigger
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or any(_looks_ahead(clause) for clause in clauses):
        return trigger
    return _as_statement(trigger, f"observation use of {token.lemma_.lower()!r}")


def _looks_ahead(clause: Token) -> bool:
    """Whether a warning's clause tells of something to come or asks for something; the
    parser may split one clause in two ("warned that attempts to ... would have
    consequences" has "attempts" and "have" both under "warned"), so each is asked."""
    if is_infinitive(clause) or is_subjunctive(clause) or clause.tag_ == "MD":
        return True
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxiliaries & (OUTLOOK_AUXILIARIES | {"must", "should"}))


def _as_speech(trigger: Trigger) -> Trigger:
    """A speech verb introducing what was said is a statement, whatever else it can mean
    ("she added that ..." is not "add" as in joining)."""
    token = trigger.token
    if token.lemma_.lower() not in SPEECH_VERBS or trigger.specificity >= 10:
        return trigger
    objects = {c.dep_ for c in token.children} & {"dobj", "dative"}
    clauses = [c for c in token.children if c.dep_ in ("ccomp", "parataxis")]
    if any(is_subjunctive(c) for c in clauses):
        return trigger  # "insisted that France withdraw": INSIST's demand, not a statement
    speech = bool(clauses) or not objects
    if not speech or trigger.code == SPEECH_CODE:
        return trigger
    if trigger.spelled:  # the dictionary codes this very word form ("SAID [023]")
        return replace(trigger, speech=True)
    return _as_statement(trigger, f"speech use of {token.lemma_.lower()!r}")
