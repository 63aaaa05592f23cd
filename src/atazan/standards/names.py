"""Names of regions, parties and bodies in Kazakh, Russian and English, from one file: ``data/names.yaml``.

Every context reads its names here (issue 15): the commission's member regions, the referendum's units, the
elections' regions and party lists, the consultation's proposal filter and form. Pure Python, no Django: the caller
passes the language ("kk", "ru", "en", or a longer tag such as "ru-RU"); anything else reads English.

    region_name("abai", "kk")               → "Абай облысы"
    region_name("Almaty oblast", "ru")      → "Алматинская область" (an alias a record may hold)
    party_name("Ak Zhol", "kk")             → "Ақ жол"
    body_name("cec", "ru")                  → "Центральная избирательная комиссия"

An unknown key comes back as given (a party registered after this file was written keeps its registered name).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

__all__ = ["LANGUAGES", "Name", "body_name", "party_name", "region_code", "region_name", "regions"]

LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True, slots=True)
class Name:
    """One named thing: its key and its name in each language."""

    key: str
    en: str
    kk: str
    ru: str
    kind: str = ""
    aliases: tuple[str, ...] = ()

    def name(self, language: str | None) -> str:
        short = (language or "").split("-")[0].lower()
        return self.kk if short == "kk" else self.ru if short == "ru" else self.en


@cache
def _data() -> dict[str, tuple[Name, ...]]:
    # libyaml's loader where PyYAML has it (the same safe subset, ~30x faster: every `atazan` command that counts
    # units loads this file at start-up, issue 18), else the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # Next to this module (a package installed as files, like every install of atazan): importlib.resources would
    # cost every command that counts units ~20 ms of imports at start-up (issue 18).
    text = (Path(__file__).parent / "data" / "names.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, chosen above
    out: dict[str, tuple[Name, ...]] = {}
    for section, id_field in (("regions", "code"), ("places", "code"), ("parties", "key"), ("bodies", "code")):
        out[section] = tuple(
            Name(
                key=str(row[id_field]),
                en=str(row["en"]),
                kk=str(row["kk"]),
                ru=str(row["ru"]),
                kind=str(row.get("kind", "")),
                aliases=tuple(str(a) for a in row.get("aliases", ())),
            )
            for row in raw[section]
        )
    return out


@cache
def _index(section: str) -> dict[str, Name]:
    index: dict[str, Name] = {}
    for item in _data()[section]:
        for key in (item.key, *item.aliases, item.en):  # a record may hold the English name ("Abai Region")
            index[key] = item
            index[key.casefold()] = item
    return index


def _lookup(section: str, key: str) -> Name | None:
    index = _index(section)
    return index.get(key) or index.get(key.strip().casefold())


def regions() -> tuple[Name, ...]:
    """The 20 first-level units in the file's order (the 17 oblasts, then the capital and the two cities)."""
    return _data()["regions"]


def region_code(key: str) -> str | None:
    """The code of the region ``key`` names (a code or an alias), or None."""
    found = _lookup("regions", key)
    return found.key if found else None


def region_name(key: str, language: str | None) -> str:
    """A region's name, or a place's ("abroad"); the key as given when it is neither."""
    found = _lookup("regions", key) or _lookup("places", key)
    return found.name(language) if found else key


def party_name(key: str, language: str | None) -> str:
    found = _lookup("parties", key)
    return found.name(language) if found else key


def body_name(code: str, language: str | None) -> str:
    found = _lookup("bodies", code)
    return found.name(language) if found else code
