"""Actor and agent dictionary readers, the curated table and the compiled form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.lexicon import actors as actors_module
from eventwire.lexicon.actors import (
    ActorDictionary,
    ActorEntry,
    AgentEntry,
    DatedCode,
    Metonym,
    build_default,
    default_actor_dictionary,
    dump_actors,
    load_actors,
    parse_actor_file,
    parse_actor_text,
    parse_agent_text,
    read_curated,
)
from eventwire.lexicon.actors_parse import parse_day
from eventwire.lexicon.actors_words import phrase_words, word_keys
from eventwire.lexicon.agents import dump_agents, load_agents

ACTORS = """\
<!-- A TEST DICTIONARY -->
<!--
# a comment block that spans lines
-->
# a comment line
GONDOR_ [GON]  # the country
+GONDORIAN
+MINAS_TIRITH_

ARNOR_ROYAL_GUARD
+THE_KINGS_MEN
\t[ARNMIL]

FARAMIR_
PRINCE_FARAMIR
\t[GONMIL 30190101-30190325]
\t[GONGOV >30190325]
"""


def _entries(text: str) -> dict[tuple[str, ...], ActorEntry]:
    return {entry.words: entry for entry in parse_actor_text(text, "test.actors")}


def test_entries_synonyms_and_stops() -> None:
    found = _entries(ACTORS)
    assert found[("gondor",)].codes == (DatedCode("GON"),)
    assert found[("gondorian",)].codes == (DatedCode("GON"),)
    assert found[("minas", "tirith")].line == 8
    assert not found[("gondor",)].stem and found[("gondorian",)].stem
    assert found[("the", "kings", "men")].codes == (DatedCode("ARNMIL"),)
    assert found[("gondor",)].origin == "test.actors"


def test_entry_without_code_takes_the_next_codes() -> None:
    text = "FARAMIR_\nPRINCE_FARAMIR\n\t[GONMIL 190101-190325]\nBOROMIR [GON]\n"
    found = _entries(text)
    assert found[("faramir",)].codes == found[("prince", "faramir")].codes
    assert found[("faramir",)].codes[0].end == dt.date(2019, 3, 25)
    assert found[("boromir",)].codes == (DatedCode("GON"),)


def test_dates_six_and_eight_digits_and_operators() -> None:
    assert parse_day("300101") == dt.date(2030, 1, 1)
    assert parse_day("310101") == dt.date(1931, 1, 1)
    assert parse_day("19991231") == dt.date(1999, 12, 31)
    text = (
        "SAM_\n\t[HOBCIV <20080120]\n\t[ORCHOB 100109-100112]\n"
        "\t[HOBMIL 20080120 - 20121109]\n\t[HOBELI > 121109]\n\t[HOB]\n"
    )
    sam = _entries(text)[("sam",)]
    assert sam.code_on(dt.date(2007, 1, 1)) == "HOBCIV"
    assert sam.code_on(dt.date(2010, 1, 10)) == "ORCHOB"  # first listed wins
    assert sam.code_on(dt.date(2010, 1, 12)) == "HOBMIL"  # end day is excluded
    assert sam.code_on(dt.date(2020, 1, 1)) == "HOBELI"
    assert sam.code_on(None) == "HOB"


def test_code_without_default_depends_on_the_day() -> None:
    text = "ANNE_\n\t[XYZGOV 20100101-20150101]\n\t[XYZELI 20150101]\n"
    anne = _entries(text)[("anne",)]
    assert anne.code_on(dt.date(2009, 1, 1)) is None
    assert anne.code_on(dt.date(2016, 1, 1)) == "XYZELI"  # a lone date means "from"
    assert anne.code_on(None) == "XYZELI"  # no day: the latest code


def test_several_codes_on_one_line_and_null_codes() -> None:
    found = _entries("JAVIER_ [IGOUNO 820101-911231] [ELI]\nBOROMIR  [---]\nLORIEN [elr/gal]\n")
    assert [c.code for c in found[("javier",)].codes] == ["IGOUNO", "ELI"]
    assert found[("boromir",)].codes == (DatedCode("---"),)
    assert found[("lorien",)].codes == (DatedCode("ELR/GAL"),)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("GONDOR [GON]\n\t[GONGOV 9008223-911221]\n", 2, "cannot read code"),
        ("GONDOR [GON]\n\t[GONGOV 20100231]\n", 2, "day is out of range"),
        ("GONDOR [GON] Newspapers $1,000\n", 1, "outside the code brackets"),
        ("+GONDORIAN\nGONDOR [GON]\n", 1, "synonym"),
        ("\t[GON]\nGONDOR [GON]\n", 1, "before any actor"),
        ("GONDOR [GON]\nARNOR_\n", 2, "without a code"),
        ("GONDOR [GON]\n+FAEROYENE]_\n", 2, "']' without '['"),
        ("GONDOR [950601-990815]\n", 1, "cannot read code"),
    ],
)
def test_malformed_actor_lines(text: str, line: int, problem: str) -> None:
    with pytest.raises(DictionaryError) as caught:
        parse_actor_text(text, "bad.actors", path="/somewhere/bad.actors")
    assert caught.value.line == line
    assert caught.value.path == "/somewhere/bad.actors"
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"/somewhere/bad.actors:{line}:")


def test_parse_actor_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors.txt"
    path.write_text("GONDOR [GON]\n+GONDORIAN [GON]\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        parse_actor_file(path)
    assert caught.value.path == str(path) and caught.value.line == 2


def test_word_keys_meet_spacy_tokens() -> None:
    assert phrase_words("U.S._STATE_DEPARTMENT") == (("us", "state", "department"), True)
    assert phrase_words("AL-QAEDA_")[0] == ("al", "qaeda")
    assert phrase_words("APO'S_REVENGE_HAWKS_") == (("apo", "'s", "revenge", "hawks"), False)
    assert word_keys("U.S.") == ["us"] and word_keys("-") == [] and word_keys(".") == ["."]
    assert word_keys("’s") == ["'s"]
    assert word_keys("Nova_Zembla") == ["nova", "zembla"], "an underscore joins two words"


AGENTS = """\
<!-- TEST AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
FOREIGN_MINISTER [~GOV] # a title
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
DEPUTY [~GOV]
SPOKES!PERSON! [~MED]
HUMAN_RIGHTS_BODY  [NGO~]
DEFENCE_MINIST [~GOVMIL]
"""


def test_agents_plurals_markers_and_codes() -> None:
    found = {entry.words: entry for entry in parse_agent_text(AGENTS, "test.agents")}
    assert found[("foreign", "minister")].code == "~GOV"
    assert ("foreign", "ministers") in found
    assert ("polices",) not in found and found[("police",)].code == "~COP"
    assert ("attorneys", "general") in found and ("attorney", "generals") not in found
    assert ("deputies",) in found
    assert {("spokesman",), ("spokesmen",), ("spokeswoman",)} <= set(found)
    assert ("spokesmans",) not in found
    body = found[("human", "rights", "body")]
    assert body.prefix and body.roles == "NGO"
    assert not found[("police",)].prefix and found[("police",)].roles == "COP"
    assert found[("defence", "ministry")].code == "~GOVMIL"
    assert found[("spokesmen",)].line == 7


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ISLAMIC_EXTREMIST\n", "codes are required"),
        ("CONGRESS!PERSON! [~LEG]\n", "!PERSON! is not defined"),
        ("DEPARTMENT [~ENV}\n", "codes are required"),
        ("WORKER [LAB]\n", "needs one '~'"),
    ],
)
def test_malformed_agent_lines(text: str, problem: str) -> None:
    with pytest.raises(DictionaryError) as caught:
        parse_agent_text("# header\n" + text, "bad.agents")
    assert caught.value.line == 2 and problem in caught.value.problem


def test_curated_rows() -> None:
    text = (
        "# comment\nMoscow\tRUSGOV\tcapital\nEU\tIGOEUREEC\talias\tnote\n"
        "forces\t~MIL\tagent\nofficial\t~GOV\tagent\n"
    )
    names, agents = read_curated(text, "m.tsv")
    assert names[0] == Metonym(("moscow",), "RUSGOV", "capital", 2, "Moscow", "m.tsv")
    assert names[0].metonymic and not names[1].metonymic
    assert [a.words for a in agents] == [("forces",), ("official",), ("officials",)]
    assert agents[0].code == "~MIL" and agents[0].origin == "m.tsv" and agents[2].line == 5
    with pytest.raises(DictionaryError) as caught:
        read_curated("Moscow\tRUSGOV\tcity\n", "m.tsv")
    assert caught.value.line == 1
    with pytest.raises(DictionaryError):
        read_curated("Moscow\tmoscow\tcapital\n", "m.tsv")


def test_index_prefers_longer_then_curated() -> None:
    dictionary = ActorDictionary(
        parse_actor_text("MOSCOW_ [RUS]\nMOSCOW_STATE_UNIVERSITY [RUSEDU]\n", "a"),
        parse_agent_text("MOSCOW [~GOV]\n", "b"),
        read_curated("Moscow\tRUSGOV\tcapital\n")[0],
    )
    found = dictionary.starting_with("moscow")
    assert found[0].words == ("moscow", "state", "university")
    assert isinstance(found[1], Metonym) and isinstance(found[2], ActorEntry)
    assert isinstance(found[-1], AgentEntry)
    assert dictionary.starting_with("nowhere") == ()


def test_dump_and_load_round_trip(tmp_path: Path) -> None:
    entries = parse_actor_text(ACTORS, "test.actors")
    path = dump_actors(entries, tmp_path / "a.json.gz", notice="(c) notice")
    loaded, notice = load_actors(path.read_bytes(), "a.json.gz")
    assert loaded == entries and notice == "(c) notice"
    agents = parse_agent_text(AGENTS, "test.agents")
    path = dump_agents(agents, tmp_path / "g.json.gz", notice="n")
    assert load_agents(path.read_bytes(), "g.json.gz") == (agents, "n")
    with pytest.raises(DictionaryError):
        load_actors(path.read_bytes(), "g.json.gz")


def test_build_default_from_small_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    phoenix = tmp_path / "lexicons" / "phoenix"
    phoenix.mkdir(parents=True)
    for name in actors_module.ACTOR_SOURCES:
        (phoenix / name).write_text(f"NAME_{len(name)} [ABC]\n", encoding="utf-8")
    (phoenix / actors_module.AGENT_SOURCE).write_text("TROOP [~MIL]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="expected typo"):
        build_default(tmp_path / "lexicons", tmp_path / "out")
    monkeypatch.setattr(actors_module, "SOURCE_FIXES", ())
    written = build_default(tmp_path / "lexicons", tmp_path / "out")
    assert [path.name for path in written] == ["actors.json.gz", "agents.json.gz"]
    actors, notice = load_actors(written[0].read_bytes(), "x")
    assert len(actors) == 3 and "Open Event Data Alliance" in notice
    assert written[1].read_bytes() == build_default(tmp_path / "lexicons", tmp_path / "out")[
        1
    ].read_bytes()  # reproducible bytes


def test_default_dictionary_is_packaged_and_cached() -> None:
    dictionary = default_actor_dictionary()
    assert dictionary is default_actor_dictionary()
    assert "Copyright (c) 2014 Open Event Data Alliance" in dictionary.notice
    assert len(dictionary.actors) > 30_000 and len(dictionary.agents) > 4_000
    codes = {e.code for e in dictionary.starting_with("kremlin") if isinstance(e, Metonym)}
    assert codes == {"RUSGOV"}


def test_the_packaged_supplement_names_newer_leaders_by_date() -> None:
    """Entries newer than the Phoenix files, with the office they held on the day."""
    dictionary = default_actor_dictionary()
    trump = next(e for e in dictionary.starting_with("donald")
                 if isinstance(e, ActorEntry) and e.words == ("donald", "trump"))
    assert trump.origin == "actors_supplement.txt"
    assert trump.code_on(dt.date(2018, 6, 1)) == "USAGOV"
    assert trump.code_on(dt.date(2022, 6, 1)) == "USAELI"
    assert trump.code_on(dt.date(2025, 6, 1)) == "USAGOV"
    guterres = [e for e in dictionary.starting_with("antonio")
                if isinstance(e, ActorEntry) and e.words == ("antonio", "guterres")]
    assert guterres[0].origin == "actors_supplement.txt", "tried before the Phoenix entry"
    assert guterres[0].code_on(dt.date(2015, 1, 1)) == "PRTELI"
    assert guterres[0].code_on(dt.date(2020, 1, 1)) == "IGOUNO"


def test_the_packaged_supplement_names_bodies_and_groups_the_phoenix_files_lack() -> None:
    dictionary = default_actor_dictionary()

    def code_of(*words: str, on: dt.date | None = None) -> str | None:
        for entry in dictionary.starting_with(words[0]):
            if isinstance(entry, ActorEntry) and entry.words == words:
                return entry.code_on(on) if on else entry.code_on(None)
        return None

    assert code_of("african", "union") == "IGOAFRAFU"
    assert code_of("international", "criminal", "court") == "IGOICC"
    assert code_of("unrwa") == "IGOUNOREF"
    assert code_of("houthis") == "YEMREB"
    assert code_of("unita") == "AGOREB", "Phoenix's ANGREB is no country's code"
    assert code_of("kampuchean") == "KHM"
    assert code_of("european", "community") == code_of("eec") == "IGOEUREEC"
    assert code_of("ilo") == code_of("international", "labor", "office") == "IGOUNOLABILO"
    assert code_of("charles", "michel", on=dt.date(2016, 1, 1)) == "BELGOV"
    assert code_of("charles", "michel", on=dt.date(2022, 1, 1)) == "IGOEUREEC"


def test_a_group_named_after_its_country_takes_it_where_only_a_region_is_given() -> None:
    entries = parse_actor_text(
        "GONDOR_ [KEN]\n+GONDORIAN_\nGONDORIAN_LIBERATION_FRONT_ [MEAREB]\n"
        "WHITE_COUNCIL_ [MEAREB]\nGONDORIAN_ASSOCIATION_ [IGO]\n", "t"
    )
    codes = {e.name: [c.code for c in e.codes] for e in actors_module.national_groups(entries)}
    assert codes["GONDORIAN LIBERATION FRONT"] == ["KENREB"]
    assert codes["WHITE COUNCIL"] == ["MEAREB"]  # no country in its name
    assert codes["GONDORIAN ASSOCIATION"] == ["IGO"]  # not a region's
