"""The 20 first-level units of Kazakhstan (17 oblasts, the cities of republican significance and the capital).

Source: shared/domain/FACTS.md ("20 units since 2022"). The codes are the same as the referendum context's units, so
a member's region and a referendum result can be joined by code.
"""

from __future__ import annotations

from dataclasses import dataclass


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


REGIONS: tuple[Region, ...] = (
    Region("abai", "Abai Region", "Абай облысы", "Абайская область"),
    Region("akmola", "Akmola Region", "Ақмола облысы", "Акмолинская область"),
    Region("aktobe", "Aktobe Region", "Ақтөбе облысы", "Актюбинская область"),
    Region("almaty_region", "Almaty Region", "Алматы облысы", "Алматинская область"),
    Region("atyrau", "Atyrau Region", "Атырау облысы", "Атырауская область"),
    Region("west_kazakhstan", "West Kazakhstan Region", "Батыс Қазақстан облысы", "Западно-Казахстанская область"),
    Region("zhambyl", "Zhambyl Region", "Жамбыл облысы", "Жамбылская область"),
    Region("zhetisu", "Zhetisu Region", "Жетісу облысы", "Область Жетісу"),
    Region("karaganda", "Karaganda Region", "Қарағанды облысы", "Карагандинская область"),
    Region("kostanay", "Kostanay Region", "Қостанай облысы", "Костанайская область"),
    Region("kyzylorda", "Kyzylorda Region", "Қызылорда облысы", "Кызылординская область"),
    Region("mangystau", "Mangystau Region", "Маңғыстау облысы", "Мангистауская область"),
    Region("pavlodar", "Pavlodar Region", "Павлодар облысы", "Павлодарская область"),
    Region("north_kazakhstan", "North Kazakhstan Region", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область"),
    Region("turkistan", "Turkistan Region", "Түркістан облысы", "Туркестанская область"),
    Region("ulytau", "Ulytau Region", "Ұлытау облысы", "Область Ұлытау"),
    Region("east_kazakhstan", "East Kazakhstan Region", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область"),
    Region("astana", "Astana", "Астана", "Астана"),
    Region("almaty", "Almaty", "Алматы", "Алматы"),
    Region("shymkent", "Shymkent", "Шымкент", "Шымкент"),
)

REGION_CODES: tuple[str, ...] = tuple(r.code for r in REGIONS)
_BY_CODE = {r.code: r for r in REGIONS}


def region_get(code: str) -> Region:
    """The region with this code; KeyError naming the code and the list it is not in."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise KeyError(f"unknown region {code!r}: not one of the 20 oblasts and cities (FACTS.md)") from None
