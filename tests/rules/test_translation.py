"""Every violation speaks the reader's language and quotes the official sentence it rests on."""

from __future__ import annotations

import datetime as dt
import gettext
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.urls import resolve
from typer.testing import CliRunner

from atazan.rules.domain.bill import bill_from_dict
from atazan.rules.domain.cases import CASES_DIR as CASES
from atazan.rules.domain.checks import Violation, bill_violations
from atazan.rules.domain.explain import LABELS, fields
from atazan.rules.domain.parameters import ACTS
from atazan.rules.translation import violation_render

LOCALE = Path(__file__).resolve().parents[2] / "src" / "atazan" / "rules" / "locale"

# Bills that between them make every check speak (each template at least once).
BILLS: list[dict[str, Any]] = [
    {"initiator": "citizen", "date": "2026-10-01", "introduced_in": "senate"},
    {
        "initiator": "deputy",
        "date": "2026-10-01",
        "fiscal_effect": {"reduces_revenue": True, "increases_spending": True},
    },
    {
        "initiator": "deputy",
        "date": "2026-10-01",
        "government_opinion": "negative",
        "fiscal_effect": {"reduces_revenue": True},
    },
    {
        "initiator": "deputy",
        "date": "2026-10-01",
        "enters_into_force": "2026-09-01",
        "provisions": [
            {"label": "Art. 1", "applies_from": "2026-09-01", "adds_duties": True, "worsens_position": True},
            {"label": "Art. 2", "applies_from": "2026-08-01", "establishes_liability": True},
        ],
    },
    {
        "initiator": "deputy",
        "date": "2026-10-01",
        "enters_into_force": "2027-01-01",
        "provisions": [{"label": "Art. 1", "applies_from": "2026-12-01", "increases_liability": True}],
    },
    {
        "initiator": "deputy",
        "kind": "constitutional",
        "date": "2026-10-01",
        "amends_articles": ["33(5)"],
        "urgent": True,
    },
    {"initiator": "acting_president", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["43", "2(7)"]},
    {"initiator": "deputy", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["2(4)"], "urgent": True},
    {
        "initiator": "president",
        "kind": "amendment",
        "date": "2026-10-01",
        "amends_articles": ["2(4)"],
        "constitutional_court_opinion": "non_compliant",
    },
    {"initiator": "president", "kind": "amendment", "date": "2018-10-01", "amends_articles": ["1"]},
]


def _violations() -> list[Violation]:
    found = [v for raw in BILLS for v in bill_violations(bill_from_dict(raw))]
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if case["check"] == "bill":
                found.extend(bill_violations(bill_from_dict(case["situation"])))
    return found


def _catalogue(language: str) -> dict[str, str]:
    """The compiled catalogue (the .mo file Django reads)."""
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        catalogue: dict[str, str] = gettext.GNUTranslations(mo)._catalog  # type: ignore[attr-defined]
    return {k: v for k, v in catalogue.items() if isinstance(k, str) and k and v}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_template_has_a_translation_with_the_same_fields(language: str) -> None:
    catalogue = _catalogue(language)
    templates = {t for v in _violations() if v.text is not None for t in v.text.templates()}
    templates |= set(LABELS.values()) | set(ACTS.values())
    assert len(templates) >= 40
    missing = sorted(t for t in templates if t not in catalogue)
    assert not missing, f"no {language} translation: {missing}"
    for template in templates:
        assert fields(catalogue[template]) == fields(template), template


