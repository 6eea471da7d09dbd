"""Acts that are no political event although their words say so: games, nature, the
"fight" against problems, the sittings of one body, strife that grows ("tensions
escalated" is no cooperation) and efforts whose kind a pattern guesses though the
infinitive after them says it.

"Manchester United beat Liverpool 2-1" and "a storm killed three people in Texas" use
the verbs of assaults and killings, and both name places the actor dictionaries know.
"The government is fighting inflation" uses them for policy.  Event data that counts
these as violence between Britons, against Texans or by a government misleads everyone
who uses it, so such drafts are dropped before they become events.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.drafts import Draft

CONTEST_VERBS = frozenset({
    "beat", "defeat", "crush", "thrash", "rout", "hammer", "trounce", "edge", "down",
    "overcome", "dominate", "attack", "destroy", "demolish", "outclass", "sink", "stun",
    "upset", "overpower", "overwhelm", "batter", "maul", "humiliate", "dismantle",
})  # fmt: skip
"""Verbs that sports reports share with reports of force."""
SPORT_WORDS = frozenset({
    "goal", "goalkeeper", "striker", "midfielder", "wicket", "innings", "batsman",
    "bowler", "bowling", "marathon", "semi-final", "semifinal", "quarter-final",
    "quarterfinal", "league", "tournament", "championship", "cricket", "football",
    "soccer", "rugby", "tennis", "basketball", "baseball", "hockey", "golf", "medal",
    "runner", "sprinter", "athlete", "footballer", "cup", "title", "fixture", "score",
})  # fmt: skip
"""Words that only a sports report uses in the sense of a game."""
STATE_OR_ARMED = frozenset({"GOV", "MIL", "COP", "REB", "INS", "UAF", "SPY", "JUD", "ELI"})
"""Roles of state organs, leaders and armed groups: with one of them on either side a
contest verb is a political act whatever the context ("police beat fans after the
match")."""
NATURAL_CAUSES = frozenset({
    "storm", "flood", "flooding", "earthquake", "quake", "hurricane", "cyclone", "typhoon",
    "tornado", "landslide", "mudslide", "avalanche", "drought", "heatwave", "tsunami",
    "eruption", "lightning", "wildfire", "blizzard", "snowstorm", "rain", "rainfall",
    "disease", "virus", "pandemic", "epidemic", "outbreak", "illness", "accident",
    "crash", "collision", "derailment", "weather", "heat", "cold",
})  # fmt: skip
"""Causes of death and damage that no actor commits."""
PROBLEMS = frozenset({
    "inflation", "corruption", "poverty", "crime", "pandemic", "epidemic", "virus",
    "coronavirus", "covid", "covid-19", "disease", "hunger", "famine", "unemployment",
    "climate", "warming", "emissions", "pollution", "drought", "wildfire",
    "misinformation", "disinformation", "addiction", "obesity", "cancer", "malaria",
    "ebola", "hiv", "aids", "deficit", "recession", "illiteracy", "discrimination",
    "racism", "fraud", "outbreak", "flooding", "flood", "smuggling", "piracy",
})  # fmt: skip
"""Problems that governments "fight", "battle" or "combat" without force."""
FIGHTING_VERBS = frozenset({
    "fight", "battle", "combat", "tackle", "attack", "confront", "counter", "beat",
    "defeat", "kill", "eradicate", "eliminate", "crush", "destroy", "hit", "wage",
})  # fmt: skip
"""Verbs of force that policy borrows ("fight corruption"); committing a crime is no
borrowing."""
ACCIDENTS = frozenset({"crash", "collapse", "derail", "capsize", "sink", "overturn", "plunge"})
"""Verbs of accidents: "a passenger plane crashed, killing all 40 on board"."""
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})


SITTING_BODIES = frozenset({
    "cabinet", "council", "parliament", "assembly", "committee", "board", "congress",
    "senate", "commission", "politburo", "presidium", "legislature", "court", "bureau",
})  # fmt: skip
"""Bodies that meet as themselves: "the Cabinet met Sunday" is a sitting of its members."""
STRIFE_NOUNS = frozenset({
    "fighting", "fight", "war", "warfare", "hostility", "battle", "combat", "strife",
    "feud", "dispute", "conflict", "quarrel", "violence", "tension", "crisis", "clash",
    "row", "confrontation", "standoff", "rift", "rivalry",
})  # fmt: skip
"""What grows when "escalated", "deepened" or "intensified" have it as their subject."""
SESSION_VERBS = frozenset({"meet", "convene", "sit", "gather", "reconvene"})
PARTNER_PREPOSITIONS = frozenset({"with", "between", "among", "alongside"})


