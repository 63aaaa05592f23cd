"""Forms of the secretariat's pages. They only parse input; the services check the rules and the permissions."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .domain.drafting import ChangeKind
from .models import Decision

_SPLIT = re.compile(r"[\s,;]+")


def split_list(value: str) -> list[str]:
    return [v for v in _SPLIT.split(value.strip()) if v]


def titles_pop(data: dict[str, object]) -> dict[str, str]:
    """The Kazakh and Russian variants of a title, taken out of a form's cleaned data."""
    return {lang: str(data.pop(f"title_{lang}", "") or "") for lang in ("kk", "ru")}


class SessionForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("Title"), max_length=300)
    title_kk = forms.CharField(label=_("Title in Kazakh"), max_length=300, required=False)
    title_ru = forms.CharField(label=_("Title in Russian"), max_length=300, required=False)
    broadcast_url = forms.URLField(label=_("Live broadcast link"), required=False, assume_scheme="https")


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=500)
    title_kk = forms.CharField(label=_("Title in Kazakh"), max_length=500, required=False)
    title_ru = forms.CharField(label=_("Title in Russian"), max_length=500, required=False)
    articles = forms.CharField(
        label=_("Articles of the 2026 Constitution"), required=False,
        help_text=_("Numbers separated by commas, such as 53, 58"),
    )  # fmt: skip
    theme_number = forms.TypedChoiceField(label=_("Proposal theme (from the consultation)"), required=False,
                                          coerce=int, empty_value=None)  # fmt: skip
    theme = forms.CharField(label=_("or a theme in your words"), max_length=300, required=False)
    proposals = forms.CharField(
        label=_("Proposals (registration numbers)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Separated by commas or spaces; the theme's representative proposals are added"),
    )  # fmt: skip

    def __init__(self, *args: object, themes: list[tuple[int, str]] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["theme_number"].choices = [("", "—"), *themes] if themes else [("", "—")]  # type: ignore[attr-defined]


class SpeakerForm(forms.Form):
    seat = forms.IntegerField(label=_("Member's seat number"), required=False, min_value=1)
    name = forms.CharField(label=_("or a guest speaker's name"), max_length=200, required=False)
    topic = forms.CharField(label=_("Topic"), max_length=300, required=False)


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=Decision.Kind.choices)
    summary = forms.CharField(
        label=pgettext_lazy("short account of a text", "Summary"), widget=forms.Textarea(attrs={"rows": 2})
    )
    change_kind = forms.ChoiceField(
        label=_("Change to the draft"), required=False,
        choices=[("", _("none")), (ChangeKind.AMEND.value, _("new wording of an article")),
                 (ChangeKind.INSERT.value, _("a new article")), (ChangeKind.REPEAL.value, _("repeal an article"))],
    )  # fmt: skip
    change_article = forms.CharField(label=_("Article"), max_length=20, required=False)
    change_after = forms.CharField(label=_("after Article (for a new one)"), max_length=20, required=False)
    change_wording = forms.CharField(label=_("Wording"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
