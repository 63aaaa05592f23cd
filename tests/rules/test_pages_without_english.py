"""No English on the rules pages in Kazakh and Russian (issue 15): each parameter's reference, the never-amendable
subjects, the matters of constitutional laws and the values of text parameters by their labels, every worked case's
name and outcome, and the check form's refusal, each in the reader's language; the English stays the data's own."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml
from django.test import Client
from django.utils import translation

from atazan.rules.domain.cases import procedure_examples, worked_examples
from atazan.rules.domain.parameters import default_parameters
from atazan.rules.values import reference_render, value_render
from atazan.web.english_share import page_share

LANGUAGES = ("kk", "ru")


def _client(language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["atazan_language"] = language
    return client


def _english(text: str) -> tuple[str, ...]:
    return tuple(page_share("text", f"<p>{text}</p>").english)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "/rules/",
        "/rules/?as_of=2026-06-30",
        "/rules/procedures/priority/",
        "/rules/procedures/confidence/",
        "/rules/procedures/president_election/",
        "/rules/procedures/amendment_1995/?as_of=2026-06-30",
    ],
)
def test_rules_pages_show_no_english(language: str, path: str) -> None:
    """The index (parameters with their references, and every worked case) and procedure pages whose references and
    readings ("Assumption: …", "designation", "calendar") were English."""
    response = _client(language).get(path)
    assert response.status_code == 200
    share = page_share(path, response.content.decode())
    assert share.share <= 0.01, share.sample(20)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_worked_case_is_named_in_the_readers_language(language: str) -> None:
    case = next(e for e in procedure_examples() if e.name.startswith("Treason charge initiated by 48"))
    page = _client(language).get("/rules/").content.decode()
    assert case.name not in page
    assert case.name_in(language) in page
    assert "presidential_election|43(1)" not in page  # a matter of constitutional law by its label and article
    # the outcome in words, its codes kept for machines in data-outcome only
    assert "<code>result: refused" not in page and 'data-outcome="result: refused' in page
    words = {
        "kk": "ескертулер: бастамаға депутаттар жеткіліксіз",
        "ru": "замечания: для инициативы недостаточно депутатов",
    }
    assert words[language] in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_forms_refusal_and_results_show_no_english(language: str) -> None:
    bill = {
        "initiator": "president",
        "kind": "amendment",
        "date": "2026-10-01",
        "introduced_in": "kurultai",
        "provisions-TOTAL_FORMS": "3",
        "provisions-INITIAL_FORMS": "0",
    }
    refused = _client(language).get("/rules/check/", {**bill, "amends_articles": "97"})
    assert refused.status_code == 422
    assert "has no Article" not in refused.content.decode()
    for response in (refused, _client(language).get("/rules/check/", {**bill, "amends_articles": "43(1)\n2(7)"})):
        share = page_share("/rules/check/", response.content.decode())
        assert share.share <= 0.01, share.sample(20)


def test_every_case_is_named_in_kazakh_and_russian() -> None:
    examples = [*worked_examples(), *procedure_examples()]
    assert len(examples) >= 170
    for example in examples:
        for language in LANGUAGES:
            shown = example.name_in(language)
            assert shown != example.name, (example.name, language)
            assert _english(shown) == (), (example.name, language, shown)
        assert example.name_in("en") == example.name


def test_every_reference_entry_has_kazakh_and_russian() -> None:
    data = yaml.safe_load(files("atazan.rules").joinpath("data/parameter_references.yaml").read_text("utf-8"))
    dated = {f"{p.name}@{v.start}" for p in default_parameters() for v in p.values}
    for section in ("references", "subjects"):
        for key, variants in data[section].items():
            assert set(variants) == {"kk", "ru"}, key
            assert all(text.strip() for text in variants.values()), key
    assert set(data["references"]) <= dated  # no entry for a value that no longer exists


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reference_and_value_renders_without_english(language: str) -> None:
    with translation.override(language):
        for parameter in default_parameters():
            for dated in parameter.values:
                reference = reference_render(dated.reference.text, name=parameter.name, start=dated.start)
                value = value_render(dated.value, parameter.unit)
                assert _english(reference) == (), (parameter.name, dated.start, reference)
                assert _english(value) == (), (parameter.name, dated.start, value)
    with translation.override("en"):
        parameter = default_parameters().get("legislature.priority_bill_period_starts")
        dated = parameter.values[0]
        assert reference_render(dated.reference.text, name=parameter.name, start=dated.start).startswith("Assumption:")