def out_of_scope(draft: Draft) -> bool:
    """Whether a draft tells of a game, of nature or of a body's own sitting, not of a
    political act."""
    if _effort_with_an_aim(draft):
        return True
    if draft.code[:2] == "04":
        return _sitting(draft)
    if draft.code[:2] == "06":
        return _growing_strife(draft.trigger.token)
    if draft.code[:2] not in VIOLENT_ROOTS:
        return False
    token = draft.trigger.token
    if _natural_cause(token) or _against_a_problem(token):
        return True
    return _contest(token) and not _armed_side(draft)


def _against_a_problem(token: Token) -> bool:
    """ "The government is fighting inflation": force against a problem, not a party."""
    if token.lemma_.lower() not in FIGHTING_VERBS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                for o in c.children if o.dep_ == "pobj"]
    return bool(objects) and all(_problem(o) for o in objects)


def _problem(noun: Token) -> bool:
    if noun.lemma_.lower() in PROBLEMS or noun.lower_ in PROBLEMS:
        return True
    return noun.lower_ == "change" and any(c.lower_ == "climate" for c in noun.children)


def _contest(token: Token) -> bool:
    """A contest verb in a sentence that reads as a sports report."""
    if token.lemma_.lower() not in CONTEST_VERBS:
        return False
    sentence = token.sent
    return _has_scoreline(sentence) or any(t.lemma_.lower() in SPORT_WORDS for t in sentence)


def _has_scoreline(sentence: Span) -> bool:
    """A result such as "2-1": a number, a hyphen and a number written together."""
    words = list(sentence)
    return any(
        a.like_num and b.text in ("-", "\u2013") and c.like_num
        and not a.whitespace_ and not b.whitespace_
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _armed_side(draft: Draft) -> bool:
    sides = (draft.source, draft.target)
    return any(side is not None and STATE_OR_ARMED.intersection(side.roles) for side in sides)


def _natural_cause(token: Token) -> bool:
    """Whether the act's doer is a force of nature, an illness or an accident: its
    subject ("a storm killed"), its passive agent ("killed by floods"), in a passive
    without any other doer the event it happened in ("killed in a landslide"), or the
    accident it followed from ("the plane crashed, killing all 40 on board")."""
    if token.dep_ in ("advcl", "conj") and token.head.lemma_.lower() in ACCIDENTS:
        return True
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        return any(_natural(s) for s in subjects)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return False
    causes = [o for c in token.children if c.dep_ in ("agent", "prep")
              and c.lower_ in ("by", "in", "during", "after")
              for o in c.children if o.dep_ == "pobj"]
    return any(_natural(cause) for cause in causes)


def _natural(noun: Token) -> bool:
    return noun.lemma_.lower() in NATURAL_CAUSES or noun.lower_ in NATURAL_CAUSES


def _sitting(draft: Draft) -> bool:
    """ "Israel's Cabinet met Sunday", "the Security Council convened": one body
    meeting with no one named beside it consults no other party (CAMEO 04 is between
    actors); "the Cabinet met with union leaders" or "the council and the unions met"
    name the other side."""
    token = draft.trigger.token
    if draft.target is not None or token.lemma_.lower() not in SESSION_VERBS:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPOSITIONS for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and _lone_body(subjects[0])


def _lone_body(noun: Token) -> bool:
    """A singular sitting body that is no coordination of parties."""
    if noun.lemma_.lower() not in SITTING_BODIES or noun.tag_ in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ == "conj" for c in noun.children)


def _growing_strife(token: Token) -> bool:
    """ "Tensions between China and Taiwan escalated", "fighting intensified": a verb of
    growth (BOOST's default is 060, material cooperation) with no object tells of its
    subject, and strife that grows is no cooperation between the sides it names; a
    fight named as a noun is coded as its own event."""
    if any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lemma_.lower() in STRIFE_NOUNS or s.lower_ in STRIFE_NOUNS for s in subjects)


EFFORT_NOUNS = frozenset({"effort", "bid", "drive", "attempt"})


def _effort_with_an_aim(draft: Draft) -> bool:
    """ "continued their effort to overthrow the government", "launched an effort to
    mediate": a pattern that names only the effort (``CONTINUE * EFFORT [060]``,
    ``LAUNCH * EFFORT [020]``) guesses what the effort is for, while the infinitive
    after it says it; that verb is coded as the act (or as nothing yet done).  Backing
    an effort (05) is support whatever its aim."""
    if draft.code[:2] == "05":
        return False
    named = [t for t in draft.trigger.evidence if t.i != draft.trigger.token.i and t.pos_ == "NOUN"]
    if len(named) != 1 or named[0].lemma_.lower() not in EFFORT_NOUNS:
        return False
    if named[0].dep_ not in ("dobj", "nsubjpass"):
        return False  # "clashed over the efforts of X to ...": the effort is the topic
    return any(c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and
               any(a.lower_ == "to" for a in c.children) for c in named[0].children)
