"""The CAMEO code table: lookups, class mappings, PLOVER decisions and the build step."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.codes import (
    UnknownCode,
    acled_type,
    all_codes,
    cameo_name,
    code_info,
    code_prefixes,
    code_row,
    is_cameo,
    is_cameo_prefix,
    penta_class,
    plover_types,
    quad_class,
    split_actor_code,
)
from eventwire.codes.build import build_code_tables, compile_rows
from eventwire.codes.tables import parse_table
from eventwire.errors import DictionaryError

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def _gdelt_quad(root: int) -> int:
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _penta(root: int) -> str:
    if root <= 2:
        return "statement"
    if root <= 5:
        return "verbal_cooperation"
    if root <= 8:
        return "material_cooperation"
    if root <= 13 or root == 16:
        return "verbal_conflict"
    return "material_conflict"


@pytest.mark.parametrize("root", range(1, 21))
def test_quad_and_penta_class_of_every_root_and_its_codes(root: int) -> None:
    prefix = f"{root:02d}"
    codes = [code for code in all_codes() if code.startswith(prefix)]
    assert prefix in codes and len(codes) > 1
    for code in codes:
        assert quad_class(code) == _gdelt_quad(root), code
        assert penta_class(code) == _penta(root), code
        assert code_info(code).root == prefix


def test_code_info_of_a_plain_code() -> None:
    info = code_info("042")
    assert (info.cameo, info.root, info.quad_class) == ("042", "04", 1)
    assert (info.plover, info.plover_mode) == ("CONSULT", "visit")
    assert "visit" in info.name.lower()
    assert info.goldstein > 0


def test_four_digit_code_missing_from_goldstein_takes_its_parent() -> None:
    assert code_info("1213").goldstein == code_info("121").goldstein
    assert "goldstein from 121" in code_row("1213").note
    assert code_info("1834").goldstein == code_info("183").goldstein
    assert code_info("1834").plover == "ASSAULT"


def test_root_code_takes_plover_of_its_unspecified_code() -> None:
    assert code_info("14").plover == code_info("140").plover == "PROTEST"
    assert code_info("19").plover == "ASSAULT"


@pytest.mark.parametrize("bad", ["999", "0", "", "21", "0X1", "04 2", "00"])
def test_unknown_codes_raise_a_key_error(bad: str) -> None:
    assert not is_cameo(bad)
    with pytest.raises(UnknownCode) as caught:
        code_info(bad)
    assert isinstance(caught.value, KeyError)
    assert repr(bad) in str(caught.value)


def test_is_cameo_ignores_surrounding_space() -> None:
    assert is_cameo(" 0251 ") and is_cameo("20") and is_cameo("176")


def test_statement_codes_have_no_plover_type_except_express_accord() -> None:
    for code in (c for c in all_codes() if c.startswith("01")):
        expected = "SUPPORT" if code == "019" else None
        assert code_info(code).plover == expected, code


@pytest.mark.parametrize(
    ("code", "mode"),
    [("020", None), ("0212", "assist"), ("022", "assist"), ("0243", "change"),
     ("0253", "yield"), ("026", "meet"), ("028", "meet")],
)
def test_appeals_are_plover_requests(code: str, mode: str | None) -> None:
    info = code_info(code)
    assert (info.plover, info.plover_mode) == ("REQUEST", mode)


def test_every_plover_value_is_a_plover_type() -> None:
    for code in all_codes():
        info = code_info(code)
        assert info.plover is None or info.plover in PLOVER_TYPES, code
        assert info.plover_mode is None or info.plover is not None, code
        assert -10.0 <= info.goldstein <= 10.0
        assert info.name


def test_invalid_plover_modes_are_dropped() -> None:
    assert code_info("175").plover == "ASSAULT"
    assert code_info("175").plover_mode is None
    assert code_info("1712").plover_mode == "destroy"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("141", "Protests"), ("1451", "Riots"), ("190", "Battles"),
     ("195", "Explosions/Remote violence"), ("1831", "Explosions/Remote violence"),
     ("182", "Violence against civilians"),
     ("173", "Strategic developments"), ("042", None), ("112", None), ("163", None)],
)
def test_acled_type(code: str, expected: str | None) -> None:
    assert acled_type(code) == expected


def test_cameo_name() -> None:
    assert "sanction" in cameo_name("0251").lower()
    with pytest.raises(KeyError):
        cameo_name("0259")


def test_parse_table_rejects_bad_lines() -> None:
    with pytest.raises(DictionaryError):
        parse_table("# notice\nwrong\theader\n")
    header = "code\tname\troot\tquad_class\tpenta_class\tacled_type\tgoldstein\tplover\t" \
        "plover_mode\tnote\n"
    with pytest.raises(DictionaryError):
        parse_table(header + "042\tMake a visit\t04\n")
    with pytest.raises(DictionaryError):
        parse_table(header + "042\tMake a visit\t04\tone\tverbal_cooperation\t\t1.9\t\t\t\n")


@pytest.mark.parametrize(
    ("code", "country", "group", "religions", "types"),
    [("GBRGOV", "GBR", None, (), ("GOV",)),
     ("IGOUNO", None, "UNO", (), ("IGO",)),
     ("MNCUSA", "USA", None, (), ("MNC",)),
     ("IMGSEAMUSJMA", "SEA", "JMA", ("MUS",), ("IMG",)),
     ("RUSMILGOVREB", "RUS", None, (), ("MIL", "GOV", "REB")),
     ("---GOV", None, None, (), ("GOV",)),  # CAMEO's unknown country is no group
     ("---", None, None, (), ())],
)
def test_split_actor_code(
    code: str, country: str | None, group: str | None, religions: tuple[str, ...],
    types: tuple[str, ...],
) -> None:
    parts = split_actor_code(code)
    assert (parts.country, parts.known_group, parts.religions, parts.types) == (
        country, group, religions, types)


def _write_sources(root: Path) -> Path:
    books = root / "codebooks"
    books.mkdir(parents=True)
    codes = ["01", "010", "019", "02", "025", "0251", "04", "040", "042", "17", "170", "175"]
    names = {c: f"Name {c}" for c in codes}
    (books / "CAMEO.eventcodes.txt").write_text(
        "CAMEOEVENTCODE\tEVENTDESCRIPTION\n" + "".join(f"{c}\t{names[c]}\n" for c in codes))
    scored = [c for c in codes if c != "0251"]
    (books / "CAMEO.goldsteinscale.txt").write_text(
        "CAMEOEVENTCODE\tGOLDSTEINSCALE\n" + "".join(f"{c}\t{len(c)}.5\n" for c in scored))
    (books / "CAMEO_codefile.txt").write_text("LABEL: 0421= Codefile only visit\n")
    (books / "CAMEO.Manual.1.1b3.chapter_6_cameo_event_codes.md").write_text(
        "## 17: COERCE\n\n176: Attack cybernetically\n\n1883: Typo code\n")
    (books / "CAMEO2PLOVER-2021.txt").write_text(
        "# header\n04: CONSULT\n040: CONSULT, ,  # Consult\n042: CONSULT, visit,   # Visit\n"
        "170: COERCE, ,    # Coerce\n175: ASSAULT, pro_autocracy , military # Repress\n")
    (books / "PLOVER_structured_codebook.csv").write_text(
        "event,mode,event_def,mode_def,extraction_notes\nCONSULT,visit,d,m,\n"
        "COERCE,cyber,d,m,\nASSAULT,beat,d,m,\nREQUEST,yield,d,m,\nSUPPORT,,d,m,\n")
    (books / "ICEWS-countrynames.txt").write_text("Freedonia\tFRD\t999\nGuam\tUSAGUM\t000\n")
    return root


def test_build_code_tables_from_small_sources(tmp_path: Path) -> None:
    lexicons = _write_sources(tmp_path / "lexicons")
    out = build_code_tables(lexicons, tmp_path / "data")
    text = out.read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in text and "CAMEO2PLOVER" in text and "PLOVER manual" in text
    rows = parse_table(text)
    assert set(rows) == {
        "01", "010", "019", "02", "025", "0251", "04", "040", "042", "0421", "17", "170",
        "175", "176"}
    assert rows["0251"].goldstein == 3.5 and "goldstein from 025" in rows["0251"].note
    assert (rows["0251"].plover, rows["0251"].plover_mode) == ("REQUEST", "yield")
    assert (rows["0421"].name, rows["0421"].plover_mode) == ("Codefile only visit", "visit")
    assert rows["04"].plover == "CONSULT" and rows["010"].plover is None
    assert rows["175"].plover == "ASSAULT" and rows["175"].plover_mode is None
    assert (rows["176"].plover, rows["176"].plover_mode) == ("COERCE", "cyber")
    assert rows["176"].goldstein == 2.5
    countries = (tmp_path / "data" / "cameo_countries.tsv").read_text(encoding="utf-8")
    assert "FRD\tFreedonia" in countries and "USA" not in countries


def test_build_fails_on_a_malformed_goldstein_line(tmp_path: Path) -> None:
    lexicons = _write_sources(tmp_path / "lexicons")
    with (lexicons / "codebooks" / "CAMEO.goldsteinscale.txt").open("a") as handle:
        handle.write("not a line\n")
    with pytest.raises(DictionaryError):
        compile_rows(lexicons / "codebooks")


def test_code_prefixes_are_exactly_the_leading_parts_of_codes() -> None:
    codes = all_codes()
    assert set(codes) <= code_prefixes()
    assert all(any(c.startswith(p) for c in codes) for p in code_prefixes())
    assert is_cameo_prefix("19") and is_cameo_prefix("1") and is_cameo_prefix("0211")
    assert not is_cameo_prefix("99") and not is_cameo_prefix("") and not is_cameo_prefix("19x")


def test_plover_types_are_those_the_table_maps_to() -> None:
    mapped = {code_row(c).plover for c in all_codes()} - {None}
    assert set(plover_types()) == mapped and list(plover_types()) == sorted(mapped)
    assert "ASSAULT" in plover_types()
