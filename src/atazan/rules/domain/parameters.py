"""Dated constitutional parameters, loaded from YAML and looked up "as of" a date.

Each parameter is a series of values, each starting on a date and carrying the provision it comes from
(OpenFisca's parameter files are the model). A ``null`` value ends a parameter: asking for it afterwards is an error,
as is asking before its first value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import yaml

from atazan.messages.domain import declare
from atazan.rules.domain.article_ref import ArticleRefError, parse_article_ref
from atazan.rules.domain.majority import Majority, MajorityBase

ParameterType = Literal["int", "text", "list", "bool", "majority", "protection"]
PARAMETERS_DIR = Path(__file__).resolve().parent.parent / "parameters"
_TYPES: tuple[str, ...] = ("int", "text", "list", "bool", "majority", "protection")


class ParameterError(Exception):
    """A parameter file is malformed, or a parameter is asked for on a date it has no value."""


@dataclass(frozen=True)
class Reference:
    """Where a value comes from: the full citation, the short article ("60(1)") and the constitution's year.

    ``act`` is empty for the Constitution itself; otherwise the law the article belongs to, by its code in
    ``ACTS`` (a constitutional law that the Constitution delegates a figure to, e.g. ``cl_peoples_council``).
    """

    text: str
    article: str
    constitution: str
    act: str = ""
    sentence: int | None = None  # which sentence of the article's provision the value rests on (0-based)

    def short(self) -> str:
        if self.act:
            return f"{ACTS[self.act]}, Art. {self.article}"
        return f"Constitution {self.constitution}, Art. {self.article}"


# Acts other than the Constitution that parameters cite, by code: their English names (translated by the adapter).
ACTS: dict[str, str] = {
    "cl_peoples_council": "Constitutional Law on the People's Council of 2026-06-05",
}
declare("rules", ACTS)


@dataclass(frozen=True)
class Protection:
    """A provision the Constitution declares unchangeable, through the clause that does so.

    ``provision`` says something that ``clause`` makes unchangeable (``subject``, in the clause's own words); a
    clause protects itself too, since repealing it would undo the protection. Constitution 2026, Arts. 2(7), 43(5);
    1995, Art. 91(2).
    """

    provision: str
    clause: str
    subject: str


@dataclass(frozen=True)
class Protections:
    """The value of a ``protection`` parameter: every protected provision with its clause."""

    items: tuple[Protection, ...]

    def __iter__(self) -> Iterator[Protection]:
        return iter(self.items)


ParameterValueType = int | str | bool | tuple[str, ...] | Protections | Majority | None


@dataclass(frozen=True)
class DatedValue:
    start: dt.date
    value: ParameterValueType
    reference: Reference


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    type: ParameterType
    unit: str
    values: tuple[DatedValue, ...]  # sorted by start

    def at(self, as_of: dt.date) -> DatedValue:
        """The value in force on ``as_of``; raises ``ParameterError`` if none is."""
        current: DatedValue | None = None
        for dated in self.values:
            if dated.start <= as_of:
                current = dated
        if current is None:
            raise ParameterError(
                f"parameter {self.name!r} has no value before {self.values[0].start.isoformat()} "
                f"(asked for {as_of.isoformat()})"
            )
        if current.value is None:
            raise ParameterError(
                f"parameter {self.name!r} is not in force on {as_of.isoformat()}: "
                f"ended {current.start.isoformat()} ({current.reference.text})"
            )
        return current


def _parse_value(name: str, kind: str, raw: Any, where: str) -> ParameterValueType:
    if raw is None:
        return None
    if kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ParameterError(f"{where}: {name} expects an integer, got {raw!r}")
        return raw
    if kind == "bool":
        if not isinstance(raw, bool):
            raise ParameterError(f"{where}: {name} expects true or false, got {raw!r}")
        return raw
    if kind == "text":
        if not isinstance(raw, str):
            raise ParameterError(f"{where}: {name} expects text, got {raw!r}")
        return raw
    if kind == "list":
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise ParameterError(f"{where}: {name} expects a list of names, got {raw!r}")
        return tuple(raw)
    if kind == "protection":
        return _parse_protections(name, raw, where)
    if not isinstance(raw, dict) or set(raw) != {"share", "strict", "of"}:
        raise ParameterError(f"{where}: {name} expects {{share, strict, of}}, got {raw!r}")
    try:
        return Majority(Fraction(str(raw["share"])), bool(raw["strict"]), MajorityBase(raw["of"]))
    except ValueError as exc:
        raise ParameterError(f"{where}: {name}: {exc}") from exc


def _parse_protections(name: str, raw: Any, where: str) -> Protections:
    """``[{clause: "2(7)", subject: "...", provisions: ["2(1)", ...]}, ...]``; every reference must be readable."""
    if not isinstance(raw, list) or not raw:
        raise ParameterError(f"{where}: {name} expects a list of {{clause, subject, provisions}}, got {raw!r}")
    found: list[Protection] = []
    for entry in raw:
        if not isinstance(entry, dict) or set(entry) != {"clause", "subject", "provisions"}:
            raise ParameterError(f"{where}: {name} expects {{clause, subject, provisions}}, got {entry!r}")
        provisions = entry["provisions"]
        if not isinstance(provisions, list) or not provisions:
            raise ParameterError(f"{where}: {name}: clause {entry['clause']!r} protects no provision")
        try:
            clause = str(parse_article_ref(str(entry["clause"])))
            for provision in provisions:
                found.append(Protection(str(parse_article_ref(str(provision))), clause, str(entry["subject"])))
        except ArticleRefError as exc:
            raise ParameterError(f"{where}: {name}: {exc}") from exc
    return Protections(tuple(found))


def _parse_parameter(name: str, body: Any, where: str) -> Parameter:
    if not isinstance(body, dict):
        raise ParameterError(f"{where}: {name} must be a mapping")
    kind = body.get("type")
    if kind not in _TYPES:
        raise ParameterError(f"{where}: {name} has unknown type {kind!r} (expected one of {', '.join(_TYPES)})")
    raw_values = body.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterError(f"{where}: {name} has no dated values")
    values: list[DatedValue] = []
    for start, entry in raw_values.items():
        if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
            raise ParameterError(f"{where}: {name}: {start!r} is not a date (YYYY-MM-DD)")
        if not isinstance(entry, dict) or not entry.get("reference") or not entry.get("article"):
            raise ParameterError(f"{where}: {name} value from {start} has no reference and article")
        act = str(entry.get("act", ""))
        if act and act not in ACTS:
            raise ParameterError(f"{where}: {name} value from {start} cites unknown act {act!r}")
        sentence = entry.get("sentence")
        if sentence is not None and (isinstance(sentence, bool) or not isinstance(sentence, int) or sentence < 1):
            raise ParameterError(f"{where}: {name} value from {start}: sentence must be a number from 1")
        reference = Reference(
            str(entry["reference"]),
            str(entry["article"]),
            str(entry.get("constitution", "")),
            act,
            None if sentence is None else sentence - 1,
        )
        values.append(DatedValue(start, _parse_value(name, kind, entry.get("value"), where), reference))
    values.sort(key=lambda dated: dated.start)
    return Parameter(name, str(body.get("description", "")), kind, str(body.get("unit", "")), tuple(values))


class ParameterSet:
    """All parameters, by dotted name."""

    def __init__(self, parameters: dict[str, Parameter]) -> None:
        self._parameters = dict(sorted(parameters.items()))

    @classmethod
    def load(cls, directory: Path = PARAMETERS_DIR) -> ParameterSet:
        parameters: dict[str, Parameter] = {}
        files = sorted(directory.glob("*.yaml"))
        if not files:
            raise ParameterError(f"no parameter files in {directory}")
        for path in files:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(document, dict):
                raise ParameterError(f"{path.name}: expected a mapping of parameters")
            for name, body in document.items():
                if name in parameters:
                    raise ParameterError(f"{path.name}: parameter {name!r} is defined twice")
                parameters[str(name)] = _parse_parameter(str(name), body, path.name)
        return cls(parameters)

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._parameters.values())

    def __len__(self) -> int:
        return len(self._parameters)

    def get(self, name: str) -> Parameter:
        try:
            return self._parameters[name]
        except KeyError:
            raise ParameterError(f"unknown parameter {name!r}") from None

    def at(self, name: str, as_of: dt.date) -> DatedValue:
        return self.get(name).at(as_of)

    def integer(self, name: str, as_of: dt.date) -> int:
        value = self.at(name, as_of).value
        if not isinstance(value, int) or isinstance(value, bool):
            raise ParameterError(f"parameter {name!r} is not an integer")
        return value

    def flag(self, name: str, as_of: dt.date) -> bool:
        value = self.at(name, as_of).value
        if not isinstance(value, bool):
            raise ParameterError(f"parameter {name!r} is not true/false")
        return value

    def names(self, name: str, as_of: dt.date) -> tuple[str, ...]:
        value = self.at(name, as_of).value
        if not isinstance(value, tuple):
            raise ParameterError(f"parameter {name!r} is not a list")
        return value

    def text(self, name: str, as_of: dt.date) -> str:
        value = self.at(name, as_of).value
        if not isinstance(value, str):
            raise ParameterError(f"parameter {name!r} is not text")
        return value

    def protections(self, name: str, as_of: dt.date) -> Protections:
        value = self.at(name, as_of).value
        if not isinstance(value, Protections):
            raise ParameterError(f"parameter {name!r} is not a list of protections")
        return value

    def majority(self, name: str, as_of: dt.date) -> Majority:
        value = self.at(name, as_of).value
        if not isinstance(value, Majority):
            raise ParameterError(f"parameter {name!r} is not a majority")
        return value

    def in_force(self, as_of: dt.date) -> list[tuple[Parameter, DatedValue]]:
        """Every parameter that has a value on ``as_of``, with that value."""
        rows: list[tuple[Parameter, DatedValue]] = []
        for parameter in self:
            try:
                rows.append((parameter, parameter.at(as_of)))
            except ParameterError:
                continue
        return rows


_DEFAULT: ParameterSet | None = None


def default_parameters() -> ParameterSet:
    """The parameters shipped with atazan, loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ParameterSet.load()
    return _DEFAULT


def format_value(value: ParameterValueType, unit: str = "") -> str:
    """A value in words; a majority is described over ``unit`` (the parameter's unit: members, regions, voters)."""
    if isinstance(value, Majority):
        return value.describe(unit)
    if isinstance(value, Protections):
        return "; ".join(f"{item.provision} (Art. {item.clause}: {item.subject})" for item in value)
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "—" if value is None else str(value)
