"""The event stage on sentences written here, with a small verb dictionary and
actor mentions placed by hand, so each test isolates one rule of the coder."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventwire.codes import code_info, is_cameo
from eventwire.events.acts import appeal_code
from eventwire.events.coder import Coding, code_events
from eventwire.events.lexicon import EventLexicon
from eventwire.events.modality import modality_of
from eventwire.lexicon.verbs import parse_verb_text
from eventwire.model import ActorMention, Event
from eventwire.parse import parse_articles
from eventwire.pipeline import Pipeline, article_from_text

Dyads = Callable[[str], set[tuple[str | None, str, str | None]]]

VERBS = """
---  ATTACK   [190]  ---
ATTACK
INVADE [192]

---  SEND   [---]  ---
SEND {SENDS SENDING SENT }
- * DELEGATION                          [042:043]

---  MEET   [040]  ---
MEET {MEETS MET MEETING}
- * (WITH LEADERS)                      [036:036]

---  SAY   [010]  ---
SAY {SAYS SAID SAYING}

---  RETREAT   [080]  ---
WITHDRAW {WITHDREW WITHDRAWN}

---  PRAISE   [051]  ---
PRAISE {PRAISES PRAISED PRAISING}

---  WELCOME   [051]  ---
WELCOME {WELCOMES WELCOMED WELCOMING}
- * VISIT                               [043:042]

---  BEGIN   [---]  ---
BEGIN {BEGINS BEGAN BEGUN BEGINNING}
- * {JOINT EXERCISE}                    [062:062]
"""

ACTORS = {"Germany": "DEU", "German": "DEU", "France": "FRA", "Italy": "ITA",
          "Italian officials": "ITAGOV", "it": "ITAGOV"}  # fmt: skip


def _mentions(text: str, names: dict[str, str]) -> tuple[ActorMention, ...]:
    """Place a mention on every whole-word occurrence of each name."""
    found: list[ActorMention] = []
    for name, code in names.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            boundary = (start == 0 or not text[start - 1].isalpha()) and (
                end == len(text) or not text[end].isalpha()
            )
            if boundary:
                head = text.rfind(" ", start, end) + 1 if " " in name else start
                mention = ActorMention(code, code[:3], (), name, (start, end), 0, "test", head)
                found.append(mention)
            start = text.find(name, end)
    return tuple(sorted(found, key=lambda m: m.span))


@pytest.fixture(scope="module")
def coding() -> Coding:
    nominals = {"invasion": "invade", "dispatch": "send"}
    lexicon = EventLexicon(parse_verb_text(VERBS, origin="test.verbs"), nominals)
    return Coding(lexicon, code_info, is_cameo)


def code(nlp: Language, coding: Coding, text: str) -> tuple[Event, ...]:
    parsed = next(parse_articles([article_from_text(text, doc_id="t")], nlp))
    return code_events(parsed, _mentions(text, ACTORS), coding)


def dyads(events: tuple[Event, ...]) -> list[tuple[str, str, str]]:
    return [
        ((e.source.code if e.source else "-"), e.code.cameo, (e.target.code if e.target else "-"))
        for e in events
    ]


def test_subject_object_with_evidence(nlp: Language, coding: Coding) -> None:
    text = "Germany attacked France on Monday."
    (event,) = code(nlp, coding, text)
    assert dyads((event,)) == [("DEU", "190", "FRA")]
    assert text[slice(*event.evidence.trigger_span)] == "attacked"
    assert event.evidence.rule.startswith("test.verbs:")
    assert event.code.quad_class == 4 and event.counted


def test_passive_swaps_source_and_target(nlp: Language, coding: Coding) -> None:
    assert dyads(code(nlp, coding, "France was attacked by Germany.")) == [("DEU", "190", "FRA")]


def test_pattern_gives_paired_codes(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "Germany sent a delegation to France.")
    assert sorted(dyads(events)) == [("DEU", "042", "FRA"), ("FRA", "043", "DEU")]
    assert not any(e.reciprocal for e in events)  # visiting and hosting are two acts
    assert any("DELEGATION" in e.evidence.rule for e in events)


def test_an_act_done_together_is_marked_reciprocal(nlp: Language, coding: Coding) -> None:
    joint = code(nlp, coding, "Germany and France began a joint exercise.")
    assert sorted(dyads(joint)) == [("DEU", "062", "FRA"), ("FRA", "062", "DEU")]
    assert all(e.reciprocal for e in joint)
    one_code = code(nlp, coding, "Germany met with leaders of France.")
    assert sorted(dyads(one_code)) == [("DEU", "036", "FRA"), ("FRA", "036", "DEU")]
    assert all(e.reciprocal for e in one_code)
    assert not any(e.reciprocal for e in code(nlp, coding, "Germany attacked France."))


def test_block_without_default_needs_a_pattern(nlp: Language, coding: Coding) -> None:
    assert code(nlp, coding, "Germany sent letters to France.") == ()


def test_coordinated_sources_give_one_event_each(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "Germany and Italy attacked France.")
    assert sorted(dyads(events)) == [("DEU", "190", "FRA"), ("ITA", "190", "FRA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # meeting is done together: each side met the other
        ("Germany and Italy met on Monday.", [("DEU", "040", "ITA"), ("ITA", "040", "DEU")]),
        # praise is one side's act: two sides praising a thing did not praise each other
        ("Germany and Italy praised the agreement.", [("DEU", "051", "-"), ("ITA", "051", "-")]),
        # hosting a visit: the visitor is someone else, not the other host
        ("Germany and Italy welcomed the visit.", [("DEU", "043", "-"), ("ITA", "043", "-")]),
        # an exercise held jointly is done with each other
        ("Germany and Italy began a joint exercise.",
         [("DEU", "062", "ITA"), ("ITA", "062", "DEU")]),
    ],
)
def test_joint_subjects_act_on_each_other_only_in_mutual_acts(
    nlp: Language, coding: Coding, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert sorted(dyads(code(nlp, coding, text))) == expected


def test_prepositional_target(nlp: Language, coding: Coding) -> None:
    assert dyads(code(nlp, coding, "Germany met with France in June.")) == [("DEU", "040", "FRA")]


def test_negation_and_future(nlp: Language, coding: Coding) -> None:
    (negated,) = code(nlp, coding, "Germany did not attack France.")
    assert negated.modality.negated and not negated.counted
    (future,) = code(nlp, coding, "Germany will attack France.")
    assert future.modality.future and future.counted


def test_conditional_and_unreal_noun_are_hypothetical(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "If Germany attacked France, Italy would protest.")
    assert [e.modality.hypothetical for e in events] == [True]
    (invasion,) = code(nlp, coding, "Any further German invasion of France would be costly.")
    assert invasion.code.cameo == "192" and invasion.modality.hypothetical


def test_an_event_noun_begun_or_hastened_is_the_act(nlp: Language, coding: Coding) -> None:
    began = code(nlp, coding, "Germany began the invasion of France.")
    assert dyads(began) == [("DEU", "192", "FRA")]  # BEGIN has no code of its own
    sped = code(nlp, coding, "Germany sped up its invasion of France.")
    assert dyads(sped) == [("DEU", "192", "FRA")]
    (negated,) = code(nlp, coding, "Germany did not begin the invasion of France.")
    assert negated.modality.negated  # the verb's modality is the act's
    joint = code(nlp, coding, "Germany and France began a joint exercise.")
    assert {e.code.cameo for e in joint} == {"062"}  # the verb's own pattern wins


def test_an_event_noun_that_begins_is_the_act(nlp: Language, coding: Coding) -> None:
    began = code(nlp, coding, "The German invasion of France began on Monday.")
    assert dyads(began) == [("DEU", "192", "FRA")]  # BEGIN, in the dictionary, codes none


def test_a_temporal_clause_in_the_present_speaks_of_the_future(
    nlp: Language, coding: Coding
) -> None:
    later = code(nlp, coding, "Italy will keep its troops home until Germany attacks France.")
    attack = next(e for e in later if e.code.cameo == "190")
    assert attack.modality.hypothetical and not attack.counted
    past = code(nlp, coding, "Italy kept its troops home until Germany attacked France.")
    attack = next(e for e in past if e.code.cameo == "190")
    assert not attack.modality.hypothetical


def test_a_temporal_clause_in_the_present_passive_speaks_of_the_future(
    coding_pipeline: Pipeline,
) -> None:
    """ "until their demands are met": nobody has met them yet."""
    def yielding(text: str) -> Event:
        return next(e for e in coding_pipeline.code_text(text).events if e.code.cameo == "080")

    later = yielding("The rebels will fight on until their demands are met by Kenya.")
    assert later.modality.hypothetical and not later.counted
    earlier = yielding("The rebels fought on until their demands were met by Kenya.")
    assert not earlier.modality.hypothetical


def test_reported_speech_codes_the_embedded_event(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "Italy said that Germany attacked France.")
    assert dyads(events) == [("DEU", "190", "FRA")]
    assert events[0].modality.reported
    assert events[0].speaker is not None and events[0].speaker.text == "Italy"


def test_quote_names_its_speaker(nlp: Language, coding: Coding) -> None:
    text = 'Italian officials spoke on Monday.\n\n"Germany attacked France last night," it said.'
    events = [e for e in code(nlp, coding, text) if e.code.cameo == "190"]
    assert events and events[0].modality.reported
    assert events[0].speaker is not None and events[0].speaker.text in ("it", "Italian officials")


def test_obligation_is_a_demand_of_the_speaker(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "Italy said that Germany needed to withdraw its forces.")
    assert ("ITA", "106", "DEU") in dyads(events)
    withdrawal = [e for e in events if e.code.cameo == "080"]
    assert withdrawal and all(e.modality.hypothetical for e in withdrawal)


def test_an_obligation_without_a_code_is_still_a_demand(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "Italy said that Germany must reconsider its policy.")
    demand = [e for e in events if e.code.cameo == "100"]
    assert dyads(tuple(demand)) == [("ITA", "100", "DEU")]
    assert demand[0].evidence.trigger_text == "reconsider"


def test_an_attitude_or_an_unsaid_obligation_is_no_demand(
    nlp: Language, coding: Coding
) -> None:
    for text in ("Italy said that Germany should be grateful.",
                 "Germany must reconsider its policy."):
        assert not [e for e in code(nlp, coding, text) if e.code.root == "10"], text


OWNED_VERBS = """
---  OVERSEE   [---]  ---
ORDER
HEAD
- * TO                                  [030]   # HEAD