def test_a_violation_in_russian_and_kazakh_cites_and_quotes_the_official_text() -> None:
    bill = bill_from_dict({"initiator": "deputy", "date": "2026-10-01", "fiscal_effect": {"reduces_revenue": True}})
    (violation,) = bill_violations(bill)
    ru = violation_render(violation, language="ru", stored=False)
    kk = violation_render(violation, language="kk", stored=False)
    en = violation_render(violation, language="en", stored=False)
    # the paragraph first, the article in the genitive (GLOSSARY.md), never "60(6)-бап"
    assert ru["message"].startswith("п. 6 ст. 60 Конституции 2026 г.: законопроект сокращает государственные доходы")
    assert kk["message"].startswith(
        "2026 жылғы Конституцияның 60-бабының 6-тармағы: заң жобасы мемлекеттік кірістерді қысқартады"
    )
    assert en["message"] == violation.message
    assert ru["quote"].startswith("Проекты законов, предусматривающие сокращение государственных доходов")
    assert ru["quote_language"] == "rus" and kk["quote_language"] == "kaz"
    assert en["quote"] == ru["quote"]  # no official English text: the Russian one, marked as such
    assert (
        ru["url"] == "/texts/2026/rus/art/60/#art_60__para_6" and kk["url"] == "/texts/2026/kaz/art/60/#art_60__para_6"
    )


def test_the_sentence_quoted_is_the_one_the_rule_rests_on() -> None:
    """Art. 5(5) says duties and liability in separate sentences; 1995 Art. 91(1) names the initiators first."""
    liability = bill_violations(
        bill_from_dict(
            {
                "initiator": "deputy",
                "date": "2026-10-01",
                "provisions": [{"label": "Art. 1", "applies_from": "2026-09-01", "increases_liability": True}],
            }
        )
    )
    assert violation_render(liability[0], language="ru", stored=False)["quote"] == (
        "Законы, устанавливающие или усиливающие ответственность, обратной силы не имеют."
    )
    initiative = bill_violations(
        bill_from_dict(
            {
                "initiator": "deputy",
                "kind": "amendment",
                "date": "2026-06-30",
                "amends_articles": ["33(5)"],
                "constitutional_court_opinion": "compliant",
            }
        )
    )
    assert violation_render(initiative[0], language="ru", stored=False)["quote"].endswith(
        "принятым им по собственной инициативе, предложению Парламента или Правительства."
    )


@pytest.mark.django_db
def test_the_link_opens_the_article_page() -> None:
    rendered = violation_render(
        bill_violations(bill_from_dict({"initiator": "citizen", "date": "2026-10-01"}))[0], language="kk", stored=False
    )
    match = resolve(rendered["url"].split("#")[0])
    assert match.view_name == "texts:article" and match.kwargs == {"year": 2026, "lang": "kaz", "num": "60"}


@pytest.mark.django_db
def test_the_stored_text_is_quoted_when_the_database_holds_it() -> None:
    from atazan.texts.services import official_text_import

    official_text_import(year=2026, language="rus")
    violation = bill_violations(bill_from_dict({"initiator": "citizen", "date": "2026-10-01"}))[0]
    assert violation_render(violation, language="ru")["quote"].startswith("Право законодательной инициативы")


