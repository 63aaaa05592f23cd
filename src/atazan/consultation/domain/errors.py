"""Domain errors: each one names the record and the rule it broke."""

from __future__ import annotations


class ConsultationError(ValueError):
    """Bad input for the consultation domain.

    ``record`` names what was wrong (a CSV row, an IIN, a proposal id); ``rule`` names the rule broken.
    """

    def __init__(self, *, record: str, rule: str, detail: str = "") -> None:
        self.record = record
        self.rule = rule
        self.detail = detail
        message = f"{record}: {rule}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class InvalidIin(ConsultationError):
    """An IIN that fails the format, date or check-digit rule."""


class InvalidProposalRow(ConsultationError):
    """A row of a proposals file that cannot be taken in."""
