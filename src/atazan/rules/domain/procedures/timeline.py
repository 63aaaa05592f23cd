"""A procedure as a timeline: its steps, who takes each, the article, and the figures read on one date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from atazan.rules.domain.parameters import ParameterSet
from atazan.rules.domain.procedures.messages import Citation, Msg, office
from atazan.rules.domain.procedures.votes import integer, names, threshold


@dataclass(frozen=True, slots=True)
class Step:
    code: str
    actor: str  # an office code (labels in messages.OFFICE_LABELS)
    citation: Citation
    text: Msg

    @property
    def actor_label(self) -> Msg | str:
        return office(self.actor)


@dataclass(frozen=True, slots=True)
class Procedure:
    key: str
    title: Msg
    summary: Msg
    constitution: str
    as_of: dt.date  # the date whose figures the steps show
    steps: tuple[Step, ...]
    parameters: tuple[str, ...]  # dotted names of the parameters the steps use

    def messages(self) -> list[Msg]:
        return [self.title, self.summary, *(s.text for s in self.steps)]


class Figures:
    """Reads figures on one date and remembers which parameters were read."""

    def __init__(self, params: ParameterSet, on: dt.date) -> None:
        self.params, self.on, self.used = params, on, []  # type: ignore[var-annotated]

    def n(self, name: str) -> int:
        self.used.append(name)
        return integer(self.params, name, self.on)[0]

    def minimum(self, name: str, base: int) -> int:
        self.used.append(name)
        return threshold(self.params, name, count=0, total=base, present=None, as_of=self.on).minimum

    def seats(self) -> int:
        return self.n("kurultai.seats")

    def names(self, name: str) -> tuple[str, ...]:
        self.used.append(name)
        return names(self.params, name, self.on)[0]


def cite(article: str, constitution: str = "2026") -> Citation:
    return Citation(article, constitution)
