"""Users' own dictionaries: PETRARCH files and YAML, added to or replacing the packaged ones.

The world here is invented (Zembla, Quor) so that the packaged dictionaries know
none of it: any event about it must come from the files written in each test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from eventwire.cli import main
from eventwire.config import Config
from eventwire.errors import DictionaryError
from eventwire.lexicon.discards import parse_discard_text
from eventwire.lexicon.user import actor_dictionary_for, event_lexicon_for
from eventwire.lexicon.yaml_form import yaml_actors, yaml_agents, yaml_verbs
from eventwire.pipeline import Pipeline

ACTORS = "ZEMBLA_ [ZMB]\n+ZEMBLAN_\nQUOR_ [QUO]\nKING_KINBOTE_ [ZMBGOV 19590101-19600101]\n"
VERBS = "--- SERENADE [042] ---\nSERENADE\n- * (WITH FLUTES) [053]\n"
AGENTS = "HARPIST [~CUL]\n"
DISCARDS = "# story-level ones start with +\n+GOLF OPEN\nLUTE CONTEST\n"
YAML = """\
verbs:
  - verb: serenade
    code: "042"
    patterns:
      - words_after: ["(with flutes)"]
        code: "053"
actors:
  - names: [Zembla, Zemblan]
    code: ZMB
  - names: [Quor]
    code: QUO
  - names: [King Kinbote]
    code: ZMBGOV
    from: 1959-01-01
    until: 1960-01-01
agents:
  - words: [harpist]
    roles: CUL
discards: [lute contest, +golf open]
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "actors": _write(tmp_path, "w.actors.txt", ACTORS),
        "verbs": _write(tmp_path, "w.verbs.txt", VERBS),
        "agents": _write(tmp_path, "w.agents.txt", AGENTS),
        "discards": _write(tmp_path, "w.discards.txt", DISCARDS),
    }


def _triples(pipeline: Pipeline, text: str) -> list[tuple[str | None, str, str | None]]:
    coded = pipeline.code_text(text, date=dt.date(1959, 6, 1))
    return [
        (e.source and e.source.code, e.code.cameo, e.target and e.target.code)
        for e in coded.events
        if e.counted
    ]


def _config(files: dict[str, Path], **more: object) -> Config:
    return Config(
        verbs=(files["verbs"],),
        actors=(files["actors"],),
        agents=(files["agents"],),
        discards=(files["discards"],),
        **more,  # type: ignore[arg-type]
    )


def test_user_actor_and_verb_files_change_the_coding(nlp: Language, files: dict[str, Path]) -> None:
    packaged = Pipeline.from_config(Config(), nlp=nlp)
    assert _triples(packaged, "Zembla serenaded Quor with flutes.") == []
    actors_only = Pipeline.from_config(Config(actors=(files["actors"],)), nlp=nlp)
    assert _triples(actors_only, "Zembla condemned Quor.")  # packaged verb, user actors
    assert _triples(actors_only, "Zembla serenaded Quor.") == []  # no such verb yet
    both = Pipeline.from_config(_config(files), nlp=nlp)
    assert _triples(both, "Zembla serenaded Quor.") == [("ZMB", "042", "QUO")]
    assert _triples(both, "Zembla serenaded Quor with flutes.") == [("ZMB", "053", "QUO")]
    assert _triples(both, "Zemblan harpists serenaded Quor.") == [("ZMBCUL", "042", "QUO")]
    assert _triples(both, "King Kinbote serenaded Quor.") == [("ZMBGOV", "042", "QUO")]


def test_user_files_add_to_the_packaged_ones_unless_told_to_replace(
    nlp: Language, files: dict[str, Path]
) -> None:
    added = Pipeline.from_config(_config(files), nlp=nlp)
    replaced = Pipeline.from_config(_config(files, replace_dictionaries=True), nlp=nlp)
    assert _triples(added, "Zembla condemned Quor.")  # CONDEMN comes from the package
    assert _triples(replaced, "Zembla condemned Quor.") == []
    assert _triples(replaced, "Zembla serenaded Quor.") == [("ZMB", "042", "QUO")]
    assert len(actor_dictionary_for(_config(files, replace_dictionaries=True)).actors) == 4


def test_discards_skip_a_sentence_or_the_whole_story(nlp: Language, files: dict[str, Path]) -> None:
    pipeline = Pipeline.from_config(_config(files), nlp=nlp)
    kept = "Zembla serenaded Quor. Quor serenaded Zembla."
    assert len(_triples(pipeline, kept)) == 2
    one_out = "Zembla serenaded Quor at the lute contests. Quor serenaded Zembla."
    assert _triples(pipeline, one_out) == [("QUO", "042", "ZMB")]
    story = "Zembla serenaded Quor.\n\nThe Golf Open starts on Monday."
    assert _triples(pipeline, story) == []


