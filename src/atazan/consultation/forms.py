"""The working group's decision forms, and where a refusal is shown on them.

A refusal of the workflow or of the intake rules (a ``ConsultationError`` carrying a ``Msg``) is shown next to the
field it concerns, in the reader's language, with what to do next (issue 15): an outcome without an answer next to
the answer, a merge without its target next to the merge field, a step the workflow does not allow next to the
status. The page is shown again with what was typed, never a message at the top of another page.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from atazan.consultation.domain.errors import ConsultationError
from atazan.consultation.translation import error_text, msg_render


class DecisionForm(forms.Form):
    """One proposal's decision: its next status, the proposal it is merged into, the official answer."""

    status = forms.CharField()
    merged_into = forms.CharField(required=False)
    answer = forms.CharField(required=False, strip=False)


class GroupAnswerForm(forms.Form):
    """One official answer for a whole duplicate group (a campaign)."""

    status = forms.CharField()
    answer = forms.CharField(required=False, strip=False)
    with_linked = forms.CharField(required=False)


# The field each refusal concerns, by its code (domain.workflow, domain.intake, services); any other refusal
# concerns the status chosen.
TEXT_RULE_CODES = ("too_long", "nul", "control_character", "not_unicode")
DECISION_FIELDS: Mapping[str, str] = {
    "workflow_answer_needed": "answer",
    **dict.fromkeys(TEXT_RULE_CODES, "answer"),
    "workflow_merge_target": "merged_into",
    "workflow_merge_self": "merged_into",
}


def refusal_add(form: forms.Form, error: ConsultationError, *, fields: Mapping[str, str], default: str) -> None:
    """``error`` on ``form``, next to the field its code concerns (``fields``; ``default`` otherwise): the rule
    broken, in the reader's language. The record (this proposal) goes without saying on its own page."""
    field = fields.get(error.code, default)
    if field not in form.fields:
        field = default
    text = msg_render(error.rule_msg) if error.rule_msg is not None else error_text(error)
    form.add_error(field, capfirst(text))


def outcome_refusal(form: forms.Form) -> None:
    """A status that is none of the outcomes offered (a tampered form)."""
    form.add_error("status", _("Choose one of the outcomes offered."))
