"""Event actors widened to their noun phrases in the parse."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.extents import NOTE, phrase_of, widened
from eventwire.model import ActorMention
from eventwire.pipeline import Pipeline


def _phrase(nlp: Language, text: str, word: str) -> str:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    start, end = phrase_of(token)
    return text[start:end]


@pytest.mark.parametrize(("text", "word", "phrase"), [
    ("The Israeli army shelled a village on Monday.", "Israeli", "The Israeli army"),
    ("Police detained dozens of demonstrators on Monday.", "demonstrators",
     "dozens of demonstrators"),
    ("Warplanes attacked the final rebel-held city near Damascus.", "rebel",
     "the final rebel-held city near Damascus"),
    ("Israel attacked the Syrian army and its allies.", "army", "the Syrian army"),
    # a preposition whose object is a time is left out with it, not left dangling
    ("Kenya was responsible for mass killings of Somali people in the late 1990s.", "killings",
     "mass killings of Somali people"),
])  # fmt: skip
def test_a_word_names_its_whole_noun_phrase(nlp: Language, text: str, word: str,
                                            phrase: str) -> None:
    assert _phrase(nlp, text, word) == phrase


@pytest.mark.parametrize(("text", "word", "phrase"), [
    ("Turkey - backed fighters shelled the town.", "Turkey", "Turkey - backed fighters"),
    ("Yemen-based militants attacked a tanker.", "Yemen", "Yemen-based militants"),
    ("Kenyan troops fought Somalia - based rebels.", "rebels", "Somalia - based rebels"),
])  # fmt: skip
def test_a_name_before_a_hyphenated_participle_is_part_of_the_phrase(
        nlp: Language, text: str, word: str, phrase: str) -> None:
    assert _phrase(nlp, text, word) == phrase


def test_a_place_s_description_is_no_part_of_it(nlp: Language) -> None:
    """ "Mombasa, Kenya's second city": the apposition describes the place; a person's
    apposition still names him."""
    text = "Rebels shelled Mombasa , Kenya 's second largest city , on Monday ."
    doc = nlp(text)
    start, end = phrase_of(next(t for t in doc if t.text == "Mombasa"), place=True)
    assert text[start:end] == "Mombasa"
    assert _phrase(nlp, "Ali Hassan , a Kenyan spokesman , denied it .", "Ali") == (
        "Ali Hassan , a Kenyan spokesman")


def test_an_adverb_without_a_hyphen_is_no_part_of_the_phrase(nlp: Language) -> None:
    """ "Hours" is parsed as the same kind of modifier of "earlier" as "Turkey" of
    "backed", but says when."""
    assert "Hours" not in _phrase(nlp, "Hours earlier Obama rejected the plan.", "Obama")


@pytest.mark.parametrize(("text", "phrase"), [
    # a place that says where a targeted thing is stands for the thing
    ("Rebels shelled army positions in Chad on Monday.", "army positions in Chad"),
    ("Gunmen attacked a police station inside Kabul.", "a police station inside Kabul"),
    ("Rebels shelled the cities in Chad on Monday.", "the cities in Chad"),
    ("Rebels abducted several residents in Kabul.", "several residents in Kabul"),
    # in an event noun's phrase the place is the party itself
    ("The envoy welcomed the ceasefire in Chad.", "Chad"),
])  # fmt: skip
def test_a_place_actor_names_the_thing_it_locates(nlp: Language, text: str,
                                                  phrase: str) -> None:
    doc = nlp(text)
    place = next(t for t in doc if t.text in ("Chad", "Kabul"))
    start, end = phrase_of(place, place=True)
    assert text[start:end] == phrase
    assert text[slice(*phrase_of(place))] == place.text, "only for an actor that is a place"


@pytest.mark.parametrize(("text", "word", "phrase"), [
    ("Kenya rejected the Ugandan government's request for new talks.", "Ugandan",
     "the Ugandan government's request"),
    ("Chad welcomed the French proposal about border patrols.", "French",
     "the French proposal"),
])  # fmt: skip
def test_a_topic_is_no_part_of_who(nlp: Language, text: str, word: str, phrase: str) -> None:
    assert _phrase(nlp, text, word) == phrase


def test_a_phrase_that_tells_a_deed_is_no_part_of_who(nlp: Language) -> None:
    text = "Pence promised support for the Afghan government's efforts at restoring peace."
    assert _phrase(nlp, text, "Afghan") == "the Afghan government's efforts"


def test_a_charge_is_no_part_of_who_is_charged(nlp: Language) -> None:
    doc = nlp("Iran accused the Iraqi government of economic mismanagement.")
    token = next(t for t in doc if t.text == "Iraqi")
    start, end = phrase_of(token, charge=True)
    assert doc.text[start:end] == "the Iraqi government"
    named_later = nlp("Amnesty accused the Kenyan army of mass slaughter of hundreds of men, "
                      "women and children in Garissa.")
    token = next(t for t in named_later if t.text == "Kenyan")
    start, end = phrase_of(token, charge=True)
    assert named_later.text[start:end] == "the Kenyan army", "a place in the charge"
    named = nlp("Police detained the head of rights group Amnesty International.")
    head = next(t for t in named if t.text == "head")
    start, end = phrase_of(head, charge=True)
    assert named.text[start:end].endswith("Amnesty International"), "a name is no charge"


def _mention(span: tuple[int, int], text: str) -> ActorMention:
    return ActorMention("ISRMIL", "ISR", ("MIL",), text[span[0]:span[1]], span, 0, "test")


def test_a_phrase_over_another_role_or_not_over_the_actor_is_not_taken() -> None:
    text = "the army of Israel and Syria"
    army = _mention((4, 8), text)
    assert widened(army, [], (0, 18), text).text == "the army of Israel"  # type: ignore[union-attr]
    assert widened(army, [(23, 28)], (0, 28), text) is army  # would swallow the other side
    assert widened(army, [(4, 8)], (0, 18), text).span == (0, 18)  # type: ignore[union-attr]
    assert widened(army, [], (9, 18), text) is army  # does not cover the actor's words
    assert widened(None, [], (0, 8), text) is None


def test_events_keep_codes_and_say_which_words_matched(coding_pipeline: Pipeline) -> None:
    coded = coding_pipeline.code_text("The Israeli army shelled a village on Monday.")
    (event,) = coded.events
    assert event.source is not None and event.source.text == "The Israeli army"
    assert event.source.code.startswith("ISR")
    matched = dict(event.extra)[NOTE]
    assert "source: Israeli army" in matched
    mention_texts = {m.text for m in coded.actors}
    assert "The Israeli army" not in mention_texts  # the actor stage's words are kept


def test_a_pronoun_shows_the_phrase_that_names_its_actor_in_the_sentence(
    coding_pipeline: Pipeline,
) -> None:
    text = "The Kenyan president says he will seek support from Uganda."
    (appeal,) = [e for e in coding_pipeline.code_text(text).events if e.code.cameo == "022"]
    assert appeal.source is not None and appeal.source.text == "The Kenyan president"
    assert appeal.source.span == (0, 20) and (NOTE, "source: he") in appeal.extra


def test_a_pronoun_s_phrase_is_built_from_its_antecedent_s_head(
    coding_pipeline: Pipeline,
) -> None:
    """The phrase around the antecedent's head word, not around its first word."""
    text = "Kenya summoned the UK envoy to complain about his attendance at a rally."
    (complaint,) = [e for e in coding_pipeline.code_text(text).events if e.code.root == "11"]
    assert complaint.target is not None and complaint.target.text == "the UK envoy"


