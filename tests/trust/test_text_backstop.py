"""Every text field of every atazan model keeps the same rules on SQLite and PostgreSQL (web/text_guard.py).

Before, SQLite stored a 100,000-character surname in a 200-character field, NUL bytes were stored (and failed only on
PostgreSQL, with a database error), and a right-to-left override stayed in the text.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.apps import apps
from django.db import models
from django.db.models.signals import pre_save
from django.test import RequestFactory
from django.utils import translation

from atazan.elections.models import Candidate, Election, PartyList
from atazan.web.middleware import SecurityHeadersMiddleware
from atazan.web.text_guard import TextFieldRefused, text_fields_check
from atazan.web.text_rules import BIDI_CONTROLS, TextRule

TEXT_FIELDS = [
    (model, field)
    for model in apps.get_models()
    if model._meta.app_config.name.startswith("atazan.")
    for field in model._meta.concrete_fields
    if isinstance(field, models.CharField | models.TextField)
]


def test_there_are_text_fields_in_every_context() -> None:
    labels = {model._meta.app_label for model, _ in TEXT_FIELDS}
    assert {"elections", "referendum", "consultation", "commission", "legislature", "texts"} <= labels


@pytest.mark.parametrize(("model", "field"), TEXT_FIELDS, ids=lambda x: getattr(x, "name", None) or x._meta.label)
def test_every_text_field_of_every_model_is_guarded_on_save(model: type[models.Model], field: models.Field) -> None:  # type: ignore[type-arg]
    instance = model()
    setattr(instance, field.attname, "\x00")
    with pytest.raises(TextFieldRefused) as caught:
        pre_save.send(sender=model, instance=instance, raw=False, using="default", update_fields=None)
    assert (caught.value.model, caught.value.field) == (model._meta.label, field.name)
    assert caught.value.code == TextRule.NUL.value and "NUL" in str(caught.value)
    if isinstance(field, models.CharField) and field.max_length:
        setattr(instance, field.attname, "я" * (field.max_length + 1))
        with pytest.raises(TextFieldRefused, match=f"at most {field.max_length} characters"):
            pre_save.send(sender=model, instance=instance, raw=False, using="default", update_fields=None)
    setattr(instance, field.attname, "\u202ea\u2066")
    text_fields_check([instance])
    assert getattr(instance, field.attname) == "a"


@pytest.mark.django_db
def test_an_over_long_name_is_refused_on_sqlite_too_naming_model_field_and_rule() -> None:
    election = Election.objects.create(slug="e", title="E", election_day=date(2026, 8, 30), seats=10, took_part=100)
    plist = PartyList.objects.create(election=election, party="A", registration_order=1)
    with pytest.raises(TextFieldRefused) as caught:
        Candidate.objects.create(party_list=plist, key="1", position=1, full_name="Ә" * 100_000,
                                 birth_date=date(1980, 1, 1), gender="male")  # fmt: skip
    assert str(caught.value) == "elections.Candidate, field full_name: at most 200 characters, got 100000"
    assert not Candidate.objects.exists()


@pytest.mark.django_db
def test_nul_is_refused_and_bidi_controls_are_removed_before_storing() -> None:
    with pytest.raises(TextFieldRefused, match="field title: NUL bytes"):
        Election.objects.create(slug="n", title="a\x00b", election_day=date(2026, 8, 30), seats=10)
    title = "AMANAT \u202egnp.exe" + "".join(sorted(BIDI_CONTROLS))
    election = Election.objects.create(slug="b", title=title, election_day=date(2026, 8, 30), seats=10)
    election.refresh_from_db()
    assert election.title == "AMANAT gnp.exe"


@pytest.mark.parametrize(("language", "words"), [("ru", "не более 200 символов"), ("kk", "200 таңбадан")])
def test_the_refusal_speaks_the_reader_s_language_on_a_page(language: str, words: str) -> None:
    instance = Candidate(full_name="x" * 201)
    with pytest.raises(TextFieldRefused) as caught:
        text_fields_check([instance])
    request = RequestFactory().post("/somewhere/")
    with translation.override(language):
        response = SecurityHeadersMiddleware(lambda r: None).process_exception(request, caught.value)  # type: ignore[arg-type,return-value]
    assert response is not None and response.status_code == 400
    body = response.content.decode()
    assert "elections.Candidate" in body and "full_name" in body and words in body


@pytest.mark.django_db
def test_the_api_answers_400_with_model_field_and_rule(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from atazan.elections import api as elections_api

    def storing(*args: object, **kwargs: object) -> None:
        Election.objects.create(slug="api", title="t\x00", election_day=date(2026, 8, 30), seats=1)

    monkeypatch.setattr(elections_api.selectors, "election_list", storing)
    r = client.get("/api/elections/")
    assert r.status_code == 400
    body = r.json()  # the API's one error shape (atazan.api_errors.ApiError): the model is the record
    assert (body["code"], body["record"], body["field"], body["rule"]) == (
        "text.text-nul", "elections.Election", "title", "text-nul"
    )  # fmt: skip
    assert json.dumps(r.json())
