"""Domain errors of the Commission: each one names the record and the rule it broke, as messages (issue 15).

``record`` names what was wrong and ``rule`` the rule broken; both are ``Msg`` (a stable code on the rule, English
templates the adapter translates), and ``detail`` an optional ``Msg`` that says more (the figures of a vote). ``str()``
of the error is the English sentence (the console's and the log's language); ``msg`` is the whole sentence as one
``Msg`` for a page to render in the reader's language; ``code`` is the rule's code.
"""

from __future__ import annotations

from .messages import VOICE, Msg


class CommissionError(ValueError):
    """Bad input or a refused action, as a record and the rule it broke."""

    def __init__(self, *, record: Msg, rule: Msg, detail: Msg | None = None) -> None:
        self.record_msg = record
        self.rule_msg = rule
        self.detail_msg = detail
        self.code = rule.code
        self.record = record.render()
        self.rule = rule.render()
        self.detail = detail.render() if detail is not None else ""
        super().__init__(self.msg.render())

    @property
    def msg(self) -> Msg:
        """The whole refusal: "{record}: {rule}" (and "({detail})"), carrying the rule's code."""
        if self.detail_msg is not None:
            return VOICE.coded(
                self.code, "{record}: {rule} ({detail})", record=self.record_msg, rule=self.rule_msg,
                detail=self.detail_msg,
            )  # fmt: skip
        return VOICE.coded(self.code, "{record}: {rule}", record=self.record_msg, rule=self.rule_msg)


class CommissionPermissionError(CommissionError):
    """The acting user does not hold the role the action needs (or acts for someone else)."""


class QuorumError(CommissionError):
    """A vote or decision attempted at a session without a quorum."""


class DraftError(CommissionError):
    """A change that cannot be applied to a draft (unknown article, duplicate article, empty wording)."""
