"""Tests for the PETRARCH2/TABARI verb dictionary compiler, on small invented files."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import DictionaryError
from eventwire.lexicon import verbs as verbs_module
from eventwire.lexicon.verbs import (
    Element,
    VerbBlock,
    VerbDictionary,
    VerbPattern,
    build_default,
    default_verbs,
    dump_verbs,
    load_verbs,
    merge,
    parse_verb_file,
    parse_verb_text,
)
from eventwire.pipeline import Pipeline

SAMPLE = """\
# A made-up dictionary for tests.
#
# The MIT License (MIT)
# Copyright (c) 2099 Nobody
#
# LAST WORDS

&VEHICLE_
+TRUCK
+FIRE_ENGINE

&THING
+&VEHICLE
+BOX

---  MEET   [040]  ---
MEET {MET MEETING MEETS}        # invented
CONFER [041]
+SIT_DOWN {+SAT_DOWN, +SITTING_DOWN} [042]
- * {OPEN AIR} TALKS                    [043:044]  # comment [not a code]
- $ * (WITH +) (ABOUT &THING)           [:045]
- STRONGLY_* ^ TRUCK_WAR                [046]
- * (TO/INTO BORDER)                    [047]
- * (AT)                                [---]

---  SCOLD   [---]  ---
SCOLD ;tabari comment
- * &VEHICLE [112]
~ a (a b SCOLD) SAY = a b 112
"""


def sample() -> VerbDictionary:
    return parse_verb_text(SAMPLE, origin="sample.txt")


def block(d: VerbDictionary, head: str) -> VerbBlock:
    return next(b for b in d.blocks if b.head == head)


def pattern(b: VerbBlock, code: str | None, reverse: str | None = None) -> VerbPattern:
    return next(p for p in b.patterns if (p.code, p.reverse_code) == (code, reverse))


def test_blocks_have_heads_default_codes_and_lines() -> None:
    d = sample()
    assert [(b.head, b.default_code, b.line) for b in d.blocks] == [
        ("meet", "040", 16),
        ("scold", None, 26),
    ]
    assert d.origin == "sample.txt"


def test_forms_keep_irregular_forms_own_codes_and_multiword_verbs() -> None:
    forms = block(sample(), "meet").forms
    assert [(f.words, f.code, f.line) for f in forms] == [
        (("meet",), None, 17),
        (("confer",), "041", 18),
        (("sit", "down"), "042", 19),
    ]
    assert forms[0].inflections == ("met", "meeting", "meets")
    assert forms[2].inflections == ("sat down", "sitting down")


def test_synsets_expand_nested_members_and_joined_words() -> None:
    p = pattern(block(sample(), "scold"), "112")
    assert p.after == (Element("word", (("truck",), ("fire", "engine"))),)
    about = pattern(block(sample(), "meet"), None, "045").after[2]
    assert about == Element("prep", (("truck",), ("fire", "engine"), ("box",)), "about")


def test_phrase_word_and_paired_code() -> None:
    p = pattern(block(sample(), "meet"), "043", "044")
    assert p.before == ()
    assert p.after == (Element("phrase", (("open", "air"),)), Element("word", (("talks",),)))
    assert p.text == "* {OPEN AIR} TALKS"
    assert p.line == 20


def test_markers_reverse_only_code_and_prep_with_marker() -> None:
    p = pattern(block(sample(), "meet"), None, "045")
    assert p.before == (Element("source"),)
    assert p.after[:2] == (Element("prep", (), "with"), Element("target"))


def test_joined_star_skip_and_joined_words() -> None:
    p = pattern(block(sample(), "meet"), "046")
    assert p.before == (Element("word", (("strongly",),)),)
    assert p.after == (Element("skip"), Element("word", (("truck", "war"),)))


def test_alternative_prepositions_give_one_pattern_each() -> None:
    found = [p for p in block(sample(), "meet").patterns if p.code == "047"]
    assert [p.after[0].prep for p in found] == ["to", "into"]
    assert {p.line for p in found} == {23}


def test_prep_without_object_and_null_code_are_kept() -> None:
    p = pattern(block(sample(), "meet"), "---")
    assert p.after == (Element("prep", (), "at"),)


def test_notice_comes_from_the_header() -> None:
    assert sample().notice == "The MIT License (MIT)\nCopyright (c) 2099 Nobody\n\nLAST WORDS"


def test_block_pair_code_is_split() -> None:
    d = parse_verb_text("--- VISIT [042:043] ---\nVISIT\n--- HURT [:110] ---\nHURT\n", "x")
    assert [(b.default_code, b.default_reverse_code) for b in d.blocks] == [
        ("042", "043"),
        (None, "110"),
    ]


def test_transformations_are_counted_not_silent(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="eventwire.lexicon.verbs"):
        sample()
    assert "skipped 1 transformation lines" in caplog.text


def test_lookup_by_lemma_and_by_inflection() -> None:
    d = sample()
    assert [(b.head, f.words) for b, f in d.lookup("Meet")] == [("meet", ("meet",))]
    assert [f.words for _, f in d.lookup("met")] == [("meet",)]
    assert [f.words for _, f in d.lookup("sit")] == [("sit", "down")]
    assert [f.words for _, f in d.lookup("sat")] == [("sit", "down")]
    assert d.lookup("unknown") == ()


def test_merge_folds_same_head_and_appends_new_blocks() -> None:
    extra = parse_verb_text(
        "--- MEET [---] ---\nGATHER\n- * SUMMIT [046]\n--- PRAISE [051] ---\nPRAISE\n",
        origin="mine.txt",
    )
    merged = merge(sample(), extra)
    meet = block(merged, "meet")
    assert meet.default_code == "040"
    assert [f.words for f in meet.forms][-1] == ("gather",)
    assert meet.patterns[-1].after == (Element("word", (("summit",),)),)
    assert [b.head for b in merged.blocks] == ["meet", "scold", "praise"]
    assert merged.origin == "sample.txt + mine.txt"
    assert [b.head for b, _ in merged.lookup("gather")] == ["meet"]


def test_round_trip_dump_load(tmp_path: Path) -> None:
    d = sample()
    path = tmp_path / "verbs.json.gz"
    dump_verbs(d, path)
    first = path.read_bytes()
    loaded = load_verbs(path)
    assert loaded == d
    assert loaded.lookup("met") == d.lookup("met")
    dump_verbs(loaded, path)
    assert path.read_bytes() == first


OWNED = """\
--- OVERSEE [---] ---
ORDER
HEAD
LAY {LAID LAYING}
+CALL_OFF
- * TO                  [030]   # HEAD
- * DOWN ARMS           [0871]  # LAID_DOWN
- * REFORMS             [034]   # ORDER , HEAD
- * BUDGET              [014]   # HUX 2/26/98
- * PLAN                [014]
- * TRIP                [160]   # CALLED_OFF
"""


def test_a_pattern_comment_names_the_verbs_it_was_written_for(tmp_path: Path) -> None:
    (block,) = parse_verb_text(OWNED, origin="owned.txt").blocks
    assert [p.verbs for p in block.patterns] == [
        ("head",), ("lay",), ("head", "order"), (), (), ("call off",)]  # fmt: skip
    path = tmp_path / "owned.json.gz"
    dump_verbs(parse_verb_text(OWNED, origin="owned.txt"), path)
    assert load_verbs(path).blocks[0].patterns == block.patterns


def test_load_rejects_a_file_that_is_not_a_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "bad.json.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(DictionaryError, match=r"bad\.json\.gz"):
        load_verbs(path)


def test_parse_file_and_build_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "lexicons" / "phoenix" / "CAMEO.2.0.txt"
    source.parent.mkdir(parents=True)
    source.write_text(SAMPLE, encoding="utf-8")
    assert parse_verb_file(source).origin == "CAMEO.2.0.txt"
    with pytest.raises(DictionaryError, match="expected source line"):
        build_default(tmp_path / "lexicons", tmp_path / "out")  # a fix that finds no line
    monkeypatch.setattr(verbs_module, "SOURCE_FIXES", ())
    out = build_default(tmp_path / "lexicons", tmp_path / "out")
    assert load_verbs(out).blocks == parse_verb_text(SAMPLE, origin="CAMEO.2.0.txt").blocks


def test_build_default_applies_its_source_fixes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "lexicons" / "phoenix" / "CAMEO.2.0.txt"
    source.parent.mkdir(parents=True)
    source.write_text("--- MEET [040] ---\nMEET\n- * TALKS [999]\n", encoding="utf-8")
    monkeypatch.setattr(verbs_module, "SOURCE_FIXES", (("- * TALKS [999]", "- * TALKS [046]"),))
    built = load_verbs(build_default(tmp_path / "lexicons", tmp_path / "out"))
    assert [p.code for b in built.blocks for p in b.patterns] == ["046"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("- SOMETHING [010]", "no '\\*'"),
        ("- * A * B [010]", "more than one"),
        ("- * (TO BORDER [010]", "unclosed '\\('"),
        ("- * {OPEN AIR [010]", "unclosed '{'"),
        ("- * TALKS [010", "unclosed '\\['"),
        ("- * TALKS", "no \\[code\\]"),
        ("- * &NOSUCH_THING [010] extra", "unclosed '\\['"),
        ("- * (TO (X)) [010]", "nested"),
        ("MEET {MET", "unclosed '{'"),
        ("&BAD LABEL", "bad synset label"),
    ],
)
def test_malformed_lines_name_file_and_line(line: str, problem: str) -> None:
    text = "--- MEET [040] ---\nMEET\n" + line + "\n"
    with pytest.raises(DictionaryError, match=f"^my.txt:3: .*{problem}") as caught:
        parse_verb_text(text, origin="my.txt")
    assert (caught.value.path, caught.value.line) == ("my.txt", 3)


def test_pattern_before_any_block_is_an_error() -> None:
    with pytest.raises(DictionaryError, match=r"^f:1: "):
        parse_verb_text("- * TALKS [010]\n", origin="f")


def test_unknown_synset_pattern_is_skipped_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    text = "--- MEET [040] ---\nMEET\n- * &NOWHERE [010]\n- * TALKS [011]\n"
    with caplog.at_level(logging.WARNING):
        d = parse_verb_text(text, origin="f")
    assert [p.code for p in d.blocks[0].patterns] == ["011"]
    assert "f:3: undefined synset &NOWHERE" in caplog.text


def test_self_containing_synset_is_an_error() -> None:
    with pytest.raises(DictionaryError, match="contains itself"):
        parse_verb_text("&LOOP\n+&LOOP\n", origin="f")


def test_default_dictionary_loads_with_its_notice() -> None:
    default_verbs.cache_clear()
    d = default_verbs()
    assert d.origin == "CAMEO.2.0.txt"
    assert "Open Event Data Alliance" in d.notice and "MIT" in d.notice
    assert len(d.blocks) > 300
    assert any(b.default_code is None for b in d.blocks)
    assert d.lookup("ask")


FRAGMENTS = [
    "--- ",
    " ---",
    "- ",
    "* ",
    "*",
    "[010]",
    "[:020]",
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "&A",
    "&B_C",
    "+",
    "$",
    "^",
    "%",
    "_",
    " ",
    "\n",
    "TALKS",
    "TO ",
    "#",
    ";",
    "<!--",
    "-->",
    "~",
    ":",
    "/",
    "&A\n+B\n",
    "&B_C\n+&A\n",
    "\r",
    "\t",
    "é",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_arbitrary_text_raises_only_dictionary_error(text: str) -> None:
    with contextlib.suppress(DictionaryError):
        parse_verb_text(text, origin="fuzz")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_after_a_header_raises_only_dictionary_error(text: str) -> None:
    with contextlib.suppress(DictionaryError):
        parse_verb_text("--- X [010] ---\nX\n" + text, origin="fuzz")


def test_a_compound_marker_before_the_verb_makes_a_compound_pattern() -> None:
    text = "--- AGREE [081] ---\nAGREE\n- % * [030:030]\n- * WITH % [031]\n- % HAVE_* [191]\n"
    patterns = parse_verb_text(text, origin="t").blocks[0].patterns
    assert [p.compound for p in patterns] == [True, False, True]


def test_a_verb_word_after_other_words_is_the_key_of_its_form(tmp_path: Path) -> None:
    text = "--- SEIZE [1711] ---\nSEIZE\nSTEALTH_+GRAB {STEALTH_+GRABBED} [1712]\n"
    d = parse_verb_text(text, origin="t.verbs")
    ((_, form),) = d.lookup("grab")
    assert (form.words, form.verb_at) == (("stealth", "grab"), 1)
    assert d.lookup("grabbed") == d.lookup("grab") and d.lookup("stealth") == ()
    path = tmp_path / "verbs.json.gz"
    dump_verbs(d, path)
    assert load_verbs(path).lookup("grab")[0][1].verb_at == 1


@pytest.mark.parametrize(("text", "reading", "other", "other_code"), [
    ("The United States removed its sanctions against Iran.", ("USA", "085"),
     "France removed its ambassador from Moscow.", "161"),  # recalled: relations reduced
    ("The French minister defended the pension reform.", ("FRAGOV", "052"),
     "Troops defended the city against the rebels.", "152"),
    ("The European Union is mobilising additional funds for Colombia.", ("IGOEUREEC", "071"),
     "Germany mobilised its army.", "154"),
], ids=["ending-sanctions", "defending-a-policy", "funds-set-aside"])  # fmt: skip
def test_the_supplement_codes_a_reading_and_leaves_other_objects_alone(
    coding_pipeline: Pipeline, text: str, reading: tuple[str, str], other: str,
    other_code: str,
) -> None:
    coded = coding_pipeline.code_text(text)
    assert [(e.source.code if e.source else None, e.code.cameo)
            for e in coded.events] == [reading]
    assert "verbs_supplement.txt" in coded.events[0].evidence.rule
    kept = coding_pipeline.code_text(other)
    assert [e.code.cameo for e in kept.events] == [other_code], "other objects keep theirs"


def test_the_supplement_codes_lifting_an_embargo(coding_pipeline: Pipeline) -> None:
    lifted = coding_pipeline.code_text("The United States lifted its embargo against Libya.")
    assert [(e.source.code if e.source else None, e.code.cameo,
             e.target.code if e.target else None) for e in lifted.events] == [
        ("USA", "085", "LBY")]


@pytest.mark.parametrize(("text", "codes"), [
    ("The Norwegian government is considering new rules.", {"014"}),
    ("The United States reduced military aid to Argentina.", {"1622"}),
    ("The Dutch government is exploring the possibility.", {"014"}),
    ("French police explored the site of the blast.", {"090"}),  # a place: still inspected
    ("Israel and Lebanon renewed negotiations on Monday.", {"046"}),  # not a concession
    ("Qatar mediated between the two sides.", {"045"}),
    ("The Nepalese government accepted the demands.", {"080"}),
    ("Germany accepted 2,000 asylum seekers last year.", {"075"}),  # as refugees
    ("The United States accepted 1,141 Iraqi refugees in May.", {"075"}),  # corrected
    ("Teachers in Denver went on strike for better pay.", {"143"}),  # not a journey
    ("Iranian prisoners went on hunger strike.", {"142"}),
    ("Bolivia declared a state of siege in Pando.", {"1724"}),
    ("Eritrea expelled some of the UN peacekeepers.", {"1661"}),  # "some of": counted
    ("North Korea expelled the UN inspectors.", {"1662"}),
    ("Sudan expelled 20 humanitarian workers.", {"1663"}),
    ("India sent emergency supplies to Nepal.", {"073"}),
    ("Kenya handed over $4 million worth of medicine to Uganda.", {"070"}),
    ("Swiss doctors handed over 700 kg of medicine to Iran.", {"070"}),
    ("Kenyan police dispersed the protesters.", {"175"}),
    ("A contingent of Kenyan peacekeepers arrived in Somalia.", {"074", "0861"}),
    ("Kenya deployed peacekeepers to Somalia.", {"074"}),  # corrected: not an intent
    ("Sudan allowed humanitarian relief to Darfur.", {"0863"}),
    ("The United States rolled back tariffs on Chinese goods.", {"085"}),
    ("Doctors Without Borders flew medicine into Afghanistan.", {"073"}),
    ("Shinzo Abe pushed for reforms.", {"020"}),  # an appeal, as lobbying for them
    ("Shinzo Abe pushed hard for reforms.", {"100"}),  # insisting: a demand
    ("Russia has strengthened its forces in Crimea.", {"154"}),
    ("The French president attacked the opposition's economic plan.", {"111"}),  # words
    ("Germany killed the proposal.", {"120"}),  # rejected, not a killing
    ("Kenya slammed Uganda over the border dispute.", {"111"}),
    ("A Kenyan bus slammed into a wall in Nairobi.", set()),  # a crash
    ("Britain slammed sanctions on Russian banks.", {"163"}),
    ("An Iranian political prisoner died due to torture.", {"1822"}),  # not any death
    ("Ten Afghan soldiers died in an air strike.", {"195"}),
    ("Switzerland expelled two Russian diplomats.", {"161"}),  # corrected: was 174
    ("Kenya sued Uganda at the regional court.", {"115"}),  # corrected: was 173, an arrest
    ("Kenya sued Uganda for damages.", {"115"}),
    ("Kenyan officers trained Ugandan pilots.", {"072"}),  # corrected: was 0312, an intent
    ("Kenya faces new sanctions from the EU.", set()),  # corrected: no meeting (040)
    ("Kenya faced criticism from Uganda.", {"111"}),  # FACE's patterns stay
    ("The war has impacted Ugandan farmers.", set()),  # corrected: no cooperation (050)
    ("Denmark accepted a formula for ending the dispute.", {"030"}),
    ("The Nigerian authorities are pressuring the lecturers.", {"100"}),  # not coercion
    ("Macron took aim at Britain over fishing rights.", {"111"}),  # not taking control
    ("Russia reinforced its troops near the border.", {"154"}),  # not coercion (170)
    ("The rebels handed over 40 percent of their weapons.", {"0873"}),  # what is measured
    ("Kenya pushed the Somali troops out of the town.", {"174"}),  # not "pushed for"
    ("Saudi Arabia sent a condolence message to Afghanistan.", {"018"}),
    ("Russia launched cyber warfare against Britain.", {"190"}),
    ("Turkey defended Russia over claims of interference.", {"052"}),
    ("Syria recognized the independence of Kosovo.", {"054"}),  # "# RECOGNISE" owns it
    ("The European Union is deeply concerned about the violence in Mali.", {"012"}),
    ("Kenya said it is sceptical of the plan.", {"012"}),
    ("Kenya remains hopeful that the talks will succeed.", {"013"}),
    ("The announcement alarmed the Kenyan government.", set()),  # a verb, no comment
    ("The Kenyan minister is concerned with education.", set()),  # involved, no view
    ("The Kenyan press is free.", set()),  # an adjective of the dictionary, no statement
    ("The Peruvian government extended the nightly curfew.", {"1723"}),
    ("Kenya is weighing aid to Uganda.", {"014"}),  # corrected source: no threat
    ("The rebels laid down their arms.", {"0871"}),  # as laying down a weapon
    ("The rebels handed over their weapons to the army.", {"0873"}),
    ("Kenya handed over medical supplies to Uganda.", {"070"}),
    ("Germany handed over 30 vehicles to Ethiopia.", {"070"}),
    ("China handed over a million vaccine doses to Kenya.", {"073"}),
    ("The militia returned the weapons to the army.", {"0842"}),
    ("Italy returned the stolen paintings to Greece.", {"0842"}),
    ("Kenya cut tariffs on Ugandan goods.", {"085"}),
    ("Kenya imposed tariffs on Ugandan goods.", {"163"}),
    ("Rebels held the villagers as human shields.", {"184"}),
    ("The government met the demands of the strikers.", {"080"}),
    ("Kenya violated the ban on arms exports.", {"128"}),
    ("Kenya ended its mediation efforts between the two sides.", {"165"}),
    ("Kenya suspended food supplies to Somalia.", {"1623"}),
    ("EU and UN hand over urgently needed supplies to Kenya.", {"070"}),  # "hand": NOUN
    ("Morocco suspended air links with Spain.", {"160"}),
    ("Morocco announced a suspension of air links with Spain.", {"160"}),
    ("Morocco halted its cooperation with Spain.", {"160"}),
    ("Morocco suspended diplomatic ties with Spain.", {"161"}),
    ("Vietnam is committed to opening up its economy.", {"030"}),  # its own pledge
    ("The soldiers committed crimes against civilians.", {"180"}),  # not a pledge
    ("Five hundred Kenyan rebels surrendered last week.", {"0874"}),  # not words (080)
    ("Kenya surrendered its claim to the islands.", {"080"}),
    ("Angry Kenyan farmers blocked the main bridge into Nairobi.", {"144"}),
    ("Kenyan truckers blocked transport into Nairobi.", {"144"}),
    ("Kenyan troops captured part of a rebel stronghold.", {"192"}),  # not taking part
    ("Kenyan troops retook the rebel stronghold.", {"192"}),
    ("Kenyan opposition leaders called off their protest.", {"082"}),  # easing dissent
    ("The Kenyan president is ending a five-day trip in Uganda.", {"042", "043"}),
    ("The Kenyan president called off a trip to Uganda.", {"160"}),
    ("Kenya sent a team of medical experts to Uganda.", {"073"}),  # not "* TEAM" (036)
    ("Kenya sent rescue teams to Uganda.", {"073"}),
    ("Kenyan troops participate in peacekeeping operations in Somalia.", {"074"}),
    ("Kenyan students took part in protests against the government.", {"141"}),
    ("Kenya participated in talks with Uganda.", {"046"}),
    ("Kenyan opposition leaders called off the talks with Uganda.", {"160"}),
    ("Kenyan teachers called off their four-day strike.", {"082"}),  # a labour strike
    ("The Kenyan army called off air strikes on the rebels.", {"087"}),
    ("The Kenyan army called off a strike on the rebels.", {"087"}),
    ("Kenya pushed for Uganda to stay in the union.", {"020"}),  # "for" opens a clause
    ("The minister pushed for the law to be changed.", {"020"}),
    ("Kenya forced the peacekeepers out of the region.", {"1661"}),  # not 074, 170
    ("Kenya forced the UN inspectors out.", {"1662"}),
    ("Kenya forced foreign aid workers out of the camps.", {"1663"}),
    ("Kenya withdrew its peacekeepers from the border.", {"1661"}),  # not 0874
    ("Kenya withdrew its forces from the region.", {"0874"}),  # not 080
    ("Kenya pulled some of its forces out of the region.", {"0874"}),
    ("Kenya accepted the UN monitors.", {"0862"}),  # ACCEPT coded nothing
    ("Kenya received UN peacekeepers.", {"0861"}),
    ("Kenya unveiled new sanctions against Uganda.", {"163"}),  # not a disclosure (050)
    ("Kenya introduced sanctions on Ugandan officials.", {"163"}),  # not 040
    ("Kenya imposed an asset freeze on three Ugandan ministers.", {"163"}),  # not 170
    ("Kenya announced a travel ban on Ugandan officials.", {"160"}),  # not a statement
    ("Kenya expanded its campaign against Ugandan rebels.", set()),  # no cooperation
    ("Kenya intensified its bombing campaign against Ugandan rebels.", {"190"}),
    ("Kenya escalated the conflict with Uganda.", {"138"}),  # as escalating a war
    ("Kenya expanded its cooperation with Uganda.", {"050"}),  # the dictionary's own
    ("Kenya shortened the nightly curfew in Nairobi.", {"0813"}),  # eased, not imposed
    ("Kenya relaxed the curfew in Nairobi.", {"0813"}),
    ("Kenya trained 200 Ugandan soldiers.", {"072"}),  # military aid, not an intent
    ("Kenya trained Ugandan police officers.", {"072"}),
    ("Kenya said it was withholding it from Uganda.", {"160"}),  # no detention (170)
    ("Kenya detained three Ugandan soldiers.", {"173"}),  # CONFINE's own verbs stay
    ("Kenyan aid workers risked prison in Uganda.", set()),  # their own harm
    ("Kenyan soldiers risked their lives in Uganda.", set()),
    ("Kenya risks a war with Uganda.", {"130"}),  # a threat to another side stays
    ("Kenyan troops endangered the lives of Ugandan civilians.", {"130"}),  # not RISK's
    ("Kenya gave military equipment to Uganda.", {"072"}),  # aid, not a show of force
    ("Kenya gave to Uganda some of its military vehicles.", {"072"}),
    ("Kenya supplied weapons to the Ugandan army.", {"072"}),
    ("Kenyan farmers filed petitions against the new tax.", {"020"}),  # an appeal
    ("A Kenyan lawyer filed a slate of reform petitions in Nairobi.", {"020"}),
    ("Kenyan activists collected 50,000 signatures against the law.", {"140"}),  # dissent
    ("Kenyan negotiators returned to Nairobi for talks with Uganda.", {"046"}),
    ("Kenya's high court opened a hearing into the legality of the arrests.", {"090"}),
    ("The Kenyan court opened a hearing on Monday.", set()),  # into nothing: no inquiry
    ("Dozens of Kenyan peacekeepers began deploying on Tuesday in Somalia.", {"074"}),
    ("Kenya sanctioned three Ugandan banks.", {"163"}),  # the dictionary has no SANCTION
    ("Kenya renewed Uganda sanctions.", set()),  # the noun is no act of Uganda's
    ("Kenya expelled the Ugandan ambassador.", {"161"}),  # relations, not a deportation
    ("Kenyan jets carried out airstrikes on the Ugandan border town.", {"195"}),
    ("Kenya launched a war against Uganda.", {"190"}),
    ("Kenya launched a trade war against Uganda.", set()),  # no force, no trade (061)
    ("Kenya insulted the Ugandan president.", {"111"}),  # the dictionary has no INSULT
    ("Kenya massed troops on the Ugandan border.", {"154"}),
    ("Kenyan protesters massed in the square.", set()),  # no army mobilised
    ("Kenya shut down an opposition newspaper.", {"1721"}),  # press freedom restricted
    ("Kenya announced $5 million in assistance to Uganda.", {"070"}),  # a sum is given
    ("Kenya announced humanitarian aid of $5 million for Uganda.", {"073"}),
    ("Kenya announced new aid to Uganda.", {"0331"}),  # no sum: still an intent
    ("Kenya provided support for the repair of Ugandan schools.", {"060"}),  # not praise
    ("Kenya gave its support to Uganda's bid.", {"051"}),  # giving support endorses
    ("Kenya said it would not provide support to Uganda.", {"121", "031"}),  # not 120
    ("Kenya delivered 20 tanks to Uganda.", {"072"}),  # DELIVER named no weapons
    ("Kenya delivered vaccines to Uganda.", {"073"}),
    ("Kenyan militants brought weapons into Kampala.", set()),  # DELIVER's alone
    ("Kenya sent humanitarian assistance to Uganda.", {"073"}),
    ("Kenya exposed the Ugandan spy network.", {"010"}),  # said, not cooperation (050)
    ("Kenya admitted 500 Ugandan refugees.", {"075"}),
    ("Kenya admitted responsibility for the raid.", {"015"}),
    ("Kenya pulled out of the nuclear deal.", {"161"}),  # not a yielding (080)
    ("Kenya abandoned the peace talks.", {"164"}),  # not a concession (080)
    ("Kenya tore up the agreement.", {"161"}),  # no violence (180)
    ("Kenya broke off diplomatic relations with Uganda.", {"161"}),  # no threat (130)
    ("Kenya recalled its envoy from Uganda.", {"161"}),
    ("Kenyan forces liberated three villages.", {"192"}),  # taken, not a yielding (080)
    ("Kenya freed 20 Ugandan prisoners.", {"0841"}),
    ("Kenyan forces neutralized 20 Ugandan rebels.", {"190"}),  # killed
    ("Kenya eliminated restrictions on Ugandan imports.", {"081"}),  # ELIMINATE's own
    ("Kenyan forces downed a Ugandan helicopter.", {"190"}),
    ("Kenyan workers downed tools.", set()),
])  # fmt: skip
def test_the_supplement_gives_plain_verbs_their_cameo_reading(
    coding_pipeline: Pipeline, text: str, codes: set[str]
) -> None:
    assert {e.code.cameo for e in coding_pipeline.code_text(text).events} == codes


def test_a_riot_named_as_a_noun_is_a_violent_protest(coding_pipeline: Pipeline) -> None:
    events = coding_pipeline.code_text("Zambian riots against the government lasted days.").events
    assert [(e.source.code if e.source else None, e.code.cameo) for e in events] == [
        ("ZMB", "145")
    ]
    police = coding_pipeline.code_text("Zambian riot police arrested the students.").events
    assert "145" not in {e.code.cameo for e in police}  # a modifier names no riot


def test_a_view_stated_as_an_adjective_takes_its_copula_s_negation(
    coding_pipeline: Pipeline,
) -> None:
    events = coding_pipeline.code_text("Kenya said it was not sceptical of the plan.").events
    views = [e for e in events if e.code.cameo == "012"]
    assert views and all(e.modality.negated for e in views), events
