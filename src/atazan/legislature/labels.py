"""What a reader sees for the legislature's codes: a bill's stages, steps, kinds and initiators, a vote's subject and
result, in the page's language (issue 15: codes are always shown through labels, never raw).

The English labels of stages and steps are the ones the migrations recorded as the fields' choices ("first reading"
for ``first_reading``), so moving them into the catalogue changes no schema.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atazan.legislature.domain.messages import STAGE_TEXT
from atazan.legislature.domain.process import Action
from atazan.rules.domain.bill import BillKind

# The domain's own table (domain.messages.STAGE_TEXT, context "bill stage"): one list of stages for pages and notes.
STAGE_LABELS: dict[str, Any] = {code: pgettext_lazy("bill stage", text) for code, text in STAGE_TEXT.items()}

# A step in a bill's history, as done (the clerk's form names the same steps as things to do: forms.ACTION_LABELS).
ACTION_DONE_LABELS: dict[str, Any] = {
    Action.INTRODUCE.value: pgettext_lazy("bill step", "introduce"),
    Action.STOP.value: pgettext_lazy("bill step", "stop"),
    Action.FIRST_READING.value: pgettext_lazy("bill step", "first reading"),
    Action.ADOPTION_VOTE.value: pgettext_lazy("bill step", "adoption vote"),
    Action.PRESENT.value: pgettext_lazy("bill step", "present"),
    Action.COURT_REFER.value: pgettext_lazy("bill step", "court refer"),
    Action.COURT_DECIDE.value: pgettext_lazy("bill step", "court decide"),
    Action.SIGN.value: pgettext_lazy("bill step", "sign"),
    Action.OBJECT.value: pgettext_lazy("bill step", "object"),
    Action.OVERRIDE_VOTE.value: pgettext_lazy("bill step", "override vote"),
    Action.OBJECTION_LAPSE.value: pgettext_lazy("bill step", "objection lapse"),
    Action.PUBLISH.value: pgettext_lazy("bill step", "publish"),
    Action.COURT_OPINION_REQUEST.value: pgettext_lazy("bill step", "court opinion request"),
    Action.COURT_OPINION.value: pgettext_lazy("bill step", "court opinion"),
    Action.REJECT.value: pgettext_lazy("bill step", "reject"),
    Action.REFERENDUM_CALL.value: pgettext_lazy("bill step", "referendum call"),
    Action.REFERENDUM_DECLINE.value: pgettext_lazy("bill step", "referendum decline"),
    Action.REFERENDUM_RESULT.value: pgettext_lazy("bill step", "referendum result"),
}

KIND_LABELS: dict[str, Any] = {
    BillKind.ORDINARY.value: pgettext_lazy("bill kind", "ordinary"),
    BillKind.CONSTITUTIONAL.value: pgettext_lazy("bill kind", "constitutional"),
    BillKind.AMENDMENT.value: pgettext_lazy("bill kind", "amendment"),
}

# What a recorded vote was about: a step's code, or the consent to the Vice President's appointment (Art. 62(2)).
VOTE_SUBJECT_LABELS: dict[str, Any] = {
    Action.FIRST_READING.value: pgettext_lazy("vote subject", "First reading"),
    Action.ADOPTION_VOTE.value: pgettext_lazy("vote subject", "Adoption"),
    Action.OVERRIDE_VOTE.value: pgettext_lazy("vote subject", "Repeated vote on the President's objections"),
    Action.REJECT.value: pgettext_lazy("vote subject", "Rejection of the bill as a whole"),
    "vice_president_consent": pgettext_lazy("vote subject", "Consent to the Vice President's appointment"),
}

VOTE_RESULT_LABELS: dict[str, Any] = {
    "passed": pgettext_lazy("vote result", "passed"),
    "failed": pgettext_lazy("vote result", "failed"),
    "no_quorum": pgettext_lazy("vote result", "no quorum"),
}

INITIATOR_LABELS: dict[str, Any] = {
    "president": _("President"),
    "deputy": _("Kurultai deputies"),
    "government": _("Government"),
    "peoples_council": _("People's Council"),
    "kurultai": _("Kurultai"),
    "other": _("Other"),
}


def label(table: dict[str, Any], code: str) -> str:
    """The label of ``code`` in ``table``; a code the table lacks is shown as its words, never with underscores."""
    found = table.get(code)
    return str(found) if found is not None else code.replace("_", " ")
