"""Finding, composing and resolving actor mentions in parsed articles."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from spacy.language import Language

from eventwire.actors import ActorComponent, find_actors, find_in_doc
from eventwire.actors.compose import split_code
from eventwire.lexicon.actors import (
    ActorDictionary,
    default_actor_dictionary,
    parse_actor_text,
    parse_agent_text,
    read_curated,
)
from eventwire.model import ActorMention, Article
from eventwire.parse import parse_articles

ACTORS = """\
RUSSIAN_FEDERATION_ [RUS]
+RUSSIA_
+RUSSIAN
UNITED_KINGDOM_ [GBR]
+UK_
+BRITISH_
SWITZERLAND_ [CHE]
+SWISS_
BORIS_JOHNSON_ [GBRELI]
+JOHNSON_
\t[GBRGOV 20190724-20220906]
"""
AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
FOREIGN_MINISTER [~GOV]
FOREIGN_SECRETARY [~GOV]
PRIME_MINISTER [~GOV]
TROOP [~MIL]
COURT [~JUD]
POLICE {} [~COP]
PROTESTER [~OPP]
SPOKES!PERSON! [~MED]
PEOPLE {} [~PPL]
MILITARY [~MIL]
GOVERNOR [~GOV]
"""
CURATED = "Moscow\tRUSGOV\tcapital\nKremlin\tRUSGOV\tseat\nforces\t~MIL\tagent\n"


@pytest.fixture(scope="module")
def small() -> ActorDictionary:
    names, agents = read_curated(CURATED, "test.tsv")
    return ActorDictionary(
        parse_actor_text(ACTORS, "test.actors"),
        agents + parse_agent_text(AGENTS, "test.agents"),
        names,
    )


def _article(text: str, date: dt.date | None) -> Article:
    paragraphs = tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text))
    return Article(id="t", text=text, paragraphs=paragraphs, date=date)


def code(
    nlp: Language, text: str, dictionary: ActorDictionary, date: dt.date | None = None,
    places: frozenset[str] = frozenset(),
) -> list[ActorMention]:
    parsed = next(parse_articles([_article(text, date)], nlp))
    mentions = list(find_actors(parsed, dictionary, date, places.__contains__))
    for mention in mentions:  # spans and heads point into the article text
        assert text[mention.span[0] : mention.span[1]] == mention.text
        assert mention.head is not None and mention.span[0] <= mention.head < mention.span[1]
    assert mentions == sorted(mentions, key=lambda m: m.span)
    return mentions


def by_text(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {mention.text: mention for mention in mentions}


def test_demonym_title_and_name_make_one_mention(nlp: Language, small: ActorDictionary) -> None:
    text = "Russian Foreign Minister Sergey Lavrov met UK Foreign Secretary Liz Truss."
    found = by_text(code(nlp, text, small))
    lavrov = found["Russian Foreign Minister Sergey Lavrov"]
    assert (lavrov.code, lavrov.country, lavrov.roles) == ("RUSGOV", "RUS", ("GOV",))
    assert text[lavrov.head :].startswith("Lavrov")
    assert "test.actors" in lavrov.rule and "FOREIGN MINISTER" in lavrov.rule
    truss = found["UK Foreign Secretary Liz Truss"]
    assert truss.code == "GBRGOV" and text[truss.head :].startswith("Truss")
    assert len(found) == 2


def test_roles_join_country_codes(nlp: Language, small: ActorDictionary) -> None:
    text = (
        "Russian troops and British forces met the Russian people, and a Swiss court "
        "heard the Kremlin spokesman."
    )
    found = by_text(code(nlp, text, small))
    assert found["Russian troops"].code == "RUSMIL"
    assert found["British forces"].code == "GBRMIL"
    assert found["Russian people"].code == "RUSCVL"
    assert found["Swiss court"].code == "CHEJUD"
    assert found["Kremlin spokesman"].code == "RUSGOV"  # the seat fixes the sector


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # forces a country leads are its forces
        ("UK-led forces crossed the border.", "UK-led forces", "GBRMIL"),
        # a country that backs them does not make them its own
        ("Russian-backed troops crossed the border.", "troops", "---MIL"),
    ],
)
def test_a_leading_country_names_the_group_it_leads(
    nlp: Language, small: ActorDictionary, text: str, mention: str, expected: str
) -> None:
    assert by_text(code(nlp, text, small))[mention].code == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # a country a group is for or against is not the group's country
        ("Pro-Russian troops crossed the border.", "troops", "---MIL"),
        ("Anti-British protesters met the police.", "protesters", "---OPP"),
        # a name with no stance prefix keeps its country
        ("Russian protesters met the police.", "Russian protesters", "RUSOPP"),
    ],
)
def test_a_country_after_pro_or_anti_names_a_stance_not_a_member(
    nlp: Language, small: ActorDictionary, text: str, mention: str, expected: str
) -> None:
    assert by_text(code(nlp, text, small))[mention].code == expected


