"""Operator forms. A protocol entered by hand is checked by the same control relations as an imported one
(`domain.protocol.protocol_violations`); each broken relation is shown with its rule and legal source."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from atazan.referendum.domain.protocol import Protocol, Rejection, protocol_violations
from atazan.referendum.domain.units import UNITS, UnitRegistry
from atazan.referendum.translation import msg_render

DB_MAX = 2_147_483_647  # the largest figure every supported database stores in a PositiveIntegerField
ABROAD = "abroad"


def _figure(label: Any, *, required: bool = True) -> forms.IntegerField:
    # No min_value: a negative figure is the domain's rule `negative`, reported like every other rule.
    return forms.IntegerField(label=label, required=required, max_value=DB_MAX)


class ProtocolForm(forms.Form):
    precinct = forms.CharField(label=_("Precinct number"), max_length=40)
    unit = forms.ChoiceField(label=_("Region or city"))
    district = forms.CharField(label=_("District"), max_length=120, required=False)
    registered = _figure(_("Citizens entitled to take part"))
    ballots_received = _figure(_("Ballots received"), required=False)
    ballots_issued = _figure(_("Ballots issued"), required=False)
    ballots_unused = _figure(_("Ballots unused or spoiled"), required=False)
    took_part = _figure(_("Took part"))
    yes = _figure(_("Yes"))
    no = _figure(_("No"))
    invalid = _figure(_("Invalid ballots"))
    not_counted = _figure(_("Valid but not counted (all options marked)"))

    def __init__(self, *args: Any, registry: UnitRegistry, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registry = registry
        self.fields["unit"].choices = (
            [("", "—")]
            + [(u.code, u.name(language)) for u in UNITS]
            + [(ABROAD, _("Abroad (counted in the unit of the Ministry of Foreign Affairs)"))]
        )
        self.violations: list[Rejection] = []

    def protocol(self) -> Protocol:
        data = self.cleaned_data
        abroad = data["unit"] == ABROAD
        unit = self.registry.abroad_unit.code if abroad else data["unit"]
        return Protocol(
            precinct=data["precinct"].strip(),
            unit=unit,
            district=(data.get("district") or "").strip() or ("Abroad" if abroad else ""),
            registered=data["registered"],
            took_part=data["took_part"],
            yes=data["yes"],
            no=data["no"],
            invalid=data["invalid"],
            not_counted=data["not_counted"],
            ballots_received=data.get("ballots_received"),
            ballots_issued=data.get("ballots_issued"),
            ballots_unused=data.get("ballots_unused"),
            abroad=abroad,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        self.violations = protocol_violations(self.protocol())
        for v in self.violations:
            # next to the field the rule concerns first, in the reader's language, saying what to do; the rule's
            # code stays a machine attribute (ValidationError.code, data-rule), never the text
            text = msg_render(v.msg) if v.msg is not None else v.message
            field = next((f for f in v.fields if f in self.fields and not self.fields[f].disabled), None)
            self.add_error(field, forms.ValidationError(text, code=v.rule.value))
        return data

    @staticmethod
    def initial_from(record: dict[str, Any], registry: UnitRegistry) -> dict[str, Any]:
        """Form values from a protocol's `as_dict()` (a review record or a current version)."""
        out = {k: record.get(k) for k in ProtocolForm.base_fields if k in record}
        if record.get("abroad") and record.get("unit") == registry.abroad_unit.code:
            out["unit"] = ABROAD
        return out


class CorrectionForm(ProtocolForm):
    reason = forms.CharField(
        label=_("Reason (recount decision, who recounted)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The precinct and its unit are those of the protocol being corrected.
        for name in ("precinct", "unit", "district"):
            self.fields[name].disabled = True


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Protocols file (CSV or JSON, UTF-8)"))


class ResolveAcceptForm(ProtocolForm):
    note = forms.CharField(
        label=_("Reason for accepting (e.g. the recount decision)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args: Any, fixed_precinct: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if fixed_precinct:
            self.fields["precinct"].disabled = True
            self.initial["precinct"] = fixed_precinct


class ResolveDismissForm(forms.Form):
    note = forms.CharField(label=_("Reason for dismissing"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
