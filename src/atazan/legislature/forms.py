"""Staff forms of the Kurultai's clerk: register a bill, record a step. The rules are applied in the services and the
domain; these forms only read the input (and name the field that is wrong)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atazan.legislature.domain.messages import coded
from atazan.legislature.domain.process import Action, ReferendumCount, Refused
from atazan.legislature.models import Bill
from atazan.legislature.services import BallotRow, Totals, ballots_from_csv
from atazan.rules.domain.article_ref import ArticleRefError, split_article_refs

ACTION_LABELS: dict[str, Any] = {
    Action.INTRODUCE.value: _("Introduce in the Kurultai"),
    Action.STOP.value: _("Stop for a constitutional violation"),
    Action.FIRST_READING.value: _("First reading vote"),
    Action.ADOPTION_VOTE.value: _("Adoption vote"),
    Action.REJECT.value: _("Vote to reject the bill as a whole"),
    Action.PRESENT.value: _("Send to the President for signature"),
    Action.COURT_REFER.value: _("Refer to the Constitutional Court"),
    Action.COURT_DECIDE.value: _("Record the Constitutional Court's decision"),
    Action.SIGN.value: _("Record the President's signature"),
    Action.OBJECT.value: _("Record the President's objections"),
    Action.OVERRIDE_VOTE.value: _("Repeated vote on the objections"),
    Action.OBJECTION_LAPSE.value: _("Record that the month for the repeated vote has passed"),
    Action.PUBLISH.value: _("Record the official publication"),
    Action.COURT_OPINION_REQUEST.value: _("Ask the Constitutional Court for its opinion"),
    Action.COURT_OPINION.value: _("Record the Constitutional Court's opinion"),
    Action.REFERENDUM_CALL.value: _("Record the President's decision to call a referendum"),
    Action.REFERENDUM_DECLINE.value: _("Record the President's decision not to call a referendum"),
    Action.REFERENDUM_RESULT.value: _("Record the referendum's result"),
}
VOTE_ACTIONS = frozenset({Action.FIRST_READING, Action.ADOPTION_VOTE, Action.REJECT, Action.OVERRIDE_VOTE})
COURT_ACTIONS = frozenset({Action.COURT_DECIDE, Action.COURT_OPINION})


class BillForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=40)
    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=pgettext_lazy("short account of a text", "Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    initiator = forms.ChoiceField(label=_("Initiator"), choices=Bill.Initiator.choices)
    initiator_detail = forms.CharField(label=_("Initiator (details)"), max_length=300, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            ("ordinary", _("Law")),
            ("constitutional", _("Constitutional law")),
            ("amendment", _("Amendment to the Constitution")),
        ],
    )
    date = forms.DateField(label=_("Date of introduction"), widget=forms.DateInput(attrs={"type": "date"}))
    enters_into_force = forms.DateField(
        label=_("Enters into force"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    urgent = forms.BooleanField(label=_("Government bill for immediate consideration (Art. 60(4))"), required=False)
    temporary_act = forms.CharField(
        label=_("The Government's temporary act (Art. 60(4))"), max_length=300, required=False
    )
    reduces_revenue = forms.BooleanField(label=_("Reduces state revenue"), required=False)
    increases_spending = forms.BooleanField(label=_("Increases state spending"), required=False)
    government_opinion = forms.ChoiceField(
        label=_("The Government's opinion (Art. 60(6))"),
        required=False,
        choices=[("", "—"), ("positive", _("positive")), ("negative", _("negative"))],
    )
    amends_articles = forms.CharField(
        label=_("Articles of the Constitution amended, one per line (e.g. 43(1), Art. 43, para. 1, ст. 43 п. 1)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    constitutional_law_matters = forms.CharField(
        label=_("Matters the constitutional law regulates (Art. 61(3) codes, one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    provisions = forms.CharField(
        label=_("Provisions as JSON (see docs/legislature-check.md)"),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": '[{"label": "Art. 2", "applies_from": "2027-01-01", "adds_duties": true}]'}
        ),
    )
    introduce = forms.BooleanField(label=_("Introduce in the Kurultai now"), required=False, initial=True)

    def clean_amends_articles(self) -> list[str]:
        """Read by the article grammar: ``Article 43, paragraph 1`` is one reference, ``43(1), 2(4)`` two."""
        try:
            return split_article_refs(self.cleaned_data["amends_articles"])
        except ArticleRefError as exc:
            raise forms.ValidationError(
                _("Articles of the Constitution amended: %(error)s"), params={"error": exc}
            ) from exc

    def clean_provisions(self) -> list[Any]:
        raw = self.cleaned_data["provisions"].strip()
        if not raw:
            return []
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(_("Not valid JSON: %(error)s"), params={"error": exc}) from exc
        if not isinstance(value, list):
            raise forms.ValidationError(_("Expected a JSON list of provisions"))
        return value

    def draft(self) -> dict[str, Any]:
        """The bill in the BILL.json form (docs/legislature-check.md) that the checks read."""
        data = self.cleaned_data
        draft: dict[str, Any] = {
            "title": data["title"],
            "initiator": data["initiator"],
            "kind": data["kind"],
            "date": data["date"].isoformat(),
            "fiscal_effect": {
                "reduces_revenue": data["reduces_revenue"],
                "increases_spending": data["increases_spending"],
            },
            "provisions": data["provisions"],
            "amends_articles": data["amends_articles"],
        }
        matters = [line.strip() for line in data["constitutional_law_matters"].splitlines() if line.strip()]
        if matters:
            draft["constitutional_law_matters"] = matters
        if data["urgent"]:
            draft["urgent"] = True
        if data["government_opinion"]:
            draft["government_opinion"] = data["government_opinion"]
        if data["enters_into_force"]:
            draft["enters_into_force"] = data["enters_into_force"].isoformat()
        return draft


class StepForm(forms.Form):
    action = forms.ChoiceField(label=_("Step"))
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    ballots_csv = forms.FileField(
        label=_("Ballots by deputy (CSV: mandate,choice or party,key,choice)"), required=False
    )
    yes = forms.IntegerField(label=_("For"), min_value=0, required=False)
    no = forms.IntegerField(label=_("Against"), min_value=0, required=False)
    abstain = forms.IntegerField(label=_("Abstained"), min_value=0, required=False)
    present = forms.IntegerField(label=_("Present"), min_value=0, required=False)
    compliant = forms.ChoiceField(
        label=_("The Court found it"),
        required=False,
        choices=[
            ("", "—"),
            ("yes", _("compliant with the Constitution")),
            ("no", _("not compliant with the Constitution")),
        ],
    )
    referred_by = forms.ChoiceField(
        label=_("Referred by (Art. 73(1))"),
        required=False,
        choices=[
            ("president", _("the President")),
            ("kurultai_chair", _("the Chair of the Kurultai")),
            ("prime_minister", _("the Prime Minister")),
            ("deputies", _("deputies (at least one fifth of all)")),
        ],
    )
    referring_deputies = forms.IntegerField(label=_("Number of referring deputies"), min_value=0, required=False)
    president_wording = forms.BooleanField(
        label=_("The President proposed his own wording (Art. 56(2))"), required=False
    )
    referendum_slug = forms.SlugField(label=_("Referendum question (slug in /referendum/)"), required=False)
    eligible = forms.IntegerField(label=_("Citizens entitled to vote"), min_value=0, required=False)
    took_part = forms.IntegerField(label=_("Took part"), min_value=0, required=False)
    regions = forms.CharField(
        label=_("By region (CSV: region,yes,took_part; all 20)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, actions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(a, ACTION_LABELS.get(a, a)) for a in actions]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = Action(data["action"]) if data.get("action") else None
        if action in VOTE_ACTIONS:
            totals = [data.get(name) for name in ("yes", "no", "abstain", "present")]
            if data.get("ballots_csv") is None and any(v is None for v in totals):
                raise forms.ValidationError(_("A vote needs the ballots by deputy (CSV) or all four totals."))
        if action in COURT_ACTIONS and not data.get("compliant"):
            self.add_error("compliant", _("The Court's finding is needed."))
        if action is Action.REFERENDUM_RESULT and (data.get("eligible") is None or data.get("took_part") is None):
            raise forms.ValidationError(
                _(
                    "The referendum's result needs the citizens entitled to vote and those "
                    "who took part, and the count by region."
                )
            )
        return data

    def ballots(self) -> list[BallotRow] | None:
        upload = self.cleaned_data.get("ballots_csv")
        if upload is None:
            return None
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Refused(coded("ballots_csv_encoding", "ballots CSV: not UTF-8 text")) from exc
        return ballots_from_csv(text)

    def totals(self) -> Totals | None:
        if self.cleaned_data.get("ballots_csv") is not None or self.cleaned_data.get("yes") is None:
            return None
        d = self.cleaned_data
        return Totals(yes=d["yes"], no=d["no"], abstain=d["abstain"], present=d["present"])

    def referendum(self) -> ReferendumCount | None:
        d = self.cleaned_data
        if d.get("eligible") is None or d.get("took_part") is None:
            return None
        regions: list[tuple[int, int]] = []
        for line, row in enumerate(csv.reader(io.StringIO(d.get("regions") or "")), start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) != 3 or not row[1].strip().isdigit() or not row[2].strip().isdigit():
                raise Refused(
                    coded(
                        "referendum_regions_row",
                        "referendum regions line {line}: expected region,yes,took_part with whole numbers",
                        line=line,
                    )
                )
            regions.append((int(row[1]), int(row[2])))
        return ReferendumCount(eligible=d["eligible"], took_part=d["took_part"], regions=tuple(regions))
