"""The 20 first-level units of Kazakhstan (17 oblasts, the cities of republican significance and the capital).

Source: shared/domain/FACTS.md ("20 units since 2022"); the names come from atazan.standards.names. The codes are
the same as the referendum context's units, so a member's region and a referendum result can be joined by code.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan.standards import names


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name_en: str
    name_kk: str
    name_ru: str

    def name(self, language: str) -> str:
        if language.startswith("kk"):
            return self.name_kk
        if language.startswith("ru"):
            return self.name_ru
        return self.name_en


# The names come from the one multilingual source (atazan.standards.names, data/names.yaml).
REGIONS: tuple[Region, ...] = tuple(Region(n.key, n.en, n.kk, n.ru) for n in names.regions())

REGION_CODES: tuple[str, ...] = tuple(r.code for r in REGIONS)
_BY_CODE = {r.code: r for r in REGIONS}


def region_get(code: str) -> Region:
    """The region with this code; KeyError naming the code and the list it is not in."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown region {code!r}: not one of the 20 oblasts and cities (FACTS.md)") from None
