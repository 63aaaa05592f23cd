"""The life of an appeal: registered → under review → an outcome with an official answer.

Law of the Republic of Kazakhstan "On the procedure for considering appeals of individuals and legal entities"
(2007; now Administrative Procedural Code, Ch. 2): an appeal is registered, considered, and answered in writing;
an anonymous appeal, or one with no stated essence, is not considered.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import ConsultationError
from .messages import Msg, msg


class Status(StrEnum):
    REGISTERED = "registered"
    UNDER_REVIEW = "under_review"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    MERGED = "merged"
    OUT_OF_SCOPE = "out_of_scope"


OUTCOMES = frozenset({Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED, Status.MERGED, Status.OUT_OF_SCOPE})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.REGISTERED: frozenset({Status.UNDER_REVIEW, Status.OUT_OF_SCOPE, Status.MERGED}),
    Status.UNDER_REVIEW: frozenset(OUTCOMES),
}


class IllegalTransition(ConsultationError):
    """A status change the workflow does not allow."""


def status_change_check(
    *, record: str, current: Status, target: Status, answer: str, merged_into: str | None = None
) -> None:
    """Refuse a change the workflow forbids. Every outcome needs an official answer; "merged" names its target."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise IllegalTransition(record=record, rule=f"a proposal {current.value} cannot become {target.value}")
    if target in OUTCOMES and not answer.strip():
        raise IllegalTransition(record=record, rule="an outcome needs an official answer")
    if target is Status.MERGED and not merged_into:
        raise IllegalTransition(record=record, rule="a merged proposal names the proposal it is merged into")
    if target is Status.MERGED and merged_into == record:
        raise IllegalTransition(record=record, rule="a proposal cannot be merged into itself")


# the order in which the decision form offers a proposal's next statuses
_ORDER = (Status.UNDER_REVIEW, Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.REJECTED, Status.MERGED,
          Status.OUT_OF_SCOPE)  # fmt: skip


def transitions_from(current: Status) -> list[Status]:
    """The statuses a proposal may take next, in the form's order; none once it has its answer."""
    allowed = TRANSITIONS.get(current, frozenset())
    return [s for s in _ORDER if s in allowed]


def next_step_hint(current: Status) -> Msg | None:
    """What the working group must do first, said where the form cannot offer an outcome yet (or ever again)."""
    if current is Status.REGISTERED:
        return msg("workflow_review_first", "Accepted, partly accepted or rejected come after review: take the "
                   "proposal into review first. Out of scope and merged may be decided at once.")  # fmt: skip
    if current in OUTCOMES:
        return msg("workflow_final", "This proposal has its official answer; its status does not change again.")
    return None