def _check(tmp_path: Path, bill: dict[str, Any], *args: str) -> tuple[int, str, str]:
    from atazan.legislature.cli import app

    path = tmp_path / "BILL.json"
    path.write_text(json.dumps(bill), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_refuses_an_unreadable_article_naming_the_field(tmp_path: Path) -> None:
    code, _, err = _check(
        tmp_path, {"initiator": "president", "kind": "amendment", "date": "2026-11-01", "amends_articles": ["43 (one)"]}
    )
    assert code == 2 and "bill.amends_articles[0]" in err


@pytest.mark.parametrize("written", ["Art. 43(1)", "43.1", "ст. 43 п. 1", "43"])
def test_cli_catches_the_presidents_term_however_written(tmp_path: Path, written: str) -> None:
    code, out, _ = _check(
        tmp_path,
        {
            "initiator": "president",
            "kind": "amendment",
            "date": "2026-11-01",
            "amends_articles": [written],
            "constitutional_court_opinion": "compliant",
        },
        "--json",
        "--lang",
        "ru",
    )
    (violation,) = json.loads(out)["violations"]
    assert code == 1 and violation["rule"] == "never_amendable" and violation["article"] == "43(5)"
    assert violation["quote"] == "Положения пункта 1 настоящей статьи неизменны."


def test_cli_acting_president_introduces_a_costly_bill(tmp_path: Path) -> None:
    """Art. 51(1): the President's powers pass; 51(3) withholds only amendments and dissolution."""
    code, out, _ = _check(
        tmp_path,
        {
            "initiator": "acting_president",
            "date": dt.date(2026, 10, 1).isoformat(),
            "fiscal_effect": {"increases_spending": True},
        },
        "--json",
    )
    assert (code, json.loads(out)) == (0, {"violations": []})


def test_cli_rejects_an_unknown_language(tmp_path: Path) -> None:
    assert _check(tmp_path, {"initiator": "deputy", "date": "2026-10-01"}, "--lang", "de")[0] == 2


def test_a_dissolution_bar_quotes_its_article() -> None:
    from atazan.rules.domain.institutions import DissolutionGround, kurultai_dissolution

    outcome = kurultai_dissolution(
        ground=DissolutionGround.REPEATED_REFUSAL, as_of=dt.date(2026, 12, 1), refusals=2, martial_law=True
    )
    rendered = violation_render(outcome.bars[0], language="ru", stored=False)
    assert rendered["quote"].startswith("Курултай не может быть распущен в период чрезвычайного или военного положения")


def _institution_violations() -> list[Violation]:
    from atazan.rules.domain.institutions import DissolutionGround, kurultai_dissolution, vice_president_eligibility

    day = dt.date(2027, 1, 10)
    found = list(
        kurultai_dissolution(
            ground=DissolutionGround.REPEATED_REFUSAL,
            as_of=day,
            refusals=1,
            emergency=True,
            president_term_ends=dt.date(2027, 3, 1),
            previous_dissolution=dt.date(2026, 9, 1),
            acting_president=True,
        ).bars
    )
    found += kurultai_dissolution(ground=DissolutionGround.CONSULTATION, as_of=day, martial_law=True).bars
    found += vice_president_eligibility(
        party_member=True, representative_body_deputy=True, other_paid_post=True, business_activity=True, as_of=day
    )
    return found


def _peoples_council_violations() -> list[Violation]:
    from atazan.rules.domain.institutions import peoples_council_composition

    members = [("A", "ngo", 17, False), ("B", "unknown", 30, True)]
    members += [(f"N{index}", "ethno_cultural", 30, True) for index in range(43)]
    return peoples_council_composition(members=members, as_of=dt.date(2026, 10, 1))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_peoples_council_violations_are_templates_with_translations(language: str) -> None:
    found = _peoples_council_violations()
    assert [v.rule for v in found] == [
        "peoples_council_age",
        "peoples_council_citizenship",
        "peoples_council_group",
        "peoples_council_group_size",
    ]
    catalogue = _catalogue(language)
    templates = {t for v in found if v.text is not None for t in v.text.templates()}
    missing = sorted(t for t in templates if t not in catalogue)
    assert not missing, f"no {language} translation: {missing}"
    rendered = [violation_render(v, language=language, stored=False) for v in found]
    assert all(r["message"] != v.message for r, v in zip(rendered, found, strict=True))
    assert rendered[1]["quote_provision"] == "70(2)"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_dissolution_and_vice_president_violations_are_templates_with_translations(language: str) -> None:
    catalogue = _catalogue(language)
    found = _institution_violations()
    assert len(found) == 11 and all(v.text is not None for v in found)
    templates = {t for v in found if v.text is not None for t in v.text.templates()}
    missing = sorted(t for t in templates if t not in catalogue)
    assert not missing, f"no {language} translation: {missing}"
    for template in templates:
        assert fields(catalogue[template]) == fields(template), template
    rendered = [violation_render(v, language=language, stored=False) for v in found]
    assert all(r["message"] != v.message and r.get("quote") for r, v in zip(rendered, found, strict=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "said"), [("kk", "заң жобасы мемлекеттік кірістерді"), ("ru", "законопроект сокращает")]
)
def test_a_violation_on_the_check_page_speaks_the_reader_s_language_without_its_code(
    client: Any, language: str, said: str
) -> None:
    import re

    fields = {"initiator": "deputy", "kind": "ordinary", "date": "2026-10-01", "introduced_in": "kurultai"}
    fields |= {"reduces_revenue": "on", "provisions-TOTAL_FORMS": "3", "provisions-INITIAL_FORMS": "0"}
    page = client.get("/rules/check/", fields, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    block = re.search(r'<ul class="violations".*?</ul>', page, re.S)
    assert block is not None and 'data-code="fiscal_opinion"' in block.group()
    text = re.sub(r"<[^>]+>", " ", block.group())
    assert said in text
    assert "fiscal_opinion" not in text and "Art." not in text  # the code only as a machine attribute


def test_cli_speaks_the_language_of_lang_unless_told_otherwise(tmp_path: Path) -> None:
    from atazan.legislature.cli import app
    from atazan.messages.cli import cli_language

    path = tmp_path / "BILL.json"
    path.write_text(json.dumps({"initiator": "citizen", "date": "2026-10-01"}), encoding="utf-8")
    russian = CliRunner().invoke(app, ["check", str(path), "--json"], env={"LANG": "ru_RU.UTF-8", "LC_ALL": ""})
    (violation,) = json.loads(russian.stdout)["violations"]
    assert russian.exit_code == 1 and violation["rule"] == "legislative_initiative"  # the code stays stable
    assert "Право законодательной инициативы" in violation["quote"] and "initiative" not in violation["message"]
    told = CliRunner().invoke(app, ["check", str(path), "--json", "--lang", "en"], env={"LANG": "kk_KZ.UTF-8"})
    assert (
        json.loads(told.stdout)["violations"][0]["message"]
        == violation_render(
            bill_violations(bill_from_dict({"initiator": "citizen", "date": "2026-10-01"}))[0],
            language="en",
            stored=False,
        )["message"]
    )
    assert cli_language(None, {"LC_ALL": "kk_KZ.UTF-8", "LANG": "ru_RU.UTF-8"}) == "kk"
    assert cli_language(None, {"LANG": "C.UTF-8"}) == cli_language(None, {}) == "en"
    assert cli_language("ru", {"LANG": "kk_KZ"}) == "ru"


def test_a_never_amendable_provision_is_cited_as_kazakh_and_russian_write_it() -> None:
    bill = bill_from_dict(
        {"initiator": "president", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["43(1)"]}
    )
    (one,) = (v for v in bill_violations(bill) if v.rule == "never_amendable")
    whole = bill_from_dict(
        {"initiator": "president", "kind": "amendment", "date": "2026-10-01", "amends_articles": ["43"]}
    )
    (many,) = (v for v in bill_violations(whole) if v.rule == "never_amendable")
    assert one.message.endswith("the bill amends Art. 43(1), which may never be amended")  # English as before
    ru = violation_render(one, language="ru", stored=False)["message"]
    kk = violation_render(one, language="kk", stored=False)["message"]
    assert ru.endswith("законопроект изменяет неизменяемое положение: п. 1 ст. 43") and "43(1)" not in ru
    assert kk.endswith("заң жобасы өзгертілмейтін ережені өзгертеді: 43-баптың 1-тармағы") and "43(1)" not in kk
    several = violation_render(many, language="kk", stored=False)["message"]
    assert several.endswith(
        "заң жобасы өзгертетін ереже (43-бап) өзгертілмейтін ережелерді қозғайды: "
        "43-баптың 1-тармағы, 43-баптың 5-тармағы"
    )