def test_role_only_titles_and_bare_countries(nlp: Language, small: ActorDictionary) -> None:
    found = by_text(code(nlp, "Police detained protesters as Russia watched.", small))
    police = found["Police"]
    assert (police.code, police.country, police.roles) == ("---COP", None, ("COP",))
    assert found["protesters"].code == "---OPP"
    assert found["Russia"].code == "RUS" and found["Russia"].roles == ()
    assert not code(nlp, "The court said the police will decide.", small)[0].country


@pytest.mark.parametrize("text", [
    "Troops shelled camps near the Russian border.",
    "Troops shelled camps along Russia's frontier.",
])
def test_a_country_that_only_qualifies_a_border_is_no_actor(
    nlp: Language, small: ActorDictionary, text: str
) -> None:
    assert [m.text for m in code(nlp, text, small)] == ["Troops"]


def test_border_guards_keep_their_country(nlp: Language, small: ActorDictionary) -> None:
    found = by_text(code(nlp, "British border troops met Russia at the border.", small))
    assert found["British border troops"].code == "GBRMIL" and found["Russia"].code == "RUS"


def test_metonym_as_actor_and_as_place(nlp: Language, small: ActorDictionary) -> None:
    actor = code(nlp, "Moscow rejected the proposal on Friday.", small)
    assert [(m.text, m.code) for m in actor] == [("Moscow", "RUSGOV")]
    assert actor[0].rule.startswith("metonym:test.tsv:1")
    place = code(nlp, "The two delegations held talks in Moscow on Friday.", small)
    assert [(m.text, m.code, m.rule[:6]) for m in place] == [("Moscow", "RUS", "place:")]
    both = code(nlp, "The Kremlin warned diplomats who flew to Moscow and Kremlin.", small)
    assert [(m.text, m.code) for m in both] == [
        ("Kremlin", "RUSGOV"), ("Moscow", "RUS"), ("Kremlin", "RUS")
    ]
    paper = code(nlp, "The Moscow Times reported the story.", small)  # no Russian actor:
    assert [(m.text, m.code) for m in paper] == [("The Moscow Times", "---")]  # a paper


def test_date_limited_person(nlp: Language, small: ActorDictionary) -> None:
    text = "Johnson spoke to reporters."
    assert code(nlp, text, small, dt.date(2020, 5, 1))[0].code == "GBRGOV"
    assert code(nlp, text, small, dt.date(2023, 5, 1))[0].code == "GBRELI"
    assert code(nlp, text, small, None)[0].code == "GBRELI"  # the undated default


def test_surname_title_and_pronoun_resolution(nlp: Language, small: ActorDictionary) -> None:
    text = (
        "UK Foreign Secretary Liz Truss arrived on Thursday.\n\n"
        "Truss met the press. She was angry. The Foreign Secretary left early.\n\n"
        "Reporters waited. Nobody came. Later she spoke again."
    )
    mentions = code(nlp, text, small)
    full = mentions[0]
    assert full.code == "GBRGOV" and full.sentence == 0
    later = [m for m in mentions if m.rule.startswith("coref:")]
    assert [m.text for m in later] == ["Truss", "She", "Foreign Secretary"]
    for mention in later:
        assert (mention.code, mention.country) == ("GBRGOV", "GBR")
        assert mention.rule == "coref:" + full.rule
    assert [m.sentence for m in later] == [1, 2, 3]
    assert all(m.text != "she" for m in mentions)  # two sentences away: unresolved


