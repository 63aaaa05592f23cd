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
from atazan.consultation.domain.messages import Msg
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


class SubmitForm(forms.Form):
    """A citizen's appeal, as the submit page names its fields. The domain checks them (services.proposal_submit);
    the form only carries what was typed and the refusals, so none is said twice."""

    kind = forms.CharField(required=False)
    surname = forms.CharField(required=False)
    name = forms.CharField(required=False)
    patronymic = forms.CharField(required=False)
    iin = forms.CharField(required=False)
    region = forms.CharField(required=False)
    language = forms.CharField(required=False)
    text = forms.CharField(required=False, strip=False)


class ReviewForm(forms.Form):
    """A bulk action of the review queue on the proposals selected."""

    action = forms.CharField(required=False)
    assignee = forms.CharField(required=False)
    template = forms.CharField(required=False)
    answer = forms.CharField(required=False, strip=False)
    note = forms.CharField(required=False)


# The field each refusal concerns, by its code (domain.workflow, services, accounts.domain.iin) or, for a text the
# intake refuses (domain.intake.text_clean), by the text rule's label as "text:<label>".
TEXT_RULE_CODES = ("too_long", "nul", "control_character", "not_unicode")
DECISION_FIELDS: Mapping[str, str] = {
    "workflow_answer_needed": "answer",
    "text:official answer": "answer",
    "workflow_merge_target": "merged_into",
    "workflow_merge_self": "merged_into",
}
SUBMIT_FIELDS: Mapping[str, str] = {
    "anonymous": "surname",
    "text:surname": "surname",
    "text:given name": "name",
    "text:patronymic": "patronymic",
    "text:text": "text",
    "no_essence": "text",
    "iin": "iin",
    "own_iin": "iin",
    "region": "region",
    "language": "language",
    "kind": "kind",
}

REVIEW_FIELDS: Mapping[str, str] = {
    "hide_reason": "note",
    "text:moderation note": "note",
    "assignee": "assignee",
    "workflow_answer_needed": "answer",
    "text:official answer": "answer",
    "group_outcome": "template",
}


def refusal_key(error: ConsultationError) -> str:
    """What ``error`` is about: "text:<label>" for a text the intake refused, its code otherwise; an IIN's rules
    (accounts.domain.iin, codes iin_…) as "iin"."""
    if error.code in TEXT_RULE_CODES and error.rule_msg is not None:
        field = dict(error.rule_msg.params).get("field")
        if isinstance(field, Msg):
            return f"text:{field.template}"
    if error.code.startswith("iin_"):
        return "iin"
    return error.code


def refusal_add(
    form: forms.Form, error: ConsultationError, *, fields: Mapping[str, str], default: str | None
) -> None:  # fmt: skip
    """``error`` on ``form``, next to the field it concerns (``fields`` by refusal_key; ``default`` otherwise, None
    for the top of the form): the rule broken, in the reader's language, with what to do next. The record (this
    proposal, this appeal) goes without saying on its own form."""
    field = fields.get(refusal_key(error), default)
    if field is not None and field not in form.fields:
        field = default
    text = msg_render(error.rule_msg) if error.rule_msg is not None else error_text(error)
    form.add_error(field, capfirst(text))


def permission_text(error: Exception) -> str:
    """A refusal of the permission matrix (accounts' PermissionRefused) in the reader's language where it carries a
    message, else as it speaks."""
    message = getattr(error, "msg", None)
    return capfirst(msg_render(message)) if isinstance(message, Msg) else str(error)


def outcome_refusal(form: forms.Form) -> None:
    """A status that is none of the outcomes offered (a tampered form)."""
    form.add_error("status", _("Choose one of the outcomes offered."))