def test_discard_phrases_match_whole_words_and_plurals() -> None:
    discards = parse_discard_text("LUTE CONTEST\nGROUP A_\n+GOLF OPEN\n", "d.txt")
    assert discards.sentence_discard("Two lute contests were held.") is not None
    assert discards.sentence_discard("A lute contestant spoke.") is None
    assert discards.sentence_discard("Group A met.") is not None
    assert discards.sentence_discard("Group AB met.") is None
    assert discards.story_discard("At the lute contest.") is None
    found = discards.story_discard("The U.S. golf open.")
    assert found is not None and found.story and found.line == 3


@pytest.mark.parametrize(
    ("name", "text", "line", "problem"),
    [
        ("bad.verbs.txt", "--- SERENADE [042] ---\nSERENADE\n- * (WITH FLUTES [053]\n", 3, ""),
        ("bad.actors.txt", "ZEMBLA_ [ZMB]\nQUOR_ [QUO 1959]]\n", 2, ""),
        ("bad.agents.txt", "HARPIST [~CUL]\nFLUTIST ~CUL\n", 2, ""),
        ("bad.discards.txt", "LUTE CONTEST\nGOLF [OPEN]\n", 2, "unexpected character"),
        ("bad.yaml", "actors:\n  - names: [Zembla]\n    code: 12\n", 2, "quoted"),
        ("bad.yml", "verbs:\n  - verb: serenade\n    patterns:\n      - code: '053'\n", 4, "words"),
    ],
)
def test_a_malformed_line_names_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, problem: str
) -> None:
    path = _write(tmp_path, name, text)
    kind = name.split(".")[1] if name.count(".") == 2 else "verbs"
    if name.endswith("yaml"):
        kind = "actors"
    config = Config(**{kind: (path,)})  # type: ignore[arg-type]
    with pytest.raises(DictionaryError) as caught:
        event_lexicon_for(config)
        actor_dictionary_for(config)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert f"{path}:{line}: " in str(caught.value)
    assert problem in caught.value.problem


def test_yaml_entries_compile_like_the_petrarch_ones(tmp_path: Path) -> None:
    path = _write(tmp_path, "world.yaml", YAML)
    verbs = yaml_verbs(path)
    (block,) = verbs.blocks
    assert block.head == "serenade" and block.default_code == "042"
    (pattern,) = block.patterns
    assert pattern.code == "053" and pattern.after[0].prep == "with"
    assert pattern.origin == "world.yaml" and pattern.line == 5
    actors = yaml_actors(path)
    assert [a.words for a in actors][:2] == [("zembla",), ("zemblan",)]
    kinbote = actors[-1]
    assert kinbote.code_on(dt.date(1959, 6, 1)) == "ZMBGOV"
    assert kinbote.code_on(dt.date(1961, 1, 1)) is None
    agents = yaml_agents(path)
    assert {a.words for a in agents} == {("harpist",), ("harpists",)}
    assert all(a.roles == "CUL" and not a.prefix for a in agents)


def test_yaml_world_codes_through_the_pipeline(nlp: Language, tmp_path: Path) -> None:
    path = _write(tmp_path, "world.yml", YAML)
    config = Config(verbs=(path,), actors=(path,), agents=(path,), discards=(path,))
    pipeline = Pipeline.from_config(config, nlp=nlp)
    assert _triples(pipeline, "Zemblan harpists serenaded Quor with flutes.") == [
        ("ZMBCUL", "053", "QUO")
    ]
    assert _triples(pipeline, "Zembla serenaded Quor at a lute contest.") == []


def test_cli_takes_user_dictionaries(files: dict[str, Path], tmp_path: Path) -> None:
    story = _write(tmp_path, "story.txt", "Zembla serenaded Quor with flutes.\n")
    args = ["code", str(story), "--format", "jsonl", "--date", "1959-06-01"]
    plain = CliRunner().invoke(main, args)
    assert plain.exit_code == 0, plain.output
    assert '"053"' not in plain.stdout
    extra = ["--verbs", str(files["verbs"]), "--actors", str(files["actors"]),
             "--agents", str(files["agents"]), "--discards", str(files["discards"])]
    result = CliRunner().invoke(main, [*args, *extra, "--only-user-dictionaries"])
    assert result.exit_code == 0, result.output
    assert '"053"' in result.stdout and "ZMB" in result.stdout


def test_cli_reports_a_malformed_file_in_one_line_with_exit_code_2(tmp_path: Path) -> None:
    story = _write(tmp_path, "story.txt", "Zembla serenaded Quor.\n")
    bad = _write(tmp_path, "bad.actors.txt", "ZEMBLA_ [ZMB]\nQUOR_ [QUO 1959]]\n")
    for command in (["code", str(story)], ["eval", str(story)]):
        result = CliRunner().invoke(main, [*command, "--actors", str(bad)])
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert lines[-1].startswith(f"eventwire: {bad}:2: "), lines


