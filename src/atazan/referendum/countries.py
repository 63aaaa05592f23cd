"""Countries' names in the reader's language, from one multilingual source: the ISO 3166-1 catalogues of the
iso-codes project that pycountry ships (``pycountry.LOCALES_DIR/{kk,ru}/LC_MESSAGES/iso3166-1.mo``), issue 15.

The demo's model writes its missions abroad in English into the signed protocols' precinct records ("Mission in
Germany", country "Germany"); those records never change. They are translated where they are shown:

    country_name("Germany", "kk")   → "Германия"
    country_name("Russia", "ru")    → "Российская Федерация"

A country is found by its ISO name, official or common name, or alpha code (``pycountry.countries.lookup``), or by the
short English names in ``ALIASES`` that ISO 3166-1 does not list. Its name in the language is the first of its ISO
name, common name and official name that the catalogue translates (the Kazakh catalogue translates "Czech Republic",
the official name, and not yet the short "Czechia"). A name that is no country, or a language without a catalogue,
comes back as given.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

__all__ = ["ALIASES", "country_name"]

# Short English names a record may hold that ISO 3166-1 writes otherwise ("Russian Federation").
ALIASES = {"Russia": "RU", "Iran": "IR", "South Korea": "KR", "North Korea": "KP", "Vietnam": "VN", "Syria": "SY"}


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


@cache
def _country(name: str) -> object | None:
    try:
        return pycountry.countries.lookup(ALIASES.get(name, name))
    except LookupError:
        return None


@cache
def country_name(name: str, language: str | None) -> str:
    """The country ``name`` (an English name or an alpha code) names, in ``language`` ("kk", "ru", "en", "ru-RU")."""
    short = (language or "en").split("-")[0].lower()
    country = _country(name)
    if country is None or short == "en":
        return name
    catalogue = _catalogue(short)
    for field in ("name", "common_name", "official_name"):
        english = getattr(country, field, None)
        if english:
            found = catalogue.gettext(english)
            if found != english:
                return found
    return name
