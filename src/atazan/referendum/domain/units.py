"""Electoral units of a nationwide referendum: the nation, its 20 regions and cities, districts and precincts.

The 20 units are the oblasts, the cities of republican significance and the capital that Constitution 2026,
Art. 92(3) and the Constitutional Law "On the Nationwide Referendum", Art. 31(3) count for the two-thirds rule.

Precincts abroad: the Constitutional Law "On Elections", Art. 23(3) attaches precincts at the Republic's missions
abroad to the electoral district "on whose territory the Ministry of Foreign Affairs is located", which is Astana.
The referendum law applies the election law to counting and aggregation (Referendum Law, Art. 30(2)), so abroad
precincts are counted in Astana by default. `UnitRegistry(abroad_unit=...)` makes the attachment configurable.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from atazan.standards import names

ABROAD_SOURCE = "Constitutional Law on Elections, Art. 23(3); Referendum Law, Art. 30(2)"
ABROAD_ALIASES = frozenset({"abroad", "шетел", "шетелде", "за рубежом", "за границей", "зарубежные участки"})


class UnitKind(StrEnum):
    REGION = "region"  # облыс / область
    CITY = "city"  # city of republican significance
    CAPITAL = "capital"


@dataclass(frozen=True, slots=True)
class Unit:
    """One of the 20 first-level units; `turnout_1800_bp` is the CEC's published 18:00 turnout in basis points."""

    code: str
    name_en: str
    name_kk: str
    name_ru: str
    kind: UnitKind
    tile: tuple[int, int]  # (column, row) on the tile map, roughly where the unit lies
    turnout_1800_bp: int

    def name(self, language: str) -> str:
        if language.startswith("kk"):
            return self.name_kk
        if language.startswith("ru"):
            return self.name_ru
        return self.name_en


R, C, K = UnitKind.REGION, UnitKind.CITY, UnitKind.CAPITAL

# Turnout at 18:00 on 15 March 2026 as published by the CEC (shared/domain/FACTS.md).
# (code, kind, tile, turnout at 18:00 in basis points); the names come from atazan.standards.names (names.yaml).
_LAYOUT: tuple[tuple[str, UnitKind, tuple[int, int], int], ...] = (
    ("abai", R, (6, 1), 7384),
    ("akmola", R, (4, 0), 7772),
    ("aktobe", R, (1, 1), 8312),
    ("almaty_region", R, (5, 3), 7027),
    ("atyrau", R, (0, 2), 7108),
    ("west_kazakhstan", R, (0, 1), 6690),
    ("zhambyl", R, (4, 3), 8107),
    ("zhetisu", R, (6, 3), 7384),
    ("karaganda", R, (4, 2), 8144),
    ("kostanay", R, (2, 0), 8011),
    ("kyzylorda", R, (2, 3), 9180),
    ("mangystau", R, (0, 3), 7684),
    ("pavlodar", R, (5, 0), 7185),
    ("north_kazakhstan", R, (3, 0), 6858),
    ("turkistan", R, (2, 4), 8203),
    ("ulytau", R, (2, 2), 7057),
    ("east_kazakhstan", R, (6, 2), 8363),
    ("astana", K, (4, 1), 5672),
    ("almaty", C, (5, 4), 3282),
    ("shymkent", C, (3, 4), 7444),
)
_NAMES = {n.key: n for n in names.regions()}
UNITS: tuple[Unit, ...] = tuple(
    Unit(code, _NAMES[code].en, _NAMES[code].kk, _NAMES[code].ru, kind, tile, turnout)
    for code, kind, tile, turnout in _LAYOUT
)


class UnknownUnitError(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown unit {name!r}: not one of the 20 regions and cities (Constitution 2026, Art. 92(3))")
        self.name = name


class UnitRegistry:
    """Resolves a unit named in any of the three languages (or by code) to its `Unit`.

    `abroad_unit` is the unit that precincts abroad are counted in (default Astana, see the module docstring).
    """

    def __init__(self, units: tuple[Unit, ...] = UNITS, *, abroad_unit: str = "astana") -> None:
        self.units = units
        self.by_code = {u.code: u for u in units}
        if abroad_unit not in self.by_code:
            raise UnknownUnitError(abroad_unit)
        self.abroad_unit = self.by_code[abroad_unit]
        self._lookup: dict[str, Unit] = {}
        self._resolved: dict[str, tuple[Unit, bool]] = {}
        for unit in units:
            for key in (unit.code, unit.name_en, unit.name_kk, unit.name_ru):
                self._lookup[_fold(key)] = unit
        # Common short forms that are unambiguous: "Almaty city", "Almaty oblast", "город Алматы".
        extra = {
            "almaty city": "almaty",
            "город алматы": "almaty",
            "алматы қаласы": "almaty",
            "almaty oblast": "almaty_region",
            "астана қаласы": "astana",
            "город астана": "astana",
            "шымкент қаласы": "shymkent",
            "город шымкент": "shymkent",
        }
        for key, code in extra.items():
            if code in self.by_code:
                self._lookup[key] = self.by_code[code]

    def resolve(self, name: str) -> tuple[Unit, bool]:
        """Return (unit, abroad). Raises `UnknownUnitError` for a name that is none of the units."""
        known = self._resolved.get(name)
        if known is not None:  # a file names its units the same way row after row (issue 18)
            return known
        folded = _fold(name)
        if folded in ABROAD_ALIASES:
            found = self.abroad_unit, True
        else:
            try:
                found = self._lookup[folded], False
            except KeyError:
                raise UnknownUnitError(name) from None
        if len(self._resolved) < 1000:  # the names of real files; not every name a hostile file invents
            self._resolved[name] = found
        return found

    def __len__(self) -> int:
        return len(self.units)


def _fold(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


DEFAULT_REGISTRY = UnitRegistry()
