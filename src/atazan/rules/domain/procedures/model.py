"""What a procedure's evaluation returns: dated milestones, refusals and a stable result code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from atazan.rules.domain.procedures.messages import Citation, Finding, Msg


@dataclass(frozen=True, slots=True)
class Milestone:
    """A step of a procedure on the calendar: ``due`` is the last day (or, for a waiting period, the first moment)
    it may happen, ``on`` when it did. ``late`` when it happened after ``due`` (a waiting period sets ``not_before``).
    """

    code: str
    citation: Citation
    message: Msg
    due: dt.date | None = None
    on: dt.date | None = None
    not_before: bool = False  # ``due`` is the earliest moment, not the latest

    @property
    def late(self) -> bool:
        if self.due is None or self.on is None:
            return False
        if self.not_before:
            return _comparable(self.on) < _comparable(self.due)
        return _comparable(self.on) > _comparable(self.due)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            **self.citation.as_dict(),
            "message": self.message.render(),
            "due": None if self.due is None else self.due.isoformat(),
            "on": None if self.on is None else self.on.isoformat(),
            "not_before": self.not_before,
            "late": self.late,
        }


def _comparable(value: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Outcome:
    """``result`` is a stable code ("adopted_without_vote", "refused", …); ``findings`` what the Constitution
    refuses or a missed deadline, each with its article; ``milestones`` the timeline.
    """

    procedure: str
    result: str
    milestones: tuple[Milestone, ...] = ()
    findings: tuple[Finding, ...] = ()
    figures: tuple[tuple[str, str], ...] = field(default=())  # exact figures used (minimum votes, base)

    @property
    def refused(self) -> bool:
        return bool(self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "procedure": self.procedure,
            "result": self.result,
            "milestones": [m.as_dict() for m in self.milestones],
            "findings": [f.as_dict() for f in self.findings],
            "figures": dict(self.figures),
        }

    def messages(self) -> list[Msg]:
        return [m.message for m in self.milestones] + [f.message for f in self.findings]
