"""Domain errors: each one names the record and the rule it broke."""

from __future__ import annotations

from .messages import Msg


class ConsultationError(ValueError):
    """Bad input for the consultation domain.

    ``record`` names what was wrong (a CSV row, an IIN, a proposal id); ``rule`` names the rule broken. Either may be
    a ``Msg`` (a code and a template the adapter translates); ``record`` and ``rule`` are then its English rendering
    (the console's and the log's language), ``record_msg``/``rule_msg`` the messages, ``code`` the rule's code.
    """

    def __init__(self, *, record: str | Msg, rule: str | Msg, detail: str = "") -> None:
        self.record_msg = record if isinstance(record, Msg) else None
        self.rule_msg = rule if isinstance(rule, Msg) else None
        self.code = rule.code if isinstance(rule, Msg) else ""
        self.record = str(record)
        self.rule = str(rule)
        self.detail = detail
        message = f"{self.record}: {self.rule}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class InvalidIin(ConsultationError):
    """An IIN that fails the format, date or check-digit rule."""


class InvalidProposalRow(ConsultationError):
    """A row of a proposals file that cannot be taken in."""


class InputRefused(ConsultationError):
    """A text, number or file the platform does not take in (domain.intake, domain.import_file): too long, a control
    character, a registration number outside its grammar, an unreadable file. Always carries messages."""

    def __init__(self, *, record: Msg, rule: Msg) -> None:
        super().__init__(record=record, rule=rule)
