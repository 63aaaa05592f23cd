"""Shares of all deputies (initiatives, majorities) read from the dated parameters, judged with exact integers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from atazan.rules.domain.majority import MajorityBase
from atazan.rules.domain.parameters import ParameterError, ParameterSet
from atazan.rules.domain.procedures.messages import Citation, ProcedureError


@dataclass(frozen=True, slots=True)
class Threshold:
    """A share applied to a count: whether ``count`` meets it, the smallest count that does, and its article."""

    met: bool
    count: int
    minimum: int
    base: int
    citation: Citation

    def as_dict(self) -> dict[str, object]:
        return {
            "met": self.met,
            "count": self.count,
            "minimum": self.minimum,
            "base": self.base,
            **self.citation.as_dict(),
        }


def citation_of(params: ParameterSet, name: str, as_of: dt.date) -> Citation:
    try:
        dated = params.at(name, as_of)
    except ParameterError as exc:
        raise ProcedureError(str(exc)) from exc
    return Citation(dated.reference.article, dated.reference.constitution)


def threshold(
    params: ParameterSet, name: str, *, count: int, total: int, present: int | None, as_of: dt.date
) -> Threshold:
    """Apply the share ``name`` to ``count`` of ``total`` members (or of ``present`` for a share of those present)."""
    if total <= 0:
        raise ProcedureError(f"a body needs members; got total={total}")
    if count < 0 or count > (present if present is not None else total) or (present is not None and present > total):
        raise ProcedureError(f"impossible count: {count} of {total} members (present: {present})")
    try:
        rule = params.majority(name, as_of)
    except ParameterError as exc:
        raise ProcedureError(str(exc)) from exc
    base = total if rule.of is MajorityBase.ALL else (present if present is not None else total)
    return Threshold(rule.met(count, base), count, rule.minimum(base), base, citation_of(params, name, as_of))


def integer(params: ParameterSet, name: str, as_of: dt.date) -> tuple[int, Citation]:
    try:
        return params.integer(name, as_of), citation_of(params, name, as_of)
    except ParameterError as exc:
        raise ProcedureError(str(exc)) from exc


def names(params: ParameterSet, name: str, as_of: dt.date) -> tuple[tuple[str, ...], Citation]:
    try:
        return params.names(name, as_of), citation_of(params, name, as_of)
    except ParameterError as exc:
        raise ProcedureError(str(exc)) from exc


def kurultai_total(params: ParameterSet, as_of: dt.date, total: int | None) -> int:
    """The number of all deputies: as given, else the seats of the Kurultai (Art. 53(1)) on ``as_of``."""
    if total is not None:
        return total
    return integer(params, "kurultai.seats", as_of)[0]
