"""Worked examples: the lawyer-readable YAML cases in ``data/cases``, each a situation and what the Constitution says.

The same files are run by pytest (``tests/rules/domain/test_cases.py``) and listed on the rules page, so every
example the page shows is one the engine is tested to decide that way. A case that illustrates a provision names it
(``constitution`` and ``article``, or ``act`` for a constitutional law) and quotes its sentence (``quote``). A case's
``name`` is given in each language the pages speak (``{en: …, kk: …, ru: …}``); the English one names it in tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from atazan.rules.domain.article_ref import ArticleRefError, parse_article_ref

CASES_DIR = Path(__file__).resolve().parent.parent / "data" / "cases"
# The procedures' cases (situation -> result, findings, figures, deadlines), run by tests/rules/procedures.
PROCEDURE_CASES_DIR = Path(__file__).resolve().parent.parent / "data" / "procedure_cases"


@dataclass(frozen=True)
class WorkedExample:
    topic: str  # the file's stem: "amendments", "acting_president"
    name: str
    check: str
    situation: dict[str, Any]
    expect: dict[str, Any]
    constitution: str = ""
    act: str = ""
    article: str = ""
    quote: str = ""
    names: tuple[tuple[str, str], ...] = ()  # (language, name) for each language given, English included

    def name_in(self, language: str) -> str:
        """The case's name in ``language`` ("kk", "ru", "en"; a region such as "ru-kz" counts as its language);
        English when the file gives no such variant."""
        return dict(self.names).get(language.split("-")[0], self.name)

    @property
    def date(self) -> dt.date | None:
        """The day the case is judged on: ``date``, else the procedure's ``as_of`` or the day of its vote."""
        for key in ("date", "as_of", "voted_on", "on"):
            value = self.situation.get(key)
            if isinstance(value, dt.date):
                return value.date() if isinstance(value, dt.datetime) else value
        return None

    def sort_key(self) -> tuple[str, tuple[int, ...], str]:
        try:
            parts = parse_article_ref(self.article).parts()
            numbers = tuple(int(n) for part in parts for n in part.split("-"))
        except ArticleRefError:
            numbers = (10_000,)
        return (self.act or self.constitution, numbers, self.name)


def worked_examples(directory: Path = CASES_DIR, *, topic_prefix: str = "") -> list[WorkedExample]:
    """Every case, in file order."""
    found: list[WorkedExample] = []
    for path in sorted(directory.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append(
                WorkedExample(
                    topic=topic_prefix + path.stem,
                    name=_english(raw["name"]),
                    names=_variants(raw["name"]),
                    check=str(raw["check"]),
                    situation=dict(raw["situation"]),
                    expect=dict(raw["expect"]),
                    constitution=str(raw.get("constitution", "")),
                    act=str(raw.get("act", "")),
                    article=str(raw.get("article", "")),
                    quote=str(raw.get("quote", "")),
                )
            )
    return found


def _english(name: object) -> str:
    return str(name["en"]) if isinstance(name, dict) else str(name)


def _variants(name: object) -> tuple[tuple[str, str], ...]:
    if isinstance(name, dict):
        return tuple((str(language), str(text)) for language, text in name.items())
    return (("en", str(name)),)


def case_name(raw: dict[str, Any]) -> str:
    """The English name of a case as the YAML gives it (``name: {en: …}`` or a plain string)."""
    return _english(raw["name"])


def procedure_examples() -> list[WorkedExample]:
    """The procedures' worked cases (``data/procedure_cases``), their topics prefixed ``procedures/``."""
    return worked_examples(PROCEDURE_CASES_DIR, topic_prefix="procedures/")