def test_of_two_people_under_one_name_the_one_in_office_that_day_is_meant(
    nlp: Language,
) -> None:
    """Two presidents listed as "President Hale": an article of 2005 means the one whose
    term covers it, not the other one's undated default."""
    entries = parse_actor_text(
        "PRESIDENT_HALE_\n\t[GBRGOV 19890120-19930120]\n\t[GBRELI]\n"
        "PRESIDENT_HALE_\n\t[GBRGOV 20010120-20090120]\n\t[GBRELI]\n", "t"
    )
    dictionary = ActorDictionary(entries, ())
    text = "President Hale spoke to reporters."
    assert code(nlp, text, dictionary, dt.date(2005, 5, 1))[0].code == "GBRGOV"
    assert code(nlp, text, dictionary, dt.date(1990, 5, 1))[0].code == "GBRGOV"
    assert code(nlp, text, dictionary, dt.date(2015, 5, 1))[0].code == "GBRELI"


def test_title_without_antecedent_keeps_its_role(nlp: Language, small: ActorDictionary) -> None:
    mentions = code(nlp, "The Foreign Minister said they would talk.", small)
    assert [(m.text, m.code, m.country) for m in mentions] == [("Foreign Minister", "---GOV", None)]


def test_headline_title_points_forward(nlp: Language, small: ActorDictionary) -> None:
    text = "Foreign secretary flies to Rome\n\nThe British Foreign Secretary met officials."
    found = code(nlp, text, small)
    headline = found[0]
    assert (headline.text, headline.code) == ("Foreign secretary", "GBRGOV")
    assert headline.rule.startswith("cataphora:")
    body = code(
        nlp,
        "A man spoke. He sat.\n\nLater the Foreign Minister left.\n\n"
        "The British Foreign Minister returned.",
        small,
    )
    assert by_text(body)["Foreign Minister"].code == "---GOV", "only headlines point forward"


def test_plural_pronoun_takes_a_plural_antecedent(nlp: Language, small: ActorDictionary) -> None:
    mentions = code(nlp, "Russian troops crossed the river. Then they stopped.", small)
    found = [(m.text, m.code) for m in mentions]
    assert found == [("Russian troops", "RUSMIL"), ("they", "RUSMIL")]


def test_a_subject_pronoun_of_a_reported_clause_is_the_speaker(
    nlp: Language, small: ActorDictionary
) -> None:
    """The latest plural named ("protesters") is not whom "they" means in a clause the
    speaker reports; in other clauses ("after they refused") it is."""
    said = "Russian troops told the British protesters that they would stay."
    assert by_text(code(nlp, said, small))["they"].code == "RUSMIL"
    text = "Russian troops fought British protesters after they refused to leave."
    assert by_text(code(nlp, text, small))["they"].code == "GBROPP"


def test_lower_case_words_are_not_names(nlp: Language, small: ActorDictionary) -> None:
    dictionary = ActorDictionary(parse_actor_text("UNITED_STATES_ [USA]\n+US_\n", "t"), ())
    assert code(nlp, "He told us about the US plan.", dictionary)[0].text == "US"
    assert len(code(nlp, "He told us about the plan.", dictionary)) == 0


def test_an_acronym_subject_the_tagger_calls_a_noun_is_a_name(
    nlp: Language, small: ActorDictionary
) -> None:
    """Tagged a common noun and given no entity type, an acronym that is its verb's
    subject still names an organisation, of unknown code; as an object it does not."""
    found = by_text(code(nlp, "ICE seized three paintings at the airport.", small))
    assert found["ICE"].code == "---"
    assert not code(nlp, "Police found ICE in the car.", small)[1:]


def test_a_plural_possessive_name_matches_the_singular_possessive(nlp: Language) -> None:
    """The source marks the word as possessive; news may write either form."""
    entries = parse_actor_text("FREE_PEOPLES'_REPUBLIC_OF_ARNOR_ [ARN]\n", "t")
    dictionary = ActorDictionary(entries, ())
    for text in ("The Free People's Republic of Arnor protested.",
                 "The Free Peoples' Republic of Arnor protested."):
        assert [m.code for m in code(nlp, text, dictionary)] == ["ARN"], text


def test_split_code() -> None:
    assert split_code("RUSGOVMIL") == ("RUS", ("GOV", "MIL"))
    assert split_code("GOV") == (None, ("GOV",))
    assert split_code("---GOV") == (None, ("GOV",))
    assert split_code("IGOUNO") == ("IGO", ("UNO",))