---  START   [---]  ---
OPEN
REOPEN
- * BORDER                              [050]   # REOPEN
- * BORDER                              [080]   # OPEN

---  FIGHT   [190]  ---
BATTLE
STRIKE {STRIKES STRUCK STRIKING}
- * (WITH MISSILES)                     [193:193]   # BATTLE
"""


def test_a_pattern_written_for_another_verb_of_the_block_yields(nlp: Language) -> None:
    """PETRARCH's blocks merged TABARI's verbs; each pattern's comment still says whose
    it was.  A bare particle is that verb's alone, and between equal readings the
    verb's own wins."""
    lexicon = EventLexicon(parse_verb_text(OWNED_VERBS, origin="owned.verbs"), {})
    owned = Coding(lexicon, code_info, is_cameo)
    assert ("ITA", "030", "FRA") in dyads(code(nlp, owned, "Italy headed to France."))
    assert not code(nlp, owned, "Italy ordered Germany to leave France.")
    assert [e.code.cameo for e in code(nlp, owned, "Italy opened the border.")] == ["080"]
    assert [e.code.cameo for e in code(nlp, owned, "Italy reopened the border.")] == ["050"]



def test_another_verb_s_pattern_gives_its_code_but_not_its_reciprocity(nlp: Language) -> None:
    """Battling with weapons is done by both sides; a missile striking a depot is not,
    though the block lends "strike" the pattern written for "battle"."""
    lexicon = EventLexicon(parse_verb_text(OWNED_VERBS, origin="owned.verbs"), {})
    owned = Coding(lexicon, code_info, is_cameo)
    assert sorted(dyads(code(nlp, owned, "Italy battled France with missiles."))) == [
        ("FRA", "193", "ITA"), ("ITA", "193", "FRA")]
    assert dyads(code(nlp, owned, "Italy struck France with missiles.")) == [("ITA", "193", "FRA")]


def test_who_does_a_gerund_after_of_or_for(nlp: Language, coding: Coding) -> None:
    """The governing verb's object for "accused X of", the copula's subject for
    "was guilty of"; guilt says it happened, an accusation only claims it."""
    guilty = [e for e in code(nlp, coding, "Germany was guilty of attacking France.")
              if e.code.cameo == "190"]
    assert dyads(tuple(guilty)) == [("DEU", "190", "FRA")] and guilty[0].counted
    accused = [e for e in code(nlp, coding, "Italy accused Germany of attacking France.")
               if e.code.cameo == "190"]
    assert dyads(tuple(accused)) == [("DEU", "190", "FRA")] and not accused[0].counted


def test_a_gerund_listed_after_an_accusation_is_part_of_it(coding_pipeline: Pipeline) -> None:
    """The parser hangs the later gerunds of "accused X of A, B and C" on "accused": they
    are still what X is accused of, and X's (uncounted) acts."""
    text = ("Amnesty International accused the United States of violating human rights, "
            "ignoring international law and sending a signal to abusive governments.")
    ignoring = [e for e in coding_pipeline.code_text(text).events
                if e.evidence.trigger_text == "ignoring"]
    assert ignoring and all(not e.counted and e.source is not None and e.source.code == "USA"
                            for e in ignoring)


def test_a_measure_noun_passes_its_of_phrase_to_the_pattern(nlp: Language, coding: Coding) -> None:
    text = "Germany and France began a new round of joint exercises."
    assert ("DEU", "062", "FRA") in dyads(code(nlp, coding, text))
    assert not code(nlp, coding, "Germany and France began a new round of talks about exercises.")


