"""The public bill form of /rules/check/: every field of BILL.json (docs/legislature-check.md) as a form, so a clerk
or a student composes a bill without writing JSON. The form only reads the input; the checks are the domain's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from atazan.rules.domain.article_ref import ArticleRefError, split_article_refs
from atazan.rules.domain.explain import LABELS, Msg
from atazan.rules.domain.procedures.steps_legislation import MATTER_LABELS
from atazan.rules.translation import msg_render

INITIATORS = (
    "president",
    "acting_president",
    "deputy",
    "government",
    "peoples_council",
    "constitutional_court",
)
CHAMBERS = ("kurultai", "majilis", "parliament")


def _labelled(codes: tuple[str, ...] | list[str], labels: dict[str, Any]) -> list[tuple[str, str]]:
    """Choices whose labels are rendered in the active language when the form is built."""
    return [(code, msg_render(labels[code] if isinstance(labels[code], Msg) else Msg(labels[code]))) for code in codes]


class ProvisionForm(forms.Form):
    """One provision of the bill and how it bears on people (Constitution 2026, Art. 5(5))."""

    label = forms.CharField(label=_("Provision"), max_length=200, required=False)
    applies_from = forms.DateField(
        label=_("Applies from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    adds_duties = forms.BooleanField(label=_("imposes new duties"), required=False)
    worsens_position = forms.BooleanField(label=_("worsens a person's position"), required=False)
    establishes_liability = forms.BooleanField(label=_("establishes liability"), required=False)
    increases_liability = forms.BooleanField(label=_("increases liability"), required=False)
    mitigates_liability = forms.BooleanField(label=_("mitigates liability"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("label") and not data.get("applies_from"):
            self.add_error("applies_from", _("A provision needs the date it applies from."))
        if data.get("applies_from") and not data.get("label"):
            self.add_error("label", _("Name the provision (e.g. Art. 2 of the bill)."))
        return data


ProvisionFormSet = forms.formset_factory(ProvisionForm, extra=3, max_num=20)


class BillCheckForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    initiator = forms.ChoiceField(label=_("Initiator"))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            ("ordinary", _("Law")),
            ("constitutional", _("Constitutional law")),
            ("amendment", _("Amendment to the Constitution")),
        ],
    )
    date = forms.DateField(label=_("Date of introduction"), widget=forms.DateInput(attrs={"type": "date"}))
    introduced_in = forms.ChoiceField(label=_("Introduced in"))
    enters_into_force = forms.DateField(
        label=_("Enters into force"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    urgent = forms.BooleanField(label=_("Government bill for immediate consideration (Art. 60(4))"), required=False)
    reduces_revenue = forms.BooleanField(label=_("Reduces state revenue"), required=False)
    increases_spending = forms.BooleanField(label=_("Increases state spending"), required=False)
    government_opinion = forms.ChoiceField(
        label=_("The Government's opinion (Art. 60(6))"),
        required=False,
        choices=[("", "—"), ("positive", _("positive")), ("negative", _("negative"))],
    )
    amends_articles = forms.CharField(
        label=pgettext_lazy(
            "bill check form",
            "Articles of the Constitution amended, one per line (e.g. 43(1), Art. 43, para. 1, ст. 43 п. 1)",
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    constitutional_court_opinion = forms.ChoiceField(
        label=_("The Constitutional Court's opinion on the amendment (Art. 93)"),
        required=False,
        choices=[
            ("", "—"),
            ("compliant", _("compliant with the Constitution")),
            ("non_compliant", _("not compliant with the Constitution")),
        ],
    )
    constitutional_law_matters = forms.MultipleChoiceField(
        label=_("Matters the constitutional law regulates (Art. 61(3))"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_matters = forms.CharField(
        label=_("Other matters the constitutional law regulates, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["initiator"].choices = _labelled(INITIATORS, LABELS)
        self.fields["introduced_in"].choices = _labelled(CHAMBERS, LABELS)
        self.fields["constitutional_law_matters"].choices = _labelled(list(MATTER_LABELS), MATTER_LABELS)

    def clean_amends_articles(self) -> list[str]:
        try:
            return split_article_refs(self.cleaned_data["amends_articles"])
        except ArticleRefError as exc:
            raise forms.ValidationError(
                _("Articles of the Constitution amended: %(error)s"), params={"error": exc}
            ) from exc

    def draft(self, provisions: list[dict[str, Any]]) -> dict[str, Any]:
        """The bill in the BILL.json form (docs/legislature-check.md) that the checks read."""
        data = self.cleaned_data
        draft: dict[str, Any] = {
            "title": data["title"] or "untitled bill",
            "initiator": data["initiator"],
            "kind": data["kind"],
            "date": data["date"].isoformat(),
            "introduced_in": data["introduced_in"],
            "fiscal_effect": {
                "reduces_revenue": data["reduces_revenue"],
                "increases_spending": data["increases_spending"],
            },
            "provisions": provisions,
            "amends_articles": data["amends_articles"],
        }
        matters = [*data["constitutional_law_matters"], *_lines(data["other_matters"])]
        if matters:
            draft["constitutional_law_matters"] = matters
        for key in ("government_opinion", "constitutional_court_opinion"):
            if data[key]:
                draft[key] = data[key]
        if data["enters_into_force"]:
            draft["enters_into_force"] = data["enters_into_force"].isoformat()
        if data["urgent"]:
            draft["urgent"] = True
        return draft


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def provisions_draft(formset: Any) -> list[dict[str, Any]]:
    """The filled rows of a valid provision formset in the BILL.json form."""
    rows = []
    for form in formset:
        data = form.cleaned_data
        if not data or not data.get("label"):
            continue
        rows.append(
            {
                "label": data["label"],
                "applies_from": data["applies_from"].isoformat(),
                **{
                    key: bool(data.get(key))
                    for key in (
                        "adds_duties",
                        "worsens_position",
                        "establishes_liability",
                        "increases_liability",
                        "mitigates_liability",
                    )
                },
            }
        )
    return rows
