"""GDELT 2.0 event rows: the 61 tab-separated columns of GDELT's Event table.

Existing GDELT tooling (loaders, BigQuery schemas, R and Python readers) can take our
events unchanged when they come in GDELT's exact layout, so the column order follows
the GDELT Event Codebook V2.0 and columns we cannot fill are left empty rather than
dropped.  ``docs/gdelt.md`` says where each column comes from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Final, TextIO

from eventwire.codes.actor_parts import UNKNOWN_PART, split_actor_code
from eventwire.model import ActorMention, Article, CodedArticle, Event, Location

_ACTOR_FIELDS: Final = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS: Final = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)

GDELT_COLUMNS: Final[tuple[str, ...]] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR_FIELDS),
    *(f"Actor2{name}" for name in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
"""The 61 column names of a GDELT 2.0 event row, in the codebook's order."""


def _clean(value: str) -> str:
    """A field value with no tab or line break, which would break the row."""
    return " ".join(value.split())


def global_event_id(doc_id: str, event_id: str) -> int:
    """A stable positive 63-bit id for an event, the same on every run and machine."""
    digest = hashlib.blake2b(f"{doc_id}\x1f{event_id}".encode(), digest_size=8).digest()
    return (int.from_bytes(digest, "big") >> 1) or 1


def _date_fields(day: dt.date | None) -> list[str]:
    """SQLDATE, MonthYear, Year and FractionDate (the codebook's (month*30+day)/365)."""
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def gdelt_code(code: str) -> str:
    """The actor code as GDELT writes it: without CAMEO's unknown-country ``---``
    (GDELT's ``GOV`` for a government of unknown country, ``COP`` for "police"), so
    empty for an actor no dictionary knows; its name is in the name column."""
    return code.removeprefix(UNKNOWN_PART)


def _actor_fields(actor: ActorMention | None) -> list[str]:
    if actor is None:
        return [""] * len(_ACTOR_FIELDS)
    parts = split_actor_code(actor.code)
    religions = [*parts.religions, "", ""][:2]
    types = [*parts.types, "", "", ""][:3]
    return [
        gdelt_code(actor.code), _clean(actor.text).upper(), parts.country or "",
        parts.known_group or "", parts.ethnic or "", *religions, *types,
    ]


def lead_paragraph(article: Article) -> int:
    """Index of the lead paragraph: the first one that is not just the title.

    GDELT's IsRootEvent marks events of the lead paragraph, which projects such as
    ICEWS found to be the most important of a story.
    """
    title = _clean(article.title or "")
    for index, (start, end) in enumerate(article.paragraphs):
        if not title or _clean(article.text[start:end]) != title:
            return index
    return 0


def _event_fields(e: Event, article: Article) -> list[str]:
    code = e.code
    tone = "" if e.tone is None else f"{e.tone:g}"
    return [
        "1" if e.sentence.paragraph == lead_paragraph(article) else "0",
        code.cameo, code.cameo[:3], code.root, str(code.quad_class), f"{code.goldstein:g}",
        "1", "1", "1", tone,
    ]


def geo_type(location: Location) -> str:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city."""
    if location.kind == "country":
        return "1"
    if location.kind == "state":
        return "2"
    if location.kind == "city":
        return "3" if location.country == "USA" else "4"
    return ""


def geo_fields(location: Location | None) -> list[str]:
    """The eight ``*Geo_*`` columns of a location; only ``FullName`` for a place the
    gazetteer does not know."""
    if location is None:
        return [""] * len(_GEO_FIELDS)
    coordinate = ["" if v is None else f"{v:.4f}" for v in (location.lat, location.lon)]
    return [
        geo_type(location), _clean(location.name), location.fips or "", location.adm1 or "",
        "", *coordinate, location.feature_id or "",
    ]


def gdelt_row(e: Event, article: Article) -> list[str]:
    """The 61 GDELT fields of one event of ``article``; empty where not known."""
    day = e.date or article.date
    added = article.date.strftime("%Y%m%d000000") if article.date else ""
    row = [
        str(global_event_id(e.doc_id, e.event_id)), *_date_fields(day),
        *_actor_fields(e.source), *_actor_fields(e.target), *_event_fields(e, article),
        *([""] * (2 * len(_GEO_FIELDS))), *geo_fields(e.location),
        added, _clean(article.url or article.origin or ""),
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def write_gdelt(
    coded: Iterable[CodedArticle], out: TextIO, *, include_uncounted: bool = False
) -> int:
    """Write one tab-separated GDELT row per event (no header); return the count.

    Negated and hypothetical events are left out unless ``include_uncounted``: GDELT
    has no column to flag them, and its users count every row as an event that
    happened.
    """
    written = 0
    for article in coded:
        for event in article.events:
            if event.counted or include_uncounted:
                out.write("\t".join(gdelt_row(event, article.article)) + "\n")
                written += 1
    return written
