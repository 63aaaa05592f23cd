"""Reads of the rules context: the dated parameters (they live in YAML, not in the database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from atazan.rules.domain.parameters import ParameterError, default_parameters, format_value


@dataclass(frozen=True)
class ParameterRow:
    name: str
    description: str
    start: dt.date
    end: dt.date | None
    value: str
    reference: str
    article: str
    constitution: str
    in_force: bool


def parameter_rows(*, as_of: dt.date) -> list[ParameterRow]:
    """Every dated value of every parameter, with whether it is the one in force on ``as_of``."""
    rows: list[ParameterRow] = []
    for parameter in default_parameters():
        try:
            current = parameter.at(as_of)
        except ParameterError:
            current = None
        for index, dated in enumerate(parameter.values):
            end = parameter.values[index + 1].start if index + 1 < len(parameter.values) else None
            rows.append(
                ParameterRow(
                    parameter.name,
                    parameter.description,
                    dated.start,
                    end,
                    format_value(dated.value, parameter.unit),
                    dated.reference.text,
                    dated.reference.article,
                    dated.reference.constitution,
                    dated is current,
                )
            )
    return rows