def test_component_codes_a_single_doc(nlp: Language, small: ActorDictionary) -> None:
    component = ActorComponent(small)
    doc = component(nlp("Moscow said Russian troops left. They returned home."))
    mentions = doc._.eventwire_actors
    assert [(m.text, m.code, m.sentence) for m in mentions] == [
        ("Moscow", "RUSGOV", 0), ("Russian troops", "RUSMIL", 0), ("They", "RUSMIL", 1),
    ]  # fmt: skip
    assert all(doc.text[m.span[0] : m.span[1]] == m.text for m in mentions)
    assert find_in_doc(doc, small) == mentions


def test_default_dictionary_end_to_end(nlp: Language) -> None:
    text = (
        "Kremlin Spokesman Dmitry Peskov said Iraqi troops would stay.\n\n"
        "Washington and Brussels disagreed, officials in London said."
    )
    found = by_text(code(nlp, text, default_actor_dictionary(), dt.date(2022, 2, 10)))
    assert found["Kremlin Spokesman Dmitry Peskov"].code == "RUSGOV"
    assert found["Iraqi troops"].code == "IRQMIL"
    assert found["Washington"].code == "USAGOV"
    assert found["Brussels"].code == "IGOEUREEC"
    assert found["London"].code == "GBR"  # a place: the country, not its government


def test_palestinian_towns_name_the_palestinian_territories(nlp: Language) -> None:
    """The Phoenix files know Ramallah and Hebron but not Jericho or Khan Younis."""
    text = "Soldiers searched houses in Jericho and patrolled near Khan Younis."
    found = by_text(code(nlp, text, default_actor_dictionary(), dt.date(2022, 2, 10)))
    assert found["Jericho"].code == "PSE"
    assert found["Khan Younis"].code == "PSEGZA"


def test_well_known_officials_by_surname(nlp: Language) -> None:
    text = "Guterres met Tedros in Geneva."
    found = by_text(code(nlp, text, default_actor_dictionary(), dt.date(2022, 2, 10)))
    assert found["Guterres"].code == "IGOUNO"
    assert found["Tedros"].code == "IGOUNOHLHWHO"


def test_apposed_name_and_possessors(nlp: Language, small: ActorDictionary) -> None:
    text = "Liz Truss, the British foreign secretary, arrived. Later Truss spoke."
    mentions = code(nlp, text, small)
    assert [(m.text, m.code) for m in mentions] == [
        ("Liz Truss", "GBRGOV"), ("British foreign secretary", "GBRGOV"), ("Truss", "GBRGOV"),
    ]  # fmt: skip
    assert mentions[0].rule.startswith("appos:") and mentions[2].rule.startswith("coref:")
    found = by_text(code(nlp, "Russia's foreign minister met the protesters' children.", small))
    assert found["Russia's foreign minister"].code == "RUSGOV"
    assert found["protesters"].code == "---OPP"  # the children are not protesters


def test_an_agent_adjective_names_the_subject_it_describes(
    nlp: Language, small: ActorDictionary
) -> None:
    found = by_text(code(nlp, "Military sources said the border stayed closed.", small))
    assert found["Military sources"].code == "---MIL"
    swiss = by_text(code(nlp, "Swiss military sources denied the report.", small))
    assert swiss["Swiss military sources"].code == "CHEMIL"  # one phrase, one actor
    assert code(nlp, "Russia sent military aid to the region.", small)[0].code == "RUS"
    assert len(code(nlp, "Russia sent military aid to the region.", small)) == 1


def test_an_abbreviated_title_before_a_name_is_read_as_its_word(
    nlp: Language, small: ActorDictionary
) -> None:
    mentions = by_text(code(nlp, "Gov. Phil Murphy declined to comment.", small))
    assert [m.code for m in mentions.values()] == ["---GOV"]
    assert "Gov." in next(iter(mentions))
    assert code(nlp, "The report named the Gov. and nobody else.", small) == []  # no name after


def test_a_title_before_a_known_person_still_names_the_person_s_title(
    nlp: Language, small: ActorDictionary
) -> None:
    """ "Foreign Secretary Boris Johnson" is coded by Johnson's entry, and the title is
    still his: a later bare "the foreign secretary" refers back to him."""
    text = "UK Foreign Secretary Boris Johnson arrived. The foreign secretary left."
    mentions = code(nlp, text, small, dt.date(2017, 1, 5))
    assert [(m.text, m.code) for m in mentions][-1] == ("foreign secretary", "GBRELI")