def test_a_team_or_mission_groups_what_its_of_phrase_names(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("Kenya received a team of UN inspectors.").events
    assert {e.code.cameo for e in events} == {"0862"}  # RECEIVE * INSPECTOR


def test_an_event_noun_in_a_verb_s_pattern_is_that_verb_s_event(
    coding_pipeline: Pipeline,
) -> None:
    """ "announced an embargo" is coded by ANNOUNCE's pattern for the embargo; the noun
    is not also an embargo of its own (EXCLUDE's default, 170).  A noun no pattern of
    the verb names stays an event ("announced talks with ...")."""
    embargo = coding_pipeline.code_text("Kenya announced an embargo on Uganda.").events
    assert {e.code.cameo for e in embargo} == {"163"}
    talks = coding_pipeline.code_text("Kenya announced talks with Uganda.").events
    assert ("KEN", "046", "UGA") in dyads(talks)


def test_a_passive_report_is_no_one_s_statement(coding_pipeline: Pipeline) -> None:
    """ "X is said to have attacked Y" reports others' word about X's attack: the attack
    is coded, the saying is no act of X's (nor of Y's); "X is expected to sign" is
    others' expectation, not X's intent."""
    said = coding_pipeline.code_text("Kenya is said to have attacked Uganda.").events
    assert ("KEN", "190", "UGA") in dyads(said)
    assert not [e for e in said if e.evidence.trigger_text == "said"]
    expected = coding_pipeline.code_text("Kenya is expected to sign a deal with Uganda.")
    assert not [e for e in expected.events if e.evidence.trigger_text == "expected"]


def test_counted_events_come_first(nlp: Language, coding: Coding) -> None:
    events = code(nlp, coding, "Germany did not attack France. Italy attacked France.")
    assert [e.counted for e in events] == [True, False]
    assert [e.event_id for e in events] == ["t-1", "t-2"]


def test_regular_base_forms_back_up_the_lemmatizer() -> None:
    from eventwire.events.triggers import base_forms

    assert "stage" in base_forms("staged")
    assert "mar" not in base_forms("married") and "marry" in base_forms("married")
    assert "stop" in base_forms("stopped")
    assert "deny" in base_forms("denied")
    assert base_forms("go") == ["go"]


SPEECH_ACT_VERBS = """
---  ATTACK   [190]  ---
ATTACK

---  RETREAT   [080]  ---
WITHDRAW {WITHDREW WITHDRAWN}

---  VISIT   [042:043]  ---
VISIT

---  AGREE   [030]  ---
AGREE

---  URGE   [020]  ---
URGE

---  INVITE   [040]  ---
INVITE

---  ACCEPT   [---]  ---
ACCEPT
- * REFUGEES                            [075]

---  CLAIM   [110]  ---
CLAIM

---  COOPERATE   [060]  ---
COOPERATE

---  SELECT   [---]  ---
DECIDE [030]

---  ASSASSINATE   [186]  ---
ASSASSINATE

---  TRY   [---]  ---
TRY {TRIES TRIED TRYING}

---  IMPEL   [170]  ---
FORCE {FORCES FORCED FORCING}
"""


@pytest.fixture(scope="module")
def acts() -> Coding:
    lexicon = EventLexicon(parse_verb_text(SPEECH_ACT_VERBS, origin="acts.verbs"), {})
    return Coding(lexicon, code_info, is_cameo)


def test_agreeing_to_act_is_an_intent(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Germany agreed to withdraw from France.")
    intent = [e for e in events if e.code.root == "03"]
    assert [(e.source.code if e.source else "-", e.code.cameo) for e in intent] == [
        ("DEU", "035")
    ]
    assert "intent" in intent[0].evidence.rule and intent[0].counted
    assert all(not e.counted for e in events if e.code.cameo == "080")


def test_deciding_to_act_is_the_act_itself(nlp: Language, acts: Coding) -> None:
    """A government's decision is its act ("Japan decided to ease sanctions"), not a
    mere statement of intent, as "agreed to" is."""
    events = code(nlp, acts, "Germany decided to withdraw from France.")
    withdrawals = [e for e in events if e.code.cameo == "080"]
    assert [(e.source.code if e.source else "-", e.counted) for e in withdrawals] == [
        ("DEU", True)]
    assert not [e for e in events if e.code.root == "03"]
    assert not [e for e in events if e.evidence.trigger_text == "decided"], (
        "the decision's own generic reading gives way to what was decided")


@pytest.mark.parametrize(("text", "cameo", "counted"), [
    ("Germany attempted to attack France.", "190", True),
    ("Germany tried to assassinate the Italian officials.", "185", True),
    ("Germany will try to attack France.", "190", False),
    ("Germany did not try to attack France.", "190", False),
    ("Germany tried to withdraw from France.", "080", False),
    ("Germany tried to force France to withdraw.", "170", False),
    ("Attempting to attack France, Germany withdrew from Italy.", "190", False),
    ("France foiled a German attempt to assassinate the Italian officials.", "185", True),
    ("France survived a German attempt to attack it.", "190", True),  # a noun
    ("Germany will make an attempt to attack France.", "190", False),
])
def test_an_attempted_use_of_force_is_coded(
    nlp: Language, acts: Coding, text: str, cameo: str, counted: bool
) -> None:
    """An attempt at force that was made is an event of force (an attempted
    assassination is CAMEO 185); an attempt only announced, or at anything else
    ("tried to withdraw"), tells of no deed done."""
    events = [e for e in code(nlp, acts, text) if e.code.cameo == cameo]
    assert [e.counted for e in events] == [counted], [(e.code.cameo, e.modality) for e in events]
    if counted:
        assert "attempt" in events[0].evidence.rule


def test_a_claim_about_oneself_claims_and_accuses_no_one(nlp: Language, acts: Coding) -> None:
    """ "claimed to have attacked" is read as "claimed that it had attacked": a claim
    of responsibility (015), the attack itself contested, and no accusation (110)."""
    events = code(nlp, acts, "Germany claimed to have attacked France.")
    assert [(e.code.cameo, e.counted) for e in events if e.code.cameo in ("015", "190")] == [
        ("015", True), ("190", False)], [(e.code.cameo, e.counted) for e in events]
    assert not [e for e in events if e.code.root == "11"]
    claims = code(nlp, acts, "Germany claims to be ready.")
    assert [e.code.cameo for e in claims] == ["010"]
    joined = code(nlp, acts, "Germany withdrew from Italy and later claimed to have attacked "
                             "France.")
    assert ("DEU", "015", "FRA") in dyads(joined), "the claimer of a coordinated verb"
    attacked = code(nlp, acts, "Germany claimed to have been attacked by France.")
    assert not [e for e in attacked if e.code.cameo == "015"], "France's act, not Germany's"


def test_an_act_declined_is_not_counted(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Germany declined to withdraw from France.")
    assert [e.counted for e in events if e.code.cameo == "080"] == [False]


def test_urging_another_to_act_is_an_appeal(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Italy urged Germany to withdraw from France.")
    assert ("ITA", "025", "DEU") in dyads(events)
    assert ("ITA", "020", "DEU") not in dyads(events), "the appeal replaces the bare reading"


def test_invitation_is_an_intent_to_meet(nlp: Language, acts: Coding) -> None:
    assert ("ITA", "036", "DEU") in dyads(code(nlp, acts, "Italy invited Germany to visit."))


def test_future_cooperation_is_an_intent_and_force_a_threat(
    nlp: Language, acts: Coding
) -> None:
    assert ("DEU", "036", "FRA") in dyads(code(nlp, acts, "Germany will visit France."))
    assert ("DEU", "138", "FRA") in dyads(code(nlp, acts, "Germany will attack France."))


def test_the_host_of_a_visit_declined_refuses_nothing(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Germany will not visit France.")
    refusals = [e for e in events if e.code.root == "12" and e.counted]
    assert refusals and {e.source.code for e in refusals if e.source} == {"DEU"}


def test_the_host_of_a_future_visit_expresses_nothing(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Germany will visit France.")
    assert ("DEU", "036", "FRA") in dyads(events)
    hosts = [e for e in events if e.source is not None and e.source.code == "FRA"]
    assert hosts and all(not e.modality.counted for e in hosts)


def test_threatening_any_act_is_a_threat(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Germany threatened to withdraw from France.")
    assert ("DEU", "130", "FRA") in dyads(events)
    assert not [e for e in events if e.code.root == "03"], "a threat is no intent to yield"
    assert ("DEU", "138", "FRA") in dyads(code(nlp, acts, "Germany threatened to attack France."))


def test_refusing_cooperation_is_a_rejection(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Italy said it will not accept refugees from Germany.")
    rejections = [e for e in events if e.code.root == "12"]
    assert [(e.source.country if e.source else "-", e.code.cameo) for e in rejections] == [
        ("ITA", "122")
    ]
    assert rejections[0].counted


def test_claiming_an_attack_by_another_is_an_accusation(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Italy claimed that Germany attacked France.")
    assert ("ITA", "112", "DEU") in dyads(events)
    assert ("DEU", "190", "FRA") in dyads(events)


def test_an_attack_that_only_sets_the_scene_of_a_claim_accuses_no_one(
    nlp: Language, acts: Coding
) -> None:
    """An attack in a relative clause or a time clause of another predicate is the
    background of what is claimed, not the claim."""
    for text in (
        "Italy claimed that it had rebuilt the farms that Germany attacked.",
        "Italy claimed that it had paid France for farms lost when Germany attacked.",
    ):
        events = code(nlp, acts, text)
        assert not any(e.code.cameo == "112" for e in events), text
    events = code(nlp, acts, "Italy claimed that Germany attacked France.")
    assert ("ITA", "112", "DEU") in dyads(events)


def test_alleged_acts_are_not_counted_but_the_allegation_is(
    nlp: Language, acts: Coding
) -> None:
    events = code(nlp, acts, "Italy claimed that Germany attacked France.")
    attack = [e for e in events if e.code.cameo == "190"]
    assert attack and not attack[0].counted, "an allegation is not an established event"
    assert any(e.code.cameo == "112" and e.counted for e in events)


def test_claiming_its_own_attack_is_claiming_responsibility(
    nlp: Language, acts: Coding
) -> None:
    events = code(nlp, acts, "Germany claimed that German forces attacked France.")
    assert ("DEU", "015", "FRA") in dyads(events)
    assert not any(e.code.cameo == "112" for e in events), "no one accuses itself"


def test_a_group_claiming_what_it_did_claims_it_though_its_country_is_open(
    coding_pipeline: Pipeline,
) -> None:
    events = coding_pipeline.code_text("Rebels claimed that they had attacked the army.").events
    claims = [e for e in events if e.code.cameo == "015"]
    assert claims and claims[0].source is not None and claims[0].source.code == "---REB"
    assert claims[0].counted and "claim" in claims[0].evidence.rule


def test_what_a_summons_is_for_is_said_at_it(coding_pipeline: Pipeline) -> None:
    """The complaint a summons is for happens at the summons; a planned summons or an
    act that is no meeting leaves its aim unsaid."""
    said = "Kenya summoned the Ugandan ambassador to complain about the shooting."
    unsaid = ("Kenya will summon the Ugandan ambassador to complain about the shooting.",
              "Kenya sent troops to complain about the shooting.")
    complaints = [e for e in coding_pipeline.code_text(said).events if e.code.root == "11"]
    assert complaints and all(e.counted for e in complaints)
    for text in unsaid:
        events = coding_pipeline.code_text(text).events
        assert not [e for e in events if e.code.root == "11" and e.counted], text


def test_asking_for_an_act_without_a_parallel_appeal_is_a_plain_appeal() -> None:
    assert appeal_code("0871") == "0256", "cooperation has its own appeal code"
    assert appeal_code("190") == "020", "asking for an attack is an appeal not specified"
    assert appeal_code("010") is None, "asking for a statement is no act of its own"


def test_coordinated_sides_of_cooperation_are_each_others_targets(
    nlp: Language, acts: Coding
) -> None:
    found = dyads(code(nlp, acts, "Germany and France cooperated."))
    assert ("DEU", "060", "FRA") in found and ("FRA", "060", "DEU") in found


def test_only_the_one_who_agrees_expresses_an_intent(nlp: Language, acts: Coding) -> None:
    events = code(nlp, acts, "Italy agreed to cooperate with Germany.")
    intents = [d for d in dyads(events) if d[1].startswith("03")]
    assert intents == [("ITA", "031", "DEU")]


def test_an_act_told_twice_keeps_the_telling_with_its_author(
    nlp: Language, acts: Coding
) -> None:
    found = dyads(code(nlp, acts, "France was attacked, and Germany attacked France."))
    assert ("DEU", "190", "FRA") in found
    assert ("-", "190", "FRA") not in found


PATTERN_VERBS = """
---  CONDEMN   [122]  ---
CONDEMN
- HINTED *                              [123]

---  CONCEDE   [013]  ---
CONCEDE
- * TRULY_SAFE                          [024]

---  CAUTION   [160]  ---
CAUTION
- * THEIR ^ ABOUT +                     [162]

---  SEIZE   [1711]  ---
SEIZE
STEALTH_+GRAB {STEALTH_+GRABBED}

---  SAY   [010]  ---
SAY {SAYS SAID SAYING}

---  CALL   [041]  ---
CALL {CALLS CALLED CALLING}
- * (ON)                                [020]

---  URGE   [020]  ---
+CALL_ON {+CALLED_ON}
+CALL_FOR {+CALLED_FOR}
---  DECREE   [010]  ---
DECLARE {DECLARES DECLARED}
- * STATE (OF SIEGE)                    [1724]
"""
COUNTRIES = {"Germany": "DEU", "France": "FRA", "Italy": "ITA"}


@pytest.fixture(scope="module")
def patterned() -> Coding:
    lexicon = EventLexicon(parse_verb_text(PATTERN_VERBS, origin="patterns.verbs"), {})
    return Coding(lexicon, code_info, is_cameo)


def countries(nlp: Language, coding: Coding, text: str) -> list[tuple[str, str, str]]:
    """Dyads of the counted events, with the pronouns left as no actor."""
    parsed = next(parse_articles([article_from_text(text, doc_id="t")], nlp))
    return dyads(tuple(e for e in code_events(parsed, _mentions(text, COUNTRIES), coding)
                       if e.counted))


def test_a_pronoun_subject_of_a_complement_is_the_governing_subject(
    nlp: Language, patterned: Coding
) -> None:
    found = countries(nlp, patterned, "Germany signalled it condemned France, Italy said.")
    assert ("DEU", "122", "FRA") in found
    assert ("ITA", "122", "FRA") not in found


def test_pattern_words_before_the_verb_may_govern_its_clause(
    nlp: Language, patterned: Coding
) -> None:
    assert countries(nlp, patterned, "Germany hinted it condemned France.") == [
        ("DEU", "123", "FRA")
    ]
    assert countries(nlp, patterned, "Germany condemned France.") == [("DEU", "122", "FRA")]


def test_pattern_words_after_the_verb_may_be_in_its_complement(
    nlp: Language, patterned: Coding
) -> None:
    found = countries(nlp, patterned, "Germany conceded that France is a truly safe place.")
    assert found == [("DEU", "024", "FRA")]
    other = countries(nlp, patterned, "Germany conceded that France made Italy truly safe.")
    assert [code for _s, code, _t in other] == ["013"], "a clause with its own event is not"


@pytest.mark.parametrize(("text", "cameo"), [
    ("Germany called on France to act.", "020"),
    ("Germany called France on Tuesday.", "041"),
    ("Germany called on Friday for France to stay in the union.", "020"),
])
def test_a_phrase_that_only_dates_the_act_is_no_preposition_of_a_pattern(
    nlp: Language, patterned: Coding, text: str, cameo: str
) -> None:
    assert {d[1] for d in countries(nlp, patterned, text)} == {cameo}


def test_a_bare_preposition_of_a_pattern_is_not_one_inside_a_modifier(
    dyads_of: Dyads,
) -> None:
    assert ("DEU", "042", "FRA") in dyads_of("Germany returned from France.")
    found = dyads_of("Germany returned the songbirds captured from France to Italy.")
    assert not {d for d in found if d[1] in ("042", "043")}
    backed = dyads_of("We actively support those fighting against the Washington elite.")
    assert (None, "113", "USAGOV") in backed, "the phrase of a word the pattern matched"


def test_who_is_asked_in_a_for_clause_is_the_target(dyads_of: Dyads) -> None:
    assert ("DEU", "020", "FRA") in dyads_of("Germany called for France to stay in the union.")
    assert ("DEU", "020", "FRA") in dyads_of("Germany called on Friday for France to stay.")
    left = dyads_of("The German minister was leaving for Paris to receive a prize.")
    assert not [d for d in left if d[1] == "040" and d[2]], "a journey asks nothing of Paris"


def test_what_a_gerund_in_a_phrase_governs_is_in_that_phrase(dyads_of: Dyads) -> None:
    ended = dyads_of("Germany ended its mediation efforts in Mali after extending a visit.")
    assert {c for _s, c, _t in ended} == {"165"}, "no visit ended"
    assert ("DEU", "042", "MLI") in dyads_of("Germany ended its visit to Mali.")
    assert ("DEU", "196", None) in dyads_of("Germany was guilty of violating the ceasefire.")


def test_a_sum_of_money_passes_what_it_is_in_to_the_pattern(dyads_of: Dyads) -> None:
    text = "The United States has provided $1.7 billion in humanitarian assistance to Jordan."
    assert dyads_of(text) == {("USA", "070", "JOR")}  # the assistance, not GRANT's 060


def test_what_a_subjunctive_clause_asks_for_has_not_happened(
    coding_pipeline: Pipeline,
) -> None:
    def counted(text: str) -> set[tuple[str, bool]]:
        return {(e.code.cameo, e.counted) for e in coding_pipeline.code_text(text).events}

    assert counted("Germany insisted that France withdraw its troops.") == {
        ("100", True), ("0874", False)}  # a demand, not a statement of a withdrawal
    assert ("0874", False) in counted("Germany demanded that the troops be withdrawn.")
    assert ("0874", True) in counted("The offensive made Russia withdraw its troops.")
    assert ("0874", True) in counted("Germany insisted that France had withdrawn its troops.")
    assert ("0874", False) in counted("Germany is pushing hard for France withdraw its troops.")


def test_a_gerund_phrase_keeps_what_its_complements_govern(dyads_of: Dyads) -> None:
    text = "Nothing has stopped Germany from seeking to push through billions in aid for Mali."
    assert not [d for d in dyads_of(text) if d[1].startswith("16")], "no aid was stopped"


def test_what_a_perception_verb_shows_happened(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("The video shows a Ugandan soldier attack the Kenyan base.")
    assert [(e.code.cameo, e.counted) for e in events.events] == [("190", True)]


def test_expecting_that_something_will_happen_is_a_statement(dyads_of: Dyads) -> None:
    assert dyads_of("Germany expects that Italian pupils will return to school.") == {
        ("DEU", "010", None)}  # a forecast, not EXPECT's intent (030)
    assert ("DEU", "030", "FRA") in dyads_of("Germany expects to sign a deal with France.")


def test_a_no_event_pattern_written_for_another_verb_does_not_silence_this_one(
    dyads_of: Dyads,
) -> None:
    protested = dyads_of("Kenyan students protested the election in Nairobi.")
    assert ("KENEDU", "140", "KEN") in protested
    assert not dyads_of("The Kenyan opposition contested the election."), "CONTEST's own"


@pytest.mark.parametrize(("text", "counted"), [
    ("Russia is likely to attack Ukraine.", False),
    ("Russia is unlikely to attack Ukraine.", False),
    ("Russia is poised to attack Ukraine.", False),
    ("Russia attacked Ukraine due to the dispute.", True),
])
def test_what_is_only_likely_has_not_happened(
    coding_pipeline: Pipeline, text: str, counted: bool
) -> None:
    events = coding_pipeline.code_text(text).events
    assert [e.counted for e in events if e.code.cameo == "190"] == [counted]


def test_an_object_parsed_as_the_subject_of_an_infinitive_completes_a_pattern(
    nlp: Language, patterned: Coding
) -> None:
    text = "Germany declared a state of siege to begin at midnight."
    assert next(t for t in nlp(text) if t.lower_ == "state").dep_ == "nsubj", "this parse"
    assert {d[1] for d in countries(nlp, patterned, text)} == {"1724"}


def test_calling_something_a_name_is_a_statement_not_a_phone_call(
    nlp: Language, patterned: Coding
) -> None:
    text = "Germany called the attack an act of terror."
    assert any(c.dep_ == "oprd" for c in nlp(text)[1].children), "the parse this test is about"
    assert {d[1] for d in countries(nlp, patterned, text)} == {"010"}
    assert {d[1] for d in countries(nlp, patterned, "Germany called France.")} == {"041"}


def test_a_pattern_may_name_the_preposition_of_the_object(
    nlp: Language, patterned: Coding
) -> None:
    text = "Germany cautioned their populations about the rulers of France."
    found = countries(nlp, patterned, text)
    assert found == [("DEU", "162", "FRA")]


def test_a_multiword_verb_may_have_words_before_the_verb(
    nlp: Language, patterned: Coding
) -> None:
    found = countries(nlp, patterned, "Germany stealth grabbed the archives of France.")
    assert found == [("DEU", "1711", "FRA")]
    assert countries(nlp, patterned, "Germany grabbed the archives of France.") == []


LIFT_VERBS = """
---  LIFT   [---]  ---
LIFT
- * SANCTION                                      [0351]
- * SANCTIONS                                     [085]
"""


HALT_VERBS = """
---  HALT   [---]  ---
HALT {HALTS HALTED}
- * FIGHTING                                      [0871]
- * AID                                           [162]
"""


@pytest.mark.parametrize(("verbs", "text", "cameo"), [
    (LIFT_VERBS, "Germany lifted its sanctions against France.", "085"),
    (LIFT_VERBS, "Germany lifted its sanction against France.", "0351"),
    (HALT_VERBS, "Germany halted aid to France in an effort to end the fighting.", "162"),
    (HALT_VERBS, "Germany halted the fighting to let aid reach France.", "0871"),
], ids=["spelled-plural", "spelled-singular", "nearer-object", "nearer-other-object"])  # fmt: skip
def test_of_equal_patterns_the_one_spelled_as_the_text_then_nearer_the_verb_wins(
    nlp: Language, verbs: str, text: str, cameo: str
) -> None:
    lexicon = EventLexicon(parse_verb_text(verbs, origin="tie.verbs"), {})
    events = code(nlp, Coding(lexicon, code_info, is_cameo), text)
    assert {e.code.cameo for e in events} == {cameo}


@pytest.mark.parametrize("pattern", ["CEASE-FIRE", "CEASE_FIRE"])
def test_a_hyphenated_word_matches_either_spelling_of_the_dictionary(
    nlp: Language, pattern: str
) -> None:
    verbs = f"---  ANNOUNCE   [---]  ---\nANNOUNCE\n- * {pattern}   [0871]\n"
    lexicon = EventLexicon(parse_verb_text(verbs, origin="announce.verbs"), {})
    events = code(nlp, Coding(lexicon, code_info, is_cameo),
                  "Germany announced a cease-fire with France.")
    assert [e.code.cameo for e in events] == ["0871"]


def test_a_noun_the_tagger_took_for_a_verb_is_no_clause(nlp: Language) -> None:
    """The parser tags "dispute" a present-tense verb but hangs it as the object of
    "ending": no dispute is coded, while the same word as a verb still is."""
    text = "Germany accepted a formula for ending its fisheries dispute with France."
    doc = nlp(text)
    word = next(t for t in doc if t.lower_ == "dispute")
    assert (word.tag_, word.dep_) == ("VBP", "dobj"), "the parse this test is about"
    verbs = "---  DISPUTE   [110]  ---\nDISPUTE {DISPUTES DISPUTED}\n"
    coding = Coding(EventLexicon(parse_verb_text(verbs, origin="d.verbs"), {}), code_info,
                    is_cameo)
    assert not code(nlp, coding, text)
    assert [e.code.cameo for e in code(nlp, coding, "Germany disputes the claim of France.")] == [
        "110"]
    nouns = Coding(EventLexicon(parse_verb_text(verbs, origin="d.verbs"), {"dispute": "dispute"}),
                   code_info, is_cameo)
    assert [e.code.cameo for e in code(nlp, nouns, text)] == ["110"], "an event noun it lists"


STATEMENT_VERBS = """
---  KILL   [190]  ---
KILL {KILLS KILLED}

---  EXPRESS   [010]  ---
EXPRESS {EXPRESSES EXPRESSED}
- * CONDOLENCES                         [018]

---  SAY   [010]  ---
SAY {SAYS SAID}
"""


@pytest.fixture(scope="module")
def statements() -> Coding:
    lexicon = EventLexicon(parse_verb_text(STATEMENT_VERBS, origin="statements.verbs"), {})
    return Coding(lexicon, code_info, is_cameo)


def test_a_specific_statement_outranks_an_act_told_in_a_background_clause(
    nlp: Language, statements: Coding
) -> None:
    text = "Germany expressed condolences to France over the soldiers whom Italy killed."
    found = dyads(code(nlp, statements, text))
    assert [(d[0], d[1]) for d in found] == [("DEU", "018")]
    assert not [d for d in found if d[1] == "190"], "the relative clause only describes"


def test_a_bare_statement_gives_way_to_the_act_it_reports(
    nlp: Language, statements: Coding
) -> None:
    found = dyads(code(nlp, statements, "Germany said that Italy killed French soldiers."))
    assert [d[1] for d in found] == ["190"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # the attack is part of what the troops are sent to do
        ("Italy sent a delegation to France to help it attack Germany.", False),
        # an adverbial clause under the aim states a fact of its own
        ("Italy sent a delegation to France to calm the region after Germany attacked France.",
         True),
    ],
)
def test_what_an_aim_governs_is_not_yet_an_event(
    nlp: Language, coding: Coding, text: str, counted: bool
) -> None:
    attacks = [e for e in code(nlp, coding, text) if e.code.cameo == "190"]
    assert attacks and all(e.counted is counted for e in attacks)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Germany began a joint exercise with Italy.", True),
        # modifiers of the phrase may stand between its words
        ("Germany began a joint military exercise with Italy.", True),
        # but not a phrase of its own
        ("Germany began a joint review of the exercise with Italy.", False),
    ],
)
def test_pattern_phrases_allow_modifiers_between_their_words(
    nlp: Language, coding: Coding, text: str, coded: bool
) -> None:
    assert (("DEU", "062", "ITA") in dyads(code(nlp, coding, text))) is coded


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # the "of" phrase of an event noun is its object: "dispatched a delegation"
        ("Germany announced the dispatch of a delegation to France.", True),
        # but an "of" phrase inside a verb's object is not the verb's object
        ("Germany sent letters of a delegation to France.", False),
    ],
)
def test_an_event_nouns_of_phrase_is_its_object(
    nlp: Language, coding: Coding, text: str, coded: bool
) -> None:
    assert any(d[:2] == ("DEU", "042") for d in dyads(code(nlp, coding, text))) is coded


def test_a_state_claiming_what_its_forces_did_accuses_no_one(coding_pipeline: Pipeline) -> None:
    text = "The Syrian government claimed that the Syrian army attacked the rebels."
    events = coding_pipeline.code_text(text).events
    assert not [e for e in events if e.code.cameo == "112"], "its own army is its own side"
    claims = [e for e in events if e.code.cameo == "015"]
    assert claims and claims[0].counted


def test_an_outlet_reporting_an_attack_on_others_accuses_no_one(
    coding_pipeline: Pipeline,
) -> None:
    text = "Syrian state media reported that rebels shelled Aleppo."
    events = coding_pipeline.code_text(text).events
    assert [e.code.cameo for e in events if e.code.root == "19"], "the attack is coded"
    assert not [e for e in events if e.code.cameo == "112"]


def test_it_is_never_a_person_speaking_in_their_own_name(coding_pipeline: Pipeline) -> None:
    text = "Norway would defend Saudi Arabia if it is attacked, Norway's foreign minister said."
    events = coding_pipeline.code_text(text).events
    pairs = {(e.source.code, e.target.code) for e in events if e.source and e.target}
    assert ("NOR", "SAU") in pairs
    assert not [e for e in events if e.target is not None and e.target.code == "NORGOV"]


def test_it_in_the_words_of_an_envoy_is_the_body_they_speak_for(
    coding_pipeline: Pipeline,
) -> None:
    text = "Joe Smith, the US envoy, said it will expel two Russian diplomats."
    sources = {e.source.code for e in coding_pipeline.code_text(text).events if e.source}
    assert sources & {"USA", "USAGOV"}


def test_the_to_phrase_of_an_object_names_the_target(dyads_of: Dyads) -> None:
    dyads = dyads_of("Germany expressed condolences to the people of Turkey after the attack.")
    assert any(s == "DEU" and t is not None and t.startswith("TUR") for s, _c, t in dyads)


def test_what_an_actor_made_clear_it_will_not_do_is_its_refusal(dyads_of: Dyads) -> None:
    dyads = dyads_of("Germany has made it clear it will not lift the sanctions on Iran.")
    assert any(s == "DEU" and c.startswith("12") for s, c, _t in dyads), dyads


def test_agreeing_with_someone_s_view_is_accord_not_cooperation(dyads_of: Dyads) -> None:
    shared = dyads_of("Germany agrees with France that the plan is flawed.")
    assert any(s == "DEU" and c == "019" for s, c, _t in shared), shared
    settled = dyads_of("Germany agreed with France on a new trade deal.")
    assert not any(c == "019" for _s, c, _t in settled), "a matter settled is cooperation"
    backed = dyads_of("With the backing of parliament, Germany agreed and accepted the proposal.")
    assert not any(c == "019" for _s, c, _t in backed), "a 'with' before the verb is no view"


def test_he_in_what_a_person_says_is_that_person(coding_pipeline: Pipeline) -> None:
    text = "Vladimir Putin met Emmanuel Macron in Moscow and said he would attack Ukraine."
    events = coding_pipeline.code_text(text).events
    threats = [e for e in events if e.code.root == "13" and e.target and e.target.code == "UKR"]
    assert threats and all(e.source and e.source.country == "RUS" for e in threats), threats
    assert threats[0].source is not None and threats[0].source.antecedent == (0, 14)


def test_the_target_named_in_a_subject_phrase_is_not_its_source(dyads_of: Dyads) -> None:
    text = "A suicide attack on a convoy of the German army killed eight people in Kabul."
    sources = {s for s, c, _t in dyads_of(text) if c.startswith("18") or c.startswith("19")}
    assert sources and not any(s and s.startswith("DEU") for s in sources), sources


def test_sending_people_to_investigate_is_the_investigation(
    coding_pipeline: Pipeline,
) -> None:
    text = "France sent seven military experts to investigate the attacks on Saudi Arabia."
    counted = [e for e in coding_pipeline.code_text(text).events
               if not (e.modality.negated or e.modality.hypothetical)]
    assert [(e.source.code if e.source else None, e.code.cameo) for e in counted] == [
        ("FRA", "090")], counted
    assert counted[0].evidence.trigger_text == "sent"
    helped = coding_pipeline.code_text("France sent troops to help Mali.").events
    assert not any(e.code.root == "09" for e in helped), "only an inquiry is the sending's act"


def test_sending_things_to_help_is_the_help(coding_pipeline: Pipeline) -> None:
    def counted(text: str) -> list[tuple[str | None, str, str | None]]:
        return [(e.source.code if e.source else None, e.code.cameo,
                 e.target.code if e.target else None)
                for e in coding_pipeline.code_text(text).events if e.counted]

    assert counted("Kenya sent equipment to help Uganda.") == [("KEN", "070", "UGA")]
    assert ("KEN", "033", "UGA") in counted("Kenya is willing to send equipment to help Uganda.")
    sent = counted("Kenya sent troops to help Uganda.")
    assert "070" not in {c for _s, c, _t in sent}, "a sending with a reading of its own"


def test_the_means_an_actor_uses_does_not_act(dyads_of: Dyads) -> None:
    dyads = dyads_of("Liberian riot police used tear gas to disperse the protesters.")
    assert any(s == "LBRCOP" and c.startswith("17") for s, c, _t in dyads), dyads


def test_an_act_inside_a_charge_is_not_counted(nlp: Language) -> None:
    """What a sentence was for is the charge, its complement included."""
    doc = nlp("Germany jailed a French student for helping militants attack Italy.")
    attack = next(t for t in doc if t.lower_ == "attack")
    assert attack.dep_ == "xcomp", "the parse this test is about"
    assert modality_of(attack, False, False).hypothetical
    guilty = nlp("The student was found guilty of helping militants attack Italy.")
    assert not modality_of(next(t for t in guilty if t.lower_ == "attack"), False, False
                           ).hypothetical, "a factive adjective's charge happened"


def test_a_main_clause_parsed_under_an_after_clause_keeps_its_own_modality(
    nlp: Language,
) -> None:
    """The parser may hang the main clause on the verb of an "after" clause; what
    that verb governs (an agreement) does not then make the main clause unreal."""
    doc = nlp("Dozens of Kenyan peacekeepers destined for Somalia began deploying Tuesday, "
              "hours after Uganda and Ethiopia agreed to halt fighting over the region.")
    began = next(t for t in doc if t.lower_ == "began")
    assert began.dep_ == "ccomp", "the parse this test is about"
    assert not modality_of(began, False, False).hypothetical
    halt = next(t for t in doc if t.lower_ == "halt")
    assert modality_of(halt, False, False).hypothetical, "what was agreed to stays unreal"


def test_an_act_one_is_charged_with_is_not_counted(nlp: Language) -> None:
    """ "charged X with supporting" charges the support, as "accused X of" does."""
    doc = nlp("Germany charged France with supporting the Italian rebels.")
    supporting = next(t for t in doc if t.lower_ == "supporting")
    assert modality_of(supporting, False, False).hypothetical
    helped = nlp("Germany helped France with building the road.")
    assert not modality_of(next(t for t in helped if t.lower_ == "building"), False, False
                           ).hypothetical, "a 'with' gerund of other verbs is done"


def test_an_act_inside_an_allegation_is_not_counted(nlp: Language) -> None:
    doc = nlp("Kenya rejected an allegation that its soldiers raped a girl.")
    raped = next(t for t in doc if t.lower_ == "raped")
    assert modality_of(raped, False, False).hypothetical, "the allegation's content"
    plain = next(t for t in nlp("Kenyan soldiers raped a girl.") if t.lower_ == "raped")
    assert not modality_of(plain, False, False).hypothetical


def test_a_particle_stands_after_its_verb(dyads_of: Dyads) -> None:
    dyads = dyads_of("US President Joe Biden on Friday called Russia's ambassador to the United "
                     "Nations a very dangerous man as he again reacted to the leaked cables.")
    assert not any(c.startswith("02") for _s, c, _t in dyads), "no 'call on' appeal"


def test_an_adjective_right_after_its_verb_completes_it(dyads_of: Dyads) -> None:
    dyads = dyads_of("Kenya let free 40 jailed activists.")
    assert any(c == "0841" for _s, c, _t in dyads), "'let free' releases them"
    assert not dyads_of("Kenya let the talks fail.")  # no "free": no release


def test_launching_a_mediation_effort_is_mediating(dyads_of: Dyads) -> None:
    aimed = dyads_of("Norway has launched a mediation effort to avert a war.")
    assert any(s == "NOR" and c == "045" for s, c, _t in aimed), "its aim does not hide it"
    plain = dyads_of("Norway launched a mediation effort.")
    assert {c for _s, c, _t in plain} == {"045"}, "a mediation, not an appeal (020)"


def test_calling_someone_to_talk_is_a_telephone_call(dyads_of: Dyads) -> None:
    phoned = dyads_of("Russian Foreign Minister Sergey Lavrov called French Foreign Minister "
                      "Catherine Colonna to discuss the crisis.")
    assert ("RUSGOV", "041", "FRAGOV") in phoned and not any(c[:2] == "02" for _s, c, _t in phoned)
    urged = dyads_of("Russia called on France to discuss the crisis.")
    assert any(c[:2] == "02" for _s, c, _t in urged), urged


def test_a_date_before_a_call_is_no_call_on(dyads_of: Dyads) -> None:
    """The "on" of "called on X" follows the verb: "On Monday, X called Y to discuss"
    is still a telephone call."""
    phoned = dyads_of("On Monday, Russian Foreign Minister Sergey Lavrov called French "
                      "Foreign Minister Catherine Colonna to discuss the crisis.")
    assert ("RUSGOV", "041", "FRAGOV") in phoned and not any(c[:2] == "02" for _s, c, _t in phoned)


def test_a_phrase_of_the_complement_is_not_the_call_s(dyads_of: Dyads) -> None:
    """ "called X to apologize for the remarks" is a call made to apologize: the "for"
    is the apology's, no "call for" (an appeal), and apologizing is a reason to phone."""
    phoned = dyads_of("On Monday, Russian Foreign Minister Sergey Lavrov called French "
                      "Foreign Minister Catherine Colonna to apologize for the remarks.")
    assert ("RUSGOV", "041", "FRAGOV") in phoned
    assert not any(c[:2] == "02" for _s, c, _t in phoned), phoned
    visit = dyads_of("The French president is scheduled to attend a summit in Italy on trade.")
    assert ("FRAGOV", "042", "ITA") in visit, "the complement's own phrases are its own"


@pytest.mark.parametrize(("text", "expected"), [
    ("China launched military drills around Taiwan.", ("CHN", "150", "TWN")),
    ("Iran held naval drills in the Gulf.", ("IRN", "150", None)),
    ("China and Russia on Monday launched ten days of joint war games.", ("CHN", "062", "RUS")),
    ("Azerbaijani troops took part in military exercises with Turkey.", ("AZEMIL", "062", "TUR")),
])
def test_military_exercises_show_force_and_joint_ones_cooperate(
    dyads_of: Dyads, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in dyads_of(text)


def test_issuing_a_document_says_what_it_says(dyads_of: Dyads) -> None:
    """Issuing a declaration is no cooperation (GRANT's default, 060): alone it is a
    statement, and what the declaration does is the issuer's act."""
    assert dyads_of("The Turkish government issued a declaration on Monday.") == {
        ("TURGOV", "010", None)}
    demanded = dyads_of("Germany issued a declaration demanding that France withdraw.")
    assert ("DEU", "100", "FRA") in demanded and not any(c == "060" for _s, c, _t in demanded)


@pytest.mark.parametrize("text", [
    "Turkish police prevented the demonstration.",
    "The Russian government banned the rally.",
    "Belarusian authorities blocked the protest march.",
])
def test_preventing_or_banning_a_demonstration_restricts_freedoms(
    dyads_of: Dyads, text: str
) -> None:
    assert {c for _s, c, _t in dyads_of(text)} == {"1721"}


def test_staging_a_hunger_strike_in_prison_is_a_hunger_strike(dyads_of: Dyads) -> None:
    found = dyads_of("Algerian activists staged a hunger strike in prison.")
    assert {c for _s, c, _t in found} == {"142"}, found


def test_sharing_intelligence_is_coded(dyads_of: Dyads) -> None:
    """The intelligence shared is a thing, though the agents dictionary reads the word
    as intelligence services, and gives the phrase's country that role."""
    assert dyads_of("Turkey shared intelligence with Russia.") == {("TUR", "064", "RUS")}
    assert dyads_of("Turkey shared intelligence information with the Russian government."
                    ) == {("TUR", "064", "RUSGOV")}
    # a place inside the object's phrase still gives the role its country
    assert ("NGAREB", "192", "NGAMIL") in dyads_of(
        "Nigerian rebels overran a military base in northeast Nigeria.")


def test_summoning_a_diplomat_to_lodge_a_complaint_complains(dyads_of: Dyads) -> None:
    text = "China summoned a US diplomat to lodge a formal complaint about US comments."
    assert any(s == "CHN" and c.startswith("114") for s, c, _t in dyads_of(text))


def test_would_in_reported_words_is_the_future_of_an_adjective_too(
    coding_pipeline: Pipeline,
) -> None:
    text = "The Kenyan president said he would be ready to host talks with Uganda."
    intents = [e for e in coding_pipeline.code_text(text).events if e.code.cameo == "036"]
    assert intents and intents[0].counted, intents


def test_the_subject_s_own_forces_are_no_target(dyads_of: Dyads) -> None:
    dyads = dyads_of("Syria offered its troops to the Lebanese president.")
    assert any(s == "SYR" and t is not None and t.startswith("LBN") for s, _c, t in dyads), dyads
    assert not any(t == "---MIL" for _s, _c, t in dyads)


def test_pressuring_someone_to_act_demands_it(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("Kenya pressured Uganda to withdraw its troops.").events
    counted = [(e.source.code if e.source else None, e.code.cameo) for e in events if e.counted]
    assert counted == [("KEN", "106")], events


def test_who_is_the_same_actor_as_the_source(coding_pipeline: Pipeline) -> None:
    """Two names no dictionary knows are two actors, though both are coded ---; a
    pronoun for the coordinated subject is the subject, whichever code it took."""
    named = coding_pipeline.code_text("Sajid Mir criticized Ahmed Rashid.").events
    assert [(e.source.text, e.target.text) for e in named if e.source and e.target] == [
        ("Sajid Mir", "Ahmed Rashid")]
    text = "Senior Hungarian and Romanian officials agreed that their countries should cooperate."
    agreed = [e for e in coding_pipeline.code_text(text).events if e.code.root == "03"]
    assert agreed and all(e.target is None for e in agreed)
    met = coding_pipeline.code_text("Senior Hungarian and Romanian officials met.").events
    assert sorted((e.source.code, e.target.code) for e in met if e.source and e.target) == [
        ("HUNGOV", "ROUGOV"), ("ROUGOV", "HUNGOV")], "two actors of one phrase meet"


def test_coordinated_adjectives_share_the_head_s_roles_once(coding_pipeline: Pipeline) -> None:
    """ "French and German troops" are FRAMIL and DEUMIL; German is not DEU as well."""
    events = coding_pipeline.code_text("French and German troops attacked the town.").events
    assert sorted(e.source.code for e in events if e.source is not None) == ["DEUMIL", "FRAMIL"]


def test_what_a_document_does_is_its_issuer_s_act(coding_pipeline: Pipeline) -> None:
    """ "issued a statement calling on X" is the issuer's appeal to X (not a bare
    statement with the call dropped as background); a document someone else issued
    ("investigated a report accusing ...") is not the investigator's act."""
    text = "Amnesty International issued a statement calling on the Kenyan government to act."
    events = coding_pipeline.code_text(text).events
    assert [(e.source.code, e.code.cameo, e.target.code) for e in events
            if e.counted and e.source and e.target] == [("NGOHRIAMN", "020", "KENGOV")]
    assert not [e for e in events if e.code.cameo == "010"]
    other = coding_pipeline.code_text("Kenya investigated a report accusing Uganda of torture.")
    assert not [e for e in other.events if e.code.root == "11" and e.source is not None]


def test_a_document_voted_down_does_nothing(coding_pipeline: Pipeline) -> None:
    """ "vetoed a resolution condemning X": the veto is the event; the resolution
    condemned no one, while one adopted does."""
    def condemnations(text: str) -> list[Event]:
        events = coding_pipeline.code_text(text).events
        return [e for e in events if e.code.cameo == "111" and e.counted]

    assert not condemnations("Kenya vetoed a UN resolution condemning the Ugandan army.")
    assert not condemnations("A UN resolution condemning the Ugandan army was defeated.")
    assert condemnations("The UN adopted a resolution condemning the Ugandan army.")


def test_who_is_committed_holds_the_commitment(coding_pipeline: Pipeline) -> None:
    """ "is committed to" is a stative participle: its subject pledges, nobody commits
    it to anything."""
    events = coding_pipeline.code_text("Vietnam is committed to opening up its economy.").events
    assert [(e.source and e.source.code, e.code.cameo, e.target) for e in events] == [
        ("VNM", "030", None)]


def test_a_name_no_dictionary_knows_yields_to_a_coded_actor(coding_pipeline: Pipeline) -> None:
    """A coded actor in the subject's phrase names the source before an unknown name
    does, and an act whose only party is unknown does not hide a known speaker's
    statement."""
    text = "Richard Barrett, the former director of counter-terrorism at MI6, said it."
    said = coding_pipeline.code_text(text).events
    assert [(e.source and e.source.code, e.code.cameo) for e in said] == [("GBRSPY", "010")]
    text = "Vladimir Putin said so during a visit to the Ulan-Ude Aviation Plant."
    visit = coding_pipeline.code_text(text).events
    assert ("RUSELI", "010") in [(e.source and e.source.code, e.code.cameo) for e in visit]


def test_an_event_that_dates_another_is_background(nlp: Language, coding: Coding) -> None:
    """ "since Italy's invasion" tells when, not what happened: with an event of its
    own, the sentence does not code the invasion again; alone, it is coded."""
    text = "Germany praised France, and France has grown since Italy's invasion."
    assert [e.code.cameo for e in code(nlp, coding, text)] == ["051"]
    assert "192" in {e.code.cameo for e in code(nlp, coding, "France grew after Italy's invasion.")}


def test_would_with_a_time_ahead_is_a_plan(coding_pipeline: Pipeline) -> None:
    """ "would hold talks next month" is the future of the report, and a conjunct with
    a modal of its own does not take the other conjunct's."""
    text = "The EU would step up its efforts and would hold talks with Kenya next month."
    talks = [e for e in coding_pipeline.code_text(text).events if e.target is not None
             and e.target.code == "KEN"]
    assert [(e.code.cameo, e.counted) for e in talks] == [("036", True)]
    iffy = coding_pipeline.code_text("Kenya would attack Uganda if it crossed the border.")
    assert not [e for e in iffy.events if e.counted]


@pytest.mark.parametrize(("text", "threat"), [
    ("German officials cautioned that no deadline had been set for the pullout.", False),
    ("Germany warned that Russian troops were massing on the border.", False),
    ("Germany warned that it would retaliate against Russia.", True),
    ("Germany warned Russia against further provocations.", True),
    ("Germany warned that attempts to settle the dispute by force would have dire results.",
     True),
])  # fmt: skip
def test_a_warning_of_how_things_stand_threatens_no_one(
    dyads_of: Dyads, text: str, threat: bool
) -> None:
    """WARN's default is a threat (130); a warning whose clause tells what is or was,
    with no act to come, is a statement."""
    assert any(c == "130" for _s, c, _t in dyads_of(text)) is threat, dyads_of(text)


def test_the_object_the_parser_makes_a_participle_s_subject_is_the_verb_s(
    dyads_of: Dyads,
) -> None:
    """ "will not accept refugees fleeing X" may be parsed as a clause whose subject is
    the refugees; they are what ACCEPT's refugee pattern names, so the refusal stands."""
    dyads = dyads_of("Kenya says it will not accept any more Somali refugees fleeing the fighting.")
    assert any(s == "KEN" and c[:2] == "12" for s, c, _t in dyads), dyads


def test_an_adjective_after_the_object_completes_the_verb_s_pattern(dyads_of: Dyads) -> None:
    """ "found the minister guilty" is parsed as a clause headed by "guilty"; a verbless
    adjective holds no event of its own, so FOUND * GUILTY (173) applies, not FOUND's
    reading as founding something (060, cooperation)."""
    dyads = dyads_of("A Danish court found the Kenyan minister guilty of corruption.")
    codes = {c for _s, c, _t in dyads}
    assert "173" in codes and "060" not in codes, dyads


@pytest.mark.parametrize(("text", "root"), [
    ("Germany announced it would cut all aid to the rebels in Mali.", "16"),
    ("Germany declared that it would cut all aid to the rebels in Mali.", "16"),
    ("Germany said it would cut all aid to the rebels in Mali.", "13"),
])  # fmt: skip
def test_an_announced_sanction_is_the_sanction_and_a_said_one_a_threat(
    dyads_of: Dyads, text: str, root: str
) -> None:
    """A cut in relations its maker announces is a measure decided (16, flagged
    future); one it only says it will make is a warning (13)."""
    found = dyads_of(text)
    assert any(c.startswith(root) and t == "MLIREB" for _s, c, t in found), found
    other = "13" if root == "16" else "16"
    assert not any(c.startswith(other) for _s, c, _t in found), found
