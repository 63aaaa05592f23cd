"""The life of an appeal: registered → under review → an outcome with an official answer.

Law of the Republic of Kazakhstan "On the procedure for considering appeals of individuals and legal entities"
(2007; now Administrative Procedural Code, Ch. 2): an appeal is registered, considered, and answered in writing;
an anonymous appeal, or one with no stated essence, is not considered.
"""

from __future__ import annotations

from enum import StrEnum

from atazan.messages.domain import declare

from .errors import ConsultationError
from .messages import VOICE, Msg, msg


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
        raise IllegalTransition(record=record, rule=transition_refusal(current, target))
    if target in OUTCOMES and not answer.strip():
        needed = msg(
            "workflow_answer_needed",
            "an outcome needs an official answer: write the answer the author will receive, then record the decision",
        )
        raise IllegalTransition(record=record, rule=needed)
    if target is Status.MERGED and not merged_into:
        raise IllegalTransition(record=record, rule=msg("workflow_merge_target", "a merged proposal names the "
                                "proposal it is merged into: enter that proposal's registration number"))  # fmt: skip
    if target is Status.MERGED and merged_into == record:
        raise IllegalTransition(record=record, rule=msg("workflow_merge_self", "a proposal cannot be merged into "
                                "itself: enter the registration number of another proposal"))  # fmt: skip


# A status as a sentence names it (the code stays in the data; the page's labels are the model's choices).
STATUS_LABELS: dict[str, str] = declare("consultation", {
    "registered": "registered",
    "under_review": "under review",
    "accepted": "accepted",
    "partly_accepted": "partly accepted",
    "rejected": "rejected",
    "merged": "merged into another",
    "out_of_scope": "out of scope",
}, context="proposal status")  # fmt: skip


def status_label(status: Status) -> Msg:
    return VOICE.label(STATUS_LABELS[status.value], context="proposal status")


def transition_refusal(current: Status, target: Status) -> Msg:
    """Why a proposal cannot go from ``current`` to ``target``, and what to do instead."""
    now, wanted = status_label(current), status_label(target)
    if current in OUTCOMES:
        return msg("workflow_answered", "this proposal already has its official answer ({current}); its status "
                   "cannot become {target} and does not change again", current=now, target=wanted)  # fmt: skip
    if current is Status.REGISTERED and target in OUTCOMES:
        return msg("workflow_review_first", "a registered proposal cannot become {target} at once: take it into "
                   "review first, then record the outcome", target=wanted)  # fmt: skip
    return msg("workflow_transition", "a proposal that is {current} cannot become {target}: choose one of the "
               "statuses the form offers", current=now, target=wanted)  # fmt: skip


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