def test_a_pronoun_whose_actor_is_named_in_an_earlier_sentence_stays(
    coding_pipeline: Pipeline,
) -> None:
    text = "The Kenyan president arrived. He praised Uganda."
    praise = [e for e in coding_pipeline.code_text(text).events if e.code.cameo == "051"]
    assert praise and praise[0].source is not None and praise[0].source.text == "He"
    assert praise[0].source.antecedent == (4, 20), "the reference still says whom it means"


def test_the_act_of_the_pattern_is_no_part_of_who(coding_pipeline: Pipeline) -> None:
    """ "lifted its blockade of Uganda": the blockade is what was lifted, Uganda whom it
    was done to; a pattern that ends in the actor's own word keeps its phrase."""
    (lifted,) = coding_pipeline.code_text("Kenya lifted its blockade of Uganda.").events
    assert lifted.target is not None and lifted.target.text == "Uganda"
    detained = coding_pipeline.code_text("Police detained dozens of demonstrators in Nairobi.")
    assert any(e.target is not None and e.target.text == "dozens of demonstrators"
               for e in detained.events)


def test_an_indefinite_description_of_a_name_is_an_aside(nlp: Language) -> None:
    """ "Shabab, an Islamist group" says what Shabab is; a title names an office."""
    text = "Kenyan troops attacked Shabab , an Islamist group , on Monday ."
    assert _phrase(nlp, text, "Shabab") == "Shabab"
    text = "Rebels seized Ali Hassan , a Kenyan official , on Monday ."
    assert _phrase(nlp, text, "Hassan") == "Ali Hassan , a Kenyan official"
    text = "Rebels seized Ali Hassan , the Kenyan smuggler , on Monday ."
    assert _phrase(nlp, text, "Hassan") == "Ali Hassan , the Kenyan smuggler"


