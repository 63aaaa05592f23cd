"""Domain errors of the Commission: each one names the record and the rule it broke."""

from __future__ import annotations


class CommissionError(ValueError):
    """Bad input or a refused action. ``record`` names what was wrong; ``rule`` names the rule broken."""

    def __init__(self, *, record: str, rule: str, detail: str = "") -> None:
        self.record = record
        self.rule = rule
        self.detail = detail
        message = f"{record}: {rule}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class CommissionPermissionError(CommissionError):
    """The acting user does not hold the role the action needs (or acts for someone else)."""


class QuorumError(CommissionError):
    """A vote or decision attempted at a session without a quorum."""


class DraftError(CommissionError):
    """A change that cannot be applied to a draft (unknown article, duplicate article, empty wording)."""