CONVENTIONS_VERBS = """\
--- CONCUR [081] ---
CONCUR
- % * [030:030]

--- STALL [120] ---
STALL
- % HAVE * [191]

--- GO [012] ---
GO

--- WENT [032:033] ---
WENT

--- SAID [023] ---
SAID

--- PRAISE [051] ---
PRAISE
- LOUDLY_* [052]
"""


@pytest.fixture()
def conventions(nlp: Language, files: dict[str, Path], tmp_path: Path) -> Pipeline:
    """A world whose verb file uses PETRARCH's compound patterns and spelt forms."""
    verbs = _write(tmp_path, "c.verbs.txt", VERBS + "\n" + CONVENTIONS_VERBS)
    agents = _write(tmp_path, "c.agents.txt", AGENTS + "OFFICIAL [~GOV]\nAMBASSADOR [~GOV]\n")
    more = "RURITANIA_ [RUR]\nLAPLAND_ [LAP]\nJOHN_SHADE [ZMBGOV]\nTWIN_REALMS [ZMB/QUO]\n"
    actors = _write(tmp_path, "c.actors.txt", ACTORS + more)
    config = Config(verbs=(verbs,), actors=(actors,), agents=(agents,), replace_dictionaries=True)
    return Pipeline.from_config(config, nlp=nlp)


def test_a_compound_pattern_codes_between_coordinated_subjects(conventions: Pipeline) -> None:
    mutual = _triples(conventions, "Zembla and Quor concur that the border is closed.")
    assert sorted(mutual) == [("QUO", "030", "ZMB"), ("ZMB", "030", "QUO")]
    alone = _triples(conventions, "Zembla concurs with Quor.")
    assert alone == [("ZMB", "081", "QUO")]  # one subject: the % pattern does not hold
    stalled = _triples(conventions, "Zembla and Quor have stalled their talks.")
    assert sorted(stalled) == [("QUO", "191", "ZMB"), ("ZMB", "191", "QUO")]


def test_a_block_for_the_word_as_spelt_wins_over_its_lemma(conventions: Pipeline) -> None:
    went = _triples(conventions, "Zembla went to Quor.")
    assert sorted(went) == [("QUO", "033", "ZMB"), ("ZMB", "032", "QUO")]
    assert _triples(conventions, "Zembla will go to Quor.") == [("ZMB", "012", "QUO")]


def test_a_spelt_speech_verb_keeps_its_code_and_names_no_target(conventions: Pipeline) -> None:
    coded = _triples(conventions, "Zembla serenaded Quor, a Zemblan official said.")
    assert ("ZMBGOV", "023", None) in coded
    assert not [t for t in coded if t[1] == "023" and t[2] is not None]


def test_the_source_itself_is_no_target(conventions: Pipeline) -> None:
    coded = _triples(conventions, "King Kinbote serenaded his court in Quor.")
    assert coded == [("ZMBGOV", "042", "QUO")]


def test_a_role_of_coordinated_countries_is_one_actor_per_country(
    conventions: Pipeline,
) -> None:
    coded = _triples(conventions, "The ambassadors of Zembla and Quor serenaded Ruritania.")
    assert sorted(coded) == [("QUOGOV", "042", "RUR"), ("ZMBGOV", "042", "RUR")]


def test_a_pronoun_for_the_source_is_no_target(conventions: Pipeline) -> None:
    coded = _triples(conventions, "The ambassadors of Zembla serenaded their hosts in Ruritania.")
    assert coded == [("ZMBGOV", "042", "RUR")]


def test_an_apposition_before_the_last_conjunct_is_a_list_member(conventions: Pipeline) -> None:
    coded = _triples(conventions, "Zembla, the awful Quor, and Ruritania serenaded Lapland.")
    assert sorted(coded) == [("QUO", "042", "LAP"), ("RUR", "042", "LAP"), ("ZMB", "042", "LAP")]


def test_a_word_joined_to_the_verb_must_stand_next_to_it(conventions: Pipeline) -> None:
    assert _triples(conventions, "Zembla loudly praised Quor.") == [("ZMB", "052", "QUO")]
    assert _triples(conventions, "Loudly, Zembla praised Quor.") == [("ZMB", "051", "QUO")]


def test_the_last_resort_target_passes_over_the_source_pronoun(conventions: Pipeline) -> None:
    coded = _triples(conventions, "John Shade serenaded his guests near the gates of Quor.")
    assert coded == [("ZMBGOV", "042", "QUO")]


def test_a_name_of_several_actors_takes_part_as_each(conventions: Pipeline) -> None:
    acting = _triples(conventions, "The Twin Realms serenaded Lapland.")
    assert sorted(acting) == [("QUO", "042", "LAP"), ("ZMB", "042", "LAP")]
    acted_on = _triples(conventions, "Ruritania serenaded the Twin Realms.")
    assert sorted(acted_on) == [("RUR", "042", "QUO"), ("RUR", "042", "ZMB")]