def test_a_phrase_keeps_the_bracket_it_opened(nlp: Language) -> None:
    text = "The African Union ( AU ) condemned Kenya ."
    assert _phrase(nlp, text, "Union") == "The African Union ( AU )"


def _sides(pipeline: Pipeline, text: str) -> set[tuple[str | None, str | None]]:
    return {(e.source and e.source.text, e.target and e.target.text)
            for e in pipeline.code_text(text).events}


def test_parties_named_together_are_one_party_to_an_act_without_another(
    coding_pipeline: Pipeline,
) -> None:
    """ "Kenya and Uganda agreed to a ceasefire" was agreed by both together; what each
    did to a third party, or to the other, is its own."""
    assert _sides(coding_pipeline, "Kenya and Uganda agreed to a ceasefire.") == {
        ("Kenya and Uganda", None)}
    assert _sides(coding_pipeline, "Kenya and Uganda signed an agreement.") == {
        ("Kenya", "Uganda"), ("Uganda", "Kenya")}
    assert _sides(coding_pipeline, "Kenya and Uganda condemned Somalia.") == {
        ("Kenya", "Somalia"), ("Uganda", "Somalia")}
    # only parties that all did the act make one: the storm did not retreat
    assert _sides(coding_pipeline, "The storm and Kenyan troops retreated.") == {
        ("Kenyan troops", None)}


def test_examples_of_a_party_are_no_part_of_it(nlp: Language) -> None:
    text = "Kenya expelled aid workers , including those from Oxfam , on Monday ."
    assert _phrase(nlp, text, "workers") == "aid workers"


def test_an_adverb_of_a_modifier_is_part_of_the_phrase(nlp: Language) -> None:
    text = "Kenya urged internationally recognized leaders to act ."
    assert _phrase(nlp, text, "leaders") == "internationally recognized leaders"
    assert _phrase(nlp, "Rebels killed how many people ?", "people") == "many people"


def test_a_bracketed_abbreviation_after_a_name_is_part_of_it(nlp: Language) -> None:
    text = "Kenya sent an envoy to the Ogaden Liberation Front ( O . L . F . ) on Monday ."
    assert _phrase(nlp, text, "Front") == "the Ogaden Liberation Front ( O . L . F . )"
    text = "Kenya condemned the Ogaden Front ( in Somalia ) today ."
    assert _phrase(nlp, text, "Front") == "the Ogaden Front"


def test_a_possessor_the_parser_left_alone_names_what_it_owns(nlp: Language) -> None:
    """A spaced possessive ("Uganda ’ s right") the parser hung on the verb."""
    text = "Kenya defended Uganda ’ s right to trade freely ."
    assert _phrase(nlp, text, "Uganda") == "Uganda ’ s right"


def test_a_phrase_ends_before_a_time_it_leaves_out(nlp: Language) -> None:
    """A span has no holes: the place after a date would bring the date in with it."""
    text = "Kenyan airstrikes this month in the area have killed ten militants ."
    assert _phrase(nlp, text, "airstrikes") == "Kenyan airstrikes"


def test_a_time_never_cuts_off_the_noun_the_actor_belongs_to(nlp: Language) -> None:
    text = "Kenya protested on the eve of the anniversary of Uganda 's February 24 invasion ."
    assert _phrase(nlp, text, "Uganda").endswith("February 24 invasion")