def test_a_country_after_of_completes_the_agent_before_it(
    nlp: Language, small: ActorDictionary
) -> None:
    text = "The prime minister of Russia met troops of the United Kingdom."
    codes = {m.text: m.code for m in code(nlp, text, small)}
    assert "RUSGOV" in codes.values() and "GBRMIL" in codes.values(), codes
    assert "RUS" not in codes.values() and "GBR" not in codes.values()


def test_coordinated_countries_after_of_are_left_to_the_event_arguments(
    nlp: Language, small: ActorDictionary
) -> None:
    text = "The troops of Russia and Switzerland met."
    codes = [m.code for m in code(nlp, text, small)]
    assert "RUSMIL" not in codes or "CHEMIL" in codes, "one country must not take the troops alone"


def test_a_bare_title_refers_back_only_in_the_same_number(
    nlp: Language, small: ActorDictionary
) -> None:
    text = (
        "The Russian foreign minister arrived on Monday. The foreign minister said little. "
        "Foreign ministers rarely say more."
    )
    codes = {m.text: m.code for m in code(nlp, text, small)}
    assert codes.get("foreign minister") == "RUSGOV", codes
    assert codes.get("Foreign ministers") != "RUSGOV", "many ministers are not the one named"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Indian Medical Association rejected the plan.",
         [("The Indian Medical Association", "---", "entity:ORG")]),
        ("Sajid Mir planned the attack.", [("Sajid Mir", "---", "entity:PERSON")]),
        # the recogniser calls Harare an organisation; the gazetteer knows better
        ("Protests spread to Harare on Monday.", []),
        ("The SDF attacked the town.", [("SDF", "---", "entity:ORG")]),  # an acronym
        # an acronym the tagger calls a common noun, as a subject only
        ("The FLN claimed responsibility for the attacks.", [("FLN", "---", "entity:ORG")]),
        ("The FLN praised the country's COVID-19 recovery.", [("FLN", "---", "entity:ORG")]),
        # a subject's name the recogniser gave no type (but not a place's)
        ("Papandreou agreed to resign.", [("Papandreou", "---", "name:subject")]),
        ("Harare welcomed the plan.", []),
        ("Papandreou was arrested.", []),  # a passive subject is as often a thing
        ("Papandreou Agrees To Resign Over Coalition Demands", []),  # a title-case headline
        # a second subject is a name inside the first, misparsed
        ("The official news agency WFNA said on Thursday that talks would resume.", []),
    ],
)
def test_a_person_or_organisation_no_dictionary_knows_is_an_unknown_actor(
    nlp: Language, small: ActorDictionary, text: str, expected: list[tuple[str, str, str]]
) -> None:
    places = frozenset({"Harare", "SDF"})
    assert [(m.text, m.code, m.rule) for m in code(nlp, text, small, places=places)] == expected


def test_an_unknown_name_does_not_hide_a_known_one(nlp: Language, small: ActorDictionary) -> None:
    """A surname still takes its earlier full name's code, and a dictionary match
    inside an organisation's name keeps the match."""
    text = "Liz Truss, the British foreign secretary, arrived. Truss spoke."
    assert [m.code for m in code(nlp, text, small)] == ["GBRGOV"] * 3


def test_counted_others_are_more_of_the_role_just_named(
    nlp: Language, small: ActorDictionary
) -> None:
    """ "two others" after "Russian troops" are Russian troops too, but other ones: the
    reference keeps its own span and no antecedent that would make it the same actor."""
    text = "Rebels killed three Russian troops and wounded two others."
    found = by_text(code(nlp, text, small))
    others = found["others"]
    assert others.code == "RUSMIL" and others.antecedent is None
    assert "others" not in by_text(code(nlp, "Russia met Britain and others.", small))


OF_NAMES = """\
KING_HASSAN_ [JORELI]
MOROCCO_ [MAR]
JORDAN_ [JOR]
"""


def test_a_person_named_of_another_country_is_that_country_s(nlp: Language) -> None:
    """Royal names recur across countries; "of Morocco" says whose this one is."""
    names = ActorDictionary(parse_actor_text(OF_NAMES, "test.actors"), ())
    found = by_text(code(nlp, "King Hassan of Morocco met the envoy.", names))
    assert found["King Hassan"].code == "MARELI"
    assert "country named after 'of'" in found["King Hassan"].rule
    assert by_text(code(nlp, "King Hassan met the envoy.", names))["King Hassan"].code == "JORELI"
    found = by_text(code(nlp, "King Hassan of Jordan met the envoy.", names))
    assert found["King Hassan"].code == "JORELI"
